"""The installer's rules, one at a time, with the laptop faked where the code allows it: the
kit's checksums, which laptops it carries, where each platform puts things, the launcher it
writes, the locks it honours, and the pip settings it shuts out."""

from __future__ import annotations

import ast
import hashlib
import json
from pathlib import Path

import pytest

from inspect_tui.storage.lock import FolderLock
from kit import install
from kit.install import Layout, Refused, System

MANIFEST = {
    "version": "0.2.0",
    "wheel": "inspect_tui-0.2.0-py3-none-any.whl",
    "pythons": ["3.11", "3.12"],
    "glibc": "2.28",
    "targets": {
        name: ["textual-8.2.8-py3-none-any.whl"]
        for name in (
            "windows-x86_64-cp311",
            "linux-x86_64-cp311",
            "linux-aarch64-cp311",
            "windows-x86_64-cp312",
            "linux-x86_64-cp312",
            "linux-aarch64-cp312",
        )
    },
}
KYLIN_V10 = System("linux", "aarch64", (3, 11), ("glibc", (2, 28)))


def kit_with(tmp_path: Path, files: dict[str, bytes]) -> Path:
    for name, data in files.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_bytes(data)
    sums = [f"{hashlib.sha256(d).hexdigest()}  {n}" for n, d in sorted(files.items())]
    (tmp_path / "SHA256SUMS").write_text("\n".join(sums) + "\n", encoding="utf-8")
    return tmp_path


FILES = {"install.py": b"print()", "wheels/a-1-py3-none-any.whl": b"wheel", "GUIDE.txt": b"g"}


def refusal(call, *args) -> Refused:
    with pytest.raises(Refused) as caught:
        call(*args)
    return caught.value


def test_an_intact_kit_passes_and_counts_its_files(tmp_path):
    assert install.verify(kit_with(tmp_path, FILES)) == 3


@pytest.mark.parametrize(
    ("damage", "file", "why"),
    [
        (lambda kit: (kit / "wheels/a-1-py3-none-any.whl").unlink(), "wheels/a-1", "why.missing"),
        (lambda kit: (kit / "GUIDE.txt").write_bytes(b"G"), "GUIDE.txt", "why.changed"),
        (
            lambda kit: (kit / "wheels/evil-1-py3-none-any.whl").write_bytes(b""),
            "evil",
            "why.extra",
        ),
        (lambda kit: (kit / "SHA256SUMS").unlink(), "SHA256SUMS", "why.missing"),
        (lambda kit: (kit / "SHA256SUMS").write_text("garbage\n"), "SHA256SUMS", "why.changed"),
    ],
)
def test_a_damaged_kit_is_refused_naming_the_file(tmp_path, damage, file, why):
    kit = kit_with(tmp_path, FILES)
    damage(kit)
    refused = refusal(install.verify, kit)
    assert refused.key == "damaged"
    assert file in str(refused.values["file"])
    assert refused.values["why"].key == why
    line = install.say(refused.key, "zh", **refused.values)
    assert "\n" not in line and "SHA-256" in line and file in line


def test_a_laptop_the_kit_carries_gets_its_own_wheels():
    assert install.choose_target(MANIFEST, KYLIN_V10) == ["textual-8.2.8-py3-none-any.whl"]


@pytest.mark.parametrize(
    ("system", "key", "shown"),
    [
        (System("linux", "x86_64", (3, 13), ("glibc", (2, 36))), "python", "3.11, 3.12"),
        (System("linux", "x86_64", (3, 8), ("glibc", (2, 28))), "python", "3.8"),
        (System("linux", "x86_64", (3, 11), ("glibc", (2, 17))), "system", "glibc 2.17"),
        (System("linux", "x86_64", (3, 11), ("", ())), "system", "libc ?"),
        (System("darwin", "arm64", (3, 11), ("", ())), "system", "darwin arm64"),
        (System("windows", "aarch64", (3, 11), ("", ())), "system", "windows aarch64"),
    ],
)
def test_a_laptop_the_kit_does_not_carry_is_told_what_it_needs(system, key, shown):
    refused = refusal(install.choose_target, MANIFEST, system)
    assert refused.key == key
    assert shown in install.say(refused.key, "en", **refused.values)


def test_windows_puts_the_app_under_localappdata_with_shortcuts_on_desktop_and_start_menu():
    environ = {"USERPROFILE": r"C:\Users\li", "LOCALAPPDATA": r"C:\Users\li\AppData\Local"}
    layout = Layout.for_system("windows", environ, None, None)
    assert layout.prefix == Path(r"C:\Users\li\AppData\Local") / "Programs" / "inspect-tui"
    assert layout.data == Path(r"C:\Users\li\AppData\Local") / "inspect-tui"
    assert layout.shortcuts[0] == Path(r"C:\Users\li") / "Desktop"
    assert layout.shortcuts[1].parts[-3:] == ("Windows", "Start Menu", "Programs")


def test_linux_puts_the_launcher_in_local_bin_and_honours_xdg_and_the_data_variable(tmp_path):
    layout = Layout.for_system("linux", {"HOME": "/home/li"}, None, None)
    assert layout.prefix == Path("/home/li/.local/share/inspect-tui-app")
    assert layout.bin == Path("/home/li/.local/bin")
    assert layout.data == Path("/home/li/.local/share/inspect-tui")  # platformdirs' folder
    moved = Layout.for_system(
        "linux", {"HOME": "/h", "XDG_DATA_HOME": "/x", "INSPECT_TUI_DATA": "/d"}, "/p", "/b"
    )
    relative = Layout.for_system("linux", {"HOME": "/h"}, "rel/app", "rel/bin")
    assert relative.prefix == Path.cwd() / "rel/app"  # the launcher runs from anywhere
    assert relative.bin == Path.cwd() / "rel/bin"
    assert (moved.prefix, moved.bin, moved.data) == (Path("/p"), Path("/b"), Path("/d"))
    assert moved.shortcuts == (Path("/x/applications"),)


def test_the_data_folder_the_installer_protects_is_the_one_the_app_uses(monkeypatch, tmp_path):
    from inspect_tui.storage.paths import data_folder

    monkeypatch.delenv("INSPECT_TUI_DATA")
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.delenv("XDG_DATA_HOME", raising=False)
    layout = Layout.for_system("linux", {"HOME": str(tmp_path)}, None, None)
    assert layout.data == data_folder()


def test_the_windows_launcher_names_its_exe_relative_to_itself_so_it_stays_ascii():
    """cmd.exe reads a .cmd in the OEM code page: a Chinese user name in the path would be
    garbled, so the launcher beside the versions holds no path of the user's."""
    prefix = Path("C:/Users/张三/AppData/Local/Programs/inspect-tui")
    layout = Layout(prefix, prefix, Path("C:/d"), (Path("C:/desk"),))
    files = install.launchers("windows", layout, prefix / "app-0.2.0-x")
    (launcher, text), *_ = files.items()
    assert launcher == prefix / "inspect-tui.cmd"
    exe = str(Path("app-0.2.0-x/Scripts/inspect-tui.exe"))
    assert text == f'@echo off\r\n"%~dp0{exe}" %*\r\n'
    assert text.isascii()
    elsewhere = Layout(prefix, Path("D:/bin"), Path("C:/d"), ())
    (_, text), *_ = install.launchers("windows", elsewhere, prefix / "app-0.2.0-x").items()
    assert str(prefix / "app-0.2.0-x" / "Scripts" / "inspect-tui.exe") in text


def test_the_shortcut_script_carries_its_paths_as_powershell_literals():
    """-Command takes one script; arguments after it would be glued to its text, so the
    paths go inside it, each quote doubled."""
    desktop = Path("C:/Users/O'Brien/Desktop")
    command = install.shortcut_command(Path("C:/p/inspect-tui.cmd"), desktop)
    assert command[:4] == ["powershell", "-NoProfile", "-NonInteractive", "-Command"]
    assert len(command) == 5
    link = str(desktop / "inspect-tui.lnk").replace("'", "''")
    assert f"CreateShortcut('{link}')" in command[4]
    assert f"$s.TargetPath = '{Path('C:/p/inspect-tui.cmd')}'" in command[4]


def test_the_linux_launcher_quotes_its_path_and_the_menu_entry_opens_a_terminal(tmp_path):
    layout = Layout(tmp_path, tmp_path / "bin", tmp_path / "d", (tmp_path / "apps",))
    venv = tmp_path / "it's here"
    files = install.launchers("linux", layout, venv)
    launcher = files[tmp_path / "bin" / "inspect-tui"]
    assert launcher.startswith("#!/bin/sh\n")
    assert f"exec '{tmp_path}/it'\\''s here/bin/inspect-tui' \"$@\"" in launcher
    desktop = files[tmp_path / "apps" / "inspect-tui.desktop"]
    assert "Terminal=true" in desktop and "Name[zh_CN]=联络组考核" in desktop


def test_the_laptops_pip_settings_are_shut_out():
    clean = install.pip_environment(
        {"PIP_INDEX_URL": "https://mirror", "PIP_FIND_LINKS": "/opt", "PATH": "/bin"}
    )
    assert clean["PATH"] == "/bin"
    assert not {"PIP_INDEX_URL", "PIP_FIND_LINKS"} & set(clean)
    assert clean["PIP_CONFIG_FILE"] == install.os.devnull
    command = install.pip_command(Path("py"), Path("kit"), ["a.whl"], "app.whl")
    assert "--no-index" in command and "--only-binary" in command


def test_an_install_folder_that_cannot_be_written_is_refused_naming_it(tmp_path, monkeypatch):
    def refuse(self, *args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "mkdir", refuse)
    refused = refusal(install.writable, tmp_path / "locked")
    line = install.say(refused.key, "en", **refused.values)
    assert str(tmp_path / "locked") in line and "--prefix" in line and "Permission denied" in line


def test_a_second_installer_in_the_same_folder_is_refused(tmp_path):
    with (
        install.install_lock(tmp_path),
        pytest.raises(Refused) as caught,
        install.install_lock(tmp_path),
    ):
        pass
    assert caught.value.key == "installing"
    with install.install_lock(tmp_path):  # released: a later install goes ahead
        pass


def test_the_running_apps_lock_on_its_data_folder_stops_the_install(tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    layout = Layout(tmp_path / "app", tmp_path / "bin", data, ())
    lock = FolderLock(data)
    lock.acquire()
    try:
        assert refusal(install.refuse_if_running, layout).key == "running"
    finally:
        lock.release()
    install.refuse_if_running(layout)  # the app has quit: nothing stops the install
    assert not install.data_folder_in_use(tmp_path / "no such folder")


def test_a_process_started_from_the_install_folder_counts_as_running(tmp_path):
    proc = tmp_path / "proc"
    prefix = tmp_path / "app"
    prefix.mkdir()
    for pid, argv in {
        "41": ["/usr/bin/python3", f"{prefix}/app-1/bin/inspect-tui"],
        "42": ["vim"],
        "43": ["less", f"{prefix}/install.log"],  # reading the log is not running the app
    }.items():
        (proc / pid).mkdir(parents=True)
        (proc / pid / "cmdline").write_bytes("\0".join(argv).encode() + b"\0")
    (proc / "self").mkdir()
    assert install.processes_from(prefix, proc) == [41]


def test_the_language_follows_the_app_rule():
    assert install.choose_lang(None, {}) == "zh"
    assert install.choose_lang(None, {"LANG": "C.UTF-8"}) == "zh"
    assert install.choose_lang(None, {"LANG": "en_US.UTF-8"}) == "en"
    assert install.choose_lang(None, {"INSPECT_TUI_LANG": "en", "LANG": "zh_CN"}) == "en"
    assert install.choose_lang("zh", {"LANG": "en_US"}) == "zh"


def test_older_versions_are_swept_and_nothing_else_in_a_shared_prefix(tmp_path):
    ours = ["app-0.1.0-20261201T010203-ab12_cd", "app-0.2.0-20261208T010203-x9y8z7"]
    theirs = ["app-backup-2024", "apps", "app-0.1.0-notes"]
    for name in ours + theirs:
        (tmp_path / name).mkdir()
    install.sweep(tmp_path, keep=ours[1])
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([ours[1], *theirs])


def test_an_app_started_during_the_build_keeps_its_version_until_the_next_install(tmp_path):
    layout = Layout(tmp_path / "p", tmp_path / "b", tmp_path / "d", ())
    old, new = "app-0.1.0-20261201T010203-aaaa", "app-0.2.0-20261208T010203-bbbb"
    for name in (old, new):
        (layout.prefix / name).mkdir(parents=True)
    layout.data.mkdir()
    running = FolderLock(layout.data)
    running.acquire()
    try:
        notes = install.switch("linux", layout, layout.prefix / new, "0.2.0")
    finally:
        running.release()
    assert [key for key, _ in notes] == ["old_kept"]
    assert (layout.prefix / old).is_dir()
    assert "restart the app" in install.say("old_kept", "en")
    assert install.switch("linux", layout, layout.prefix / new, "0.2.0") == []
    assert not (layout.prefix / old).exists()  # the app has quit: the next switch sweeps


def test_a_failure_after_the_build_is_one_line_and_switches_nothing(tmp_path, monkeypatch):
    kit = tmp_path / "kit"
    kit.mkdir()
    (kit / "kit.json").write_text(json.dumps(MANIFEST), encoding="utf-8")
    layout = Layout(tmp_path / "p", tmp_path / "b", tmp_path / "d", ())
    monkeypatch.setattr(install, "build", lambda *args: None)

    def full(files):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(install, "commit_all", full)
    refused = refusal(install.install, kit, layout, KYLIN_V10, "en")
    assert refused.key == "failed"
    assert "No space left on device" in install.say(refused.key, "en", **refused.values)
    assert not list(layout.prefix.glob("app-*"))
    assert not layout.bin.joinpath("inspect-tui").exists()


def test_a_launcher_that_cannot_be_written_switches_nothing(tmp_path):
    layout = Layout(tmp_path / "p", tmp_path / "blocked" / "bin", tmp_path / "d", ())
    (tmp_path / "blocked").write_text("a file where a folder should be")
    (layout.prefix / "app-0.2.0-x").mkdir(parents=True)
    with pytest.raises(OSError):
        install.switch("linux", layout, layout.prefix / "app-0.2.0-x", "0.2.0")
    assert not (layout.prefix / "current.json").exists()
    assert not list(layout.prefix.glob(".*tmp"))


def test_a_32_bit_python_on_64_bit_windows_is_told_the_kit_does_not_carry_it(monkeypatch):
    monkeypatch.setattr(install.struct, "calcsize", lambda fmt: 4)
    system = install.System.here()
    assert "32-bit" in system.machine
    assert refusal(install.choose_target, MANIFEST, system).key == "system"


def test_the_switch_records_the_version_and_rewrites_the_launcher(tmp_path):
    layout = Layout(tmp_path / "p", tmp_path / "b", tmp_path / "d", (tmp_path / "apps",))
    (layout.prefix / "app-0.2.0-x").mkdir(parents=True)
    assert install.switch("linux", layout, layout.prefix / "app-0.2.0-x", "0.2.0") == []
    record = json.loads((layout.prefix / "current.json").read_text(encoding="utf-8"))
    assert (record["version"], record["folder"]) == ("0.2.0", "app-0.2.0-x")
    assert (layout.bin / "inspect-tui").stat().st_mode & 0o111
    assert not list(layout.bin.glob(".*tmp"))


def test_the_installer_parses_on_the_old_pythons_it_must_refuse_in_one_line():
    source = (Path(install.__file__)).read_text(encoding="utf-8")
    ast.parse(source, feature_version=(3, 7))  # Kylin V10 ships 3.8, UOS 20 3.7
    guard = source.index("if sys.version_info < (3, 11)")
    assert guard < source.index("import argparse")


HOSTILE = ["[/", "[b]", "\x1b]0;x\x07", "\u202e"]


@pytest.mark.parametrize("text", HOSTILE)
def test_a_file_name_in_a_tampered_kit_is_printed_as_text_never_acted_on(tmp_path, text):
    kit = kit_with(tmp_path, {**FILES, f"wheels/x{text}-1-py3-none-any.whl": b"w"})
    (kit / f"wheels/x{text}-1-py3-none-any.whl").write_bytes(b"changed")
    refused = refusal(install.verify, kit)
    line = install.say(refused.key, "en", **refused.values)
    assert line.isprintable() and not install.BIDI_CONTROLS.intersection(line)
    assert ("[/" in line) if text == "[/" else True
    assert ("[b]" in line) if text == "[b]" else True
    assert "\\x1b]0;x\\x07" in line if text.startswith("\x1b") else True


@pytest.mark.parametrize("text", ["\x1b]0;x\x07", "\u202e", "a\nb"])
def test_a_folder_name_with_control_characters_is_refused_before_anything_is_made(text):
    refused = refusal(install.Layout.for_system, "linux", {"HOME": "/h"}, f"/tmp/{text}", None)
    assert refused.key == "bad_folder"
    assert install.say(refused.key, "zh", **refused.values).isprintable()


@pytest.mark.parametrize("text", ["[/", "[b]"])
def test_brackets_in_a_folder_name_are_just_characters(text):
    layout = install.Layout.for_system("linux", {"HOME": "/h"}, f"/tmp/{text}", f"/b/{text}")
    assert layout.prefix == Path(f"/tmp/{text}")
    files = install.launchers("linux", layout, layout.prefix / "app-1-x")
    program = layout.prefix / "app-1-x" / "bin" / "inspect-tui"
    assert f"exec '{program}'" in files[layout.bin / "inspect-tui"]


def test_the_menu_entry_quotes_its_path_as_the_desktop_entry_spec_says(tmp_path):
    layout = Layout(tmp_path, Path('/h/my $x"q\\b'), tmp_path / "d", (tmp_path / "apps",))
    desktop = install.launchers("linux", layout, tmp_path / "app-1-x")[
        tmp_path / "apps" / "inspect-tui.desktop"
    ]
    assert 'Exec="/h/my \\\\$x\\\\"q\\\\\\\\b/inspect-tui"\n' in desktop


@pytest.mark.parametrize(
    "text",
    [
        "not json",
        "[]",
        json.dumps({**MANIFEST, "targets": []}),
        json.dumps({**MANIFEST, "version": "../../etc"}),
        json.dumps({**MANIFEST, "targets": {"linux-x86_64-cp311": "textual.whl"}}),
        json.dumps({key: value for key, value in MANIFEST.items() if key != "glibc"}),
    ],
)
def test_a_kit_json_that_does_not_hold_what_the_installer_needs_is_a_damaged_kit(tmp_path, text):
    (tmp_path / "kit.json").write_text(text, encoding="utf-8")
    refused = refusal(install.read_manifest, tmp_path)
    assert refused.key == "damaged"
    assert refused.values["file"] == "kit.json"


def test_a_sound_kit_json_is_read_as_it_is(tmp_path):
    (tmp_path / "kit.json").write_text(json.dumps(MANIFEST), encoding="utf-8")
    assert install.read_manifest(tmp_path) == MANIFEST


@pytest.mark.parametrize(
    "environ",
    [
        {},
        {"LANG": "C.UTF-8"},
        {"LANG": "en_US.UTF-8"},
        {"LANG": "zh_CN.UTF-8"},
        {"LC_ALL": "en_GB.UTF-8", "LANG": "zh_CN.UTF-8"},
        {"LC_MESSAGES": "zh_TW", "LANG": "en_US"},
        {"INSPECT_TUI_LANG": "en", "LANG": "zh_CN"},
        {"INSPECT_TUI_LANG": "zh", "LANG": "en_US"},
    ],
)
def test_the_installer_speaks_the_language_the_app_will(monkeypatch, environ):
    """install.py cannot import the app's words (it runs before the app exists), so its copy
    of the rule is held to the app's."""
    from inspect_tui.words import i18n

    for name in ("INSPECT_TUI_LANG", "LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(name, raising=False)
    for name, value in environ.items():
        monkeypatch.setenv(name, value)
    monkeypatch.setattr(i18n.locale, "getlocale", lambda *args: (None, None))
    assert install.choose_lang(None, environ) == i18n.default_lang()


def test_the_printed_guide_fits_a_page_even_with_ambiguous_punctuation_wide():
    """GUIDE.txt is printed from Notepad or a terminal: 78 columns, counting the
    East-Asian-ambiguous punctuation (“ ” · …) as two, as a Chinese terminal draws it."""
    import unicodedata

    guide = (Path(install.__file__).parent / "GUIDE.txt").read_text(encoding="utf-8")

    def cells(line: str) -> int:
        return sum(2 if unicodedata.east_asian_width(ch) in "WFA" else 1 for ch in line)

    too_wide = [line for line in guide.splitlines() if cells(line) > 78]
    assert too_wide == []
    assert "离线安装说明" in guide and "Offline install guide" in guide

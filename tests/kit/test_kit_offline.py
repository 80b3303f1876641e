"""The kit for this machine, built as `make dist` builds it and installed as a person would:
`sh install.sh` from the unpacked archive, pip with no index and no route to one, then the
installed launcher run. Builds once per session (it downloads this platform's wheels)."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from inspect_tui import __version__
from inspect_tui.storage.lock import FolderLock
from kit.targets import this_machine
from kit.wheels import closure, read_folder

pytestmark = pytest.mark.slow
ROOT = Path(__file__).resolve().parents[2]
NOWHERE = "http://127.0.0.1:9"  # the discard port: any download attempt fails at once


def build_kit(source: Path, out: Path, work: Path) -> Path:
    done = subprocess.run(
        [sys.executable, "-m", "kit.build", "--here", "--source", str(source), "--out", str(out),
         "--work", str(work)],
        cwd=ROOT, capture_output=True, text=True,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    (archive,) = out.glob("inspect-tui-*-kit-*.zip")
    return archive


def unpack(archive: Path, into: Path) -> Path:
    with zipfile.ZipFile(archive) as opened:
        opened.extractall(into)
    (kit,) = into.iterdir()
    return kit


@pytest.fixture(scope="session")
def built(tmp_path_factory) -> tuple[Path, Path]:
    """(the archive, the download folder a second build can reuse)"""
    root = tmp_path_factory.mktemp("kit")
    return build_kit(ROOT, root / "dist", root / "work"), root / "work"


@pytest.fixture
def kit(built, tmp_path) -> Path:
    return unpack(built[0], tmp_path / "unpacked")


@pytest.fixture
def laptop(tmp_path) -> dict[str, str]:
    """An offline laptop's environment: its own home, no index, every proxy a dead end."""
    home = tmp_path / "home"
    home.mkdir()
    environ = {k: v for k, v in os.environ.items() if not k.startswith(("PIP_", "INSPECT_TUI"))}
    environ.pop("XDG_DATA_HOME", None)
    environ.update(
        HOME=str(home), LANG="zh_CN.UTF-8", http_proxy=NOWHERE, https_proxy=NOWHERE,
        HTTP_PROXY=NOWHERE, HTTPS_PROXY=NOWHERE, PIP_INDEX_URL=NOWHERE,
    )  # fmt: skip
    return environ


def sh(kit: Path, environ: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["sh", str(kit / "install.sh"), *args], env=environ, capture_output=True, text=True
    )


def launch(environ: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    launcher = Path(environ["HOME"]) / ".local" / "bin" / "inspect-tui"
    return subprocess.run([str(launcher), *args], env=environ, capture_output=True, text=True)


def data_files(environ: dict[str, str]) -> dict[str, str]:
    data = Path(environ["HOME"]) / ".local" / "share" / "inspect-tui"
    return {
        str(path.relative_to(data)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(data.rglob("*"))
        if path.is_file()
    }


def test_the_kit_installs_offline_and_the_app_runs_from_it(kit, laptop):
    assert sh(kit, laptop, "--check").returncode == 0
    done = sh(kit, laptop)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith(f"已安装 inspect-tui {__version__}")
    assert launch(laptop, "--version").stdout.strip() == f"inspect-tui {__version__}"
    checked = launch(laptop, "checklist", "check", str(kit / "checklists" / "shache-2012-h1.toml"))
    assert checked.returncode == 0, checked.stderr
    shown = launch(laptop, "checklist", "show")  # the campaign bundled in the wheel
    assert shown.returncode == 0, shown.stderr
    assert "莎车县2012年上半年政协委员联络组考核" in shown.stdout
    menu = Path(laptop["HOME"]) / ".local/share/applications/inspect-tui.desktop"
    assert "Terminal=true" in menu.read_text(encoding="utf-8")


def test_the_kits_wheels_are_exactly_what_this_target_needs(kit):
    manifest = json.loads((kit / "kit.json").read_text(encoding="utf-8"))
    target = this_machine()
    assert target is not None
    wheels = read_folder(kit / "wheels")
    (app,) = [w for w in wheels if w.path.name == manifest["wheel"]]
    resolution = closure(list(app.requires), wheels, target)
    assert resolution.complete
    assert resolution.files() == manifest["targets"][target.name]
    assert {"textual", "tinydb", "qrcode", "cryptography"} <= set(resolution.chosen)


def test_a_damaged_kit_is_refused_in_one_line_and_nothing_is_installed(kit, laptop):
    wheel = next((kit / "wheels").glob("textual-*.whl"))
    data = bytearray(wheel.read_bytes())
    data[len(data) // 2] ^= 0xFF
    wheel.write_bytes(bytes(data))
    (kit / "checklists" / "roster-shache.toml").unlink()  # an unpacking cut short
    for args in (("--check",), ()):
        done = sh(kit, laptop, *args)
        assert done.returncode == 2
        assert done.stderr.count("\n") == 1 and "安装包已损坏" in done.stderr
        assert "checklists/roster-shache.toml" in done.stderr  # the first damaged, by name
    assert not (Path(laptop["HOME"]) / ".local").exists()


def test_an_upgrade_keeps_the_data_keys_and_settings(kit, built, laptop, tmp_path):
    assert sh(kit, laptop).returncode == 0
    shown = launch(laptop, "keys", "show")
    assert shown.returncode == 0, shown.stderr
    public = shown.stdout.splitlines()[0].split("：")[-1]  # 本机公钥：KEY
    trusted = launch(laptop, "keys", "trust", "team-1", public)  # a setting in the store
    assert trusted.returncode == 0, trusted.stderr
    before = data_files(laptop)
    assert any(name.startswith("keys") for name in before)

    newer = tmp_path / "newer"
    newer.mkdir()
    for name in ("pyproject.toml", "README.md"):
        shutil.copy2(ROOT / name, newer / name)
    for name in ("inspect_tui", "checklists", "kit"):
        shutil.copytree(ROOT / name, newer / name, ignore=shutil.ignore_patterns("__pycache__"))
    init = newer / "inspect_tui" / "__init__.py"
    init.write_text(init.read_text().replace(__version__, "99.0.0"), encoding="utf-8")
    archive = build_kit(newer, tmp_path / "dist-newer", built[1])
    done = sh(unpack(archive, tmp_path / "newer-kit"), laptop)
    assert done.returncode == 0, done.stderr

    assert launch(laptop, "--version").stdout.strip() == "inspect-tui 99.0.0"
    assert data_files(laptop) == before
    assert launch(laptop, "keys", "show").stdout == shown.stdout
    versions = list((Path(laptop["HOME"]) / ".local/share/inspect-tui-app").glob("app-*"))
    assert [v.name.split("-")[1] for v in versions] == ["99.0.0"]


def test_an_install_while_the_app_runs_is_refused_and_changes_nothing(kit, laptop):
    data = Path(laptop["HOME"]) / ".local" / "share" / "inspect-tui"
    data.mkdir(parents=True)
    lock = FolderLock(data)  # the app's own lock, as the running app holds it
    lock.acquire()
    try:
        done = sh(kit, laptop)
    finally:
        lock.release()
    assert done.returncode == 2
    assert done.stderr.count("\n") == 1 and "inspect-tui 正在运行" in done.stderr
    assert not (Path(laptop["HOME"]) / ".local" / "bin").exists()
    assert not list((Path(laptop["HOME"]) / ".local/share/inspect-tui-app").glob("app-*"))


def test_an_install_folder_that_cannot_be_made_is_refused_naming_it(kit, laptop, tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("")
    done = sh(kit, laptop, "--prefix", str(blocker / "app"), "--lang", "en")
    assert done.returncode == 2
    assert done.stderr.count("\n") == 1
    assert f"cannot write to the install folder {blocker / 'app'}" in done.stderr


@pytest.mark.parametrize(
    ("pythons", "shown"), [({}, "无"), ({"python3": "3.8", "python": "3.8"}, "3.8")]
)
def test_no_python_or_an_old_one_is_told_what_to_install(kit, laptop, tmp_path, pythons, shown):
    """A laptop whose PATH holds no Python 3.11+ (stock Kylin V10 has 3.8, UOS 20 has 3.7)."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    for tool in ("cat", "dirname", "sort"):
        (bin_dir / tool).symlink_to(shutil.which(tool))
    for name, version in pythons.items():  # answers as an old Python would
        fake = bin_dir / name
        fake.write_text(
            f'#!/bin/sh\ncase "$2" in *print*) echo {version};; *) exit 1;; esac\n',
            encoding="utf-8",
        )
        fake.chmod(0o755)
    done = subprocess.run(
        ["/bin/sh", str(kit / "install.sh")],
        env={**laptop, "PATH": str(bin_dir)},
        capture_output=True,
        text=True,
    )
    assert done.returncode == 2
    assert done.stderr.count("\n") == 1
    assert f"这台电脑有：{shown}）" in done.stderr
    assert "请先安装 Python 3.11" in done.stderr


def test_the_archives_digest_file_catches_a_cut_off_download(built, tmp_path):
    """The digest `make dist` writes beside the archive is what `sha256sum -c` reads, so the
    office's separately sent line checks the archive before anyone unpacks it."""
    archive = tmp_path / built[0].name
    shutil.copy2(built[0], archive)
    digest = built[0].with_name(built[0].name + ".sha256")
    shutil.copy2(digest, tmp_path / digest.name)
    check = ["sha256sum", "--check", "--quiet", digest.name]
    assert subprocess.run(check, cwd=tmp_path, capture_output=True).returncode == 0
    with open(archive, "r+b") as handle:
        handle.truncate(archive.stat().st_size // 2)
    assert subprocess.run(check, cwd=tmp_path, capture_output=True).returncode != 0
    with pytest.raises(zipfile.BadZipFile):
        zipfile.ZipFile(archive)


def test_a_python_named_by_hand_that_cannot_be_used_is_refused_not_passed_over(kit, laptop):
    done = subprocess.run(
        ["sh", str(kit / "install.sh")],
        env={**laptop, "PYTHON": "/nowhere/python3.8"},
        capture_output=True,
        text=True,
    )
    assert done.returncode == 2
    assert done.stderr.count("\n") == 1
    assert "PYTHON=/nowhere/python3.8 不能使用" in done.stderr
    assert not (Path(laptop["HOME"]) / ".local").exists()


def test_the_printed_guide_opens_in_windows_notepad_too(kit):
    data = (kit / "GUIDE.txt").read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    assert b"\r\n" in data and b"\n" not in data.replace(b"\r\n", b"")
    assert "离线安装说明" in data.decode("utf-8-sig")

"""Install inspect-tui from this kit, without a network: `install.sh` / `install.bat` run it.

The contract, in the order it runs:
1. Every file of the kit is checked against `SHA256SUMS`; a damaged, truncated or added file
   refuses the kit in one line (`--check` stops here and installs nothing).
2. This Python, system and processor must be one the kit carries wheels for (`kit.json`).
3. The install folder must be writable, no other install may be running in it, and the app must
   not be running (its data folder's lock is held, or a process runs from the install folder).
4. A new virtual environment is made in a folder of its own and filled with `pip install
   --no-index` from the kit's wheels, with the laptop's own pip settings (a mirror, a proxy) shut
   out; it is smoke-tested (`inspect-tui --version`, `pip check`).
5. Only then does the launcher switch to it; older versions are removed after.

A failure anywhere before step 5 removes the new folder and leaves the installed version as it
was. The data folder (visits, keys, settings) is never touched: it lives elsewhere
(`platformdirs`' user data folder), so an upgrade keeps it.

This file runs under whatever Python the laptop has, so that an old one is refused in one line:
its syntax must still parse on Python 3.7 (no `:=`, no `match`), and the version check below
runs before anything else.
"""

import sys

if sys.version_info < (3, 11):  # noqa: UP036 - the laptop's Python, not the project's
    old = "{}.{}".format(*sys.version_info[:2])
    sys.stderr.write(
        f"inspect-tui 需要 Python 3.11 或更新版本，这台电脑运行的是 Python {old}：请先安装 Python 3.11+ 再运行安装程序"
        f" / inspect-tui needs Python 3.11 or newer; this is Python {old}: install Python 3.11+"
        " and run the installer again\n"
    )
    sys.exit(2)

import argparse
import contextlib
import hashlib
import json
import os
import platform
import re
import shutil
import struct
import subprocess
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

APP = "inspect-tui"
SUMS = "SHA256SUMS"
MANIFEST = "kit.json"
EXIT_REFUSED = 2
_WINDOWS_LOCK_OFFSET = 1 << 30  # the byte the app locks in its `.lock` (storage/lock.py)
WINDOWS = os.name == "nt"  # one switch, so that the tests can take the Windows branches

WORDS = {
    "damaged": (
        "安装包已损坏：{file}（{why}）；请重新获取安装包，并核对办公室另行发送的 SHA-256",
        "the kit is damaged: {file} ({why}); get the kit again and compare its SHA-256 with the one the office sent separately",
    ),
    "why.missing": ("文件缺失", "missing"),
    "why.changed": ("内容与 SHA256SUMS 不符", "its content differs from SHA256SUMS"),
    "why.extra": ("不属于本安装包", "not part of this kit"),
    "why.unreadable": ("无法读取", "unreadable"),
    "checked": (
        "安装包完好：{count} 个文件与 SHA256SUMS 一致",
        "the kit is intact: {count} files match SHA256SUMS",
    ),
    "python": (
        "本安装包支持 Python {pythons}，这台电脑运行的是 Python {version}：请安装其中一个版本，用 PYTHON=路径 指定后再运行安装程序",
        "this kit carries Python {pythons}; this is Python {version}: install one of those and run the installer again (PYTHON=path picks one)",
    ),
    "system": (
        "本安装包不支持 {system}（支持 Windows x64、Linux x86_64 与 aarch64，glibc {glibc} 以上）",
        "this kit does not install on {system} (it carries Windows x64, Linux x86_64 and aarch64 with glibc {glibc} or newer)",
    ),
    "no_venv": (
        "这台电脑的 Python 缺少 venv 模块：请先安装它（例如 apt install python{version}-venv），再运行安装程序",
        "this Python lacks its venv module: install it first (e.g. apt install python{version}-venv), then run the installer again",
    ),
    "unwritable": (
        "无法写入安装目录 {folder}（{why}）：请用 --prefix（程序）或 --bin（启动命令）指定一个可写的目录",
        "cannot write to the install folder {folder} ({why}): choose a writable one with --prefix (the app) or --bin (the launcher)",
    ),
    "bad_folder": (
        "目录名 {folder} 含有控制字符：请换一个目录",
        "the folder name {folder} holds control characters: choose another",
    ),
    "old_kept": (
        "提示：inspect-tui 正在运行，旧版本暂时保留，下次安装时清理；请重新启动程序以使用新版本",
        "note: inspect-tui is running, so the old version is kept until the next install; restart the app to use the new one",
    ),
    "interrupted": (
        "安装已中断，原有版本保持不变",
        "the install was interrupted; the installed version is as it was",
    ),
    "installing": (
        "另一个安装程序正在向 {folder} 安装：请等它结束后再运行",
        "another installer is installing into {folder}: wait until it ends, then run this again",
    ),
    "running": (
        "inspect-tui 正在运行（{where}）：请先退出程序，再运行安装程序",
        "inspect-tui is running ({where}): quit it first, then run the installer again",
    ),
    "failed": (
        "安装未完成，原有版本保持不变：{why}（详见 {log}）",
        "nothing was installed; the installed version is as it was: {why} (see {log})",
    ),
    "installed": (
        "已安装 inspect-tui {version}：运行 {launcher}；数据目录 {data} 保持不变",
        "installed inspect-tui {version}: run {launcher}; the data folder {data} is kept as it was",
    ),
    "not_on_path": (
        "提示：{folder} 不在 PATH 中，请用完整路径运行，或把它加入 PATH",
        "note: {folder} is not on PATH: run the launcher by its full path, or add the folder to PATH",
    ),
    "no_shortcut": (
        "提示：未能创建桌面快捷方式（{why}），请直接运行 {launcher}",
        "note: no desktop shortcut was made ({why}); run {launcher} instead",
    ),
}


class Refused(Exception):
    """A reason not to install, said in one line (the message key and its values)."""

    def __init__(self, key: str, **values: object) -> None:
        super().__init__(key)
        self.key = key
        self.values = values


def say(key: str, lang: str, **values: object) -> str:
    zh, en = WORDS[key]
    shown = {name: _said(value, lang) for name, value in values.items()}
    return (zh if lang == "zh" else en).format(**shown)


def _said(value: object, lang: str) -> str:
    if isinstance(value, Refused):  # a reason inside a reason (`why.missing`)
        return say(value.key, lang, **value.values)
    return visible(str(value))


BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def visible(text: str) -> str:
    """`text` safe to print on one line: a file name in a tampered SHA256SUMS, a path or pip's
    words cannot move the cursor, retitle the terminal or turn the line around (the app's own
    rule, `words/text.visible`, which this file cannot import)."""
    if text.isprintable():
        return text
    return "".join(
        ch if ch.isprintable() and ch not in BIDI_CONTROLS else repr(ch)[1:-1] for ch in text
    )


def choose_lang(explicit: str | None, environ: dict[str, str]) -> str:
    """`--lang`, then INSPECT_TUI_LANG, then the first locale variable set; Chinese when none
    says anything (as the app decides)."""
    for value in (explicit, environ.get("INSPECT_TUI_LANG")):
        if value and value[:2].lower() in ("zh", "en"):
            return value[:2].lower()
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = environ.get(name)
        if value:
            return "en" if value.lower().startswith("en") else "zh"
    return "zh"


# -- 1. the kit is whole ---------------------------------------------------------------------


def read_sums(kit: Path) -> dict[str, str]:
    """`SHA256SUMS`: relative path (with `/`) -> hex digest."""
    try:
        text = (kit / SUMS).read_text(encoding="utf-8")
    except OSError:
        raise Refused("damaged", file=SUMS, why=Refused("why.missing")) from None
    sums = {}
    for line in text.splitlines():
        digest, _, name = line.partition("  ")
        if len(digest) != 64 or not name:
            raise Refused("damaged", file=SUMS, why=Refused("why.changed"))
        sums[name] = digest.lower()
    return sums


def file_digest(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def verify(kit: Path) -> int:
    """Check every file against `SHA256SUMS`; the number checked, or `Refused` naming the
    first file that is missing, differs, or sits among the wheels without being listed."""
    sums = read_sums(kit)
    for name, expected in sorted(sums.items()):
        path = kit / name
        if not path.is_file():
            raise Refused("damaged", file=name, why=Refused("why.missing"))
        try:
            actual = file_digest(path)
        except OSError:
            raise Refused("damaged", file=name, why=Refused("why.unreadable")) from None
        if actual != expected:
            raise Refused("damaged", file=name, why=Refused("why.changed"))
    for path in sorted((kit / "wheels").glob("*")):  # pip would take any wheel it finds there
        name = path.relative_to(kit).as_posix()
        if name not in sums:
            raise Refused("damaged", file=name, why=Refused("why.extra"))
    return len(sums)


def read_manifest(kit: Path) -> dict:
    """`kit.json`, with the fields the installer uses and of the types it uses them as."""
    try:
        manifest = json.loads((kit / MANIFEST).read_text(encoding="utf-8"))
        fields = {"version": str, "wheel": str, "glibc": str, "pythons": list, "targets": dict}
        if not isinstance(manifest, dict) or any(
            not isinstance(manifest.get(name), kind) for name, kind in fields.items()
        ):
            raise ValueError(MANIFEST)
        if not VERSION.fullmatch(manifest["version"]):
            raise ValueError(MANIFEST)  # it names a folder: nothing but a version may be in it
        for wheels in manifest["targets"].values():
            if not isinstance(wheels, list) or not all(isinstance(w, str) for w in wheels):
                raise ValueError(MANIFEST)
    except (OSError, ValueError):
        raise Refused("damaged", file=MANIFEST, why=Refused("why.changed")) from None
    return manifest


# -- 2. this laptop is one the kit carries ----------------------------------------------------


@dataclass(frozen=True)
class System:
    """The laptop as the kit sees it: operating system, processor, Python, C library."""

    os: str  # "windows", "linux" or whatever else `sys.platform` says
    machine: str  # "x86_64", "aarch64" or as reported
    python: tuple[int, int]
    libc: tuple[str, tuple[int, ...]]  # ("glibc", (2, 28)) on Linux; ("", ()) elsewhere

    @classmethod
    def here(cls) -> "System":
        machines = {"amd64": "x86_64", "x86_64": "x86_64", "aarch64": "aarch64", "arm64": "aarch64"}
        os_name = {"win32": "windows", "linux": "linux"}.get(sys.platform, sys.platform)
        machine = platform.machine()
        if struct.calcsize("P") == 4:  # a 32-bit Python says AMD64 on 64-bit Windows
            machine = "x86 (32-bit Python)"
        lib, version = platform.libc_ver() if os_name == "linux" else ("", "")
        numbers = tuple(int(part) for part in version.split(".") if part.isdigit())
        return cls(
            os_name,
            machines.get(machine.lower(), machine),
            (sys.version_info.major, sys.version_info.minor),
            (lib, numbers),
        )

    @property
    def target(self) -> str:
        return f"{self.os}-{self.machine}-cp{self.python[0]}{self.python[1]}"

    @property
    def version(self) -> str:
        return f"{self.python[0]}.{self.python[1]}"


def choose_target(manifest: dict, system: System) -> list[str]:
    """The wheels this laptop installs, or `Refused` saying what it needs instead."""
    glibc = manifest["glibc"]
    oldest = tuple(int(part) for part in glibc.split("."))
    carried = {name.rsplit("-", 1)[0] for name in manifest["targets"]}
    described = f"{system.os} {system.machine}"
    if system.os == "linux":
        lib, version = system.libc
        described += f" ({lib or 'libc ?'} {'.'.join(map(str, version))})"
        if lib != "glibc" or version < oldest:
            raise Refused("system", system=described, glibc=glibc)
    if f"{system.os}-{system.machine}" not in carried:
        raise Refused("system", system=described, glibc=glibc)
    wheels = manifest["targets"].get(system.target)
    if wheels is None:
        pythons = ", ".join(manifest["pythons"])
        raise Refused("python", pythons=pythons, version=system.version)
    return wheels


# -- 3. where it goes, and whether it may go there now ----------------------------------------


@dataclass(frozen=True)
class Layout:
    """Where the app, its launcher and the data folder live on this laptop."""

    prefix: Path  # the app's versions, one virtual environment each
    bin: Path  # the launcher
    data: Path  # the app's data folder: read (is it locked?), never written
    shortcuts: tuple[Path, ...]  # where a person looks for the app (desktop, menu)

    @classmethod
    def for_system(
        cls, os_name: str, environ: dict[str, str], prefix: str | None, bin_dir: str | None
    ) -> "Layout":
        home = Path(environ.get("HOME") or environ.get("USERPROFILE") or Path.home())
        if os_name == "windows":
            local = Path(environ.get("LOCALAPPDATA") or home / "AppData" / "Local")
            roaming = Path(environ.get("APPDATA") or home / "AppData" / "Roaming")
            root = _absolute(prefix) if prefix else local / "Programs" / APP
            menu = roaming / "Microsoft" / "Windows" / "Start Menu" / "Programs"
            return cls(
                root,
                _absolute(bin_dir) if bin_dir else root,
                Path(environ.get("INSPECT_TUI_DATA") or local / APP),
                (home / "Desktop", menu),
            )
        share = Path(environ.get("XDG_DATA_HOME") or home / ".local" / "share")
        return cls(
            _absolute(prefix) if prefix else share / f"{APP}-app",
            _absolute(bin_dir) if bin_dir else home / ".local" / "bin",
            Path(environ.get("INSPECT_TUI_DATA") or share / APP),
            (share / "applications",),
        )


def _absolute(folder: str) -> Path:
    """A folder given on the command line, absolute (the launcher runs from anywhere), and
    without control characters: it is written into the launcher and the menu entry."""
    if not folder.isprintable() or BIDI_CONTROLS.intersection(folder):
        raise Refused("bad_folder", folder=folder)
    return Path(folder).expanduser().absolute()


def writable(folder: Path) -> None:
    """Make `folder` and write a probe in it, or `Refused` naming it and the reason."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
        probe = folder / f".probe-{os.getpid()}"
        probe.write_bytes(b"")
        probe.unlink()
    except OSError as error:
        raise Refused("unwritable", folder=folder, why=error.strerror or error) from None


@contextlib.contextmanager
def install_lock(prefix: Path) -> Iterator[None]:
    """Held while installing, so that two installers never write one folder at once."""
    path = prefix / ".install.lock"
    try:
        handle = open(path, "a+b")  # noqa: SIM115 - held for the whole install
    except OSError as error:
        raise Refused("unwritable", folder=prefix, why=error.strerror or error) from None
    with handle:
        if not _try_lock(handle, 0):
            raise Refused("installing", folder=prefix)
        yield


def _try_lock(handle: object, offset: int) -> bool:
    """Take an exclusive lock without waiting: `flock` on POSIX, a byte with msvcrt on
    Windows. False if another process holds it."""
    fileno = handle.fileno()  # type: ignore[attr-defined]
    if WINDOWS:
        import msvcrt

        handle.seek(offset)  # type: ignore[attr-defined]
        try:
            msvcrt.locking(fileno, msvcrt.LK_NBLCK, 1)  # type: ignore[attr-defined]
        except OSError:
            return False
        return True
    import fcntl

    try:
        fcntl.flock(fileno, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    return True


def data_folder_in_use(data: Path) -> bool:
    """Whether a running app holds the data folder, by the app's own lock (storage/lock.py):
    the folder itself is `flock`ed on POSIX; a byte of `.lock` on Windows."""
    try:
        if WINDOWS:
            if not (data / ".lock").is_file():
                return False
            with open(data / ".lock", "rb") as handle:
                held = not _try_lock(handle, _WINDOWS_LOCK_OFFSET)
                if not held:
                    import msvcrt

                    handle.seek(_WINDOWS_LOCK_OFFSET)
                    msvcrt.locking(handle.fileno(), msvcrt.LK_UNLCK, 1)  # type: ignore[attr-defined]
                return held
        descriptor = os.open(data, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    except OSError:  # no data folder yet, or not ours to open: nothing runs from it
        return False
    try:
        import fcntl

        try:
            fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return True
        return False
    finally:
        os.close(descriptor)  # closing drops the probe's own lock


def processes_from(prefix: Path, proc: Path = Path("/proc")) -> list[int]:
    """Linux: the processes whose command line runs a program from `prefix` (the app started
    with another data folder holds no lock in the default one)."""
    found = []
    if not proc.is_dir():
        return found
    where = (f"{prefix}{os.sep}app-", f"{prefix.resolve()}{os.sep}app-")  # typed, resolved
    for entry in proc.iterdir():
        if not entry.name.isdigit() or int(entry.name) == os.getpid():
            continue
        try:
            arguments = (entry / "cmdline").read_bytes().split(b"\0")
        except OSError:
            continue
        if any(arg.decode("utf-8", "replace").startswith(where) for arg in arguments[:2]):
            found.append(int(entry.name))
    return found


def refuse_if_running(layout: Layout) -> None:
    if data_folder_in_use(layout.data):
        raise Refused("running", where=layout.data)
    if not WINDOWS:
        running = processes_from(layout.prefix)
        if running:
            raise Refused("running", where=f"pid {', '.join(map(str, running))}")


# -- 4. the new version, in a folder of its own ------------------------------------------------


def venv_program(venv: Path, os_name: str, name: str) -> Path:
    if os_name == "windows":
        return venv / "Scripts" / f"{name}.exe"
    return venv / "bin" / name


def pip_environment(environ: dict[str, str]) -> dict[str, str]:
    """The environment pip runs in: none of the laptop's pip settings (an index, a mirror,
    find-links, a constraints file) and no user site, so the kit alone decides what installs."""
    clean = {key: value for key, value in environ.items() if not key.startswith("PIP_")}
    clean.update({"PIP_CONFIG_FILE": os.devnull, "PYTHONNOUSERSITE": "1"})
    return clean


def pip_command(python: Path, kit: Path, wheels: list[str], app_wheel: str) -> list[str]:
    return [
        str(python), "-m", "pip", "install", "--no-index", "--only-binary", ":all:",
        "--find-links", str(kit / "wheels"), "--no-cache-dir", "--disable-pip-version-check",
        "--no-warn-script-location", str(kit / "wheels" / app_wheel),
        *[str(kit / "wheels" / wheel) for wheel in wheels if wheel != app_wheel],
    ]  # fmt: skip


def build(kit: Path, manifest: dict, wheels: list[str], folder: Path, os_name: str) -> None:
    """A virtual environment at `folder` with the app from the kit's wheels, smoke-tested;
    `Refused("failed")` with pip's own last word (the whole output in install.log)."""
    log = folder.parent / "install.log"
    environment = pip_environment(dict(os.environ))
    python = venv_program(folder, os_name, "python")
    steps = [
        [sys.executable, "-m", "venv", str(folder)],
        pip_command(python, kit, wheels, manifest["wheel"]),
        [str(python), "-m", "pip", "check", "--disable-pip-version-check"],
        [str(venv_program(folder, os_name, APP)), "--version"],
    ]
    with open(log, "w", encoding="utf-8") as record:
        for step in steps:
            record.write("$ " + " ".join(step) + "\n")
            record.flush()
            done = subprocess.run(
                step, env=environment, capture_output=True, text=True, errors="replace"
            )
            record.write(done.stdout + done.stderr)
            if done.returncode != 0:
                lines = [line for line in (done.stderr or done.stdout).splitlines() if line.strip()]
                raise Refused("failed", why=lines[-1] if lines else done.returncode, log=log)
        if manifest["version"] not in done.stdout:
            raise Refused("failed", why=done.stdout.strip(), log=log)


# -- 5. the launcher switches ------------------------------------------------------------------


def launchers(os_name: str, layout: Layout, venv: Path) -> dict[Path, str]:
    """The files that start the app, by path: what a person runs and clicks."""
    program = venv_program(venv, os_name, APP)
    if os_name == "windows":
        # cmd.exe reads a batch file in the OEM code page (936): a path under C:\Users\张三
        # would be garbled, so the launcher beside the versions names its program relative to
        # itself, which keeps its text ASCII
        inside = program.is_relative_to(layout.bin)
        shown = f"%~dp0{program.relative_to(layout.bin)}" if inside else str(program)
        return {layout.bin / f"{APP}.cmd": f'@echo off\r\n"{shown}" %*\r\n'}
    quoted = "'" + str(program).replace("'", "'\\''") + "'"
    launcher = layout.bin / APP
    files = {
        launcher: (
            "#!/bin/sh\n# written by the inspect-tui kit's installer; the next install rewrites it\n"
            f'exec {quoted} "$@"\n'
        )
    }
    for menu in layout.shortcuts:
        files[menu / f"{APP}.desktop"] = (
            "[Desktop Entry]\nType=Application\nName=inspect-tui\nName[zh_CN]=联络组考核\n"
            "Comment=County assessment of CPPCC member liaison groups\n"
            "Comment[zh_CN]=县政协委员联络组考核\n"
            f"Exec={_desktop_quoted(launcher)}\nTerminal=true\nCategories=Office;\n"
        )
    return files


def _desktop_quoted(path: Path) -> str:
    """A desktop entry's Exec argument (freedesktop spec): in double quotes, with `"`, `` ` ``,
    `$` and the backslash escaped by a backslash, then every backslash doubled again for the
    key's own string escapes."""
    escaped = "".join("\\" + ch if ch in '"`$\\' else ch for ch in str(path))
    return '"' + escaped.replace("\\", "\\\\") + '"'


def shortcut_command(target: Path, folder: Path) -> list[str]:
    """Windows: PowerShell making `inspect-tui.lnk` in `folder`, pointing at the launcher."""
    link = folder / f"{APP}.lnk"
    script = (
        f"$s = (New-Object -ComObject WScript.Shell).CreateShortcut({_ps(link)}); "
        f"$s.TargetPath = {_ps(target)}; $s.Save()"
    )  # -Command takes one script: arguments after it would be appended to its text
    return ["powershell", "-NoProfile", "-NonInteractive", "-Command", script]


def _ps(path: Path) -> str:
    """A PowerShell literal string: single quotes, a quote inside doubled."""
    return "'" + str(path).replace("'", "''") + "'"


def switch(os_name: str, layout: Layout, venv: Path, version: str) -> list[str]:
    """Point the launchers at `venv`, record it, remove older versions; the notes to print."""
    notes = []
    files = launchers(os_name, layout, venv)
    record = {"version": version, "folder": venv.name, "installed": _now()}
    written = {path: (text, 0o755) for path, text in files.items()}
    written[layout.prefix / "current.json"] = (json.dumps(record, ensure_ascii=False) + "\n", 0o644)
    commit_all(written)
    if os_name == "windows":
        launcher = next(iter(files))
        for folder in layout.shortcuts:
            try:
                subprocess.run(shortcut_command(launcher, folder), check=True, capture_output=True)
            except (OSError, subprocess.CalledProcessError) as error:
                why = (
                    getattr(error, "strerror", None)
                    or f"PowerShell {getattr(error, 'returncode', '?')}"
                )
                notes.append(("no_shortcut", {"why": why, "launcher": launcher}))
    if app_running(layout):  # started during the build: its version stays until the next install
        notes.append(("old_kept", {}))
    else:
        sweep(layout.prefix, keep=venv.name)
    return notes


def commit_all(files: dict[Path, tuple[str, int]]) -> None:
    """Write every file beside its place first (what can fail: a full disk, a folder that
    cannot be made), then rename them all into place, so a failure switches nothing."""
    staged = []
    try:
        for path, (text, mode) in files.items():
            path.parent.mkdir(parents=True, exist_ok=True)
            temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
            staged.append((temporary, path))
            with open(temporary, "w", encoding="utf-8", newline="") as handle:
                handle.write(text)
            os.chmod(temporary, mode)
    except OSError:
        for temporary, _path in staged:
            with contextlib.suppress(OSError):
                temporary.unlink()
        raise
    for temporary, path in staged:
        os.replace(temporary, path)


VERSION = re.compile(r"[0-9A-Za-z.+]+")  # a version names a folder: nothing else may be in it
VERSION_FOLDER = re.compile(r"app-[0-9A-Za-z.+]+-\d{8}T\d{6}-[A-Za-z0-9_]+")


def sweep(prefix: Path, keep: str) -> None:
    """Remove every version of ours but `keep`, and what an interrupted install left. Only
    folders named as `install` names them count: `--prefix` may be a shared folder."""
    for entry in prefix.iterdir():
        if entry.name != keep and VERSION_FOLDER.fullmatch(entry.name) and entry.is_dir():
            shutil.rmtree(entry, ignore_errors=True)


def app_running(layout: Layout) -> bool:
    try:
        refuse_if_running(layout)
    except Refused:
        return True
    return False


def _now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


# -- the whole run -----------------------------------------------------------------------------


def install(kit: Path, layout: Layout, system: System, lang: str) -> list[str]:
    """Install the kit; the lines to print. `Refused` leaves the installed version as it was."""
    manifest = read_manifest(kit)
    wheels = choose_target(manifest, system)
    try:
        import ensurepip  # noqa: F401 - Debian splits it into python3-venv
    except ImportError:
        raise Refused("no_venv", version=system.version) from None
    refuse_if_running(layout)  # before anything is made, so a refusal changes nothing
    writable(layout.prefix)
    writable(layout.bin)
    with install_lock(layout.prefix):
        refuse_if_running(layout)
        stamp = f"app-{manifest['version']}-{datetime.now(UTC):%Y%m%dT%H%M%S}-"
        folder = Path(tempfile.mkdtemp(prefix=stamp, dir=layout.prefix))  # never an old one's
        try:
            build(kit, manifest, wheels, folder, system.os)
            notes = switch(system.os, layout, folder, manifest["version"])
        except OSError as error:  # a full disk, a folder that went away: nothing switched
            shutil.rmtree(folder, ignore_errors=True)
            log = layout.prefix / "install.log"
            raise Refused("failed", why=error.strerror or error, log=log) from None
        except BaseException:  # Ctrl-C included: never leave a half-built version behind
            shutil.rmtree(folder, ignore_errors=True)
            raise
    launcher = next(iter(launchers(system.os, layout, folder)))
    lines = [
        say("installed", lang, version=manifest["version"], launcher=launcher, data=layout.data)
    ]
    paths = os.environ.get("PATH", "").split(os.pathsep)
    if system.os != "windows" and str(layout.bin) not in paths:
        lines.append(say("not_on_path", lang, folder=layout.bin))
    lines.extend(say(key, lang, **values) for key, values in notes)
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="install", description="install inspect-tui offline")
    parser.add_argument("--check", action="store_true", help="only check the kit's files")
    parser.add_argument("--prefix", metavar="DIR", help="where the app's versions go")
    parser.add_argument("--bin", metavar="DIR", help="where the launcher goes")
    parser.add_argument("--lang", choices=("zh", "en"))
    args = parser.parse_args(argv)
    environ = dict(os.environ)
    lang = choose_lang(args.lang, environ)
    kit = Path(__file__).resolve().parent
    try:
        count = verify(kit)
        if args.check:
            print(say("checked", lang, count=count))
            return 0
        system = System.here()
        layout = Layout.for_system(system.os, environ, args.prefix, args.bin)
        for line in install(kit, layout, system, lang):
            print(line)
    except Refused as refusal:
        print(say(refusal.key, lang, **refusal.values), file=sys.stderr)
        return EXIT_REFUSED
    except KeyboardInterrupt:
        print(say("interrupted", lang), file=sys.stderr)
        return 130
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""`make dist`: the offline install kit, one archive for every laptop the kit carries.

    python -m kit.build            every target, Python 3.11 up to the newest all wheels exist for
    python -m kit.build --here     only this machine's target (the test in `make test` does this)

Needs the package index (or the laptop's mirror) while it builds; the kit needs nothing after.
Writes `dist/inspect-tui-VERSION-kit.zip` (`-kit-TARGET.zip` for `--here`) and its SHA-256
beside it, each through a temporary file, so a failed build leaves no archive that looks whole.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import zipfile
from datetime import UTC, datetime
from pathlib import Path

from packaging.requirements import Requirement

from kit.install import file_digest
from kit.targets import OLDEST_GLIBC, OLDEST_PYTHON, Target, targets, this_machine
from kit.wheels import Resolution, closure, read_folder, read_wheel

ROOT = Path(__file__).resolve().parents[1]
NEWEST_TRIED = 20  # 3.20: a ceiling for the search, far past any Python a county laptop has
SHIPPED = ("install.py", "install.sh", "install.bat", "GUIDE.txt")
EXECUTABLE = ("install.py", "install.sh")


class BuildError(Exception):
    """What stopped the build, in one line."""


def run(command: list[str]) -> None:
    """Run pip; `BuildError` with its last error line if it fails."""
    done = subprocess.run(command, capture_output=True, text=True, errors="replace")
    if done.returncode != 0:
        errors = [line for line in done.stderr.splitlines() if line.startswith("ERROR")]
        raise BuildError((errors or done.stderr.splitlines() or ["pip failed"])[-1])


def app_wheel(source: Path, folder: Path) -> Path:
    """Build the app's own wheel from `source` into `folder`."""
    folder.mkdir(parents=True, exist_ok=True)
    for old in folder.glob("inspect_tui-*.whl"):
        old.unlink()
    run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--quiet",
            "--no-deps",
            "-w",
            str(folder),
            str(source),
        ]
    )
    (wheel,) = folder.glob("inspect_tui-*.whl")
    return wheel


def download(target: Target, wanted: list[str], folder: Path, *, deps: bool) -> None:
    """Fetch binary wheels for `target` into `folder` (pip skips what is already there)."""
    platforms = [flag for tag in target.platforms() for flag in ("--platform", tag)]
    command = [
        sys.executable, "-m", "pip", "download", "--quiet", "--disable-pip-version-check",
        "--only-binary", ":all:", *platforms, "--python-version", target.version,
        "--implementation", "cp", "--abi", target.abi, "--abi", "abi3", "--abi", "none",
        "-d", str(folder), *([] if deps else ["--no-deps"]), *wanted,
    ]  # fmt: skip
    run(command)


def gather(target: Target, app: Path, folder: Path) -> Resolution:
    """Every wheel the app needs on `target`, with markers evaluated for the target: pip's own
    download first, then whatever the closure says it left out, until nothing is missing."""
    roots = list(read_wheel(app).requires)
    download(target, [str(app)], folder, deps=True)
    while True:
        resolution = closure(roots, read_folder(folder), target)
        if resolution.complete:
            return resolution
        before = len(list(folder.glob("*.whl")))
        wanted = [_without_marker(requirement) for requirement in resolution.missing]
        download(target, wanted, folder, deps=False)
        if len(list(folder.glob("*.whl"))) == before:
            names = ", ".join(str(requirement) for requirement in resolution.missing)
            raise BuildError(f"{target.name}: no wheel for {names}")


def _without_marker(requirement: Requirement) -> str:
    copy = Requirement(str(requirement))
    copy.marker = None
    copy.extras = set()
    return str(copy)


def resolve(app: Path, folder: Path, chosen: list[Target] | None) -> dict[str, Resolution]:
    """Each target's wheels. Without `chosen`, every Python from 3.11 up while all targets of
    that version have their wheels; 3.11 itself must succeed."""
    if chosen is not None:
        return {target.name: gather(target, app, folder) for target in chosen}
    found: dict[str, Resolution] = {}
    for minor in range(OLDEST_PYTHON[1], NEWEST_TRIED + 1):
        version = (OLDEST_PYTHON[0], minor)
        try:
            found.update({t.name: gather(t, app, folder) for t in targets([version])})
        except BuildError as error:
            if version == OLDEST_PYTHON:
                raise
            print(f"Python {version[0]}.{minor}: not every wheel exists ({error}); stopping there")
            break
    return found


def stage(
    folder: Path, source: Path, app: Path, wheels: Path, resolutions: dict[str, Resolution]
) -> None:
    """Lay the kit out in `folder`: installer, guide, checklists (from `source`), the wheels
    every target uses, `kit.json`, `pythons.txt` and `SHA256SUMS` over all of it."""
    version = read_wheel(app).version
    (folder / "wheels").mkdir(parents=True)
    for name in SHIPPED:
        shutil.copy2(source / "kit" / name, folder / name)
    guide = (source / "kit" / "GUIDE.txt").read_text(encoding="utf-8")
    # printed and opened on Windows too: old Notepad wants CRLF and a BOM to read UTF-8
    (folder / "GUIDE.txt").write_bytes(b"\xef\xbb\xbf" + guide.replace("\n", "\r\n").encode())
    shutil.copytree(
        source / "checklists", folder / "checklists", ignore=shutil.ignore_patterns(".*")
    )
    used = {name for resolution in resolutions.values() for name in resolution.files()}
    for name in sorted(used):
        shutil.copy2(wheels / name, folder / "wheels" / name)
    shutil.copy2(app, folder / "wheels" / app.name)
    pythons = sorted({name.rsplit("-cp", 1)[1] for name in resolutions}, key=int)
    shown = [f"{p[0]}.{p[1:]}" for p in pythons]
    manifest = {
        "app": "inspect-tui",
        "version": str(version),
        "wheel": app.name,
        "pythons": shown,
        "glibc": f"2.{OLDEST_GLIBC}",
        "built": datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "targets": {name: res.files() for name, res in sorted(resolutions.items())},
    }
    text = json.dumps(manifest, ensure_ascii=False, indent=1) + "\n"
    (folder / "kit.json").write_text(text, encoding="utf-8")
    (folder / "pythons.txt").write_text(" ".join(shown) + "\n", encoding="utf-8")
    files = sorted(path for path in folder.rglob("*") if path.is_file())
    sums = [f"{file_digest(path)}  {path.relative_to(folder).as_posix()}" for path in files]
    (folder / "SHA256SUMS").write_text("\n".join(sums) + "\n", encoding="utf-8")


def pack(folder: Path, archive: Path) -> Path:
    """Zip `folder` (one top folder inside) into `archive`, then write `archive.sha256`."""
    temporary = archive.with_name(f".{archive.name}.{os.getpid()}.tmp")
    with zipfile.ZipFile(temporary, "w") as bundle:
        for path in sorted(folder.rglob("*")):
            if not path.is_file():
                continue
            name = f"{folder.name}/{path.relative_to(folder).as_posix()}"
            info = zipfile.ZipInfo.from_file(path, name)
            info.external_attr = (0o755 if path.name in EXECUTABLE else 0o644) << 16
            stored = path.suffix == ".whl"  # wheels are zips already: deflating again gains nothing
            info.compress_type = zipfile.ZIP_STORED if stored else zipfile.ZIP_DEFLATED
            with open(path, "rb") as handle:
                bundle.writestr(info, handle.read())
    os.replace(temporary, archive)
    digest = archive.with_name(archive.name + ".sha256")
    temporary = digest.with_name(f".{digest.name}.{os.getpid()}.tmp")
    temporary.write_text(f"{file_digest(archive)}  {archive.name}\n", encoding="utf-8")
    os.replace(temporary, digest)
    return archive


def build(source: Path, out: Path, work: Path, here: bool) -> Path:
    """The whole build: the app's wheel, every target's wheels, the staged kit, the archive."""
    app = app_wheel(source, work / "app")
    chosen = None
    if here:
        target = this_machine()
        if target is None:
            raise BuildError("this machine is not one the kit carries (Windows x64, Linux)")
        chosen = [target]
    resolutions = resolve(app, work / "wheels", chosen)
    version = read_wheel(app).version
    suffix = f"-{chosen[0].name}" if chosen else ""
    staged = work / "stage" / f"inspect-tui-{version}"
    shutil.rmtree(staged.parent, ignore_errors=True)
    stage(staged, source, app, work / "wheels", resolutions)
    out.mkdir(parents=True, exist_ok=True)
    return pack(staged, out / f"inspect-tui-{version}-kit{suffix}.zip")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m kit.build", description=__doc__.split("\n")[0])
    parser.add_argument("--here", action="store_true", help="only this machine's platform")
    parser.add_argument("--source", default=str(ROOT), help="the project to build (default: this)")
    parser.add_argument("--out", default=str(ROOT / "dist"), help="where the archive goes")
    parser.add_argument("--work", help="downloads and staging (default: OUT/.work)")
    args = parser.parse_args(argv)
    out = Path(args.out)
    work = Path(args.work) if args.work else out / ".work"
    try:
        archive = build(Path(args.source), out, work, args.here)
    except BuildError as error:
        print(f"make dist: {error}", file=sys.stderr)
        return 2
    size = archive.stat().st_size / 1e6
    print(f"{archive} ({size:.0f} MB); its SHA-256 in {archive.name}.sha256")
    return 0


if __name__ == "__main__":
    sys.exit(main())

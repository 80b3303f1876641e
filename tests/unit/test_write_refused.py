"""A file written where the user said (`bundle --out`, `sheet-template --out`) that cannot be
written: a name too long for the file system, a full disk. One line naming the path and the
reason, exit 2, and no file, whole or partial, left behind."""

from __future__ import annotations

import errno
import io
import os
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path

import pytest

from inspect_tui.cli import main
from inspect_tui.domain.model import Campaign
from inspect_tui.storage.store import LocalStore

TOO_LONG = "表" * 200  # 600 bytes: over any file system's limit for one name


def run(*args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        code = main(["--lang", "en", *args])
    return code, out.getvalue(), err.getvalue()


@pytest.fixture
def laptop(tmp_path: Path, campaign: Campaign) -> Path:
    folder = tmp_path / "laptop"
    with LocalStore(folder) as store:
        store.start_visit(campaign, "team-1", campaign.team("team-1").groups[0])
    return folder


def everything(folder: Path) -> set[str]:
    return {str(p.relative_to(folder)) for p in folder.rglob("*")}


@pytest.mark.parametrize("command", ["bundle", "sheet-template"])
def test_a_name_too_long_is_one_line_and_exit_2(command: str, laptop: Path, tmp_path: Path) -> None:
    # before: OSError(ENAMETOOLONG) from the write, exit 70 and a crash log
    out_dir = tmp_path / "out"
    target = out_dir / f"{TOO_LONG}.{'json' if command == 'bundle' else 'xlsx'}"
    args = ["--team", "team-1", "--out", str(target)]
    code, out, err = run("--data", str(laptop), command, *args)
    assert (code, out) == (2, "")
    assert err.startswith(f"cannot write {target}: ") and err.count("\n") == 1
    assert err.endswith("; no partial file was left\n")
    assert everything(out_dir) == set()


@pytest.mark.parametrize("command", ["bundle", "sheet-template"])
def test_a_full_disk_leaves_no_file_and_is_one_line(
    command: str, laptop: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "stick" / f"result.{'json' if command == 'bundle' else 'xlsx'}"
    real_open, real_write = os.open, os.write
    on_stick: set[int] = set()  # descriptors opened on the full stick: writes to them fail

    def opened(path: str | os.PathLike[str], flags: int, *args: int, **kw: object) -> int:
        fd = real_open(path, flags, *args, **kw)  # type: ignore[arg-type]
        if Path(path).parent == target.parent:
            on_stick.add(fd)
        else:
            on_stick.discard(fd)  # a number the system gives out again
        return fd

    def full(fd: int, data: bytes | memoryview) -> int:
        if fd in on_stick:
            raise OSError(errno.ENOSPC, "No space left on device")
        return real_write(fd, data)

    monkeypatch.setattr(os, "open", opened)
    monkeypatch.setattr(os, "write", full)
    code, out, err = run("--data", str(laptop), command, "--team", "team-1", "--out", str(target))
    assert (code, out) == (2, "")
    assert err == f"cannot write {target}: the disk is full; no partial file was left\n"
    assert everything(target.parent) == set()  # not even the temp file

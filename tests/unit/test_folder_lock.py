"""The data folder's lock: held by the folder, not by `.lock`; `.lock` only says who holds it.

The two-process case (a writer that goes on saving while `.lock` is deleted and newcomers are
refused) is in tests/e2e/test_lock_survives_deletion.py; here the rules one process can show.
"""

from __future__ import annotations

import errno
import io
import os
from pathlib import Path

import pytest

from inspect_tui.cli import main
from inspect_tui.storage.lock import FolderLock
from inspect_tui.storage.store import LocalStore
from inspect_tui.words.errors import StoreError, StoreLocked

FULL = os.strerror(errno.ENOSPC)


class FullDisk(io.StringIO):
    """A file the system opened but cannot write: what a 100 %-full disk does to the note."""

    def write(self, text: str) -> int:
        raise OSError(errno.ENOSPC, FULL)


def full_disk(*args: object, **kwargs: object) -> FullDisk:
    return FullDisk()


def test_the_folder_stays_locked_when_lock_is_deleted(data_dir: Path) -> None:
    first = LocalStore(data_dir)
    (data_dir / ".lock").unlink()
    with pytest.raises(StoreLocked) as caught:
        LocalStore(data_dir)
    assert "holder unknown" in caught.value.line("en")
    assert not (data_dir / ".lock").exists()  # the refused newcomer writes no note
    first.close()
    with LocalStore(data_dir):  # given back on close, deleted note or not
        assert f'"pid": {os.getpid()}' in (data_dir / ".lock").read_text(encoding="utf-8")


def test_a_replaced_note_neither_frees_the_folder_nor_hangs_the_refusal(data_dir: Path) -> None:
    with LocalStore(data_dir):
        note = data_dir / ".lock"
        note.unlink()
        os.mkfifo(note)  # reading a FIFO would block the newcomer for good
        with pytest.raises(StoreLocked) as caught:
            LocalStore(data_dir)
        assert "holder unknown" in caught.value.line("en")
        note.unlink()
        note.write_text('{"pid": "[/b]\x1b]0;x\x07"}', encoding="utf-8")  # not a note of ours
        with pytest.raises(StoreLocked) as caught:
            LocalStore(data_dir)
        assert "holder unknown" in caught.value.line("en")


def test_the_holders_note_names_it_and_the_newcomer_leaves_it(store: LocalStore) -> None:
    note = store.folder / ".lock"
    before = note.read_bytes()
    with pytest.raises(StoreLocked) as caught:
        LocalStore(store.folder)
    assert f"pid {os.getpid()}" in caught.value.line("en")
    assert note.read_bytes() == before


def test_a_full_disk_while_taking_the_lock_is_one_error_and_frees_the_folder(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    LocalStore(data_dir).close()
    monkeypatch.setattr("inspect_tui.storage.lock.open", full_disk, raising=False)
    with pytest.raises(StoreError) as caught:
        LocalStore(data_dir)
    assert not isinstance(caught.value, StoreLocked)
    assert caught.value.key == "store.folder_failed"
    assert caught.value.line("en") == f"cannot use data folder {data_dir}: {FULL}"
    monkeypatch.undo()
    LocalStore(data_dir).close()  # the failed attempt did not keep the folder


def test_a_full_disk_is_one_line_and_exit_2_on_the_command_line(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr("inspect_tui.storage.lock.open", full_disk, raising=False)
    code = main(["--data", str(data_dir), "--lang", "en", "bundle", "--team", "team-1"])
    out, err = capsys.readouterr()
    assert code == 2
    assert out == ""
    assert err == f"cannot use data folder {data_dir}: {FULL}\n"


def test_release_gives_the_folder_back(tmp_path: Path) -> None:
    first, second = FolderLock(tmp_path), FolderLock(tmp_path)
    first.acquire()
    with pytest.raises(StoreLocked):
        second.acquire()
    first.release()
    first.release()  # twice is harmless (close() after a failed open does it)
    second.acquire()
    second.release()

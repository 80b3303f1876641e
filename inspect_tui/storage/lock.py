"""One writer per data folder, even when someone deletes `.lock`.

Deleting a "stale lock" is a common reflex, so the lock must not live in a file anyone can
delete. On POSIX the data folder itself is locked (`flock` on a descriptor of the folder): no
file's removal frees it, and the OS drops it when the holder exits, however it exits, so a crash
never leaves a stale lock behind. On Windows a folder cannot be opened for locking; there the lock
is `msvcrt`'s on `.lock`, which this process holds open, and Python opens files without
FILE_SHARE_DELETE, so Windows refuses to delete `.lock` while it is held.

`.lock` is also the readable note of who holds the folder (pid, user, host, since), written by
the holder only, after it holds the lock: a newcomer only reads it, and if it was removed the
newcomer is still refused, told that the holder is unknown. The one refused is always the
newcomer, never the app a person is typing into.
"""

from __future__ import annotations

import contextlib
import getpass
import json
import os
import socket
from datetime import UTC, datetime
from pathlib import Path
from types import ModuleType
from typing import IO

from inspect_tui.storage.files import FileRefused, read_regular
from inspect_tui.words.errors import StoreError, StoreLocked
from inspect_tui.words.i18n import Msg

LOCK_NAME = ".lock"
_NOTE_LIMIT = 64 * 1024  # a note is a line; anything bigger is not ours
_WINDOWS_LOCK_OFFSET = 1 << 30  # lock a byte far past the note, so others can still read it


class _Held(Exception):
    """Another process holds the lock (whatever errno the platform said it with)."""


def current_user() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "unknown"


class FolderLock:
    """Held from `acquire()` until `release()` or the process ends."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.path = folder / LOCK_NAME
        self._fd: int | None = None  # POSIX: the folder's descriptor, which holds the flock
        self._file: IO[str] | None = None  # Windows: the open, locked `.lock`

    def acquire(self) -> None:
        """Take the folder, or `StoreLocked` naming who holds it; `StoreError` (one line) if the
        folder cannot be opened or the note cannot be written (a full disk, a read-only folder)."""
        try:
            _LOCKING.take(self)
        except _Held:
            self.release()
            raise StoreLocked("store.locked", path=self.folder, holder=self.holder()) from None
        except OSError as exc:
            self.release()
            raise self._failed(exc) from None
        try:
            self._write_note()
        except OSError as exc:
            self.release()
            raise self._failed(exc) from None

    def release(self) -> None:
        _LOCKING.give_back(self)

    def holder(self) -> str | Msg:
        """Who the note says holds the folder; unknown if it was removed or is not ours."""
        try:
            text = read_regular(self.path, limit=_NOTE_LIMIT).decode("utf-8")
            info = json.loads(text)
            return f"pid {info['pid']}, {info['user']}@{info['host']}, {info['since']}"
        except (OSError, FileRefused, ValueError, KeyError, TypeError):
            return Msg("lock.holder_unknown", file=self.path)

    def _write_note(self) -> None:
        info = {
            "pid": os.getpid(),
            "user": current_user(),
            "host": socket.gethostname(),
            "since": datetime.now(UTC).isoformat(timespec="seconds"),
        }
        note = json.dumps(info, ensure_ascii=False)
        if self._file is not None:  # Windows: the locked file itself, which only we may write
            self._file.seek(0)
            self._file.truncate()
            self._file.write(note)
            self._file.flush()
            return
        # POSIX: only the holder gets here, so rewriting the note in place is safe; a crash
        # halfway leaves a note that reads as "holder unknown", never a lock that holds wrongly
        with open(self.path, "w", encoding="utf-8") as handle:
            handle.write(note)

    def _failed(self, exc: OSError) -> StoreError:
        reason = exc.strerror or str(exc)
        return StoreError("store.folder_failed", path=self.folder, reason=reason)


class _WindowsLocking:
    """Windows: one byte of `.lock`, far past the note, locked with msvcrt. The module is
    given rather than imported here, so that the tests can run this branch on Linux with a
    fake one."""

    def __init__(self, msvcrt: ModuleType) -> None:
        self.msvcrt = msvcrt

    def take(self, lock: FolderLock) -> None:
        # "a+" never truncates: the note stays readable for the newcomer that is refused
        lock._file = open(lock.path, "a+", encoding="utf-8")  # noqa: SIM115 - held while locked
        lock._file.seek(_WINDOWS_LOCK_OFFSET)
        try:
            self.msvcrt.locking(lock._file.fileno(), self.msvcrt.LK_NBLCK, 1)
        except OSError as exc:  # EACCES or EDEADLOCK: the byte is another process's
            lock._file.close()
            lock._file = None
            raise _Held from exc

    def give_back(self, lock: FolderLock) -> None:
        if lock._file is not None:
            with contextlib.suppress(OSError):
                lock._file.seek(_WINDOWS_LOCK_OFFSET)
                self.msvcrt.locking(lock._file.fileno(), self.msvcrt.LK_UNLCK, 1)
            lock._file.close()
            lock._file = None


class _PosixLocking:
    """POSIX: `flock` on a descriptor of the folder itself."""

    def take(self, lock: FolderLock) -> None:
        import fcntl

        lock._fd = os.open(lock.folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
        try:
            fcntl.flock(lock._fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError as exc:  # EWOULDBLOCK: held; any other errno is a real failure
            raise _Held from exc

    def give_back(self, lock: FolderLock) -> None:
        if lock._fd is not None:
            os.close(lock._fd)  # closing the descriptor drops the flock
            lock._fd = None


def _platform_locking() -> _WindowsLocking | _PosixLocking:
    if os.name == "nt":  # pragma: no cover - the Windows branch is tested with a fake msvcrt
        import msvcrt

        return _WindowsLocking(msvcrt)
    return _PosixLocking()


_LOCKING = _platform_locking()

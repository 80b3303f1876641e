"""One writer per data folder.

An OS lock (flock on POSIX, msvcrt on Windows) on `.lock` in the folder: the OS drops it when the
holder exits, however it exits, so a crash never leaves a stale lock behind. The file also holds
who took it, so a second instance can say whose it is.
"""

from __future__ import annotations

import getpass
import json
import os
import socket
from datetime import UTC, datetime
from pathlib import Path
from typing import IO

from inspect_tui.core.errors import StoreError, StoreLocked

LOCK_NAME = ".lock"
_WINDOWS_LOCK_OFFSET = 1 << 30  # lock a byte far past the text, so others can still read who


def current_user() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "unknown"


class FolderLock:
    """Held from `acquire()` until `release()` or the process ends."""

    def __init__(self, folder: Path) -> None:
        self.path = folder / LOCK_NAME
        self._file: IO[str] | None = None

    def acquire(self) -> None:
        try:
            handle = open(self.path, "a+", encoding="utf-8")  # noqa: SIM115 - held while locked
        except OSError as exc:
            reason = exc.strerror or str(exc)
            raise StoreError("store.folder_failed", path=self.path.parent, reason=reason) from None
        try:
            _lock(handle)
        except OSError:
            handle.seek(0)
            holder = _describe(handle.read())
            handle.close()
            raise StoreLocked("store.locked", path=self.path.parent, holder=holder) from None
        info = {
            "pid": os.getpid(),
            "user": current_user(),
            "host": socket.gethostname(),
            "since": datetime.now(UTC).isoformat(timespec="seconds"),
        }
        handle.seek(0)
        handle.truncate()
        handle.write(json.dumps(info, ensure_ascii=False))
        handle.flush()
        self._file = handle

    def release(self) -> None:
        if self._file is not None:
            _unlock(self._file)
            self._file.close()
            self._file = None


def _describe(text: str) -> str:
    try:
        info = json.loads(text)
        return f"pid {info['pid']}, {info['user']}@{info['host']}, {info['since']}"
    except (ValueError, KeyError, TypeError):
        return "?"


if os.name == "nt":  # pragma: no cover - exercised on Windows laptops only
    import msvcrt

    def _lock(handle: IO[str]) -> None:
        handle.seek(_WINDOWS_LOCK_OFFSET)
        msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)

    def _unlock(handle: IO[str]) -> None:
        handle.seek(_WINDOWS_LOCK_OFFSET)
        msvcrt.locking(handle.fileno(), msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _lock(handle: IO[str]) -> None:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)

    def _unlock(handle: IO[str]) -> None:
        fcntl.flock(handle.fileno(), fcntl.LOCK_UN)

"""Crash-safe files: a write either lands whole or not at all.

TinyDB's own JSONStorage truncates and rewrites its file in place; a crash, a flat battery or a
full disk in the middle leaves a file that no longer loads. Here every write goes to a temp file
in the same folder, is fsynced, replaces the old file with `os.replace` (atomic on POSIX and
Windows), and the folder is fsynced so the rename itself survives a power cut.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import orjson
from tinydb.storages import Storage

from inspect_tui.storage.files import MAX_DEPTH, FileRefused, read_regular, too_deep
from inspect_tui.words.errors import InspectError, StoreError, os_reason
from inspect_tui.words.i18n import Msg

TEMP_SUFFIX = ".tmp"
# fdatasync flushes the data and what is needed to read it back (the size), skipping the
# timestamps fsync would also write; SQLite makes the same choice on Linux. Elsewhere, fsync.
_sync_data = getattr(os, "fdatasync", os.fsync)


def temp_name(path: Path) -> Path:
    return path.with_name(f".{path.name}.{os.getpid()}{TEMP_SUFFIX}")


def fsync_folder(folder: Path) -> None:
    if os.name != "posix":  # Windows cannot open a folder for fsync; NTFS journals renames
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def atomic_write(path: Path, data: bytes, mode: int = 0o600) -> None:
    """Replace `path` with `data`, durably; on failure the old file is untouched. `mode` (less
    the umask) for files meant for others: data files stay the owner's own."""
    tmp = temp_name(path)
    try:
        flags = os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_BINARY", 0)
        fd = os.open(tmp, flags, mode)
        try:
            view = memoryview(data)
            while view:
                view = view[os.write(fd, view) :]
            _sync_data(fd)
        finally:
            os.close(fd)
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    fsync_folder(path.parent)


def write_file(path: Path, data: bytes, mode: int = 0o600) -> Path:
    """`atomic_write` into a place a user named (`--out`, a folder typed in), its folder made
    if need be: a full disk, a read-only stick or a name too long for the file system is
    `InspectError` naming the path and the reason, and no partial file is left."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        atomic_write(path, data, mode)
    except OSError as error:
        raise InspectError("file.write_failed", path=path, reason=os_reason(error)) from None
    return path


def canonical(data: Any) -> bytes:
    """JSON for hashing and signing: UTF-8, keys sorted, no spaces; the same data give the
    same bytes on every machine (bundle digests, record contents, export seals)."""
    return orjson.dumps(data, option=orjson.OPT_SORT_KEYS)


def dumps(data: Any) -> bytes:
    """JSON as we store it: UTF-8 with Chinese left readable (no \\u escapes), one line.

    orjson rather than the json module: a visit file serializes in a tenth of the time, which
    is most of what a save costs besides the two fsyncs.
    """
    return orjson.dumps(data)


class AtomicJSONStorage(Storage):
    """A TinyDB storage that writes atomically and keeps the data in memory.

    One process owns a data folder (see `lock.FolderLock`), so the file never changes under us
    and reads come from memory. `transaction()` groups several TinyDB operations into one
    write: the answer, its audit entry and the visit's new time land together or not at all.
    If a write fails, the in-memory copy (which TinyDB already changed) is dropped and the next
    read loads the last good file again.
    """

    def __init__(self, path: str | Path, marker: dict[str, Any] | None = None) -> None:
        self.path = Path(path)
        self.marker = marker
        self._data: dict[str, Any] | None = None
        self._depth = 0
        self._dirty = False

    def read(self) -> dict[str, Any]:
        if self._data is None:
            self._data = self._load()
        return self._data

    def write(self, data: dict[str, Any]) -> None:
        self._data = data
        if self._depth:
            self._dirty = True
            return
        self._flush()

    def close(self) -> None:
        self._data = None

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """Writes inside land as one, when the outermost block ends without an error."""
        self._depth += 1
        try:
            yield
        except BaseException:
            self._depth -= 1
            if self._depth == 0:
                self._dirty = False
                self._data = None
            raise
        self._depth -= 1
        if self._depth == 0 and self._dirty:
            self._dirty = False
            self._flush()

    def _flush(self) -> None:
        data = self._data if self._data is not None else {}
        if self.marker is not None:
            data.setdefault("_meta", {"1": self.marker})
        try:
            atomic_write(self.path, dumps(data))
        except (TypeError, ValueError) as exc:  # not serializable: nothing was written
            self._data = None
            raise StoreError("store.write_failed", path=self.path, reason=str(exc)) from exc
        except OSError as exc:
            self._data = None
            raise StoreError(
                "store.write_failed", path=self.path, reason=exc.strerror or str(exc)
            ) from exc

    def _load(self) -> dict[str, Any]:
        """The file's data; a missing file is empty. Only a regular file of at most
        `files.MAX_BYTES`, nested at most `files.MAX_DEPTH` deep, is read (`store.refused`): a
        visit, settings or county file is never a FIFO, a device or a 300-deep list, and one
        that is would hang, fill the memory or fail the next save."""
        try:
            raw = read_regular(self.path)
        except FileRefused as refused:
            raise StoreError("store.refused", path=self.path, reason=refused.reason) from None
        except FileNotFoundError:
            return {}
        except OSError as exc:
            raise StoreError("store.corrupt", path=self.path, reason=exc.strerror) from exc
        try:
            data = orjson.loads(raw)
        except orjson.JSONDecodeError as exc:
            raise StoreError("store.corrupt", path=self.path, reason=str(exc)) from exc
        if too_deep(data):
            reason = Msg("file.too_deep", limit=MAX_DEPTH)
            raise StoreError("store.refused", path=self.path, reason=reason)
        if self.marker is not None:
            self._check_marker(data)
        return data

    def _check_marker(self, data: object) -> None:
        meta = data.get("_meta") if isinstance(data, dict) else None
        found = meta.get("1") if isinstance(meta, dict) else None
        if not isinstance(found, dict) or found.get("kind") != self.marker.get("kind"):
            raise StoreError("store.foreign", path=self.path)
        form = found.get("format")
        if type(form) is not int or form < 1:  # `true` is an int to isinstance; 0 never was
            raise StoreError("store.foreign", path=self.path)
        if form > self.marker["format"]:
            raise StoreError("store.newer", path=self.path, found=form)

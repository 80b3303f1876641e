"""Reading a file that claims to be one of ours: only a regular file, and never more than a limit.

A bundle, a sheet, a checklist or a data file is read whole into memory, so what is read must be
bounded before reading: a symlink to `/dev/zero` would otherwise grow without end and a FIFO would
block forever. Symlinks are followed (a user may link a file from a USB stick) and what they point
to is checked like any other path. The size is checked before reading and again while reading (a
file can grow in between); a FIFO is opened without blocking and refused before a byte is read.
"""

from __future__ import annotations

import math
import os
import stat
from pathlib import Path

from inspect_tui.words.errors import InspectError
from inspect_tui.words.i18n import Msg

_MIB = 1024 * 1024
MAX_BYTES = 64 * _MIB  # a province's bundle is a few MiB; a sheet or a checklist far less
# Our own files nest about eight deep (county file > record > visit > answers > item > value).
# orjson reads 1024 levels but writes only 254, and the exact-bytes check of a bundle writes what
# it read: a limit well below both keeps every file we accept one we can write again.
MAX_DEPTH = 64
_CHUNK = 1024 * 1024


class FileRefused(InspectError):
    """A path that is not a regular file of a sane size; `reason` says which, in either
    language, for the caller's own one-line error (a bundle's, a checklist's ...)."""

    def __init__(self, path: Path, reason: Msg) -> None:
        super().__init__("file.refused", path=path, reason=reason)
        self.path = path
        self.reason = reason


def _size(n: int) -> str:
    """'64 MiB', '64.1 MiB' (rounded up: a file just over the limit must not read as equal to
    it), '812 B'."""
    if n < _MIB:
        return f"{n} B"
    if n % _MIB == 0:
        return f"{n // _MIB} MiB"
    return f"{math.ceil(n * 10 / _MIB) / 10:.1f} MiB"


def read_regular(path: Path | str, *, limit: int = MAX_BYTES) -> bytes:
    """The bytes of the regular file at `path` (symlinks followed), at most `limit` of them.

    Raises `FileRefused` for a FIFO, a device, a socket or a file over `limit`, and the usual
    `OSError`s (`FileNotFoundError`, `IsADirectoryError`, `PermissionError` ...) otherwise, so
    callers keep their own wording for those."""
    path = Path(path)
    target = os.path.realpath(path)
    info = os.stat(target)
    if stat.S_ISDIR(info.st_mode):
        raise IsADirectoryError(21, "Is a directory", str(path))
    if not stat.S_ISREG(info.st_mode):
        raise FileRefused(path, Msg("file.not_regular"))
    if info.st_size > limit:
        raise FileRefused(path, Msg("file.too_large", size=_size(info.st_size), limit=_size(limit)))
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    fd = os.open(target, flags)
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):  # swapped between the check and the open
            raise FileRefused(path, Msg("file.not_regular"))
        chunks: list[bytes] = []
        size = 0
        while chunk := os.read(fd, _CHUNK):
            size += len(chunk)
            if size > limit:
                raise FileRefused(
                    path, Msg("file.too_large", size=f"> {_size(limit)}", limit=_size(limit))
                )
            chunks.append(chunk)
        return b"".join(chunks)
    finally:
        os.close(fd)


def too_deep(data: object, limit: int = MAX_DEPTH) -> bool:
    """Whether parsed JSON nests arrays and objects more than `limit` levels deep (the outermost
    is level 1). A loop, not recursion: the check for deep nesting must not itself overflow."""
    stack: list[tuple[dict[str, object] | list[object], int]] = []
    if isinstance(data, dict | list):
        stack.append((data, 1))
    while stack:
        node, depth = stack.pop()
        if depth > limit:
            return True
        children = node.values() if isinstance(node, dict) else node
        stack.extend((child, depth + 1) for child in children if isinstance(child, dict | list))
    return False

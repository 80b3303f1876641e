"""msvcrt.locking's rule, on Linux: a byte of a file locked through one handle refuses every
other lock of it until unlocked. Lets the Windows branches of the app's and the installer's
locks run here (storage/lock.py, kit/install.py)."""

from __future__ import annotations

import os


class FakeMsvcrt:
    LK_UNLCK, LK_LOCK, LK_NBLCK, LK_RLCK, LK_NBRLCK = 0, 1, 2, 3, 4

    def __init__(self) -> None:
        self.held: dict[tuple[int, int, int], int] = {}  # (device, inode, offset) -> fd

    def locking(self, fd: int, mode: int, nbytes: int) -> None:
        status = os.fstat(fd)
        key = (status.st_dev, status.st_ino, os.lseek(fd, 0, os.SEEK_CUR))
        if mode == self.LK_UNLCK:
            if self.held.get(key) != fd:
                raise PermissionError(13, "Permission denied")
            del self.held[key]
        elif key in self.held:
            raise PermissionError(13, "Permission denied")  # msvcrt says EACCES
        else:
            self.held[key] = fd

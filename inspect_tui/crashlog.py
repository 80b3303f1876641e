"""Where an unexpected failure goes: a log file with the traceback, never the user's screen.

Every log gets a name of its own (the time, then a part `mkstemp` makes unique), so two crashes
in the same second keep both tracebacks. The app's error console writes into a `CrashLog`, which
makes its file only when something is written: a normal exit leaves nothing behind.
"""

from __future__ import annotations

import io
import os
import sys
import tempfile
import traceback
from datetime import UTC, datetime
from pathlib import Path

PREFIX = "inspect-tui-crash-"


def new_crash_log() -> tuple[int, Path]:
    """A new, empty log file in the temp folder, created exclusively: its descriptor and path."""
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S")
    handle, name = tempfile.mkstemp(prefix=f"{PREFIX}{stamp}-", suffix=".log")
    return handle, Path(name)


def write_crash_log() -> Path:
    """Write the exception being handled to a new file in the temp folder; return its path."""
    handle, path = new_crash_log()
    with os.fdopen(handle, "w", encoding="utf-8") as log:
        log.write(traceback.format_exc())
    return path


class CrashLog(io.TextIOBase):
    """A text stream that opens a new crash log on its first write (for a Rich console: the
    Textual app prints an unhandled exception's traceback to its `error_console`)."""

    def __init__(self) -> None:
        super().__init__()
        self.path: Path | None = None
        self._file: io.TextIOWrapper | None = None

    def write(self, text: str) -> int:
        if self._file is None:
            try:
                handle, self.path = new_crash_log()
            except OSError:  # no room for a log: better the traceback on screen than lost
                if sys.__stderr__ is not None:
                    sys.__stderr__.write(text)
                return len(text)
            self._file = open(handle, "w", encoding="utf-8")  # noqa: SIM115 (kept open)
        self._file.write(text)
        self._file.flush()  # the process may end right after the traceback
        return len(text)

    def flush(self) -> None:
        if self._file is not None:
            self._file.flush()

    def close(self) -> None:
        if self._file is not None:
            self._file.close()
            self._file = None  # `TextIOBase.close` flushes once more
        super().close()

    def isatty(self) -> bool:
        return False  # no colour codes in a log

    @property
    def encoding(self) -> str:  # type: ignore[override]
        return "utf-8"

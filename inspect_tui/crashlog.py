"""Where an unexpected failure goes: a log file with the traceback, never the user's screen."""

from __future__ import annotations

import tempfile
import traceback
from datetime import UTC, datetime
from pathlib import Path


def write_crash_log() -> Path:
    """Write the exception being handled to a new file in the temp folder; return its path."""
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S")
    path = Path(tempfile.gettempdir()) / f"inspect-tui-crash-{stamp}.log"
    path.write_text(traceback.format_exc(), encoding="utf-8")
    return path

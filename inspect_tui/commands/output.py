"""What the command line prints: nothing a file or a user carries reaches the terminal raw.

`guarded_output()` wraps standard output and standard error for the whole run, so every line a
command prints (file names, team names, notes, refusal reasons, argparse's echo of a bad
argument) goes through `text.visible`: an escape sequence in a bundle's name or a note is printed
as `␛]0;x␇`, never acted on. Rich output (tables, the progress bar) is written to the real stream,
because its own colour codes must reach the terminal; what goes into it is `cell()` text, never
markup, and the consoles made here parse neither markup nor emoji codes.
"""

from __future__ import annotations

import contextlib
import io
import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any, TextIO

from rich.console import Console
from rich.text import Text

from inspect_tui.words.text import BIDI_CONTROLS, visible

# what json.dumps(ensure_ascii=False) leaves raw but a terminal or a reader may act on: C1
# controls, direction controls and lone surrogates (it escapes C0 itself)
_JSON_ESCAPES = {
    code: f"\\u{code:04x}"
    for code in [*range(0x7F, 0xA0), *(ord(c) for c in BIDI_CONTROLS), *range(0xD800, 0xE000)]
}


class VisibleStream(io.TextIOBase):
    """A text stream that shows control characters instead of passing them on."""

    def __init__(self, raw: TextIO) -> None:
        super().__init__()
        self.raw = raw

    def write(self, text: str) -> int:
        self.raw.write(visible(text))
        return len(text)

    def flush(self) -> None:
        self.raw.flush()

    def isatty(self) -> bool:
        return self.raw.isatty()

    def fileno(self) -> int:
        return self.raw.fileno()

    @property
    def encoding(self) -> str:  # type: ignore[override]
        return getattr(self.raw, "encoding", "utf-8")


def raw_stream(stream: TextIO) -> TextIO:
    """The terminal's own stream behind a `VisibleStream` (for Rich, which writes codes)."""
    return stream.raw if isinstance(stream, VisibleStream) else stream


@contextmanager
def guarded_output() -> Iterator[None]:
    """Standard output and error show control characters, for as long as the block runs, and
    never fail on a character their encoding lacks."""
    out, err = sys.stdout, sys.stderr
    for stream in (out, err):
        replace_unencodable(stream)
    sys.stdout, sys.stderr = VisibleStream(out), VisibleStream(err)  # type: ignore[assignment]
    try:
        yield
    finally:
        for stream in (sys.stdout, sys.stderr):
            stream.flush()
        sys.stdout, sys.stderr = out, err


def replace_unencodable(stream: TextIO) -> None:
    """A stream whose encoding lacks a character prints '?' for it instead of crashing: on a
    Chinese Windows, output redirected to a file or a pipe is GBK (cp936), which has no ✓."""
    encoding = (getattr(stream, "encoding", None) or "").lower().replace("-", "").replace("_", "")
    if encoding != "utf8" and hasattr(stream, "reconfigure"):
        with contextlib.suppress(ValueError, OSError):
            stream.reconfigure(errors="replace")


def console(*, stderr: bool = False) -> Console:
    """A Rich console on the real stream that never reads markup or emoji codes in what it is
    given: `checklist show`, `rank` and the progress bars print through these."""
    stream = raw_stream(sys.stderr if stderr else sys.stdout)
    return Console(file=stream, markup=False, emoji=False, highlight=False)


def cell(text: object, style: str = "") -> Text:
    """User or file text for a Rich table or line: shown as text, control characters visible."""
    return Text(visible(text), style=style)


def json_text(data: Any) -> str:
    """JSON for `--json` output: Chinese readable, every character a terminal could act on
    escaped as JSON escapes it (the value a script reads back is exactly the stored one)."""
    return json.dumps(data, ensure_ascii=False, indent=2).translate(_JSON_ESCAPES)

"""Read a TOML file the way a county clerk saves one, and say plainly what went wrong.

The usual mistakes are not TOML's subtleties but the editor's: Notepad saving as ANSI (GBK) or
"Unicode" (UTF-16), a Word file renamed to .toml, a Chinese input method typing ＝ or “ ” where
TOML needs = and ". Each gets its own one-line message with the line where it shows.
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path
from typing import Any

from inspect_tui.storage.files import FileRefused, read_regular
from inspect_tui.words.errors import Problem
from inspect_tui.words.i18n import Msg

_POSITION = re.compile(r"\s*\(at (?:line (\d+), column (\d+)|end of document)\)")
_FULL_WIDTH = "＝，“”‘’：［］｛｝＃"
_ZIP = b"PK\x03\x04"
_IMAGES = (b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"%PDF")
# tomllib's wording, as far as a clerk meets it, to ours (the rest is passed on as it is)
_TOML_MESSAGES = {
    "Invalid value": "toml.invalid_value",
    "Unclosed array": "toml.unclosed",
    "Unclosed inline table": "toml.unclosed",
    "Unterminated string": "toml.unterminated",
    "Cannot overwrite a value": "toml.repeated",
    "Expected '=' after a key in a key/value pair": "toml.expected_equals",
    "Invalid statement": "toml.invalid_statement",
}


def read_toml(file: Path) -> tuple[dict[str, Any] | None, str, list[Problem]]:
    """Parse `file`: (data, text, []) or, on failure, (None, text, [the problem]). Only a
    regular file of at most `files.MAX_BYTES` is read: a FIFO would block, `/dev/zero` not end."""
    try:
        raw = read_regular(file)
    except FileRefused as refused:
        return None, "", [Problem(file, "", refused.reason.key, refused.reason.params)]
    except FileNotFoundError:
        return None, "", [Problem(file, "", "file.missing")]
    except IsADirectoryError:
        return None, "", [Problem(file, "", "file.is_dir")]
    except OSError as exc:
        return None, "", [Problem(file, "", "file.unreadable", {"reason": exc.strerror})]
    if raw.startswith(_ZIP):
        return None, "", [Problem(file, "", "file.zip")]
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")) or _looks_utf16(raw):
        return None, "", [Problem(file, "", "file.utf16")]
    if b"\x00" in raw or raw.startswith(_IMAGES):
        return None, "", [Problem(file, "", "file.binary")]
    try:
        text = raw.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError as exc:
        return None, "", [_encoding_problem(file, raw, exc)]
    try:
        return tomllib.loads(text), text, []
    except tomllib.TOMLDecodeError as exc:
        return None, text, [_toml_problem(file, text, str(exc))]
    except RecursionError:  # tomllib recurses once per level: `a = [[[[...` 100,000 deep
        return None, text, [Problem(file, "", "file.nested")]


def _looks_utf16(raw: bytes) -> bool:
    """UTF-16 without a byte-order mark: every other byte of plain text is NUL."""
    sample = raw[:400]
    return len(sample) >= 8 and max(sample[0::2].count(0), sample[1::2].count(0)) > len(sample) // 4


def _encoding_problem(file: Path, raw: bytes, exc: UnicodeDecodeError) -> Problem:
    line_start = raw.rfind(b"\n", 0, exc.start) + 1
    line = raw[: exc.start].count(b"\n") + 1
    # characters, not bytes, as an editor counts columns
    column = len(raw[line_start : exc.start].decode("utf-8", errors="replace")) + 1
    try:
        raw.decode("gb18030")
    except UnicodeDecodeError:
        return Problem(file, "", "file.encoding", {"line": line, "column": column}, line)
    return Problem(file, "", "file.gbk", {"line": line}, line)


def _toml_problem(file: Path, text: str, message: str) -> Problem:
    found = _POSITION.search(message)
    detail = _POSITION.sub("", message).strip()
    lines = text.splitlines()
    if found and found.group(1):
        line, column = int(found.group(1)), int(found.group(2))
    else:  # "at end of document": the file stops short, as a truncated copy does
        line = max(1, len(lines))
        column = len(lines[-1]) + 1 if lines else 1
    key = _TOML_MESSAGES.get(detail)
    if key is None and detail == "Illegal character '\\n'":  # a quote left open on its line
        key = "toml.unterminated"
    reason: object = Msg(key) if key else detail
    source = lines[line - 1] if 0 < line <= len(lines) else ""
    if any(mark in _outside_strings(source) for mark in _FULL_WIDTH):
        reason = Msg("toml.full_width", reason=reason)
    return Problem(file, "", "file.toml", {"reason": reason, "column": column}, line)


def _outside_strings(line: str) -> str:
    return re.sub(r'"(?:[^"\\]|\\.)*"|\'[^\']*\'', "", line).split("#", 1)[0]

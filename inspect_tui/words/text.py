"""Text is data: what users type and files carry, checked once on the way in and made harmless on
the way out.

In (`check_text`, `clean_typed`): C0 and C1 control characters, DEL and lone surrogates are not
text. A field that allows several lines keeps newline and tab; everything else is refused (a
store call, a checklist, a sheet cell: the error names the field and the position) or, where a
person typed or pasted it, removed with a word about what was removed (`clean_typed`).
Right-to-left scripts (Uyghur names and notes are normal in the county) are ordinary text.

Out (`visible`): text a team signed is kept exactly as signed, so the signature still verifies;
it is made harmless where it is shown instead. Every control character becomes visible (ESC as
␛, C1 and lone surrogates as `\\x85`, `\\udc80`), and so do the explicit direction controls
(U+202A-U+202E, U+2066-U+2069), which could make a line read otherwise than it is stored. Nothing
a file carries can then move a terminal's cursor, set its title, clear its screen or reorder a
printed line. Markup is a separate matter: the TUI never parses user text as markup, the CLI never
applies Rich markup to it, and each export escapes what its format needs.
"""

from __future__ import annotations

from dataclasses import dataclass

from inspect_tui.words.errors import AnswerError

BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
LINE_BREAKS = "\n\t"  # what a multi-line field keeps of the C0 range
_PICTURES = {code: chr(0x2400 + code) for code in range(0x20)} | {0x7F: "\u2421"}


def _refused(ch: str, multiline: bool) -> bool:
    code = ord(ch)
    if code < 0x20:
        return not (multiline and ch in LINE_BREAKS)
    return code == 0x7F or 0x80 <= code <= 0x9F or 0xD800 <= code <= 0xDFFF


def codepoint(ch: str) -> str:
    """ "U+001B": how a message names a character nobody can see."""
    return f"U+{ord(ch):04X}"


@dataclass(frozen=True)
class Refused:
    """A character text may not hold, and where (counted from 1, as a person counts)."""

    position: int
    char: str

    @property
    def name(self) -> str:
        return codepoint(self.char)


def refused_in(text: str, *, multiline: bool = False) -> list[Refused]:
    """Every character of `text` that is not text (see the module's rules)."""
    return [Refused(n, ch) for n, ch in enumerate(text, start=1) if _refused(ch, multiline)]


def check_text(value: object, field: str, *, multiline: bool = False) -> str:
    """`value` if it is text that may be stored, else `AnswerError` naming the field and the
    first character that is not text, by position."""
    if not isinstance(value, str):
        raise AnswerError("answer.text", item=field)
    for n, ch in enumerate(value, start=1):
        if _refused(ch, multiline):
            raise AnswerError("text.control", field=field, position=n, char=codepoint(ch))
    return value


def clean_typed(text: str, *, multiline: bool = False) -> tuple[str, list[Refused]]:
    """Typed or pasted text with what is not text removed, and what was removed (positions in
    the text as it came). A Windows line end, or a lone carriage return (what a terminal's paste
    sends for Enter), becomes one newline; in a one-line field a newline or a tab becomes a space,
    as a person pasting a line expects."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    kept: list[str] = []
    removed: list[Refused] = []
    for n, ch in enumerate(text, start=1):
        if not multiline and ch in LINE_BREAKS:
            kept.append(" ")
        elif _refused(ch, multiline):
            removed.append(Refused(n, ch))
        else:
            kept.append(ch)
    return "".join(kept), removed


def _shown(ch: str, keep_breaks: bool) -> str:
    code = ord(ch)
    if keep_breaks and ch in LINE_BREAKS:
        return ch
    if code in _PICTURES:
        return _PICTURES[code]
    if 0x80 <= code <= 0x9F:
        return f"\\x{code:02x}"
    if 0xD800 <= code <= 0xDFFF or ch in BIDI_CONTROLS:
        return f"\\u{code:04x}"
    return ch


def visible(text: object, *, keep_breaks: bool = True) -> str:
    """`text` as it may be shown or printed: every control character and direction control made
    visible; newline and tab kept unless `keep_breaks` is False (a table cell, one line)."""
    text = text if isinstance(text, str) else str(text)
    if text.isprintable():  # no control, format or separator character: the common case, fast
        return text
    return "".join(_shown(ch, keep_breaks) for ch in text)

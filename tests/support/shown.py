"""What a test looks for in shown text."""

from __future__ import annotations

from inspect_tui.words.text import BIDI_CONTROLS


def raw_controls(text: str) -> list[str]:
    """What a terminal, a reader or an XML parser could act on, left in shown text."""
    return [
        ch
        for ch in text
        if (ord(ch) < 0x20 and ch not in "\n\t")
        or 0x7F <= ord(ch) <= 0x9F
        or 0xD800 <= ord(ch) <= 0xDFFF
        or ch in BIDI_CONTROLS
    ]

"""Text that lines up in tables whatever the terminal.

Some punctuation Chinese text is full of (“ ” ‘ ’ … — · ×) is "East-Asian ambiguous" in width:
a terminal with a CJK font draws it two cells wide, others one. In a table cell that shifts every
column after it. For cells and one-line lists we swap each such character for one whose width
every terminal agrees on, keeping the meaning (「」 are the usual Chinese quotation marks too).
"""

from __future__ import annotations

import unicodedata

_SWAPS = str.maketrans(
    {
        "“": "「",
        "”": "」",
        "‘": "『",
        "’": "』",
        "…": "⋯",
        "—": "－",
        "–": "-",
        "·": "・",
        "×": "x",
        "•": "・",
    }
)


def unambiguous(text: str) -> str:
    """`text` with ambiguous-width punctuation replaced by fixed-width equivalents."""
    return text.translate(_SWAPS)


def ambiguous_chars(text: str) -> set[str]:
    """The characters of `text` whose width terminals disagree on (for tests and checks)."""
    return {ch for ch in text if unicodedata.east_asian_width(ch) == "A"}

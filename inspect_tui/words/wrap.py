"""Laying text out in terminal cells, Chinese first: `wrap` for paragraphs, `fit` and `fit_middle`
for one line.

Textual wraps only at whitespace and cuts with "…", whose width terminals disagree on. Here a line
may also break between two CJK characters, Chinese line-breaking rules (kinsoku, 禁则) hold, and
ids, numbers, file names, paths and URLs stay whole whenever they fit.

Measuring (`cells`): East-Asian wide and fullwidth characters are 2 cells, combining marks and
format characters (zero-width joiner, direction controls) 0. East-Asian *ambiguous* characters
(“ ” … — · °, and also é ö ü and Greek and Cyrillic letters) are counted as 2: a terminal with a
CJK font draws them wide, and a line measured too long is only a little short, while a line
measured too short overflows the widget. `textwidth.unambiguous` swaps the punctuation for forms
every terminal agrees on; call it first where a table needs exact widths. Control characters count
1 cell, the width of the picture `text.visible` shows them as.

Call order: the caller makes text harmless with `text.visible` first, then lays it out. Everything
is data here: markup brackets, escape sequences and direction controls pass through unchanged; wrap
drops nothing but whitespace at the breaks it makes.
"""

from __future__ import annotations

import re
import unicodedata

MARK = "⋯"  # U+22EF, one cell everywhere; "…" is ambiguous and may take two

# A line never starts with these (UAX #14 classes CL, CP, EX, IS, NS, PO, and the Chinese rule
# that the ellipsis, the dash and the name dot never open a line): closing brackets and quotes,
# sentence and clause marks, iteration and prolonged-sound marks, small kana, percent and degrees.
NO_START = frozenset(
    "，。、；：？！）】》」』〉〕｝］〗〙〛｠｡｣､．：；？！"
    "”’〞〟…‥—–·・‼⁇⁈⁉〜゠ー々〻ゝゞヽヾ"
    "ぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶ"
    "%％‰‱℃℉°′″,.;:?!)]}"
)
# A line never ends with these (UAX #14 OP and the currency prefixes of PR).
NO_END = frozenset("（【《「『〈〔｛［〖〘〚｟｢“‘〝([{￥＄$¥£€")
_DIGITS = frozenset("0123456789０１２３４５６７８９")
# Where a line may break and the space is dropped. No-break spaces (U+00A0, U+2007, U+202F) are
# not among them: they exist to hold two things together.
_SPACES = " \u3000\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2008\u2009\u200a\u205f"
_SPACE_RUN = re.compile(f"([{_SPACES}]+)")
_TAB = 4  # a terminal's tab stops are unknown to us; tabs become spaces to the next 4th column

_CELLS, _WIDE, _NO_START, _NO_END, _DIGIT = 3, 4, 8, 16, 32
_PROPS: dict[str, int] = {}
_PROPS_MAX = 1 << 16  # hostile text must not grow the cache without bound


def _measure(ch: str) -> int:
    category = unicodedata.category(ch)
    east_asian = unicodedata.east_asian_width(ch)
    if category in ("Mn", "Me"):
        props = 0  # before the ambiguous test: U+0300-U+036F are ambiguous yet combine
    elif east_asian in ("W", "F"):
        props = 2 | _WIDE
    elif east_asian == "A":
        props = 2
    elif category == "Cf":
        props = 0
    else:
        props = 1
    if ch in NO_START:
        props |= _NO_START
    if ch in NO_END:
        props |= _NO_END
    if ch in _DIGITS:
        props |= _DIGIT
    return props


def _props(ch: str) -> int:
    props = _PROPS.get(ch)
    if props is None:
        props = _measure(ch)
        if len(_PROPS) < _PROPS_MAX:
            _PROPS[ch] = props
    return props


for _ch in map(chr, range(0x80)):
    _props(_ch)


def cells(text: str) -> int:
    """The width of `text` in terminal cells, measured as `wrap` and `fit` measure it (see the
    module's notes: ambiguous characters count 2, combining marks 0)."""
    if text.isascii():
        return len(text)
    return sum(_props(ch) & _CELLS for ch in text)


def _take(text: str, room: int, force: bool = False) -> tuple[str, int]:
    """The longest start of `text` within `room` cells (at least one character if `force`), and
    its width. A zero-width mark stays with the character before it."""
    used = 0
    for i, ch in enumerate(text):
        w = _props(ch) & _CELLS
        if w and used + w > room and not (force and used == 0):
            return text[:i], used
        used += w
    return text, used


def _take_end(text: str, room: int) -> str:
    used, start = 0, len(text)
    for i in range(len(text) - 1, -1, -1):
        w = _props(text[i]) & _CELLS
        if not w:
            continue  # a mark joins or leaves with the character it follows
        if used + w > room:
            break
        used, start = used + w, i
    return text[start:]


# An atom: (space before it, its cells, text, cells, sticky). Breaks happen only between atoms;
# "sticky" means a break before it would break the kinsoku rules.
_Atom = tuple[str, int, str, int, bool]


def _split_word(word: str) -> list[tuple[str, int, int, int]]:
    """`word` (no spaces) cut where a line may break: next to a wide character, except between a
    digit and the wide character after it ("4条", "７号"). Each piece with its cells and the
    properties of its first and last visible characters."""
    if word.isascii():
        return [(word, len(word), _props(word[0]), _props(word[-1]))]
    pieces: list[tuple[str, int, int, int]] = []
    start = used = prev = 0
    first = _props(word[0])
    for i, ch in enumerate(word):
        p = _props(ch)
        if prev and p & _CELLS and (p | prev) & _WIDE and not (prev & _DIGIT and p & _WIDE):
            pieces.append((word[start:i], used, first, prev))
            start, used, first = i, 0, p
        used += p & _CELLS
        if p & _CELLS:
            prev = p
    pieces.append((word[start:], used, first, prev))
    return pieces


def _atoms(paragraph: str) -> list[_Atom]:
    atoms: list[_Atom] = []
    space, last = "", 0
    for k, piece in enumerate(_SPACE_RUN.split(paragraph)):
        if k % 2:
            space = piece
            continue
        if not piece:
            continue
        for text, w, first, final in _split_word(piece):
            sticky = bool(atoms) and bool(first & _NO_START or last & _NO_END)
            atoms.append((space, cells(space), text, w, sticky))
            space, last = "", final
    return atoms


def _line(atoms: list[_Atom]) -> str:
    return atoms[0][2] + "".join(space + text for space, _, text, _, _ in atoms[1:])


def _wrap_paragraph(paragraph: str, width: int) -> list[str]:
    atoms = _atoms(paragraph.expandtabs(_TAB))
    lines: list[str] = []
    line: list[_Atom] = []
    used = 0
    for n, atom in enumerate(atoms):
        space, space_w, text, w, sticky = atom
        if line and used + space_w + w <= width:
            line.append(atom)
            used += space_w + w
            continue
        if line and sticky:
            # Move the break back to the last place kinsoku allows: the opening mark goes down
            # with what it opens, one more character goes down with the closing mark.
            j = next((j for j in range(len(line) - 1, 0, -1) if not line[j][4]), 0)
            if j:
                lines.append(_line(line[:j]))
                line = line[j:]
                used = line[0][3] + sum(a[1] + a[3] for a in line[1:])
                if used + space_w + w <= width:
                    line.append(atom)
                    used += space_w + w
                    continue
        if line:
            lines.append(_line(line))
        if n == 0 and space and space_w + w <= width:
            text, w = space + text, space_w + w  # a paragraph's indent, kept where it fits
        while w > width:  # a run longer than the line: the only way left is to cut it
            head, head_w = _take(text, width, force=True)
            lines.append(head)
            text, w = text[len(head) :], w - head_w
        line, used = ([("", 0, text, w, sticky)] if text else []), w
    if line or not lines:
        lines.append(_line(line) if line else "")
    return lines


def wrap(text: str, width: int) -> list[str]:
    """`text` as lines of at most `width` cells, with no trailing spaces.

    Each paragraph (between newlines) is wrapped on its own; an empty one stays an empty line, so
    `wrap("", w) == [""]` and a final newline gives a final empty line. A line breaks at spaces
    (dropped at the break), and between CJK characters, except between a digit and the CJK
    character after it ("4条" stays together). A run of other characters (words, numbers, ids,
    file names, paths, URLs) is never split if it fits in `width`; longer, it starts a new line
    and is cut at the width. No line starts with a mark of `NO_START` or ends with one of
    `NO_END` unless the text leaves no other way (a run of marks and characters longer than the
    width, or the paragraph itself starting or ending with one). A paragraph's leading spaces are
    kept when they fit with the first word; a tab counts as spaces to the next 4th column.

    Widths below 2 do not raise (a screen squeezed to nothing must not crash the app): each line
    then holds at least one character, so at width 1 a wide character stands alone, one cell too
    wide; widths below 1 count as 1.
    """
    width = max(width, 1)
    lines: list[str] = []
    for paragraph in text.split("\n"):
        lines.extend(_wrap_paragraph(paragraph, width))
    return lines


def fit(text: str, width: int, mark: str = MARK) -> str:
    """`text` on one line of at most `width` cells: unchanged if it fits, else cut (never inside
    a wide character, spaces before the cut dropped) and ending with `mark`. So `fit(t, w) != t`
    exactly when something was cut. `text` is one line: a newline counts as its end, and what
    follows it as cut. Widths below 1 give ""."""
    line, newline, _ = text.partition("\n")
    if not newline and cells(line) <= width:
        return text
    room = width - cells(mark)
    if room < 0:
        return _take(mark, width)[0]
    return _take(line, room)[0].rstrip(_SPACES) + mark


def fit_middle(text: str, width: int) -> str:
    """A file name or path on one line of at most `width` cells: unchanged if it fits, else its
    start (about a third) and its end (extension and date stamp) around "⋯", e.g.
    `/media/usb⋯2012-h1-team-2.json`. Text with a newline, or a width below 3, is cut as `fit`
    cuts it."""
    if "\n" in text or width < 3 or cells(text) <= width:
        return fit(text, width)
    room = width - cells(MARK)
    head, used = _take(text, (room + 2) // 3)
    return head + MARK + _take_end(text[len(head) :], room - used)

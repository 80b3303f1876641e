"""Text laid out by the app itself before Textual shows it: Textual wraps only at whitespace
and cuts with "…", which breaks Chinese badly. Here styled `Content` is wrapped by
`words.wrap` (between Chinese characters, never a line starting with "，", ids and file
names whole) and cut with "⋯"; each line handed over already fits, so Textual's own wrapping
never starts."""

from __future__ import annotations

from textual.content import Content

from inspect_tui.words.wrap import MARK, cells, fit, wrap


def wrap_content(content: Content, width: int) -> Content:
    """`content` in lines of at most `width` cells, its styles kept."""
    if width < 4:
        return content
    out: list[Content] = []
    start = 0
    for paragraph in content.plain.split("\n"):
        piece = content[start : start + len(paragraph)]
        start += len(paragraph) + 1
        if cells(paragraph) <= width:
            out.append(piece)
            continue
        out.extend(_lines(piece, paragraph, width))
    return Content("\n").join(out)


def _lines(piece: Content, paragraph: str, width: int) -> list[Content]:
    """The wrapped lines as slices of `piece`, found in order in its text (the breaks drop
    only whitespace); a line that cannot be found (a tab expanded) is shown unstyled."""
    found: list[Content] = []
    cursor = 0
    for line in wrap(paragraph, width):
        at = paragraph.find(line, cursor) if line else cursor
        if at < 0 or paragraph[cursor:at].strip():
            found.append(Content(line))
            continue
        found.append(piece[at : at + len(line)])
        cursor = at + len(line)
    return found


def fit_content(content: Content, width: int) -> Content:
    """One line of at most `width` cells, ending in "⋯" when anything was cut."""
    plain = content.plain
    if "\n" not in plain and cells(plain) <= width:
        return content
    shown = fit(plain, width)
    kept = len(shown) - len(MARK) if shown.endswith(MARK) else len(shown)
    return content[:kept] + MARK

"""A `SelectionList` whose boxes say by a mark, not by colour alone, which are ticked: "✓" in
a ticked box, nothing in an empty one (Textual draws an "X" in both and tells them apart by
colour, which a monochrome terminal or a colour-blind inspector cannot)."""

from __future__ import annotations

from typing import TypeVar

from rich.segment import Segment
from textual.strip import Strip
from textual.widgets import SelectionList

SelectionType = TypeVar("SelectionType")
TICKED, EMPTY = "✓", " "


class CheckList(SelectionList[SelectionType]):
    def render_line(self, y: int) -> Strip:
        line = super().render_line(y)
        segments = list(line)
        index = self.scroll_offset.y + y
        # SelectionList draws [left edge, box, right edge, " ", prompt...]: the box is the second
        if len(segments) < 3 or len(segments[1].text) != 1 or index >= self.option_count:
            return line
        value = self.get_option_at_index(index).value
        inner = segments[1]
        mark = TICKED if value in self.selected else EMPTY
        segments[1] = Segment(mark, inner.style)
        return Strip(segments, line.cell_length)

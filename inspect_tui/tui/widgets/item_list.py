"""The lists of the visit screen: the items of one section, and the sections."""

from __future__ import annotations

from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.message import Message
from textual.widgets import OptionList


class ItemList(OptionList):
    """The items of one section. Enter is the screen's to decide (confirm a number being typed,
    or write the note); moving past the last (or first) item asks for the next (or previous)
    section instead of wrapping."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "enter", "Note", id="note", show=False)
    ]

    class Entered(Message):
        pass

    class Edge(Message):
        def __init__(self, step: int) -> None:
            super().__init__()
            self.step = step

    def action_enter(self) -> None:
        self.post_message(self.Entered())

    def action_cursor_down(self) -> None:
        if self.highlighted is not None and self.highlighted >= self.option_count - 1:
            self.post_message(self.Edge(+1))
        else:
            super().action_cursor_down()

    def action_cursor_up(self) -> None:
        if self.highlighted is not None and self.highlighted <= 0:
            self.post_message(self.Edge(-1))
        else:
            super().action_cursor_up()


class SectionList(OptionList, can_focus=False):
    """The sections with progress and score; clicking one opens it."""

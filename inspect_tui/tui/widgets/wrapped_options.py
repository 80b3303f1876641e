"""An `OptionList` whose prompts the app wraps itself, to its own width, again on every resize:
Textual wraps a prompt only at spaces and breaks Chinese between any two characters, and a
width guessed before the list is laid out is always a little wrong."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from textual.content import Content
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from inspect_tui.tui.layout import wrap_content

SCROLLBAR = 2  # room kept for a scrollbar the list may show once it is filled


@dataclass(frozen=True)
class Line:
    """One option before it is laid out; None in a list of them is a separator."""

    prompt: Content
    id: str | None = None
    disabled: bool = False


class WrappedOptions(OptionList):
    def __init__(self, *, id: str | None = None, compact: bool = False) -> None:
        super().__init__(id=id, compact=compact)
        self.lines: list[Line | None] = []

    def show_lines(self, lines: Iterable[Line | None]) -> None:
        self.lines = list(lines)
        self._lay_out()

    def on_resize(self) -> None:
        self._lay_out()

    def _lay_out(self) -> None:
        width = self.scrollable_content_region.width - SCROLLBAR
        highlighted = self.highlighted
        self.clear_options()
        for line in self.lines:
            if line is None:
                self.add_option(None)
                continue
            prompt = wrap_content(line.prompt, width) if width > 10 else line.prompt
            self.add_option(Option(prompt, id=line.id, disabled=line.disabled))
        if not self.option_count:
            return
        if highlighted is None:  # a list filled with nothing chosen: the first that can be
            self.action_first()
        else:
            self.highlighted = min(highlighted, self.option_count - 1)

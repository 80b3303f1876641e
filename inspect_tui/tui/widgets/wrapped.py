"""A `Static` whose text the app wraps itself (`layout.wrap_content`), again on every resize."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Static

from inspect_tui.tui.layout import wrap_content


class Wrapped(Static):
    """`fixed`: the stylesheet gives it a fixed height, so new text needs no layout pass (the
    visit's detail changes on every key: a layout each time cost more than all the rest)."""

    def __init__(
        self, *, id: str | None = None, classes: str | None = None, fixed: bool = False
    ) -> None:
        super().__init__(id=id, classes=classes, markup=False)
        self.source = Content("")
        self.fixed = fixed

    def show(self, content: Content) -> None:
        if content == self.source and content.spans == self.source.spans:
            return
        self.source = content
        self._lay_out()

    def on_resize(self) -> None:
        self._lay_out()

    def _lay_out(self) -> None:
        width = self.scrollable_content_region.width
        shown = wrap_content(self.source, width) if width else self.source
        self.update(shown, layout=not self.fixed)

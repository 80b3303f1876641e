"""A `Static` whose text the app wraps itself (`layout.wrap_content`), again on every resize."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Static

from inspect_tui.tui.layout import wrap_content


class Wrapped(Static):
    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes, markup=False)
        self.source = Content("")

    def show(self, content: Content) -> None:
        self.source = content
        self._lay_out()

    def on_resize(self) -> None:
        self._lay_out()

    def _lay_out(self) -> None:
        width = self.scrollable_content_region.width
        self.update(wrap_content(self.source, width) if width else self.source)

"""Text shown whole: what a list or a line had to cut with "⋯" is one key away here."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import Footer

from inspect_tui.tui.base import Dialog
from inspect_tui.tui.content import bold, join, plain
from inspect_tui.tui.context import Context
from inspect_tui.tui.widgets.wrapped import Wrapped


class TextDialog(Dialog[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,v,q", "close", "Back", id="back"),
    ]

    def __init__(self, ctx: Context, title: str, body: Content | str) -> None:
        super().__init__(ctx)
        self.title_text = title
        self.body = body if isinstance(body, Content) else plain(body)

    def compose(self) -> ComposeResult:
        yield Footer()
        with VerticalScroll(classes="dialog"):
            yield Wrapped(id="whole-text")

    def on_mount(self) -> None:
        self.query_one("#whole-text", Wrapped).show(
            join([bold(self.title_text), plain(""), self.body])
        )

    def action_close(self) -> None:
        self.dismiss(None)

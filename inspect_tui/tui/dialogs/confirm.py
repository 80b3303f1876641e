"""A yes-or-no question over the screen: y or Enter confirms, n or Esc does not."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Footer

from inspect_tui.tui.base import Dialog
from inspect_tui.tui.context import Context
from inspect_tui.tui.widgets.wrapped import Wrapped


class ConfirmDialog(Dialog[bool]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("y,enter", "answer(True)", "Yes", id="confirm_yes"),
        Binding("n,escape", "answer(False)", "No", id="confirm_no"),
    ]

    def __init__(self, ctx: Context, question: Content) -> None:
        super().__init__(ctx)
        self.question = question

    def compose(self) -> ComposeResult:
        yield Footer()
        with Vertical(classes="dialog"):
            yield Wrapped(id="question")

    def on_mount(self) -> None:
        self.query_one("#question", Wrapped).show(self.question)

    def action_answer(self, yes: bool) -> None:
        self.dismiss(yes)

"""Ask why: a finalized visit reopened, a group recorded as not assessed (or taken back). The
reason goes into the audit; an empty one is refused in the dialog, what was typed kept."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Footer, Input, Label

from inspect_tui.tui.base import Dialog
from inspect_tui.tui.content import bold, plain
from inspect_tui.tui.context import Context
from inspect_tui.tui.widgets.text_field import TextField
from inspect_tui.words.i18n import t


class ReasonDialog(Dialog[str | None]):
    """`title` and `field` are catalogue keys; `prompt` a key or the words themselves (which
    may carry a group's name)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        # Enter submits the box; taken first (priority) so that the footer says so too
        Binding("enter", "submit", "OK", id="submit_reason", priority=True),
        Binding("escape", "cancel", "Cancel", id="cancel"),
    ]

    def __init__(self, ctx: Context, title: str, prompt: str | Content, field: str) -> None:
        super().__init__(ctx)
        self.title_key, self.prompt, self.field = title, prompt, field

    def compose(self) -> ComposeResult:
        yield Footer()
        with Vertical(classes="dialog"):
            yield Label(id="reason-title")
            yield Label(id="reason-prompt")
            yield TextField(field=self.field, compact=True, id="reason")

    def on_mount(self) -> None:
        self.relabel()
        self.query_one("#reason", Input).focus()

    def relabel(self) -> None:
        lang = self.ctx.lang
        self.query_one("#reason-title", Label).update(bold(t(self.title_key, lang)))
        prompt = self.prompt if isinstance(self.prompt, Content) else plain(t(self.prompt, lang))
        self.query_one("#reason-prompt", Label).update(prompt)

    def action_submit(self) -> None:
        reason = self.query_one("#reason", Input).value.strip()
        if not reason:
            self.notify(t("ui.reason_needed", self.ctx.lang), severity="error")
            return
        self.dismiss(reason)

    def action_cancel(self) -> None:
        self.dismiss(None)

"""Ask why a finalized visit is being reopened; the reason goes into the audit."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Footer, Input, Label

from inspect_tui.tui.bindings import localize
from inspect_tui.tui.content import bold
from inspect_tui.tui.widgets.text_field import TextField
from inspect_tui.words.i18n import t

if TYPE_CHECKING:
    from inspect_tui.tui.app import InspectApp


class ReasonDialog(ModalScreen[str | None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="cancel"),
    ]
    app: InspectApp

    def compose(self) -> ComposeResult:
        lang = self.app.lang
        yield Footer()
        with Vertical(classes="dialog"):
            yield Label(bold(t("ui.reopen_title", lang)))
            yield Label(t("ui.reopen_reason", lang), markup=False)
            yield TextField(field="ui.field.reason", compact=True, id="reason")

    def on_mount(self) -> None:
        localize(self, self.app.lang)
        self.query_one("#reason", Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        reason = event.value.strip()
        if not reason:
            self.notify(t("ui.reason_needed", self.app.lang), severity="error")
            return
        self.dismiss(reason)

    def action_cancel(self) -> None:
        self.dismiss(None)

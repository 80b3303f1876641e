"""Who came, when, and how the group was assessed (the visit header)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Footer, Input, Label, SelectionList

from inspect_tui.domain.dates import parse_date
from inspect_tui.storage.store import Visit
from inspect_tui.tui.bindings import localize
from inspect_tui.tui.content import bold
from inspect_tui.tui.widgets.text_field import TextField
from inspect_tui.words.i18n import t

if TYPE_CHECKING:
    from inspect_tui.tui.app import InspectApp

_SEPARATORS = re.compile(r"[、，,；;]+")


class HeaderDialog(ModalScreen[dict[str, object] | None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "submit", "OK", id="submit"),
        Binding("escape", "cancel", "Cancel", id="cancel"),
    ]
    app: InspectApp

    def __init__(self, visit: Visit) -> None:
        super().__init__()
        self.visit = visit

    def compose(self) -> ComposeResult:
        lang, campaign = self.app.lang, self.app.campaign
        separator = t("sep.list", lang)
        yield Footer()
        with Vertical(classes="dialog"):
            yield Label(bold(t("ui.header_title", lang)))
            yield Label(t("ui.header_inspectors", lang), markup=False)
            yield TextField(
                separator.join(self.visit.inspectors),
                field="ui.field.inspectors",
                compact=True,
                id="inspectors",
            )
            yield Label(t("ui.header_date", lang), markup=False)
            yield TextField(
                self.visit.visit_date or self.app.date(),
                field="ui.field.date",
                compact=True,
                id="date",
            )
            yield Label(t("ui.header_methods", lang), markup=False)
            yield SelectionList[str](
                *((t(f"method.{m}", lang), m, m in self.visit.methods) for m in campaign.methods),
                compact=True,
                id="methods",
            )

    def on_mount(self) -> None:
        localize(self, self.app.lang)
        self.query_one("#inspectors", Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if event.input.id == "inspectors":
            self.query_one("#date", Input).focus()
        else:
            self.query_one("#methods", SelectionList).focus()

    def action_submit(self) -> None:
        day = parse_date(self.query_one("#date", Input).value)
        if day is None:
            self.notify(t("ui.bad_date", self.app.lang), severity="error")
            self.query_one("#date", Input).focus()
            return
        names = [n.strip() for n in _SEPARATORS.split(self.query_one("#inspectors", Input).value)]
        self.dismiss(
            {
                "inspectors": [n for n in names if n],
                "visit_date": day.isoformat(),
                "methods": list(self.query_one("#methods", SelectionList).selected),
            }
        )

    def action_cancel(self) -> None:
        self.dismiss(None)

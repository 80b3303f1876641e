"""Who came, when, and how the group was assessed (the visit information). A new visit opens
with the team's last inspectors and methods and a date inside the round's visit window; a
date outside the window is taken only after a yes."""

from __future__ import annotations

import re
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.widgets import Footer, Input, Label, SelectionList
from textual.widgets.selection_list import Selection

from inspect_tui.domain.dates import parse_date
from inspect_tui.domain.visit import Visit
from inspect_tui.domain.visit_window import check_visit_date
from inspect_tui.tui.base import Dialog
from inspect_tui.tui.content import bold, message, plain, styled
from inspect_tui.tui.context import Context
from inspect_tui.tui.dialogs.confirm import ConfirmDialog
from inspect_tui.tui.widgets.check_list import CheckList
from inspect_tui.tui.widgets.text_field import TextField
from inspect_tui.words.i18n import t

_SEPARATORS = re.compile(r"[、，,；;]+")


class HeaderDialog(Dialog[dict[str, object] | None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "submit", "OK", id="submit"),
        Binding("escape", "cancel", "Cancel", id="cancel"),
    ]

    def __init__(self, ctx: Context, visit: Visit) -> None:
        super().__init__(ctx)
        self.visit = visit

    def compose(self) -> ComposeResult:
        lang, campaign, visit = self.ctx.lang, self.ctx.campaign, self.visit
        day = visit.visit_date or self.ctx.team.default_date(visit.team).isoformat()
        yield Footer()
        with Vertical(classes="dialog"):
            yield Label(id="header-title")
            yield Label(id="inspectors-label")
            yield TextField(
                t("sep.list", lang).join(visit.inspectors), field="ui.field.inspectors",
                compact=True, id="inspectors",
            )  # fmt: skip
            yield Label(id="date-label")
            yield TextField(day, field="ui.field.date", compact=True, id="date")
            yield Label(id="methods-label")
            yield CheckList[str](
                *(
                    Selection(t(f"method.{m}", lang), m, m in visit.methods, id=m)
                    for m in campaign.methods
                ),
                compact=True,
                id="methods",
            )
            yield Label(id="header-problem")

    def on_mount(self) -> None:
        self.relabel()
        self.query_one("#inspectors", Input).focus()

    def relabel(self) -> None:
        lang, window = self.ctx.lang, self.ctx.campaign.visit_window
        self.query_one("#header-title", Label).update(bold(t("ui.header_title", lang)))
        self.query_one("#inspectors-label", Label).update(plain(t("ui.header_inspectors", lang)))
        date_label = message("ui.header_date_window", lang, start=window.start, end=window.end)
        self.query_one("#date-label", Label).update(date_label)
        self.query_one("#methods-label", Label).update(plain(t("ui.header_methods", lang)))
        methods = self.query_one("#methods", SelectionList)
        for m in self.ctx.campaign.methods:
            methods.replace_option_prompt(m, t(f"method.{m}", lang))

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if event.input.id == "inspectors":
            self.query_one("#date", Input).focus()
        else:
            self.query_one("#methods", SelectionList).focus()

    def _problem(self, key: str) -> None:
        self.query_one("#header-problem", Label).update(styled(t(key, self.ctx.lang), "red"))

    def action_submit(self) -> None:
        day = parse_date(self.query_one("#date", Input).value)
        if day is None:
            self._problem("ui.bad_date")
            self.query_one("#date", Input).focus()
            return
        names = [n.strip() for n in _SEPARATORS.split(self.query_one("#inspectors", Input).value)]
        changes: dict[str, object] = {
            "inspectors": [n for n in names if n],
            "visit_date": day.isoformat(),
            "methods": list(self.query_one("#methods", SelectionList).selected),
        }
        outside = check_visit_date(self.ctx.campaign, day)
        if outside is None:
            self.dismiss(changes)
            return

        def answered(yes: bool | None) -> None:
            if yes:
                self.dismiss(changes)
            else:
                self.query_one("#date", Input).focus()

        question = plain(outside.render(self.ctx.lang))
        self.app.push_screen(ConfirmDialog(self.ctx, question), answered)

    def action_cancel(self) -> None:
        self.dismiss(None)

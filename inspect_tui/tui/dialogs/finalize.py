"""Finalize a visit: first what still blocks it, then the remarks and who saw the result."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from rich.markup import escape
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Footer, Input, Label, OptionList
from textual.widgets.option_list import Option

from inspect_tui.core.i18n import t
from inspect_tui.core.scoring import VisitScore
from inspect_tui.core.store import Visit
from inspect_tui.core.textwidth import unambiguous
from inspect_tui.tui.bindings import localize
from inspect_tui.tui.format import score_label

if TYPE_CHECKING:
    from inspect_tui.tui.app import InspectApp


class FinalizeDialog(ModalScreen[dict[str, str] | None]):
    """Dismisses with {"goto": item} to fix a blocker, or with the finalize fields."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "submit", "OK", id="submit"),
        Binding("escape", "cancel", "Cancel", id="cancel"),
    ]
    app: InspectApp

    def __init__(self, visit: Visit, score: VisitScore) -> None:
        super().__init__()
        self.visit = visit
        self.score = score

    @property
    def blockers(self) -> list[tuple[str, str]]:
        return [("ui.finalize_unanswered", i) for i in self.score.unanswered] + [
            ("ui.finalize_missing_note", i) for i in self.score.missing_notes
        ]

    def compose(self) -> ComposeResult:
        lang, campaign = self.app.lang, self.app.campaign
        group = campaign.group(self.visit.group).name.get(lang)
        yield Footer()
        with Vertical(classes="dialog"):
            yield Label(f"[b]{escape(t('ui.finalize_title', lang, group=group))}[/b]")
            yield Label(score_label(campaign, self.score, lang))
            if self.blockers:
                yield Label(f"[red]{t('ui.finalize_blocked', lang)}[/]")
                goto = t("ui.finalize_goto", lang, count=len(self.blockers))
                yield Label(f"[dim]{goto}[/]")
                yield OptionList(
                    *(
                        Option(
                            t(key, lang, text=escape(unambiguous(campaign.item(i).text.get(lang)))),
                            id=i,
                        )
                        for key, i in self.blockers
                    ),
                    id="blockers",
                )
                return
            yield Label(t("ui.strengths", lang))
            yield Input(self.visit.strengths, compact=True, id="strengths")
            yield Label(t("ui.problems", lang))
            yield Input(self.visit.problems, compact=True, id="problems")
            yield Label(t("ui.representative", lang))
            yield Input(self.visit.representative, compact=True, id="representative")
            yield Label(f"[dim]{t('ui.finalize_keys', lang)}[/]")
            yield Button(t("ui.finalize_confirm", lang), id="confirm", variant="success")

    def on_mount(self) -> None:
        localize(self, self.app.lang)
        first = "#blockers" if self.blockers else "#strengths"
        self.query_one(first).focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss({"goto": str(event.option.id)})

    def on_input_submitted(self, event: Input.Submitted) -> None:
        order = ["strengths", "problems", "representative"]
        position = order.index(str(event.input.id))
        if position + 1 < len(order):
            self.query_one(f"#{order[position + 1]}", Input).focus()
        else:  # Enter never locks the visit by itself: the button (or Ctrl+S) does
            self.query_one("#confirm", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "confirm":
            self.action_submit()

    def action_submit(self) -> None:
        if self.blockers:
            return
        values = {
            k: self.query_one(f"#{k}", Input).value.strip()
            for k in ("strengths", "problems", "representative")
        }
        for key, message in (
            ("strengths", "ui.remarks_needed"),
            ("problems", "ui.remarks_needed"),
            ("representative", "ui.representative_needed"),
        ):
            if not values[key]:
                self.notify(t(message, self.app.lang), severity="error")
                self.query_one(f"#{key}", Input).focus()
                return
        self.dismiss(values)

    def action_cancel(self) -> None:
        self.dismiss(None)

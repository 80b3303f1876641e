"""Finalize a visit: first what still blocks it, then the remarks and who saw the result."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Footer, Input, Label, OptionList, SelectionList, Static
from textual.widgets.option_list import Option
from textual.widgets.selection_list import Selection

from inspect_tui.domain.scoring import VisitScore
from inspect_tui.storage.store import Visit
from inspect_tui.tui.bindings import localize
from inspect_tui.tui.content import message, plain, styled
from inspect_tui.tui.format import score_label
from inspect_tui.tui.widgets.text_field import TextField
from inspect_tui.words.i18n import t
from inspect_tui.words.textwidth import unambiguous

if TYPE_CHECKING:
    from inspect_tui.tui.app import InspectApp


class FinalizeDialog(ModalScreen[dict[str, object] | None]):
    """Dismisses with {"goto": item} to fix a blocker, or with the finalize fields (with the
    ticked commendations, a tuple of ids). `invalid`: items whose stored answer does not fit
    them (answered again before anything else)."""

    DEFAULT_CSS = """
    FinalizeDialog #commendations {
        height: auto;
        max-height: 5;
        text-wrap: nowrap;
        text-overflow: ellipsis;
    }
    FinalizeDialog #finish {
        height: auto;
    }
    FinalizeDialog #finish Static {
        width: 1fr;
        margin-left: 2;
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "submit", "OK", id="submit"),
        Binding("escape", "cancel", "Cancel", id="cancel"),
    ]
    app: InspectApp

    def __init__(self, visit: Visit, score: VisitScore, invalid: tuple[str, ...] = ()) -> None:
        super().__init__()
        self.visit = visit
        self.score = score
        self.invalid = invalid

    @property
    def blockers(self) -> list[tuple[str, str]]:
        return (
            [("ui.finalize_invalid", i) for i in self.invalid]
            + [
                ("ui.finalize_unanswered", i)
                for i in self.score.unanswered
                if i not in self.invalid
            ]
            + [("ui.finalize_missing_note", i) for i in self.score.missing_notes]
        )

    def compose(self) -> ComposeResult:
        lang, campaign = self.app.lang, self.app.campaign
        group = campaign.group(self.visit.group).name.get(lang)
        yield Footer()
        with Vertical(classes="dialog"):
            yield Label(message("ui.finalize_title", lang, group=group).stylize("bold"))
            yield Label(score_label(campaign, self.score, lang))
            if self.blockers:
                yield Label(styled(t("ui.finalize_blocked", lang), "red"))
                goto = t("ui.finalize_goto", lang, count=len(self.blockers))
                yield Label(styled(goto, "dim"))
                yield OptionList(
                    *(
                        Option(message(key, lang, text=self._item_text(i)), id=i)
                        for key, i in self.blockers
                    ),
                    id="blockers",
                )
                return
            for name in ("strengths", "problems", "representative"):
                yield Label(t(f"ui.{name}", lang), markup=False)
                yield TextField(
                    getattr(self.visit, name), field=f"ui.field.{name}", compact=True, id=name
                )
            praise = campaign.outline.commendations
            if praise:  # none ticked unless this visit had them (reopened and finalized again)
                yield Label(t("ui.finalize_commendations", lang), markup=False)
                yield SelectionList[str](
                    *(
                        Selection(
                            plain(c.text.get(lang), one_line=True),
                            c.id,
                            c.id in self.visit.commendations,
                        )
                        for c in praise
                    ),
                    compact=True,
                    id="commendations",
                )
            with Horizontal(id="finish"):  # one row: the dialog fits 80x24 with the list
                yield Button(
                    t("ui.finalize_confirm", lang), id="confirm", variant="success", compact=True
                )
                yield Static(styled(t("ui.finalize_keys", lang), "dim"))

    def _item_text(self, item_id: str) -> str:
        """An item's words, one line (a blocker is one option), as lists show them; an id the
        checklist does not have (a visit file edited by hand) as it is."""
        try:
            item = self.app.campaign.item(item_id)
        except KeyError:
            return item_id
        return unambiguous(item.text.get(self.app.lang))

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
            self.query_one(f"#{order[position + 1]}", TextField).focus()
        else:  # Enter never locks the visit by itself: the button (or Ctrl+S) does; Tab
            # reaches the commendations in between (Space ticks one)
            self.query_one("#confirm", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "confirm":
            self.action_submit()

    def action_submit(self) -> None:
        if self.blockers:
            return
        values: dict[str, object] = {
            k: self.query_one(f"#{k}", TextField).value.strip()
            for k in ("strengths", "problems", "representative")
        }
        for key, needed in (
            ("strengths", "ui.remarks_needed"),
            ("problems", "ui.remarks_needed"),
            ("representative", "ui.representative_needed"),
        ):
            if not values[key]:
                self.notify(t(needed, self.app.lang), severity="error")
                self.query_one(f"#{key}", TextField).focus()
                return
        ticked = self.query("#commendations")
        if ticked:
            values["commendations"] = tuple(ticked.only_one(SelectionList).selected)
        self.dismiss(values)

    def action_cancel(self) -> None:
        self.dismiss(None)

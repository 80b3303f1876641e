"""Finalize a visit: first what still blocks it (the visit information too), then the remarks,
the group's representative and the commendations.

The blockers come from the one rule (`domain.finalize`) the store applies as well; what is
typed here is kept as it is typed (a refusal, Esc or a kill loses none of it) and the dialog
stays open with the reason when it cannot finalize yet.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import (
    Button,
    Footer,
    Input,
    Label,
    OptionList,
    SelectionList,
    Static,
    TextArea,
)  # fmt: skip
from textual.widgets.selection_list import Selection

from inspect_tui.domain.finalize import REMARK_FIELDS, Blocker, Remarks
from inspect_tui.tui.base import Dialog
from inspect_tui.tui.content import message, plain, styled
from inspect_tui.tui.context import Context
from inspect_tui.tui.format import score_label
from inspect_tui.tui.widgets.check_list import CheckList
from inspect_tui.tui.widgets.note_area import NoteArea
from inspect_tui.tui.widgets.text_field import TextField
from inspect_tui.tui.widgets.wrapped_options import Line, WrappedOptions
from inspect_tui.words.errors import InspectError
from inspect_tui.words.i18n import t
from inspect_tui.words.textwidth import unambiguous

HEADER = "header"
ITEM_WORDS = {
    "invalid": "ui.finalize_invalid",
    "unanswered": "ui.finalize_unanswered",
    "missing_note": "ui.finalize_missing_note",
    "missing_reason": "ui.finalize_missing_reason",
}
FIELDS = REMARK_FIELDS
REMARK_REFUSALS = {
    "remarks": "store.remarks_missing",
    "representative": "store.representative_missing",
}


@dataclass(frozen=True)
class Finalized:
    """What the visit screen does next: go to an item, open the visit information, or show
    the receipt of the visit just finalized."""

    goto: str = ""
    header: bool = False
    done: bool = False


class FinalizeDialog(Dialog[Finalized | None]):
    DEFAULT_CSS = """
    FinalizeDialog #commendations { height: auto; max-height: 5; }
    FinalizeDialog #finish { height: auto; }
    FinalizeDialog #finish Static { width: 1fr; margin-left: 2; }
    FinalizeDialog NoteArea { height: 3; }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "submit", "OK", id="submit"),
        Binding("escape", "cancel", "Cancel", id="cancel"),
    ]

    def __init__(self, ctx: Context, visit_id: str) -> None:
        super().__init__(ctx)
        self.visit_id = visit_id
        self.blockers: list[Blocker] = ctx.team.blockers(visit_id)

    def compose(self) -> ComposeResult:
        lang, campaign = self.ctx.lang, self.ctx.campaign
        visit = self.ctx.team.visit(self.visit_id)
        group = campaign.group(visit.group).name.get(lang)
        score = self.ctx.team.score(self.ctx.team.answers(self.visit_id).valid)
        yield Footer()
        with VerticalScroll(classes="dialog"):
            yield Label(message("ui.finalize_title", lang, group=group).stylize("bold"))
            yield Label(score_label(campaign, score, lang))
            if self.blockers:
                yield Label(styled(t("ui.finalize_blocked", lang), "red"))
                goto = t("ui.finalize_goto", lang, count=len(self._lines()))
                yield Label(styled(goto, "dim"))
                yield WrappedOptions(id="blockers")
                return
            for name in FIELDS:
                yield Label(t(f"ui.{name}", lang), markup=False)
                value = getattr(visit, name)
                if name == "representative":
                    yield TextField(value, field=f"ui.field.{name}", compact=True, id=name)
                else:
                    yield NoteArea(value, field=f"ui.field.{name}", compact=True, id=name)
            praise = campaign.outline.commendations
            if praise:  # none ticked unless this visit had them (reopened and finalized again)
                yield Label(t("ui.finalize_commendations", lang), markup=False)
                yield CheckList[str](
                    *(
                        Selection(plain(c.text.get(lang), one_line=True), c.id,
                                  c.id in visit.commendations)
                        for c in praise
                    ),
                    compact=True,
                    id="commendations",
                )  # fmt: skip
            yield Label(id="refused")
            with Horizontal(id="finish"):
                yield Button(
                    t("ui.finalize_confirm", lang), id="confirm", variant="success", compact=True
                )
                yield Static(styled(t("ui.finalize_keys", lang), "dim"))

    def _lines(self) -> list[Line | None]:
        """The blockers as a list to pick from: the visit information once (naming what it
        lacks), then each item."""
        lang = self.ctx.lang
        lines: list[Line | None] = []
        missing = [b.subject for b in self.blockers if b.kind == HEADER]
        if missing:
            fields = t("sep.list", lang).join(t(f"ui.header_field.{f}", lang) for f in missing)
            lines.append(Line(message("ui.finalize_header", lang, fields=fields), HEADER))
        for blocker in self.blockers:
            if blocker.kind in ITEM_WORDS:
                text = self._item_text(blocker.subject)
                said = message(ITEM_WORDS[blocker.kind], lang, text=text)
                lines.append(Line(said, f"item:{blocker.subject}"))
        return lines

    def _item_text(self, item_id: str) -> str:
        """An item's words, one line, as lists show them; an id the checklist does not have
        (a visit file edited by hand) as it is."""
        try:
            item = self.ctx.campaign.item(item_id)
        except KeyError:
            return item_id
        return unambiguous(item.text.get(self.ctx.lang))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Ctrl+S only once nothing blocks (the footer does not offer what cannot be done)."""
        return not (action == "submit" and self.blockers)

    def on_mount(self) -> None:
        if self.blockers:
            self.query_one("#blockers", WrappedOptions).show_lines(self._lines())
        first = "#blockers" if self.blockers else "#strengths"
        self.query_one(first).focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        chosen = str(event.option.id)
        if chosen == HEADER:
            self.dismiss(Finalized(header=True))
        else:
            self.dismiss(Finalized(goto=chosen.removeprefix("item:")))

    # -- the remarks: kept as they are typed -------------------------------------------------
    def _remarks(self) -> Remarks:
        return Remarks(*(self._value(name) for name in FIELDS))

    def _value(self, name: str) -> str:
        widget = self.query_one(f"#{name}")
        return widget.value if isinstance(widget, Input) else widget.text  # type: ignore[attr-defined]

    def on_text_area_changed(self, event: TextArea.Changed) -> None:
        self._keep(str(event.text_area.id))

    def on_input_changed(self, event: Input.Changed) -> None:
        if event.input.id == "representative" and event.input.has_focus:
            self._keep("representative")

    def _keep(self, name: str) -> None:
        if name not in FIELDS:
            return
        try:
            self.ctx.team.write_remarks(self.visit_id, **{name: self._value(name)})
        except InspectError as error:
            self._refuse(error.line(self.ctx.lang))

    def on_input_submitted(self, event: Input.Submitted) -> None:
        # Enter never locks the visit by itself: the button (or Ctrl+S) does
        self.query_one("#confirm", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "confirm":
            self.action_submit()

    def _refuse(self, line: str) -> None:
        self.query_one("#refused", Label).update(styled(line, "red"))

    def action_submit(self) -> None:
        if self.blockers:
            return
        lang, remarks = self.ctx.lang, self._remarks()
        left = self.ctx.team.blockers(self.visit_id, remarks)
        if left:
            first = left[0]
            key = REMARK_REFUSALS.get(first.kind, "ui.finalize_changed")
            self._refuse(t(key, lang))
            if first.kind in ("remarks", "representative"):
                self.query_one(f"#{first.subject}").focus()
            return
        ticked = self.query("#commendations")
        praise = tuple(ticked.only_one(SelectionList).selected) if ticked else ()
        try:
            self.ctx.team.end_remarks(self.visit_id)
            self.ctx.team.finalize(self.visit_id, remarks, praise)
        except InspectError as error:
            self._refuse(error.line(lang))
            return
        self.dismiss(Finalized(done=True))

    def action_cancel(self) -> None:
        if not self.blockers:
            try:
                self.ctx.team.end_remarks(self.visit_id)
            except InspectError as error:
                self.notify(error.line(self.ctx.lang), severity="error")
        self.dismiss(None)

"""Answering on the visit screen: one key per answer (the cursor moves on after y, n, x or a
complete number; a number that may still grow waits for Enter or a pause, with a cue), and
notes saved on every change, audited once per editing stretch. A mixin of `VisitScreen`."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from textual import events
from textual.widgets import TextArea

from inspect_tui.domain.model import Item
from inspect_tui.domain.scoring import Answer, AnswerValue, check_answer
from inspect_tui.tui import visit_view as view
from inspect_tui.tui.number_entry import NUMBER_KINDS
from inspect_tui.tui.widgets.item_list import ItemList
from inspect_tui.tui.widgets.note_area import NoteArea
from inspect_tui.words.errors import AnswerError, InspectError
from inspect_tui.words.i18n import t

if TYPE_CHECKING:
    from inspect_tui.tui.screens.visit.screen import VisitScreen

    Base = VisitScreen
else:
    Base = object

DIGIT_WINDOW = 1.2  # seconds a number may still grow ("1", "2" -> 12) before it is taken


class Answering(Base):
    # -- answering -----------------------------------------------------------------------------
    def action_answer(self, value: str) -> None:
        if self.entry.pending:  # a number still growing is taken as it is, and the key moves on
            self._take_number()
        item = self.item
        if not fits(item, value):
            hint = view.answer_hint(item, self.ctx.lang)
            self.notify(t("ui.not_for_kind", self.ctx.lang, expected=hint), severity="warning",
                        timeout=3)  # fmt: skip
            return
        if self._save(item.id, value):
            self._answered()

    def action_digit(self, digit: int) -> None:
        item = self.item
        if item.kind not in NUMBER_KINDS:
            return
        value, complete = self.entry.type(item, digit)
        self._stop_digit_timer()
        if not self._save(item.id, value):
            self.entry.clear()
            return
        if complete:
            self._answered()
        else:  # the cue shows; Enter or a pause takes the number
            self._digit_timer = self.set_timer(DIGIT_WINDOW, self._take_number)
            self._refresh_prompts(item.id)
            self._show_item()

    def _take_number(self) -> None:
        """The number being typed is complete (Enter, a pause, or an answer key): on to the
        next item, if the cursor is still on its own."""
        if self._end_number() == self.item.id:
            self._answered()

    def on_item_list_entered(self, _: ItemList.Entered) -> None:
        if self.entry.pending:
            self._take_number()
        else:
            self._edit_note()

    def action_clear(self) -> None:
        self._finish_typing()
        self._save(self.item.id, None)

    def _answered(self) -> None:
        if self.ctx.auto_advance:
            self._advance()
        else:  # the cursor stays: the item shows its answer (and the footer its keys) again
            self._show_item()

    def _finish_typing(self) -> None:
        """The cursor moved away: a number being typed stays as it was saved."""
        self._end_number()

    def _end_number(self) -> str | None:
        """No number is being typed any more (it was saved digit by digit): its cue goes; the
        item it was typed for, or None."""
        self._stop_digit_timer()
        if not self.entry.pending:
            return None
        taken = self.entry.item_id
        self.entry.clear()
        if taken in {i.id for i in self.section.items}:
            self._refresh_prompts(taken)
        return taken

    def _stop_digit_timer(self) -> None:
        if self._digit_timer is not None:
            self._digit_timer.stop()
            self._digit_timer = None

    def _save(self, item_id: str, value: AnswerValue | None) -> bool:
        def store() -> None:
            self._stored(item_id, self.ctx.team.answer(self.visit_id, item_id, value))

        return self._guard(store)

    def _stored(self, item_id: str, saved: Answer, *, redraw: bool = True) -> None:
        """The store took it: the item's answer fits now (an invalid one is replaced)."""
        self.answers[item_id] = saved
        self.invalid.pop(item_id, None)
        self.saved_at = self.ctx.session.clock().strftime("%H:%M:%S")
        self._rescore()
        if redraw:
            self._refresh_prompts(item_id)
            self._show_item()

    def _guard(self, work: Callable[[], object]) -> bool:
        """Run a desk call; a refusal (read-only, bad value, disk) is one line, not a crash."""
        try:
            work()
        except InspectError as error:
            self.notify(error.line(self.ctx.lang), severity="error", timeout=5)
            return False
        return True

    # -- notes: saved on every change, audited once per stretch ------------------------------
    def _edit_note(self) -> None:
        if self.visit.final:
            self.notify(t("ui.read_only", self.ctx.lang), severity="warning", timeout=3)
            return
        self._note_item = self.item.id
        self.query_one("#note", NoteArea).focus()

    def on_text_area_changed(self, event: TextArea.Changed) -> None:
        note = event.text_area
        if note.id != "note" or not note.has_focus or self._note_item is None:
            return
        item_id = self._note_item

        def store() -> None:
            saved = self.ctx.team.write_text(self.visit_id, item_id, note.text)
            self._stored(item_id, saved, redraw=False)

        if self._guard(store):
            self._refresh_prompts(item_id)
            self._show_totals()

    def on_descendant_blur(self, event: events.DescendantBlur) -> None:
        if event.widget.id == "note":
            self._leave_note(focus_items=False)

    def _leave_note(self, *, focus_items: bool = True) -> None:
        if self._note_item is not None:
            item_id, self._note_item = self._note_item, None
            self._guard(lambda: self.ctx.team.end_text(self.visit_id, item_id))
            self._show_item()
        if focus_items:
            self.query_one("#items", ItemList).focus()


def fits(item: Item, value: str) -> bool:
    """Whether y, n or x answers this item (a note item takes text, not these keys)."""
    try:
        return item.kind != "note" and check_answer(item, value) == value
    except AnswerError:
        return False

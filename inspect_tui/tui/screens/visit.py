"""The visit: sections down the side, the section's items, the current item, its answer and note.

Every answer goes to the store the moment its key is pressed and the screen says "saved" only
after the store returned; a note is saved half a second after the last keystroke, and at once
when the user leaves it. Scores come from the core (`score_visit`), never from here.
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING, ClassVar

from rich.cells import cell_len
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.message import Message
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Footer, Header, Input, OptionList, Static
from textual.widgets.option_list import Option

from inspect_tui.domain.model import Item, Section
from inspect_tui.domain.scoring import (
    Answer,
    AnswerValue,
    VisitScore,
    check_answer,
    score_visit,
)
from inspect_tui.storage.store import Visit
from inspect_tui.tui.bindings import digit_bindings, localize
from inspect_tui.tui.content import bold, join, message, plain, styled
from inspect_tui.tui.format import answer_text, mark, score_label, short_answer, status_label
from inspect_tui.tui.widgets.text_field import TextField
from inspect_tui.words.errors import AnswerError, InspectError
from inspect_tui.words.i18n import join_words, t
from inspect_tui.words.textwidth import unambiguous

if TYPE_CHECKING:
    from inspect_tui.tui.app import InspectApp

NOTE_DELAY = 0.5  # seconds after the last keystroke before a note is saved
DIGIT_WINDOW = 1.0  # digits typed within this many seconds make one number ("1", "2" -> 12)
POSITION_DELAY = 1.0


class ItemList(OptionList):
    """The items of one section. Enter asks for the note instead of "selecting"; moving past
    the last (or first) item asks for the next (or previous) section instead of wrapping."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "edit_note", "Note", id="note", show=False)
    ]

    class NoteRequested(Message):
        pass

    class Edge(Message):
        def __init__(self, step: int) -> None:
            super().__init__()
            self.step = step

    def action_edit_note(self) -> None:
        self.post_message(self.NoteRequested())

    def action_cursor_down(self) -> None:
        if self.highlighted is not None and self.highlighted >= self.option_count - 1:
            self.post_message(self.Edge(+1))
        else:
            super().action_cursor_down()

    def action_cursor_up(self) -> None:
        if self.highlighted is not None and self.highlighted <= 0:
            self.post_message(self.Edge(-1))
        else:
            super().action_cursor_up()


class SectionList(OptionList, can_focus=False):
    """The sections with progress and score; clicking one opens it."""


class VisitScreen(Screen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("y", "answer('yes')", "Yes", id="yes"),
        Binding("n", "answer('no')", "No", id="no"),
        Binding("x", "answer('na')", "N/A", id="na"),
        Binding("u", "next_unanswered", "Unanswered", id="next_unanswered"),
        Binding("i", "header", "Visit info", id="header", show=False),
        Binding("f", "finalize", "Finalize", id="finalize"),
        Binding("r", "reopen", "Reopen", id="reopen"),
        Binding("c", "receipt", "Receipt", id="receipt"),
        Binding("escape", "back", "Back", id="back", show=False),
        Binding("j", "item_down", "Next item", id="item_down", show=False),
        Binding("k", "item_up", "Previous item", id="item_up", show=False),
        Binding("right,tab", "next_section", "Next section", id="next_section", show=False),
        Binding("left,shift+tab", "prev_section", "Prev section", id="prev_section", show=False),
        Binding("backspace,delete", "clear", "Clear", id="clear", show=False),
        *digit_bindings("digit"),
    ]
    app: InspectApp

    def __init__(self, visit_id: str, *, fresh: bool = False) -> None:
        super().__init__()
        self.visit_id = visit_id
        self.fresh = fresh
        self.section_index = 0
        self._start_item = 0
        self.answers: dict[str, Answer] = {}  # those that fit their items: all that is scored
        self.invalid: dict[str, Answer] = {}  # stored answers that do not fit: shown, not scored
        self.score: VisitScore | None = None
        self.saved_at = ""
        self._digits = ""
        self._shown = False
        self._digit_time = 0.0
        self._note_timer: Timer | None = None
        self._note_item: str | None = None
        self._position_timer: Timer | None = None

    # -- layout --------------------------------------------------------------------------------
    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(id="visit-head")
        with Horizontal(id="visit-body"):
            yield SectionList(id="sections", compact=True)
            with Vertical(id="visit-main"):
                yield ItemList(id="items", compact=True)
                yield Static(id="detail")
                yield TextField(id="note", field="ui.field.note", compact=True)
        yield Static(id="totals")
        yield Footer()

    @property
    def visit(self) -> Visit:
        return self.app.store.visit(self.visit_id)

    @property
    def sections(self) -> tuple[Section, ...]:
        return self.app.campaign.sections

    @property
    def section(self) -> Section:
        return self.sections[self.section_index]

    @property
    def item_index(self) -> int:
        """The highlighted item, read from the list itself: a key press that moved it is
        already applied when the next key ("down" then "y") arrives, its message may not be."""
        return self.query_one("#items", ItemList).highlighted or 0

    @property
    def item(self) -> Item:
        return self.section.items[self.item_index]

    def on_mount(self) -> None:
        localize(self, self.app.lang)
        self._load_answers()
        self._restore_position()
        self._rescore()
        self._show_section()
        self.query_one("#items", ItemList).focus()
        if self.fresh:
            self.action_header()

    def _load_answers(self) -> None:
        """The answers as the core checks them: a value its item does not take (a visit file
        edited by hand: 1000 on a 0-5 scale, "banana") is kept apart, flagged and blank, and
        never scored; answering the item again replaces it (the audit keeps the old value)."""
        store, campaign = self.app.store, self.app.campaign
        self.answers, wrong = store.checked_answers(campaign, self.visit_id)
        stored = store.answers(self.visit_id) if wrong else {}
        self.invalid = {item_id: stored[item_id] for item_id in wrong if item_id in stored}

    def _restore_position(self) -> None:
        position = self.visit.position
        for s_index, section in enumerate(self.sections):
            for i_index, item in enumerate(section.items):
                if item.id == position:
                    self.section_index, self._start_item = s_index, i_index
                    return

    # -- drawing -------------------------------------------------------------------------------
    def relabel(self) -> None:
        self._show_section()

    def _rescore(self) -> None:
        self.score = score_visit(self.app.campaign, self.answers)

    def _show_section(self, item_index: int | None = None) -> None:
        """Redraw everything for the current section and item."""
        lang = self.app.lang
        if item_index is None:
            item_index = self.item_index if self.is_mounted and self._shown else self._start_item
        self._shown = True
        sections = self.query_one("#sections", SectionList)
        items = self.query_one("#items", ItemList)
        # set by us, not by the user: no OptionHighlighted, or it would come back as a "move"
        quiet = OptionList.OptionHighlighted
        with sections.prevent(quiet), items.prevent(quiet):
            sections.clear_options()
            sections.add_options(Option(self._section_prompt(s), id=s.id) for s in self.sections)
            sections.highlighted = self.section_index
            items.clear_options()
            items.add_options(Option(self._item_prompt(i), id=i.id) for i in self.section.items)
            items.highlighted = min(item_index, len(self.section.items) - 1)
        self.query_one("#note", Input).placeholder = t("ui.note_placeholder", lang)
        self._show_item()
        self._show_head()

    def _refresh_prompts(self) -> None:
        sections = self.query_one("#sections", SectionList)
        for index, section in enumerate(self.sections):
            sections.replace_option_prompt_at_index(index, self._section_prompt(section))
        items = self.query_one("#items", ItemList)
        for index, item in enumerate(self.section.items):
            items.replace_option_prompt_at_index(index, self._item_prompt(item))

    def _section_prompt(self, section: Section) -> Content:
        assert self.score is not None
        scored = self.score.section(section.id)
        title = plain(unambiguous(section.title.get(self.app.lang)), one_line=True)
        if section is self.section:  # by shape too, not only by colour
            title = Content.assemble("▶ ", title)
        figures = f"{scored.answered}/{scored.items}"
        if section.weight:
            figures += f"  {scored.score:.1f}/{section.weight:g}"
        return Content.assemble(title, "\n  ", styled(figures, "dim"))

    def _item_prompt(self, item: Item) -> Content:
        assert self.score is not None
        answer = self.answers.get(item.id)
        scored = self.score.items[item.id]
        shown = short_answer(self.app.campaign, scored, answer, self.app.lang)
        pad = " " * max(0, 6 - cell_len(shown))
        text = plain(unambiguous(item.text.get(self.app.lang)), one_line=True)
        flag = mark(answer, scored.short, invalid=item.id in self.invalid)
        prompt = Content.assemble(flag, " ", bold(shown), pad, " ", text)
        width = self.query_one("#items", ItemList).scrollable_content_region.width
        if width > 10 and prompt.cell_length > width - 1:  # one line each; the detail has it all
            # "⋯", not "…": the latter's width is ambiguous in CJK terminals
            prompt = prompt.truncate(width - 3) + "⋯"
        return prompt

    def _show_item(self) -> None:
        lang, campaign, item = self.app.lang, self.app.campaign, self.item
        assert self.score is not None
        answer = self.answers.get(item.id)
        scored = self.score.items[item.id]
        head = [bold(item.id), plain(f"  {t(f'kind.{item.kind}', lang)}")]
        if item.kind == "deduction":
            source = campaign.deduction_source(item, lang)
            rule = message(
                "ui.deduction_rule", lang, points=item.points, cap=item.cap, source=source
            )
            head += [plain(" · "), rule]
        elif item.scored:
            head.append(plain(" · " + t("ui.points", lang, points=item.points)))
        lines = [Content.assemble(*head), plain(item.text.get(lang))]
        lines.append(message("ui.guidance", lang, text=item.guidance.get(lang)).stylize("dim"))
        if target := campaign.target(item):
            lines.append(plain(t("ui.target", lang, explain=target.explain(lang))))
        value = bold(answer_text(campaign, scored, answer, lang))
        hint = styled(self._answer_hint(item), "dim")
        needs_note = item.id in self.score.missing_notes  # core's rule: n/a needs its reason too
        warn = styled(f"  {t('ui.note_required', lang)}", "red") if needs_note else plain("")
        lines.append(Content.assemble(message("ui.answer", lang, value=value), "   ", hint, warn))
        if item.id in self.invalid:  # shown blank above; what the file holds, said in words
            stored = self.invalid[item.id].value
            lines.append(message("answer.stored_invalid", lang, value=stored).stylize("bold red"))
        self.query_one("#detail", Static).update(join(lines))
        note = self.query_one("#note", Input)
        if not note.has_focus:
            text = self._current(item.id).note
            if item.kind == "note" and answer is not None:  # a text item: its text is the answer
                text = str(answer.value or "")
            with note.prevent(Input.Changed):
                note.value = text
        note.disabled = self.visit.final
        self._show_totals()

    def _answer_hint(self, item: Item) -> str:
        lang = self.app.lang
        na = t("ui.answer_keys.na", lang) if item.allow_na else ""
        return t(f"ui.answer_keys.{item.kind}", lang, na=na, points=item.points)

    def _show_head(self) -> None:
        lang, campaign, visit = self.app.lang, self.app.campaign, self.visit
        head = message(
            "ui.visit_head",
            lang,
            group=campaign.group(visit.group).name,
            team=campaign.team(visit.team).name,
            status=status_label(visit.status, lang),
            revision=visit.revision,
        )
        names = join_words(visit.inspectors, lang) or t("ui.nobody", lang)
        people = message("ui.inspectors", lang, names=names)
        line = Content.assemble(head, " · ", plain(visit.visit_date, one_line=True), " · ", people)
        self.query_one("#visit-head", Static).update(line)

    def _show_totals(self) -> None:
        lang = self.app.lang
        assert self.score is not None
        answered = t(
            "ui.answered_line", lang, answered=self.score.answered, items=len(self.score.items)
        )
        parts = [score_label(self.app.campaign, self.score, lang), plain(answered)]
        if self.visit.final:
            parts.append(styled(t("ui.read_only", lang), "green"))
        elif self.saved_at:
            parts.append(styled(t("ui.saved", lang, time=self.saved_at), "green"))
        self.query_one("#totals", Static).update(join(parts, "   "))

    def on_resize(self) -> None:
        if self._shown:
            self._refresh_prompts()

    # -- moving --------------------------------------------------------------------------------
    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        """A click on a section opens it (items are moved to by highlight alone)."""
        if isinstance(event.option_list, SectionList) and event.option_index != self.section_index:
            self._go(event.option_index, 0)

    def on_item_list_edge(self, event: ItemList.Edge) -> None:
        target = self.section_index + event.step
        if 0 <= target < len(self.sections):
            last = len(self.sections[target].items) - 1
            self._go(target, 0 if event.step > 0 else last)

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        if isinstance(event.option_list, SectionList):
            return  # only our own redraws highlight a section; clicks arrive as "selected"
        if self._note_item is not None:  # clicked away from a note being written
            self._leave_note()
        self._finish_typing()
        self._show_item()
        self._remember_position()

    def _go(self, section_index: int, item_index: int) -> None:
        self._finish_typing()
        self._save_note_now()
        self.section_index = section_index
        self._show_section(item_index)
        self._remember_position()

    def action_item_down(self) -> None:
        self.query_one("#items", ItemList).action_cursor_down()

    def action_item_up(self) -> None:
        self.query_one("#items", ItemList).action_cursor_up()

    def action_next_section(self) -> None:
        self._go((self.section_index + 1) % len(self.sections), 0)

    def action_prev_section(self) -> None:
        self._go((self.section_index - 1) % len(self.sections), 0)

    def action_next_unanswered(self) -> None:
        """The next unanswered item after the current one, wrapping round."""
        assert self.score is not None
        flat = [
            (s, i) for s, section in enumerate(self.sections) for i in range(len(section.items))
        ]
        start = flat.index((self.section_index, self.item_index))
        for s, i in flat[start + 1 :] + flat[: start + 1]:
            if not self.score.items[self.sections[s].items[i].id].answered:
                self.goto(self.sections[s].items[i].id)
                return
        self.notify(t("ui.all_answered", self.app.lang), timeout=2)

    def goto(self, item_id: str) -> None:
        for s, section in enumerate(self.sections):
            for i, item in enumerate(section.items):
                if item.id == item_id:
                    self._go(s, i)
                    return

    def _remember_position(self) -> None:
        if self._position_timer is not None:
            self._position_timer.stop()
        self._position_timer = self.set_timer(POSITION_DELAY, self._save_position)

    def _save_position(self) -> None:
        self._position_timer = None
        self._guard(lambda: self.app.store.set_position(self.visit_id, self.item.id))

    # -- answering -----------------------------------------------------------------------------
    def action_answer(self, value: str) -> None:
        item = self.item
        self._finish_typing()
        try:  # a note item takes text, not these keys; the rest as the core says
            fits = item.kind != "note" and check_answer(item, value) == value
        except AnswerError:
            fits = False
        if not fits:
            self.notify(
                t("ui.not_for_kind", self.app.lang, expected=self._answer_hint(item)),
                severity="warning",
                timeout=3,
            )
            return
        self._save(value)

    def action_digit(self, digit: int) -> None:
        item = self.item
        if item.kind not in ("scale", "count", "deduction"):
            self.notify(
                t("ui.not_for_kind", self.app.lang, expected=self._answer_hint(item)),
                severity="warning",
                timeout=3,
            )
            return
        typed = (self._digits if self._typing() else "") + str(digit)
        if item.kind == "scale" and int(typed) > item.points:
            typed = str(digit)
        self._digits = typed.lstrip("0") or "0"
        self._digit_time = time.monotonic()
        self._save(int(self._digits), keep_digits=True)

    def action_clear(self) -> None:
        self._finish_typing()
        self._save(None)

    def _typing(self) -> bool:
        return time.monotonic() - self._digit_time < DIGIT_WINDOW

    def _finish_typing(self) -> None:
        self._digits = ""

    def _save(self, value: AnswerValue | None, *, keep_digits: bool = False) -> None:
        def store() -> None:
            item_id = self.item.id
            saved = self.app.store.set_answer(self.app.campaign, self.visit_id, item_id, value)
            self._stored(item_id, saved)

        if not keep_digits:
            self._finish_typing()
        self._guard(store)

    def _stored(self, item_id: str, saved: Answer) -> None:
        """The store took the answer: it fits its item now (an invalid one is replaced)."""
        self.answers[item_id] = saved
        self.invalid.pop(item_id, None)
        self._saved()

    def _current(self, item_id: str) -> Answer:
        """What the item holds as far as answering goes: a value that does not fit counts as
        none (so a note typed for it clears it), its note is kept."""
        if item_id in self.answers:
            return self.answers[item_id]
        return Answer(None, self.invalid[item_id].note if item_id in self.invalid else "")

    def _saved(self) -> None:
        self.saved_at = self.app.clock().strftime("%H:%M:%S")
        self._rescore()
        self._refresh_prompts()
        self._show_item()

    def _guard(self, work: object) -> bool:
        """Run a store call; a refusal (read-only, bad value, disk) is one line, not a crash."""
        try:
            work()  # type: ignore[operator]
        except InspectError as error:
            self.notify(error.line(self.app.lang), severity="error", timeout=5)
            return False
        return True

    # -- notes ---------------------------------------------------------------------------------
    def on_item_list_note_requested(self, _: ItemList.NoteRequested) -> None:
        if self.visit.final:
            self.notify(t("ui.read_only", self.app.lang), severity="warning", timeout=3)
            return
        self._note_item = self.item.id
        self.query_one("#note", Input).focus()

    def on_input_changed(self, event: Input.Changed) -> None:
        if event.input.id != "note" or not event.input.has_focus:
            return
        if self._note_timer is not None:
            self._note_timer.stop()
        self._note_timer = self.set_timer(NOTE_DELAY, self._save_note_now)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if event.input.id == "note":
            self._leave_note()

    def _leave_note(self) -> None:
        self._save_note_now()
        self._note_item = None
        self.query_one("#items", ItemList).focus()

    def _save_note_now(self) -> None:
        if self._note_timer is not None:
            self._note_timer.stop()
            self._note_timer = None
        if self._note_item is None:
            return
        item_id = self._note_item  # the item the note was typed for, wherever the list is now
        text = self.query_one("#note", Input).value
        current = self._current(item_id)
        if self.app.campaign.item(item_id).kind == "note":  # a text item: the text is the answer
            value, note = (text if text.strip() else None), ""
        else:
            value, note = current.value, text
        if Answer(value, note) == current:
            return

        def store() -> None:
            saved = self.app.store.set_answer(
                self.app.campaign, self.visit_id, item_id, value, note
            )
            self._stored(item_id, saved)

        self._guard(store)

    # -- header, finalize, reopen, back --------------------------------------------------------
    def action_header(self) -> None:
        from inspect_tui.tui.dialogs.header import HeaderDialog

        if self.visit.final:
            self.notify(t("ui.read_only", self.app.lang), severity="warning", timeout=3)
            return

        def done(changes: dict[str, object] | None) -> None:
            if changes and self._guard(
                lambda: self.app.store.update_visit(self.visit_id, **changes)
            ):
                self._show_head()

        self.app.push_screen(HeaderDialog(self.visit), done)

    def action_finalize(self) -> None:
        from inspect_tui.tui.dialogs.finalize import FinalizeDialog

        self._save_note_now()
        if self.visit.final:
            self.notify(t("ui.read_only", self.app.lang), severity="warning", timeout=3)
            return
        assert self.score is not None

        def done(result: dict[str, str] | None) -> None:
            if not result:
                return
            if "goto" in result:
                self.goto(result["goto"])
                return
            if self._guard(
                lambda: self.app.store.finalize(self.visit_id, self.app.campaign, **result)
            ):
                self._show_section()
                self.app.show_receipt(self.visit_id)

        self.app.push_screen(FinalizeDialog(self.visit, self.score, tuple(self.invalid)), done)

    def action_reopen(self) -> None:
        from inspect_tui.tui.dialogs.reason import ReasonDialog

        if not self.visit.final:
            return

        def done(reason: str | None) -> None:
            if reason and self._guard(lambda: self.app.store.reopen(self.visit_id, reason)):
                self.notify(t("ui.reopened", self.app.lang, revision=self.visit.revision))
                self._show_section()

        self.app.push_screen(ReasonDialog(), done)

    def action_receipt(self) -> None:
        if self.visit.final:
            self.app.show_receipt(self.visit_id)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Finalize and answers for drafts; reopen and receipt for finalized visits."""
        final = self.visit.final
        if action in ("reopen", "receipt"):
            return final
        if action in ("finalize", "header", "answer", "digit", "clear"):
            return not final
        return True

    def flush(self) -> None:
        """Save what is still waiting on a timer: the note being typed, the position."""
        self._save_note_now()
        if self._position_timer is not None:
            self._position_timer.stop()
            self._save_position()

    def action_back(self) -> None:
        if self._note_item is not None:
            self._leave_note()
            return
        self.flush()
        self.app.pop_screen()

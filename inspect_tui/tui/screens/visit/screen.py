"""The visit: sections down the side, the section's items, the current item, its answer and
note. One key per answer: after y, n, x or a complete number the cursor moves on by itself.

Every answer goes to the store the moment its key is pressed and the screen says "saved" only
after the store returned; a note is saved on every change (a hard kill loses nothing typed) and
audited once per editing stretch. Scores come from the team's desk, never from here.
"""

from __future__ import annotations

from typing import ClassVar

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.timer import Timer
from textual.widgets import Footer, Header, OptionList, Static
from textual.widgets.option_list import Option

from inspect_tui.domain.model import Item, Section
from inspect_tui.domain.scoring import Answer, VisitScore
from inspect_tui.domain.visit import Visit
from inspect_tui.tui import visit_view as view
from inspect_tui.tui.base import Page
from inspect_tui.tui.bindings import digit_bindings
from inspect_tui.tui.content import plain
from inspect_tui.tui.context import Context
from inspect_tui.tui.number_entry import NUMBER_KINDS, NumberEntry
from inspect_tui.tui.screens.visit.actions import VisitActions
from inspect_tui.tui.screens.visit.answering import Answering, fits
from inspect_tui.tui.widgets.item_list import ItemList, SectionList
from inspect_tui.tui.widgets.note_area import NoteArea
from inspect_tui.tui.widgets.wrapped import Wrapped
from inspect_tui.words.i18n import t

POSITION_DELAY = 1.0
NARROW = 72  # columns below which the section list gives way to a line over the items


class VisitScreen(Answering, VisitActions, Page):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("y", "answer('yes')", "Yes", id="yes"),
        Binding("n", "answer('no')", "No", id="no"),
        Binding("x", "answer('na')", "N/A", id="na"),
        Binding("u", "next_unanswered", "Unanswered", id="next_unanswered"),
        Binding("i", "header", "Visit info", id="header", show=False),
        Binding("e", "evidence", "Evidence", id="evidence", show=False),
        Binding("v", "whole", "Whole text", id="whole", show=False),
        Binding("f", "finalize", "Finalize", id="finalize"),
        Binding("r", "reopen", "Reopen", id="reopen"),
        Binding("c", "receipt", "Receipt", id="receipt"),
        Binding("escape", "back", "Back", id="back", show=False),
        Binding("j", "item_down", "Next item", id="item_down", show=False),
        Binding("k", "item_up", "Previous item", id="item_up", show=False),
        # the arrows too, before the list's own: the screen shows the item at once, a frame
        # sooner than the list's message would (not while a note is written: its cursor's)
        Binding("down", "item_down", "Next item", id="item_down_arrow", show=False, priority=True),
        Binding("up", "item_up", "Previous item", id="item_up_arrow", show=False, priority=True),
        Binding("right,tab", "next_section", "Next section", id="next_section", show=False),
        Binding("left,shift+tab", "prev_section", "Prev section", id="prev_section", show=False),
        Binding("backspace,delete", "clear", "Clear", id="clear", show=False),
        *digit_bindings("digit"),
    ]

    def __init__(self, ctx: Context, visit_id: str) -> None:
        super().__init__(ctx)
        self.visit_id = visit_id
        self.section_index = 0
        self._start_item = 0
        self.answers: dict[str, Answer] = {}  # those that fit their items: all that is scored
        self.invalid: dict[str, Answer] = {}  # stored answers that do not fit: shown, not scored
        self.evidence: dict[str, tuple[str, ...]] = {}  # item -> file names kept as evidence
        self.score: VisitScore | None = None
        self.saved_at = ""
        self.entry = NumberEntry()
        self._shown = False
        self._digit_timer: Timer | None = None
        self._note_item: str | None = None  # the item whose note is being written
        self._position_timer: Timer | None = None
        self._shown_lines: dict[str, str] = {}
        self._keys_shown: tuple[object, ...] = ()

    # -- layout --------------------------------------------------------------------------------
    def compose(self) -> ComposeResult:
        yield Header()
        yield Wrapped(id="visit-head")
        with Horizontal(id="visit-body"):
            yield SectionList(id="sections", compact=True)
            with Vertical(id="visit-main"):
                yield Static(id="section-title")
                yield ItemList(id="items", compact=True)
                yield Wrapped(id="detail", fixed=True)
                yield NoteArea(id="note", field="ui.field.note", compact=True)
        yield Static(id="totals")
        yield Footer()

    @property
    def visit(self) -> Visit:
        return self.ctx.team.visit(self.visit_id)

    @property
    def sections(self) -> tuple[Section, ...]:
        return self.ctx.campaign.sections

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
        self._load()
        self._restore_position()
        self._show_section()
        self.query_one("#items", ItemList).focus()

    def on_screen_resume(self) -> None:
        """Back from a dialog or the receipt: the visit as the store has it now."""
        if self._shown:
            self._load()
            self._show_section()

    def _load(self) -> None:
        """The answers as the core checks them: a value its item does not take (a visit file
        edited by hand: 1000 on a 0-5 scale, "banana") is kept apart, flagged and blank, and
        never scored; answering the item again replaces it (the audit keeps the old value)."""
        held = self.ctx.team.answers(self.visit_id)
        self.answers, self.invalid = dict(held.valid), dict(held.invalid)
        self.evidence = self.ctx.team.evidence_names(self.visit_id)
        self._rescore()

    def _restore_position(self) -> None:
        found = self._where(self.visit.position)
        if found is not None:
            self.section_index, self._start_item = found

    def _where(self, item_id: str) -> tuple[int, int] | None:
        for s_index, section in enumerate(self.sections):
            for i_index, item in enumerate(section.items):
                if item.id == item_id:
                    return s_index, i_index
        return None

    # -- drawing -------------------------------------------------------------------------------
    def relabel(self) -> None:
        self._show_section()

    def _rescore(self) -> None:
        self.score = self.ctx.team.score(self.answers)

    def _state(self, item: Item) -> view.ItemState:
        typing = self.entry.digits if self.entry.item_id == item.id else ""
        return view.ItemState(
            self.answers.get(item.id), self.invalid.get(item.id), typing,
            self.evidence.get(item.id, ()),
        )  # fmt: skip

    def _show_section(self, item_index: int | None = None) -> None:
        """Redraw everything for the current section and item."""
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
        self._show_item()
        self._show_head()

    def _refresh_prompts(self, item_id: str | None = None) -> None:
        """The lists' lines again: all of them, or the sections' and one item's."""
        assert self.score is not None
        sections = self.query_one("#sections", SectionList)
        for index, section in enumerate(self.sections):
            sections.replace_option_prompt_at_index(index, self._section_prompt(section))
        items = self.query_one("#items", ItemList)
        for index, item in enumerate(self.section.items):
            if item_id is None or item.id == item_id:
                items.replace_option_prompt_at_index(index, self._item_prompt(item))
        self._show_section_line()

    def _section_prompt(self, section: Section) -> object:
        assert self.score is not None
        return view.section_prompt(section, self.score, section is self.section, self.ctx.lang)

    def _item_prompt(self, item: Item) -> object:
        assert self.score is not None
        width = self.query_one("#items", ItemList).scrollable_content_region.width
        return view.item_prompt(
            self.ctx.campaign, item, self.score, self._state(item), self.ctx.lang, width
        )

    def _show_section_line(self) -> None:
        assert self.score is not None
        line = view.section_line(
            self.section, self.score, self.section_index, len(self.sections), self.ctx.lang
        )
        self._put("#section-title", plain(line, one_line=True))

    def _show_item(self) -> None:
        lang, item = self.ctx.lang, self.item
        assert self.score is not None
        state = self._state(item)
        self.query_one("#detail", Wrapped).show(
            view.detail(self.ctx.campaign, item, self.score, state, lang)
        )
        note = self.query_one("#note", NoteArea)
        note.placeholder = view.note_placeholder(item, lang)
        if not note.has_focus:
            current = self.answers.get(item.id) or self.invalid.get(item.id) or Answer(None)
            text = current.note
            if item.kind == "note":  # a text item: its text is the answer
                text = str(current.value or "")
            if note.text != text:
                note.load_text(text)
        note.disabled = self.visit.final
        self._show_section_line()
        self._show_totals()
        keys = (item.kind, item.allow_na, self.visit.final, self.entry.pending)
        if keys != self._keys_shown:  # the footer offers only the keys this item takes; its
            self._keys_shown = keys  # redraw is costly, so only when they change
            self.refresh_bindings()

    def _show_head(self) -> None:
        visit = self.visit
        width = (self.size.width or 80) - 2  # the line's padding
        head = view.head_line(
            self.ctx.campaign, visit, self.ctx.team_name(visit.team), self.ctx.lang, width
        )
        self.query_one("#visit-head", Wrapped).show(head)

    def _show_totals(self) -> None:
        assert self.score is not None
        line = view.totals(self.ctx.campaign, self.score, self.visit, self.saved_at, self.ctx.lang)
        self._put("#totals", line)

    def _put(self, selector: str, content: Content) -> None:
        """A one-line Static's new text, only when it changed, and without a layout pass (its
        height is fixed): most keys change neither the totals nor the section's line."""
        if self._shown_lines.get(selector) != content.markup:
            self._shown_lines[selector] = content.markup
            self.query_one(selector, Static).update(content, layout=False)

    def on_resize(self, event: events.Resize) -> None:
        self.set_class(event.size.width < NARROW, "narrow")
        if self._shown:
            self.call_after_refresh(self._refresh_prompts)
            self._show_head()

    # -- which keys apply, and what they say ----------------------------------------------------
    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Finalize and answers for drafts; reopen and receipt for finalized visits; y, n, x
        and digits only where the item takes them (and y, n, x while a number is still being
        typed: they take it, then answer the next item)."""
        final = self.visit.final
        if action in ("reopen", "receipt"):
            return final
        if action in ("finalize", "header", "clear", "evidence"):
            return not final
        if action == "answer":
            if final:
                return False
            if self.entry.pending and self.ctx.auto_advance:
                return True
            return fits(self.item, str(parameters[0]) if parameters else "")
        if action == "digit":
            return not final and self.item.kind in NUMBER_KINDS
        if action in ("item_down", "item_up"):
            return not isinstance(self.focused, NoteArea)
        return True

    def label(self, binding: Binding) -> str:
        if binding.id in ("yes", "no") and self.item.kind == "veto":
            return t(f"key.veto_{binding.id}", self.ctx.lang)
        if binding.id == "note" and self.entry.pending:
            return t("key.take_number", self.ctx.lang)
        return super().label(binding)

    def shown(self, binding: Binding) -> bool:
        """While a number waits: the footer offers Enter to take it, not y, n, x (they still
        work: they take it and answer the next item)."""
        if self.entry.pending:
            if binding.id == "note":
                return True
            if binding.id in ("yes", "no", "na"):
                return False
        return super().shown(binding)

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
        self._moved()

    def _moved(self) -> None:
        """The cursor is on another item: show it. Called at once by our own moves (a frame
        sooner than the list's message, which comes after and finds nothing left to do); a
        number being typed belongs to its item, so only a move away from it finishes it."""
        if self.entry.item_id != self.item.id:
            self._finish_typing()
        self._show_item()
        self._remember_position()

    def _go(self, section_index: int, item_index: int) -> None:
        self._finish_typing()
        self.section_index = section_index
        self._show_section(item_index)
        self._remember_position()

    def goto(self, item_id: str) -> None:
        found = self._where(item_id)
        if found is not None:
            self._go(*found)

    def _advance(self) -> None:
        """After an answer: the next item (the next section's first after a section's last);
        after the very last, stay and say what is left."""
        flat = [
            (s, i) for s, section in enumerate(self.sections) for i in range(len(section.items))
        ]
        here = flat.index((self.section_index, self.item_index))
        if here + 1 < len(flat):
            section, item = flat[here + 1]
            if section == self.section_index:
                self.query_one("#items", ItemList).highlighted = item
                self._moved()
            else:
                self._go(section, item)
            return
        self.notify(t("ui.last_item", self.ctx.lang), timeout=4)

    def action_item_down(self) -> None:
        self.query_one("#items", ItemList).action_cursor_down()
        self._moved()

    def action_item_up(self) -> None:
        self.query_one("#items", ItemList).action_cursor_up()
        self._moved()

    def action_next_section(self) -> None:
        self._go((self.section_index + 1) % len(self.sections), 0)

    def action_prev_section(self) -> None:
        self._go((self.section_index - 1) % len(self.sections), 0)

    def action_next_unanswered(self) -> None:
        """The next unanswered item after the current one, wrapping round."""
        assert self.score is not None
        flat = [item for section in self.sections for item in section.items]
        start = flat.index(self.item)
        for item in flat[start + 1 :] + flat[: start + 1]:
            if not self.score.items[item.id].answered:
                self.goto(item.id)
                return
        self.notify(t("ui.all_answered", self.ctx.lang), timeout=2)

    def _remember_position(self) -> None:
        if self._position_timer is not None:
            self._position_timer.stop()
        self._position_timer = self.set_timer(POSITION_DELAY, self._save_position)

    def _save_position(self) -> None:
        self._position_timer = None
        self._guard(lambda: self.ctx.team.set_position(self.visit_id, self.item.id))

    def flush(self) -> None:
        """Save what is still waiting: the number being typed is saved already; the note's
        stretch is audited; the position is kept."""
        self._finish_typing()
        if self._note_item is not None:
            self._leave_note(focus_items=False)
        if self._position_timer is not None:
            self._position_timer.stop()
            self._save_position()

    def action_back(self) -> None:
        if self.query_one("#note", NoteArea).has_focus:
            self._leave_note()
            return
        self.flush()
        self.back()

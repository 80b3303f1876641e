"""A team's home: its groups with status, progress, score and tier; type to filter, Enter to
open, Ctrl+E for the team's signed file (its path stays on screen for the USB stick)."""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from textual import events, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import Footer, Header, Input, OptionList, Static

from inspect_tui.services.progress import GroupProgress
from inspect_tui.tui.base import Page
from inspect_tui.tui.content import message, plain, styled
from inspect_tui.tui.context import Context
from inspect_tui.tui.dialogs.header import HeaderDialog
from inspect_tui.tui.widgets.group_rows import GroupRows
from inspect_tui.tui.widgets.text_field import TextField
from inspect_tui.tui.widgets.wrapped import Wrapped
from inspect_tui.words.errors import InspectError, os_reason
from inspect_tui.words.i18n import Lang, t


class GroupsScreen(Page):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "open", "Open", id="open"),
        Binding("escape", "clear_filter", "Clear", id="clear_filter", show=False),
        Binding("slash", "filter", "Filter", id="filter"),
        Binding("ctrl+e", "bundle", "Export", id="export"),
    ]

    def __init__(self, ctx: Context, team_id: str) -> None:
        super().__init__(ctx)
        self.team_id = team_id
        self.rows: list[GroupProgress] = []
        self.bundled: tuple[Path, int] | None = None  # the last file written, kept on screen
        self.failed: InspectError | None = None
        self._filled_for = -1

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(id="groups-title")
        yield TextField(field="ui.field.filter", compact=True, id="filter")
        yield Static(id="groups-head")
        yield GroupRows(id="groups", compact=True)
        yield Wrapped(id="groups-status")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#groups", GroupRows).focus()

    def on_screen_resume(self) -> None:
        """On first show and on coming back from a visit: the list as the store has it now
        (Textual resumes a screen right after mounting it, so this is the one load)."""
        self.reload()

    def on_resize(self) -> None:
        if self.size.width != self._filled_for:  # the name column follows the width only
            self._fill()

    def reload(self) -> None:
        self.rows = self.ctx.team.progress(self.team_id)
        self.relabel()

    def relabel(self) -> None:
        lang = self.ctx.lang
        final = sum(1 for row in self.rows if row.status == "final")
        draft = sum(1 for row in self.rows if row.status == "draft")
        title = message(
            "ui.groups_title", lang, team=self.ctx.team_name(self.team_id), final=final,
            count=len(self.rows), draft=draft,
        )  # fmt: skip
        self.query_one("#groups-title", Static).update(title.stylize("bold"))
        self.query_one("#filter", Input).placeholder = t("ui.filter_placeholder", lang)
        self._show_status()
        self._fill()

    def _fill(self) -> None:
        wanted = self.query_one("#filter", Input).value.strip().lower()
        shown = [
            row
            for row in self.rows
            if not wanted
            or wanted in f"{row.group.name.zh} {row.group.name.en} {row.group.id}".lower()
        ]
        rows = self.query_one("#groups", GroupRows)
        head = rows.show(self.ctx.campaign, shown, self.ctx.lang)
        self.query_one("#groups-head", Static).update(head)
        self._filled_for = self.size.width

    def _show_status(self) -> None:
        lang = self.ctx.lang
        status = self.query_one("#groups-status", Wrapped)
        if self.failed is not None:
            status.show(styled(self.failed.line(lang), "red"))
        elif self.bundled is not None:
            path, count = self.bundled
            status.show(plain(t("bundle.written", lang, count=count, file=path)))
        else:
            status.show(styled(t("ui.groups_hint", lang), "dim"))

    # -- filter by typing ----------------------------------------------------------------------
    def on_key(self, event: events.Key) -> None:
        box = self.query_one("#filter", Input)
        if box.has_focus or not event.is_printable or event.character in (None, " ", "/"):
            return
        box.focus()
        box.insert_text_at_cursor(event.character or "")
        event.stop()

    def on_input_changed(self, event: Input.Changed) -> None:
        self._fill()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        rows = self.query_one("#groups", GroupRows)
        if rows.option_count == 1:  # the filter found the one group: open it
            self.action_open()
            return
        rows.focus()

    def action_filter(self) -> None:
        self.query_one("#filter", Input).focus()

    def action_clear_filter(self) -> None:
        box = self.query_one("#filter", Input)
        box.value = ""
        self.query_one("#groups", GroupRows).focus()

    # -- open ----------------------------------------------------------------------------------
    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        if event.option.id:
            self._open(event.option.id)

    def action_open(self) -> None:
        chosen = self.query_one("#groups", GroupRows).chosen
        if chosen:
            self._open(chosen)

    def _open(self, group_id: str) -> None:
        """The group's visit; a group not yet visited asks first who came, when and how, and
        is started only once that is confirmed (Esc leaves no empty draft)."""
        found = self.ctx.team.find_visit(self.team_id, group_id)
        if found is not None:
            self.go("visit", visit_id=found.id)
            return

        def asked(header: dict[str, object] | None) -> None:
            if header is None:
                return
            try:
                visit = self.ctx.team.start_visit(self.team_id, group_id, **header)
            except InspectError as error:
                self.notify(error.line(self.ctx.lang), severity="error", timeout=8)
                return
            self.go("visit", visit_id=visit.id)

        proposed = self.ctx.team.propose_visit(self.team_id, group_id)
        self.app.push_screen(HeaderDialog(self.ctx, proposed), asked)

    # -- the team's signed file ----------------------------------------------------------------
    def action_bundle(self) -> None:
        self.write_bundle(self.ctx.lang)

    @work(thread=True, exclusive=True, group="io")
    def write_bundle(self, lang: Lang) -> None:
        try:
            made = self.ctx.team.bundle(self.team_id)
        except InspectError as error:
            self.app.call_from_thread(self._bundled, None, error)
            return
        except OSError as error:
            failed = InspectError(
                "file.write_failed", path=self.ctx.session.exports, reason=os_reason(error)
            )
            self.app.call_from_thread(self._bundled, None, failed)
            return
        self.app.call_from_thread(self._bundled, (made.path, made.visits), None)
        for problem in made.left_out:  # the team must know before handing the file over
            said = t("bundle.left_out", lang, problem=problem.line(lang))
            self.app.call_from_thread(self.notify, said, severity="warning", timeout=10)

    def _bundled(self, made: tuple[Path, int] | None, error: InspectError | None) -> None:
        self.bundled, self.failed = made, error
        self._show_status()

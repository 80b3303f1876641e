"""The team's groups: status, progress, score and tier of each; type to filter, Enter to open."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from rich.cells import cell_len
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Input, Static

from inspect_tui.services.progress import GroupProgress, team_progress
from inspect_tui.tui.bindings import localize
from inspect_tui.tui.content import message, rich_text
from inspect_tui.tui.format import status_label, tier_label
from inspect_tui.tui.widgets.text_field import TextField
from inspect_tui.words.errors import InspectError
from inspect_tui.words.i18n import t
from inspect_tui.words.textwidth import unambiguous

if TYPE_CHECKING:
    from inspect_tui.tui.app import InspectApp

COLUMNS = ("col.group", "col.status", "col.progress", "col.score", "col.tier")
NAME_WIDTH = 26


class GroupsScreen(Screen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "open", "Open", id="open"),
        Binding("escape", "back", "Team", id="change_team"),
        Binding("slash", "filter", "Filter", id="filter"),
        Binding("ctrl+e", "export", "Export", id="export"),
    ]
    app: InspectApp

    def __init__(self, team_id: str) -> None:
        super().__init__()
        self.team_id = team_id
        self.rows: list[GroupProgress] = []

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(id="groups-title")
        yield TextField(field="ui.field.filter", compact=True, id="filter")
        yield DataTable(id="groups", cursor_type="row", zebra_stripes=True)
        yield Footer()

    def on_mount(self) -> None:
        localize(self, self.app.lang)
        self.query_one("#groups", DataTable).focus()

    def on_screen_resume(self) -> None:
        """On first show and on coming back from a visit: the list as the store has it now
        (Textual resumes a screen right after mounting it, so this is the one load)."""
        self.reload()

    def reload(self) -> None:
        self.rows = team_progress(self.app.campaign, self.app.store, self.team_id)
        self.relabel()

    def relabel(self) -> None:
        lang = self.app.lang
        team = self.app.campaign.team(self.team_id)
        final = sum(1 for row in self.rows if row.status == "final")
        draft = sum(1 for row in self.rows if row.status == "draft")
        title = message(
            "ui.groups_title", lang, team=team.name, final=final, count=len(self.rows), draft=draft
        )
        self.query_one("#groups-title", Static).update(title.stylize("bold"))
        self.query_one("#filter", Input).placeholder = t("ui.filter_placeholder", lang)
        self._fill()

    def _fill(self) -> None:
        lang, campaign = self.app.lang, self.app.campaign
        table = self.query_one("#groups", DataTable)
        cursor = table.cursor_row
        wanted = self.query_one("#filter", Input).value.strip().lower()
        table.clear(columns=True)
        longest = max((cell_len(row.group.name.get(lang)) for row in self.rows), default=10)
        # English names run long ("... system Party committee"): cap the name column so the
        # tier stays on screen at 80 columns; the full name is in the visit's header
        table.add_column(t(COLUMNS[0], lang), width=min(longest, NAME_WIDTH))
        for key in COLUMNS[1:]:
            table.add_column(t(key, lang))
        for row in self.rows:
            names = f"{row.group.name.zh} {row.group.name.en} {row.group.id}".lower()
            if wanted and wanted not in names:
                continue
            score = row.score
            tier = (
                tier_label(campaign, score.tier, lang, vetoed=score.vetoed, complete=score.complete)
                if score
                else ""
            )
            table.add_row(  # Rich Text cells: a str cell would be read as markup
                rich_text(unambiguous(row.group.name.get(lang))),
                rich_text(status_label(row.status, lang)),
                f"{row.answered}/{row.items}",
                f"{score.total:.2f}" if score else "",
                rich_text(tier),
                key=row.group.id,
            )
        if table.row_count:
            table.move_cursor(row=min(cursor, table.row_count - 1))

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
        table = self.query_one("#groups", DataTable)
        if table.row_count == 1:  # the filter found the one group: open it
            self.action_open()
            return
        table.focus()

    def action_filter(self) -> None:
        self.query_one("#filter", Input).focus()

    # -- open ----------------------------------------------------------------------------------
    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        self._open(str(event.row_key.value))

    def action_open(self) -> None:
        table = self.query_one("#groups", DataTable)
        if table.row_count:
            key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key
            self._open(str(key.value))

    def _open(self, group_id: str) -> None:
        from inspect_tui.tui.screens.visit import VisitScreen

        visit, new = self.app.open_visit(self.team_id, group_id)
        self.app.push_screen(VisitScreen(visit.id, fresh=new))

    def action_export(self) -> None:
        """The team's signed bundle into the exports folder (for the USB stick)."""
        try:
            path, count = self.app.export_bundle(self.team_id)
        except (InspectError, OSError) as error:
            message = error.line(self.app.lang) if isinstance(error, InspectError) else str(error)
            self.notify(message, severity="error", timeout=8)
            return
        self.notify(t("bundle.written", self.app.lang, count=count, file=path), timeout=8)

    def action_back(self) -> None:
        box = self.query_one("#filter", Input)
        if box.value:
            box.value = ""
            self.query_one("#groups", DataTable).focus()
            return
        self.app.pop_screen()

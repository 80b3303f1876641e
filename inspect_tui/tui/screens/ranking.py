"""The county ranking: sortable, tiers in words and colour, Enter drills into a group (where
the lead may count one team's result). Ranking reads the county file: in a worker."""

from __future__ import annotations

from typing import ClassVar

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import DataTable, Footer, Header

from inspect_tui.domain.calibration import describe
from inspect_tui.domain.ranking import RankedGroup, describe_rules
from inspect_tui.services.results import CountyRanking
from inspect_tui.tui.base import Page
from inspect_tui.tui.content import join, plain, rich_text, styled
from inspect_tui.tui.context import Context
from inspect_tui.tui.dialogs.group_detail import GroupDetail
from inspect_tui.tui.dialogs.text_view import TextDialog
from inspect_tui.tui.format import tier_label
from inspect_tui.tui.widgets.wrapped import Wrapped
from inspect_tui.words.errors import InspectError
from inspect_tui.words.i18n import join_words, t
from inspect_tui.words.textwidth import unambiguous
from inspect_tui.words.wrap import cells, fit

SORTS = ("rank", "name", "score")
NAME_WIDTH = 26
FLAGS_WIDTH = 24


class RankingScreen(Page):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("s", "sort", "Sort", id="sort"),
        Binding("v", "whole", "Whole text", id="whole"),
        Binding("e", "export", "Export", id="open_export"),
        Binding("escape", "back", "Back", id="back"),
    ]

    def __init__(self, ctx: Context) -> None:
        super().__init__(ctx)
        self.found: CountyRanking | None = None  # ranked in a worker, again after a choice
        self.refusal: InspectError | None = None
        self.sort = 0

    @property
    def rows(self) -> list[RankedGroup]:
        return self.found.rows if self.found else []

    def compose(self) -> ComposeResult:
        yield Header()
        yield Wrapped(id="ranking-note")
        yield DataTable(id="ranking", cursor_type="row", zebra_stripes=True)
        yield Footer()

    def on_mount(self) -> None:
        self.reload()
        self.query_one("#ranking", DataTable).focus()

    @work(thread=True, exclusive=True, group="county")
    def reload(self) -> None:
        """Rank again from the county file (on mount, after the lead chose a team)."""
        try:
            found = self.ctx.lead.rank()
        except InspectError as error:
            self.app.call_from_thread(self._ranked, None, error)
            return
        self.app.call_from_thread(self._ranked, found, None)

    def _ranked(self, found: CountyRanking | None, refusal: InspectError | None) -> None:
        self.found, self.refusal = found, refusal
        self.relabel()

    def relabel(self) -> None:
        """The rules, the note and the table in the app's language (also on F2: the ranking
        already made is shown again, not made again)."""
        lang, campaign, found = self.ctx.lang, self.ctx.campaign, self.found
        note = self.query_one("#ranking-note", Wrapped)
        if self.refusal is not None:
            note.show(styled(self.refusal.line(lang), "red"))
            return
        if found is None:
            note.show(plain(t("ui.ranking_wait", lang)))
            return
        names = campaign.team_names(lang)
        text = plain(describe_rules(campaign, lang) + "\n" + describe(found.calibration, False,
                                                                     lang, names))  # fmt: skip
        if warning := found.warning(lang):  # the county file was edited by hand
            text = join([text, styled(warning, "red")])
        if not found.rows:
            text = join([text, plain(t("ui.ranking_empty", lang))])
        note.show(text)
        self.fill()

    def fill(self) -> None:
        lang, campaign = self.ctx.lang, self.ctx.campaign
        table = self.query_one("#ranking", DataTable)
        table.clear(columns=True)
        # widths set, not measured: a table made again (after a choice) keeps its columns
        widths = (4, NAME_WIDTH, 7, 12, FLAGS_WIDTH)
        keys = ("col.rank", "col.group", "col.score", "col.tier", "col.flags")
        for key, width in zip(keys, widths, strict=True):
            table.add_column(t(key, lang), width=max(width, cells(t(key, lang))))
        order = SORTS[self.sort]
        rows = sorted(
            self.rows,
            key=lambda r: (
                r.group.id if order == "name" else (-r.total if order == "score" else r.rank)
            ),
        )
        for row in rows:
            flags = join_words((t(f"flag.{flag}", lang) for flag in row.flags), lang)
            table.add_row(  # Rich Text cells: a str cell would be read as markup
                str(row.rank),
                rich_text(fit(unambiguous(row.group.name.get(lang)), NAME_WIDTH)),
                f"{row.total:.2f}",
                rich_text(tier_label(campaign, row.tier, lang, vetoed=row.vetoed)),
                rich_text(fit(flags, FLAGS_WIDTH)),  # whole in the drill-down
                key=row.group.id,
            )

    def action_whole(self) -> None:
        """The rules, the calibration note and the warnings, whole (the line above the table
        keeps to a few rows)."""
        note = self.query_one("#ranking-note", Wrapped).source
        self.app.push_screen(TextDialog(self.ctx, t("ui.ranking_note_title", self.ctx.lang), note))

    def action_sort(self) -> None:
        self.sort = (self.sort + 1) % len(SORTS)
        self.fill()

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        if self.found is None:
            return
        group = str(event.row_key.value)

        def chosen(team: str | None) -> None:
            if team is not None:
                self.choose(group, team or None)

        details = self.ctx.lead.detail(self.found, group)
        row = next((r for r in self.rows if r.group.id == group), None)
        flags = [t(f"flag.{flag}", self.ctx.lang) for flag in row.flags] if row else []
        # whose result counts is the lead's to say: the office reads what was published
        lead = self.ctx.choice is not None and self.ctx.choice.role == "lead"
        self.app.push_screen(GroupDetail(self.ctx, group, details, flags, choose=lead), chosen)

    @work(thread=True, exclusive=True, group="county")
    def choose(self, group: str, team: str | None) -> None:
        try:
            self.ctx.lead.choose(group, team)
            found = self.ctx.lead.rank()
        except InspectError as error:
            self.app.call_from_thread(self._ranked, self.found, error)
            return
        self.app.call_from_thread(self._ranked, found, None)

    def action_export(self) -> None:
        self.go("export")

    def action_back(self) -> None:
        self.back()

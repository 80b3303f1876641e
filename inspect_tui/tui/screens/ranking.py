"""The county ranking: sortable, tiers in words and colour, Enter drills into a group."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widgets import DataTable, Footer, Header, Static

from inspect_tui.domain.calibration import describe
from inspect_tui.domain.ranking import RankedGroup, describe_rules
from inspect_tui.services.results import CountyRanking, county_ranking, group_detail
from inspect_tui.storage.county import CountyStore
from inspect_tui.tui.bindings import digit_bindings, localize
from inspect_tui.tui.content import bold, join, message, plain, rich_text, styled
from inspect_tui.tui.format import score_label, tier_label
from inspect_tui.words.i18n import join_words, t
from inspect_tui.words.textwidth import unambiguous

if TYPE_CHECKING:
    from inspect_tui.tui.app import InspectApp

SORTS = ("rank", "name", "score")


class RankingScreen(Screen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("s", "sort", "Sort", id="sort"),
        Binding("e", "export", "Export", id="open_export"),
        Binding("escape", "back", "Back", id="back"),
    ]
    app: InspectApp

    def __init__(self) -> None:
        super().__init__()
        self.found: CountyRanking | None = None  # set on mount, made again after a choice
        self.sort = 0

    @property
    def rows(self) -> list[RankedGroup]:
        return self.found.rows if self.found else []

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(id="ranking-note")
        yield DataTable(id="ranking", cursor_type="row", zebra_stripes=True)
        yield Footer()

    def on_mount(self) -> None:
        localize(self, self.app.lang)
        self.reload()
        self.query_one("#ranking", DataTable).focus()

    def reload(self) -> None:
        """Rank again from the county store (after the lead chose a team for a group)."""
        self.found = county_ranking(self.app.campaign, self.app.store.folder)
        self.relabel()

    def relabel(self) -> None:
        """The rules, the note and the table in the app's language (also on F2: the ranking
        already made is shown again, not made again)."""
        lang, campaign, found = self.app.lang, self.app.campaign, self.found
        if found is None:
            return
        note = (
            describe_rules(campaign, lang)
            + "\n"
            + describe(found.calibration, False, lang, campaign.team_names(lang))
        )
        text = plain(note)
        if warning := found.warning(lang):  # the county file was edited by hand
            text = join([text, styled(warning, "red")])
        self.query_one("#ranking-note", Static).update(text)
        self.fill()

    def fill(self) -> None:
        lang, campaign = self.app.lang, self.app.campaign
        table = self.query_one("#ranking", DataTable)
        table.clear(columns=True)
        for key in ("col.rank", "col.group", "col.score", "col.tier", "col.flags"):
            table.add_column(t(key, lang))
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
                rich_text(unambiguous(row.group.name.get(lang))),
                f"{row.total:.2f}",
                rich_text(tier_label(campaign, row.tier, lang, vetoed=row.vetoed)),
                rich_text(flags),
                key=row.group.id,
            )

    def action_sort(self) -> None:
        self.sort = (self.sort + 1) % len(SORTS)
        self.fill()

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        def chosen(team: str | None) -> None:
            if team is None:
                return
            county = CountyStore(self.app.store.folder, self.app.campaign)
            county.choose(str(event.row_key.value), team or None)
            county.close()
            self.reload()

        slots = self.found.slots if self.found else []
        self.app.push_screen(GroupDetail(str(event.row_key.value), slots), chosen)

    def action_export(self) -> None:
        from inspect_tui.tui.screens.export import ExportScreen

        self.app.push_screen(ExportScreen())

    def action_back(self) -> None:
        self.app.pop_screen()


class GroupDetail(ModalScreen[str | None]):
    """Per-section scores per team, and the items that lost points with the teams' notes. For a
    group several teams assessed, 1, 2 ... choose whose result counts, 0 goes back to the
    campaign's rule; dismisses with the team ("" for the rule) or None."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close", "Back", id="back"),
        *digit_bindings("choose"),
    ]
    app: InspectApp

    def __init__(self, group_id: str, slots: list) -> None:
        super().__init__()
        self.group_id = group_id
        self.slots = slots

    def compose(self) -> ComposeResult:
        yield Footer()
        with VerticalScroll(classes="dialog"):
            yield Static(id="detail-body")

    def on_mount(self) -> None:
        localize(self, self.app.lang)
        lang, campaign = self.app.lang, self.app.campaign
        # names from the checklist, notes from the teams' signed files: text, never markup
        lines = [bold(campaign.group(self.group_id).name.get(lang))]
        titles = {s.id: s.title.get(lang) for s in campaign.outline.sections}
        details = group_detail(campaign, self.slots, self.group_id)
        self.teams = [team for team, _ in details]
        if len(self.teams) > 1:
            names = (campaign.team(team).name.get(lang) for team in self.teams)
            keys = "  ".join(f"{n} {name}" for n, name in enumerate(names, start=1))
            lines.append(message("ui.choose_team", lang, keys=keys))
        for team, score in details:
            name = bold(campaign.team(team).name.get(lang))
            lines += [plain(""), name + plain("  ") + score_label(campaign, score, lang)]
            figures = (f"{titles[s.id]} {s.score:.1f}" for s in score.sections if s.weight)
            lines.append(plain("  " + "  ".join(figures)))
            for lost in score.lost:
                text = campaign.item(lost.item_id).text.get(lang)
                note = f" — {lost.note}" if lost.note else ""
                lines.append(plain(unambiguous(f"  -{lost.lost:g}  {text}{note}")))
        self.query_one("#detail-body", Static).update(join(lines))

    def action_close(self) -> None:
        self.dismiss(None)

    def action_choose(self, number: int) -> None:
        if len(self.teams) < 2 or number > len(self.teams):
            return
        self.dismiss(self.teams[number - 1] if number else "")

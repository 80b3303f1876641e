"""The first screen: what this campaign is, and which team this laptop belongs to."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Header, OptionList, Static
from textual.widgets.option_list import Option

from inspect_tui.tui.bindings import localize
from inspect_tui.tui.content import bold, join, message, plain
from inspect_tui.words.i18n import t

if TYPE_CHECKING:
    from inspect_tui.tui.app import InspectApp


class StartScreen(Screen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "choose", "Choose", id="choose_team", show=True),
        Binding("m", "merge", "Merge results", id="open_merge"),
        Binding("p", "ranking", "Ranking", id="open_ranking"),
        Binding("e", "export", "Export", id="open_export"),
    ]
    app: InspectApp

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="start"):
            yield Static(id="campaign")
            yield Static(id="which-team")
            yield OptionList(id="teams")
        yield Footer()

    def on_mount(self) -> None:
        localize(self, self.app.lang)
        self.relabel()
        teams = self.query_one("#teams", OptionList)
        chosen = self.app.store.setting(f"team:{self.app.campaign.id}")
        ids = [team.id for team in self.app.campaign.teams]
        teams.highlighted = ids.index(chosen) if chosen in ids else 0
        teams.focus()

    def relabel(self) -> None:
        app, lang = self.app, self.app.lang
        c = app.campaign
        # every name here comes from the checklist files: text, never markup
        lines = [
            bold(c.title.get(lang)),
            message("ui.period", lang, start=c.start, end=c.end, months=c.months),
            plain(""),
            bold(t("ui.sections", lang)),
        ]
        for section in c.sections:
            points = f"{section.weight:g}" if section.weight else "—"
            lines.append(plain(f"  {section.title.get(lang)}  {points}"))
        lines += [plain(""), bold(t("ui.tiers", lang))]
        for tier in c.tiers[:-1]:
            line = message("ui.tier_line", lang, name=tier.name, min=f"{tier.min:g}")
            lines.append(plain("  ") + line)
        lines.append(plain("  ") + message("ui.tier_floor", lang, name=c.lowest_tier.name))
        self.query_one("#campaign", Static).update(join(lines))
        self.query_one("#which-team", Static).update(plain("\n") + bold(t("ui.which_team", lang)))
        teams = self.query_one("#teams", OptionList)
        highlighted = teams.highlighted
        teams.clear_options()
        teams.add_options(
            Option(
                message(
                    "ui.team_option",
                    lang,
                    name=team.name,
                    leader=team.leader,
                    count=len(team.groups),
                ),
                id=team.id,
            )
            for team in c.teams
        )
        teams.highlighted = highlighted

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self._choose(event.option.id)

    def action_choose(self) -> None:
        teams = self.query_one("#teams", OptionList)
        if teams.highlighted is not None:
            self._choose(teams.get_option_at_index(teams.highlighted).id)

    def action_merge(self) -> None:
        from inspect_tui.tui.screens.merge import MergeScreen

        self.app.push_screen(MergeScreen())

    def action_export(self) -> None:
        from inspect_tui.tui.screens.export import ExportScreen

        self.app.push_screen(ExportScreen())

    def action_ranking(self) -> None:
        from inspect_tui.tui.screens.ranking import RankingScreen

        self.app.push_screen(RankingScreen())

    def _choose(self, team_id: str | None) -> None:
        from inspect_tui.tui.screens.groups import GroupsScreen

        if team_id is None:
            return
        self.app.remember_team(team_id)
        self.app.push_screen(GroupsScreen(team_id))

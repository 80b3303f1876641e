"""The first screen: what this campaign is, and what this laptop is for (a team, and which;
the lead; the office). Asked once and kept; changed from the command palette, never by a
stray Esc."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.message import Message
from textual.widgets import Footer, Header, OptionList, Static

from inspect_tui.services.session import Choice
from inspect_tui.tui.base import Page
from inspect_tui.tui.content import bold, join, message, plain
from inspect_tui.tui.widgets.wrapped_options import Line, WrappedOptions
from inspect_tui.words.i18n import t

LEAD, OFFICE = "role:lead", "role:office"


class RolesScreen(Page):
    BINDINGS: ClassVar[list[BindingType]] = [
        # before the list's own Enter, so that the footer says what Enter does here
        Binding("enter", "choose", "Choose", id="choose_role", priority=True),
        Binding("escape", "back", "Back", id="back"),
    ]

    class Chosen(Message):
        def __init__(self, choice: Choice) -> None:
            super().__init__()
            self.choice = choice

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="start"):
            yield Static(id="campaign")
            yield Static(id="which-role")
            yield WrappedOptions(id="roles")
        yield Footer()

    def on_mount(self) -> None:
        self.relabel()
        roles = self.query_one("#roles", OptionList)
        chosen = self.ctx.choice
        wanted = (
            f"team:{chosen.team}" if chosen and chosen.role == "team" else f"role:{chosen.role}"
        ) if chosen else None  # fmt: skip
        ids = [roles.get_option_at_index(i).id for i in range(roles.option_count)]
        roles.highlighted = ids.index(wanted) if wanted in ids else 0
        roles.focus()

    def relabel(self) -> None:
        lang, c = self.ctx.lang, self.ctx.campaign
        # every name here comes from the checklist files: text, never markup
        window = c.visit_window
        lines = [
            bold(c.title.get(lang)),
            message("ui.period", lang, start=c.start, end=c.end, months=c.months),
            message("ui.visit_window", lang, start=window.start, end=window.end),
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
        question = plain("\n") + bold(t("ui.which_role", lang))
        self.query_one("#which-role", Static).update(question)
        lines: list[Line | None] = [
            Line(message("ui.role_team", lang, name=team.name, leader=team.leader,
                         count=len(team.groups)), f"team:{team.id}")
            for team in c.teams
        ]  # fmt: skip
        lines += [None, Line(message("ui.role_lead", lang), LEAD)]
        lines.append(Line(message("ui.role_office", lang), OFFICE))
        self.query_one("#roles", WrappedOptions).show_lines(lines)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self._choose(event.option.id)

    def action_choose(self) -> None:
        roles = self.query_one("#roles", OptionList)
        if roles.highlighted is not None:
            self._choose(roles.get_option_at_index(roles.highlighted).id)

    def _choose(self, option: str | None) -> None:
        if option == LEAD:
            self.post_message(self.Chosen(Choice("lead")))
        elif option == OFFICE:
            self.post_message(self.Chosen(Choice("office")))
        elif option and option.startswith("team:"):
            self.post_message(self.Chosen(Choice("team", option.removeprefix("team:"))))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Back only where there is somewhere to go back to: opened from the palette over a
        role's home, never on the very first start."""
        if action == "back":
            return self.ctx.choice is not None
        return True

    def action_back(self) -> None:
        if self.ctx.choice is not None:
            self.back()

"""A group in the ranking, drilled into: per team, the total and tier, the section scores, and
every item that lost points with the team's note. For a group several teams assessed, 1, 2 ...
count one team's result, 0 goes back to the campaign's rule; dismisses with the team ("" for
the rule) or None."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.widgets import Footer

from inspect_tui.domain.scoring import VisitScore
from inspect_tui.tui.base import Dialog
from inspect_tui.tui.bindings import digit_bindings
from inspect_tui.tui.content import bold, join, message, plain
from inspect_tui.tui.context import Context
from inspect_tui.tui.format import score_label
from inspect_tui.tui.widgets.wrapped import Wrapped
from inspect_tui.words.i18n import t


class GroupDetail(Dialog[str | None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close", "Back", id="back"),
        *digit_bindings("choose"),
    ]

    def __init__(
        self,
        ctx: Context,
        group_id: str,
        details: list[tuple[str, VisitScore]],
        flags: list[str] | None = None,
        *,
        choose: bool = True,
    ) -> None:
        """`choose`: whether 1, 2 ... may count one team's result (the lead's laptop only)."""
        super().__init__(ctx)
        self.group_id = group_id
        self.details = details
        self.flags = flags or []
        self.teams = [team for team, _ in details]
        self.choose = choose

    def compose(self) -> ComposeResult:
        yield Footer()
        with VerticalScroll(classes="dialog"):
            yield Wrapped(id="detail-body")

    def on_mount(self) -> None:
        self.relabel()

    def relabel(self) -> None:
        lang, campaign = self.ctx.lang, self.ctx.campaign
        # names from the checklist, notes from the teams' signed files: text, never markup
        lines = [bold(campaign.group(self.group_id).name.get(lang))]
        if self.flags:
            lines.append(plain(t("sep.list", lang).join(self.flags)))
        if len(self.teams) > 1 and self.choose:
            names = (self.ctx.team_name(team) for team in self.teams)
            keys = "  ".join(f"{n} {name}" for n, name in enumerate(names, start=1))
            lines.append(message("ui.choose_team", lang, keys=keys))
        titles = {s.id: s.title.get(lang) for s in campaign.outline.sections}
        for team, score in self.details:
            lines += [plain(""), bold(self.ctx.team_name(team))]
            lines.append(plain("  ") + score_label(campaign, score, lang))
            figures = (f"{titles[s.id]} {s.score:.1f}" for s in score.sections if s.weight)
            lines.append(plain("  " + "  ".join(figures)))
            for lost in score.lost:
                text = campaign.item(lost.item_id).text.get(lang)
                note = t("ui.lost_note", lang, note=lost.note) if lost.note else ""
                lines.append(plain(f"  -{lost.lost:g}  {text}{note}"))
        self.query_one("#detail-body", Wrapped).show(join(lines))

    def action_close(self) -> None:
        self.dismiss(None)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return self.choose if action == "choose" else True

    def action_choose(self, number: int) -> None:
        if not self.choose or len(self.teams) < 2 or number > len(self.teams):
            return
        self.dismiss(self.teams[number - 1] if number else "")

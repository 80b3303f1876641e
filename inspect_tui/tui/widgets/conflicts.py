"""The versions of each visit in conflict, side by side in one list: for each, its total and
tier, the inspectors, the visit's date, when the team last saved it, the file and the key that
signed it, and the answers in which the versions differ. Enter keeps the version chosen.

Option ids are made here, one per version shown (a team's two laptops may conflict on several
groups: the signing key alone repeats); `source_of` maps one back to what the merge takes.
"""

from __future__ import annotations

from collections.abc import Callable

from textual.content import Content

from inspect_tui.domain.model import Campaign
from inspect_tui.services.lead import Conflict, Version
from inspect_tui.tui.content import join, message, plain
from inspect_tui.tui.format import short_value, tier_label
from inspect_tui.tui.widgets.wrapped_options import Line, WrappedOptions
from inspect_tui.words.i18n import Lang, join_words, t

MOST_DIFFERENCES = 6  # answers named under a version; the rest counted ("⋯ +3")


class ConflictList(WrappedOptions):
    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, compact=True)
        self.sources: dict[str, str] = {}

    def show(
        self,
        campaign: Campaign,
        conflicts: list[Conflict],
        lang: Lang,
        team_name: Callable[[str], str],
    ) -> None:
        self.sources.clear()
        lines: list[Line | None] = []
        for c_index, conflict in enumerate(conflicts):
            group = campaign.group(conflict.group).name
            heading = message(
                "ui.conflict_heading", lang, group=group, team=team_name(conflict.team),
                count=len(conflict.versions),
            )  # fmt: skip
            lines.append(Line(heading.stylize("bold"), disabled=True))
            for v_index, version in enumerate(conflict.versions, start=1):
                option_id = f"v{c_index}-{v_index}"
                self.sources[option_id] = version.source
                lines.append(Line(version_prompt(campaign, version, v_index, lang), option_id))
        self.show_lines(lines)

    def source_of(self, option_id: str | None) -> str | None:
        return self.sources.get(option_id or "")


def version_prompt(campaign: Campaign, version: Version, n: int, lang: Lang) -> Content:
    tier = tier_label(campaign, version.tier, lang, vetoed=version.score.vetoed,
                      complete=version.score.complete)  # fmt: skip
    first = message(
        "ui.version_line", lang, n=n, total=f"{version.total:.2f}", tier=tier,
        revision=version.revision, status=t(f"status.{version.status}", lang),
    )  # fmt: skip
    who = join_words(version.inspectors, lang) or t("ui.nobody_short", lang)
    second = message("ui.version_who", lang, names=who, day=version.visit_date or "?")
    third = message(
        "ui.version_where", lang, saved=version.saved_at[:16].replace("T", " "),
        file=version.file, key=version.source[:8],
    )  # fmt: skip
    lines = [first, plain("    ") + second, plain("    ") + third]
    if version.differs:
        shown = [
            f"{item} {short_value(campaign, item, value, lang)}"
            for item, value in version.differs[:MOST_DIFFERENCES]
        ]
        more = len(version.differs) - MOST_DIFFERENCES
        said = t("sep.list", lang).join(shown) + (f" ⋯ +{more}" if more > 0 else "")
        lines.append(plain("    ") + message("ui.version_differs", lang, answers=said))
    return join(lines)

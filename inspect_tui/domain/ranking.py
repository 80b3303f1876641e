"""The county ranking, as pure functions over each group's team results.

Rules (stated in every ranking and export):
- a group seen by two teams (a cross-check anchor) is combined by the campaign's rule: the mean
  (default) or median of the teams' figures, or the one team the lead picks; it is flagged when
  the teams' totals differ by more than the campaign's threshold;
- a veto by any team puts the group in the lowest tier;
- groups are ordered by tier (a vetoed group among the lowest), then by the campaign's tie-break
  chain (`total`, section ids, `deductions` where
  fewer is better); groups equal on every key of the chain share a rank (1, 2, 2, 4: 并列);
  `name` only orders tied groups on the page (in pinyin order: group ids are pinyin), it never
  breaks a tie;
- tiers come from the combined total; a quota caps the top tier: the groups beyond it move down a
  tier, and a tie across the boundary is kept whole (`include`) or moved down whole (`exclude`).
"""

from __future__ import annotations

import statistics
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from fractions import Fraction

from inspect_tui.domain.model import Campaign, Group, Tier
from inspect_tui.domain.scoring import tier_for, to_float
from inspect_tui.words.i18n import Lang, t


@dataclass(frozen=True)
class TeamResult:
    """One team's finished visit of a group, as the ranking needs it."""

    team: str
    total: float
    sections: Mapping[str, float]
    deductions: float
    vetoed: bool = False
    signed: bool = True
    draft: bool = False
    altered: bool = False  # its record was changed in the county file after the merge


@dataclass(frozen=True)
class RankedGroup:
    rank: int
    group: Group
    total: float
    sections: Mapping[str, float]
    deductions: float
    vetoed: bool
    tier: Tier
    teams: tuple[TeamResult, ...]  # every team's result the ranking saw, counted or not
    flags: tuple[str, ...] = field(default=())
    chosen: str | None = None  # the team the lead counts for this group, when applied

    @property
    def counted(self) -> tuple[TeamResult, ...]:
        """The team results the group's figures come from: the lead's chosen team's alone,
        else all of them (combined by the campaign's rule). Every export counts from here."""
        if self.chosen is None:
            return self.teams
        return tuple(r for r in self.teams if r.team == self.chosen)


def combine(
    campaign: Campaign, results: Sequence[TeamResult], chosen: str | None = None
) -> tuple[float, dict[str, float], float, bool, tuple[str, ...]]:
    """(total, sections, deductions, vetoed, flags) for one group from its teams' results."""
    if not results:
        raise ValueError("a group needs at least one team result")
    rule = campaign.merge
    flags: list[str] = []
    if (
        len(results) > 1
        and max(r.total for r in results) - min(r.total for r in results) > rule.threshold
    ):
        flags.append("disagreement")
    if any(not r.signed for r in results):
        flags.append("unsigned")
    if any(r.draft for r in results):
        flags.append("draft")
    if any(r.altered for r in results):
        flags.append("altered")
    vetoed = any(r.vetoed for r in results)
    if len(results) == 1:
        picked = results[0]
        return picked.total, dict(picked.sections), picked.deductions, vetoed, tuple(flags)
    if chosen is not None:  # the lead's choice for this group, whatever the default rule
        picked = next((r for r in results if r.team == chosen), None)
        if picked is not None:
            return picked.total, dict(picked.sections), picked.deductions, vetoed, (*flags, "team")
    average = statistics.median if rule.combine == "median" else statistics.mean

    def combined(values: list[float]) -> float:  # exact decimals in, half up out, as scoring
        return to_float(Fraction(average([Fraction(str(v)) for v in values])))

    sections = {key: combined([r.sections[key] for r in results]) for key in results[0].sections}
    total = combined([r.total for r in results])
    deductions = combined([r.deductions for r in results])
    return total, sections, deductions, vetoed, tuple(flags)


def rank(
    campaign: Campaign,
    results: Mapping[str, Sequence[TeamResult]],
    choices: Mapping[str, str] | None = None,
) -> list[RankedGroup]:
    """The ranked groups. `results` maps group id to its teams' results; `choices` maps a group
    to the team whose result counts, for the "team" combination rule."""
    choices = choices or {}
    rows = []
    for group_id, team_results in results.items():
        total, sections, deductions, vetoed, flags = combine(
            campaign, team_results, choices.get(group_id)
        )
        rows.append(
            (campaign.group(group_id), total, sections, deductions, vetoed, flags, team_results)
        )
    chain = [key for key in campaign.tie_break if key != "name"]

    def sort_key(row: tuple) -> tuple:
        _group, total, sections, deductions = row[:4]
        keys = []
        for key in chain:
            if key == "total":
                keys.append(-total)
            elif key == "deductions":
                keys.append(deductions)
            else:
                keys.append(-sections.get(key, 0.0))
        return tuple(keys)

    lowest = len(campaign.tiers) - 1

    def block(row: tuple) -> int:  # a vetoed group ranks with the lowest tier, not by its score
        return lowest if row[4] else campaign.tier_index(tier_for(campaign.tiers, row[1]).id)

    rows.sort(key=lambda row: (block(row), sort_key(row), row[0].id))  # ids are pinyin
    ranked: list[RankedGroup] = []
    previous: tuple | None = None
    for position, row in enumerate(rows, start=1):
        key = (block(row), sort_key(row))
        shared = ranked[-1].rank if key == previous else position
        previous = key
        group, total, sections, deductions, vetoed, flags, team_results = row
        tier = campaign.lowest_tier if vetoed else tier_for(campaign.tiers, total)
        chosen = choices.get(group.id) if "team" in flags else None
        ranked.append(
            RankedGroup(
                shared, group, total, sections, deductions, vetoed, tier, tuple(team_results),
                flags, chosen,
            )
        )  # fmt: skip
    return _apply_quota(campaign, ranked)


def _apply_quota(campaign: Campaign, ranked: list[RankedGroup]) -> list[RankedGroup]:
    quota = campaign.quota
    if quota is None:
        return ranked
    in_tier = [row for row in ranked if row.tier.id == quota.tier]
    if len(in_tier) <= quota.max:
        return ranked
    boundary = in_tier[quota.max - 1].rank  # the rank of the last group the quota admits
    beyond = in_tier[quota.max].rank
    if beyond == boundary:  # a tie straddles the boundary
        keep = (
            (lambda r: r.rank <= boundary)
            if quota.ties == "include"
            else (lambda r: r.rank < boundary)
        )
    else:
        keep = lambda r: r.rank <= boundary  # noqa: E731 - mirrors the line above
    index = campaign.tier_index(quota.tier)
    lower = campaign.tiers[min(index + 1, len(campaign.tiers) - 1)]
    return [
        row if row.tier.id != quota.tier or keep(row) else _demoted(row, lower) for row in ranked
    ]


def _demoted(row: RankedGroup, tier: Tier) -> RankedGroup:
    return RankedGroup(
        row.rank, row.group, row.total, row.sections, row.deductions, row.vetoed, tier, row.teams,
        (*row.flags, "quota"), row.chosen,
    )  # fmt: skip


def describe_rules(campaign: Campaign, lang: Lang) -> str:
    """The rules a ranking used, in words: printed with every ranking."""
    rule = t(f"combine.{campaign.merge.combine}", lang)
    titles = {s.id: s.title.get(lang) for s in campaign.outline.sections}
    words = [
        t(f"rank.key.{key}", lang) if key in ("total", "deductions") else titles.get(key, key)
        for key in campaign.tie_break
        if key != "name"  # name only orders tied groups on the page
    ]
    rules = t("rank.rules", lang, chain=" > ".join(words), rule=rule)
    quota = campaign.quota
    if quota is None:
        return rules
    tier = campaign.tiers[campaign.tier_index(quota.tier)].name.get(lang)
    ties = t(f"rank.quota.{quota.ties}", lang)
    return rules + t("rank.quota", lang, tier=tier, max=quota.max, ties=ties)

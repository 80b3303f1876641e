"""How well each group did on each of the circular's themes: the share of the theme's points it
earned, and the order of rank the circular falls back on.

Computed once per circular and read by two parts, what went well (`circular_praise`) and the
problems (`circular_problems`): kept apart so that neither part owns what both judge by.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from statistics import fmean

from inspect_tui.domain.model import Campaign, Item, Theme
from inspect_tui.domain.scoring import score_item
from inspect_tui.reports.dataset import ExportData, Visited


def theme_items(campaign: Campaign, theme: Theme) -> list[Item]:
    """The theme's items the period asks for, outline order."""
    wanted = set(theme.items)
    return [item for item in campaign.items if item.id in wanted]


Shares = dict[str, dict[str, float]]  # theme -> group -> share of the theme's points


def theme_shares(data: ExportData) -> Shares:
    """For each theme, group -> the share of the theme's points it earned (its counted visits'
    mean); groups for which none of the theme's scored items applied are left out. Computed once
    per circular: praise and problems both read it."""
    return {theme.id: _theme_shares(data, theme) for theme in data.campaign.outline.themes}


def _theme_shares(data: ExportData, theme: Theme) -> dict[str, float]:
    campaign = data.campaign
    scored = [item for item in theme_items(campaign, theme) if item.scored]
    shares: dict[str, float] = {}
    for group, visits in data.visits.items():
        each = [_share(campaign, scored, visit) for visit in visits]
        known = [s for s in each if s is not None]
        if known:
            shares[group] = fmean(known)
    return shares


def _share(campaign: Campaign, items: Sequence[Item], visit: Visited) -> float | None:
    earned = top = 0.0
    for item in items:
        score = score_item(campaign, item, visit.answers.get(item.id))
        if score.applicable:
            earned, top = earned + float(score.earned), top + float(score.max)
    return earned / top if top else None


def rank_of(data: ExportData) -> Callable[[str], int]:
    """A sort key: a group's rank, groups not ranked last."""
    rank = {row.group.id: row.rank for row in data.rows}
    return lambda g: rank.get(g, len(rank) + 1)

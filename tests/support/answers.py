"""Build answer sets for tests: everything perfect, then change what a case needs."""

from __future__ import annotations

from inspect_tui.domain.model import Campaign, Item
from inspect_tui.domain.scoring import NO, YES, Answer, AnswerValue


def best_value(campaign: Campaign, item: Item) -> AnswerValue:
    """The answer that earns an item everything and triggers nothing."""
    if item.kind == "check":
        return YES
    if item.kind == "scale":
        return item.points
    if item.kind == "count":
        target = campaign.target(item)
        assert target is not None
        return target.count
    if item.kind == "deduction":
        return 0
    if item.kind == "veto":
        return NO
    return "无"


def perfect(campaign: Campaign) -> dict[str, Answer]:
    return {item.id: Answer(best_value(campaign, item)) for item in campaign.items}

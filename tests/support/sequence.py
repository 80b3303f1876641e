"""The deterministic sequence of writes the crash test replays."""

from __future__ import annotations

from collections.abc import Iterator

from inspect_tui.domain.model import Campaign
from inspect_tui.domain.scoring import NO, YES, AnswerValue


def write_sequence(campaign: Campaign, count: int) -> Iterator[tuple[str, AnswerValue, str]]:
    """Writes that each change something: checks flip, counts climb, notes grow."""
    items = [i for i in campaign.items if i.kind in ("check", "count")]
    for index in range(count):
        item = items[index % len(items)]
        lap = index // len(items)
        if item.kind == "check":
            value: AnswerValue = YES if lap % 2 == 0 else NO
        else:
            value = index
        yield item.id, value, f"第{index}次记录“备注”"

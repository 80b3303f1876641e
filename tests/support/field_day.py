"""A day in the field, as keys: a team that finalized its first group this morning scores its
next group at 80x24 from the keyboard alone, and every key is counted.

What counts as a key: every press that is not a character of free text (answers, digits, the
Enter a number needs, moving, the visit information, finalize). The text of the remarks and the
representative's name is counted apart, as characters: it is writing, not moving.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from textual.pilot import Pilot

from inspect_tui.domain.model import Campaign, Item
from inspect_tui.domain.scoring import NO, YES, AnswerValue
from inspect_tui.storage.store import LocalStore
from tests.support.answers import best_value

MORNING = "kaqun"  # finalized before the day's test begins
NEXT = "huoshilafu"  # the group the team scores now
REMARKS = ("档案规范，学习记录完整", "目录不够清晰", "买买提")


@dataclass
class Keys:
    pressed: list[str] = field(default_factory=list)
    typed: int = 0  # characters of free text

    async def press(self, pilot: Pilot, *keys: str) -> None:
        self.pressed += keys
        await pilot.press(*keys)

    async def write(self, pilot: Pilot, text: str) -> None:
        self.typed += len(text)
        await pilot.press(*text)


def morning(store: LocalStore, campaign: Campaign) -> None:
    """The team's first group, finalized: who came and how is what the next visit proposes."""
    visit = store.start_visit(
        campaign, "team-2", MORNING, inspectors=["努尔东·艾山", "阿依古丽"],
        methods=["meeting", "report", "archive"], visit_date="2012-07-05",
    )  # fmt: skip
    for item in campaign.items:
        store.set_answer(campaign, visit.id, item.id, best_value(campaign, item))
    store.finalize(visit.id, campaign, strengths="好", problems="无", representative="组长")


def value_for(campaign: Campaign, item: Item) -> AnswerValue | None:
    """What the team finds: everything in order (the issue counts a group without notes); the
    text item left empty."""
    if item.kind == "note":
        return None
    return best_value(campaign, item)


def keys_for(value: AnswerValue) -> list[str]:
    if value == YES:
        return ["y"]
    if value == NO:
        return ["n"]
    return list(str(value))


async def score_the_next_group(pilot: Pilot, campaign: Campaign) -> Keys:
    """From the team's home to the receipt, by keys alone; the keys pressed."""
    keys = Keys()
    await pilot.pause()
    await keys.press(pilot, "down", "enter")  # the second group of the list
    await pilot.pause()
    await keys.press(pilot, "ctrl+s")  # the visit information, proposed from the morning's
    await pilot.pause()
    screen = pilot.app.screen
    for item in (i for section in campaign.sections for i in section.items):
        assert screen.item.id == item.id, (screen.item.id, item.id)  # type: ignore[attr-defined]
        value = value_for(campaign, item)
        if value is None:
            break  # the last item, a text item: nothing to write today
        await keys.press(pilot, *keys_for(value))
        if screen.entry.pending:  # type: ignore[attr-defined]  # a count could still grow
            await keys.press(pilot, "enter")
        await pilot.pause()
    return keys


async def finalize(pilot: Pilot, keys: Keys) -> None:
    await keys.press(pilot, "f")
    await pilot.pause()
    strengths, problems, who = REMARKS
    await keys.write(pilot, strengths)
    await keys.press(pilot, "tab")
    await keys.write(pilot, problems)
    await keys.press(pilot, "tab")
    await keys.write(pilot, who)
    await keys.press(pilot, "enter", "enter")  # to the button, and finalize
    await pilot.pause()

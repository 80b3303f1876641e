"""A team's visit begun in the store, and a group opened from the team's home in the app."""

from __future__ import annotations

from textual.pilot import Pilot
from textual.widgets import OptionList

from inspect_tui.domain.model import Campaign
from inspect_tui.storage.store import LocalStore
from inspect_tui.tui.screens.groups import GroupsScreen
from tests.support.answers import best_value

GROUP = "kaqun"  # team 2's first group


def start_visit(store: LocalStore, campaign: Campaign, *, complete: bool = False) -> str:
    visit = store.start_visit(
        campaign, "team-2", GROUP, inspectors=["艾山"], methods=["archive"], visit_date="2012-07-05"
    )
    if complete:
        for item in campaign.items:
            store.set_answer(campaign, visit.id, item.id, best_value(campaign, item))
    return visit.id


async def open_group(pilot: Pilot, group: str = GROUP) -> None:
    """From the team's home: `group` in the list."""
    await pilot.pause()
    assert isinstance(pilot.app.screen, GroupsScreen)
    rows = pilot.app.screen.query_one("#groups", OptionList)
    keys = [rows.get_option_at_index(r).id for r in range(rows.option_count)]
    rows.highlighted = keys.index(group)
    await pilot.press("enter")
    await pilot.pause()

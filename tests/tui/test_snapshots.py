"""Screenshots of the key screens at 80x24 and 120x40 (pytest-textual-snapshot).

Ids, clock and date are fixed (see conftest), so a changed picture means a changed screen.
Update after an intended change with `pytest tests/tui --snapshot-update` and look at the SVGs.
"""

from __future__ import annotations

import pytest
from textual.pilot import Pilot

from inspect_tui.domain.model import Campaign
from inspect_tui.domain.scoring import NO
from inspect_tui.storage.store import LocalStore
from tests.support.answers import best_value
from tests.tui.conftest import AppFactory

SIZES = [pytest.param((80, 24), id="80x24"), pytest.param((120, 40), id="120x40")]


def prepare(store: LocalStore, campaign: Campaign) -> None:
    """Team 2 has finalized one group and has a draft of another, with notes that hold the
    ambiguous-width punctuation (“ ” … —) Chinese notes are full of."""
    store.set_setting("team:shache-2012-h1", "team-2")
    done = store.start_visit(
        campaign,
        "team-2",
        "kaqun",
        inspectors=["努尔东·艾山", "阿依古丽"],
        methods=["report", "archive"],
        visit_date="2012-07-05",
    )
    for item in campaign.items:
        store.set_answer(campaign, done.id, item.id, best_value(campaign, item))
    store.set_answer(campaign, done.id, "archive.genuine", NO, "记录系“临时突击”形成……——同一笔迹")
    store.set_answer(campaign, done.id, "reports.social_info", 4, "只报送了4条")
    store.finalize(
        done.id, campaign, strengths="档案规范", problems="信息报送不及时", representative="买买提"
    )
    draft = store.start_visit(
        campaign, "team-2", "huoshilafu", inspectors=["努尔东·艾山"], visit_date="2012-07-06"
    )
    for item in campaign.items[:12]:
        store.set_answer(campaign, draft.id, item.id, best_value(campaign, item))


async def to_visit(pilot: Pilot, group_row: int, item_id: str) -> None:
    for _ in range(group_row):
        await pilot.press("down")
    await pilot.press("enter")
    await pilot.pause()
    pilot.app.screen.goto(item_id)
    await pilot.pause()


@pytest.mark.parametrize("size", SIZES)
def test_start_screen(snap_compare, make_app: AppFactory, size: tuple[int, int]) -> None:
    assert snap_compare(make_app("zh"), terminal_size=size)


@pytest.mark.parametrize("size", SIZES)
def test_groups_screen(
    snap_compare, make_app: AppFactory, tui_store: LocalStore, campaign: Campaign, size
) -> None:
    prepare(tui_store, campaign)
    assert snap_compare(make_app("zh"), terminal_size=size)


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("size", SIZES)
def test_visit_screen(
    snap_compare, make_app: AppFactory, tui_store: LocalStore, campaign: Campaign, size, lang
) -> None:
    prepare(tui_store, campaign)

    async def run_before(pilot: Pilot) -> None:
        await to_visit(pilot, 1, "reports.social_info")
        await pilot.press("4")

    assert snap_compare(make_app(lang), terminal_size=size, run_before=run_before)


@pytest.mark.parametrize("size", SIZES)
def test_finalize_dialog(
    snap_compare, make_app: AppFactory, tui_store: LocalStore, campaign: Campaign, size
) -> None:
    prepare(tui_store, campaign)

    async def run_before(pilot: Pilot) -> None:
        await to_visit(pilot, 1, "plans.annual_plan")
        await pilot.press("f")
        await pilot.pause()

    assert snap_compare(make_app("zh"), terminal_size=size, run_before=run_before)


@pytest.mark.parametrize("size", SIZES)
def test_receipt_screen(
    snap_compare, make_app: AppFactory, tui_store: LocalStore, campaign: Campaign, size
) -> None:
    prepare(tui_store, campaign)

    async def run_before(pilot: Pilot) -> None:
        await to_visit(pilot, 0, "office.room")
        await pilot.press("c")
        await pilot.pause()

    assert snap_compare(make_app("zh"), terminal_size=size, run_before=run_before)

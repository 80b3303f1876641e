"""The merge screen's list of groups the ranking does not hold: N on one asks why and records it
as not assessed (kept in the county file with its audit), N again takes that back."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.content import Content
from textual.pilot import Pilot
from textual.widgets import Input, OptionList

from inspect_tui.domain.model import Campaign
from inspect_tui.services.results import merge_files
from inspect_tui.storage.county import CountyStore
from inspect_tui.storage.keys import trust
from inspect_tui.storage.store import LocalStore
from inspect_tui.tui.dialogs.reason import ReasonDialog as SkipReasonDialog
from inspect_tui.tui.widgets.wrapped import Wrapped
from tests.support.laptops import laptop
from tests.support.lead import LEAD_SIZE as SIZE
from tests.support.lead import lead_app
from tests.support.office import export_now, office_app
from tests.tui.conftest import open_merge

GROUP = "yishikuli"
REASON = "[b]洪水[/b] 道路中断"  # markup-looking text is text


def lead_folder(campaign: Campaign, tmp_path: Path) -> Path:
    bundle, key = laptop(tmp_path / "one", campaign, "team-1", {"shache-zhen": 0})
    folder = tmp_path / "lead"
    with LocalStore(folder) as store, CountyStore(folder, campaign) as county:
        trust(campaign, store, "team-1", key.public)
        merge_files(campaign, store, county, [bundle])
    return folder


def prompts(listed: OptionList) -> dict[str, str]:
    return {
        str(listed.get_option_at_index(i).id): str(listed.get_option_at_index(i).prompt)
        for i in range(listed.option_count)
    }


async def press_n(pilot: Pilot, listed: OptionList, reason: str) -> None:
    """N on GROUP in the list, `reason` typed into the dialog, Enter."""
    listed.focus()
    listed.highlighted = list(prompts(listed)).index(GROUP)
    await pilot.press("n")
    await pilot.pause()
    assert isinstance(pilot.app.screen, SkipReasonDialog)
    pilot.app.screen.query_one("#reason", Input).insert_text_at_cursor(reason)
    await pilot.press("enter")
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def test_the_lead_records_a_group_as_not_assessed_and_takes_it_back(
    campaign: Campaign, tmp_path: Path
) -> None:
    folder = lead_folder(campaign, tmp_path)
    app, store = lead_app(campaign, folder)
    with store:
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            screen = await open_merge(pilot)
            listed = screen.query_one("#coverage", OptionList)
            shown = prompts(listed)
            assert "shache-zhen" not in shown  # it has a counted result
            assert len(shown) == len(campaign.groups) - 1
            assert shown[GROUP] == "no result  Yishikuli Township (yishikuli)"
            await press_n(pilot, listed, "")  # no reason: refused, the dialog stays
            assert isinstance(app.screen, SkipReasonDialog)
            app.screen.query_one("#reason", Input).insert_text_at_cursor(REASON)
            await pilot.press("enter")
            await app.workers.wait_for_complete()
            await pilot.pause()
            assert app.screen is screen
            assert (
                prompts(listed)[GROUP] == f"not assessed  Yishikuli Township (yishikuli): {REASON}"
            )
            with CountyStore(folder, campaign) as county:
                assert county.skipped[GROUP].reason == REASON
                audit = county._db.table("audit").all()
            assert [(a["action"], a["group"], a["reason"]) for a in audit] == [
                ("skip", GROUP, REASON)
            ]
            await press_n(pilot, listed, "road open")
            assert prompts(listed)[GROUP] == "no result  Yishikuli Township (yishikuli)"
            with CountyStore(folder, campaign) as county:
                assert county.skipped == {}
                actions = [a["action"] for a in county._db.table("audit").all()]
            assert actions == ["skip", "unskip"]


async def test_a_group_with_a_result_cannot_be_skipped_from_the_screen_either(
    campaign: Campaign, tmp_path: Path
) -> None:
    """The list holds only groups without a counted result; the store refuses the others in one
    line (here asked directly, as a stale list would)."""
    folder = lead_folder(campaign, tmp_path)
    app, store = lead_app(campaign, folder, "zh")
    with store:
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            screen = await open_merge(pilot)
            screen.record_not_assessed("shache-zhen", "洪水", False)
            await app.workers.wait_for_complete()
            await pilot.pause()
            said = screen.query_one("#merge-result", Wrapped).source.plain
            assert "已有 第一考核组 的定稿结果" in said and "team-1" not in said
            with CountyStore(folder, campaign) as county:
                assert county.skipped == {}


async def test_the_export_screen_says_how_many_groups_are_missing_or_not_assessed(
    campaign: Campaign, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)  # exports/ lands in the test's own folder
    folder = lead_folder(campaign, tmp_path)
    with LocalStore(folder) as store, CountyStore(folder, campaign) as county:
        county.skip(GROUP, reason="洪水", who="组长", at="2012-07-10T18:00:00+00:00")
        app = office_app(campaign, store)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            await export_now(pilot)
            shown = app.screen.query_one("#export-result", Wrapped).source
    assert isinstance(shown, Content)
    total = len(campaign.groups)
    line = (
        f"1 of {total} groups assessed; {total - 1} not ranked: 1 recorded as not"
        f" assessed (with the reason), {total - 2} with no counted result yet"
    )
    assert line in str(shown).splitlines()
    assert f"[red]{line}[/red]" in shown.markup

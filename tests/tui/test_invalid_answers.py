"""A visit file edited by hand (`office.rules = 1000` on a 0-5 scale, or `"banana"`) in the app:
the visit opens, the item is flagged and blank, the detail names the value the file holds, the
score leaves it out, finalize is refused naming the item, and answering it again fixes it (the
audit keeps the old value), after which finalize works."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import OptionList, Static

from inspect_tui.domain.model import Campaign
from inspect_tui.domain.scoring import score_visit
from inspect_tui.storage.county import CountyStore
from inspect_tui.storage.store import LocalStore
from inspect_tui.tui.app import InspectApp
from inspect_tui.tui.dialogs.finalize import FinalizeDialog
from inspect_tui.tui.screens.receipt import ReceiptScreen
from inspect_tui.tui.screens.visit import VisitScreen
from inspect_tui.tui.widgets.wrapped import Wrapped
from tests.support.visits import open_group, start_visit
from tests.tui.conftest import AppFactory, fixed_store, open_merge, role_app
from tests.unit.test_values_checked import GROUP, edit_answer, edit_county, lead_with

SIZE = (100, 32)
ITEM = "office.rules"  # a 0-5 scale


@pytest.mark.parametrize("value", [1000, "banana"])
async def test_an_invalid_stored_answer_is_flagged_blank_and_blocks_finalize_until_answered(
    value: object, make_app: AppFactory, campaign: Campaign, tmp_path: Path
) -> None:
    folder = tmp_path / "laptop"
    with fixed_store(folder) as store:
        visit_id = start_visit(store, campaign, complete=True)
    edit_answer(folder, visit_id, ITEM, value)  # by hand, the app closed
    with fixed_store(folder) as store:
        await walk_through(make_app(store=store), store, campaign, visit_id, value)
    with fixed_store(folder) as store:  # and so it stays
        assert store.visit(visit_id).status == "final"
        assert store.answers(visit_id)[ITEM].value == 5


async def walk_through(
    app: InspectApp, tui_store: LocalStore, campaign: Campaign, visit_id: str, value: object
) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await open_group(pilot)
        screen = app.screen
        assert isinstance(screen, VisitScreen)  # it opens
        assert ITEM not in screen.answers and set(screen.invalid) == {ITEM}
        # the score is what the other answers make: the value is not counted, the item is open
        fitting = {k: v for k, v in tui_store.answers(visit_id).items() if k != ITEM}
        expected = score_visit(campaign, fitting)
        assert screen.score is not None
        assert screen.score.total == expected.total and ITEM in screen.score.unanswered
        assert f"{expected.total:.2f}" in str(screen.query_one("#totals", Static).content)
        # flagged in the list, blank in the detail, and the stored value said in words
        screen.goto(ITEM)
        await pilot.pause()
        items = screen.query_one("#items", OptionList)
        index = [o.id for o in items.options].index(ITEM)
        prompt = str(items.get_option_at_index(index).prompt)
        assert prompt.startswith("? -")
        detail = screen.query_one("#detail", Wrapped).source.plain
        assert "答案：未作答" in detail
        assert f"存有无效答案“{value}”" in detail
        # finalize is refused, naming the item; Enter takes the user to it
        await pilot.press("f")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, FinalizeDialog)
        blockers = dialog.query_one("#blockers", OptionList)
        options = [blockers.get_option_at_index(i).id for i in range(blockers.option_count)]
        assert options == [f"item:{ITEM}"]
        said = str(blockers.get_option_at_index(0).prompt)
        assert said.startswith("无效答案，须重新作答") and "制度" in said
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is screen and screen.item.id == ITEM
        assert tui_store.visit(visit_id).status == "draft"
        # answered again: it fits, the audit keeps what the file held
        await pilot.press("5")
        await pilot.pause()
        screen.goto(ITEM)  # 5 on a 0-5 scale is complete: the cursor moved on
        await pilot.pause()
        assert screen.invalid == {} and screen.answers[ITEM].value == 5
        assert tui_store.checked_answers(campaign, visit_id)[1] == {}
        entry = tui_store.audit(visit_id)[-1]
        assert (entry.subject, entry.old, entry.new) == (ITEM, value, 5)
        assert "无效" not in screen.query_one("#detail", Wrapped).source.plain
        assert not str(items.get_option_at_index(index).prompt).startswith("?")
        # and now it can be finalized
        await pilot.press("f")
        await pilot.pause()
        assert isinstance(app.screen, FinalizeDialog) and not app.screen.blockers
        await pilot.press(*"规范", "tab", *"无", "tab", *"组长", "ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, ReceiptScreen)


async def test_the_merge_screen_shows_records_the_county_file_holds_that_cannot_be_used(
    campaign: Campaign, tmp_path: Path
) -> None:
    """A county record edited by hand to a value its item does not take: the lead's merge
    screen says it is left out of the ranking, naming the record, the group and the value, in
    either language; the merge itself goes on."""
    lead = lead_with(tmp_path, campaign)
    edit_county(lead, campaign, lambda row: row["data"]["answers"][ITEM].update(value=1000))
    with LocalStore(lead) as store:
        with CountyStore(lead, campaign) as county:
            (bad,) = county.invalid
        app = role_app(campaign, store, "lead", exports=lead / "exports")
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.pause()
            screen = await open_merge(pilot)
            await pilot.press("ctrl+s")  # no new file: the merge reads the county file
            await app.workers.wait_for_complete()
            await pilot.pause()
            result = screen.query_one("#merge-result", Wrapped).source.plain
            assert result.startswith("新合并 0 条考核记录")
            assert "1 条记录无法使用，未计入排名" in result
            assert bad.id in result and GROUP in result and "1000" in result
            await pilot.press("f2")
            await pilot.pause()
            result = screen.query_one("#merge-result", Wrapped).source.plain
            assert "holds 1 records that cannot be used" in result and bad.id in result

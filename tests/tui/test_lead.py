"""The team lead in the app: merge screen (a refused file shown with its reason, a conflict
settled by choosing a source) and the ranking with its drill-down, on the demo sandbox."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import DataTable, OptionList, SelectionList, Static

from inspect_tui.domain.model import Campaign
from inspect_tui.services.demo import make_demo
from inspect_tui.storage.keys import trust
from inspect_tui.storage.store import LocalStore
from inspect_tui.tui.app import InspectApp
from inspect_tui.tui.screens.merge import MergeScreen
from inspect_tui.tui.screens.ranking import GroupDetail, RankingScreen
from tests.unit.test_merge import laptop

SIZE = (120, 40)


def lead_app(campaign: Campaign, folder: Path, lang: str = "en") -> tuple[InspectApp, LocalStore]:
    store = LocalStore(folder)
    app = InspectApp(campaign=campaign, store=store, lang=lang, exports=folder / "exports")  # type: ignore[arg-type]
    return app, store


async def test_the_merge_screen_refuses_a_changed_file_and_merges_the_rest(
    campaign: Campaign, tmp_path: Path
) -> None:
    folder = tmp_path / "sandbox"
    make_demo(folder, campaign, synthetic=True)  # three bundles and an altered copy of team 3's
    altered = next((folder / "exports").glob("*-copy.json"))
    app, store = lead_app(campaign, folder)
    with store:
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            await pilot.press("m")
            await pilot.pause()
            await app.workers.wait_for_complete()  # files are checked and merged in the background
            await pilot.pause()
            screen = app.screen
            assert isinstance(screen, MergeScreen)
            box = screen.query_one("#bundles", SelectionList)
            assert box.option_count == 4
            assert len(box.selected) == 3  # the altered copy is not ticked
            prompts = [str(box.get_option_at_index(i).prompt) for i in range(4)]
            (refused,) = [p for p in prompts if altered.name in p]
            assert "changed after it was exported" in refused
            await pilot.press("ctrl+s")
            await pilot.pause()
            await app.workers.wait_for_complete()  # files are checked and merged in the background
            await pilot.pause()
            result = str(screen.query_one("#merge-result", Static).content)
            assert "merged 41 new" in result and "1 file(s) refused" in result
            assert "0 missing" in result
            await pilot.press("escape", "p")
            await pilot.pause()
            assert isinstance(app.screen, RankingScreen)
            assert app.screen.query_one("#ranking", DataTable).row_count == 38


async def test_the_lead_settles_a_conflict_by_choosing_a_source(
    campaign: Campaign, tmp_path: Path
) -> None:
    lead = tmp_path / "lead"
    one, key_one = laptop(tmp_path / "one", campaign, "team-2", {"kaqun": 0})
    two, key_two = laptop(tmp_path / "two", campaign, "team-2", {"kaqun": 5})
    (lead / "exports").mkdir(parents=True)
    for path in (one, two):
        (lead / "exports" / f"{path.parent.parent.name}.json").write_bytes(path.read_bytes())
    app, store = lead_app(campaign, lead, "zh")
    with store:
        trust(campaign, store, "team-2", key_one.public)
        trust(campaign, store, "team-2", key_two.public)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            await pilot.press("m")
            await pilot.pause()
            await app.workers.wait_for_complete()  # files are checked and merged in the background
            await pilot.pause()
            await pilot.press("ctrl+s")
            await pilot.pause()
            await app.workers.wait_for_complete()  # files are checked and merged in the background
            await pilot.pause()
            conflicts = app.screen.query_one("#conflicts", OptionList)
            assert conflicts.display and conflicts.option_count == 2
            assert "冲突 喀群乡" in str(conflicts.get_option_at_index(0).prompt)
            index = [conflicts.get_option_at_index(i).id for i in range(2)].index(
                key_two.fingerprint
            )
            conflicts.highlighted = index
            await pilot.press("enter")
            await pilot.pause()
            await app.workers.wait_for_complete()  # files are checked and merged in the background
            await pilot.pause()
            assert not conflicts.display
            assert "冲突 0" in str(app.screen.query_one("#merge-result", Static).content)


async def test_the_ranking_drills_into_a_group(campaign: Campaign, tmp_path: Path) -> None:
    folder = tmp_path / "sandbox"
    bundles = make_demo(folder, campaign, synthetic=True)
    app, store = lead_app(campaign, folder)
    with store:
        from inspect_tui.services.results import merge_files
        from inspect_tui.storage.county import CountyStore

        county = CountyStore(store.folder, campaign)
        merge_files(campaign, store, county, bundles)
        county.close()
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            await pilot.press("p")
            await pilot.pause()
            table = app.screen.query_one("#ranking", DataTable)
            assert table.row_count == 38
            note = str(app.screen.query_one("#ranking-note", Static).content)
            assert "Team calibration (advisory, not applied)" in note
            keys = [table.coordinate_to_cell_key((row, 0)).row_key.value for row in range(38)]
            table.move_cursor(row=keys.index("weisheng-xitong"))
            await pilot.press("enter")
            await pilot.pause()
            assert isinstance(app.screen, GroupDetail)
            body = str(app.screen.query_one("#detail-body", Static).content)
            assert "Team 1" in body and "Team 2" in body  # the anchor, both teams
            assert "not found on site" in body or "现场查阅资料未见" in body  # a team's note
            assert "1 Team 1  2 Team 2" in body  # the teams by name, as the lead knows them
            await pilot.press("1")  # the lead settles the anchor: team 1's result counts
            await pilot.pause()
            row = next(r for r in app.screen.rows if r.group.id == "weisheng-xitong")
            assert "team" in row.flags and row.total == row.teams[0].total
            table = app.screen.query_one("#ranking", DataTable)
            await pilot.press("s")
            await pilot.pause()
            first = table.coordinate_to_cell_key((0, 0)).row_key.value
            assert first == sorted(keys)[0]  # sorted by name (pinyin ids)


async def test_f2_puts_the_merge_result_and_verdicts_into_the_other_language(
    campaign: Campaign, tmp_path: Path
) -> None:
    folder = tmp_path / "sandbox"
    make_demo(folder, campaign, synthetic=True)
    app, store = lead_app(campaign, folder)
    with store:
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            await pilot.press("m")
            await app.workers.wait_for_complete()
            await pilot.pause()
            await pilot.press("ctrl+s")
            await app.workers.wait_for_complete()
            await pilot.pause()
            await pilot.press("f2")
            await pilot.pause()
            result = str(app.screen.query_one("#merge-result", Static).content)
            box = app.screen.query_one("#bundles", SelectionList)
            prompts = [str(box.get_option_at_index(i).prompt) for i in range(box.option_count)]
    assert result.startswith("新合并 41 条考核记录")
    assert any("导出后文件被改动" in p for p in prompts)

"""The team lead in the app: merge screen (a refused file shown with its reason, a conflict
settled by choosing a source) and the ranking with its drill-down, on the demo sandbox."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import DataTable, SelectionList

from inspect_tui.domain.model import Campaign
from inspect_tui.services.demo import make_demo
from inspect_tui.storage.keys import DeviceKey, trust
from inspect_tui.tui.dialogs.group_detail import GroupDetail
from inspect_tui.tui.dialogs.text_view import TextDialog
from inspect_tui.tui.screens.merge import MergeScreen
from inspect_tui.tui.screens.ranking import RankingScreen
from inspect_tui.tui.widgets.conflicts import ConflictList
from inspect_tui.tui.widgets.wrapped import Wrapped
from tests.support.laptops import laptop
from tests.support.lead import LEAD_SIZE as SIZE
from tests.support.lead import lead_app
from tests.tui.conftest import open_merge


def shown(widget: Wrapped) -> str:
    return widget.source.plain


async def merge_now(pilot) -> MergeScreen:  # type: ignore[no-untyped-def]
    screen = await open_merge(pilot)
    await pilot.press("ctrl+s")
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    return screen


async def test_the_merge_screen_refuses_a_changed_file_and_merges_the_rest(
    campaign: Campaign, tmp_path: Path
) -> None:
    folder = tmp_path / "sandbox"
    make_demo(folder, campaign, synthetic=True)  # three bundles and an altered copy of team 3's
    altered = next((folder / "exports").glob("*-copy.json"))
    app, store = lead_app(campaign, folder)
    with store:
        async with app.run_test(size=SIZE) as pilot:
            screen = await open_merge(pilot)
            box = screen.query_one("#bundles", SelectionList)
            assert box.option_count == 4
            assert len(box.selected) == 3  # the altered copy is not ticked
            names = [str(box.get_option(str(f.path)).prompt) for f in screen.checked]
            index = next(i for i, f in enumerate(screen.checked) if f.path == altered)
            refused = names[index]
            assert altered.name in refused and str(altered.parent) not in refused
            box.focus()
            box.highlighted = index
            await pilot.press("v")  # the whole refusal, wherever the line had to cut it
            await pilot.pause()
            assert isinstance(app.screen, TextDialog)
            whole = shown(app.screen.query_one("#whole-text", Wrapped))
            assert altered.name in whole and "changed after it was exported" in whole
            await pilot.press("escape")
            await pilot.pause()
            await pilot.press("ctrl+s")
            await pilot.pause()
            await app.workers.wait_for_complete()  # merged in the background
            await pilot.pause()
            result = shown(screen.query_one("#merge-result", Wrapped))
            assert "merged 41 new" in result and "1 file(s) refused" in result
            assert "0 missing" in result
            await pilot.press("p")
            await pilot.pause()
            await app.workers.wait_for_complete()
            await pilot.pause()
            assert isinstance(app.screen, RankingScreen)
            assert app.screen.query_one("#ranking", DataTable).row_count == 38


def two_laptops(
    tmp_path: Path, campaign: Campaign, one: dict[str, int], two: dict[str, int]
) -> tuple[Path, tuple[DeviceKey, DeviceKey]]:
    """Team 2's two laptops, each having assessed `one` and `two` (group -> checks missed),
    their files in the lead's exports folder: the lead's folder and the two keys (not yet
    trusted)."""
    lead = tmp_path / "lead"
    (lead / "exports").mkdir(parents=True)
    keys = []
    for name, plan in (("one", one), ("two", two)):
        path, key = laptop(tmp_path / name, campaign, "team-2", plan)
        (lead / "exports" / f"{name}.json").write_bytes(path.read_bytes())
        keys.append(key)
    return lead, (keys[0], keys[1])


async def test_the_lead_settles_a_conflict_by_what_the_versions_say(
    campaign: Campaign, tmp_path: Path
) -> None:
    lead, (key_one, key_two) = two_laptops(tmp_path, campaign, {"kaqun": 0}, {"kaqun": 5})
    app, store = lead_app(campaign, lead, "zh")
    with store:
        trust(campaign, store, "team-2", key_one.public)
        trust(campaign, store, "team-2", key_two.public)
        async with app.run_test(size=SIZE) as pilot:
            screen = await merge_now(pilot)
            conflicts = screen.query_one("#conflicts", ConflictList)
            assert conflicts.display and conflicts.option_count == 3  # a heading, two versions
            heading = str(conflicts.get_option_at_index(0).prompt)
            assert "喀群乡 · 第二考核组：2 个版本" in heading
            versions = [str(conflicts.get_option_at_index(i).prompt) for i in (1, 2)]
            totals = sorted(v.total for v in screen.conflicts[0].versions)
            assert totals[0] < totals[1]  # five items short against none
            for prompt in versions:
                assert "检查人 甲" in prompt and "考核日期 2012-07-05" in prompt
            assert any(f"总分 {totals[0]:.2f}" in v for v in versions)
            assert any(f"总分 {totals[1]:.2f}" in v for v in versions)
            assert all("不同的答案：" in v and "office.room" in v for v in versions)
            index = next(
                i for i in (1, 2)
                if conflicts.source_of(conflicts.get_option_at_index(i).id) == key_two.fingerprint
            )  # fmt: skip
            conflicts.focus()
            conflicts.highlighted = index
            await pilot.press("enter")
            await pilot.pause()
            await app.workers.wait_for_complete()
            await pilot.pause()
            assert not conflicts.display
            assert "冲突 0" in shown(screen.query_one("#merge-result", Wrapped))


async def test_two_laptops_of_one_team_in_conflict_on_two_groups(
    campaign: Campaign, tmp_path: Path
) -> None:
    """The same signing key on two conflicts once gave two options one id: a crash."""
    lead, (key_one, key_two) = two_laptops(
        tmp_path, campaign, {"kaqun": 0, "huoshilafu": 1}, {"kaqun": 3, "huoshilafu": 2}
    )
    app, store = lead_app(campaign, lead, "en")
    with store:
        trust(campaign, store, "team-2", key_one.public)
        trust(campaign, store, "team-2", key_two.public)
        async with app.run_test(size=SIZE) as pilot:
            screen = await merge_now(pilot)
            conflicts = screen.query_one("#conflicts", ConflictList)
            assert conflicts.option_count == 6  # two headings, four versions
            assert len(screen.conflicts) == 2
            await pilot.press("f2")  # shown again in the other language: no duplicate ids
            await pilot.pause()
            assert conflicts.option_count == 6
            conflicts.focus()
            conflicts.highlighted = 1
            await pilot.press("enter")
            await pilot.pause()
            await app.workers.wait_for_complete()
            await pilot.pause()
            assert app.screen is screen


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
            await open_merge(pilot)
            await pilot.press("p")
            await pilot.pause()
            await app.workers.wait_for_complete()
            await pilot.pause()
            table = app.screen.query_one("#ranking", DataTable)
            assert table.row_count == 38
            note = shown(app.screen.query_one("#ranking-note", Wrapped))
            assert "Team calibration (advisory, not applied)" in note
            keys = [table.coordinate_to_cell_key((row, 0)).row_key.value for row in range(38)]
            table.move_cursor(row=keys.index("weisheng-xitong"))
            await pilot.press("enter")
            await pilot.pause()
            assert isinstance(app.screen, GroupDetail)
            body = shown(app.screen.query_one("#detail-body", Wrapped))
            assert "Team 1" in body and "Team 2" in body  # the anchor, both teams
            assert "not found on site" in body or "现场查阅资料未见" in body  # a team's note
            assert "1 Team 1  2 Team 2" in body  # the teams by name, as the lead knows them
            await pilot.press("1")  # the lead settles the anchor: team 1's result counts
            await pilot.pause()
            await app.workers.wait_for_complete()
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
            screen = await merge_now(pilot)
            await pilot.press("f2")
            await pilot.pause()
            result = shown(screen.query_one("#merge-result", Wrapped))
            box = screen.query_one("#bundles", SelectionList)
            prompts = [str(box.get_option_at_index(i).prompt) for i in range(box.option_count)]
    assert result.startswith("新合并 41 条考核记录")
    assert any("导出后文件被改动" in p for p in prompts)

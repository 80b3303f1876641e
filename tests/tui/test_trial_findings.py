"""What a newcomer trial of the rebuilt app found, each held by a test: the office cannot
change whose result counts, Esc on a new visit leaves no draft, a proposed value is corrected
by typing into it, the first group stays first, the title follows the window's width, the
lead's list of groups without a result is ready for its key, the ranking's note is one key
from whole."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Input, OptionList

from inspect_tui.domain.model import Campaign
from inspect_tui.services.demo import make_demo
from inspect_tui.services.results import merge_files
from inspect_tui.storage.county import CountyStore
from inspect_tui.storage.store import LocalStore
from inspect_tui.tui.dialogs.group_detail import GroupDetail
from inspect_tui.tui.dialogs.header import HeaderDialog
from inspect_tui.tui.dialogs.text_view import TextDialog
from inspect_tui.tui.screens.groups import GroupsScreen
from inspect_tui.tui.screens.ranking import RankingScreen
from inspect_tui.tui.screens.visit import VisitScreen
from inspect_tui.tui.widgets.wrapped import Wrapped
from tests.support.visits import start_visit
from tests.tui.conftest import AppFactory, fixed_store, open_merge, role_app

SIZE = (100, 32)


def merged(folder: Path, campaign: Campaign) -> Path:
    bundles = make_demo(folder, campaign, synthetic=True)
    with LocalStore(folder) as lead, CountyStore(folder, campaign) as county:
        merge_files(campaign, lead, county, bundles)
    return folder


async def drill_into(pilot, group: str) -> GroupDetail:  # type: ignore[no-untyped-def]
    await pilot.press("p")
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, RankingScreen)
    table = screen.query_one("#ranking")
    keys = [table.coordinate_to_cell_key((r, 0)).row_key.value for r in range(table.row_count)]
    table.move_cursor(row=keys.index(group))
    await pilot.press("enter")
    await pilot.pause()
    assert isinstance(pilot.app.screen, GroupDetail)
    return pilot.app.screen


async def test_the_office_reads_the_drill_down_but_cannot_choose_a_team(
    campaign: Campaign, tmp_path: Path
) -> None:
    folder = merged(tmp_path / "sandbox", campaign)
    with fixed_store(folder) as store:
        app = role_app(campaign, store, "office", "en", folder / "exports")
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            detail = await drill_into(pilot, "weisheng-xitong")  # an anchor: two teams
            body = detail.query_one("#detail-body", Wrapped).source.plain
            assert "Team 1" in body and "Team 2" in body
            assert "Press a number" not in body
            await pilot.press("1")
            await pilot.pause()
            assert app.screen is detail  # nothing chosen, nothing closed
        with CountyStore(folder, campaign) as county:
            assert county.choices == {}


async def test_the_lead_may_choose_and_the_columns_keep_their_width(
    campaign: Campaign, tmp_path: Path
) -> None:
    folder = merged(tmp_path / "sandbox", campaign)
    with fixed_store(folder) as store:
        app = role_app(campaign, store, "lead", "en", folder / "exports")
        async with app.run_test(size=(80, 24)) as pilot:
            await open_merge(pilot)
            await drill_into(pilot, "weisheng-xitong")
            ranking = app.screen_stack[-2]
            widths = [c.width for c in ranking.query_one("#ranking").columns.values()]
            await pilot.press("1")
            await pilot.pause()
            await app.workers.wait_for_complete()
            await pilot.pause()
            table = ranking.query_one("#ranking")
            assert [c.width for c in table.columns.values()] == widths
            row = next(r for r in ranking.rows if r.group.id == "weisheng-xitong")
            assert "team" in row.flags
        with CountyStore(folder, campaign) as county:
            assert county.choices == {"weisheng-xitong": "team-1"}


async def test_escape_on_a_new_visits_information_leaves_no_draft(
    make_app: AppFactory, tui_store: LocalStore, campaign: Campaign
) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, HeaderDialog)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, GroupsScreen)
    assert tui_store.visits(campaign.id) == []


async def test_a_proposed_value_is_corrected_by_typing_not_wiped(
    make_app: AppFactory, tui_store: LocalStore, campaign: Campaign
) -> None:
    start_visit(tui_store, campaign)  # kaqun, by 艾山: the next visit proposes him
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("down", "enter")
        await pilot.pause()
        field = app.screen.query_one("#inspectors", Input)
        assert field.value == "艾山"
        await pilot.press("end", *",张三", "ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, VisitScreen)
        assert app.screen.visit.inspectors == ("艾山", "张三")


async def test_up_on_the_first_group_stays_on_it(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        rows = app.screen.query_one("#groups", OptionList)
        assert rows.highlighted == 0
        await pilot.press("up")
        assert rows.highlighted == 0  # not round to the last group


async def test_the_title_follows_the_width_of_the_window(make_app: AppFactory, campaign) -> None:  # type: ignore[no-untyped-def]
    app = make_app()
    title = campaign.title.zh
    async with app.run_test(size=(60, 20)) as pilot:
        await pilot.pause()
        assert str(app.screen.sub_title).endswith("⋯")
        await pilot.resize_terminal(120, 30)
        await pilot.pause()
        assert str(app.screen.sub_title) == title


async def test_the_list_of_groups_without_a_result_is_ready_for_its_key(
    campaign: Campaign, tmp_path: Path
) -> None:
    folder = tmp_path / "lead"
    with fixed_store(folder) as store:
        app = role_app(campaign, store, "lead", "zh", folder / "exports")
        async with app.run_test(size=SIZE) as pilot:
            screen = await open_merge(pilot)
            listed = screen.query_one("#coverage", OptionList)
            assert listed.option_count == len(campaign.groups)
            listed.focus()
            await pilot.pause()
            assert listed.highlighted == 0
            await pilot.press("n")
            await pilot.pause()
            assert type(app.screen).__name__ == "ReasonDialog"
            keys = {b.description for _, b, _, _ in app.screen.active_bindings.values()}
            assert "确定" in keys  # the footer says how to confirm


async def test_the_rankings_note_is_one_key_from_whole(campaign: Campaign, tmp_path: Path) -> None:
    folder = merged(tmp_path / "sandbox", campaign)
    with fixed_store(folder) as store:
        app = role_app(campaign, store, "lead", "zh", folder / "exports")
        async with app.run_test(size=(60, 20)) as pilot:
            await open_merge(pilot)
            await pilot.press("p")
            await pilot.pause()
            await app.workers.wait_for_complete()
            await pilot.pause()
            note = app.screen.query_one("#ranking-note", Wrapped).source.plain
            await pilot.press("v")
            await pilot.pause()
            assert isinstance(app.screen, TextDialog)
            whole = app.screen.query_one("#whole-text", Wrapped).source.plain
            assert note in whole and "考核组校准" in whole

"""A team's day, driven with the keyboard through Textual's Pilot against the real app and store."""

from __future__ import annotations

from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import DataTable, Input, OptionList

from inspect_tui.domain.model import Campaign, Item
from inspect_tui.domain.scoring import NO, YES, Answer, score_visit
from inspect_tui.storage.store import LocalStore
from inspect_tui.tui.app import InspectApp
from inspect_tui.tui.screens.groups import GroupsScreen
from inspect_tui.tui.screens.receipt import ReceiptScreen
from inspect_tui.tui.screens.start import StartScreen
from inspect_tui.tui.screens.visit import VisitScreen
from inspect_tui.words.textwidth import ambiguous_chars
from tests.tui.conftest import AppFactory, fixed_store

SIZE = (100, 32)


def keys_for(campaign: Campaign, item: Item) -> tuple[list[str], Answer | None]:
    """A realistic answer: most things yes, a few short; the keys and the answer they make."""
    if item.kind == "check":
        if item.id in ("archive.genuine", "office.equipment"):
            return ["n"], Answer(NO)
        return ["y"], Answer(YES)
    if item.kind == "scale":
        value = item.points - 1
        return [str(value)], Answer(value)
    if item.kind == "count":
        target = campaign.target(item)
        assert target is not None
        value = max(0, target.count - 1) if item.id == "reports.social_info" else target.count
        return list(str(value)), Answer(value)
    if item.kind == "deduction":
        value = 2 if item.id == "penalties.meeting_absence" else 0
        return [str(value)], Answer(value)
    if item.kind == "veto":
        return ["n"], Answer(NO)
    return [], None  # the optional note item stays empty


async def open_first_group(pilot: Pilot, team_index: int = 1) -> VisitScreen:
    app = pilot.app
    for _ in range(team_index):
        await pilot.press("down")
    await pilot.press("enter")
    await pilot.pause()
    assert isinstance(app.screen, GroupsScreen)
    await pilot.press("enter")
    await pilot.pause()
    if not isinstance(app.screen, VisitScreen):  # a new visit asks who came first
        await pilot.press(*"努尔东", "enter", "enter", "space", "ctrl+s")
        await pilot.pause()
    assert isinstance(app.screen, VisitScreen)
    return app.screen


async def answer_everything(pilot: Pilot, screen: VisitScreen, campaign: Campaign) -> dict:
    expected: dict[str, Answer] = {}
    for section in campaign.sections:
        for item in section.items:
            screen.goto(item.id)
            await pilot.pause()
            keys, answer = keys_for(campaign, item)
            if answer is None:
                continue
            await pilot.press(*keys)
            expected[item.id] = answer
            if screen.score.items[item.id].short and item.note_required:
                await pilot.press("enter", *"核实", "enter")
                expected[item.id] = Answer(answer.value, "核实")
    await pilot.pause()
    return expected


async def answered_visit(pilot: Pilot, campaign: Campaign) -> VisitScreen:
    """The first group of team 2 with every item answered by keys."""
    await pilot.pause()
    screen = await open_first_group(pilot)
    await answer_everything(pilot, screen, campaign)
    return screen


async def test_a_whole_visit_by_keyboard_matches_the_scoring_engine(
    make_app: AppFactory, campaign: Campaign, tui_store: LocalStore
) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = await open_first_group(pilot)
        expected = await answer_everything(pilot, screen, campaign)
        visit = screen.visit
        stored = tui_store.answers(visit.id)
        assert {k: v.value for k, v in stored.items()} == {k: v.value for k, v in expected.items()}
        engine = score_visit(campaign, expected)
        assert engine.complete
        totals = str(screen.query_one("#totals").content)
        assert f"{engine.total:.2f}" in totals

        await pilot.press("f")
        await pilot.pause()
        await pilot.press(*"档案规范", "enter", *"信息报送不及时", "enter", *"买买提", "enter")
        await pilot.pause()
        assert tui_store.visit(visit.id).status == "draft"  # Enter alone never finalizes
        await pilot.press("enter")  # on the confirm button
        await pilot.pause()
        assert isinstance(app.screen, ReceiptScreen)
        assert app.screen.receipt.total == engine.total
        final = tui_store.visit(visit.id)
        assert final.status == "final"
        assert (final.strengths, final.problems, final.representative) == (
            "档案规范",
            "信息报送不及时",
            "买买提",
        )
        assert tui_store.audit(visit.id)[-1].new == {"total": engine.total, "tier": engine.tier.id}


async def test_finalize_is_refused_while_an_item_is_unanswered(
    make_app: AppFactory, campaign: Campaign, tui_store: LocalStore
) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await answered_visit(pilot, campaign)
        screen.goto("study.plan")
        await pilot.pause()
        await pilot.press("backspace")  # clear one required answer
        await pilot.press("f")
        await pilot.pause()
        blockers = app.screen.query_one("#blockers", OptionList)
        assert blockers.option_count == 1
        assert blockers.get_option_at_index(0).id == "study.plan"
        await pilot.press("enter")  # takes the user to it
        await pilot.pause()
        assert app.screen is screen and screen.item.id == "study.plan"
        assert tui_store.visit(screen.visit_id).status == "draft"


async def test_reopening_asks_for_a_reason_that_the_audit_keeps(
    make_app: AppFactory, campaign: Campaign, tui_store: LocalStore
) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await answered_visit(pilot, campaign)
        await pilot.press("f")
        await pilot.pause()
        await pilot.press(*"规范", "enter", *"无", "enter", *"组长", "enter", "ctrl+s")
        await pilot.pause()
        await pilot.press("escape")  # receipt -> the visit, now read-only
        await pilot.pause()
        await pilot.press("y")
        assert tui_store.visit(screen.visit_id).status == "final"
        await pilot.press("r")
        await pilot.pause()
        await pilot.press("enter")  # an empty reason is refused
        await pilot.pause()
        assert tui_store.visit(screen.visit_id).status == "final"
        await pilot.press(*"组长补交学习计划", "enter")
        await pilot.pause()
        visit = tui_store.visit(screen.visit_id)
        assert (visit.status, visit.revision) == ("draft", 2)
        last = tui_store.audit(visit.id)[-1]
        assert (last.action, last.reason) == ("reopen", "组长补交学习计划")


async def test_quit_and_restart_resumes_at_the_same_item(
    make_app: AppFactory, campaign: Campaign, tmp_path
) -> None:
    folder = tmp_path / "resume"
    with fixed_store(folder) as store:
        app = make_app(store=store)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            screen = await open_first_group(pilot)
            await pilot.press("y", "j", "n", "enter", *"缺少设备", "enter", "j", "j", "3")
            await pilot.press("right", "j", "y")
            item_id = screen.item.id
            visit_id = screen.visit_id
            await pilot.press("ctrl+q")
    with fixed_store(folder) as store:
        saved = store.answers(visit_id)
        app = make_app(store=store)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            assert isinstance(app.screen, GroupsScreen)  # the team was remembered
            await pilot.press("enter")
            await pilot.pause()
            screen = app.screen
            assert isinstance(screen, VisitScreen)
            assert screen.item.id == item_id == "plans.half_year_summary"
            assert screen.answers == saved
            assert saved["office.equipment"] == Answer(NO, "缺少设备")
            assert saved["office.rules"] == Answer(3, "")


async def test_a_note_is_saved_within_a_second_of_the_last_keystroke(
    make_app: AppFactory, tui_store: LocalStore
) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = await open_first_group(pilot)
        await pilot.press("n", "enter", *"同一天同一笔迹")
        assert app.focused is screen.query_one("#note", Input)
        await pilot.pause(1.0)
        assert tui_store.answers(screen.visit_id)["office.room"].note == "同一天同一笔迹"


async def test_the_team_choice_is_remembered(make_app: AppFactory, tui_store: LocalStore) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, StartScreen)
        await pilot.press("down", "down", "enter")
        await pilot.pause()
        assert isinstance(app.screen, GroupsScreen) and app.screen.team_id == "team-3"
    assert tui_store.setting("team:shache-2012-h1") == "team-3"
    second = make_app()
    async with second.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(second.screen, GroupsScreen) and second.screen.team_id == "team-3"
        await pilot.press("escape")  # back to the start screen to change it
        await pilot.pause()
        assert isinstance(second.screen, StartScreen)


async def test_typing_filters_the_group_list(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("down", "enter")
        await pilot.pause()
        table = app.screen.query_one("#groups", DataTable)
        assert table.row_count == 14
        await pilot.press(*"喀群")
        await pilot.pause()
        assert table.row_count == 1
        await pilot.press("escape")  # clears the filter first
        await pilot.pause()
        assert table.row_count == 14


async def test_the_language_switches_inside_the_app(make_app: AppFactory) -> None:
    app: InspectApp = make_app("zh")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = await open_first_group(pilot)
        assert "总分" in str(screen.query_one("#totals").content)
        await pilot.press("f2")
        await pilot.pause()
        assert app.lang == "en"
        assert "Total" in str(screen.query_one("#totals").content)
        descriptions = {b.description for _, b, _, _ in screen.active_bindings.values()}
        assert "Finalize" in descriptions and "定稿" not in descriptions


async def test_lists_and_tables_hold_no_ambiguous_width_punctuation(
    make_app: AppFactory, campaign: Campaign
) -> None:
    """“六个至少” in an item, …, — : swapped in one-line lists so columns stay put in any
    terminal (CJK fonts draw these two cells wide, others one)."""
    assert any("“" in item.text.zh for item in campaign.items)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = await open_first_group(pilot)
        for _ in campaign.sections:
            items = screen.query_one("#items", OptionList)
            for index in range(items.option_count):
                prompt = str(items.get_option_at_index(index).prompt)
                assert not ambiguous_chars(prompt), prompt
            await pilot.press("right")
            await pilot.pause()
        screen.goto("plans.six_at_leasts")
        await pilot.pause()
        assert "「六个至少」" in str(items.get_option_at_index(items.highlighted).prompt)
        await pilot.press("escape")
        await pilot.pause()
        table = app.screen.query_one("#groups", DataTable)
        for row in range(table.row_count):
            for cell in table.get_row_at(row):
                assert not ambiguous_chars(str(cell)), cell


async def test_every_visit_action_is_in_the_command_palette(make_app: AppFactory) -> None:
    app = make_app("zh")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = await open_first_group(pilot)
        titles = [str(command.title) for command in app.get_system_commands(screen)]
        for words in (
            "是",
            "否",
            "不适用",
            "下一未答",
            "考核信息",
            "定稿",
            "返回",
            "上一项",
            "清除",
        ):
            assert words in titles, words
        assert "重新打开" not in titles  # only for a finalized visit
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"考核信息")
        await pilot.pause(0.5)
        await pilot.press("enter")
        await pilot.pause(0.3)
        assert type(app.screen).__name__ == "HeaderDialog"


async def test_quick_section_changes_leave_the_item_keys_working(make_app: AppFactory) -> None:
    """Two Tabs in a row once set the section list and the screen chasing each other."""
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = await open_first_group(pilot)
        await pilot.press("tab", "tab", "right", "left")
        await pilot.pause(0.3)
        assert screen.section.id == "archive"
        await pilot.press("j", "j")
        await pilot.pause()
        assert screen.item.id == screen.section.items[2].id
        assert app.screen is screen


async def test_moving_past_a_sections_last_item_goes_on_to_the_next(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = await open_first_group(pilot)
        screen.goto("office.leader_present")  # the last office item
        await pilot.pause()
        await pilot.press("j")
        await pilot.pause()
        assert screen.item.id == "plans.annual_plan"
        await pilot.press("k")
        await pilot.pause()
        assert screen.item.id == "office.leader_present"


async def test_ctrl_q_keeps_a_note_still_being_typed(
    make_app: AppFactory, tui_store: LocalStore
) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = await open_first_group(pilot)
        await pilot.press("n", "enter", *"未装订")
        await pilot.press("ctrl+q")  # well inside the half second before a note is saved
        visit_id = screen.visit_id
    assert tui_store.answers(visit_id)["office.room"].note == "未装订"


async def test_a_text_item_counts_as_answered_once_written(
    make_app: AppFactory, tui_store: LocalStore
) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = await open_first_group(pilot)
        screen.goto("penalties.other_findings")
        await pilot.pause()
        await pilot.press("enter", *"委员建议增加活动经费", "enter")
        await pilot.pause()
        assert screen.score.items["penalties.other_findings"].answered
        saved = tui_store.answers(screen.visit_id)["penalties.other_findings"]
        assert saved.value == "委员建议增加活动经费"
        screen.goto("penalties.veto_refusal_or_fraud")
        await pilot.pause()
        await pilot.press("n")  # not triggered: a good answer, not a "!"
        await pilot.pause()
        items = screen.query_one("#items", OptionList)
        assert str(items.get_option_at_index(items.highlighted).prompt).startswith("✓")


async def test_the_team_exports_its_signed_bundle_from_the_group_list(
    make_app: AppFactory, campaign: Campaign, tui_store: LocalStore
) -> None:
    from pathlib import Path

    from inspect_tui.storage.bundle import read_bundle
    from inspect_tui.storage.keys import DeviceKey

    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await answered_visit(pilot, campaign)
        await pilot.press("escape")  # back to the group list
        await pilot.pause()
        await pilot.press("ctrl+e")
        await pilot.pause()
        visit_id = screen.visit_id
    (path,) = Path("exports").glob("shache-2012-h1-team-2-*.json")
    key = DeviceKey(tui_store.folder).public
    trusted = {team.id: set() for team in campaign.teams} | {"team-2": {key}}
    bundle = read_bundle(path, campaign, trusted)
    assert [visit["id"] for visit in bundle.visits] == [visit_id]


async def test_the_help_lists_every_key_in_the_chosen_language(make_app: AppFactory) -> None:
    app = make_app("zh")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await open_first_group(pilot)
        await pilot.press("f1")
        await pilot.pause()
        shown = str(app.screen.query_one("#help-keys").content)
        for words in ("备注", "下一部分", "下一未答", "定稿", "输入数字"):
            assert words in shown, words
        assert "Note" not in shown and "Scroll" not in shown and "Down" not in shown


async def test_na_without_its_reason_is_flagged_as_finalize_will(make_app: AppFactory) -> None:
    """n/a needs its reason like a shortfall does: the screen says so before finalize does."""
    app = make_app("en")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = await open_first_group(pilot)
        item = next(i for i in app.campaign.items if i.allow_na and i.note_required)
        screen.goto(item.id)
        await pilot.pause()
        await pilot.press("x")
        await pilot.pause()
        detail = str(screen.query_one("#detail").content)
        assert item.id in screen.score.missing_notes
        assert "note required" in detail
        await pilot.press("y")  # a yes on a count item is not an answer it takes
        await pilot.pause()
        assert app.store.answers(screen.visit_id)[item.id].value == "na"


async def test_l_on_the_receipt_writes_the_provisional_letter(
    make_app: AppFactory, campaign: Campaign, tui_store: LocalStore, tmp_path: Path
) -> None:
    import docx

    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await answered_visit(pilot, campaign)
        visit = screen.visit
        await pilot.press("f")
        await pilot.pause()
        await pilot.press(*"档案规范", "enter", *"无", "enter", *"买买提", "enter", "enter")
        await pilot.pause()
        assert isinstance(app.screen, ReceiptScreen)
        await pilot.press("l")
        await app.workers.wait_for_complete()
        await pilot.pause()
    group = campaign.group(visit.group)
    path = tmp_path / "exports" / f"letter-{campaign.id}-{group.id}-team-2-r1-zh.docx"
    text = [p.text for p in docx.Document(str(path)).paragraphs]
    assert text[0] == "（考核组现场初步意见）"
    assert f"关于{group.name.zh}2012年上半年工作考核情况的反馈意见" in text
    score = score_visit(campaign, tui_store.answers(visit.id))
    assert any(p.startswith(f"你组考核总分{score.total:.2f}分") for p in text)
    assert "档案规范。" in text
    assert campaign.team("team-2").name.zh in text  # the team signs its provisional letter

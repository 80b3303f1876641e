"""A team's day, driven with the keyboard through Textual's Pilot against the real app and store."""

from __future__ import annotations

from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import OptionList

from inspect_tui.domain.model import Campaign, Item
from inspect_tui.domain.scoring import NO, YES, Answer, score_visit
from inspect_tui.storage.store import LocalStore
from inspect_tui.tui.app import InspectApp
from inspect_tui.tui.screens.groups import GroupsScreen
from inspect_tui.tui.screens.receipt import ReceiptScreen
from inspect_tui.tui.screens.roles import RolesScreen
from inspect_tui.tui.screens.visit import VisitScreen
from inspect_tui.tui.widgets.wrapped import Wrapped
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


async def open_first_group(pilot: Pilot) -> VisitScreen:
    """Team 2's first group, from the team's home; a new visit asks who came first."""
    app = pilot.app
    await pilot.pause()
    assert isinstance(app.screen, GroupsScreen)
    await pilot.press("enter")
    await pilot.pause()
    if not isinstance(app.screen, VisitScreen):
        await pilot.press(*"努尔东", "enter", "enter", "space", "ctrl+s")
        await pilot.pause()
    assert isinstance(app.screen, VisitScreen)
    return app.screen


async def answer(pilot: Pilot, screen: VisitScreen, item: Item, keys: list[str]) -> None:
    """The item's keys, then Enter if a number is still waiting for more digits."""
    screen.goto(item.id)
    await pilot.pause()
    await pilot.press(*keys)
    if screen.entry.pending:
        await pilot.press("enter")


async def write_note(pilot: Pilot, screen: VisitScreen, item_id: str, text: str) -> None:
    screen.goto(item_id)
    await pilot.pause()
    await pilot.press("enter", *text, "escape")
    await pilot.pause()


async def answer_everything(pilot: Pilot, screen: VisitScreen, campaign: Campaign) -> dict:
    expected: dict[str, Answer] = {}
    for section in campaign.sections:
        for item in section.items:
            keys, answer_made = keys_for(campaign, item)
            if answer_made is None:
                continue
            await answer(pilot, screen, item, keys)
            expected[item.id] = answer_made
            assert screen.score is not None
            if screen.score.items[item.id].short and item.note_required:
                await write_note(pilot, screen, item.id, "核实")
                expected[item.id] = Answer(answer_made.value, "核实")
    await pilot.pause()
    return expected


async def answered_visit(pilot: Pilot, campaign: Campaign) -> VisitScreen:
    """The first group of team 2 with every item answered by keys."""
    await pilot.pause()
    screen = await open_first_group(pilot)
    await answer_everything(pilot, screen, campaign)
    return screen


async def finalize_by_keys(pilot: Pilot, strengths: str, problems: str, who: str) -> None:
    """f, the remarks (Tab from box to box), the representative, Enter on the button."""
    await pilot.press("f")
    await pilot.pause()
    await pilot.press(*strengths, "tab", *problems, "tab", *who, "enter")
    await pilot.pause()
    await pilot.press("enter")
    await pilot.pause()


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
        await pilot.press(*"档案规范", "tab", *"信息报送不及时", "tab", *"买买提", "enter")
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
        assert blockers.get_option_at_index(0).id == "item:study.plan"
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
        await finalize_by_keys(pilot, "规范", "无", "组长")
        assert isinstance(app.screen, ReceiptScreen)
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
            # y moves on by itself; a note for the item just answered is one k away
            await pilot.press("y", "n", "k", "enter", *"缺少设备", "escape", "j", "j", "3")
            await pilot.press("right", "j", "y")
            await pilot.pause()
            item_id = screen.item.id
            visit_id = screen.visit_id
            await pilot.press("ctrl+q")
    with fixed_store(folder) as store:
        saved = store.answers(visit_id)
        app = make_app(store=store)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            assert isinstance(app.screen, GroupsScreen)  # the role was remembered
            await pilot.press("enter")
            await pilot.pause()
            screen = app.screen
            assert isinstance(screen, VisitScreen)
            assert screen.item.id == item_id == "plans.sent_on_time"
            assert screen.answers == saved
            assert saved["office.equipment"] == Answer(NO, "缺少设备")
            assert saved["office.rules"] == Answer(3, "")


async def test_the_role_is_asked_once_and_never_left_by_escape(
    make_app: AppFactory, tui_store: LocalStore
) -> None:
    app = make_app(role=None)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, RolesScreen)
        await pilot.press("escape")  # nothing to go back to on the very first start
        await pilot.pause()
        assert isinstance(app.screen, RolesScreen)
        await pilot.press("down", "down", "enter")
        await pilot.pause()
        assert isinstance(app.screen, GroupsScreen) and app.screen.team_id == "team-3"
    assert tui_store.setting("team:shache-2012-h1") == "team-3"
    assert tui_store.setting("role:shache-2012-h1") == "team"
    second = make_app()
    async with second.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(second.screen, GroupsScreen) and second.screen.team_id == "team-3"
        await pilot.press("escape", "escape")  # a stray Esc never leaves the team's home
        await pilot.pause()
        assert isinstance(second.screen, GroupsScreen)
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"更改这台电脑的用途")
        await pilot.pause(0.5)
        await pilot.press("enter")
        await pilot.pause(0.3)
        assert isinstance(second.screen, RolesScreen)
        await pilot.press("escape")  # now there is somewhere to go back to
        await pilot.pause()
        assert isinstance(second.screen, GroupsScreen)


async def test_the_lead_and_the_office_start_on_their_own_screens(
    make_app: AppFactory, tmp_path: Path
) -> None:
    for role, screen_name in (("lead", "MergeScreen"), ("office", "ExportScreen")):
        with fixed_store(tmp_path / role) as store:
            app = make_app(store=store, role=role)
            async with app.run_test(size=SIZE) as pilot:
                await pilot.pause()
                await app.workers.wait_for_complete()
                assert type(app.screen).__name__ == screen_name
                await pilot.press("escape")
                await pilot.pause()
                assert type(app.screen).__name__ == screen_name  # its home: Esc stays


async def test_typing_filters_the_group_list(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        rows = app.screen.query_one("#groups", OptionList)
        assert rows.option_count == 14
        await pilot.press(*"喀群")
        await pilot.pause()
        assert rows.option_count == 1
        await pilot.press("escape")  # clears the filter
        await pilot.pause()
        assert rows.option_count == 14


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


async def test_a_dialog_relabels_its_keys_on_f2(make_app: AppFactory) -> None:
    app: InspectApp = make_app("zh")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await open_first_group(pilot)
        await pilot.press("i")
        await pilot.pause()
        dialog = app.screen
        assert type(dialog).__name__ == "HeaderDialog"
        before = {b.description for _, b, _, _ in dialog.active_bindings.values()}
        assert {"确定", "取消"} <= before
        await pilot.press("f2")
        await pilot.pause()
        after = {b.description for _, b, _, _ in dialog.active_bindings.values()}
        assert {"OK", "Cancel"} <= after and not {"确定", "取消"} & after
        assert "Inspectors" in str(dialog.query_one("#inspectors-label").content)


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
        rows = app.screen.query_one("#groups", OptionList)
        for row in range(rows.option_count):
            line = str(rows.get_option_at_index(row).prompt)
            assert not ambiguous_chars(line), line


async def test_every_visit_action_is_in_the_command_palette(make_app: AppFactory) -> None:
    app = make_app("zh")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = await open_first_group(pilot)
        titles = [str(command.title) for command in app.get_system_commands(screen)]
        for words in ("是", "否", "下一未答", "考核信息", "定稿", "返回", "上一项", "清除"):
            assert words in titles, words
        assert "不适用" not in titles  # the first item allows no n/a
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


async def test_a_text_item_counts_as_answered_once_written(
    make_app: AppFactory, tui_store: LocalStore
) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = await open_first_group(pilot)
        await write_note(pilot, screen, "penalties.other_findings", "委员建议增加活动经费")
        assert screen.score is not None
        assert screen.score.items["penalties.other_findings"].answered
        saved = tui_store.answers(screen.visit_id)["penalties.other_findings"]
        assert saved.value == "委员建议增加活动经费"
        screen.goto("penalties.veto_refusal_or_fraud")
        await pilot.pause()
        await pilot.press("n")  # not triggered: a good answer, not a "!"
        await pilot.pause()
        items = screen.query_one("#items", OptionList)
        veto_item = screen.ctx.campaign.item("penalties.veto_refusal_or_fraud")
        veto = screen.section.items.index(veto_item)
        assert str(items.get_option_at_index(veto).prompt).startswith("✓")


async def test_the_team_exports_its_signed_bundle_from_the_group_list(
    make_app: AppFactory, campaign: Campaign, tui_store: LocalStore
) -> None:
    from inspect_tui.storage.bundle import read_bundle
    from inspect_tui.storage.keys import DeviceKey

    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await answered_visit(pilot, campaign)
        await pilot.press("escape")  # back to the group list
        await pilot.pause()
        await pilot.press("ctrl+e")
        await app.workers.wait_for_complete()
        await pilot.pause()
        visit_id = screen.visit_id
        status = app.screen.query_one("#groups-status", Wrapped).source.plain
    (path,) = Path("exports").glob("shache-2012-h1-team-2-*.json")
    assert str(path) in status  # the path stays on screen, not only in a toast
    assert "T" in path.stem and path.stem.endswith("Z") is False  # UTC stamp, as the CLI's
    key = DeviceKey(tui_store.folder).public
    trusted = {team.id: set() for team in campaign.teams} | {"team-2": {key}}
    bundle = read_bundle(path, campaign, trusted)
    assert [visit["id"] for visit in bundle.visits] == [visit_id]
    assert bundle.created_at.endswith("+00:00")


async def test_the_help_lists_every_key_in_the_chosen_language(make_app: AppFactory) -> None:
    app = make_app("zh")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await open_first_group(pilot)
        await pilot.press("f1")
        await pilot.pause()
        shown = str(app.screen.query_one("#help-keys").content)
        for words in ("备注", "下一部分", "下一未答", "定稿"):
            assert words in shown, words
        assert "输入数字" not in shown  # the first item is a yes/no item: no digits
        assert "Note" not in shown and "Scroll" not in shown and "Down" not in shown


async def test_na_without_its_reason_is_flagged_as_finalize_will(
    make_app: AppFactory, tui_store: LocalStore
) -> None:
    """n/a needs its reason like a shortfall does, and is called so: the screen says it before
    finalize does."""
    app = make_app("en")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = await open_first_group(pilot)
        item = next(i for i in screen.ctx.campaign.items if i.allow_na and i.note_required)
        screen.goto(item.id)
        await pilot.pause()
        await pilot.press("x")
        await pilot.pause()
        screen.goto(item.id)
        await pilot.pause()
        detail = screen.query_one("#detail").source.plain
        assert screen.score is not None and item.id in screen.score.missing_notes
        assert "answered n/a: write the reason" in detail
        assert "lost" not in detail.lower()
        await pilot.press("y")  # a yes on a count item is not an answer it takes
        await pilot.pause()
        assert tui_store.answers(screen.visit_id)[item.id].value == "na"


async def test_l_on_the_receipt_writes_the_provisional_letter(
    make_app: AppFactory, campaign: Campaign, tui_store: LocalStore, tmp_path: Path
) -> None:
    import docx

    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await answered_visit(pilot, campaign)
        visit = screen.visit
        await finalize_by_keys(pilot, "档案规范", "无", "买买提")
        assert isinstance(app.screen, ReceiptScreen)
        await app.workers.wait_for_complete()
        await pilot.press("l")
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        hint = app.screen.query_one("#receipt-hint").source.plain
    group = campaign.group(visit.group)
    path = Path("exports") / f"letter-{campaign.id}-{group.id}-team-2-r1-zh.docx"
    assert path.name in hint  # where it went stays on screen
    text = [p.text for p in docx.Document(str(tmp_path / path)).paragraphs]
    assert text[0] == "（考核组现场初步意见）"
    assert f"关于{group.name.zh}2012年上半年工作考核情况的反馈意见" in text
    score = score_visit(campaign, tui_store.answers(visit.id))
    assert any(p.startswith(f"你组考核总分{score.total:.2f}分") for p in text)
    assert "档案规范。" in text
    assert campaign.team("team-2").name.zh in text  # the team signs its provisional letter

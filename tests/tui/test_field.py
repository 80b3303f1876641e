"""The field tool as a team meets it: one key per answer (the cursor moves on), the footer's
keys per item, numbers that wait for Enter with a cue, the visit window, text kept however the
laptop dies, and a finalize dialog that never drops what was typed."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from textual.command import CommandInput
from textual.pilot import Pilot
from textual.widgets import Input, OptionList

from inspect_tui.domain.model import Campaign
from inspect_tui.domain.scoring import NA, YES
from inspect_tui.storage.store import LocalStore
from inspect_tui.tui.app import InspectApp
from inspect_tui.tui.dialogs.confirm import ConfirmDialog
from inspect_tui.tui.dialogs.finalize import FinalizeDialog
from inspect_tui.tui.dialogs.header import HeaderDialog
from inspect_tui.tui.screens.visit import VisitScreen, answering
from inspect_tui.tui.widgets.note_area import NoteArea
from inspect_tui.tui.widgets.wrapped import Wrapped
from tests.support.answers import best_value
from tests.support.visits import open_group, start_visit
from tests.tui.conftest import AppFactory

SIZE = (100, 32)


async def in_visit(pilot: Pilot, item_id: str) -> VisitScreen:
    await open_group(pilot)
    screen = pilot.app.screen
    assert isinstance(screen, VisitScreen)
    screen.goto(item_id)
    await pilot.pause()
    return screen


def footer_keys(screen: VisitScreen) -> dict[str, str]:
    """key -> label of what the footer shows now."""
    return {
        key: active.binding.description
        for key, active in screen.active_bindings.items()
        if active.binding.show and active.enabled
    }


async def test_an_answer_moves_on_and_a_complete_number_too(
    make_app: AppFactory, campaign: Campaign, tui_store: LocalStore
) -> None:
    visit_id = start_visit(tui_store, campaign)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await in_visit(pilot, "office.room")
        await pilot.press("y")
        assert screen.item.id == "office.equipment"
        screen.goto("office.rules")  # a 0-5 scale: 3 takes no further digit
        await pilot.pause()
        await pilot.press("3")
        assert screen.item.id == "office.funds"
        screen.goto("office.leader_present")  # a section's last item: on to the next section
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert screen.item.id == "plans.annual_plan" and screen.section.id == "plans"
    answers = tui_store.answers(visit_id)
    assert answers["office.room"].value == YES and answers["office.rules"].value == 3


async def test_a_count_waits_with_a_cue_until_enter(
    make_app: AppFactory, campaign: Campaign, tui_store: LocalStore
) -> None:
    visit_id = start_visit(tui_store, campaign)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await in_visit(pilot, "reports.social_info")
        await pilot.press("1")
        assert screen.item.id == "reports.social_info"  # 12 could still come
        detail = screen.query_one("#detail", Wrapped).source.plain
        assert "1▏" in detail and "回车确认" in detail
        items = screen.query_one("#items", OptionList)
        assert "1▏" in str(items.get_option_at_index(items.highlighted).prompt)
        shown = footer_keys(screen)
        assert shown["enter"] == "确认数字" and "y" not in shown  # y still works: it takes 1
        assert tui_store.answers(visit_id)["reports.social_info"].value == 1  # saved already
        await pilot.press("2")
        await pilot.press("enter")
        await pilot.pause()
        assert screen.item.id == "reports.suggestions"
        assert tui_store.answers(visit_id)["reports.social_info"].value == 12
        assert not screen.entry.pending


async def test_a_pause_takes_the_number_and_the_next_digit_is_the_next_items(
    make_app: AppFactory, campaign: Campaign, tui_store: LocalStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(answering, "DIGIT_WINDOW", 0.2)
    visit_id = start_visit(tui_store, campaign)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await in_visit(pilot, "reports.social_info")
        await pilot.press("4")
        await pilot.pause(0.5)
        assert screen.item.id == "reports.suggestions"
        await pilot.press("2")  # never joins the 4: the cursor has moved on
        await pilot.pause(0.5)
    answers = tui_store.answers(visit_id)
    assert answers["reports.social_info"].value == 4 and answers["reports.suggestions"].value == 2


async def test_an_answer_key_while_a_number_grows_takes_it_then_answers_the_next(
    make_app: AppFactory, campaign: Campaign, tui_store: LocalStore
) -> None:
    visit_id = start_visit(tui_store, campaign)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await in_visit(pilot, "reports.practical_projects")
        await pilot.press("1", "x")  # 1 for this count, n/a for the next
        await pilot.pause()
        assert screen.item.id == "reports.materials_on_time"
    answers = tui_store.answers(visit_id)
    assert answers["reports.practical_projects"].value == 1
    assert answers["reports.collective_proposal"].value == NA


async def test_the_footer_offers_only_the_keys_the_item_takes(
    make_app: AppFactory, campaign: Campaign, tui_store: LocalStore
) -> None:
    start_visit(tui_store, campaign)
    app = make_app("zh")
    async with app.run_test(size=SIZE) as pilot:
        screen = await in_visit(pilot, "office.room")  # yes or no, no n/a
        shown = footer_keys(screen)
        assert shown["y"] == "是" and shown["n"] == "否" and "x" not in shown
        screen.goto("reports.practical_projects")  # a count that may be n/a
        await pilot.pause()
        shown = footer_keys(screen)
        assert "x" in shown and "y" not in shown and "n" not in shown
        screen.goto("penalties.veto_refusal_or_fraud")
        await pilot.pause()
        shown = footer_keys(screen)
        assert (shown["y"], shown["n"]) == ("触发否决", "未触发")
        screen.goto("penalties.other_findings")  # text only: Enter
        await pilot.pause()
        assert not {"y", "n", "x"} & set(footer_keys(screen))


async def test_moving_on_can_be_turned_off_and_is_remembered(
    make_app: AppFactory, campaign: Campaign, tui_store: LocalStore
) -> None:
    start_visit(tui_store, campaign)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await in_visit(pilot, "office.room")
        titles = {str(c.title) for c in app.get_system_commands(screen)}
        assert "答完自动跳到下一项：关闭" in titles
        app.action_toggle_auto_advance()
        await pilot.press("y")
        assert screen.item.id == "office.room"
    assert tui_store.setting("auto_advance") is False
    again = make_app()
    async with again.run_test(size=SIZE) as pilot:
        assert again.ctx.auto_advance is False


async def test_a_kill_while_a_note_is_typed_loses_nothing(
    make_app: AppFactory, campaign: Campaign, tui_store: LocalStore
) -> None:
    """Every keystroke is on disk before the next: read the visit file as the disk holds it
    while the app still runs, as a kill would leave it."""
    visit_id = start_visit(tui_store, campaign)
    path = tui_store.folder / "visits" / f"{visit_id}.json"
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await in_visit(pilot, "archive.genuine")
        await pilot.press("n", "k", "enter")  # n moved on: back to it, into its note
        assert app.focused is screen.query_one("#note", NoteArea)
        for end, key in enumerate("同一笔迹", start=1):
            await pilot.press(key)
            rows = json.loads(path.read_text(encoding="utf-8"))["answers"].values()
            note = next(r["note"] for r in rows if r["item"] == "archive.genuine")
            assert note == "同一笔迹"[:end]
        await pilot.press("enter", *"补写")  # several lines
        assert [e for e in tui_store.audit(visit_id) if e.action == "note"] == []
        await pilot.press("escape")  # the stretch ends: one audit entry
        await pilot.pause()
        notes = [(e.old, e.new) for e in tui_store.audit(visit_id) if e.action == "note"]
        assert notes == [("", "同一笔迹\n补写")]
        assert app.focused is screen.query_one("#items")


async def test_the_finalize_dialog_never_drops_what_was_typed(
    make_app: AppFactory, campaign: Campaign, tui_store: LocalStore
) -> None:
    visit_id = start_visit(tui_store, campaign, complete=True)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_group(pilot)
        await pilot.press("f")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, FinalizeDialog)
        await pilot.press(*"档案规范", "tab", "tab", *"买买提", "ctrl+s")  # no problems written
        await pilot.pause()
        assert app.screen is dialog  # refused in the dialog, which stays
        said = str(dialog.query_one("#refused").content)
        assert "存在问题" in said or "写明" in said
        assert dialog.query_one("#strengths", NoteArea).text == "档案规范"
        assert tui_store.visit(visit_id).strengths == "档案规范"  # kept as typed, on disk
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("f")
        await pilot.pause()
        again = app.screen
        assert isinstance(again, FinalizeDialog) and again is not dialog
        assert again.query_one("#strengths", NoteArea).text == "档案规范"
        assert again.query_one("#representative", Input).value == "买买提"
    assert tui_store.visit(visit_id).status == "draft"


async def test_missing_visit_information_is_a_blocker_that_opens_it(
    make_app: AppFactory, campaign: Campaign, tui_store: LocalStore
) -> None:
    made = tui_store.start_visit(campaign, "team-2", "kaqun", inspectors=["甲"])
    for item in campaign.items:
        tui_store.set_answer(campaign, made.id, item.id, best_value(campaign, item))
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_group(pilot)
        await pilot.press("f")
        await pilot.pause()
        blockers = app.screen.query_one("#blockers", OptionList)
        first = str(blockers.get_option_at_index(0).prompt)
        assert "考核信息未填完" in first and "考核方式" in first and "检查人" not in first
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, HeaderDialog)


async def test_a_date_outside_the_visit_window_is_taken_only_after_a_yes(
    make_app: AppFactory, campaign: Campaign, tui_store: LocalStore
) -> None:
    visit_id = start_visit(tui_store, campaign)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_group(pilot)
        await pilot.press("i")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, HeaderDialog)
        date = dialog.query_one("#date", Input)
        assert date.value == "2012-07-05"
        date.value = "2012-08-15"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        question = app.screen.query_one("#question", Wrapped).source.plain
        assert "2012-08-15" in question and "2012-07-04" in question
        await pilot.press("n")
        await pilot.pause()
        assert app.screen is dialog
        assert tui_store.visit(visit_id).visit_date == "2012-07-05"
        await pilot.press("ctrl+s", "y")
        await pilot.pause()
        assert isinstance(app.screen, VisitScreen)
    assert tui_store.visit(visit_id).visit_date == "2012-08-15"


async def test_the_palette_speaks_the_users_language(make_app: AppFactory) -> None:
    app: InspectApp = make_app("zh")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        titles = [str(c.title) for c in app.get_system_commands(app.screen)]
        for english in ("Theme", "Keys", "Maximize", "Screenshot", "Quit"):
            assert english not in titles
        for chinese in ("配色", "按键说明", "截屏", "退出", "更改这台电脑的用途"):
            assert chinese in titles
        chosen = [title for title in titles if title != "English"]  # F2 names the other language
        assert all(any(ord(ch) > 0x2E80 for ch in title) for title in chosen), titles
        await pilot.press("ctrl+p")
        await pilot.pause()
        assert app.screen.query_one(CommandInput).placeholder == "搜索命令……"


def whole_or_marked(shown: str, text: str) -> bool:
    """`shown` holds `text` whole, or a start of it ending with "⋯" (never "…")."""
    if "…" in shown:
        return False
    if text in shown:
        return True
    cut = shown.rstrip().removesuffix("⋯")
    return shown.rstrip().endswith("⋯") and any(cut.endswith(text[:n]) for n in range(2, len(text)))


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("size", [(60, 20), (80, 24)])
async def test_item_text_is_shown_whole_or_cut_with_the_mark(
    make_app: AppFactory, campaign: Campaign, tui_store: LocalStore, lang: str, size
) -> None:
    from inspect_tui.words.textwidth import unambiguous

    start_visit(tui_store, campaign)
    app = make_app(lang)
    async with app.run_test(size=size) as pilot:
        screen = await in_visit(pilot, "office.room")
        for section in campaign.sections:
            screen.goto(section.items[0].id)
            await pilot.pause()
            items = screen.query_one("#items", OptionList)
            for index, item in enumerate(section.items):
                prompt = str(items.get_option_at_index(index).prompt)
                assert whole_or_marked(prompt, unambiguous(item.text.get(lang))), prompt
            detail = screen.query_one("#detail", Wrapped).source.plain
            assert section.items[0].text.get(lang) in detail.replace("\n", "")
        title = campaign.title.get(lang)
        assert whole_or_marked(str(app.screen.sub_title), title)


async def test_a_new_visit_brings_the_teams_last_inspectors(
    make_app: AppFactory, campaign: Campaign, tui_store: LocalStore, tmp_path: Path
) -> None:
    start_visit(tui_store, campaign)  # kaqun, by 艾山, with the archive read
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_group(pilot, "huoshilafu")
        dialog = app.screen
        assert isinstance(dialog, HeaderDialog)
        assert dialog.query_one("#inspectors", Input).value == "艾山"
        assert dialog.query_one("#methods", OptionList).selected == ["archive"]  # type: ignore[attr-defined]
        await pilot.press("ctrl+s")  # nothing to type: one key
        await pilot.pause()
        assert isinstance(app.screen, VisitScreen)
        assert app.screen.visit.inspectors == ("艾山",)

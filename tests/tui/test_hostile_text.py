"""Hostile text in every text field of the app, and the crashes of issue 9 that text caused.

Pilot cannot type an escape character as a key, so each string of a fixed corpus is pasted
(`events.Paste`, as a terminal delivers a paste) into every `TextField`: the visit's note (of a
check item and of a text item), the visit header (inspectors, date), the finalize dialog
(strengths, problems, representative), the reopen reason, the group filter, the merge folder,
the export folder and the verify box. Each time: no crash; the field (and the store, where the
field is saved) holds the text with what is not text removed and nothing else changed (brackets,
right-to-left script, emoji, combining marks kept exactly); a toast names the field when something
was removed, and none when nothing was; and nothing on the screen is a raw control character.
"""

from __future__ import annotations

import html
import shutil
from pathlib import Path

import orjson
import pytest
from textual import events
from textual.pilot import Pilot
from textual.widgets import DataTable, OptionList, SelectionList, Static

from inspect_tui.domain.model import Campaign
from inspect_tui.domain.scoring import NO
from inspect_tui.loading.campaign import load_campaign
from inspect_tui.services.results import merge_files
from inspect_tui.storage.bundle import make_bundle, write_bundle
from inspect_tui.storage.county import CountyStore
from inspect_tui.storage.keys import DeviceKey, trust
from inspect_tui.storage.paths import CHECKLISTS
from inspect_tui.storage.store import LocalStore
from inspect_tui.tui.app import InspectApp
from inspect_tui.tui.dialogs.finalize import FinalizeDialog
from inspect_tui.tui.dialogs.group_detail import GroupDetail
from inspect_tui.tui.dialogs.header import HeaderDialog
from inspect_tui.tui.dialogs.reason import ReasonDialog
from inspect_tui.tui.screens.export import ExportScreen
from inspect_tui.tui.screens.groups import GroupsScreen
from inspect_tui.tui.screens.ranking import RankingScreen
from inspect_tui.tui.screens.receipt import ReceiptScreen
from inspect_tui.tui.screens.visit import VisitScreen
from inspect_tui.tui.widgets.note_area import NoteArea
from inspect_tui.tui.widgets.text_field import TextField
from inspect_tui.tui.widgets.wrapped import Wrapped
from inspect_tui.words.i18n import t
from tests.support.files import edit
from tests.support.office import merged_sandbox, office_app
from tests.support.shown import raw_controls
from tests.support.visits import GROUP, open_group, start_visit
from tests.tui.conftest import AppFactory, fixed_store, open_merge, role_app

SIZE = (100, 32)
LONG = "长[b]注" * 500  # 2000 characters, no "/": as a folder name, too long for any file system

# (pasted, what the field holds): only C0/C1 controls and lone surrogates are taken out
CORPUS: list[tuple[str, str]] = [
    ("王[/", "王[/"),
    ("门牌缺失[/", "门牌缺失[/"),
    ("[b]粗[/b]", "[b]粗[/b]"),
    ("[/]", "[/]"),
    ("[red]x", "[red]x"),
    ("\x1b]0;x\x07", "]0;x"),
    ("\x1b[2J\x1b[H", "[2J[H"),
    ("\u202eabc", "\u202eabc"),  # kept as typed; shown as a mark, never obeyed
    ("\u2066x\u2069", "\u2066x\u2069"),
    ("ئۇيغۇر", "ئۇيغۇر"),
    ("\x85", ""),
    ("\ud800", ""),
    ("👍🏽", "👍🏽"),
    ("e\u0301", "e\u0301"),
    ("ＡＢＣ", "ＡＢＣ"),
    (LONG, LONG),
    ("“引号”…—", "“引号”…—"),
    ("[/b]\x9b31m红\x7f", "[/b]31m红"),
]
NOTE_ITEM = "penalties.other_findings"  # a text item: the text is the answer
CHECK_ITEM = "office.room"


def screen_text(app: InspectApp) -> str:
    """Everything the terminal would be sent as text right now (toasts too: the tests run with
    notifications shown)."""
    return html.unescape(app.export_screenshot())


def toasts(app: InspectApp) -> list[str]:
    return [n.message for n in app._notifications]


Field = TextField | NoteArea


def value_of(field: Field) -> str:
    return field.value if isinstance(field, TextField) else field.text


async def paste(pilot: Pilot, field: Field, pasted: str) -> None:
    if isinstance(field, TextField):
        field.value = ""
    else:
        field.load_text("")
    pilot.app.clear_notifications()
    field.post_message(events.Paste(pasted))
    await pilot.pause()


async def paste_checked(pilot: Pilot, field: Field, pasted: str, held: str) -> None:
    """Paste `pasted` into the empty `field`; it holds `held`, the toasts name the field if
    anything was removed (and say nothing otherwise), and the screen shows no raw control."""
    app = pilot.app
    assert isinstance(app, InspectApp)
    await paste(pilot, field, pasted)
    assert value_of(field) == held
    name = t(field.field, app.lang)
    removal = [m for m in toasts(app) if name in m and "不是文字" in m]
    if held != pasted:
        assert removal, (pasted, toasts(app))
    else:
        assert not removal, (pasted, toasts(app))
    shown = screen_text(app)
    assert not raw_controls(shown), (pasted, raw_controls(shown))


# -- every field -------------------------------------------------------------------------------
async def test_the_visit_note_of_a_check_item_and_a_text_item(
    make_app: AppFactory, campaign: Campaign, tui_store: LocalStore
) -> None:
    visit_id = start_visit(tui_store, campaign)
    app = make_app()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await open_group(pilot)
        screen = app.screen
        assert isinstance(screen, VisitScreen)
        note = screen.query_one("#note", NoteArea)
        for item_id in (CHECK_ITEM, NOTE_ITEM):
            screen.goto(item_id)
            await pilot.pause()
            if item_id == CHECK_ITEM:
                await pilot.press("n")
            for pasted, held in CORPUS:
                screen.goto(item_id)  # an answer moves on by itself: back to the item
                await pilot.pause()
                await pilot.press("enter")  # into the note
                assert app.focused is note
                await paste_checked(pilot, note, pasted, held)
                await pilot.press("escape")  # saved all along; back to the list
                await pilot.pause()
                stored = tui_store.answers(visit_id)[item_id]
                if item_id == NOTE_ITEM:
                    assert stored.value == (held or None)
                else:
                    assert (stored.value, stored.note) == (NO, held)
                shown = screen_text(app)
                assert not raw_controls(shown), (pasted, raw_controls(shown))


async def test_the_visit_header_inspectors_and_date(
    make_app: AppFactory, campaign: Campaign, tui_store: LocalStore
) -> None:
    app = make_app()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await open_group(pilot)  # a new visit: the header dialog asks who came
        dialog = app.screen
        assert isinstance(dialog, HeaderDialog)
        for field_id in ("inspectors", "date"):
            field = dialog.query_one(f"#{field_id}", TextField)
            for pasted, held in CORPUS:
                await paste_checked(pilot, field, pasted, held)
        await paste(pilot, dialog.query_one("#date", TextField), "\x1b[2J")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is dialog  # "[2J" is no date: said, not crashed
        assert any("日期" in m for m in toasts(app))
        await paste(pilot, dialog.query_one("#inspectors", TextField), "王[/、\x1b[2J\x07ئۇيغۇر")
        await paste(pilot, dialog.query_one("#date", TextField), "2012-07-06\x85")
        await pilot.press("ctrl+s")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, VisitScreen)
        visit = tui_store.visit(screen.visit_id)
        assert visit.inspectors == ("王[/", "[2Jئۇيغۇر")
        assert visit.visit_date == "2012-07-06"
        head = screen.query_one("#visit-head", Wrapped).source.plain
        assert "王[/" in head and "[2Jئۇيغۇر" in head
        assert not raw_controls(screen_text(app))


async def test_the_finalize_dialog_and_the_receipt(
    make_app: AppFactory, campaign: Campaign, tui_store: LocalStore
) -> None:
    visit_id = start_visit(tui_store, campaign, complete=True)
    app = make_app()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await open_group(pilot)
        await pilot.press("f")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, FinalizeDialog)
        names = ("strengths", "problems", "representative")
        for name in names:
            field = dialog.query_one(f"#{name}", TextField | NoteArea)
            for pasted, held in CORPUS:
                await paste_checked(pilot, field, pasted, held)
        said = {
            "strengths": ("[b]档案规范[/\x1b[2J", "[b]档案规范[/[2J"),
            "problems": ("\u202eئۇيغۇر[/]\x9b", "\u202eئۇيغۇر[/]"),
            "representative": ("王[/\x1b]0;x\x07", "王[/]0;x"),
        }
        for name, (pasted, _) in said.items():
            await paste(pilot, dialog.query_one(f"#{name}", TextField | NoteArea), pasted)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, ReceiptScreen)
        visit = tui_store.visit(visit_id)
        assert visit.status == "final"
        assert {name: getattr(visit, name) for name in names} == {
            name: held for name, (_, held) in said.items()
        }
        receipt = str(app.screen.query_one("#receipt-body", Static).content)
        assert "王[/]0;x" in receipt
        assert not raw_controls(screen_text(app))


async def test_the_reopen_reason(
    make_app: AppFactory, campaign: Campaign, tui_store: LocalStore
) -> None:
    visit_id = start_visit(tui_store, campaign, complete=True)
    tui_store.finalize(visit_id, campaign, strengths="好", problems="无", representative="组长")
    app = make_app()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await open_group(pilot)
        assert isinstance(app.screen, VisitScreen)
        await pilot.press("r")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, ReasonDialog)
        field = dialog.query_one("#reason", TextField)
        for pasted, held in CORPUS:
            await paste_checked(pilot, field, pasted, held)
        await paste(pilot, field, "补交[/b]\x1b[2J计划")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, VisitScreen)
        last = tui_store.audit(visit_id)[-1]
        assert (last.action, last.reason) == ("reopen", "补交[/b][2J计划")
        assert not raw_controls(screen_text(app))


async def test_the_group_filter(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, GroupsScreen)
        field = screen.query_one("#filter", TextField)
        for pasted, held in CORPUS:
            await paste_checked(pilot, field, pasted, held)
            rows = screen.query_one("#groups", OptionList).option_count
            assert rows == (14 if not held else 0)  # no group is called so
        await paste(pilot, field, "喀\x1b群")
        assert field.value == "喀群"
        assert screen.query_one("#groups", OptionList).option_count == 1


async def test_the_merge_folder(campaign: Campaign, tmp_path: Path) -> None:
    folder = tmp_path / "lead"
    with LocalStore(folder) as store:
        app = role_app(campaign, store, "lead", exports=folder / "exports")
        async with app.run_test(size=SIZE, notifications=True) as pilot:
            await pilot.pause()
            screen = await open_merge(pilot)
            field = screen.query_one("#merge-folder", TextField)
            for pasted, held in CORPUS:
                field.focus()
                await paste_checked(pilot, field, pasted, held)
                await pilot.press("enter")  # looks in that folder: there is none
                await app.workers.wait_for_complete()
                await pilot.pause()
                assert app.screen is screen
                assert screen.query_one("#bundles", SelectionList).option_count == 0
                assert not raw_controls(screen_text(app))


async def test_the_export_folder_and_the_verify_box(
    campaign: Campaign, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    sandbox = merged_sandbox(tmp_path / "sandbox", campaign)
    with LocalStore(sandbox) as store:
        app = office_app(campaign, store, "zh")
        async with app.run_test(size=(100, 40), notifications=True) as pilot:
            await pilot.pause()
            screen = app.screen
            assert isinstance(screen, ExportScreen)
            formats = screen.query_one("#formats", SelectionList)
            formats.deselect_all()
            formats.select("csv")
            folder = screen.query_one("#export-folder", TextField)
            verify = screen.query_one("#verify-input", TextField)
            for pasted, held in CORPUS:
                await paste_checked(pilot, folder, pasted, held)
                await pilot.press("ctrl+s")
                await app.workers.wait_for_complete()
                await pilot.pause()
                assert app.screen is screen
                result = screen.query_one("#export-result", Wrapped).source.plain
                if held and held != LONG:  # written into a folder of exactly that name
                    assert (tmp_path / held).is_dir(), (pasted, result)
                if held == LONG:  # no system takes such a name: one line, no crash
                    assert result.startswith("无法写入") and "未留下不完整的文件" in result
                assert not raw_controls(screen_text(app))
                verify.focus()
                await paste_checked(pilot, verify, pasted, held)
                await pilot.press("enter")
                await app.workers.wait_for_complete()
                await pilot.pause()
                assert app.screen is screen
                checked = screen.query_one("#verify-result", Wrapped).source.plain
                if held.strip():
                    assert checked  # a verdict or a one-line refusal, never a crash
                assert not raw_controls(screen_text(app))


# -- the crashes of issue 9 ---------------------------------------------------------------------
async def test_a_visit_with_a_markup_like_note_and_name_opens_and_opens_again(
    make_app: AppFactory, campaign: Campaign, tmp_path: Path
) -> None:
    """`王[/` as an inspector's name and `门牌缺失[/` as a note crashed the visit screen, for
    good: the visit could never be opened again."""
    folder = tmp_path / "laptop"
    with fixed_store(folder) as store:
        visit = store.start_visit(campaign, "team-2", GROUP, inspectors=["王[/"], methods=[])
        store.set_answer(campaign, visit.id, CHECK_ITEM, NO, "门牌缺失[/")
        store.set_answer(campaign, visit.id, NOTE_ITEM, "[/b]另查[/")
    for _run in range(2):  # and again after a restart
        with fixed_store(folder) as store:
            app = make_app(store=store)
            async with app.run_test(size=SIZE, notifications=True) as pilot:
                await open_group(pilot)
                screen = app.screen
                assert isinstance(screen, VisitScreen)
                head = screen.query_one("#visit-head", Wrapped).source.plain
                assert "王[/" in head
                screen.goto(CHECK_ITEM)
                await pilot.pause()
                assert screen.query_one("#note", NoteArea).text == "门牌缺失[/"
                screen.goto(NOTE_ITEM)
                await pilot.pause()
                assert screen.query_one("#note", NoteArea).text == "[/b]另查[/"
                await pilot.press("ctrl+q")


def hostile_campaign(root: Path) -> Path:
    """The bundled campaign with kaqun renamed `[/b]喀群乡[/`; its main file."""
    root.mkdir(parents=True, exist_ok=True)
    for name in ("shache-2012-h1.toml", "outline-shache.toml", "roster-shache.toml"):
        shutil.copy(CHECKLISTS / name, root / name)
    edit(root / "roster-shache.toml", 'zh = "喀群乡"', 'zh = "[/b]喀群乡[/"')
    return root / "shache-2012-h1.toml"


def signed_note(tmp_path: Path, campaign: Campaign, note: str) -> tuple[Path, DeviceKey]:
    """Team 2's finalized kaqun, `office.room` answered no with `note` (put into the visit file
    by hand where the app would refuse it), signed: the bundle's path and the laptop's key."""
    laptop = tmp_path / "laptop"
    with LocalStore(laptop) as store:
        visit_id = start_visit(store, campaign, complete=True)
        store.set_answer(campaign, visit_id, CHECK_ITEM, NO, "placeholder")
        store.finalize(visit_id, campaign, strengths="好", problems="无", representative="组长")
    path = laptop / "visits" / f"{visit_id}.json"
    data = orjson.loads(path.read_bytes())
    row = next(r for r in data["answers"].values() if r["item"] == CHECK_ITEM)
    row["note"] = note
    path.write_bytes(orjson.dumps(data))
    with LocalStore(laptop) as store:
        device = DeviceKey(laptop)
        bundle = make_bundle(campaign, store, "team-2", device, created_at="2012-07-10T18:00:00Z")
    return write_bundle(bundle, tmp_path / "out"), device


@pytest.mark.parametrize(
    ("note", "shown"),
    [("门牌缺失[/", "门牌缺失[/"), ("\x1b]0;x\x07\x1b[2J", "␛]0;x␇␛[2J")],
    ids=["markup", "escape"],
)
async def test_the_ranking_drill_down_shows_a_merged_note_and_a_markup_like_name(
    note: str, shown: str, tmp_path: Path
) -> None:
    """A merged note `门牌缺失[/` crashed the lead's drill-down; a team note with an escape
    sequence set the terminal's title and cleared its screen. A group named `[/b]…[/` too."""
    campaign = load_campaign(hostile_campaign(tmp_path / "checklists"))
    bundle, device = signed_note(tmp_path, campaign, note)
    lead = tmp_path / "lead"
    with LocalStore(lead) as store:
        trust(campaign, store, "team-2", device.public)
        with CountyStore(lead, campaign) as county:
            assert merge_files(campaign, store, county, [bundle])[1] == []
        app = role_app(campaign, store, "lead", exports=lead / "exports")
        async with app.run_test(size=(120, 40), notifications=True) as pilot:
            await pilot.pause()
            await pilot.press("p")
            await pilot.pause()
            assert isinstance(app.screen, RankingScreen)
            table = app.screen.query_one("#ranking", DataTable)
            keys = [
                table.coordinate_to_cell_key((r, 0)).row_key.value for r in range(table.row_count)
            ]
            row = keys.index(GROUP)
            assert "[/b]喀群乡[/" in str(table.get_cell_at((row, 1)))
            table.move_cursor(row=row)
            await pilot.press("enter")
            await pilot.pause()
            assert isinstance(app.screen, GroupDetail)
            body = app.screen.query_one("#detail-body", Wrapped).source.plain
            assert body.startswith("[/b]喀群乡[/")
            assert shown in body
            assert not raw_controls(screen_text(app))


async def test_a_junk_file_named_like_markup_does_not_crash_the_merge_screen(
    campaign: Campaign, tmp_path: Path
) -> None:
    lead = tmp_path / "lead"
    (lead / "exports").mkdir(parents=True)
    junk = lead / "exports" / "[b]坏[\x1b]0;x\x07.json"  # no "/" in a file name
    junk.write_text('{"format": "[/", "team": "[/b]", "visits": [', encoding="utf-8")
    with LocalStore(lead) as store:
        app = role_app(campaign, store, "lead", exports=lead / "exports")
        async with app.run_test(size=(120, 40), notifications=True) as pilot:
            await pilot.pause()
            screen = await open_merge(pilot)
            box = screen.query_one("#bundles", SelectionList)
            assert box.option_count == 1 and not box.selected  # refused, not ticked
            prompt = str(box.get_option_at_index(0).prompt)
            assert "[b]坏[␛]0;x␇.json" in prompt
            assert not raw_controls(screen_text(app))
            await pilot.press("ctrl+s")  # nothing chosen: merges nothing, says so
            await app.workers.wait_for_complete()
            await pilot.pause()
            assert app.screen is screen
            assert "拒收 1 个文件" in screen.query_one("#merge-result", Wrapped).source.plain
            assert not screen.query_one("#conflicts", OptionList).display


async def test_a_toast_shows_its_words_as_text(make_app: AppFactory) -> None:
    """Toasts carry names, file names and refusal reasons: never markup, even when a caller
    asks for it, and control characters shown."""
    app = make_app()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        app.notify("王[/\x1b]0;x\x07", markup=True)
        await pilot.pause()
        shown = screen_text(app)
        assert "王[/␛]0;x␇" in shown
        assert not raw_controls(shown)

"""The office in the app: the export screen writes the chosen formats with progress and shows
where they went and the code to print; bad requests get one line."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.content import Content
from textual.widgets import Input, ProgressBar, SelectionList, Static

from inspect_tui.domain.model import Campaign
from inspect_tui.storage.store import LocalStore
from inspect_tui.tui.screens.export import ExportScreen
from inspect_tui.tui.widgets.wrapped import Wrapped
from tests.support.office import export_now, merged_sandbox, office_app
from tests.tui.conftest import fixed_store

SIZE = (100, 32)


def styled(static: Wrapped) -> str:
    """What the widget shows with its styles, written as markup (to compare, never parsed),
    before it is wrapped to the screen's width."""
    content = static.source
    assert isinstance(content, Content)  # never a str, which Textual would read as markup
    assert isinstance(static.content, Content)
    return content.markup


@pytest.fixture
def office(campaign: Campaign, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)  # exports/ lands in the test's own folder
    return merged_sandbox(tmp_path / "sandbox", campaign)


async def test_export_writes_every_format_and_shows_the_code(
    campaign: Campaign, office: Path, tmp_path: Path
) -> None:
    with LocalStore(office) as store:
        app = office_app(campaign, store)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            await export_now(pilot)
            screen = app.screen
            assert isinstance(screen, ExportScreen)
            assert len(screen.query_one("#formats", SelectionList).selected) == 5
            bar = screen.query_one("#export-progress", ProgressBar)
            assert bar.progress == bar.total == 7
            shown = screen.query_one("#export-result", Wrapped).source.plain
    [made] = (tmp_path / "exports").iterdir()  # one export, one folder of its own
    files = sorted(made.iterdir())
    assert {p.suffix for p in files} == {".xlsx", ".csv", ".html", ".docx"} and len(files) == 5
    assert shown.startswith(
        f"Exported 5 file(s) into {Path('exports') / made.name}\nVerification code "
    )
    code = shown.splitlines()[1].rsplit(" ", 1)[-1]
    assert all(f"  {p.name}" in shown.splitlines() for p in files)
    assert f"# Verification code: {code}" in next(p for p in files if p.suffix == ".csv").read_text(
        "utf-8-sig"
    )


async def test_only_the_ticked_formats_and_none_is_refused(
    campaign: Campaign, office: Path, tmp_path: Path
) -> None:
    with LocalStore(office) as store:
        app = office_app(campaign, store)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            formats = app.screen.query_one("#formats", SelectionList)
            formats.deselect_all()
            await pilot.press("ctrl+s")
            await pilot.pause()
            result = app.screen.query_one("#export-result", Wrapped)
            assert styled(result) == "[red]Tick at least one format[/red]"
            formats.select("csv")
            await pilot.press("ctrl+s")
            await app.workers.wait_for_complete()
            await pilot.pause()
    [made] = (tmp_path / "exports").iterdir()
    assert [p.suffix for p in made.iterdir()] == [".csv"]


async def test_an_empty_county_store_says_so_in_one_line(
    campaign: Campaign, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    with LocalStore(tmp_path / "empty") as store:
        app = office_app(campaign, store)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            await export_now(pilot)
            shown = styled(app.screen.query_one("#export-result", Wrapped))
    assert shown == (
        f"[red]the county store in {tmp_path / 'empty'} has no results to rank yet:"
        " merge the teams' files first[/red]"
    )
    assert not (tmp_path / "exports").exists()


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_export_screen_snapshot(snap_compare, campaign: Campaign, office: Path, lang: str) -> None:
    store = fixed_store(office)
    store.__enter__()
    try:
        assert snap_compare(
            office_app(campaign, store, lang), terminal_size=(80, 24), run_before=export_now
        )
    finally:
        store.close()


async def test_f2_puts_the_whole_screen_and_the_result_into_the_other_language(
    campaign: Campaign, office: Path
) -> None:
    with LocalStore(office) as store:
        app = office_app(campaign, store)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            await pilot.press("space")  # the first format, at once: it is highlighted
            await pilot.pause()
            formats = app.screen.query_one("#formats", SelectionList)
            assert "xlsx" not in formats.selected
            await pilot.press("ctrl+s")
            await app.workers.wait_for_complete()
            await pilot.pause()
            await pilot.press("f2")
            await pilot.pause()
            screen = app.screen
            title = screen.query_one("#export-title", Static).content.markup
            result = screen.query_one("#export-result", Wrapped).source.plain
            prompt = str(formats.get_option("csv").prompt)
    assert title == "[bold]导出排名与通报草稿（空格勾选，Ctrl+S 导出）[/bold]"
    assert result.startswith("已导出 4 个文件到 exports/")
    assert result.splitlines()[1].startswith("验证码 ")
    assert prompt == "CSV 排名表（Excel、WPS 可直接打开）"


async def test_a_printed_code_verifies_on_the_export_screen(
    campaign: Campaign, office: Path
) -> None:
    with LocalStore(office) as store:
        app = office_app(campaign, store)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            await export_now(pilot)
            shown = app.screen.query_one("#export-result", Wrapped).source.plain
            code = shown.splitlines()[1].rsplit(" ", 1)[-1]
            box = app.screen.query_one("#verify-input", Input)
            for typed, verdict in ((code.replace("-", " "), "match"), ("0000", None)):
                box.value = typed
                box.focus()
                await pilot.press("enter")
                await app.workers.wait_for_complete()
                await pilot.pause()
                said = styled(app.screen.query_one("#verify-result", Wrapped))
                if verdict:
                    assert said == f"[green]match: 38 groups, code {code} (shache-2012-h1)[/green]"
                else:
                    assert said == (
                        "[red]0000: not a verification code, and no code was found in it[/red]"
                    )
            await pilot.press("f2")
            await pilot.pause()
            said = styled(app.screen.query_one("#verify-result", Wrapped))
    assert said == "[red]0000：不是验证码，文件中也找不到验证码[/red]"

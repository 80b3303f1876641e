"""Evidence on an item, driven with the keyboard: `e` opens the picker on a folder of photos,
Enter on a file keeps it, and the item's detail names it. File names in the tree are text: a
name with markup brackets, a direction control or an escape sequence is shown, not obeyed."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.pilot import Pilot

from inspect_tui.storage.store import LocalStore
from inspect_tui.tui.dialogs.evidence import EvidenceDialog, FileTree
from inspect_tui.tui.screens.groups import GroupsScreen
from inspect_tui.tui.screens.visit import VisitScreen
from inspect_tui.tui.widgets.wrapped import Wrapped
from tests.tui.conftest import AppFactory

PHOTO = "档案第3页.jpg"
MARKUP = "x[b]y[i]\u202e.png"  # no "[/": a file name cannot hold a slash
ESCAPE = "t\x1b]0;x\x07.jpg"


async def until(pilot: Pilot, done: object, tries: int = 100) -> None:
    """Pause until `done()` holds: the tree loads and the file is kept in workers."""
    for _ in range(tries):
        if done():  # type: ignore[operator]
            return
        await pilot.pause(0.05)
    raise AssertionError("timed out")


async def open_visit(pilot: Pilot) -> VisitScreen:
    app = pilot.app
    await pilot.pause()
    assert isinstance(app.screen, GroupsScreen)
    await pilot.press("enter")
    await pilot.pause()
    if not isinstance(app.screen, VisitScreen):  # a new visit asks who came first
        await pilot.press(*"努尔东", "enter", "enter", "space", "ctrl+s")
        await pilot.pause()
    assert isinstance(app.screen, VisitScreen)
    return app.screen


def labels(tree: FileTree) -> dict[str, str]:
    """File name -> the label as drawn."""
    return {
        node.data.path.name: tree.render_label(node, tree.rich_style, tree.rich_style).plain
        for node in tree.root.children
        if node.data is not None
    }


async def test_a_picked_file_is_kept_and_named_in_the_items_detail(
    make_app: AppFactory,
    tui_store: LocalStore,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    phone = tmp_path / "phone"
    phone.mkdir()
    for name in (PHOTO, MARKUP, ESCAPE, ".hidden.jpg"):
        (phone / name).write_bytes(name.encode())
    monkeypatch.setenv("HOME", str(phone))  # the picker starts at the user's home
    app = make_app(lang="en")
    async with app.run_test(size=(100, 32)) as pilot:
        screen = await open_visit(pilot)
        item = screen.item.id
        await pilot.press("e")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, EvidenceDialog)
        tree = dialog.query_one(FileTree)
        await until(pilot, lambda: len(tree.root.children) == 3)
        shown = labels(tree)
        assert ".hidden.jpg" not in shown
        assert MARKUP.replace("\u202e", "\\u202e") in shown[MARKUP]  # brackets as they are
        assert "t␛]0;x␇.jpg" in shown[ESCAPE] and "\x1b" not in shown[ESCAPE]
        for _ in range(len(shown) + 1):
            if tree.cursor_node is not None and tree.cursor_node.label.plain == PHOTO:
                break
            await pilot.press("down")
        await pilot.press("enter")
        await until(pilot, lambda: screen.evidence.get(item))
        await pilot.pause()
        assert app.screen is screen
        detail = screen.query_one("#detail", Wrapped).source.plain
        assert PHOTO in detail
        assert screen.evidence[item] == (PHOTO,)
        visit_id = screen.visit_id
    (kept,) = tui_store.evidence(visit_id)[item]
    assert (kept.name, kept.size, kept.suffix) == (PHOTO, len(PHOTO.encode()), ".jpg")


async def test_escape_picks_nothing_and_a_refused_name_says_so(
    make_app: AppFactory,
    tui_store: LocalStore,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    phone = tmp_path / "phone"
    phone.mkdir()
    (phone / ESCAPE).write_bytes(b"x")
    monkeypatch.setenv("HOME", str(phone))
    app = make_app(lang="en")
    said: list[str] = []
    notify = app.notify
    monkeypatch.setattr(app, "notify", lambda message, **kw: (said.append(message),
                                                              notify(message, **kw)))  # fmt: skip
    async with app.run_test(size=(100, 32)) as pilot:
        screen = await open_visit(pilot)
        await pilot.press("e")
        await pilot.pause()
        assert isinstance(app.screen, EvidenceDialog)
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is screen and screen.evidence == {}
        await pilot.press("e")
        await pilot.pause()
        tree = app.screen.query_one(FileTree)
        await until(pilot, lambda: len(tree.root.children) == 1)
        await pilot.press("down", "enter")
        await until(pilot, lambda: any("U+001B" in message for message in said))
        assert next(m for m in said if "U+001B" in m).count("\n") == 0
        assert app.screen is screen and screen.evidence == {}
        assert not (tui_store.folder / "evidence").exists()

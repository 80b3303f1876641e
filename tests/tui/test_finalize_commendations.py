"""The finalize dialog's commendations (issue 10): keyboard only, Tab from the last field
reaches the list, Space ticks one, finalize stores it; reopened and finalized again, the
previous ticks are there; the dialog still fits 80x24."""

from __future__ import annotations

from textual.pilot import Pilot
from textual.widgets import Button, SelectionList

from inspect_tui.domain.model import Campaign
from inspect_tui.storage.store import LocalStore
from inspect_tui.tui.dialogs.finalize import FinalizeDialog
from inspect_tui.tui.screens.receipt import ReceiptScreen
from tests.support.visits import open_group, start_visit
from tests.tui.conftest import AppFactory

SIZE = (80, 24)
TRIPS = "study-trips"


async def open_dialog(pilot: Pilot) -> FinalizeDialog:
    await open_group(pilot)
    await pilot.press("f")
    await pilot.pause()
    dialog = pilot.app.screen
    assert isinstance(dialog, FinalizeDialog)
    return dialog


async def test_tab_reaches_the_commendations_and_space_ticks_one(
    make_app: AppFactory, campaign: Campaign, tui_store: LocalStore
) -> None:
    visit_id = start_visit(tui_store, campaign, complete=True)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        dialog = await open_dialog(pilot)
        listed = dialog.query_one("#commendations", SelectionList)
        prompts = [str(listed.get_option_at_index(i).prompt) for i in range(listed.option_count)]
        assert prompts == [c.text.zh for c in campaign.outline.commendations]
        assert listed.selected == []  # none ticked by default
        for typed in ("good", "late", "Ali"):  # strengths, problems, representative
            await pilot.press(*typed, "tab")
        assert app.focused is listed
        await pilot.press("down", "space")
        assert listed.selected == [TRIPS]
        # the whole dialog is on screen at 80x24, down to the button
        button = dialog.query_one("#confirm", Button)
        frame = dialog.query_one(".dialog").region
        assert frame.bottom <= SIZE[1] - 1  # above the footer
        assert frame.contains_region(listed.region) and frame.contains_region(button.region)
        assert button.region.bottom < frame.bottom  # not under the border
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, ReceiptScreen)
    visit = tui_store.visit(visit_id)
    assert (visit.status, visit.representative, visit.commendations) == ("final", "Ali", (TRIPS,))


async def test_reopened_and_finalized_again_the_ticks_are_kept(
    make_app: AppFactory, campaign: Campaign, tui_store: LocalStore
) -> None:
    visit_id = start_visit(tui_store, campaign, complete=True)
    tui_store.finalize(
        visit_id,
        campaign,
        strengths="good",
        problems="late",
        representative="Ali",
        commendations=[TRIPS],
    )
    tui_store.reopen(visit_id, "one more document")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        dialog = await open_dialog(pilot)
        assert dialog.query_one("#commendations", SelectionList).selected == [TRIPS]
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, ReceiptScreen)
    visit = tui_store.visit(visit_id)
    assert (visit.status, visit.revision, visit.commendations) == ("final", 2, (TRIPS,))

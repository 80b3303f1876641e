"""The app starts on the bundled campaign (the walkthrough screens come with their own issue)."""

from __future__ import annotations

import pytest
from textual.widgets import Static

from inspect_tui.core.model import Campaign
from inspect_tui.core.store import LocalStore
from inspect_tui.tui.app import InspectApp


@pytest.mark.parametrize(
    ("lang", "expected"),
    [("zh", ["莎车县2012年上半年", "较好 ≥ 85"]), ("en", ["Shache County 2012", "Good ≥ 85"])],
)
async def test_app_opens_on_the_campaign(
    campaign: Campaign, store: LocalStore, lang: str, expected: list[str]
) -> None:
    app = InspectApp(campaign=campaign, store=store, lang=lang)  # type: ignore[arg-type]
    async with app.run_test(size=(80, 24)) as pilot:
        shown = str(app.query_one("#campaign", Static).content)
        for text in expected:
            assert text in shown
        await pilot.press("q")
    assert app.return_code == 0

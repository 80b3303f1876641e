"""A day in the field: a whole group scored at 80x24 from the keyboard, in at most 60 keys
(answers, digits, the Enter a number needs, the visit information and finalize)."""

from __future__ import annotations

from inspect_tui.domain.model import Campaign
from inspect_tui.domain.scoring import score_visit
from inspect_tui.storage.store import LocalStore
from inspect_tui.tui.screens.receipt import ReceiptScreen
from tests.support.answers import best_value
from tests.support.field_day import NEXT, finalize, morning, score_the_next_group
from tests.tui.conftest import AppFactory

MOST_KEYS = 60


async def test_a_whole_group_from_the_keyboard_in_at_most_sixty_keys(
    make_app: AppFactory, campaign: Campaign, tui_store: LocalStore
) -> None:
    morning(tui_store, campaign)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        keys = await score_the_next_group(pilot, campaign)
        await finalize(pilot, keys)
        assert isinstance(app.screen, ReceiptScreen)
    visit = tui_store.find_visit(campaign.id, "team-2", NEXT)
    assert visit is not None and visit.status == "final"
    assert visit.inspectors == ("努尔东·艾山", "阿依古丽")  # the morning's, not typed again
    answers = tui_store.answers(visit.id)
    expected = {i.id: best_value(campaign, i) for i in campaign.items if i.kind != "note"}
    assert {k: v.value for k, v in answers.items()} == expected
    assert score_visit(campaign, answers).total == 100
    print(f"\n[field day] {len(keys.pressed)} keys and {keys.typed} characters of remarks")
    assert len(keys.pressed) <= MOST_KEYS, keys.pressed

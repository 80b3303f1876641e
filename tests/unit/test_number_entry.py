"""A number typed digit by digit: complete at once when no further digit could give a value the
item takes (so the cursor moves on with no Enter), else it may grow until Enter or a pause."""

from __future__ import annotations

from dataclasses import replace

import pytest

from inspect_tui.domain.model import Campaign
from inspect_tui.domain.scoring import MAX_COUNT
from inspect_tui.tui.number_entry import NumberEntry, most


def typing(campaign: Campaign, item_id: str, digits: str) -> list[tuple[int, bool]]:
    entry, item = NumberEntry(), campaign.item(item_id)
    return [entry.type(item, int(d)) for d in digits]


def test_a_digit_on_a_small_scale_is_complete_at_once(campaign: Campaign) -> None:
    assert most(campaign.item("office.rules")) == 5
    assert typing(campaign, "office.rules", "3") == [(3, True)]


def test_zero_is_complete_anywhere(campaign: Campaign) -> None:
    for item_id in ("reports.social_info", "penalties.dodged_inspection", "office.rules"):
        assert typing(campaign, item_id, "0") == [(0, True)]


def test_a_count_grows_until_enter(campaign: Campaign) -> None:
    assert most(campaign.item("reports.social_info")) == MAX_COUNT
    assert typing(campaign, "reports.social_info", "12") == [(1, False), (12, False)]


def test_a_count_of_the_most_digits_is_complete(campaign: Campaign) -> None:
    done = typing(campaign, "reports.social_info", str(MAX_COUNT))
    assert done[-1] == (MAX_COUNT, True)


def test_a_digit_past_the_maximum_starts_a_new_number(campaign: Campaign) -> None:
    item = replace(campaign.item("office.rules"), points=10)
    entry = NumberEntry()
    assert entry.type(item, 1) == (1, False)  # 10 is still possible
    assert entry.type(item, 0) == (10, True)
    entry = NumberEntry()
    entry.type(item, 1)
    assert entry.type(item, 5) == (5, True)  # 15 is past 10: a new number


def test_digits_on_another_item_start_afresh(campaign: Campaign) -> None:
    entry = NumberEntry()
    entry.type(campaign.item("reports.social_info"), 1)
    assert entry.pending
    assert entry.type(campaign.item("reports.suggestions"), 2) == (2, False)
    entry.clear()
    assert not entry.pending


@pytest.mark.parametrize("digits", ["05", "005"])
def test_leading_zeros_make_no_number_longer(campaign: Campaign, digits: str) -> None:
    assert typing(campaign, "reports.social_info", digits)[0] == (0, True)

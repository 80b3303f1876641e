"""What a feedback letter tells a group: the ranking's own figures, the county's averages, what
each shortfall cost with the teams' notes; a provisional letter has no rank and no average."""

from __future__ import annotations

from statistics import fmean

import pytest

from inspect_tui.domain.model import Campaign
from inspect_tui.domain.scoring import NO, YES, Answer, score_visit
from inspect_tui.reports.dataset import ExportData, gather
from inspect_tui.reports.dataset import Shortfall as CountedShortfall
from inspect_tui.reports.letter_data import county_letters, provisional_letter, shortfalls
from inspect_tui.services.demo import make_demo
from inspect_tui.services.results import merge_files
from inspect_tui.storage.county import CountyStore
from inspect_tui.storage.store import LocalStore


@pytest.fixture(scope="module")
def data(tmp_path_factory: pytest.TempPathFactory) -> ExportData:
    from inspect_tui.loading.campaign import load_campaign
    from inspect_tui.storage.paths import BUNDLED_CAMPAIGN

    campaign = load_campaign(BUNDLED_CAMPAIGN)
    folder = tmp_path_factory.mktemp("letters")
    bundles = make_demo(folder, campaign, synthetic=True)
    with LocalStore(folder) as store, CountyStore(store.folder, campaign) as county:
        merge_files(campaign, store, county, bundles)
        return gather(campaign, store.folder)


def test_every_ranked_group_gets_a_letter_with_the_rankings_figures(data: ExportData) -> None:
    letters = county_letters(data)
    assert [letter.group.id for letter in letters] == [row.group.id for row in data.rows]
    for letter, row in zip(letters, data.rows, strict=True):
        assert (letter.rank, letter.total, letter.tier, letter.vetoed) == (
            row.rank, row.total, row.tier, row.vetoed,
        )  # fmt: skip
        shown = {s.section.id: s.score for s in letter.sections}
        assert shown == {s.id: row.sections[s.id] for s in data.sections}  # those with points
        assert letter.ranked == len(data.rows) and not letter.provisional


def test_section_averages_are_the_countys(data: ExportData) -> None:
    letter = county_letters(data)[0]
    for line in letter.sections:
        expected = fmean(row.sections[line.section.id] for row in data.rows)
        assert line.average == pytest.approx(expected)


def test_a_shortfall_says_what_it_cost_and_keeps_each_note_once(campaign: Campaign) -> None:
    one = {"office.room": Answer(NO, "门牌缺失[/"), "office.funds": Answer(NO, "无经费")}
    other = {"office.room": Answer(NO, "门牌缺失[/"), "office.funds": Answer(YES, "")}
    found = {s.item.id: s for s in shortfalls(campaign, [one, other])}
    room_cost = next(e.lost for e in score_visit(campaign, one).lost if e.item_id == "office.room")
    funds_cost = next(
        e.lost for e in score_visit(campaign, one).lost if e.item_id == "office.funds"
    )
    assert found["office.room"].lost == pytest.approx(room_cost)
    assert found["office.room"].notes == ("门牌缺失[/",)  # the same words once, as typed
    assert found["office.funds"].lost == pytest.approx(funds_cost / 2)  # one visit of two
    assert list(found) == [i.id for i in campaign.items if i.id in found]  # outline order


def test_a_provisional_letter_has_the_visits_score_and_no_rank_or_average(
    campaign: Campaign,
) -> None:
    answers = {"office.room": Answer(NO, "门牌缺失"), "office.staff": Answer(YES, "")}
    group = campaign.groups[0]
    letter = provisional_letter(campaign, group, answers, "  档案整齐  ")
    score = score_visit(campaign, answers)
    assert (letter.total, letter.tier, letter.vetoed) == (score.total, score.tier, score.vetoed)
    assert letter.provisional and letter.rank is None
    assert all(line.average is None for line in letter.sections)
    assert letter.strengths == ("档案整齐",)
    assert [s.item.id for s in letter.shortfalls] == ["office.room"]


def test_a_letter_lists_only_what_the_dataset_counts_as_the_groups_shortfall(
    campaign: Campaign,
) -> None:
    # three teams, combined by the median: one team's lost point is not the group's shortfall
    short = {"office.room": Answer(NO, "门牌缺失")}
    full = {"office.room": Answer(YES, "")}
    counted = [CountedShortfall("office.funds", ("无经费",), ("team-1",))]
    assert shortfalls(campaign, [short, full, full], counted) == ()
    assert [s.item.id for s in shortfalls(campaign, [short, full, full])] == ["office.room"]

"""Hand-computed visits of the bundled half-year campaign (period: 6 months).

Section points in the bundled outline: office 20, plans 15 (12 asked in a half-year: the
year-end summary is left out and the section rescaled), archive 20, study 15, reports 30.
"""

from __future__ import annotations

from fractions import Fraction

import pytest

from inspect_tui.domain.model import Campaign
from inspect_tui.domain.scoring import (
    NA,
    NO,
    YES,
    Answer,
    check_answer,
    score_visit,
    tier_for,
    to_float,
)
from inspect_tui.words.errors import AnswerError
from tests.support.answers import perfect


def with_changes(campaign: Campaign, **changes: Answer) -> dict[str, Answer]:
    answers = perfect(campaign)
    for key, answer in changes.items():
        item_id = key.replace("__", ".")
        assert item_id in answers, item_id
        answers[item_id] = answer
    return answers


def test_perfect_visit_scores_full_marks(campaign: Campaign) -> None:
    result = score_visit(campaign, perfect(campaign))
    assert result.total == 100
    assert result.tier.id == "good"
    assert result.complete and not result.unanswered and not result.lost
    assert [s.score for s in result.sections] == [20, 15, 20, 15, 30, 0]


def test_visit_with_na_items_rescales_only_its_section(campaign: Campaign) -> None:
    # A group formed mid-period: no practical project or collective proposal is expected.
    # reports: applicable max 30 - 3 - 3 = 24; earned 24 - 5 + 4/6 x 5 = 67/3
    # reports points = 30 x (67/3) / 24 = 27.9166...; total = 70 + 27.9166... = 97.92
    answers = with_changes(
        campaign,
        reports__practical_projects=Answer(NA, "新成立，本期不要求"),
        reports__collective_proposal=Answer(NA, "新成立，本期不要求"),
        reports__social_info=Answer(4, "只报送了4条社情民意信息"),
    )
    result = score_visit(campaign, answers)
    reports = result.section("reports")
    assert reports.max == 24
    assert reports.earned == Fraction(67, 3)
    assert reports.score == 27.92
    assert result.total == 97.92
    assert result.tier.id == "good"
    # 5/3 of the item's own points, worth 30/24 each in the rescaled section: 2.08 = 100 - 97.92
    assert [(lost.item_id, lost.lost) for lost in result.lost] == [("reports.social_info", 2.08)]
    assert result.lost[0].note == "只报送了4条社情民意信息"


def test_visit_with_deductions_from_sections_and_total(campaign: Campaign) -> None:
    # office: leader absent (2 lost) and deducted 5 -> 18 - 5 = 13
    # archive: records not genuine (3) and catalogue 2 of 4 (2) -> 15, fabricated x3 = 15,
    #          capped at 10 -> 5
    # total-level: two unexcused absences x 2 = 4
    # 13 + 15 + 5 + 15 + 30 - 4 = 74 -> fair
    answers = with_changes(
        campaign,
        office__leader_present=Answer(NO, "组长外出，未迎检"),
        penalties__leader_absent=Answer(1, "组长无故缺席"),
        archive__genuine=Answer(NO, "记录为迎检前同一天同一笔迹补写"),
        archive__catalogue=Answer(2, "目录不全"),
        penalties__fabricated_records=Answer(3, "会议、活动、学习记录均系补写"),
        penalties__meeting_absence=Answer(2, "两名委员无故缺席县政协会议"),
    )
    result = score_visit(campaign, answers)
    assert result.section("office").score == 13
    assert result.section("archive").score == 5
    assert result.section("archive").deducted == 10
    assert result.deductions == 19
    assert result.total == 74
    assert result.tier.id == "fair"
    lost = {entry.item_id: entry.lost for entry in result.lost}
    assert lost == {
        "office.leader_present": 2,
        "archive.catalogue": 2,
        "archive.genuine": 3,
        "penalties.leader_absent": 5,
        "penalties.fabricated_records": 10,
        "penalties.meeting_absence": 4,
    }


def test_section_deduction_stops_at_zero(campaign: Campaign) -> None:
    # archive earns 2 (outline order, 2 points) only; fabricated x2 = 10 takes just those 2.
    answers = with_changes(
        campaign,
        archive__catalogue=Answer(0, "无目录"),
        archive__classification=Answer(0, "未分类"),
        archive__meeting_records=Answer(NO, "无"),
        archive__activity_records=Answer(NO, "无"),
        archive__attendance=Answer(NO, "无"),
        archive__duty_files=Answer(NO, "无"),
        archive__genuine=Answer(NO, "补写"),
        penalties__fabricated_records=Answer(2, "补写"),
    )
    result = score_visit(campaign, answers)
    archive = result.section("archive")
    assert archive.earned == 2
    assert archive.deducted == 2
    assert archive.score == 0
    assert result.total == 80  # the other sections are untouched: the cut stops at archive
    assert result.deductions == 2
    lost = {entry.item_id: entry.lost for entry in result.lost}
    assert lost["penalties.fabricated_records"] == 2  # what it really took, not its nominal 10
    assert sum(lost.values()) == 20


def test_total_never_goes_below_zero(campaign: Campaign) -> None:
    answers = {
        item.id: Answer(NO if item.kind in ("check", "veto") else 0, "差")
        for item in campaign.items
        if item.kind != "note"
    }
    answers.update(
        {
            "penalties.dodged_inspection": Answer(1, "推脱不迎检"),
            "penalties.no_activity": Answer(1, "半年未开展活动"),
            "penalties.meeting_absence": Answer(9, "多次缺席"),
        }
    )
    result = score_visit(campaign, answers)
    assert result.total == 0
    assert result.tier.id == "poor"


def test_vetoed_visit_is_lowest_tier_whatever_its_total(campaign: Campaign) -> None:
    # study: collective study 1 of 2 -> 4 x 1/2 = 2 lost; total 98, but vetoed
    answers = with_changes(
        campaign,
        study__collective=Answer(1, "只组织了一次集中学习"),
        penalties__veto_refusal_or_fraud=Answer(YES, "拒绝提供档案"),
    )
    result = score_visit(campaign, answers)
    assert result.total == 98
    assert result.vetoed
    assert result.tier.id == "poor"
    assert ("penalties.veto_refusal_or_fraud", 0.0) in [(x.item_id, x.lost) for x in result.lost]


def test_half_year_plans_items_are_worth_their_share_of_15(campaign: Campaign) -> None:
    # the year-end summary (3) is not asked in a half-year: 12 item points carry 15 points
    answers = with_changes(campaign, plans__annual_plan=Answer(NO, "无年初计划"))
    result = score_visit(campaign, answers)
    assert result.total == 95
    assert [(x.item_id, x.lost) for x in result.lost] == [("plans.annual_plan", 5.0)]


def test_unanswered_items_make_the_visit_incomplete(campaign: Campaign) -> None:
    answers = perfect(campaign)
    del answers["archive.catalogue"]
    answers["study.plan"] = Answer(None, "还没看到")
    result = score_visit(campaign, answers)
    assert not result.complete
    assert result.unanswered == ("archive.catalogue", "study.plan")
    assert result.total == 94  # earned so far; the visit says it is incomplete
    assert "penalties.other_findings" not in result.unanswered  # optional


def test_shortfalls_without_required_notes_are_listed(campaign: Campaign) -> None:
    answers = with_changes(
        campaign,
        office__room=Answer(NO),  # note required
        office__equipment=Answer(NO),  # note not required
        penalties__dodged_inspection=Answer(1, ""),
    )
    result = score_visit(campaign, answers)
    assert result.missing_notes == ("office.room", "penalties.dodged_inspection")


def test_year_end_campaign_doubles_count_targets_and_asks_for_year_summary(
    campaign: Campaign, year_campaign: Campaign
) -> None:
    half = {i.id: campaign.target(i).count for i in campaign.items if i.kind == "count"}
    year = {i.id: year_campaign.target(i).count for i in year_campaign.items if i.kind == "count"}
    assert half["reports.social_info"] == 6 and year["reports.social_info"] == 12
    assert half["study.collective"] == 2 and year["study.collective"] == 4
    assert half["reports.research_reports"] == 1 and year["reports.research_reports"] == 2
    assert half["reports.practical_projects"] == 1 and year["reports.practical_projects"] == 1
    assert "plans.year_summary" not in {i.id for i in campaign.items}
    assert "plans.year_summary" in {i.id for i in year_campaign.items}
    # the same 4 reports are full marks in a half-year and two thirds in a year (4 of 6 / 12)
    assert score_visit(year_campaign, perfect(year_campaign)).total == 100
    answers = perfect(year_campaign)
    answers["reports.social_info"] = Answer(6, "半数")
    assert score_visit(year_campaign, answers).total == 97.5


def test_target_explanations(campaign: Campaign) -> None:
    info = campaign.target(campaign.item("reports.social_info"))
    assert info.explain("en") == "6 = 1 per month x 6 months"
    assert info.explain("zh") == "6 = 每月 1 次 × 6 个月"
    yearly = campaign.target(campaign.item("reports.practical_projects"))
    assert yearly.explain("en") == "1 = 1 per year, at least 1 in 6 months"


def test_rounding_is_half_up_to_two_decimals() -> None:
    assert to_float(Fraction(12345, 1000)) == 12.35
    assert to_float(Fraction(84995, 1000)) == 85.0
    assert to_float(Fraction(1, 3)) == 0.33


def test_tier_is_read_from_the_rounded_total(campaign: Campaign) -> None:
    assert tier_for(campaign.tiers, 85.0).id == "good"
    assert tier_for(campaign.tiers, 84.99).id == "fair"
    assert tier_for(campaign.tiers, 60).id == "fair"
    assert tier_for(campaign.tiers, 59.99).id == "poor"
    plans_lost = {i.id: Answer(NO, "缺") for i in campaign.items if i.section_id == "plans"}
    answers = perfect(campaign) | plans_lost
    assert score_visit(campaign, answers).total == 85
    assert score_visit(campaign, answers).tier.id == "good"


@pytest.mark.parametrize(
    ("item_id", "value"),
    [
        ("office.room", "maybe"),
        ("office.room", NA),  # n/a not allowed on this item
        ("office.rules", 6),
        ("office.rules", -1),
        ("reports.social_info", -2),
        ("reports.social_info", "4"),
        ("penalties.leader_absent", YES),
        ("penalties.veto_refusal_or_fraud", 1),
        ("office.room", True),
    ],
)
def test_answers_that_do_not_fit_their_item_are_refused(
    campaign: Campaign, item_id: str, value: object
) -> None:
    with pytest.raises(AnswerError) as caught:
        check_answer(campaign.item(item_id), value)
    assert item_id in caught.value.line("en")
    assert caught.value.line("zh") != caught.value.line("en")


def test_valid_answers_are_kept_as_given(campaign: Campaign) -> None:
    assert check_answer(campaign.item("reports.practical_projects"), NA) == NA
    assert check_answer(campaign.item("office.rules"), 5) == 5
    assert check_answer(campaign.item("reports.social_info"), 40) == 40
    assert check_answer(campaign.item("penalties.other_findings"), "无") == "无"

"""Promises of the README about scoring and ranking that no other test pinned: a whole section
marked n/a rescales the others, optional items are never listed as unanswered, one team's veto
of an anchor group is enough, and the top-tier quota admits exactly its number."""

from __future__ import annotations

from dataclasses import replace
from fractions import Fraction

import pytest

from inspect_tui.domain.model import Campaign, Quota
from inspect_tui.domain.ranking import TeamResult, rank
from inspect_tui.domain.scoring import NA, NO, Answer, score_visit, to_float
from inspect_tui.storage.store import LocalStore
from tests.support.answers import best_value, perfect

SECTIONS = ("office", "plans", "archive", "study", "reports")


def with_section_allowing_na(campaign: Campaign, section_id: str) -> Campaign:
    """The campaign with every item of one section allowed n/a (a section a group may not be
    asked at all, e.g. a study plan for a group formed after the period's study began)."""
    outline = campaign.outline
    sections = tuple(
        replace(s, items=tuple(replace(i, allow_na=True) for i in s.items))
        if s.id == section_id
        else s
        for s in outline.sections
    )
    return replace(campaign, outline=replace(outline, sections=sections))


def test_a_whole_section_na_rescales_the_others_so_100_stays_reachable(
    campaign: Campaign,
) -> None:
    variant = with_section_allowing_na(campaign, "study")
    study = variant.outline.sections[[s.id for s in variant.outline.sections].index("study")]
    answers = perfect(variant)
    for item in study.items:
        answers[item.id] = Answer(NA, "本期未组织学习")
    result = score_visit(variant, answers)
    # the others weigh 20 + 15 + 20 + 30 = 85 and are scaled by 100/85
    assert result.total == 100 and result.tier.id == "good"
    assert result.section("study").max == 0 and result.section("study").score == 0
    scale = Fraction(100, 85)
    for section_id, weight in (("office", 20), ("plans", 15), ("archive", 20), ("reports", 30)):
        assert result.section(section_id).points == weight * scale, section_id

    # a point lost elsewhere costs its rescaled worth (office: weight 20 over 20 points)
    room = variant.item("office.room")
    answers["office.room"] = Answer(NO, "办公室被占用")
    lost = score_visit(variant, answers)
    assert lost.total == to_float(100 - room.points * scale) == 95.29
    assert lost.section("office").points == (20 - room.points) * scale


def test_optional_items_are_not_listed_as_unanswered(campaign: Campaign, store: LocalStore) -> None:
    optional = [item for item in campaign.items if not item.required]
    assert [item.id for item in optional] == ["penalties.other_findings"]  # a note, optional
    answers = perfect(campaign)
    del answers["penalties.other_findings"]
    result = score_visit(campaign, answers)
    assert result.unanswered == () and result.complete

    # a scored item made optional: left blank it earns nothing, but is not "unanswered"
    variant = replace(
        campaign,
        outline=replace(
            campaign.outline,
            sections=tuple(
                replace(
                    s,
                    items=tuple(
                        replace(i, required=False) if i.id == "office.funds" else i for i in s.items
                    ),
                )
                for s in campaign.outline.sections
            ),
        ),
    )
    answers = perfect(variant)
    del answers["office.funds"], answers["office.room"]
    result = score_visit(variant, answers)
    assert result.unanswered == ("office.room",)  # the required one only
    assert result.items["office.funds"].earned == 0 and result.total < 100

    # and a visit whose only blank item is optional can be finalized
    visit = store.start_visit(
        campaign, "team-2", "kaqun", inspectors=["甲"], methods=["talk"], visit_date="2012-07-05"
    )
    for item in campaign.items:
        if item.required:
            store.set_answer(campaign, visit.id, item.id, best_value(campaign, item))
    done = store.finalize(visit.id, campaign, strengths="好", problems="无", representative="组长")
    assert done.final


def team(team_id: str, total: float, *, vetoed: bool = False) -> TeamResult:
    sections = dict.fromkeys(SECTIONS, 0.0)
    sections["reports"] = total
    return TeamResult(team_id, total, sections, 0, vetoed)


@pytest.mark.parametrize("vetoing", ["team-1", "team-3"])
def test_one_teams_veto_of_an_anchor_group_is_enough(campaign: Campaign, vetoing: str) -> None:
    """yishikuli is seen by team 1 and team 3; either one's veto puts it in the lowest tier."""
    assert {t.id for t in campaign.teams_of("yishikuli")} == {"team-1", "team-3"}
    results = [team(t, 96, vetoed=t == vetoing) for t in ("team-1", "team-3")]
    rows = rank(campaign, {"yishikuli": results, "kaqun": [team("team-2", 70)]})
    by_group = {row.group.id: row for row in rows}
    assert by_group["yishikuli"].vetoed
    assert by_group["yishikuli"].tier.id == campaign.lowest_tier.id == "poor"
    assert by_group["yishikuli"].total == 96  # the veto sets the tier, not the total
    assert [row.group.id for row in rows] == ["kaqun", "yishikuli"]  # ranked with the lowest

    neither = [team(t, 96) for t in ("team-1", "team-3")]
    (row,) = rank(campaign, {"yishikuli": neither})
    assert not row.vetoed and row.tier.id == "good"


GOOD = {"kaqun": 97.0, "shache-zhen": 93.0, "yishikuli": 90.0, "mixia": 86.0}


@pytest.mark.parametrize("ties", ["include", "exclude"])
def test_the_quota_admits_exactly_its_number_and_not_one_more(
    campaign: Campaign, ties: str
) -> None:
    capped = replace(campaign, quota=Quota("good", 3, ties))  # type: ignore[arg-type]
    at_quota = {g: [team("team-1", total)] for g, total in list(GOOD.items())[:3]}
    at_quota["qiareke"] = [team("team-1", 70)]
    rows = rank(capped, at_quota)
    assert [(r.group.id, r.tier.id) for r in rows] == [
        ("kaqun", "good"),
        ("shache-zhen", "good"),
        ("yishikuli", "good"),
        ("qiareke", "fair"),
    ]
    assert all("quota" not in r.flags for r in rows)

    one_over = {g: [team("team-1", total)] for g, total in GOOD.items()}
    rows = rank(capped, one_over)
    assert [(r.group.id, r.tier.id) for r in rows] == [
        ("kaqun", "good"),
        ("shache-zhen", "good"),
        ("yishikuli", "good"),
        ("mixia", "fair"),
    ]
    assert [r.group.id for r in rows if "quota" in r.flags] == ["mixia"]

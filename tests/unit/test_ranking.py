"""The county ranking, pinned with hand-computed cases on the bundled campaign's rules:
tiers 较好 >= 85, 一般 >= 60; tie-break total, reports, archive, study, plans, office,
deductions (then name, for the page only); anchors combined by the mean, flagged over 10 points."""

from __future__ import annotations

from dataclasses import replace

from inspect_tui.domain.model import Campaign, MergeRule, Quota
from inspect_tui.domain.ranking import TeamResult, rank

SECTIONS = ("office", "plans", "archive", "study", "reports")


def result(
    total: float,
    team: str = "team-1",
    *,
    reports: float | None = None,
    deductions: float = 0,
    vetoed: bool = False,
) -> TeamResult:
    sections = dict.fromkeys(SECTIONS, 0.0)
    sections["reports"] = total if reports is None else reports
    return TeamResult(team, total, sections, deductions, vetoed)


def ranks(rows) -> list[tuple[str, int, str]]:
    return [(row.group.id, row.rank, row.tier.id) for row in rows]


def test_ties_share_a_rank(campaign: Campaign) -> None:
    rows = rank(
        campaign,
        {
            "kaqun": [result(90)],
            "shache-zhen": [result(85)],
            "yishikuli": [result(85)],
            "mixia": [result(80)],
        },
    )
    assert [(r[1], r[2]) for r in ranks(rows)] == [
        (1, "good"),
        (2, "good"),
        (2, "good"),
        (4, "fair"),
    ]
    assert {ranks(rows)[1][0], ranks(rows)[2][0]} == {"shache-zhen", "yishikuli"}


def test_the_tie_break_chain_splits_equal_totals(campaign: Campaign) -> None:
    rows = rank(
        campaign,
        {
            "kaqun": [result(85, reports=25)],
            "shache-zhen": [result(85, reports=28)],
            "yishikuli": [result(85, reports=28, deductions=5)],
            "mixia": [result(85, reports=28, deductions=2)],
        },
    )
    # reports first (28 beats 25), then fewer deductions (0, 2, 5)
    assert ranks(rows) == [
        ("shache-zhen", 1, "good"),
        ("mixia", 2, "good"),
        ("yishikuli", 3, "good"),
        ("kaqun", 4, "good"),
    ]


def test_a_veto_puts_a_group_with_the_lowest_tier(campaign: Campaign) -> None:
    rows = rank(
        campaign,
        {
            "kaqun": [result(98, vetoed=True)],
            "shache-zhen": [result(70)],
            "mixia": [result(40)],
        },
    )
    assert ranks(rows) == [("shache-zhen", 1, "fair"), ("kaqun", 2, "poor"), ("mixia", 3, "poor")]
    assert rows[1].vetoed and rows[1].total == 98


def test_anchors_combine_by_the_mean_and_flag_disagreement(campaign: Campaign) -> None:
    rows = rank(
        campaign,
        {
            "weisheng-xitong": [result(90, "team-1"), result(80, "team-2")],  # 10 apart: no flag
            "wudalike": [result(92.5, "team-2"), result(80.75, "team-3")],  # 11.75 apart
        },
    )
    by_group = {row.group.id: row for row in rows}
    assert by_group["weisheng-xitong"].total == 85 and by_group["weisheng-xitong"].flags == ()
    assert by_group["wudalike"].total == 86.63  # 86.625, rounded half up as scoring does
    assert by_group["wudalike"].flags == ("disagreement",)
    assert by_group["wudalike"].tier.id == "good"


def test_median_and_the_leads_chosen_team(campaign: Campaign) -> None:
    median = replace(campaign, merge=MergeRule("median", 10))
    rows = rank(median, {"kaqun": [result(70), result(90, "team-2"), result(75, "team-3")]})
    assert rows[0].total == 75
    chosen = replace(campaign, merge=MergeRule("team", 10))
    rows = rank(chosen, {"kaqun": [result(70), result(90, "team-2")]}, {"kaqun": "team-2"})
    assert rows[0].total == 90 and "team" in rows[0].flags


def test_the_quota_boundary_keeps_or_drops_a_tie_whole(campaign: Campaign) -> None:
    groups = {
        "kaqun": [result(95)],
        "shache-zhen": [result(90)],
        "yishikuli": [result(90)],
        "mixia": [result(88)],
        "qiareke": [result(70)],
    }
    include = replace(campaign, quota=Quota("good", 2, "include"))
    assert ranks(rank(include, groups)) == [
        ("kaqun", 1, "good"),
        ("shache-zhen", 2, "good"),
        ("yishikuli", 2, "good"),
        ("mixia", 4, "fair"),
        ("qiareke", 5, "fair"),
    ]
    exclude = replace(campaign, quota=Quota("good", 2, "exclude"))
    assert [r[2] for r in ranks(rank(exclude, groups))] == ["good", "fair", "fair", "fair", "fair"]
    roomy = replace(campaign, quota=Quota("good", 3, "exclude"))  # no tie at the boundary
    assert [r[2] for r in ranks(rank(roomy, groups))] == ["good", "good", "good", "fair", "fair"]
    demoted = rank(include, groups)[3]
    assert "quota" in demoted.flags

"""Generated results for the training sandbox (`demo --synthetic`): not the county's real round
(that is `replay`'s) but shapes the tests need: a few strong groups, a few poor ones, one vetoed,
and two teams disagreeing on one cross-check anchor. Deterministic: a fixed seed."""

from __future__ import annotations

import random
from collections.abc import Iterator
from datetime import date

from inspect_tui.domain.model import Campaign, Item
from inspect_tui.domain.scoring import NA, NO, YES, Answer, AnswerValue
from inspect_tui.loading.replay import PlannedVisit

SEED = 2012
STRONG = ("kaqun", "wudalike", "shache-zhen", "yingwusitang", "jiaoyu-xitong")
POOR = ("zirefuxiati", "qiareke", "nongye-xitong", "qiye-gongwei", "xianwei-zongzhi")
VETOED = "boshikante"
DISAGREE = "weisheng-xitong"  # an anchor: team-1 sees it far better than team-2
VISIT_DATE = date(2012, 7, 5)

NOTES = {  # what teams write beside a shortfall, by section (from the seeds' circulars)
    "office": ("办公设备不齐全", "制度未上墙", "经费无保障"),
    "plans": ("计划未按时报送县政协", "小结内容简单"),
    "archive": ("现场查阅资料未见", "档案未按提纲分类", "活动记录系临时补写"),
    "study": ("学习记录不全", "委员心得体会较少"),
    "reports": ("社情民意信息报送不及时", "调研报告质量不高"),
}


def synthetic_visits(campaign: Campaign) -> Iterator[PlannedVisit]:
    """Every team's visit of every group assigned to it, team by team, in the roster's order of
    the team's list; the same visits every time."""
    rng = random.Random(SEED)
    for team in campaign.teams:
        for group in team.groups:
            yield _visit(campaign, team.id, group, rng)


def _visit(campaign: Campaign, team: str, group: str, rng: random.Random) -> PlannedVisit:
    quality = 0.95 if group in STRONG else 0.45 if group in POOR else rng.uniform(0.7, 0.9)
    if group == DISAGREE:
        quality = 0.97 if team == "team-1" else 0.6
    answers = {}
    for item in campaign.items:
        value, note = _answer(campaign, item, quality, rng, vetoed=group == VETOED)
        answers[item.id] = Answer(value, note)
    return PlannedVisit(
        team=team,
        group=group,
        visit_date=VISIT_DATE,
        inspectors=(campaign.team(team).leader.zh.split()[-1], "联络员"),
        methods=("report", "archive", "talk"),
        answers=answers,
        strengths="领导重视，档案整理较规范" if quality > 0.8 else "有固定办公场所",
        problems="社情民意信息报送不及时" if quality > 0.8 else "档案不全，活动记录系临时补写",
        representative="联络组组长",
    )


def _answer(
    campaign: Campaign, item: Item, quality: float, rng: random.Random, *, vetoed: bool
) -> tuple[AnswerValue, str]:
    good = rng.random() < quality
    note = "" if good else rng.choice(NOTES.get(item.section_id, ("现场查阅资料未见",)))
    if item.kind == "check":
        return (YES, "") if good else (NO, note)
    if item.kind == "scale":
        return (item.points, "") if good else (rng.randrange(0, item.points), note)
    if item.kind == "count":
        target = campaign.target(item)
        assert target is not None
        if item.allow_na and rng.random() < 0.05:
            return NA, "本期新组建"
        return (target.count, "") if good else (rng.randrange(0, target.count), note)
    if item.kind == "deduction":
        occurs = 1 if rng.random() > 0.5 + quality / 2 else 0
        return occurs, ("发现一次" if occurs else "")
    if item.kind == "veto":
        return (YES, "拒绝提供档案资料") if vetoed else (NO, "")
    return "无", ""

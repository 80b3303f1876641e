"""One source of truth: the results the ranking counted feed every export. A group two teams
assessed differently, the lead counting team 1: the unchosen team's shortfalls appear in no
format, and the teams sheet counts the chosen team only. Where results are combined (mean or
median), one rule says when an item is a shortfall of the group (`group_short`)."""

from __future__ import annotations

import dataclasses
import itertools
from pathlib import Path

import pytest
from openpyxl import load_workbook

from inspect_tui.domain.model import Campaign
from inspect_tui.domain.scoring import NA, NO, YES, Answer
from inspect_tui.reports.dataset import ExportData, Visited, gather, group_short
from inspect_tui.reports.export import FORMATS, export_files
from inspect_tui.services.results import merge_files
from inspect_tui.storage.bundle import make_bundle, write_bundle
from inspect_tui.storage.county import CountyStore
from inspect_tui.storage.keys import DeviceKey, trust
from inspect_tui.storage.store import LocalStore
from inspect_tui.words.i18n import t
from tests.support.answers import best_value
from tests.unit.test_hostile_round_trip import cells_of

STAMP = "2012-07-10T18:00:00+00:00"
ANCHOR = "weisheng-xitong"  # assigned to team 1 and team 2
OTHER = "shache-zhen"  # team 1 only
DEDUCTION = "penalties.dodged_inspection"
Plan = dict[str, dict[str, tuple[object, str]]]  # group -> item -> (value, note)


def checks(campaign: Campaign) -> list[str]:
    return [item.id for item in campaign.items if item.kind == "check" and item.points > 0]


def team_laptop(
    folder: Path, campaign: Campaign, team: str, plan: Plan, problems: str
) -> tuple[Path, DeviceKey]:
    """A team laptop that finalized every group of `plan`: best answers, then the plan's."""
    ids = itertools.count(1)
    with LocalStore(folder, new_id=lambda: f"{team}-{next(ids):04d}") as store:
        for group, answers in plan.items():
            visit = store.start_visit(
                campaign,
                team,
                group,
                inspectors=["甲"],
                methods=["archive"],
                visit_date="2012-07-05",
            )
            for item in campaign.items:
                store.set_answer(campaign, visit.id, item.id, best_value(campaign, item))
            for item_id, (value, note) in answers.items():
                store.set_answer(campaign, visit.id, item_id, value, note)  # type: ignore[arg-type]
            store.finalize(
                visit.id, campaign, strengths="好", problems=problems, representative="组长"
            )
        device = DeviceKey(folder)
        bundle = make_bundle(campaign, store, team, device, created_at=STAMP)
    return write_bundle(bundle, folder / "out"), device


@pytest.fixture
def county(campaign: Campaign, tmp_path: Path) -> Path:
    """Team 1 finds one shortfall at the anchor, team 2 two others and a deduction."""
    a, b, c = checks(campaign)[:3]
    one, key_one = team_laptop(
        tmp_path / "one", campaign, "team-1",
        {ANCHOR: {a: (NO, "NOTE-T1-A")}, OTHER: {}}, "T1-PROBLEMS",
    )  # fmt: skip
    two, key_two = team_laptop(
        tmp_path / "two", campaign, "team-2",
        {ANCHOR: {b: (NO, "NOTE-T2-B"), c: (NO, "NOTE-T2-C"), DEDUCTION: (1, "NOTE-T2-D")}},
        "T2-PROBLEMS",
    )  # fmt: skip
    lead = tmp_path / "lead"
    with LocalStore(lead) as store, CountyStore(lead, campaign) as held:
        trust(campaign, store, "team-1", key_one.public)
        trust(campaign, store, "team-2", key_two.public)
        merge_files(campaign, store, held, [one, two])
    return lead


def choose(lead: Path, campaign: Campaign, team: str | None) -> ExportData:
    with LocalStore(lead):
        with CountyStore(lead, campaign) as held:
            held.choose(ANCHOR, team)
        return gather(campaign, lead)


UNCHOSEN = ("NOTE-T2-B", "NOTE-T2-C", "NOTE-T2-D", "T2-PROBLEMS")


def test_the_lead_choosing_a_team_is_what_every_part_of_the_dataset_counts(
    campaign: Campaign, county: Path
) -> None:
    a = checks(campaign)[0]
    data = choose(county, campaign, "team-1")
    row = next(r for r in data.rows if r.group.id == ANCHOR)
    assert row.chosen == "team-1" and [r.team for r in row.counted] == ["team-1"]
    assert [r.team for r in row.teams] == ["team-1", "team-2"]  # both still shown to the lead
    assert [v.team for v in data.visits[ANCHOR]] == ["team-1"]
    assert data.teams == ["team-1"]
    assert [(s.item, s.notes) for s in data.shortfalls(ANCHOR)] == [(a, ("NOTE-T1-A",))]
    problems = {p.item.id: p for p in data.problems()}
    assert set(problems) == {a}
    assert problems[a].groups == (ANCHOR,) and problems[a].notes == ("NOTE-T1-A",)
    team_one = next(r for r in row.teams if r.team == "team-1")
    assert dict(row.sections) == dict(team_one.sections)
    bests = {best.section.id: best.groups for best in data.section_bests()}
    for section in data.sections:  # the anchor is praised where team 1's result earns it
        earned = team_one.sections.get(section.id, 0.0) >= section.weight * 0.9
        assert (ANCHOR in bests[section.id]) == earned


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_format_shows_the_chosen_team_only(
    campaign: Campaign, county: Path, tmp_path: Path, lang: str
) -> None:
    data = choose(county, campaign, "team-1")
    with LocalStore(county) as store:
        files = export_files(data, list(FORMATS), tmp_path / "out", store.folder, lang=lang)  # type: ignore[arg-type]
    assert {f.suffix for f in files} == {".xlsx", ".csv", ".html", ".docx"}
    for file in files:
        text = "\n".join(cells_of(file))
        for note in UNCHOSEN:
            assert note not in text, (file.name, note)
    (book_file,) = [f for f in files if f.suffix == ".xlsx"]
    book = load_workbook(book_file, read_only=True)
    problems = [r for r in book[t("export.sheet.problems", lang)].iter_rows(values_only=True)]
    a = checks(campaign)[0]
    (only,) = [r for r in problems[1:] if any(r)]  # the chosen team's one shortfall, only
    assert campaign.item(a).text.get(lang) in only and "NOTE-T1-A" in str(only)  # type: ignore[arg-type]
    teams = list(book[t("export.sheet.teams", lang)].iter_rows(values_only=True))
    counted = teams[0].index(t("export.col.counted", lang))
    names = campaign.team_names(lang)  # type: ignore[arg-type]
    per_team = {
        team: [r[counted] for r in teams[1:] if r and r[0] and names[team] in str(r[0])]
        for team in ("team-1", "team-2")
    }
    assert per_team == {"team-1": [2], "team-2": [0]}  # 计入排名: the chosen team's alone
    book.close()


def test_without_a_choice_the_mean_counts_both_teams_shortfalls(
    campaign: Campaign, county: Path
) -> None:
    a, b, c = checks(campaign)[:3]
    data = choose(county, campaign, None)
    assert [v.team for v in data.visits[ANCHOR]] == ["team-1", "team-2"]
    found = {s.item: s for s in data.shortfalls(ANCHOR)}
    assert set(found) == {a, b, c, DEDUCTION}  # a deduction if any counted team recorded it
    assert found[DEDUCTION].teams == ("team-2",) and found[DEDUCTION].notes == ("NOTE-T2-D",)
    assert found[b].notes == ("NOTE-T2-B",) and found[a].teams == ("team-1",)
    rules = dict(data.statement("en"))[t("export.scoring", "en")]
    assert t("coverage.short_rule", "en") in rules


def _visit(team: str, answers: dict[str, Answer], short: list[tuple[str, str]]) -> Visited:
    return Visited(team=team, short=tuple(short), answers=answers, problems="", methods=())


def test_the_combined_points_decide_a_shortfall_under_the_median(campaign: Campaign) -> None:
    """Three teams, one finding an item short: the median of its points is full, so it is no
    shortfall of the group; a veto recorded by one team still is; n/a leaves a team out of an
    item's combination."""
    a, b = checks(campaign)[:2]
    veto = next(item.id for item in campaign.items if item.kind == "veto")
    median = dataclasses.replace(
        campaign, merge=dataclasses.replace(campaign.merge, combine="median")
    )
    full = {a: Answer(YES), b: Answer(YES)}
    visits = [
        _visit("team-1", {a: Answer(NO, "n1"), b: Answer(NA), veto: Answer(YES, "v")},
               [(a, "n1"), (veto, "v")]),
        _visit("team-2", {a: Answer(YES), b: Answer(NO, "n2")}, [(b, "n2")]),
        _visit("team-3", full, []),
    ]  # fmt: skip
    # a: 0, full, full: the median is full; b: n/a for team 1, so the median of 0 and full
    assert [s.item for s in group_short(median, visits)] == [b, veto]
    assert {s.item for s in group_short(campaign, visits)} == {a, b, veto}  # the mean: < full
    only_one = [_visit("team-1", {b: Answer(NA)}, []), _visit("team-2", {b: Answer(NO)}, [(b, "")])]
    assert [s.item for s in group_short(median, only_one)] == [b]

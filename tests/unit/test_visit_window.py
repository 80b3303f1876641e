"""When a round's visits happen (`[visit_window]`): what the bundled campaigns state, the default
when a campaign states none, each refusal by file, line and field, the checklist hash left alone,
and the default date and the check a visit's date gets, at the window's edges."""

from __future__ import annotations

import shutil
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from inspect_tui.commands.checklist import visit_window_line
from inspect_tui.domain.visit_window import (
    DEFAULT_DAYS,
    VisitWindow,
    check_visit_date,
    default_visit_date,
    default_window,
)
from inspect_tui.loading.campaign import load_campaign
from inspect_tui.loading.replay import load_round, round_file
from inspect_tui.words.errors import Problem
from inspect_tui.words.i18n import Msg, t
from tests.support.files import edit
from tests.unit.test_campaign_validate import (
    CAMPAIGN,
    CHECKLISTS,
    OUTLINE,
    ROSTER,
    YEAR_END,
    Break,
    apply,
    at,
    checked,
    ids,
    load_problems,
)

H1 = VisitWindow(date(2012, 7, 4), date(2012, 7, 31))
WINDOW = "[visit_window]\nstart = 2012-07-04\nend = 2012-07-31  # 假设 / assumption\n"
Y_WINDOW = (
    "[visit_window]\n"
    "start = 2012-12-15  # 假设 / assumption\n"
    "end = 2013-01-10  # 假设 / assumption\n"
)


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """Both bundled campaigns with their outline and roster, copied side by side."""
    for name in (CAMPAIGN, YEAR_END, OUTLINE, ROSTER):
        shutil.copyfile(CHECKLISTS / name, tmp_path / name)
    return tmp_path


def _without_window(file: Path) -> None:
    """Drop the `[visit_window]` table and the comment lines just above it."""
    lines = file.read_text(encoding="utf-8").splitlines(keepends=True)
    head = next(n for n, line in enumerate(lines) if line.startswith("[visit_window]"))
    tail = next(n for n in range(head + 1, len(lines)) if not lines[n].strip())
    while head and lines[head - 1].startswith("#"):
        head -= 1
    file.write_text("".join(lines[:head] + lines[tail:]), encoding="utf-8")
    assert "visit_window" not in file.read_text(encoding="utf-8")


# -- 1. the bundled campaigns --------------------------------------------------------------------
@pytest.mark.parametrize(
    ("name", "window"),
    [
        (CAMPAIGN, H1),  # seed 000: 县政协于7月4日起……进行了考核
        (YEAR_END, VisitWindow(date(2012, 12, 15), date(2013, 1, 10))),  # an assumption
    ],
)
def test_bundled_campaign_states_its_window(name: str, window: VisitWindow) -> None:
    campaign = load_campaign(CHECKLISTS / name)
    assert campaign.visit_window == window
    assert campaign.visit_window.stated
    assert campaign.visit_window.start >= campaign.start


def test_replayed_round_falls_inside_the_half_year_window() -> None:
    campaign = load_campaign(CHECKLISTS / CAMPAIGN)
    visits = load_round(round_file(campaign), campaign).visits
    days = sorted(plan.visit_date for plan in visits)
    assert len(days) == 39
    assert days[0] == campaign.visit_window.start == date(2012, 7, 4)  # the seed's first day
    for day in days:
        assert day in campaign.visit_window
        assert check_visit_date(campaign, day) is None


# -- 2. the default when a campaign states none -------------------------------------------------
@pytest.mark.parametrize(
    ("name", "start", "end"),
    [
        (CAMPAIGN, date(2012, 7, 1), date(2012, 7, 31)),
        (YEAR_END, date(2013, 1, 1), date(2013, 1, 31)),
    ],
)
def test_missing_window_is_the_month_after_the_period(
    folder: Path, name: str, start: date, end: date
) -> None:
    _without_window(folder / name)
    assert checked(folder / name) == []
    window = load_campaign(folder / name).visit_window
    assert window == VisitWindow(start, end, stated=False)
    assert window.days == DEFAULT_DAYS


def test_default_window_follows_a_copied_period(folder: Path) -> None:
    _without_window(folder / CAMPAIGN)
    campaign = load_campaign(folder / CAMPAIGN)
    moved = replace(campaign, start=date(2012, 7, 1), end=date(2012, 12, 31))
    assert moved.visit_window == VisitWindow(date(2013, 1, 1), date(2013, 1, 31), stated=False)
    stated = replace(load_campaign(CHECKLISTS / CAMPAIGN), end=date(2012, 12, 31))
    assert stated.visit_window == H1  # a stated window stays as the file gives it


@pytest.mark.parametrize(
    ("period_end", "start", "end"),
    [
        (date(2012, 6, 30), date(2012, 7, 1), date(2012, 7, 31)),
        (date(2012, 12, 31), date(2013, 1, 1), date(2013, 1, 31)),
        (date(2012, 1, 31), date(2012, 2, 1), date(2012, 3, 2)),  # 2012 is a leap year
        (date(9999, 12, 20), date(9999, 12, 21), date.max),  # TOML allows it: no overflow
        (date.max, date.max, date.max),
    ],
)
def test_default_window(period_end: date, start: date, end: date) -> None:
    assert default_window(period_end) == VisitWindow(start, end, stated=False)


def test_inline_table_and_a_window_inside_the_period_load(folder: Path) -> None:
    """A year-end round may be visited in December, before its period ends; a window may start
    on the period's first day and be one day long."""
    edit(
        folder / YEAR_END,
        Y_WINDOW,
        "visit_window = { start = 2012-12-01, end = 2012-12-20 }\n",
    )
    assert checked(folder / YEAR_END) == []
    assert load_campaign(folder / YEAR_END).visit_window == VisitWindow(
        date(2012, 12, 1), date(2012, 12, 20)
    )
    edit(folder / CAMPAIGN, WINDOW, "[visit_window]\nstart = 2012-01-01\nend = 2012-01-01\n")
    assert checked(folder / CAMPAIGN) == []
    one_day = load_campaign(folder / CAMPAIGN).visit_window
    assert (one_day.start, one_day.end, one_day.days) == (date(2012, 1, 1), date(2012, 1, 1), 1)


# -- 3. refusals: one problem each, by file, line and field --------------------------------------
def _window(start: str = "2012-07-04", end: str = "2012-07-31", extra: str = "") -> str:
    return f"[visit_window]\nstart = {start}\nend = {end}\n{extra}"


REFUSED = {
    "start-quoted": Break(
        CAMPAIGN,
        WINDOW,
        _window(start='"2012-07-04"'),
        "schema.date_quoted",
        "visit_window.start",
        at('start = "2012-07-04"'),
        {"value": "2012-07-04"},
    ),
    "end-not-a-date": Break(
        CAMPAIGN,
        WINDOW,
        _window(end="20120731"),
        "schema.type",
        "visit_window.end",
        at("end = 20120731"),
        {"expected": Msg("type.date"), "found": Msg("type.integer")},
    ),
    "end-a-datetime": Break(
        CAMPAIGN,
        WINDOW,
        _window(end="2012-07-31T09:00:00"),
        "schema.type",
        "visit_window.end",
        at("end = 2012-07-31T09:00:00"),
        {"expected": Msg("type.date"), "found": Msg("type.datetime")},
    ),
    "start-after-end": Break(
        CAMPAIGN,
        WINDOW,
        _window(start="2012-08-01"),
        "checklist.period_order",
        "visit_window.end",
        at("end = 2012-07-31"),
        {"start": date(2012, 8, 1), "end": date(2012, 7, 31)},
    ),
    "start-before-period": Break(
        CAMPAIGN,
        WINDOW,
        _window(start="2011-12-31"),
        "checklist.visits_before_period",
        "visit_window.start",
        at("start = 2011-12-31"),
        {"start": date(2011, 12, 31), "period_start": date(2012, 1, 1)},
    ),
    "start-before-period-inline": Break(
        YEAR_END,
        Y_WINDOW,
        "visit_window = { start = 2011-06-01, end = 2013-01-10 }\n",
        "checklist.visits_before_period",
        "visit_window.start",
        at("visit_window = {"),
        {"start": date(2011, 6, 1), "period_start": date(2012, 1, 1)},
    ),
    "unknown-key": Break(
        CAMPAIGN,
        WINDOW,
        _window(extra="teams_per_day = 2\n"),
        "schema.unknown_key",
        "visit_window.teams_per_day",
        at("teams_per_day = 2"),
        {"key": "teams_per_day"},
    ),
    "misspelt-key": Break(
        CAMPAIGN,
        WINDOW,
        _window(extra="ends = 2012-08-15\n"),
        "schema.unknown_key_hint",
        "visit_window.ends",
        at("ends = 2012-08-15"),
        {"key": "ends", "hint": "end"},
    ),
    "end-missing": Break(
        CAMPAIGN,
        WINDOW,
        "[visit_window]\nstart = 2012-07-04\n",
        "schema.missing",
        "visit_window",
        at("[visit_window]"),
        {"key": "end"},
    ),
    "not-a-table": Break(
        CAMPAIGN,
        WINDOW,
        'visit_window = "7月"\n',
        "schema.type",
        "visit_window",
        at("visit_window = "),
        {"expected": Msg("type.table"), "found": Msg("type.string")},
    ),
}


@pytest.mark.parametrize("case", ids(REFUSED))
def test_window_refused(folder: Path, case: Break) -> None:
    if case.file == YEAR_END:  # `apply` checks the half-year campaign: check this one alone
        text = edit(folder / case.file, case.old, case.new)
        expected = Problem(folder / case.file, case.path, case.key, case.params, case.line(text))
        assert checked(folder / YEAR_END) == [expected]
        assert load_problems(folder / YEAR_END) == [expected]
        return
    apply(folder, case)


def test_refusal_renders_with_file_line_and_field(folder: Path) -> None:
    edit(folder / CAMPAIGN, WINDOW, _window(start="2011-12-31"))
    (problem,) = checked(folder / CAMPAIGN)
    line = problem.lineno
    assert problem.line("zh") == (
        f"{folder / CAMPAIGN}:{line}: visit_window.start: "
        "现场考核开始日期 2011-12-31 早于考核期开始日期 2012-01-01"
    )
    assert problem.line("en") == (
        f"{folder / CAMPAIGN}:{line}: visit_window.start: "
        "the visits start on 2011-12-31, before the period starts on 2012-01-01"
    )


def test_impossible_date_names_its_line(folder: Path) -> None:
    """2012-07-32 is not TOML at all: the reader names the line, as for any malformed file."""
    text = edit(folder / CAMPAIGN, WINDOW, _window(end="2012-07-32"))
    (problem,) = checked(folder / CAMPAIGN)
    assert (problem.file, problem.key, problem.lineno) == (
        folder / CAMPAIGN,
        "file.toml",
        at("end = 2012-07-32")(text),
    )


# -- 4. the window stays out of the checklist hash ------------------------------------------------
def test_hash_unchanged_when_the_window_moves(folder: Path) -> None:
    before = load_campaign(folder / CAMPAIGN).checklist_hash
    assert before == load_campaign(CHECKLISTS / CAMPAIGN).checklist_hash
    edit(folder / CAMPAIGN, WINDOW, _window(start="2012-06-01", end="2012-09-30"))
    moved = load_campaign(folder / CAMPAIGN)
    assert moved.visit_window == VisitWindow(date(2012, 6, 1), date(2012, 9, 30))
    assert moved.checklist_hash == before


@pytest.mark.parametrize("name", [CAMPAIGN, YEAR_END])
def test_hash_unchanged_when_the_window_is_dropped(folder: Path, name: str) -> None:
    """Visit files and signed bundles made before the office added the window still match."""
    before = load_campaign(folder / name).checklist_hash
    _without_window(folder / name)
    after = load_campaign(folder / name)
    assert not after.visit_window.stated
    assert after.checklist_hash == before


# -- 5. a visit's default date and its check, at the edges ---------------------------------------
@pytest.mark.parametrize(
    ("today", "proposed"),
    [
        (date(2012, 7, 3), date(2012, 7, 4)),  # the day before: the first day
        (date(2012, 7, 4), date(2012, 7, 4)),  # the first day
        (date(2012, 7, 15), date(2012, 7, 15)),  # inside: today
        (date(2012, 7, 31), date(2012, 7, 31)),  # the last day
        (date(2012, 8, 1), date(2012, 7, 31)),  # the day after: the last day
        (date(2011, 3, 1), date(2012, 7, 4)),  # a clock years behind
        (date(2026, 5, 20), date(2012, 7, 31)),  # a 2012 training round on a 2026 laptop
    ],
)
def test_default_visit_date(today: date, proposed: date) -> None:
    assert default_visit_date(H1, today) == proposed
    assert check_visit_date(H1, proposed) is None  # keeping the default never asks


def test_default_visit_date_takes_a_campaign() -> None:
    campaign = load_campaign(CHECKLISTS / CAMPAIGN)
    assert default_visit_date(campaign, date(2026, 5, 20)) == date(2012, 7, 31)
    assert default_visit_date(campaign, date(2012, 7, 10)) == date(2012, 7, 10)


def test_one_day_window() -> None:
    day = date(2012, 7, 4)
    window = VisitWindow(day, day)
    for today in (date(2012, 7, 3), day, date(2012, 7, 5)):
        assert default_visit_date(window, today) == day
    assert check_visit_date(window, day) is None


@pytest.mark.parametrize(
    ("day", "key"),
    [
        (date(2012, 7, 3), "visit.date_before"),
        (date(2012, 7, 4), None),
        (date(2012, 7, 31), None),
        (date(2012, 8, 1), "visit.date_after"),
    ],
)
def test_check_visit_date_at_the_edges(day: date, key: str | None) -> None:
    found = check_visit_date(H1, day)
    if key is None:
        assert found is None
        assert day in H1
    else:
        assert found == Msg(key, day=day, window=Msg("visit.window", start=H1.start, end=H1.end))
        assert day not in H1


def test_check_visit_date_names_the_window_in_both_languages() -> None:
    before = check_visit_date(H1, date(2012, 7, 3))
    after = check_visit_date(H1, date(2012, 8, 1))
    assert before is not None and after is not None
    assert before.render("zh") == (
        "考核日期 2012-07-03 早于本轮现场考核时间（2012-07-04 至 2012-07-31），确认使用这个日期？"
    )
    assert before.render("en") == (
        "the visit date 2012-07-03 is before this round's visits (2012-07-04 to 2012-07-31); "
        "use it anyway?"
    )
    assert after.render("zh") == (
        "考核日期 2012-08-01 晚于本轮现场考核时间（2012-07-04 至 2012-07-31），确认使用这个日期？"
    )
    assert after.render("en") == (
        "the visit date 2012-08-01 is after this round's visits (2012-07-04 to 2012-07-31); "
        "use it anyway?"
    )


def test_check_against_a_default_window_says_it_is_the_default() -> None:
    window = default_window(date(2012, 6, 30))
    found = check_visit_date(window, date(2012, 9, 1))
    assert found is not None
    assert found.render("zh") == (
        "考核日期 2012-09-01 晚于默认的现场考核时间（2012-07-01 至 2012-07-31，"
        "即考核期结束后的 31 天），确认使用这个日期？"
    )
    assert found.render("en") == (
        "the visit date 2012-09-01 is after the default time for visits (2012-07-01 to "
        "2012-07-31, the 31 days after the period); use it anyway?"
    )


# -- 6. checklist show -----------------------------------------------------------------------------
def test_show_line_for_a_stated_and_a_default_window(folder: Path) -> None:
    stated = load_campaign(folder / CAMPAIGN)
    assert visit_window_line(stated, "zh") == "现场考核：2012-07-04 至 2012-07-31"
    assert visit_window_line(stated, "en") == "Visits: 2012-07-04 to 2012-07-31"
    _without_window(folder / CAMPAIGN)
    derived = load_campaign(folder / CAMPAIGN)
    assert visit_window_line(derived, "zh") == t(
        "show.visit_window_default", "zh", start="2012-07-01", end="2012-07-31", days=31
    )
    assert visit_window_line(derived, "en") == (
        "Visits: 2012-07-01 to 2012-07-31 "
        "(not stated by the campaign: the 31 days after the period)"
    )

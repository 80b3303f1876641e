"""Validation of campaign, outline and roster files: every problem, by file, field path and line.

Each test copies the bundled campaign with its outline and roster into `tmp_path`, breaks one
thing with an exact text edit and checks the `Problem`s that `check_file` and `load_campaign`
report: message key, parameters, display path, line number and file.
"""

from __future__ import annotations

import os
import re
import shutil
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from inspect_tui.loading.campaign import check_file, load_campaign
from inspect_tui.storage.files import MAX_BYTES
from inspect_tui.words.errors import ChecklistError, Problem
from inspect_tui.words.i18n import Msg, Text
from tests.support.files import edit

CHECKLISTS = Path(__file__).resolve().parents[2] / "checklists"
CAMPAIGN = "shache-2012-h1.toml"
YEAR_END = "shache-2012-y.toml"
OUTLINE = "outline-shache.toml"
ROSTER = "roster-shache.toml"

ROOM = 'id = "office.room"\nkind = "check"\npoints = 4\n'
ROOM_PATH = "sections[office].items[office.room]"
SECTION_IDS = "total, archive, office, penalties, plans, reports, study"
FREQUENCIES = "month, quarter, half-year, year"

_CJK = re.compile(r"[\u4e00-\u9fff]")
_PLACEHOLDER = re.compile(r"\{[a-z_]+\}")

LineFinder = Callable[[str], int | None]


# -- helpers -------------------------------------------------------------------------------------
@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """The bundled half-year campaign, its outline and its roster, copied side by side."""
    for name in (CAMPAIGN, OUTLINE, ROSTER):
        shutil.copyfile(CHECKLISTS / name, tmp_path / name)
    return tmp_path


def at(fragment: str, *, occurrence: int = 1, occurrences: int = 1, header: bool = False):
    """A finder for the 1-based line holding `fragment` (its `occurrence`-th of exactly
    `occurrences`); with `header`, the `[[...]]` line that opens the table around it."""

    def find(text: str) -> int:
        lines = text.splitlines()
        hits = [n for n, line in enumerate(lines, start=1) if fragment in line]
        assert len(hits) == occurrences, f"{fragment!r} is on lines {hits}"
        lineno = hits[occurrence - 1]
        if header:
            while not lines[lineno - 1].startswith("[["):
                lineno -= 1
        return lineno

    return find


def no_line(_: str) -> None:
    """For a problem about a key missing at the top of a file: there is no line to name."""
    return None


def assert_renders(problems: list[Problem]) -> None:
    """Every problem renders as one line in each language: `FILE:LINE: path: message`,
    Chinese wording in zh, English wording in en, nothing left unfilled."""
    for problem in problems:
        where = f"{problem.file}:{problem.lineno}:" if problem.lineno else f"{problem.file}:"
        head = f"{where} {problem.path}: " if problem.path else f"{where} "
        zh, en = problem.line("zh"), problem.line("en")
        for rendered in (zh, en):
            assert rendered.startswith(head), rendered
            assert "\n" not in rendered
            assert not _PLACEHOLDER.search(rendered), rendered
        zh_message, en_message = zh[len(head) :], en[len(head) :]
        assert zh_message != en_message
        assert _CJK.search(zh_message), zh
        english_words = en_message
        for value in problem.params.values():
            english_words = english_words.replace(str(value), "")
        assert not _CJK.search(english_words), en


def checked(path: Path) -> list[Problem]:
    """`check_file(path)`, each problem also rendered in both languages."""
    problems = check_file(path)
    assert_renders(problems)
    return problems


def load_problems(path: Path) -> list[Problem]:
    """The problems `load_campaign` raises with (it must raise)."""
    with pytest.raises(ChecklistError) as raised:
        load_campaign(path)
    assert raised.value.problems, "ChecklistError without problems"
    assert_renders(raised.value.problems)
    return raised.value.problems


@dataclass(frozen=True)
class Break:
    """One breakage: edit `file`, expect exactly one problem in it."""

    file: str
    old: str
    new: str
    key: str
    path: str
    line: LineFinder
    params: dict[str, object] = field(default_factory=dict)


def apply(folder: Path, case: Break) -> tuple[Problem, str]:
    """Apply `case`, check that the campaign, the edited file alone and `load_campaign`
    all report exactly the one expected problem; that problem and the edited text."""
    text = edit(folder / case.file, case.old, case.new)
    params = {k: v(text) if callable(v) else v for k, v in case.params.items()}
    expected = Problem(folder / case.file, case.path, case.key, params, case.line(text))
    assert checked(folder / CAMPAIGN) == [expected]
    assert checked(folder / case.file) == [expected]
    assert load_problems(folder / CAMPAIGN) == [expected]
    return expected, text


def ids(cases: dict[str, Break]) -> list:
    return [pytest.param(case, id=name) for name, case in cases.items()]


# -- 1. the bundled files are clean --------------------------------------------------------------
@pytest.mark.parametrize("name", [CAMPAIGN, YEAR_END, OUTLINE, ROSTER])
def test_bundled_file_checks_clean(name: str) -> None:
    assert check_file(CHECKLISTS / name) == []


@pytest.mark.parametrize(("name", "months", "items"), [(CAMPAIGN, 6, 41), (YEAR_END, 12, 42)])
def test_bundled_campaign_loads(name: str, months: int, items: int) -> None:
    campaign = load_campaign(CHECKLISTS / name)
    assert campaign.months == months
    assert len(campaign.items) == items  # plans.year_summary only in the 12-month round
    assert campaign.outline.total == 100
    assert len(campaign.groups) == 38


def test_copied_campaign_checks_clean(folder: Path) -> None:
    assert checked(folder / CAMPAIGN) == []


# -- 2. unknown keys -----------------------------------------------------------------------------
UNKNOWN_KEYS = {
    "item-hint": Break(
        OUTLINE,
        'id = "office.equipment"\nkind = "check"\npoints = 2\n',
        'id = "office.equipment"\nkind = "check"\npoints = 2\nalow_na = true\n',
        "schema.unknown_key_hint",
        "sections[office].items[office.equipment].alow_na",
        at("alow_na = true"),
        {"key": "alow_na", "hint": "allow_na"},
    ),
    "campaign-hint": Break(
        CAMPAIGN,
        "format = 1\n",
        'format = 1\ntitel = "x"\n',
        "schema.unknown_key_hint",
        "titel",
        at('titel = "x"'),
        {"key": "titel", "hint": "title"},
    ),
    "roster-hint": Break(
        ROSTER,
        'id = "kaqun"\n',
        'id = "kaqun"\nsampel = true\n',
        "schema.unknown_key_hint",
        "groups[kaqun].sampel",
        at("sampel = true"),
        {"key": "sampel", "hint": "sample"},
    ),
    "item-no-hint": Break(
        OUTLINE,
        ROOM,
        ROOM + "qqqqq = 1\n",
        "schema.unknown_key",
        f"{ROOM_PATH}.qqqqq",
        at("qqqqq = 1"),
        {"key": "qqqqq"},
    ),
    "campaign-no-hint": Break(
        CAMPAIGN,
        "format = 1\n",
        'format = 1\ncolour = "red"\n',
        "schema.unknown_key",
        "colour",
        at('colour = "red"'),
        {"key": "colour"},
    ),
}


@pytest.mark.parametrize("case", ids(UNKNOWN_KEYS))
def test_unknown_key(folder: Path, case: Break) -> None:
    apply(folder, case)


def test_misspelt_points_names_the_key_and_the_missing_points(folder: Path) -> None:
    text = edit(folder / OUTLINE, ROOM, ROOM.replace("points = 4", "pionts = 4"))
    problems = checked(folder / CAMPAIGN)
    hint = Problem(
        folder / OUTLINE,
        f"{ROOM_PATH}.pionts",
        "schema.unknown_key_hint",
        {"key": "pionts", "hint": "points"},
        text.splitlines().index("pionts = 4") + 1,
    )
    missing = Problem(
        folder / OUTLINE,
        ROOM_PATH,
        "schema.missing",
        {"key": "points"},
        at('id = "office.room"', header=True)(text),
    )
    assert problems[:2] == [hint, missing]
    assert checked(folder / OUTLINE)[:2] == [hint, missing]
    assert load_problems(folder / CAMPAIGN)[:2] == [hint, missing]


def test_misspelt_points_is_not_also_counted_as_zero_points(folder: Path) -> None:
    """An item whose `points` is misspelt is rejected, not built with 0 points: otherwise the
    outline would also report `checklist.points_total` (96 vs 100), a consequence of the same
    mistake."""
    edit(folder / OUTLINE, ROOM, ROOM.replace("points = 4", "pionts = 4"))
    keys = [problem.key for problem in checked(folder / OUTLINE)]
    assert keys == ["schema.unknown_key_hint", "schema.missing"]


# -- 3. duplicate ids ----------------------------------------------------------------------------
DUPLICATES = {
    "item": Break(
        OUTLINE,
        'id = "office.equipment"',
        'id = "office.room"',
        "schema.duplicate_id",
        f"{ROOM_PATH}.id",
        at('id = "office.room"', occurrence=2, occurrences=2),
        {"id": "office.room", "first": at('id = "office.room"', occurrence=1, occurrences=2)},
    ),
    "group": Break(
        ROSTER,
        'id = "azhatibage"',
        'id = "tuomuwusitang"',
        "schema.duplicate_id",
        "groups[tuomuwusitang].id",
        at('id = "tuomuwusitang"', occurrence=2, occurrences=2),
        {"id": "tuomuwusitang", "first": at('id = "tuomuwusitang"', occurrence=1, occurrences=2)},
    ),
    "team": Break(
        CAMPAIGN,
        'id = "team-2"',
        'id = "team-1"',
        "schema.duplicate_id",
        "teams[team-1].id",
        at('id = "team-1"', occurrence=2, occurrences=2),
        {"id": "team-1", "first": at('id = "team-1"', occurrence=1, occurrences=2)},
    ),
    "tier": Break(
        CAMPAIGN,
        'id = "fair"',
        'id = "good"',
        "schema.duplicate_id",
        "tiers[good].id",
        at('id = "good"', occurrence=2, occurrences=2),
        {"id": "good", "first": at('id = "good"', occurrence=1, occurrences=2)},
    ),
}


@pytest.mark.parametrize("case", ids(DUPLICATES))
def test_duplicate_id_points_at_the_second(folder: Path, case: Break) -> None:
    problem, _ = apply(folder, case)
    assert problem.lineno is not None and problem.lineno > problem.params["first"]


# -- 4. wrong types ------------------------------------------------------------------------------
TYPES = {
    "points-string": Break(
        OUTLINE,
        ROOM,
        ROOM.replace("points = 4", 'points = "4"'),
        "schema.type",
        f"{ROOM_PATH}.points",
        at('points = "4"'),
        {"expected": Msg("type.integer"), "found": Msg("type.string")},
    ),
    "points-float": Break(
        OUTLINE,
        ROOM,
        ROOM.replace("points = 4", "points = 4.0"),
        "schema.type",
        f"{ROOM_PATH}.points",
        at("points = 4.0"),
        {"expected": Msg("type.integer"), "found": Msg("type.float")},
    ),
    "tier-min-string": Break(
        CAMPAIGN,
        "min = 85",
        'min = "85"',
        "schema.type",
        "tiers[good].min",
        at('min = "85"'),
        {"expected": Msg("type.number"), "found": Msg("type.string")},
    ),
    "roster-sample-string": Break(
        ROSTER,
        'id = "kaqun"\nname = { zh = "喀群乡", en = "Kaqun Township" }\nkind = "township"\n'
        "sample = false",
        'id = "kaqun"\nname = { zh = "喀群乡", en = "Kaqun Township" }\nkind = "township"\n'
        'sample = "no"',
        "schema.type",
        "groups[kaqun].sample",
        at('sample = "no"'),
        {"expected": Msg("type.boolean"), "found": Msg("type.string")},
    ),
    # a string that is not a date at all is a plain type error (a quoted date: see STRINGS)
    "period-start-words": Break(
        CAMPAIGN,
        "period = { start = 2012-01-01,",
        'period = { start = "1 January 2012",',
        "schema.type",
        "period.start",
        at("period = {"),
        {"expected": Msg("type.date"), "found": Msg("type.string")},
    ),
    "outline-number": Break(
        CAMPAIGN,
        'outline = "outline-shache.toml"',
        "outline = 7",
        "schema.type",
        "outline",
        at("outline = 7"),
        {"expected": Msg("type.string"), "found": Msg("type.integer")},
    ),
}


@pytest.mark.parametrize("case", ids(TYPES))
def test_wrong_type(folder: Path, case: Break) -> None:
    apply(folder, case)


# -- 4a. the two mistakes a clerk makes with strings: quoting a date, writing one language -------
TITLE = (
    'title = { zh = "莎车县2012年上半年政协委员联络组考核", '
    'en = "Shache County 2012 half-year assessment of CPPCC member liaison groups" }'
)
ROOM_TEXT = (
    'text = { zh = "有专门的办公场所并挂牌", en = "Has a dedicated office with a nameplate" }'
)
KAQUN_NAME = 'name = { zh = "喀群乡", en = "Kaqun Township" }'

STRINGS = {
    "start-quoted": Break(
        CAMPAIGN,
        "period = { start = 2012-01-01,",
        'period = { start = "2012-01-01",',
        "schema.date_quoted",
        "period.start",
        at("period = {"),
        {"value": "2012-01-01"},
    ),
    "end-quoted": Break(
        CAMPAIGN,
        "end = 2012-06-30 }",
        'end = "2012-06-30" }',
        "schema.date_quoted",
        "period.end",
        at("period = {"),
        {"value": "2012-06-30"},
    ),
    "campaign-title-zh-only": Break(
        CAMPAIGN,
        TITLE,
        'title = "莎车县2012年上半年政协委员联络组考核"',
        "schema.text_as_string",
        "title",
        at('title = "莎车县'),
        {"value": "莎车县2012年上半年政协委员联络组考核"},
    ),
    "item-text-zh-only": Break(
        OUTLINE,
        ROOM_TEXT,
        'text = "有专门的办公场所并挂牌"',
        "schema.text_as_string",
        f"{ROOM_PATH}.text",
        at('text = "有专门的办公场所并挂牌"'),
        {"value": "有专门的办公场所并挂牌"},
    ),
    "group-name-zh-only": Break(
        ROSTER,
        KAQUN_NAME,
        'name = "喀群乡"',
        "schema.text_as_string",
        "groups[kaqun].name",
        at('name = "喀群乡"'),
        {"value": "喀群乡"},
    ),
}


@pytest.mark.parametrize("case", ids(STRINGS))
def test_quoted_date_and_one_language_text(folder: Path, case: Break) -> None:
    apply(folder, case)


# -- 4b. a missing key is one problem, not also a wrong type -------------------------------------
MISSING = {
    "campaign-title": Break(
        CAMPAIGN, TITLE + "\n", "", "schema.missing", "", no_line, {"key": "title"}
    ),
    "campaign-period": Break(
        CAMPAIGN,
        "period = { start = 2012-01-01, end = 2012-06-30 }\n",
        "",
        "schema.missing",
        "",
        no_line,
        {"key": "period"},
    ),
    "campaign-outline": Break(
        CAMPAIGN,
        'outline = "outline-shache.toml"\n',
        "",
        "schema.missing",
        "",
        no_line,
        {"key": "outline"},
    ),
    "period-start": Break(
        CAMPAIGN,
        "period = { start = 2012-01-01, end = 2012-06-30 }",
        "period = { end = 2012-06-30 }",
        "schema.missing",
        "period",
        at("period = {"),
        {"key": "start"},
    ),
    "tier-min": Break(
        CAMPAIGN,
        "min = 60\n",
        "",
        "schema.missing",
        "tiers[fair]",
        at('id = "fair"', header=True),
        {"key": "min"},
    ),
    "item-text": Break(
        OUTLINE,
        ROOM_TEXT + "\n",
        "",
        "schema.missing",
        ROOM_PATH,
        at('id = "office.room"', header=True),
        {"key": "text"},
    ),
    "item-points": Break(
        OUTLINE,
        ROOM,
        ROOM.replace("points = 4\n", ""),
        "schema.missing",
        ROOM_PATH,
        at('id = "office.room"', header=True),
        {"key": "points"},
    ),
    "group-name": Break(
        ROSTER,
        KAQUN_NAME + "\n",
        "",
        "schema.missing",
        "groups[kaqun]",
        at('id = "kaqun"', header=True),
        {"key": "name"},
    ),
    "name-in-english": Break(
        ROSTER,
        KAQUN_NAME,
        'name = { zh = "喀群乡" }',
        "schema.missing",
        "groups[kaqun].name",
        at('name = { zh = "喀群乡" }'),
        {"key": "en"},
    ),
}


@pytest.mark.parametrize("case", ids(MISSING))
def test_missing_key_is_the_only_problem(folder: Path, case: Break) -> None:
    apply(folder, case)


# -- 4c. ids that break the id rules, numbers below their floor ----------------------------------
BOUNDS = {
    "campaign-id": Break(
        CAMPAIGN,
        'id = "shache-2012-h1"',
        'id = "Shache 2012"',
        "schema.pattern",
        "id",
        at('id = "Shache 2012"'),
        {"value": "Shache 2012", "rule": Msg("pattern.id")},
    ),
    "section-id": Break(
        OUTLINE,
        'id = "plans"\n',
        'id = "Plans"\n',
        "schema.pattern",
        "sections[Plans].id",
        at('id = "Plans"'),
        {"value": "Plans", "rule": Msg("pattern.section")},
    ),
    "item-id": Break(
        OUTLINE,
        'id = "office.room"',
        'id = "office.Room"',
        "schema.pattern",
        "sections[office].items[office.Room].id",
        at('id = "office.Room"'),
        {"value": "office.Room", "rule": Msg("pattern.item")},
    ),
    "tier-min-below-zero": Break(
        CAMPAIGN,
        "min = 0",
        "min = -5",
        "schema.min",
        "tiers[poor].min",
        at("min = -5"),
        {"value": -5, "low": 0},
    ),
    "weight-below-zero": Break(
        OUTLINE,
        "weight = 30",
        "weight = -1",
        "schema.min",
        "sections[reports].weight",
        at("weight = -1"),
        {"value": -1, "low": 0},
    ),
}


@pytest.mark.parametrize("case", ids(BOUNDS))
def test_pattern_and_lower_bound(folder: Path, case: Break) -> None:
    apply(folder, case)


RANGES = {
    "points-zero": Break(
        OUTLINE,
        ROOM,
        ROOM.replace("points = 4", "points = 0"),
        "schema.range",
        f"{ROOM_PATH}.points",
        at("points = 0"),
        {"value": 0, "low": 1, "high": 100},
    ),
    "total-over-100": Break(
        OUTLINE,
        "total = 100",
        "total = 101",
        "schema.range",
        "total",
        at("total = 101"),
        {"value": 101, "low": 1, "high": 100},
    ),
}


@pytest.mark.parametrize("case", ids(RANGES))
def test_number_out_of_range(folder: Path, case: Break) -> None:
    """A number with both bounds is `schema.range` (value, low, high), and it renders."""
    apply(folder, case)


# -- 5. points against the declared total --------------------------------------------------------
TOTALS = {
    "one-more": Break(
        OUTLINE,
        ROOM,
        ROOM.replace("points = 4", "points = 5"),
        "checklist.points_total",
        "total",
        at("total = 100"),
        {
            "points": 101,
            "total": 100,
            "detail": "office 21, plans 15, archive 20, study 15, reports 30",
        },
    ),
    "two-fewer": Break(
        OUTLINE,
        'id = "reports.social_info"\nkind = "count"\npoints = 5',
        'id = "reports.social_info"\nkind = "count"\npoints = 3',
        "checklist.points_total",
        "total",
        at("total = 100"),
        {
            "points": 98,
            "total": 100,
            "detail": "office 20, plans 15, archive 20, study 15, reports 28",
        },
    ),
    # section weights: the weightless "penalties" is left out of the detail
    "weights-over": Break(
        OUTLINE,
        "weight = 30",
        "weight = 35",
        "checklist.weights_total",
        "total",
        at("total = 100"),
        {
            "weights": "105",
            "total": 100,
            "detail": "office 20, plans 15, archive 20, study 15, reports 35",
        },
    ),
    "weights-fraction": Break(
        OUTLINE,
        "weight = 30",
        "weight = 29.5",
        "checklist.weights_total",
        "total",
        at("total = 100"),
        {
            "weights": "99.5",
            "total": 100,
            "detail": "office 20, plans 15, archive 20, study 15, reports 29.5",
        },
    ),
}


@pytest.mark.parametrize("case", ids(TOTALS))
def test_points_do_not_add_up_to_total(folder: Path, case: Break) -> None:
    apply(folder, case)


def test_total_detail_renders_in_both_languages(folder: Path) -> None:
    text = edit(folder / OUTLINE, ROOM, ROOM.replace("points = 4", "points = 5"))
    (problem,) = checked(folder / CAMPAIGN)
    head = f"{folder / OUTLINE}:{at('total = 100')(text)}: total: "
    assert problem.line("en") == head + (
        "item points add up to 101 (office 21, plans 15, archive 20, study 15, reports 30), "
        "but the outline declares total = 100"
    )
    assert problem.line("zh") == head + (
        "各项分值合计 101 分（office 21, plans 15, archive 20, study 15, reports 30），"
        "与声明的总分 100 不符"
    )


# -- 6. frequency --------------------------------------------------------------------------------
FREQUENCY = {
    "weekly": Break(
        OUTLINE,
        'frequency = "half-year"',
        'frequency = "weekly"',
        "schema.choice",
        "sections[reports].items[reports.research_reports].frequency",
        at('frequency = "weekly"'),
        {"value": "weekly", "choices": FREQUENCIES},
    ),
    "capitalised": Break(
        OUTLINE,
        'frequency = "month"',
        'frequency = "Month"',
        "schema.choice",
        "sections[reports].items[reports.social_info].frequency",
        at('frequency = "Month"'),
        {"value": "Month", "choices": FREQUENCIES},
    ),
    "number": Break(
        OUTLINE,
        'id = "study.collective"\nkind = "count"\npoints = 4\nfrequency = "quarter"',
        'id = "study.collective"\nkind = "count"\npoints = 4\nfrequency = 3',
        "schema.choice",
        "sections[study].items[study.collective].frequency",
        at("frequency = 3"),
        {"value": 3, "choices": FREQUENCIES},
    ),
}


@pytest.mark.parametrize("case", ids(FREQUENCY))
def test_unknown_frequency(folder: Path, case: Break) -> None:
    apply(folder, case)


# -- 7. a team naming a group the roster does not have --------------------------------------------
UNKNOWN_GROUPS = {
    # (old, new, team, index counted from 1): the new name is added, nothing is taken away
    "inserted-mid-line": (
        '"paikeqi", "yingwusitang"',
        '"paikeqi", "nowhere", "yingwusitang"',
        1,
        6,
    ),
    "after-comment-line": ('"yishikuli",  # 亦由', '"yishikuli", "nowhere",  # 亦由', 1, 15),
    "first-element": ('"qiareke", "yishikuli"', '"nowhere", "qiareke", "yishikuli"', 3, 1),
    # a typo in the anchor group of team 3 (wudalike is also on team 2's list)
    "typo": ('"wudalike",  # 亦由第二考核组', '"wudalik",  # 亦由第二考核组', 3, 13),
}


def _unknown_group(folder: Path, name: str) -> tuple[Problem, list[Problem]]:
    old, new, team, index = UNKNOWN_GROUPS[name]
    text = edit(folder / CAMPAIGN, old, new)
    group = "wudalik" if name == "typo" else "nowhere"
    expected = Problem(
        folder / CAMPAIGN,
        f"teams[team-{team}].groups[{index}]",
        "checklist.unknown_group",
        {"group": group},
        at(new)(text),
    )
    return expected, checked(folder / CAMPAIGN)


@pytest.mark.parametrize("name", UNKNOWN_GROUPS)
def test_unknown_group_in_team(folder: Path, name: str) -> None:
    expected, problems = _unknown_group(folder, name)
    assert [p for p in problems if p.key == "checklist.unknown_group"] == [expected]
    assert expected in load_problems(folder / CAMPAIGN)


@pytest.mark.parametrize("name", UNKNOWN_GROUPS)
def test_unknown_group_is_the_only_problem(folder: Path, name: str) -> None:
    """One bad entry on a team's list must not make the team's other groups "assigned to no
    team": the file does assign them."""
    expected, problems = _unknown_group(folder, name)
    assert problems == [expected]


def test_group_listed_twice_by_one_team_is_the_only_problem(folder: Path) -> None:
    """A group repeated in one team's list is reported once, as a duplicate, and nothing
    else."""
    new = '"paikeqi", "paikeqi", "yingwusitang"'
    text = edit(folder / CAMPAIGN, '"paikeqi", "yingwusitang"', new)
    expected = Problem(
        folder / CAMPAIGN,
        "teams[team-1].groups[6]",
        "schema.duplicate_id",
        {"id": "paikeqi", "first": at(new)(text)},
        at(new)(text),
    )
    problems = checked(folder / CAMPAIGN)
    assert expected in problems
    assert problems == [expected]


# -- 8. a group no team visits -------------------------------------------------------------------
UNASSIGNED = {
    # gonganju is on team 3's list only
    "one-team": (
        [('"qiye-gongwei", "gonganju",', '"qiye-gongwei",')],
        {"group": "gonganju", "name": Text("公安局党委", "Public Security Bureau Party committee")},
    ),
    # yishikuli is the cross-check anchor on teams 1 and 3: taken off both lists
    "anchor": (
        [
            ('    "yishikuli",  # 亦由第三考核组考核 / also visited by team-3\n', ""),
            ('"qiareke", "yishikuli", "yigaierqi"', '"qiareke", "yigaierqi"'),
        ],
        {"group": "yishikuli", "name": Text("伊什库力乡", "Yishikuli Township")},
    ),
}


def _unassigned(folder: Path, name: str) -> tuple[list[Problem], str]:
    edits, _ = UNASSIGNED[name]
    text = ""
    for old, new in edits:
        text = edit(folder / CAMPAIGN, old, new)
    return checked(folder / CAMPAIGN), text


@pytest.mark.parametrize("name", UNASSIGNED)
def test_group_assigned_to_no_team(folder: Path, name: str) -> None:
    problems, _ = _unassigned(folder, name)
    _, params = UNASSIGNED[name]
    assert [(p.file, p.path, p.key, p.params) for p in problems] == [
        (folder / CAMPAIGN, "teams", "checklist.group_unassigned", params)
    ]
    assert [p.key for p in load_problems(folder / CAMPAIGN)] == ["checklist.group_unassigned"]


@pytest.mark.parametrize("name", UNASSIGNED)
def test_group_assigned_to_no_team_is_named_in_each_language(folder: Path, name: str) -> None:
    (problem,), text = _unassigned(folder, name)
    group, group_name = UNASSIGNED[name][1]["group"], UNASSIGNED[name][1]["name"]
    assert isinstance(group_name, Text)
    head = f"{folder / CAMPAIGN}:{at('[[teams]]', occurrences=3)(text)}: teams: "
    assert problem.line("en") == head + f"group '{group}' ({group_name.en}) is assigned to no team"
    assert problem.line("zh") == head + f"联络组“{group}”（{group_name.zh}）未分配给任何考核组"


@pytest.mark.parametrize("name", UNASSIGNED)
def test_group_assigned_to_no_team_has_a_line(folder: Path, name: str) -> None:
    """A problem about the whole `teams` array still has a line: its first `[[teams]]`."""
    problems, text = _unassigned(folder, name)
    assert [p.lineno for p in problems] == [at("[[teams]]", occurrences=3)(text)]


# -- 9. tiers ------------------------------------------------------------------------------------
TIERS = {
    "order-above": Break(
        CAMPAIGN,
        "min = 60",
        "min = 90",
        "checklist.tier_order",
        "tiers[fair].min",
        at("min = 90"),
        {"tier": "fair"},
    ),
    "order-equal": Break(
        CAMPAIGN,
        "min = 60",
        "min = 85",
        "checklist.tier_order",
        "tiers[fair].min",
        at("min = 85", occurrence=2, occurrences=2),
        {"tier": "fair"},
    ),
    "floor": Break(
        CAMPAIGN,
        "min = 0",
        "min = 10",
        "checklist.tier_floor",
        "tiers[poor].min",
        at("min = 10"),
        {"tier": "poor"},
    ),
}


@pytest.mark.parametrize("case", ids(TIERS))
def test_tiers(folder: Path, case: Break) -> None:
    apply(folder, case)


# -- 10. malformed TOML --------------------------------------------------------------------------
@dataclass(frozen=True)
class Malformed:
    """A TOML syntax error: the line tomllib stops at holds `fragment`; `reason` is our wording
    (a `Msg`) for the mistakes a clerk makes, tomllib's own text for the rest."""

    file: str
    old: str
    new: str
    fragment: str
    reason: object
    column: int


FULL_WIDTH = "toml.full_width"
MALFORMED = {
    "unclosed-string": Malformed(
        OUTLINE,
        'id = "office.staff"',
        'id = "office.staff',
        'id = "office.staff',
        Msg("toml.unterminated"),  # a quote left open on its line
        19,  # the end of the line, where the closing quote should be
    ),
    "unclosed-header": Malformed(
        CAMPAIGN, "[merge]", "[merge", "[merge", "Expected ']' at the end of a table declaration", 7
    ),
    "key-twice": Malformed(
        CAMPAIGN,
        "threshold = 10\n",
        "threshold = 10\nthreshold = 11\n",
        "= 11",
        Msg("toml.repeated"),
        15,
    ),
    "missing-comma": Malformed(
        CAMPAIGN,
        '"kaqun", "huoshilafu"',
        '"kaqun" "huoshilafu"',
        '"kaqun" "',
        Msg("toml.unclosed"),
        13,
    ),
    "roster-unclosed-table": Malformed(
        ROSTER,
        KAQUN_NAME,
        'name = { zh = "喀群乡", en = "Kaqun Township"',
        '"Kaqun Township"',
        Msg("toml.unclosed"),
        43,
    ),
    "unquoted-text": Malformed(
        CAMPAIGN,
        'outline = "outline-shache.toml"',
        "outline = outline-shache.toml",
        "outline = outline-shache.toml",
        Msg("toml.invalid_value"),
        11,
    ),
    "bare-key": Malformed(
        CAMPAIGN,
        "threshold = 10\n",
        "threshold = 10\nnote\n",
        "note",
        Msg("toml.expected_equals"),
        5,
    ),
    "stray-table": Malformed(
        CAMPAIGN,
        "threshold = 10\n",
        "threshold = 10\n{ extra = 1 }\n",
        "{ extra = 1 }",
        Msg("toml.invalid_statement"),
        1,
    ),
    # a Chinese input method: full-width punctuation on the line is named on top of the reason
    "full-width-equals": Malformed(
        CAMPAIGN,
        'outline = "outline-shache.toml"',
        'outline ＝ "outline-shache.toml"',
        "outline ＝",
        Msg(FULL_WIDTH, reason=Msg("toml.expected_equals")),
        9,
    ),
    "full-width-quotes": Malformed(
        CAMPAIGN,
        'outline = "outline-shache.toml"',
        "outline = “outline-shache.toml”",
        "outline = “",
        Msg(FULL_WIDTH, reason=Msg("toml.invalid_value")),
        11,
    ),
    "full-width-comma": Malformed(
        CAMPAIGN,
        '"kaqun", "huoshilafu"',
        '"kaqun"，"huoshilafu"',
        '"kaqun"，"',
        Msg(FULL_WIDTH, reason=Msg("toml.unclosed")),
        12,
    ),
    "full-width-brackets": Malformed(
        CAMPAIGN,
        "[merge]",
        "［merge］",
        "［merge］",
        Msg(FULL_WIDTH, reason=Msg("toml.invalid_statement")),
        1,
    ),
    "full-width-hash": Malformed(
        CAMPAIGN,
        "threshold = 10\n",
        "threshold = 10  ＃ 十分\n",
        "threshold = 10  ＃",
        Msg(FULL_WIDTH, reason="Expected newline or end of document after a statement"),
        17,
    ),
    # full-width marks inside a quoted string are text, not the mistake: not named
    "full-width-inside-a-string": Malformed(
        CAMPAIGN,
        "threshold = 10\n",
        'threshold = 10\nnote = "＝，“”" x\n',
        'note = "＝',
        "Expected newline or end of document after a statement",
        15,
    ),
}


@pytest.mark.parametrize("name", MALFORMED)
def test_malformed_toml_is_one_problem_with_its_line(folder: Path, name: str) -> None:
    case = MALFORMED[name]
    text = edit(folder / case.file, case.old, case.new)
    expected = Problem(
        folder / case.file,
        "",
        "file.toml",
        {"reason": case.reason, "column": case.column},
        at(case.fragment)(text),
    )
    assert checked(folder / CAMPAIGN) == [expected]
    assert checked(folder / case.file) == [expected]
    assert load_problems(folder / CAMPAIGN) == [expected]
    if isinstance(case.reason, str):
        assert "(at line" not in case.reason and "end of document)" not in case.reason


def test_full_width_problem_renders_in_both_languages(folder: Path) -> None:
    text = edit(
        folder / CAMPAIGN, 'outline = "outline-shache.toml"', 'outline ＝ "outline-shache.toml"'
    )
    (problem,) = checked(folder / CAMPAIGN)
    head = f"{folder / CAMPAIGN}:{at('outline ＝')(text)}: "
    assert problem.line("en") == head + (
        "not valid TOML (column 9): a key must be followed by '='; "
        'this line has full-width punctuation (＝，“”：［］): TOML needs = , " : [ ]'
    )
    assert problem.line("zh") == head + (
        "TOML 格式错误（第 9 列）：键后面应有“=”；"
        '这一行有全角标点（＝，“”：［］），TOML 需要半角的 = , " : [ ]'
    )


def _truncate(folder: Path) -> tuple[str, int]:
    """Cut the roster short in the middle of a quoted name, as an interrupted copy does;
    the text left and its number of lines."""
    text = (folder / ROSTER).read_bytes().decode("utf-8")
    cut = text[: text.index("Kaqun Township") + len("Kaqun")]
    (folder / ROSTER).write_bytes(cut.encode("utf-8"))
    assert not cut.endswith("\n")
    return cut, len(cut.splitlines())


def test_truncated_file_names_its_last_line(folder: Path) -> None:
    """tomllib says "at end of document": the problem gets the file's last line."""
    _, last = _truncate(folder)
    problems = checked(folder / CAMPAIGN)
    assert [(p.file, p.path, p.key, p.lineno) for p in problems] == [
        (folder / ROSTER, "", "file.toml", last)
    ]
    assert problems[0].params["reason"] == Msg("toml.unterminated")
    assert checked(folder / ROSTER) == problems
    assert load_problems(folder / CAMPAIGN) == problems


def test_truncated_file_column_is_where_the_text_stops(folder: Path) -> None:
    """Columns are 1-based: the end of a cut-off last line is one past its last character,
    not column 0 ("not valid TOML (column 0)" names a column no editor has)."""
    cut, last = _truncate(folder)
    (problem,) = checked(folder / ROSTER)
    assert problem.params == {
        "reason": Msg("toml.unterminated"),
        "column": len(cut.splitlines()[-1]) + 1,
    }
    assert problem.lineno == last


# -- 11. not UTF-8 -------------------------------------------------------------------------------
def _recode(file: Path, fragment: str, codec: str) -> tuple[int, int]:
    """Re-encode the one line holding `fragment` in `codec` (the rest stays UTF-8); its line
    and the 1-based column of its first non-ASCII character."""
    text = file.read_bytes().decode("utf-8")
    lines = text.splitlines(keepends=True)
    (index,) = [i for i, line in enumerate(lines) if fragment in line]
    before = "".join(lines[:index])
    line = lines[index]
    first = next(i for i, char in enumerate(line) if not char.isascii())
    file.write_bytes(
        before.encode("utf-8") + line.encode(codec) + "".join(lines[index + 1 :]).encode("utf-8")
    )
    return index + 1, first + 1


@pytest.mark.parametrize(
    ("file", "fragment", "codec"),
    [
        (OUTLINE, "有专门的办公场所并挂牌", "gbk"),  # one line pasted from a GBK source
        (ROSTER, 'zh = "喀群乡"', "gb18030"),
        (CAMPAIGN, 'leader = { zh = "县政协主席', "gbk"),
    ],
)
def test_not_utf8_names_its_line(folder: Path, file: str, fragment: str, codec: str) -> None:
    """One line in another encoding in an otherwise UTF-8 file: the file as a whole is
    neither UTF-8 nor GBK, so the plain encoding problem, with its line and column."""
    lineno, column = _recode(folder / file, fragment, codec)
    expected = Problem(
        folder / file, "", "file.encoding", {"line": lineno, "column": column}, lineno
    )
    assert checked(folder / CAMPAIGN) == [expected]
    assert checked(folder / file) == [expected]
    assert load_problems(folder / CAMPAIGN) == [expected]


def test_latin1_roster(folder: Path) -> None:
    """The column is the one an editor shows: characters, not bytes (the line has three
    Chinese characters, 9 bytes in UTF-8, before the bad byte)."""
    raw = (folder / ROSTER).read_bytes()
    assert raw.count(b"Kaqun Township") == 1
    (folder / ROSTER).write_bytes(
        raw.replace(b"Kaqun Township", "Kaqun Townshíp".encode("latin-1"))
    )
    text = raw.decode("utf-8")
    lineno = at("Kaqun Township")(text)
    line = text.splitlines()[lineno - 1]
    assert line == 'name = { zh = "喀群乡", en = "Kaqun Township" }'
    column = line.index("Kaqun Township") + len("Kaqun Townsh") + 1
    expected = Problem(
        folder / ROSTER, "", "file.encoding", {"line": lineno, "column": column}, lineno
    )
    assert checked(folder / ROSTER) == [expected]


def _first_non_ascii_line(text: str) -> int:
    return next(n for n, line in enumerate(text.splitlines(), start=1) if not line.isascii())


@pytest.mark.parametrize("name", [CAMPAIGN, OUTLINE, ROSTER])
def test_gbk_file(folder: Path, name: str) -> None:
    """Notepad's "ANSI" on a Chinese Windows: the whole file in GBK is named as such, from
    the first line that cannot be read as UTF-8."""
    text = (folder / name).read_bytes().decode("utf-8")
    (folder / name).write_bytes(text.encode("gbk"))
    lineno = _first_non_ascii_line(text)
    expected = Problem(folder / name, "", "file.gbk", {"line": lineno}, lineno)
    assert checked(folder / CAMPAIGN) == [expected]
    assert checked(folder / name) == [expected]
    assert load_problems(folder / CAMPAIGN) == [expected]


def test_gbk_file_names_the_first_line_that_is_not_ascii(folder: Path) -> None:
    text = (folder / CAMPAIGN).read_bytes().decode("utf-8")
    ascii_head = "".join(
        line for line in text.splitlines(keepends=True) if not line.startswith("#")
    )
    assert not ascii_head.splitlines()[0].startswith("#")
    (folder / CAMPAIGN).write_bytes(ascii_head.encode("gb18030"))
    lineno = at("title = {")(ascii_head)
    assert lineno == _first_non_ascii_line(ascii_head) > 1
    assert checked(folder / CAMPAIGN) == [
        Problem(folder / CAMPAIGN, "", "file.gbk", {"line": lineno}, lineno)
    ]


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_file(folder: Path, codec: str) -> None:
    """Notepad's "Unicode": a UTF-16 byte order mark names the encoding; no line."""
    text = (folder / CAMPAIGN).read_bytes().decode("utf-8")
    (folder / CAMPAIGN).write_bytes(("\ufeff" + text).encode(codec))
    expected = [Problem(folder / CAMPAIGN, "", "file.utf16")]
    assert checked(folder / CAMPAIGN) == expected
    assert load_problems(folder / CAMPAIGN) == expected


def test_utf16_outline(folder: Path) -> None:
    text = (folder / OUTLINE).read_bytes().decode("utf-8")
    (folder / OUTLINE).write_bytes(text.encode("utf-16"))
    assert checked(folder / CAMPAIGN) == [Problem(folder / OUTLINE, "", "file.utf16")]


def test_word_or_zip_file(folder: Path) -> None:
    """A .docx or .xlsx renamed to .toml starts with a zip header."""
    (folder / OUTLINE).write_bytes(b"PK\x03\x04\x14\x00\x06\x00\x08\x00" + bytes(range(256)))
    expected = [Problem(folder / OUTLINE, "", "file.zip")]
    assert checked(folder / CAMPAIGN) == expected
    assert checked(folder / OUTLINE) == expected
    assert load_problems(folder / CAMPAIGN) == expected


def test_nul_bytes_in_utf8_text(folder: Path) -> None:
    raw = (folder / ROSTER).read_bytes()
    (folder / ROSTER).write_bytes(raw[:200] + b"\x00\x00\x00\x00" + raw[200:])
    expected = [Problem(folder / ROSTER, "", "file.binary")]
    assert checked(folder / CAMPAIGN) == expected
    assert checked(folder / ROSTER) == expected


@pytest.mark.parametrize(
    "header",
    [
        pytest.param(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10", id="png"),
        pytest.param(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01", id="jpeg"),
    ],
)
def test_binary_file_that_is_not_utf8(folder: Path, header: bytes) -> None:
    """A picture saved as .toml holds NUL bytes: it is binary, whatever else its bytes are
    (a PNG's first bytes happen to be valid GB18030, yet it is no GBK text file)."""
    (folder / OUTLINE).write_bytes(header)
    assert checked(folder / OUTLINE) == [Problem(folder / OUTLINE, "", "file.binary")]


@pytest.mark.parametrize(
    "content", [pytest.param("", id="empty"), pytest.param("# 提纲\n\n# outline\n", id="comments")]
)
def test_empty_file(tmp_path: Path, content: str) -> None:
    path = tmp_path / "campaign.toml"
    path.write_bytes(content.encode("utf-8"))
    expected = [Problem(path, "", "file.empty")]
    assert checked(path) == expected
    assert load_problems(path) == expected


def test_utf8_byte_order_mark_is_accepted(folder: Path) -> None:
    for name in (CAMPAIGN, OUTLINE, ROSTER):
        (folder / name).write_bytes(b"\xef\xbb\xbf" + (folder / name).read_bytes())
    assert checked(folder / CAMPAIGN) == []


# -- 12. missing files and folders ---------------------------------------------------------------
def test_missing_file(tmp_path: Path) -> None:
    path = tmp_path / "nope.toml"
    assert checked(path) == [Problem(path, "", "file.missing")]
    assert load_problems(path) == [Problem(path, "", "file.missing")]


def test_folder_instead_of_file(tmp_path: Path) -> None:
    path = tmp_path / "campaign.toml"
    path.mkdir()
    assert checked(path) == [Problem(path, "", "file.is_dir")]
    assert load_problems(path) == [Problem(path, "", "file.is_dir")]


def test_campaign_naming_a_missing_outline(folder: Path) -> None:
    """Reported in the campaign, at the line that names the outline: that is what to fix."""
    text = edit(
        folder / CAMPAIGN, 'outline = "outline-shache.toml"', 'outline = "outline-2012.toml"'
    )
    expected = [
        Problem(
            folder / CAMPAIGN,
            "outline",
            "checklist.ref_missing",
            {"file": "outline-2012.toml", "kind": Msg("noun.outline")},
            at('outline = "outline-2012.toml"')(text),
        )
    ]
    assert checked(folder / CAMPAIGN) == expected
    assert load_problems(folder / CAMPAIGN) == expected


def test_campaign_naming_a_missing_roster(folder: Path) -> None:
    (folder / ROSTER).unlink()
    text = (folder / CAMPAIGN).read_text(encoding="utf-8")
    expected = [
        Problem(
            folder / CAMPAIGN,
            "roster",
            "checklist.ref_missing",
            {"file": ROSTER, "kind": Msg("noun.roster")},
            at(f'roster = "{ROSTER}"')(text),
        )
    ]
    assert checked(folder / CAMPAIGN) == expected
    assert load_problems(folder / CAMPAIGN) == expected


def test_campaign_naming_a_folder_as_roster(folder: Path) -> None:
    text = edit(folder / CAMPAIGN, 'roster = "roster-shache.toml"', 'roster = "rosters"')
    (folder / "rosters").mkdir()
    assert checked(folder / CAMPAIGN) == [
        Problem(
            folder / CAMPAIGN,
            "roster",
            "checklist.ref_missing",
            {"file": "rosters", "kind": Msg("noun.roster")},
            at('roster = "rosters"')(text),
        )
    ]


def test_missing_reference_keeps_the_path_as_written(folder: Path) -> None:
    """`file` is the reference as the campaign writes it (relative, subfolder and all), and
    the message says what kind of file is missing, in each language."""
    text = edit(
        folder / CAMPAIGN, 'outline = "outline-shache.toml"', 'outline = "sub/outline-shache.toml"'
    )
    (problem,) = checked(folder / CAMPAIGN)
    assert problem.params == {"file": "sub/outline-shache.toml", "kind": Msg("noun.outline")}
    head = f"{folder / CAMPAIGN}:{at('outline = ')(text)}: outline: "
    assert problem.line("en") == head + (
        "outline file 'sub/outline-shache.toml' not found "
        "(the path is relative to this file's folder)"
    )
    assert problem.line("zh") == head + (
        "找不到考核提纲文件“sub/outline-shache.toml”（路径相对于本文件所在文件夹）"
    )


WRONG_KIND = {
    # (key in the campaign, the file it is made to name, kind wanted, kind found)
    "outline-names-roster": ("outline", ROSTER, "outline", "roster"),
    "roster-names-outline": ("roster", OUTLINE, "roster", "outline"),
    "roster-names-campaign": ("roster", CAMPAIGN, "roster", "campaign"),
}


@pytest.mark.parametrize("name", WRONG_KIND)
def test_campaign_naming_the_wrong_kind_of_file(folder: Path, name: str) -> None:
    """Reported in the named file: it exists, it is just not what the campaign needs."""
    key, target, wanted, found = WRONG_KIND[name]
    own = {"outline": OUTLINE, "roster": ROSTER}[key]
    edit(folder / CAMPAIGN, f'{key} = "{own}"', f'{key} = "{target}"')
    expected = [
        Problem(
            folder / target,
            "",
            "checklist.wrong_kind",
            {"kind": Msg(f"kind.file.{wanted}"), "found": Msg(f"kind.file.{found}")},
        )
    ]
    assert checked(folder / CAMPAIGN) == expected
    assert load_problems(folder / CAMPAIGN) == expected


def test_wrong_kind_renders_in_both_languages(folder: Path) -> None:
    edit(folder / CAMPAIGN, f'outline = "{OUTLINE}"', f'outline = "{ROSTER}"')
    (problem,) = checked(folder / CAMPAIGN)
    assert (
        problem.line("en")
        == f"{folder / ROSTER}: an outline is needed here, but this file is a roster"
    )
    assert problem.line("zh") == f"{folder / ROSTER}: 这里需要考核提纲，但这个文件是联络组名册"


@pytest.mark.parametrize(
    "content",
    [
        pytest.param('[misc]\nnote = "x"\n', id="table"),
        pytest.param('format = 1\nid = "x"\n', id="keys"),
    ],
)
def test_file_of_no_known_kind(tmp_path: Path, content: str) -> None:
    path = tmp_path / "what.toml"
    path.write_text(content, encoding="utf-8")
    assert checked(path) == [Problem(path, "", "checklist.unknown_kind")]


def test_loading_a_file_of_no_known_kind(tmp_path: Path) -> None:
    """Not a campaign and not an outline or roster either: `load_campaign` must say so in
    words, not "this is {kind}, not a campaign" with the placeholder left in."""
    path = tmp_path / "what.toml"
    path.write_text('[misc]\nnote = "x"\n', encoding="utf-8")
    assert load_problems(path) == [Problem(path, "", "checklist.unknown_kind")]


@pytest.mark.parametrize(("name", "kind"), [(OUTLINE, "outline"), (ROSTER, "roster")])
def test_loading_an_outline_or_roster_as_a_campaign(name: str, kind: str) -> None:
    path = CHECKLISTS / name
    assert check_file(path) == []  # fine as what it is
    assert load_problems(path) == [
        Problem(path, "", "checklist.not_campaign", {"kind": Msg(f"kind.file.{kind}")})
    ]


def test_not_campaign_renders_in_both_languages() -> None:
    (problem,) = load_problems(CHECKLISTS / OUTLINE)
    assert problem.line("en") == (
        f"{CHECKLISTS / OUTLINE}: this is an outline, not a campaign; "
        "check the campaign file that names it"
    )
    assert problem.line("zh") == (
        f"{CHECKLISTS / OUTLINE}: 这是考核提纲，不是考核方案；请检查引用它的考核方案文件"
    )


def test_outline_path_is_relative_to_the_campaign(folder: Path) -> None:
    (folder / "sub").mkdir()
    shutil.move(folder / OUTLINE, folder / "sub" / OUTLINE)
    edit(
        folder / CAMPAIGN, 'outline = "outline-shache.toml"', 'outline = "sub/outline-shache.toml"'
    )
    assert checked(folder / CAMPAIGN) == []
    assert load_campaign(folder / CAMPAIGN).outline.path == folder / "sub" / OUTLINE


# -- 13. every problem is reported ---------------------------------------------------------------
def test_problems_in_three_files_are_all_reported(folder: Path) -> None:
    outline = edit(folder / OUTLINE, ROOM, ROOM.replace("points = 4", 'points = "4"'))
    roster = edit(
        folder / ROSTER,
        'id = "kaqun"\nname = { zh = "喀群乡", en = "Kaqun Township" }\nkind = "township"',
        'id = "kaqun"\nname = { zh = "喀群乡", en = "Kaqun Township" }\nkind = "village"',
    )
    campaign = edit(folder / CAMPAIGN, "min = 0", "min = 10")
    expected = [
        Problem(
            folder / OUTLINE,
            f"{ROOM_PATH}.points",
            "schema.type",
            {"expected": Msg("type.integer"), "found": Msg("type.string")},
            at('points = "4"')(outline),
        ),
        Problem(
            folder / ROSTER,
            "groups[kaqun].kind",
            "schema.choice",
            {"value": "village", "choices": "township, system"},
            at('kind = "village"')(roster),
        ),
        Problem(
            folder / CAMPAIGN,
            "tiers[poor].min",
            "checklist.tier_floor",
            {"tier": "poor"},
            at("min = 10")(campaign),
        ),
    ]
    found = checked(folder / CAMPAIGN)
    assert len(found) == 3
    assert {_frozen(p) for p in found} == {_frozen(p) for p in expected}
    with pytest.raises(ChecklistError) as raised:
        load_campaign(folder / CAMPAIGN)
    assert raised.value.problems == found
    assert raised.value.line("en") == found[0].line("en") + " (and 2 more)"
    assert raised.value.line("zh") == found[0].line("zh") + "（另有 2 个问题）"


def test_problems_in_one_outline_are_all_reported(folder: Path) -> None:
    edit(folder / OUTLINE, ROOM, ROOM.replace("points = 4", 'points = "4"'))
    edit(folder / OUTLINE, 'frequency = "half-year"', 'frequency = "weekly"')
    edit(
        folder / OUTLINE,
        'points = 5\ncap = 10\nfrom = "archive"',
        'points = 5\ncap = 4\nfrom = "archive"',
    )
    found = checked(folder / OUTLINE)
    assert [(p.key, p.path) for p in found] == [
        ("schema.type", f"{ROOM_PATH}.points"),
        ("schema.choice", "sections[reports].items[reports.research_reports].frequency"),
        ("checklist.cap", "sections[penalties].items[penalties.fabricated_records].cap"),
    ]
    assert checked(folder / CAMPAIGN) == found


def _frozen(problem: Problem) -> tuple:
    return (
        problem.file,
        problem.path,
        problem.key,
        tuple(sorted(problem.params.items())),
        problem.lineno,
    )


# -- 14. every problem renders in both languages ---------------------------------------------------
ALL_BREAKS = {
    f"{group}-{name}": case
    for group, cases in (
        ("unknown", UNKNOWN_KEYS),
        ("duplicate", DUPLICATES),
        ("type", TYPES),
        ("string", STRINGS),
        ("bounds", BOUNDS),
        ("total", TOTALS),
        ("frequency", FREQUENCY),
        ("tiers", TIERS),
    )
    for name, case in cases.items()
}


@pytest.mark.parametrize("case", ids(ALL_BREAKS))
def test_problem_renders_in_both_languages(folder: Path, case: Break) -> None:
    problem, _ = apply(folder, case)
    zh, en = problem.line("zh"), problem.line("en")
    prefix = f"{folder / case.file}:{problem.lineno}: {case.path}: "
    assert zh.startswith(prefix) and en.startswith(prefix)
    assert zh != en
    assert _CJK.search(zh[len(prefix) :])


def test_file_level_problems_render_without_a_line(tmp_path: Path) -> None:
    missing, folder_path = tmp_path / "nope.toml", tmp_path / "dir.toml"
    folder_path.mkdir()
    for path, zh, en in (
        (missing, "文件不存在", "file not found"),
        (folder_path, "这是一个文件夹，不是文件", "is a folder, not a file"),
    ):
        (problem,) = checked(path)
        assert problem.line("zh") == f"{path}: {zh}"
        assert problem.line("en") == f"{path}: {en}"


def test_rendered_example_lines(folder: Path) -> None:
    text = edit(folder / OUTLINE, ROOM, ROOM.replace("points = 4", 'points = "4"'))
    lineno = at('points = "4"')(text)
    (problem,) = checked(folder / CAMPAIGN)
    assert problem.line("en") == (
        f"{folder / OUTLINE}:{lineno}: {ROOM_PATH}.points: "
        "expected a whole number, found quoted text"
    )
    assert problem.line("zh") == (
        f"{folder / OUTLINE}:{lineno}: {ROOM_PATH}.points: 应为整数，实为加引号的文字"
    )


# -- 15. deductions and scales -------------------------------------------------------------------
DEDUCTIONS = {
    "from-unknown-section": Break(
        OUTLINE,
        'from = "archive"',
        'from = "archives"',
        "schema.choice",
        "sections[penalties].items[penalties.fabricated_records].from",
        at('from = "archives"'),
        {"value": "archives", "choices": SECTION_IDS},
    ),
    "cap-below-points": Break(
        OUTLINE,
        'points = 5\ncap = 10\nfrom = "archive"',
        'points = 5\ncap = 4\nfrom = "archive"',
        "checklist.cap",
        "sections[penalties].items[penalties.fabricated_records].cap",
        at("cap = 4"),
        {"cap": 4, "points": 5},
    ),
    "step-does-not-divide": Break(
        OUTLINE,
        "points = 5\nstep = 1",
        "points = 5\nstep = 2",
        "checklist.step",
        "sections[office].items[office.rules].step",
        at("step = 2"),
        {"step": 2, "points": 5},
    ),
}


@pytest.mark.parametrize("case", ids(DEDUCTIONS))
def test_deduction_and_scale_rules(folder: Path, case: Break) -> None:
    apply(folder, case)


# "penalties" is a section of the outline, but with weight 0: nothing to deduct from, nothing
# to rank by
WEIGHTLESS = {
    "deduct-from-penalties": Break(
        OUTLINE,
        'from = "archive"',
        'from = "penalties"',
        "checklist.deduct_from_empty",
        "sections[penalties].items[penalties.fabricated_records].from",
        at('from = "penalties"'),
        {"section": "penalties"},
    ),
    "tie-break-on-penalties": Break(
        CAMPAIGN,
        '"office", "deductions", "name"]',
        '"office", "penalties", "deductions", "name"]',
        "schema.choice",
        "tie_break[7]",
        at('"penalties"'),
        {
            "value": "penalties",
            "choices": "total, deductions, name, office, plans, archive, study, reports",
        },
    ),
}


@pytest.mark.parametrize("case", ids(WEIGHTLESS))
def test_section_without_weight(folder: Path, case: Break) -> None:
    apply(folder, case)


def test_deduct_from_empty_renders_in_both_languages(folder: Path) -> None:
    text = edit(folder / OUTLINE, 'from = "archive"', 'from = "penalties"')
    lineno = at('from = "penalties"')(text)
    (problem,) = checked(folder / CAMPAIGN)
    head = (
        f"{folder / OUTLINE}:{lineno}: "
        "sections[penalties].items[penalties.fabricated_records].from: "
    )
    assert problem.line("en") == head + (
        "section 'penalties' has no points, so a deduction from it does nothing; "
        "name a section with points, or total"
    )
    assert problem.line("zh") == head + (
        "“penalties”部分没有分值，从它扣分不起作用；请改为有分值的部分或 total"
    )


def test_deduction_from_an_existing_section_and_cap_equal_to_points_are_fine(folder: Path) -> None:
    edit(folder / OUTLINE, 'from = "archive"', 'from = "study"')
    edit(
        folder / OUTLINE,
        'points = 5\ncap = 10\nfrom = "study"',
        'points = 5\ncap = 5\nfrom = "study"',
    )
    assert checked(folder / CAMPAIGN) == []


# -- 16. the checklist hash ----------------------------------------------------------------------
def _hash(folder: Path) -> str:
    return load_campaign(folder / CAMPAIGN).checklist_hash


def test_hash_does_not_depend_on_where_the_files_are(folder: Path) -> None:
    assert _hash(folder) == load_campaign(CHECKLISTS / CAMPAIGN).checklist_hash


COSMETIC: dict[str, Callable[[Path], object]] = {
    "comment-line": lambda f: edit(f / OUTLINE, ROOM, "# 新增注释 / a new comment\n" + ROOM),
    "trailing-comment": lambda f: edit(f / OUTLINE, ROOM, ROOM.replace("= 4", "= 4  # 四分")),
    "whitespace": lambda f: edit(
        f / OUTLINE, ROOM, '\n  id   =   "office.room"\n\n\tkind="check"\n    points =4   \n\n'
    ),
    "key-order": lambda f: edit(
        f / OUTLINE, ROOM, 'points = 4\nid = "office.room"\nkind = "check"\n'
    ),
    "crlf": lambda f: (f / OUTLINE).write_bytes((f / OUTLINE).read_bytes().replace(b"\n", b"\r\n")),
    "bom": lambda f: (f / OUTLINE).write_bytes(b"\xef\xbb\xbf" + (f / OUTLINE).read_bytes()),
    "campaign-only": lambda f: edit(f / CAMPAIGN, "max = 14", "max = 12"),
}


@pytest.mark.parametrize("change", COSMETIC)
def test_hash_unchanged_by_cosmetic_edits(folder: Path, change: str) -> None:
    before = _hash(folder)
    COSMETIC[change](folder)
    assert checked(folder / CAMPAIGN) == []
    assert _hash(folder) == before


def test_hash_changes_when_points_move_between_items(folder: Path) -> None:
    before = _hash(folder)
    edit(folder / OUTLINE, ROOM, ROOM.replace("points = 4", "points = 3"))
    edit(
        folder / OUTLINE,
        'id = "office.equipment"\nkind = "check"\npoints = 2',
        'id = "office.equipment"\nkind = "check"\npoints = 3',
    )
    assert checked(folder / CAMPAIGN) == []  # the totals still add up
    assert _hash(folder) != before


def test_hash_changes_with_the_period(folder: Path) -> None:
    before = _hash(folder)
    edit(folder / CAMPAIGN, "end = 2012-06-30", "end = 2012-06-29")
    assert checked(folder / CAMPAIGN) == []
    campaign = load_campaign(folder / CAMPAIGN)
    assert campaign.months == 6
    assert campaign.checklist_hash != before


def test_half_year_and_year_end_hashes_differ() -> None:
    half = load_campaign(CHECKLISTS / CAMPAIGN)
    year = load_campaign(CHECKLISTS / YEAR_END)
    assert half.outline.path == year.outline.path
    assert half.checklist_hash != year.checklist_hash


WORDING: dict[str, Callable[[Path], object]] = {
    "item-text": lambda f: edit(
        f / OUTLINE,
        ROOM_TEXT,
        ROOM_TEXT.replace("并挂牌", "并悬挂门牌").replace("a nameplate", "a sign"),
    ),
    "item-guidance": lambda f: edit(
        f / OUTLINE, "确认为联络组固定使用而非临时借用", "确认为联络组长期固定使用"
    ),
    "section-title": lambda f: edit(
        f / OUTLINE,
        'title = { zh = "自身建设", en = "Office" }',
        'title = { zh = "自身建设（五有）", en = "Office and staff" }',
    ),
    "outline-title": lambda f: edit(
        f / OUTLINE, "liaison groups (Shaxiefa [2011] No. 7)", "liaison groups (Shaxiefa 2011/7)"
    ),
    "campaign-title": lambda f: edit(f / CAMPAIGN, "half-year assessment", "mid-year assessment"),
}


@pytest.mark.parametrize("change", WORDING)
def test_hash_unchanged_by_wording_edits(folder: Path, change: str) -> None:
    """Fixing a typo in the middle of a round must not cut the teams' drafts off: the hash
    covers what decides what an answer is worth, not how the checklist words it."""
    before = _hash(folder)
    WORDING[change](folder)
    assert checked(folder / CAMPAIGN) == []
    assert _hash(folder) == before


SCORING: dict[str, Callable[[Path], object]] = {
    "weights-move": lambda f: (
        edit(f / OUTLINE, "weight = 30", "weight = 25"),
        edit(
            f / OUTLINE,
            'weight = 20\n\n[[sections.items]]\nid = "office.room"',
            'weight = 25\n\n[[sections.items]]\nid = "office.room"',
        ),
    ),
    "step": lambda f: edit(f / OUTLINE, "points = 5\nstep = 1", "points = 5\nstep = 5"),
    "allow-na": lambda f: edit(
        f / OUTLINE,
        'allow_na = false\nrequired = true\n\n[[sections.items]]\nid = "office.equipment"',
        'allow_na = true\nrequired = true\n\n[[sections.items]]\nid = "office.equipment"',
    ),
    "cap": lambda f: edit(
        f / OUTLINE,
        'points = 5\ncap = 10\nfrom = "archive"',
        'points = 5\ncap = 5\nfrom = "archive"',
    ),
    "deduct-from": lambda f: edit(f / OUTLINE, 'from = "archive"', 'from = "study"'),
    "frequency": lambda f: edit(f / OUTLINE, 'frequency = "half-year"', 'frequency = "quarter"'),
}


@pytest.mark.parametrize("change", SCORING)
def test_hash_changes_with_what_an_answer_is_worth(folder: Path, change: str) -> None:
    before = _hash(folder)
    SCORING[change](folder)
    assert checked(folder / CAMPAIGN) == []
    assert _hash(folder) != before


# -- 15. numbers that are no numbers, text that is no text, files that are no files ----------------
NOT_FINITE = {
    "tier-min-nan": Break(
        CAMPAIGN, "min = 60", "min = nan", "schema.not_finite", "tiers[fair].min",
        at("min = nan"), {"value": "nan"},
    ),
    "tier-min-inf": Break(
        CAMPAIGN, "min = 60", "min = inf", "schema.not_finite", "tiers[fair].min",
        at("min = inf"), {"value": "inf"},
    ),
    "threshold-nan": Break(
        CAMPAIGN, "threshold = 10", "threshold = +nan", "schema.not_finite", "merge.threshold",
        at("threshold = +nan"), {"value": "nan"},
    ),
    "threshold-inf": Break(
        CAMPAIGN, "threshold = 10", "threshold = inf", "schema.not_finite", "merge.threshold",
        at("threshold = inf"), {"value": "inf"},
    ),
    "weight-nan": Break(
        OUTLINE,
        'weight = 20\n\n[[sections.items]]\nid = "office.room"',
        'weight = nan\n\n[[sections.items]]\nid = "office.room"',
        "schema.not_finite", "sections[office].weight", at("weight = nan"), {"value": "nan"},
    ),
    "weight-negative-inf": Break(
        OUTLINE,
        'weight = 20\n\n[[sections.items]]\nid = "office.room"',
        'weight = -inf\n\n[[sections.items]]\nid = "office.room"',
        "schema.not_finite", "sections[office].weight", at("weight = -inf"), {"value": "-inf"},
    ),
}  # fmt: skip


@pytest.mark.parametrize("case", ids(NOT_FINITE))
def test_nan_and_infinities_are_refused_wherever_a_number_is_read(
    folder: Path, case: Break
) -> None:
    # before: `weight = nan` and a tier `min = nan` passed (every comparison with nan is false)
    problem, _ = apply(folder, case)
    assert "nan and inf are not allowed" in problem.line("en")


def test_a_nan_tier_minimum_no_longer_sinks_totals_into_the_lowest_tier(folder: Path) -> None:
    edit(folder / CAMPAIGN, "min = 60", "min = nan")
    with pytest.raises(ChecklistError) as raised:
        load_campaign(folder / CAMPAIGN)
    assert raised.value.line("en").endswith("tiers[fair].min: nan is not a number that can be "
                                            "used (nan and inf are not allowed)")  # fmt: skip


CONTROLS = {
    "campaign-title-esc": Break(
        CAMPAIGN,
        'title = { zh = "莎车县',
        'title = { zh = "莎车\\u001b]0;x\\u0007县',
        "schema.control", "title.zh", at("title = { zh"), {"position": 3, "char": "U+001B"},
    ),
    "tier-name-c1": Break(
        CAMPAIGN,
        'name = { zh = "一般", en = "Fair" }',
        'name = { zh = "一般", en = "Fair\\u009b2J" }',
        "schema.control", "tiers[fair].name.en", at('en = "Fair'),
        {"position": 5, "char": "U+009B"},
    ),
    "team-name-newline": Break(
        CAMPAIGN,
        'name = { zh = "第一考核组"',
        'name = { zh = "第一\\n考核组"',
        "schema.control", "teams[team-1].name.zh", at('zh = "第一'),
        {"position": 3, "char": "U+000A"},
    ),
    "team-leader-tab": Break(
        CAMPAIGN,
        'leader = { zh = "县政协主席 贾沙热提',
        'leader = { zh = "县政协主席\\t贾沙热提',
        "schema.control", "teams[team-1].leader.zh", at("县政协主席\\t"),
        {"position": 6, "char": "U+0009"},
    ),
    "group-name-del": Break(
        ROSTER,
        'name = { zh = "托木吾斯塘乡"',
        'name = { zh = "托木吾斯塘乡\\u007f"',
        "schema.control", "groups[tuomuwusitang].name.zh", at("托木吾斯塘乡"),
        {"position": 7, "char": "U+007F"},
    ),
    "item-text-esc": Break(
        OUTLINE,
        'text = { zh = "有专门的办公场所并挂牌"',
        'text = { zh = "\\u001b[2J有专门的办公场所并挂牌"',
        "schema.control", f"{ROOM_PATH}.text.zh", at("有专门的办公场所并挂牌"),
        {"position": 1, "char": "U+001B"},
    ),
    "guidance-esc": Break(
        OUTLINE,
        'guidance = { zh = "现场查看办公室及门牌',
        'guidance = { zh = "现场\\u001b]0;x\\u0007查看办公室及门牌',
        "schema.control", f"{ROOM_PATH}.guidance.zh", at("现场\\u001b"),
        {"position": 3, "char": "U+001B"},
    ),
}  # fmt: skip


@pytest.mark.parametrize("case", ids(CONTROLS))
def test_control_characters_in_checklist_text_are_refused_by_position(
    folder: Path, case: Break
) -> None:
    problem, _ = apply(folder, case)
    assert f"character {case.params['position']} is the control character" in problem.line("en")


def test_multi_line_guidance_right_to_left_names_and_direction_marks_are_text(
    folder: Path,
) -> None:
    # guidance is a paragraph: TOML's multi-line strings keep their breaks and tabs
    edit(
        folder / OUTLINE,
        'guidance = { zh = "现场查看办公室及门牌，确认为联络组固定使用而非临时借用"',
        'guidance = { zh = """现场查看办公室及门牌：\n\t确认为联络组固定使用而非临时借用"""',
    )
    # Uyghur is ordinary text; a direction control is neutralized where it is shown, not here
    edit(folder / ROSTER, '"托木吾斯塘乡"', '"تومۇستاڭ يېزىسى \u202e"')
    assert checked(folder / CAMPAIGN) == []
    campaign = load_campaign(folder / CAMPAIGN)
    assert campaign.item("office.room").guidance.zh.count("\n") == 1
    assert campaign.group("tuomuwusitang").name.zh == "تومۇستاڭ يېزىسى \u202e"


def test_a_checklist_nested_past_recursion_is_one_problem(tmp_path: Path) -> None:
    # tomllib recurses per level and raised RecursionError (a crash) on this
    deep = tmp_path / "deep.toml"
    deep.write_text("a = " + "[" * 100_000 + "]" * 100_000 + "\n", encoding="utf-8")
    tables = tmp_path / "tables.toml"
    tables.write_text("a = " + "{ b = " * 100_000 + "1" + " }" * 100_000 + "\n", encoding="utf-8")
    for path in (deep, tables):
        assert checked(path) == [Problem(path, "", "file.nested")]
        with pytest.raises(ChecklistError) as raised:
            load_campaign(path)
        assert raised.value.line("en") == f"{path}: arrays or tables nested too deeply to read " \
            "(no checklist is written like this)"  # fmt: skip


def test_a_checklist_that_is_a_fifo_or_a_device_is_refused_without_reading(
    folder: Path, tmp_path: Path
) -> None:
    fifo = tmp_path / "fifo.toml"
    os.mkfifo(fifo)  # reading it would wait for a writer for ever
    assert checked(fifo) == [Problem(fifo, "", "file.not_regular")]
    (folder / ROSTER).unlink()
    (folder / ROSTER).symlink_to("/dev/zero")  # reading it would never end
    assert checked(folder / CAMPAIGN) == [Problem(folder / ROSTER, "", "file.not_regular")]
    assert checked(folder / CAMPAIGN)[0].line("en") == (
        f"{folder / ROSTER}: not a regular file (a device, a pipe or a socket); not read"
    )


def test_a_checklist_over_the_size_limit_is_refused_before_reading(folder: Path) -> None:
    huge = folder / OUTLINE
    with huge.open("r+b") as handle:
        handle.truncate(MAX_BYTES + 1)  # sparse: costs no disk and no memory
    (problem,) = checked(folder / CAMPAIGN)
    assert problem == Problem(huge, "", "file.too_large", {"size": "64.1 MiB", "limit": "64 MiB"})
    assert problem.line("en") == f"{huge}: too large (64.1 MiB; the limit is 64 MiB); not read"

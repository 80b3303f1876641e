"""Validation of campaign, outline and roster files: every problem, by file, field path and line.

Each test copies the bundled campaign with its outline and roster into `tmp_path`, breaks one
thing with an exact text edit and checks the `Problem`s that `check_file` and `load_campaign`
report: message key, parameters, display path, line number and file.
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from inspect_tui.core.campaign import check_file, load_campaign
from inspect_tui.core.errors import ChecklistError, Problem

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

LineFinder = Callable[[str], int]


# -- helpers -------------------------------------------------------------------------------------
@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """The bundled half-year campaign, its outline and its roster, copied side by side."""
    for name in (CAMPAIGN, OUTLINE, ROSTER):
        shutil.copyfile(CHECKLISTS / name, tmp_path / name)
    return tmp_path


def edit(file: Path, old: str, new: str) -> str:
    """Replace the one occurrence of `old` in `file`; the new text."""
    text = file.read_bytes().decode("utf-8")
    assert text.count(old) == 1, f"{old!r} occurs {text.count(old)} times in {file.name}"
    text = text.replace(old, new)
    file.write_bytes(text.encode("utf-8"))
    return text


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
        {"expected": "integer", "found": "string"},
    ),
    "points-float": Break(
        OUTLINE,
        ROOM,
        ROOM.replace("points = 4", "points = 4.0"),
        "schema.type",
        f"{ROOM_PATH}.points",
        at("points = 4.0"),
        {"expected": "integer", "found": "float"},
    ),
    "tier-min-string": Break(
        CAMPAIGN,
        "min = 85",
        'min = "85"',
        "schema.type",
        "tiers[good].min",
        at('min = "85"'),
        {"expected": "number", "found": "string"},
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
        {"expected": "boolean", "found": "string"},
    ),
    "period-start-string": Break(
        CAMPAIGN,
        "period = { start = 2012-01-01,",
        'period = { start = "2012-01-01",',
        "schema.type",
        "period.start",
        at("period = {"),
        {"expected": "date", "found": "string"},
    ),
}


@pytest.mark.parametrize("case", ids(TYPES))
def test_wrong_type(folder: Path, case: Break) -> None:
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
        {"points": 101, "total": 100},
    ),
    "two-fewer": Break(
        OUTLINE,
        'id = "reports.social_info"\nkind = "count"\npoints = 5',
        'id = "reports.social_info"\nkind = "count"\npoints = 3',
        "checklist.points_total",
        "total",
        at("total = 100"),
        {"points": 98, "total": 100},
    ),
}


@pytest.mark.parametrize("case", ids(TOTALS))
def test_points_do_not_add_up_to_total(folder: Path, case: Break) -> None:
    apply(folder, case)


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
        {"group": "gonganju", "name": "公安局党委"},
    ),
    # yishikuli is the cross-check anchor on teams 1 and 3: taken off both lists
    "anchor": (
        [
            ('    "yishikuli",  # 亦由第三考核组考核 / also visited by team-3\n', ""),
            ('"qiareke", "yishikuli", "yigaierqi"', '"qiareke", "yigaierqi"'),
        ],
        {"group": "yishikuli", "name": "伊什库力乡"},
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
MALFORMED = {
    # (file, old, new, fragment on the line tomllib stops at)
    "unclosed-string": (OUTLINE, 'id = "office.staff"', 'id = "office.staff', 'id = "office.staff'),
    "unclosed-header": (CAMPAIGN, "[merge]", "[merge", "[merge"),
    "key-twice": (CAMPAIGN, "threshold = 10\n", "threshold = 10\nthreshold = 11\n", "= 11"),
    "missing-comma": (CAMPAIGN, '"kaqun", "huoshilafu"', '"kaqun" "huoshilafu"', '"kaqun" "'),
    "roster-unclosed-table": (
        ROSTER,
        'name = { zh = "喀群乡", en = "Kaqun Township" }',
        'name = { zh = "喀群乡", en = "Kaqun Township"',
        '"Kaqun Township"',
    ),
}


@pytest.mark.parametrize("name", MALFORMED)
def test_malformed_toml_is_one_problem_with_its_line(folder: Path, name: str) -> None:
    file, old, new, fragment = MALFORMED[name]
    text = edit(folder / file, old, new)
    problems = checked(folder / CAMPAIGN)
    assert len(problems) == 1
    (problem,) = problems
    assert (problem.file, problem.path, problem.key) == (folder / file, "", "file.toml")
    assert problem.lineno == at(fragment)(text)
    detail = problem.params["detail"]
    assert isinstance(detail, str) and detail and "(at line" not in detail
    assert checked(folder / file) == [problem]
    assert load_problems(folder / CAMPAIGN) == [problem]


# -- 11. not UTF-8 -------------------------------------------------------------------------------
def _recode(file: Path, fragment: str, codec: str) -> tuple[int, int]:
    """Re-encode the one line holding `fragment` in `codec`; (its line, first bad byte)."""
    text = file.read_bytes().decode("utf-8")
    lines = text.splitlines(keepends=True)
    (index,) = [i for i, line in enumerate(lines) if fragment in line]
    before = "".join(lines[:index])
    line = lines[index]
    first = next(i for i, char in enumerate(line) if not char.isascii())
    file.write_bytes(
        before.encode("utf-8") + line.encode(codec) + "".join(lines[index + 1 :]).encode("utf-8")
    )
    return index + 1, len(before.encode("utf-8")) + len(line[:first].encode("utf-8"))


@pytest.mark.parametrize(
    ("file", "fragment", "codec"),
    [
        (OUTLINE, "有专门的办公场所并挂牌", "gbk"),  # saved from a Chinese Windows editor
        (ROSTER, 'zh = "喀群乡"', "gb18030"),
        (CAMPAIGN, 'leader = { zh = "县政协主席', "gbk"),
    ],
)
def test_not_utf8_names_its_line(folder: Path, file: str, fragment: str, codec: str) -> None:
    lineno, offset = _recode(folder / file, fragment, codec)
    expected = Problem(folder / file, "", "file.encoding", {"offset": offset}, lineno)
    assert checked(folder / CAMPAIGN) == [expected]
    assert checked(folder / file) == [expected]
    assert load_problems(folder / CAMPAIGN) == [expected]


def test_latin1_roster(folder: Path) -> None:
    raw = (folder / ROSTER).read_bytes()
    assert raw.count(b"Kaqun Township") == 1
    (folder / ROSTER).write_bytes(
        raw.replace(b"Kaqun Township", "Kaqun Townshíp".encode("latin-1"))
    )
    text = raw.decode("utf-8")
    expected = Problem(
        folder / ROSTER,
        "",
        "file.encoding",
        {"offset": len(text[: text.index("Kaqun Township")].encode("utf-8")) + 12},
        at("Kaqun Township")(text),
    )
    assert checked(folder / ROSTER) == [expected]


def test_utf16_file(folder: Path) -> None:
    """Notepad's "Unicode": a UTF-16 byte order mark is not UTF-8 at byte 0, line 1."""
    text = (folder / CAMPAIGN).read_bytes().decode("utf-8")
    (folder / CAMPAIGN).write_bytes(text.encode("utf-16"))
    assert checked(folder / CAMPAIGN) == [
        Problem(folder / CAMPAIGN, "", "file.encoding", {"offset": 0}, 1)
    ]


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
    edit(folder / CAMPAIGN, 'outline = "outline-shache.toml"', 'outline = "outline-2012.toml"')
    expected = [Problem(folder / "outline-2012.toml", "", "file.missing")]
    assert checked(folder / CAMPAIGN) == expected
    assert load_problems(folder / CAMPAIGN) == expected


def test_campaign_naming_a_missing_roster(folder: Path) -> None:
    (folder / ROSTER).unlink()
    expected = [Problem(folder / ROSTER, "", "file.missing")]
    assert checked(folder / CAMPAIGN) == expected
    assert load_problems(folder / CAMPAIGN) == expected


def test_campaign_naming_a_folder_as_roster(folder: Path) -> None:
    edit(folder / CAMPAIGN, 'roster = "roster-shache.toml"', 'roster = "rosters"')
    (folder / "rosters").mkdir()
    assert checked(folder / CAMPAIGN) == [Problem(folder / "rosters", "", "file.is_dir")]


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
            {"expected": "integer", "found": "string"},
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
        f"{folder / OUTLINE}:{lineno}: {ROOM_PATH}.points: expected integer, found string"
    )
    assert problem.line("zh") == (
        f"{folder / OUTLINE}:{lineno}: {ROOM_PATH}.points: 应为 integer，实为 string"
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

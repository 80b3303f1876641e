"""The real `inspect-tui` console script in a subprocess: exit codes, one line per problem, no
traceback, global options before the subcommand, `checklist show`, and no app without a terminal.

Every run gets its own data folder (INSPECT_TUI_DATA) and temp folder, so nothing touches the
user's real data, and stdin is /dev/null, so the app never finds a terminal.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest

from inspect_tui.loading.campaign import load_campaign
from inspect_tui.words.textwidth import ambiguous_chars, unambiguous
from tests.support.files import edit

CHECKLISTS = Path(__file__).resolve().parents[2] / "checklists"
CAMPAIGN = CHECKLISTS / "shache-2012-h1.toml"
YEAR_END = CHECKLISTS / "shache-2012-y.toml"
OUTLINE = CHECKLISTS / "outline-shache.toml"
ROSTER = CHECKLISTS / "roster-shache.toml"

ROOM = 'id = "office.room"\nkind = "check"\npoints = 4\n'
ROOM_POINTS = "sections[office].items[office.room].points"

_SCRIPT = shutil.which("inspect-tui", path=sysconfig.get_path("scripts"))
COMMAND = [_SCRIPT] if _SCRIPT else [sys.executable, "-m", "inspect_tui.cli"]


def run(tmp_path: Path, *args: str | Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("INSPECT_TUI_")}
    env.update(
        INSPECT_TUI_DATA=str(tmp_path / "data"),
        TMPDIR=str(tmp_path / "tmp"),  # where a crash log would go
        COLUMNS="250",  # rich tables wide enough that no cell wraps
        PYTHONIOENCODING="utf-8",
    )
    (tmp_path / "tmp").mkdir(exist_ok=True)
    result = subprocess.run(
        [*COMMAND, *map(str, args)],
        cwd=tmp_path,
        env=env,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
    )
    assert "Traceback" not in result.stderr + result.stdout
    assert not list((tmp_path / "tmp").glob("inspect-tui-crash-*")), "the CLI crashed"
    return result


def copy_bundled(tmp_path: Path) -> Path:
    folder = tmp_path / "checklists"
    folder.mkdir()
    for source in (CAMPAIGN, OUTLINE, ROSTER):
        shutil.copyfile(source, folder / source.name)
    return folder


def line_of(text: str, line: str) -> int:
    return text.splitlines().index(line) + 1


# -- checklist check -----------------------------------------------------------------------------
CLEAN = {
    "en": [
        f"{CAMPAIGN}: no problems (41 items, total 100)",
        f"{YEAR_END}: no problems (42 items, total 100)",
        f"{OUTLINE}: no problems",
        f"{ROSTER}: no problems",
    ],
    "zh": [
        f"{CAMPAIGN}：没有问题（41 个考核项目，总分 100）",
        f"{YEAR_END}：没有问题（42 个考核项目，总分 100）",
        f"{OUTLINE}：没有问题",
        f"{ROSTER}：没有问题",
    ],
}


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_check_bundled_files(tmp_path: Path, lang: str) -> None:
    result = run(
        tmp_path, "--lang", lang, "checklist", "check", CAMPAIGN, YEAR_END, OUTLINE, ROSTER
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == CLEAN[lang]
    assert result.stderr == ""


BROKEN = {  # (wrong type, last tier not at 0, summary on stderr)
    "en": (
        "expected a whole number, found quoted text",
        "the last tier 'poor' must have min = 0 so that every score has a tier",
        "2 problem(s)",
    ),
    "zh": (
        "应为整数，实为加引号的文字",
        "最后一个等次“poor”的分数线必须为 0，以便每个分数都有等次",
        "共 2 个问题",
    ),
}


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_check_broken_campaign(tmp_path: Path, lang: str) -> None:
    folder = copy_bundled(tmp_path)
    outline = edit(folder / OUTLINE.name, ROOM, ROOM.replace("points = 4", 'points = "4"'))
    campaign = edit(folder / CAMPAIGN.name, "min = 0\n", "min = 10\n")
    result = run(tmp_path, "--lang", lang, "checklist", "check", folder / CAMPAIGN.name)
    assert result.returncode == 2
    wrong_type, floor, summary = BROKEN[lang]
    points_line, tier_line = line_of(outline, 'points = "4"'), line_of(campaign, "min = 10")
    lines = result.stdout.splitlines()
    assert sorted(lines) == sorted(
        [
            f"{folder / OUTLINE.name}:{points_line}: {ROOM_POINTS}: {wrong_type}",
            f"{folder / CAMPAIGN.name}:{tier_line}: tiers[poor].min: {floor}",
        ]
    )
    shape = re.compile(r"^(?P<file>\S+\.toml):(?P<line>\d+): (?P<path>[^ ]+): (?P<message>.+)$")
    assert all(shape.match(line) for line in lines)
    assert result.stderr.splitlines() == [summary]


def test_check_reports_every_file_given(tmp_path: Path) -> None:
    folder = copy_bundled(tmp_path)
    text = edit(folder / OUTLINE.name, 'frequency = "half-year"', 'frequency = "weekly"')
    lineno = line_of(text, 'frequency = "weekly"')
    result = run(tmp_path, "--lang", "en", "checklist", "check", ROSTER, folder / OUTLINE.name)
    assert result.returncode == 2
    assert result.stdout.splitlines() == [
        f"{ROSTER}: no problems",
        f"{folder / OUTLINE.name}:{lineno}: "
        "sections[reports].items[reports.research_reports].frequency: "
        "'weekly' is not one of: month, quarter, half-year, year",
    ]
    assert result.stderr.splitlines() == ["1 problem(s)"]


def _gbk_outline(path: Path) -> str:
    """The outline from one line on in GBK, the lines before in UTF-8: neither encoding
    reads the whole file, so the plain "not UTF-8" with the line and column."""
    text = OUTLINE.read_bytes().decode("utf-8")
    (index,) = [i for i, line in enumerate(text.splitlines()) if "有专门的办公场所并挂牌" in line]
    lines = text.splitlines(keepends=True)
    before = "".join(lines[:index]).encode("utf-8")
    column = lines[index].index("有专门") + 1  # ASCII up to there
    path.write_bytes(before + "".join(lines[index:]).encode("gbk"))
    return (
        f"{path}:{index + 1}: not UTF-8 (line {index + 1}, column {column}); save the file as UTF-8"
    )


def _png(path: Path) -> str:
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10")
    return f"{path}: this is not a text file (it holds binary data)"


def _docx(path: Path) -> str:
    path.write_bytes(b"PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00")
    return f"{path}: this is a Word, Excel or zip file, not a text file; write it in a text editor"


def _json(path: Path) -> str:
    path.write_text('{\n  "format": 1,\n  "id": "shache-2012-h1"\n}\n', encoding="utf-8")
    return (
        f"{path}:1: not valid TOML (column 1): "
        "this line is neither 'key = value' nor a [table] header"
    )


def _empty(path: Path) -> str:
    path.write_text("# 考核方案 / campaign\n", encoding="utf-8")
    return f"{path}: the file is empty"


def _unknown(path: Path) -> str:
    path.write_text('[misc]\nnote = "x"\n', encoding="utf-8")
    return (
        f"{path}: cannot tell whether this is a campaign, an outline or a roster "
        "(no period/teams, sections or groups)"
    )


def _missing(path: Path) -> str:
    return f"{path}: file not found"


def _folder(path: Path) -> str:
    path.mkdir()
    return f"{path}: is a folder, not a file"


@pytest.mark.parametrize(
    ("name", "make"),
    [
        ("outline-gbk.toml", _gbk_outline),
        ("logo.png", _png),
        ("campaign.docx", _docx),
        ("campaign.json", _json),
        ("empty.toml", _empty),
        ("other.toml", _unknown),
        ("nope.toml", _missing),
        ("folder.toml", _folder),
    ],
)
def test_check_unusable_file(tmp_path: Path, name: str, make) -> None:
    expected = make(tmp_path / name)
    result = run(tmp_path, "--lang", "en", "checklist", "check", tmp_path / name)
    assert result.returncode == 2
    assert result.stdout.splitlines() == [expected]
    assert result.stderr.splitlines() == ["1 problem(s)"]


GBK_ADVICE = {
    "en": "the file is saved as GBK (Notepad's 'ANSI'); from line 1 it cannot be read as UTF-8: "
    "use Save As and choose UTF-8",
    "zh": "文件是 GBK（记事本中的“ANSI”）编码，从第 1 行起无法按 UTF-8 读取；"
    "请用“另存为”选择 UTF-8",
}
SUMMARY_ONE = {"en": "1 problem(s)", "zh": "共 1 个问题"}


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_check_gbk_file(tmp_path: Path, lang: str) -> None:
    """A whole outline saved as GBK ("ANSI" in Notepad): the advice to save as UTF-8, on the
    first line that is not ASCII (the Chinese comment at the top)."""
    folder = copy_bundled(tmp_path)
    text = OUTLINE.read_bytes().decode("utf-8")
    assert not text.splitlines()[0].isascii()
    (folder / OUTLINE.name).write_bytes(text.encode("gbk"))
    for file in (folder / OUTLINE.name, folder / CAMPAIGN.name):  # alone, or via the campaign
        result = run(tmp_path, "--lang", lang, "checklist", "check", file)
        assert result.returncode == 2
        assert result.stdout.splitlines() == [f"{folder / OUTLINE.name}:1: {GBK_ADVICE[lang]}"]
        assert result.stderr.splitlines() == [SUMMARY_ONE[lang]]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_show_gbk_campaign_is_one_line(tmp_path: Path, lang: str) -> None:
    folder = copy_bundled(tmp_path)
    campaign = folder / CAMPAIGN.name
    campaign.write_bytes(campaign.read_bytes().decode("utf-8").encode("gbk"))
    result = run(tmp_path, "--lang", lang, "checklist", "show", campaign)
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr.splitlines() == [f"{campaign}:1: {GBK_ADVICE[lang]}"]


def test_check_campaign_naming_a_missing_outline(tmp_path: Path) -> None:
    folder = copy_bundled(tmp_path)
    text = edit(folder / CAMPAIGN.name, 'outline = "outline-shache.toml"', 'outline = "nope.toml"')
    lineno = line_of(text, 'outline = "nope.toml"')
    result = run(tmp_path, "--lang", "en", "checklist", "check", folder / CAMPAIGN.name)
    assert result.returncode == 2
    assert result.stdout.splitlines() == [
        f"{folder / CAMPAIGN.name}:{lineno}: outline: "
        "outline file 'nope.toml' not found (the path is relative to this file's folder)"
    ]
    assert result.stderr.splitlines() == ["1 problem(s)"]


# -- global options ------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("lang", "expected"),
    [("en", f"{CAMPAIGN}: no problems (41 items, total 100)"),
     ("zh", f"{CAMPAIGN}：没有问题（41 个考核项目，总分 100）")],
)  # fmt: skip
def test_global_options_go_before_the_subcommand(tmp_path: Path, lang: str, expected: str) -> None:
    data = tmp_path / "elsewhere"
    result = run(tmp_path, "--data", data, "--lang", lang, "checklist", "check", CAMPAIGN)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [expected]
    assert result.stderr == ""


# -- checklist show ------------------------------------------------------------------------------
SHOW = {
    ("half", "en"): [
        "Shache County 2012 half-year assessment of CPPCC member liaison groups",
        "Period: 2012-01-01 to 2012-06-30 (6 months)",
        "Visits: 2012-07-04 to 2012-07-31",
        "Tiers: Good ≥ 85, Fair ≥ 60, Poor ≥ 0",
    ],
    ("half", "zh"): [
        "莎车县2012年上半年政协委员联络组考核",
        "考核期：2012-01-01 至 2012-06-30（6 个月）",
        "现场考核：2012-07-04 至 2012-07-31",
        "等次：较好 ≥ 85, 一般 ≥ 60, 较差 ≥ 0",
    ],
    ("year", "en"): [
        "Shache County 2012 annual assessment of CPPCC member liaison groups",
        "Period: 2012-01-01 to 2012-12-31 (12 months)",
        "Visits: 2012-12-15 to 2013-01-10",
        "Tiers: Good ≥ 85, Fair ≥ 60, Poor ≥ 0",
    ],
    ("year", "zh"): [
        "莎车县2012年度政协委员联络组考核",
        "考核期：2012-01-01 至 2012-12-31（12 个月）",
        "现场考核：2012-12-15 至 2013-01-10",
        "等次：较好 ≥ 85, 一般 ≥ 60, 较差 ≥ 0",
    ],
}
TARGETS = {  # the target column of the rows of count items: monthly, quarterly, half-yearly, yearly
    ("half", "en"): {
        "reports.social_info": "6 = 1 per month x 6 months",
        "reports.suggestions": "2 = 1 per quarter x 2 quarters",
        "reports.research_reports": "1 = 1 per half-year x 1 half-year",
        "reports.practical_projects": "1 = 1 per year, at least 1 in 6 months",
    },
    ("half", "zh"): {
        "reports.social_info": "6 = 每月 1 次 × 6 个月",
        "reports.suggestions": "2 = 每季度 1 次 × 2 个季度",
        "reports.research_reports": "1 = 每半年 1 次 × 1 个半年",
        "reports.practical_projects": "1 = 每年 1 次，6 个月内至少 1 次",
    },
    ("year", "en"): {
        "reports.social_info": "12 = 1 per month x 12 months",
        "reports.suggestions": "4 = 1 per quarter x 4 quarters",
        "reports.research_reports": "2 = 1 per half-year x 2 half-years",
        "reports.practical_projects": "1 = 1 per year x 1 year",
    },
    ("year", "zh"): {
        "reports.social_info": "12 = 每月 1 次 × 12 个月",
        "reports.suggestions": "4 = 每季度 1 次 × 4 个季度",
        "reports.research_reports": "2 = 每半年 1 次 × 2 个半年",
        "reports.practical_projects": "1 = 每年 1 次 × 1 年",
    },
}
HASH_LINE = {"en": "Checklist hash: {}", "zh": "考核提纲校验码：{}"}
FILES = {"half": CAMPAIGN, "year": YEAR_END}


def _row(stdout: str, item_id: str) -> str:
    (row,) = [line for line in stdout.splitlines() if f" {item_id} " in line]
    return row


@pytest.mark.parametrize("how", ["positional", "--campaign"])
@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("which", ["half", "year"])
def test_show(tmp_path: Path, which: str, lang: str, how: str) -> None:
    file = FILES[which]
    if how == "positional":
        result = run(tmp_path, "--lang", lang, "checklist", "show", file)
    else:
        result = run(tmp_path, "--lang", lang, "--campaign", file, "checklist", "show")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    title, period, visits, tiers = SHOW[which, lang]
    checklist_hash = load_campaign(file).checklist_hash[:12]
    assert lines[:5] == [title, period, visits, tiers, HASH_LINE[lang].format(checklist_hash)]
    for item_id, target in TARGETS[which, lang].items():
        # table cells swap ambiguous-width marks (× …) for ones every terminal draws alike
        row = _row(result.stdout, item_id)
        assert f"│ {unambiguous(target)} " in row
        assert not {c for c in ambiguous_chars(row) if not "\u2500" <= c <= "\u257f"}  # borders
    assert result.stderr == ""


@pytest.mark.parametrize(("which", "asked"), [("half", False), ("year", True)])
def test_show_year_only_item(tmp_path: Path, which: str, asked: bool) -> None:
    result = run(tmp_path, "--lang", "en", "checklist", "show", FILES[which])
    assert result.returncode == 0, result.stderr
    row = _row(result.stdout, "plans.year_summary")
    note = "(not asked this period: only in rounds of 12+ months)"
    assert (note not in row) if asked else (note in row)


def test_show_defaults_to_the_bundled_campaign(tmp_path: Path) -> None:
    result = run(tmp_path, "--lang", "en", "checklist", "show")
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[:2] == SHOW["half", "en"][:2]


def test_show_broken_campaign_is_one_line(tmp_path: Path) -> None:
    folder = copy_bundled(tmp_path)
    edit(folder / CAMPAIGN.name, "min = 0\n", "min = 10\n")
    edit(folder / OUTLINE.name, ROOM, ROOM.replace("points = 4", 'points = "4"'))
    result = run(tmp_path, "--lang", "en", "checklist", "show", folder / CAMPAIGN.name)
    assert result.returncode == 2
    assert result.stdout == ""
    (line,) = result.stderr.splitlines()
    assert line.startswith(f"{folder / CAMPAIGN.name}:")
    assert line.endswith(" (and 1 more)")


NOT_CAMPAIGN = {
    "en": "this is an outline, not a campaign; check the campaign file that names it",
    "zh": "这是考核提纲，不是考核方案；请检查引用它的考核方案文件",
}


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_show_an_outline_is_one_line(tmp_path: Path, lang: str) -> None:
    """`checklist show checklists/outline-shache.toml`: an easy slip (the outline is the file
    with the items), answered with one line, not a traceback (`run` checks for one)."""
    copy_bundled(tmp_path)  # run() works in tmp_path: checklists/ is the copy there
    for shown in ("checklists/outline-shache.toml", str(OUTLINE)):
        result = run(tmp_path, "--lang", lang, "checklist", "show", shown)
        assert result.returncode == 2
        assert result.stdout == ""
        assert result.stderr.splitlines() == [f"{shown}: {NOT_CAMPAIGN[lang]}"]


# -- the app without a terminal ------------------------------------------------------------------
@pytest.mark.parametrize(
    ("lang", "message"),
    [
        ("en", "the app needs a terminal; from a script use a subcommand (inspect-tui --help)"),
        ("zh", "界面需要在终端中运行；脚本中请使用子命令（inspect-tui --help）"),
    ],
)
def test_app_without_a_terminal(tmp_path: Path, lang: str, message: str) -> None:
    result = run(tmp_path, "--lang", lang)
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr.splitlines() == [message]
    assert not (tmp_path / "data").exists()


def test_app_without_a_terminal_with_global_options(tmp_path: Path) -> None:
    data = tmp_path / "elsewhere"
    result = run(tmp_path, "--data", data, "--lang", "en", "--campaign", CAMPAIGN)
    assert result.returncode == 2
    assert result.stderr.splitlines() == [
        "the app needs a terminal; from a script use a subcommand (inspect-tui --help)"
    ]
    assert not data.exists()

"""Groups not assessed: the lead records one with a reason (`county skip`), takes it back
(`county unskip`), both kept in the county file's audit; such a group stays out of the ranking,
and `rank` and `export` say in one line how many groups are missing or not assessed."""

from __future__ import annotations

from pathlib import Path

import orjson
import pytest

from inspect_tui.cli import main
from inspect_tui.domain.model import Campaign
from inspect_tui.reports.dataset import gather
from inspect_tui.services.results import county_ranking, merge_files
from inspect_tui.storage.county import CountyStore
from inspect_tui.storage.keys import trust
from inspect_tui.storage.lock import current_user
from inspect_tui.storage.store import LocalStore
from inspect_tui.words.text import visible
from tests.support.laptops import laptop
from tests.support.shown import raw_controls

FLOOD = "洪水冲毁道路，无法到达"
FINAL = {"shache-zhen": 0, "weisheng-xitong": 1}  # team 1 finalized these
DRAFT = "kaqun"  # team 2 left a draft here


@pytest.fixture
def lead(campaign: Campaign, tmp_path: Path) -> Path:
    one, key_one = laptop(tmp_path / "one", campaign, "team-1", FINAL)
    two, key_two = laptop(tmp_path / "two", campaign, "team-2", {DRAFT: 0}, finalize=False)
    folder = tmp_path / "lead"
    with LocalStore(folder) as store, CountyStore(folder, campaign) as county:
        trust(campaign, store, "team-1", key_one.public)
        trust(campaign, store, "team-2", key_two.public)
        merge_files(campaign, store, county, [one, two])
    return folder


def cli(
    capsys: pytest.CaptureFixture[str], lead: Path, *args: str, lang: str = "en"
) -> tuple[int, str, str]:
    code = main(["--lang", lang, "--data", str(lead), *args])
    out, err = capsys.readouterr()
    return code, out, err


def audit(lead: Path, campaign: Campaign) -> list[tuple[str, str, str]]:
    with LocalStore(lead), CountyStore(lead, campaign) as county:
        rows = county._db.table("audit").all()
    return [(a["action"], a["group"], a["reason"]) for a in rows]


def test_skip_and_unskip_keep_who_when_and_why_in_the_audit(
    campaign: Campaign, lead: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = cli(capsys, lead, "county", "skip", "yishikuli", "--reason", FLOOD, lang="zh")
    assert (code, err) == (0, "")
    assert out.splitlines()[0].startswith("已将 伊什库力乡 (yishikuli) 记为未考核")
    with LocalStore(lead), CountyStore(lead, campaign) as county:
        entry = county.skipped["yishikuli"]
    assert (entry.reason, entry.who) == (FLOOD, current_user())
    assert entry.at.startswith("20")
    code, out, _ = cli(capsys, lead, "county", "list", "--json")
    shown = orjson.loads(out)["not_assessed"]
    assert [(s["group"], s["reason"]) for s in shown] == [("yishikuli", FLOOD)]
    code, out, err = cli(capsys, lead, "county", "unskip", "yishikuli", "--reason", "road open")
    assert (code, err) == (0, "") and "no longer recorded as not assessed" in out
    assert audit(lead, campaign) == [
        ("skip", "yishikuli", FLOOD),
        ("unskip", "yishikuli", "road open"),
    ]
    with LocalStore(lead), CountyStore(lead, campaign) as county:
        assert county.skipped == {}


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (("skip", "nowhere"), "no group 'nowhere' in the roster"),
        (("skip", "shache-zhen"), "has a finalized result from Team 1"),
        (("unskip", "yishikuli"), "is not recorded as not assessed"),
        (("skip", "yishikuli", "--reason", "   "), "give a reason with --reason"),
        (("skip", "yishikuli", "--reason", "a\x1b]0;PWNED\x07b"), "control character U+001B"),
        (("skip", "yishikuli", "--reason", "c1\x9b31m"), "U+009B"),
    ],
    ids=["unknown", "has-result", "not-skipped", "blank", "escape", "c1"],
)
def test_what_cannot_be_recorded_is_one_line_exit_2_and_nothing_kept(
    campaign: Campaign,
    lead: Path,
    capsys: pytest.CaptureFixture[str],
    args: tuple[str, ...],
    said: str,
) -> None:
    full = (*args, "--reason", "x") if "--reason" not in args else args
    code, out, err = cli(capsys, lead, "county", *full)
    assert code == 2 and out == ""
    assert len(err.splitlines()) == 1 and said in err
    assert raw_controls(err) == []
    assert audit(lead, campaign) == []


def test_a_skipped_group_twice_is_refused(
    campaign: Campaign, lead: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli(capsys, lead, "county", "skip", "yishikuli", "--reason", FLOOD)[0] == 0
    code, _out, err = cli(capsys, lead, "county", "skip", "yishikuli", "--reason", "again")
    assert code == 2 and "already recorded as not assessed" in err and len(err.splitlines()) == 1
    assert audit(lead, campaign) == [("skip", "yishikuli", FLOOD)]


def test_a_skipped_group_stays_out_of_the_ranking_drafts_and_later_results_too(
    campaign: Campaign, lead: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with LocalStore(lead):
        drafts = county_ranking(campaign, lead, include_drafts=True)
    assert DRAFT in {row.group.id for row in drafts.rows}  # ranked, marked, when asked
    assert cli(capsys, lead, "county", "skip", DRAFT, "--reason", FLOOD)[0] == 0
    with LocalStore(lead):
        found = county_ranking(campaign, lead, include_drafts=True)
        data = gather(campaign, lead, include_drafts=True)
    assert DRAFT not in {row.group.id for row in found.rows}
    assert [(g.id, reason) for g, reason in data.not_assessed] == [(DRAFT, FLOOD)]
    assert (data.assessed, data.total) == (2, len(campaign.groups))
    assert DRAFT not in {g.id for g in data.missing} and len(data.missing) == 35
    assert data.not_assessed_text("zh") == f"喀群乡（{FLOOD}）"
    # team 2 finalizes later: the mark holds until the lead takes it back, and the warning says so
    late, key = laptop(tmp_path / "late" / "two", campaign, "team-2", {DRAFT: 0})
    with LocalStore(lead) as store, CountyStore(lead, campaign) as county:
        trust(campaign, store, "team-2", key.public)
        merge_files(campaign, store, county, [late])
        found = county_ranking(campaign, lead)
    assert DRAFT not in {row.group.id for row in found.rows}
    warning = found.warning("en")
    assert warning is not None and "now have a finalized result" in warning and DRAFT in warning


@pytest.mark.parametrize("command", ["rank", "export"])
def test_rank_and_export_say_in_one_line_how_many_groups_are_missing_or_not_assessed(
    campaign: Campaign, lead: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], command: str
) -> None:
    assert cli(capsys, lead, "county", "skip", "yishikuli", "--reason", FLOOD)[0] == 0
    extra = ("--format", "csv", "--out", str(tmp_path / "out")) if command == "export" else ()
    code, _out, err = cli(capsys, lead, command, *extra)
    assert code == 0
    assert err.splitlines() == [
        f"2 of {len(campaign.groups)} groups assessed; 36 not ranked: 1 recorded"
        " as not assessed (with the reason), 35 with no counted result yet"
    ]
    code, _out, err = cli(capsys, lead, command, *extra, lang="zh")
    assert err.splitlines() == [
        f"全县 {len(campaign.groups)} 个联络组中已考核 2 个，其余 36 个未列入排名："
        "1 个记为未考核（已说明原因），35 个尚无计入的结果"
    ]


def test_a_hostile_reason_is_refused_and_a_typed_one_is_kept_as_typed(
    campaign: Campaign, lead: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Text is data: markup and a direction control (right-to-left text is normal here) are
    kept exactly; listing prints them visibly, never as markup or a raw control."""
    reason = "[red]洪水[/red] <b>$(rm -rf /)</b> evil\u202eexe"
    assert cli(capsys, lead, "county", "skip", "yishikuli", "--reason", reason)[0] == 0
    code, out, err = cli(capsys, lead, "county", "list")
    assert code == 0 and visible(reason) in out and raw_controls(out + err) == []
    with LocalStore(lead), CountyStore(lead, campaign) as county:
        assert county.skipped["yishikuli"].reason == reason


def test_merge_lists_a_skipped_groups_assignment_as_not_assessed_not_missing(
    campaign: Campaign, lead: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # before: "missing: Yishikuli Township (yishikuli) · team-…", as if a visit were still to come
    assert cli(capsys, lead, "county", "skip", "yishikuli", "--reason", FLOOD)[0] == 0
    code, out, _err = cli(capsys, lead, "merge")
    assert code == 0
    teams = [t.id for t in campaign.teams if "yishikuli" in t.groups]
    lines = [line.strip() for line in out.splitlines() if "(yishikuli)" in line]
    assert lines == [
        f"Not assessed ({FLOOD}): Yishikuli Township (yishikuli) · {team}" for team in teams
    ]

"""Hostile text through the real command line: names that look like markup, escape sequences in
file names, notes, typed codes and sheet cells, direction controls in a title. Every command
exits as it should (never 70), prints the text as text, and no raw control character reaches
the terminal."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import orjson
import pytest

from inspect_tui.loading.campaign import load_campaign
from inspect_tui.services.demo import make_demo
from inspect_tui.storage.bundle import make_bundle, write_bundle
from inspect_tui.storage.keys import DeviceKey
from inspect_tui.storage.store import LocalStore
from tests.e2e.test_cli import CHECKLISTS, run
from tests.support.files import edit

MARKUP_NAME = "王[/b][/"  # Textual's and Rich's markup parsers both choke on it as markup
TEAM_NAME = "[b]第一考核组"
RLO_TITLE = "莎车县\u202e2012年上半年\u202c考核"
OSC = "\x1b]0;PWNED\x07"
CSI = "\x1b[2J\x1b[H"
RAW = ("\x1b", "\x07", "\x9b", "\u202e")  # none of these may reach a terminal


def clean(text: str) -> bool:
    return not any(ch in text for ch in RAW)


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bundled campaign with a group, a team and the title renamed to hostile text, and a
    demo round of it merged by a lead."""
    root = tmp_path_factory.mktemp("hostile")
    for name in ("shache-2012-h1.toml", "outline-shache.toml", "roster-shache.toml"):
        shutil.copy(CHECKLISTS / name, root / name)
    edit(root / "roster-shache.toml", 'zh = "托木吾斯塘乡"', f'zh = "{MARKUP_NAME}"')
    edit(root / "shache-2012-h1.toml", 'zh = "第一考核组"', f'zh = "{TEAM_NAME}"')
    edit(
        root / "shache-2012-h1.toml",
        'zh = "莎车县2012年上半年政协委员联络组考核"',
        'zh = "莎车县\\u202e2012年上半年\\u202c考核"',
    )
    make_demo(root / "lead", load_campaign(root / "shache-2012-h1.toml"))
    return root


def cli(tmp_path: Path, hostile: Path, *args: str | Path) -> tuple[int, str]:
    result = run(tmp_path, "--lang", "zh", "--campaign", hostile / "shache-2012-h1.toml", *args)
    out = result.stdout + result.stderr
    assert clean(out), out
    return result.returncode, out


def test_show_prints_markup_like_names_as_text(tmp_path: Path, hostile: Path) -> None:
    code, out = cli(tmp_path, hostile, "checklist", "show")
    assert code == 0
    assert MARKUP_NAME in out and TEAM_NAME in out
    assert "\\u202e2012" in out  # the direction control shown, not obeyed


def test_merge_names_a_file_called_an_escape_sequence_without_obeying_it(
    tmp_path: Path, hostile: Path
) -> None:
    lead = tmp_path / "lead"
    shutil.copytree(hostile / "lead", lead)
    junk = lead / "exports" / f"{OSC}[b].json"  # no "/" in a file name
    junk.write_text('{"format": "[/", "visits": ' + CSI, encoding="utf-8")
    code, out = cli(
        tmp_path, hostile, "--data", lead, "merge", *sorted((lead / "exports").glob("*.json"))
    )
    assert code == 2  # the junk file and the altered copy are refused, the rest merged
    assert "␛]0;PWNED␇[b].json" in out
    code, out = cli(tmp_path, hostile, "--data", lead, "rank")
    assert code == 0 and MARKUP_NAME in out
    code, out = cli(tmp_path, hostile, "--data", lead, "rank", "--json")
    shape = json.loads(out[: out.rindex("}") + 1])
    names = {row["group"]: row["name"] for row in shape["groups"]}
    assert names["tuomuwusitang"] == MARKUP_NAME  # exactly as stored, escapes and all


def test_a_revised_note_value_with_an_escape_sequence_is_printed_visibly(
    tmp_path: Path, hostile: Path
) -> None:
    lead = tmp_path / "lead"
    shutil.copytree(hostile / "lead", lead)
    campaign = load_campaign(hostile / "shache-2012-h1.toml")
    laptop = lead / "laptops" / "team-1"
    group = campaign.team("team-1").groups[0]
    with LocalStore(laptop) as store:
        visit = store.find_visit(campaign.id, "team-1", group)
        assert visit is not None
        store.reopen(visit.id, "补充")
    path = laptop / "visits" / f"{visit.id}.json"
    data = orjson.loads(path.read_bytes())  # a hand edit: the app itself refuses control chars
    row = next(r for r in data["answers"].values() if r["item"] == "penalties.other_findings")
    row["value"] = f"无{OSC}{CSI}"
    path.write_bytes(orjson.dumps(data))
    with LocalStore(laptop) as store:
        store.finalize(visit.id, campaign, strengths="好", problems="无", representative="组长")
        revised = write_bundle(
            make_bundle(campaign, store, "team-1", DeviceKey(laptop), created_at="2012-07-11"),
            tmp_path / "out",
        )
    first = sorted((lead / "exports").glob("*team-1*.json"))[:1]
    cli(tmp_path, hostile, "--data", lead, "merge", *first)
    code, out = cli(tmp_path, hostile, "--data", lead, "merge", revised)
    assert code == 0
    assert "无␛]0;PWNED␇␛[2J␛[H" in out


def test_a_typed_code_that_is_an_escape_sequence_is_echoed_visibly(
    tmp_path: Path, hostile: Path
) -> None:
    code, out = cli(tmp_path, hostile, "--data", hostile / "lead", "verify", OSC + "[/b]")
    assert code == 2 and "␛]0;PWNED␇[/b]" in out


def test_an_import_sheet_cell_with_an_escape_sequence_is_named_visibly(
    tmp_path: Path, hostile: Path
) -> None:
    sheet = tmp_path / "sheet.csv"
    sheet.write_text(f"group,name,office.room\n{CSI}kaqun,x,y\n", encoding="utf-8")
    code, out = cli(tmp_path, hostile, "import-sheet", sheet, "--team", "team-2")
    assert code == 2 and "␛[2J␛[Hkaqun" in out


def test_an_argument_the_parser_refuses_is_echoed_visibly(tmp_path: Path) -> None:
    """argparse quotes a bad choice with repr(), but lists unknown arguments as they are."""
    result = run(tmp_path, "rank", f"--bogus{OSC}")
    assert result.returncode == 2 and clean(result.stderr) and "␛]0;PWNED␇" in result.stderr

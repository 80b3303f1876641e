"""Groups the round could not assess appear as such in every export, read back with the readers
the office uses: named with the lead's reason, never ranked, never a row that scored nothing."""

from __future__ import annotations

import csv
import io
from html.parser import HTMLParser
from pathlib import Path

import docx
import openpyxl
import pandas
import pytest

from inspect_tui.loading.campaign import load_campaign
from inspect_tui.reports.dataset import gather
from inspect_tui.reports.export import FORMATS, export_files
from inspect_tui.reports.verify import verify
from inspect_tui.services.demo import build_sandbox
from inspect_tui.services.results import merge_files
from inspect_tui.storage.county import CountyStore
from inspect_tui.storage.paths import CHECKLISTS
from inspect_tui.storage.store import LocalStore

FLOOD = "达木斯乡（山区洪水暴发，道路中断）"
UNREACHED = "墩巴格乡（联络组负责人未能联系上）"


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, Path]]:
    campaign = load_campaign(CHECKLISTS / "shache-2012-h1.toml")
    folder = tmp_path_factory.mktemp("skipped")
    made = build_sandbox(folder, campaign)
    with LocalStore(folder) as lead:
        with CountyStore(lead.folder, campaign) as county:
            assert merge_files(campaign, lead, county, made.bundles)[1] == []
        data = gather(campaign, lead.folder)
        paths = export_files(data, list(FORMATS), folder / "out", lead.folder)
    return folder, dict(zip(FORMATS, paths, strict=True))


def test_the_workbook_names_them_in_its_rules_and_ranks_only_the_rest(
    exported: tuple[Path, dict[str, Path]],
) -> None:
    book = openpyxl.load_workbook(exported[1]["xlsx"], read_only=True)
    rules = {row[0]: row[1] for row in book["规则"].iter_rows(values_only=True) if row[0]}
    assert rules["考核范围"].startswith("全县 38 个联络组中已考核 36 个")
    assert FLOOD in rules["未考核"] and UNREACHED in rules["未考核"]
    names = [row[2] for row in book["排名"].iter_rows(min_row=2, values_only=True) if row[0]]
    assert len(names) == 36 and "达木斯乡" not in names and "墩巴格乡" not in names
    teams = {row[0]: row[1] for row in book["考核组"].iter_rows(values_only=True) if row and row[0]}
    assert teams["未考核"] == 2 and teams["缺少"] == 0  # not visits still to come


def test_the_csv_says_so_below_its_rows(exported: tuple[Path, dict[str, Path]]) -> None:
    path = exported[1]["csv"]
    table = pandas.read_csv(path, comment="#", encoding="utf-8-sig")
    assert len(table) == 36  # the reader still gets exactly the ranking
    lines = path.read_text("utf-8-sig").splitlines()
    (said,) = [line for line in lines if line.startswith("# 未考核")]
    assert FLOOD in said and UNREACHED in said
    assert any(line.startswith("# 考核范围：全县 38 个联络组中已考核 36 个") for line in lines)
    assert all(row[0] for row in csv.reader(lines[1:37]))  # every ranked row has its rank


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.left_out = ""
        self._in = False
        self.all: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._in = ("class", "left-out") in attrs

    def handle_data(self, data: str) -> None:
        self.all.append(data)
        if self._in:
            self.left_out += data


def test_the_report_says_so_under_its_table(exported: tuple[Path, dict[str, Path]]) -> None:
    page = _Text()
    page.feed(exported[1]["html"].read_text("utf-8"))
    assert page.left_out.startswith("全县 38 个联络组中已考核 36 个")
    assert FLOOD in page.left_out and UNREACHED in page.left_out
    assert sum(FLOOD in text for text in page.all) == 2  # and in the statement


def test_the_circular_names_them_in_its_opening(exported: tuple[Path, dict[str, Path]]) -> None:
    text = [p.text for p in docx.Document(str(exported[1]["docx"])).paragraphs]
    opening = next(p for p in text if p.startswith("为全面掌握"))
    assert "对全县38个政协委员联络组中的36个" in opening
    assert f"{UNREACHED}、{FLOOD}共2个联络组未进行考核" in opening
    table = docx.Document(str(exported[1]["docx"])).tables[0]
    assert not any(row.cells[1].text in ("达木斯乡", "墩巴格乡") for row in table.rows)


def test_each_gets_a_letter_saying_why_and_the_letters_still_verify(
    exported: tuple[Path, dict[str, Path]],
) -> None:
    folder, files = exported
    document = docx.Document(io.BytesIO(files["letters"].read_bytes()))
    text = "\n".join(p.text for p in document.paragraphs)
    for name, why in (("达木斯乡", "山区洪水暴发，道路中断"),
                      ("墩巴格乡", "联络组负责人未能联系上")):  # fmt: skip
        assert f"{name}政协委员联络组：" in text
        assert f"因{why}，考核组未能对你组2012年上半年工作进行现场考核。" in text
    assert text.count("你组本次不评定等次，不列入排名。") == 2
    assert text.count("你组考核总分") == 36  # a result only for the ranked groups
    with LocalStore(folder) as lead:
        campaign = load_campaign(CHECKLISTS / "shache-2012-h1.toml")
        verdict = verify(campaign, lead.folder, str(files["letters"]))
    assert verdict.match, verdict


def test_a_hostile_reason_is_text_in_every_export(tmp_path: Path) -> None:
    """The lead types the reason (`county skip`): markup stays text, a direction control is
    shown as its code, in every format."""
    from inspect_tui.words.text import visible

    campaign = load_campaign(CHECKLISTS / "shache-2012-h1.toml")
    made = build_sandbox(tmp_path, campaign)
    reason = "王[/ [b]洪水\u202e阻断"
    with LocalStore(tmp_path) as lead:
        with CountyStore(lead.folder, campaign) as county:
            assert merge_files(campaign, lead, county, made.bundles)[1] == []
            county.unskip("damusi", reason="换一个说法", who="lead", at="2012-07-13")
            county.skip("damusi", reason=reason, who="lead", at="2012-07-13")
        data = gather(campaign, lead.folder)
        paths = dict(zip(FORMATS, export_files(data, list(FORMATS), tmp_path / "out", lead.folder),
                         strict=True))  # fmt: skip
    shown = visible(reason)
    assert shown != reason and "\u202e" not in shown
    book = openpyxl.load_workbook(paths["xlsx"], read_only=True)
    texts = {
        "xlsx": " ".join(str(c) for row in book["规则"].iter_rows(values_only=True) for c in row),
        "csv": paths["csv"].read_text("utf-8-sig"),
        "html": paths["html"].read_text("utf-8"),
        "docx": "\\n".join(p.text for p in docx.Document(str(paths["docx"])).paragraphs),
        "letters": "\\n".join(p.text for p in docx.Document(str(paths["letters"])).paragraphs),
    }
    for kind, text in texts.items():
        assert "\u202e" not in text, kind
        assert shown in text, kind

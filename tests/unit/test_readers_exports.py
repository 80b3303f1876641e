"""The CSV, the workbook and the report read back as their readers read them: pandas reads the
CSV to exactly the ranking's rows, the workbook names items by their text and prints, the
English report fits its page with whole labels, an axis, a legend and the vetoed bar marked."""

from __future__ import annotations

import io
import re
from html.parser import HTMLParser
from pathlib import Path

import pandas as pd
import pytest
import zxingcpp
from openpyxl import load_workbook
from PIL import Image

from inspect_tui.domain.calibration import describe
from inspect_tui.reports.csv_file import csv_bytes
from inspect_tui.reports.html import CHAR_PX, html_bytes
from inspect_tui.reports.table import COMMON_AT_LEAST
from inspect_tui.reports.xlsx import xlsx_bytes
from inspect_tui.words.i18n import Lang
from tests.support.published import Published, publish


@pytest.fixture(scope="module")
def published(tmp_path_factory: pytest.TempPathFactory) -> Published:
    from inspect_tui.loading.campaign import load_campaign
    from inspect_tui.storage.paths import BUNDLED_CAMPAIGN

    return publish(tmp_path_factory.mktemp("readers-exports"), load_campaign(BUNDLED_CAMPAIGN))


# -- csv --------------------------------------------------------------------------------------
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_pandas_reads_exactly_the_ranking_with_numeric_ranks(
    published: Published, lang: Lang, tmp_path: Path
) -> None:
    data = published.data
    calibration = describe(data.calibration, data.calibrated, lang, data.campaign.team_names(lang))
    assert "," in calibration  # the calibration printed, with commas: the case that broke
    path = tmp_path / f"ranking-{lang}.csv"
    path.write_bytes(csv_bytes(data, lang))
    table = pd.read_csv(path, comment="#")
    assert len(table) == len(data.rows) == 38
    assert pd.api.types.is_integer_dtype(table.iloc[:, 0])
    assert list(table.iloc[:, 0]) == [row.rank for row in data.rows]
    assert list(table.iloc[:, 1]) == [row.group.id for row in data.rows]
    assert list(table.iloc[:, 4]) == [row.total for row in data.rows]
    text = path.read_bytes().decode("utf-8-sig")
    lines = text.split("\r\n")
    statement = lines[lines.index("") + 1 :]
    assert statement[-1] == "" and all(line.startswith("# ") for line in statement[:-1])
    assert not any(line.startswith('"') for line in lines)  # a "#" line is never quoted
    assert any(line.startswith("# ") and "," not in line and calibration.split(",")[0] in line
               for line in statement)  # fmt: skip
    assert f"# QR: {data.seal.payload}" in statement


def test_a_cell_holding_a_hash_is_quoted_so_pandas_keeps_it_whole() -> None:
    from inspect_tui.reports.csv_file import _row

    line = _row([1, "kaqun", "第#3条", 91.5])
    assert line == '1,kaqun,"第#3条",91.5\r\n'
    table = pd.read_csv(io.StringIO("名次,编号,说明,总分\r\n" + line), comment="#")
    assert table.iloc[0, 2] == "第#3条"


# -- xlsx -------------------------------------------------------------------------------------
def test_the_item_sheets_are_headed_by_item_text_with_ids_in_comments(
    published: Published,
) -> None:
    campaign = published.data.campaign
    book = load_workbook(published.files["xlsx"])
    items = book["明细"]
    header = list(items[1])
    assert [c.value for c in header[:3]] == ["名次", "联络组", "考核组"]
    for cell, item in zip(header[3:], campaign.items, strict=True):
        assert cell.value == item.text.zh
        assert cell.comment is not None and cell.comment.text == item.id
    problems = book["失分项"]
    texts = [row[0] for row in problems.iter_rows(min_row=2, values_only=True)]
    assert texts == [p.item.text.zh for p in published.data.problems()]


def test_the_chinese_workbook_carries_no_english_headers_or_team_ids(published: Published) -> None:
    book = load_workbook(published.files["xlsx"])
    for sheet in book.worksheets:
        for cell in sheet[1]:
            assert not re.search(r"[A-Za-z]", str(cell.value or "")), (sheet.title, cell.value)
    teams = [row[0] for row in book["考核组"].iter_rows(min_row=2, max_row=4, values_only=True)]
    assert teams == [team.name.zh for team in published.data.campaign.teams]


def test_every_cell_sits_at_the_top_and_rows_fit_their_wrapped_text(published: Published) -> None:
    book = load_workbook(published.files["xlsx"])
    for title in ("排名", "失分项", "考核组", "规则"):
        sheet = book[title]
        for row in sheet.iter_rows(min_row=2):
            for cell in row:
                if cell.value is not None:
                    assert cell.alignment.vertical == "top", (title, cell.coordinate)
    ranking = book["排名"]
    remarks = ranking.max_column
    width = ranking.column_dimensions[ranking.cell(1, remarks).column_letter].width
    for number in range(2, ranking.max_row + 1):
        text = str(ranking.cell(number, remarks).value or "")
        wide = sum(2 if ord(ch) > 0x2E80 else 1 for ch in text)
        lines = -(-wide // (int(width) - 1)) if text else 1
        if lines > 1:
            assert ranking.row_dimensions[number].height >= 15 * lines, number


def test_the_item_sheet_prints_one_page_wide(published: Published) -> None:
    items = load_workbook(published.files["xlsx"])["明细"]
    assert items.sheet_properties.pageSetUpPr.fitToPage
    assert items.page_setup.fitToWidth == 1 and items.page_setup.fitToHeight == 0
    assert items.print_title_rows == "$1:$1"


def test_the_rules_sheet_shows_the_qr_code_as_a_picture(published: Published) -> None:
    from zipfile import ZipFile

    with ZipFile(published.files["xlsx"]) as archive:
        pictures = [n for n in archive.namelist() if n.startswith("xl/media/")]
        assert len(pictures) == 1
        drawing = archive.read("xl/worksheets/_rels/sheet5.xml.rels").decode()
        image = Image.open(io.BytesIO(archive.read(pictures[0])))
    assert "drawing" in drawing  # on the 规则 sheet, the fifth
    assert [found.text for found in zxingcpp.read_barcodes(image)] == [published.data.seal.payload]


def test_the_english_workbook_is_headed_in_english(published: Published) -> None:
    book = load_workbook(io.BytesIO(xlsx_bytes(published.data, "en")))
    assert [c.value for c in book.worksheets[0][1]][:5] == ["Rank", "ID", "Group", "Kind", "Total"]
    assert book.worksheets[1].cell(1, 4).value == published.data.campaign.items[0].text.en


# -- html -------------------------------------------------------------------------------------
class Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.svgs: list[list[tuple[str, dict[str, str | None], list[str]]]] = []
        self.head: list[str] = []
        self.items: list[str] = []
        self.style = ""
        self.where: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.where.append(tag)
        if tag == "svg":
            self.svgs.append([])
        if self.svgs and "svg" in self.where:
            self.svgs[-1].append((tag, dict(attrs), []))
        if tag == "li":
            self.items.append("")

    def handle_endtag(self, tag: str) -> None:
        while self.where and self.where.pop() != tag:
            pass

    def handle_data(self, data: str) -> None:
        if "svg" in self.where and self.svgs:
            self.svgs[-1][-1][2].append(data)
        if "th" in self.where:
            self.head.append(data)
        if "style" in self.where:
            self.style += data
        if "li" in self.where and self.items:
            self.items[-1] += data


def page_of(published: Published, lang: Lang) -> Page:
    page = Page()
    page.feed(html_bytes(published.data, lang).decode("utf-8"))
    return page


def test_tier_fills_print_and_headers_are_in_the_page_s_language(published: Published) -> None:
    for lang, other in (("en", r"[\u4e00-\u9fff]"), ("zh", r"[A-Za-z]")):
        page = page_of(published, lang)
        assert re.search(r"print-color-adjust:\s*exact", page.style)
        assert page.head and not any(re.search(other, h) for h in page.head), lang


def test_the_english_charts_show_every_label_whole(published: Published) -> None:
    page = page_of(published, "en")
    for svg in page.svgs[:3]:
        width = float(svg[0][1]["width"] or 0)
        for tag, attrs, text in svg:
            if tag != "text":
                continue
            drawn = len("".join(text)) * CHAR_PX
            x = float(attrs["x"] or 0)
            if attrs.get("text-anchor") == "end":
                assert x - drawn >= 0, "".join(text)
            elif attrs.get("text-anchor") is None:
                assert x + drawn <= width, "".join(text)


def test_the_totals_chart_has_an_axis_a_legend_and_marks_the_veto(published: Published) -> None:
    data = published.data
    totals = page_of(published, "en").svgs[0]
    assert any(tag == "line" and attrs.get("class") == "axis" for tag, attrs, _ in totals)
    ticks = ["".join(text) for tag, attrs, text in totals if attrs.get("class") == "tick"]
    assert ticks == ["0", "20", "40", "60", "80", "100"]
    keys = [n for n, (tag, attrs, _) in enumerate(totals) if attrs.get("class") == "key"]
    names = ["".join(totals[n + 1][2]) for n in keys]
    assert names == [tier.name.en for tier in data.campaign.tiers] + ["vetoed"]
    bars = [attrs for tag, attrs, _ in totals if attrs.get("class") == "bar"]
    assert len(bars) == len(data.rows)
    marked = [
        row.group.id
        for row, bar in zip(data.rows, bars, strict=True)
        if bar.get("stroke-dasharray")
    ]
    assert marked == [row.group.id for row in data.rows if row.vetoed] and marked
    texts = ["".join(text) for tag, _, text in totals if tag == "text"]
    assert sum(1 for text in texts if text.endswith(" (veto)")) == len(marked)


def test_common_problems_are_those_of_at_least_two_groups(published: Published) -> None:
    problems = published.data.problems()
    assert any(len(p.groups) < COMMON_AT_LEAST for p in problems)
    common = [p for p in problems if len(p.groups) >= COMMON_AT_LEAST]
    listed = page_of(published, "zh").items
    assert len(listed) == len(common)
    for problem, text in zip(common, listed, strict=True):
        assert text.startswith(problem.item.text.zh)
        names = [published.data.campaign.group(g).name.zh for g in problem.groups]
        assert "涉及：" + "、".join(names) in text

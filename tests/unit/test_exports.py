"""Every export read back with a real reader: openpyxl, csv, html.parser, python-docx, zxing."""

from __future__ import annotations

import csv
import io
import os
import re
from html.parser import HTMLParser
from pathlib import Path

import docx
import pytest
import zxingcpp
from docx.oxml.ns import qn
from openpyxl import load_workbook
from PIL import Image, ImageDraw

from inspect_tui.domain.model import Campaign
from inspect_tui.reports.circular import numeral
from inspect_tui.reports.circular_problems import short_text
from inspect_tui.reports.table import ranking_row
from tests.support.published import FORMULA, SCRIPT, Published, publish


@pytest.fixture(scope="module")
def published(tmp_path_factory: pytest.TempPathFactory) -> Published:
    from inspect_tui.loading.campaign import load_campaign
    from inspect_tui.storage.paths import BUNDLED_CAMPAIGN

    old = os.umask(0o022)  # the usual umask, whatever this machine's is
    try:
        return publish(tmp_path_factory.mktemp("published"), load_campaign(BUNDLED_CAMPAIGN))
    finally:
        os.umask(old)


def decode(image: Image.Image) -> list[str]:
    return [found.text for found in zxingcpp.read_barcodes(image)]


# -- xlsx -------------------------------------------------------------------------------------
def test_the_workbook_holds_the_ranking_as_numbers(published: Published) -> None:
    data = published.data
    book = load_workbook(published.files["xlsx"])
    assert book.sheetnames == ["排名", "明细", "失分项", "考核组", "规则"]
    sheet = book["排名"]
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:5] == ("名次", "编号", "联络组", "类别", "总分")  # the file's language only
    assert len(rows) == len(data.rows) + 1 == 39
    for ranked, values in zip(data.rows, rows[1:], strict=True):
        assert values[0] == ranked.rank and values[1] == ranked.group.id
        assert values[4] == ranked.total
        sections = [ranked.sections[s.id] for s in data.sections]
        assert list(values[5 : 5 + len(sections)]) == sections
        assert values[5 + len(sections)] == ranked.deductions
        assert values[6 + len(sections)].startswith(ranked.tier.name.zh)


def test_the_workbook_is_ready_to_filter_and_print(published: Published) -> None:
    book = load_workbook(published.files["xlsx"])
    sheet = book["排名"]
    assert sheet.freeze_panes == "D2"
    assert sheet.auto_filter.ref == f"A1:{sheet.cell(1, sheet.max_column).column_letter}39"
    assert sheet.page_setup.orientation == "landscape" and sheet.page_setup.paperSize == 9
    assert sheet.print_title_rows == "$1:$1"
    assert sheet.cell(2, 5).number_format == "0.00"
    tier_column = next(c.column for c in sheet[1] if c.value == "等次")
    fills = {sheet.cell(r, tier_column).fill.fgColor.rgb[-6:] for r in range(2, 40)}
    assert fills == {"E2F0D9", "FFF2CC", "F8CBAD"}  # one fill per tier
    assert sheet.row_dimensions[1].height == 33  # long section names wrap in a score's width
    assert sheet.column_dimensions["E"].width == 10  # total: a score, not its long header
    assert sheet.sheet_properties.pageSetUpPr.fitToPage and sheet.page_setup.fitToWidth == 1
    items = book["明细"]  # 44 columns, printed one page wide, the group columns first
    assert items.sheet_properties.pageSetUpPr.fitToPage and items.page_setup.fitToWidth == 1
    assert items.print_title_cols == "$A:$C"
    teams = book["考核组"]
    assert teams.auto_filter.ref == "A1:D4"  # the three teams, not the notes below them
    assert teams.freeze_panes == "A2"
    name_width = sheet.column_dimensions["C"].width
    assert name_width >= 2 * max(len(str(sheet.cell(r, 3).value)) for r in range(2, 40))


def test_the_item_sheet_has_every_counted_visit_and_explains_items(
    published: Published, campaign: Campaign
) -> None:
    sheet = load_workbook(published.files["xlsx"])["明细"]
    rows = list(sheet.iter_rows(values_only=True))
    assert len(rows) - 1 == sum(len(v) for v in published.data.visits.values()) == 41
    first_item = campaign.items[0]
    header = next(c for c in sheet[1] if c.value == first_item.text.zh)
    assert header.comment is not None and header.comment.text == first_item.id
    name = campaign.group(published.group).name.zh
    revised = next(r for r in rows if r[1] == name and r[2] == "第一考核组")
    assert revised[rows[0].index(campaign.item(published.item).text.zh)] == "否"


def test_the_problem_sheet_counts_groups_and_keeps_every_note(published: Published) -> None:
    sheet = load_workbook(published.files["xlsx"])["失分项"]
    rows = list(sheet.iter_rows(min_row=2, values_only=True))
    problems = published.data.problems()
    assert [(r[0], r[1]) for r in rows] == [(p.item.text.zh, len(p.groups)) for p in problems]
    assert [r[1] for r in rows] == sorted((r[1] for r in rows), reverse=True)
    text = published.data.campaign.item(published.item).text.zh
    scripted = next(r for r in rows if r[0] == text)
    assert SCRIPT in scripted[3]  # every note, hostile ones as plain text


def test_the_workbook_states_how_it_was_made(published: Published) -> None:
    rules = {
        row[0]: row[1]
        for row in load_workbook(published.files["xlsx"])["规则"].iter_rows(values_only=True)
    }
    assert rules["考核提纲校验值"] == published.data.campaign.checklist_hash
    assert rules["扣分说明"].startswith("各部分得分已扣除从该部分扣的分")
    assert rules["验证码"] == published.data.seal.code
    assert rules["QR"] == published.data.seal.payload
    assert rules["含未签名结果"] == "否" and rules["含草稿"] == "否"
    assert any("总分 > 上报材料与履职成效 > 档案管理" in str(v) for v in rules.values())


# -- csv --------------------------------------------------------------------------------------
def test_the_csv_round_trips_with_its_bom(published: Published) -> None:
    raw = published.files["csv"].read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    lines = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    assert lines[0][0] == "名次 Rank"  # the header first: filter and sort find the table
    assert lines[39] == []  # the rows, an empty line, then the statement
    statement = [row[0] for row in lines[40:]]
    assert all(line.startswith("# ") for line in statement)
    assert any(published.data.seal.payload in line for line in statement)
    assert any(published.data.campaign.checklist_hash in line for line in statement)
    body = lines[1:39]
    assert len(body) == 38
    for ranked, row in zip(published.data.rows, body, strict=True):
        assert (int(row[0]), row[1], float(row[4])) == (ranked.rank, ranked.group.id, ranked.total)
        assert row[2] == ranked.group.name.zh


def test_a_formula_in_a_remark_is_neutralized(published: Published) -> None:
    text = published.files["csv"].read_bytes().decode("utf-8-sig")
    body = [row for row in csv.reader(io.StringIO(text)) if row and not row[0].startswith("#")]
    remark = next(row[-1] for row in body if row[1] == published.group)
    assert FORMULA in remark and not remark.startswith("=")
    cells = [cell for row in body for cell in row]
    assert not any(cell.startswith(("=", "+", "@", "\t", "\r")) for cell in cells)
    assert not any(cell.startswith("-") for cell in cells)


def test_neutralize_covers_every_formula_start() -> None:
    from inspect_tui.reports.csv_file import neutralize

    for start in ("=", "+", "-", "@", "\t", "\r"):
        assert neutralize(f"{start}1+1") == f"'{start}1+1"
    assert neutralize("档案") == "档案" and neutralize(91.5) == 91.5


# -- html -------------------------------------------------------------------------------------
class Collect(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.text: list[str] = []
        self.attrs: list[tuple[str, str | None]] = []
        self.svgs: list[list[tuple[str, dict[str, str | None]]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.attrs += attrs
        if tag == "svg":
            self.svgs.append([])
        if self.svgs:
            self.svgs[-1].append((tag, dict(attrs)))

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def parse_html(path: Path) -> Collect:
    parser = Collect()
    parser.feed(path.read_text(encoding="utf-8"))
    parser.close()
    return parser


def test_the_report_parses_and_prints_user_text_as_text(published: Published) -> None:
    page = parse_html(published.files["html"])
    assert "script" not in page.tags  # the note's <script> never became an element
    text = "".join(page.text)
    assert SCRIPT in text and FORMULA in text
    assert "@page" in text and "A4 landscape" in text and "counter(page)" in text
    assert text.index("排名") < text.index("共性问题") < text.index(published.data.seal.payload)
    assert len(page.svgs) == 4  # the QR code and three charts
    links = [v for k, v in page.attrs if k in ("src", "href") and v]
    assert links == []  # self-contained: nothing fetched when it is opened or printed
    for ranked in published.data.rows:
        assert ranked.group.name.zh in text


def test_the_report_qr_code_decodes_to_the_verifiable_payload(published: Published) -> None:
    page = parse_html(published.files["html"])
    qr = next(svg for svg in page.svgs if svg[0][1].get("class") == "qr")
    size = int(qr[0][1]["width"] or 0)
    image = Image.new("L", (size + 40, size + 40), 255)
    draw = ImageDraw.Draw(image)
    for tag, attrs in qr[2:]:  # after the svg and its white background
        if tag == "rect":
            x, y, w = (int(attrs[k] or 0) for k in ("x", "y", "width"))
            draw.rectangle([x + 20, y + 20, x + 20 + w - 1, y + 20 + w - 1], fill=0)
    assert decode(image) == [published.data.seal.payload]


def test_the_charts_show_every_group_and_tier(published: Published) -> None:
    page = parse_html(published.files["html"])
    totals, sections, tiers = (svg for svg in page.svgs if svg[0][1].get("class") != "qr")
    assert sum(1 for tag, a in totals if tag == "rect" and a.get("class") == "bar") == 38
    assert sum(1 for tag, _ in sections if tag == "rect") == len(published.data.sections)
    assert sum(1 for tag, _ in tiers if tag == "rect") == 3


# -- docx -------------------------------------------------------------------------------------
def test_the_circular_names_groups_by_tier_and_counts_problems(published: Published) -> None:
    document = docx.Document(str(published.files["docx"]))
    text = [p.text for p in document.paragraphs]
    title = "关于莎车县2012年上半年政协委员联络组考核情况的通报"
    assert text[2] == title  # after the document number and a blank line
    tiers = dict(published.data.by_tier())
    overall = next(line for line in text if line.startswith("根据考核情况"))

    def office(rows: list) -> str:  # townships first, then systems, each in rank order
        ordered = sorted(rows, key=lambda r: r.group.kind != "township")
        return "、".join(r.group.name.zh for r in ordered)

    good, poor = office(tiers["good"]), office(tiers["poor"])
    assert f"较好的有{good}等{len(tiers['good'])}个；" in overall
    assert f"一般的{len(tiers['fair'])}个；" in overall
    assert f"较差的有{poor}等{len(tiers['poor'])}个。" in overall
    problems = text[text.index("三、存在的主要问题") + 1 : text.index("四、整改要求")]
    assert [p[: len(numeral(n)) + 1] for n, p in enumerate(problems, 1)] == [
        f"{numeral(n)}是" for n in range(1, len(problems) + 1)
    ]
    deductions = [p for p in published.data.problems() if p.item.kind == "deduction"]
    for problem in deductions:  # every deduction, with every group named
        said = short_text(problem.item, "zh")  # without its scoring hint （每人次扣分）
        line = next(x for x in problems if said in x)
        assert all(published.data.campaign.group(g).name.zh in line for g in problem.groups)
    assert any(line.startswith("为全面掌握") and "三个考核组" in line for line in text)


def test_the_circular_reads_as_an_official_document(published: Published) -> None:
    document = docx.Document(str(published.files["docx"]))
    text = [p.text for p in document.paragraphs]
    assert text[4] == "各乡镇、县直各政协委员联络组："  # the addressee, after the title
    closing = text.index("政协莎车县委员会办公室")
    assert text[closing + 1] == "2012年7月20日"
    date = document.paragraphs[closing + 1].paragraph_format
    assert date.right_indent.pt == 64  # four characters in, room for the seal
    note = "附件：莎车县2012年上半年政协委员联络组考核排名表"
    assert text.index(note) < closing < text.index("附件")  # body, office, then the attachment
    body = document.element.body
    breaks = [b for b in body.iter(qn("w:br")) if b.get(qn("w:type")) == "page"]
    assert len(breaks) == 1
    table = body.find(qn("w:tbl"))
    assert body.index(breaks[0].getparent().getparent()) < body.index(table)
    footer = document.sections[0].footer.paragraphs[0]
    assert footer.text == "— 1 —"
    assert any(x.text == " PAGE " for x in footer._p.iter(qn("w:instrText")))
    props = document.core_properties
    assert props.author == "政协莎车县委员会办公室" and props.title.startswith("关于")
    assert props.created.year == 2012


def test_numerals_for_the_problem_list() -> None:
    assert [numeral(n) for n in (1, 9, 10, 12, 20, 35)] == [
        "一",
        "九",
        "十",
        "十二",
        "二十",
        "三十五",
    ]


def test_the_circular_is_a_plain_a4_document_with_the_ranking(published: Published) -> None:
    document = docx.Document(str(published.files["docx"]))
    section = document.sections[0]
    assert (round(section.page_width.cm, 1), round(section.page_height.cm, 1)) == (21.0, 29.7)
    assert len(document.tables) == 2  # the ranking and the 版记
    table = document.tables[0]
    assert len(table.rows) == 39
    assert [c.text for c in table.rows[0].cells][:3] == ["名次", "联络组", "总分"]
    for ranked, row in zip(published.data.rows, table.rows[1:], strict=True):
        assert [c.text for c in row.cells][:3] == [
            str(ranked.rank),
            ranked.group.name.zh,
            f"{ranked.total:.2f}",
        ]
    body = document.element.body
    assert body[-1].tag.endswith("sectPr")  # Word requires the section properties last
    fonts = document.styles["Normal"].element.rPr.rFonts
    assert (
        fonts.get("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}eastAsia")
        == "仿宋_GB2312"
    )


def test_the_circular_qr_code_decodes_to_the_verifiable_payload(published: Published) -> None:
    document = docx.Document(str(published.files["docx"]))
    images = [
        part.blob for part in document.part.related_parts.values() if "image" in part.content_type
    ]
    assert len(images) == 1
    assert decode(Image.open(io.BytesIO(images[0]))) == [published.data.seal.payload]
    assert any(published.data.seal.code in p.text for p in document.paragraphs)


def test_the_same_row_in_every_format(published: Published) -> None:
    """One definition of the columns: the CSV row is the workbook row, value for value."""
    data = published.data
    sheet = load_workbook(published.files["xlsx"])["排名"]
    for n, ranked in enumerate(data.rows, start=2):
        expected = ranking_row(data, ranked, "zh")
        got = [c.value for c in sheet[n]]
        assert [("" if v is None else v) for v in got] == expected


def test_hostile_text_reaches_the_workbook_as_plain_text(published: Published) -> None:
    sheet = load_workbook(published.files["xlsx"])["排名"]
    remark = next(row[-1] for row in sheet.iter_rows(values_only=True) if row[1] == published.group)
    assert remark.startswith("第一考核组: =HYPERLINK")  # a cell value, never a formula
    items = load_workbook(published.files["xlsx"])["明细"]
    header = [c.value for c in items[1]]
    campaign = published.data.campaign
    name = campaign.group(published.group).name.zh
    row = next(r for r in items.iter_rows(min_row=2) if r[1].value == name)
    cell = row[header.index(campaign.item(published.remark).text.zh)]
    assert (cell.value, cell.data_type) == (FORMULA, "s")  # kept as typed, as text
    for sheet_ in load_workbook(published.files["xlsx"]).worksheets:
        assert all(c.data_type != "f" for r in sheet_.iter_rows() for c in r)


def test_exports_are_readable_by_colleagues(published: Published) -> None:
    for path in published.files.values():
        assert path.stat().st_mode & 0o777 == 0o644, path


def test_file_names_say_campaign_time_and_kind(published: Published) -> None:
    names = sorted(p.name for p in published.files.values())
    code = published.data.seal.digest[:4].lower()
    assert all(re.fullmatch(rf"shache-2012-h1-20120720-0830-{code}-zh-\w+\.\w+", n) for n in names)

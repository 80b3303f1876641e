"""The ranking workbook (openpyxl, write-only mode: a province's rows stream out in seconds).

Sheets: Ranking (rank, group, kind, total, each section, deductions, tier, teams, flags, the
teams' remarks), Items (group x team x item, each item's text as its header, its id in the
header's comment), Problems (each item that fell short: its text, how many groups, which, and
every note), Teams (coverage, calibration, agreement) and Rules (the statement every export
carries, and the QR code as a picture). Each sheet has a frozen, filtered header in the file's
own language, columns sized for Chinese (two units per wide character), cells aligned to the
top with rows as tall as their wrapped text, number formats, tier fills and an A4 landscape
print setup, one page wide, that repeats the header on every page.

Every piece of text reaches a cell through `_cell` or `_styled` (and headers, comments and page
titles through `table.shown`): control characters, which openpyxl refuses with
`IllegalCharacterError` and which would stop the whole export, are made visible instead, and
text that looks like a formula stays text.
"""

from __future__ import annotations

import io
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet._write_only import WriteOnlyWorksheet

from inspect_tui.domain.calibration import describe
from inspect_tui.domain.model import Item
from inspect_tui.domain.scoring import NA, NO, YES, Answer, AnswerValue
from inspect_tui.reports.dataset import ExportData
from inspect_tui.reports.qrimage import qr_png
from inspect_tui.reports.table import (
    NAME,
    Cell,
    heading,
    label,
    number_columns,
    one_line,
    ranking_header,
    ranking_row,
    shown,
)
from inspect_tui.words.i18n import Lang, Text, join_clauses, join_words, t

TIER_FILLS = ("E2F0D9", "FFF2CC", "F8CBAD")  # best to worst: green, amber, red (light, prints)
HEADER_FILL = PatternFill("solid", fgColor="D9D9D9")
BOLD = Font(bold=True)
WRAP = Alignment(wrap_text=True, vertical="top")
TOP = Alignment(vertical="top")  # every cell of a sheet whose rows can be several lines tall
ITEM_WIDTH = 9.0  # an item's column: 是/否 or a count under its wrapped text
MOST_HEADER_LINES = 12  # an item's text wraps in its header, up to this many lines shown
QR_CELL = "D2"
QR_SIZE = 160  # px
SCORE_FORMAT = "0.00"
MAX_WIDTH = 40
WRAPPED_WIDTH = 30
HEADER_HEIGHT = 18  # one line
LINE_HEIGHT = 15
SCORE_WIDTH = 10.0
TEAMS_WIDTH = 16.0
OFFSET_FORMAT = "+0.00;-0.00;0.00"
PAPER_A4 = "9"  # ECMA-376 paper size code


def xlsx_bytes(data: ExportData, lang: Lang = "zh") -> bytes:
    book = Workbook(write_only=True)
    _ranking(book.create_sheet(t("export.sheet.ranking", lang)), data, lang)
    _items(book.create_sheet(t("export.sheet.items", lang)), data, lang)
    _problems(book.create_sheet(t("export.sheet.problems", lang)), data, lang)
    _teams(book.create_sheet(t("export.sheet.teams", lang)), data, lang)
    _rules(book.create_sheet(t("export.sheet.rules", lang)), data, lang)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _ranking(sheet: WriteOnlyWorksheet, data: ExportData, lang: Lang) -> None:
    header = ranking_header(data)
    rows = [ranking_row(data, row, lang) for row in data.rows]
    tiers = [tier.id for tier in data.campaign.tiers]
    fills = [PatternFill("solid", fgColor=TIER_FILLS[min(n, 2)]) for n in range(len(tiers))]
    numbers = set(number_columns(data))
    tier_column = header.index(label("export.col.tier"))
    remarks = header.index(label("export.col.remarks"))
    teams = header.index(label("export.col.teams"))
    # scores are short and their long section names wrap in the header: the sheet then prints
    # at a readable scale on one A4 width
    widths = {n: SCORE_WIDTH for n in numbers} | {teams: TEAMS_WIDTH, remarks: WRAPPED_WIDTH}
    sized = _prepare(sheet, header, rows, data, data.campaign.title.get(lang), lang, widths=widths)
    wrapped = {n: sized[n] for n in (NAME, remarks, teams)}
    for number, (ranked, values) in enumerate(zip(data.rows, rows, strict=True), start=2):
        lines = max(len(ranked.teams), *(_lines(values[n], w) for n, w in wrapped.items()))
        if lines > 1:  # wrapped cells: LibreOffice and WPS do not grow the row themselves
            sheet.row_dimensions[number].height = LINE_HEIGHT * lines
    _header(sheet, header, lang)
    # one styled cell per column (and per tier for the tier's fill), its value set row by row:
    # a write-only sheet writes each row as it is appended, and styling 60,000 cells one by one
    # would take most of a province's ranking sheet's time
    columns: list[WriteOnlyCell] = []
    for n in range(len(header)):
        cell = WriteOnlyCell(sheet)
        cell.alignment = WRAP if n in wrapped else TOP
        if n in numbers:
            cell.number_format = SCORE_FORMAT
        columns.append(cell)
    tier_cells = []
    for fill in fills:
        cell = WriteOnlyCell(sheet)
        cell.alignment, cell.fill = TOP, fill
        tier_cells.append(cell)
    for ranked, values in zip(data.rows, rows, strict=True):
        cells = [*columns]
        cells[tier_column] = tier_cells[tiers.index(ranked.tier.id)]
        for cell, value in zip(cells, values, strict=True):
            _set(cell, value)
        sheet.append(cells)


def _set(cell: WriteOnlyCell, value: Cell) -> None:
    """`value` into a reused styled cell, as `_styled` puts it into a new one."""
    cell.value = shown(value) if isinstance(value, str) else value
    if isinstance(cell.value, str) and cell.value.startswith("="):
        cell.data_type = "s"


def _items(sheet: WriteOnlyWorksheet, data: ExportData, lang: Lang) -> None:
    items = data.campaign.items
    header = [
        label("export.col.rank"),
        label("export.col.group"),
        label("export.col.team"),
        *(item.text for item in items),
    ]
    teams = data.campaign.team_names(lang)
    words = {YES: t("export.yes", lang), NO: t("export.no", lang), NA: t("export.na", lang)}
    rows: list[list[Cell]] = [
        [row.rank, row.group.name.get(lang), teams[visit.team]]
        + [_answer(item, visit.answers.get(item.id), words) for item in items]
        for row in data.rows
        for visit in data.visits.get(row.group.id, [])
    ]
    # item columns hold 是/否/n-a and small numbers under the item's text, wrapped in a narrow
    # column: the sheet prints one page wide (small, but whole), the group columns first
    widths = {n + 3: ITEM_WIDTH for n in range(len(items))}
    _prepare(
        sheet, header, rows, data, t("export.sheet.items", lang), lang,
        first_columns=3, sized=3, widths=widths,
    )  # fmt: skip
    sheet.print_title_cols = "A:C"
    notes = {n + 3: item.id for n, item in enumerate(items)}
    _header(sheet, header, lang, notes)
    for values in rows:
        sheet.append([_cell(sheet, value) for value in values])


def _answer(item: Item, answer: Answer | None, words: dict[AnswerValue, str]) -> Cell:
    """The answer as the sheet shows it; `words` are 是/否/不适用 in the sheet's language,
    made once for its 160,000 cells rather than looked up in each."""
    if answer is None or answer.value is None:
        return ""
    if answer.value == NA or (answer.value in words and item.kind in ("check", "veto")):
        return words[answer.value]
    return answer.value


def _problems(sheet: WriteOnlyWorksheet, data: ExportData, lang: Lang) -> None:
    """Every item that fell short anywhere, most groups first, with the groups and all the
    teams' notes: what the circular's common problems are drawn from."""
    names = {row.group.id: row.group.name.get(lang) for row in data.rows}
    header = [
        label("export.col.text"),
        label("export.col.count"),
        label("export.col.group"),
        label("export.col.note"),
    ]
    rows: list[list[Cell]] = [
        [
            problem.item.text.get(lang),
            len(problem.groups),
            join_words((names.get(g, g) for g in problem.groups), lang),
            join_clauses(problem.notes, lang),
        ]
        for problem in data.problems()
    ]
    widths = {0: WRAPPED_WIDTH, 2: WRAPPED_WIDTH, 3: WRAPPED_WIDTH}
    _prepare(
        sheet, header, rows, data, t("export.sheet.problems", lang), lang,
        first_columns=1, widths=widths,
    )  # fmt: skip
    _header(sheet, header, lang)
    for number, values in enumerate(rows, start=2):
        lines = max(_lines(values[n], WRAPPED_WIDTH) for n in widths)
        sheet.row_dimensions[number].height = LINE_HEIGHT * lines
    for values in rows:
        cells: list[Cell | WriteOnlyCell] = []
        for n, value in enumerate(values):
            cell = _styled(sheet, value)
            cell.alignment = WRAP if n in widths else TOP
            cells.append(cell)
        sheet.append(cells)


def _teams(sheet: WriteOnlyWorksheet, data: ExportData, lang: Lang) -> None:
    header = [
        label("export.col.team"),
        label("export.col.assigned"),
        label("export.col.counted"),
        label("export.col.offset"),
    ]
    offsets = data.calibration.offsets or {}
    counted = Counter(v.team for visits in data.visits.values() for v in visits)
    rows: list[list[Cell]] = [
        [
            team.name.get(lang),
            len(team.groups),
            counted[team.id],
            offsets.get(team.id, "-"),
        ]
        for team in data.campaign.teams
    ]
    footer: list[list[Cell]] = [
        [],
        [
            one_line(label("export.calibration")),
            describe(data.calibration, data.calibrated, lang, data.campaign.team_names(lang)),
        ],
        *([f"{t(f'coverage.{state}', lang)}", count] for state, count in data.coverage.items()),
    ]
    sized = _prepare(
        sheet, header, rows + footer, data, t("export.sheet.teams", lang), lang,
        first_columns=0, filtered=len(rows), widths={1: WRAPPED_WIDTH},
    )  # fmt: skip
    for number, values in enumerate(rows + footer, start=2):
        lines = max((_lines(v, sized[n]) for n, v in enumerate(values) if n == 1), default=1)
        if lines > 1:
            sheet.row_dimensions[number].height = LINE_HEIGHT * lines
    _header(sheet, header, lang)
    for values in rows:
        offset = _styled(sheet, values[3])
        offset.number_format = OFFSET_FORMAT
        offset.alignment = TOP
        sheet.append([*(_top(sheet, value) for value in values[:3]), offset])
    for values in footer:
        sheet.append([_top(sheet, value, wrap=n == 1) for n, value in enumerate(values)])


def _rules(sheet: WriteOnlyWorksheet, data: ExportData, lang: Lang) -> None:
    header = [label("export.col.key"), label("export.col.value")]
    rows: list[list[Cell]] = [[name, value] for name, value in data.statement(lang)]
    rows.append(["QR", data.seal.payload])
    sized = _prepare(
        sheet, header, rows, data, t("export.sheet.rules", lang), lang,
        first_columns=0, filtered=0, widths={1: 80.0},
    )  # fmt: skip
    for number, (_, value) in enumerate(rows, start=2):  # wrapped rows grow (LibreOffice and
        sheet.row_dimensions[number].height = LINE_HEIGHT * _lines(value, sized[1])  # WPS do not)
    _header(sheet, header, lang)
    for name, value in rows:
        sheet.append([_top(sheet, name), _top(sheet, value, wrap=True)])
    _qr_picture(sheet, data)


def _qr_picture(sheet: WriteOnlyWorksheet, data: ExportData) -> None:
    """The QR code beside the statement, as a picture a phone can scan from the screen or the
    page (openpyxl reads its size through Pillow, a dependency for this)."""
    from openpyxl.drawing.image import Image

    picture = Image(io.BytesIO(qr_png(data.seal.payload)))
    picture.width = picture.height = QR_SIZE
    sheet.add_image(picture, QR_CELL)


def _top(sheet: WriteOnlyWorksheet, value: Cell, *, wrap: bool = False) -> WriteOnlyCell:
    cell = _styled(sheet, value)
    cell.alignment = WRAP if wrap else TOP
    return cell


def _prepare(
    sheet: WriteOnlyWorksheet,
    header: Sequence[Text | str],
    rows: Sequence[Sequence[Cell]],
    data: ExportData,
    title: str,
    lang: Lang,
    *,
    first_columns: int = 3,
    filtered: int | None = None,
    sized: int | None = None,
    widths: dict[int, float] | None = None,
    fit_width: bool = True,
) -> dict[int, float]:
    """What a write-only sheet needs before its first row: widths (from every value of the
    first `sized` columns, all by default; from the header for the rest; or as `widths` says,
    for columns whose cells wrap), frozen header and `first_columns`, a filter over the header
    and `filtered` rows (all by default), and A4 landscape printing, one page wide unless
    `fit_width` is off. The widths set, by column."""
    sizes: dict[int, float] = {}
    for n in range(len(header)):
        if sized is None or n < sized:
            column = [heading(header[n], lang), *(r[n] for r in rows if n < len(r))]
        else:
            column = [heading(header[n], lang), "不适用"]
        width = widths[n] if widths and n in widths else _width(column)
        sizes[n] = width
        sheet.column_dimensions[get_column_letter(n + 1)].width = width
    sheet.freeze_panes = f"{get_column_letter(first_columns + 1)}2"
    count = len(rows) if filtered is None else filtered
    if count:
        sheet.auto_filter.ref = f"A1:{get_column_letter(len(header))}{count + 1}"
    lines = max(_lines(heading(h, lang), sizes[n]) for n, h in enumerate(header))
    sheet.row_dimensions[1].height = max(
        HEADER_HEIGHT, LINE_HEIGHT * min(lines, MOST_HEADER_LINES) + 3
    )
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = PAPER_A4
    if fit_width:
        sheet.page_setup.fitToWidth = 1
        sheet.page_setup.fitToHeight = 0
        sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_title_rows = "1:1"
    sheet.oddHeader.center.text = shown(title)
    sheet.oddFooter.left.text = f"{data.seal.code}  {data.made_at}"
    sheet.oddFooter.right.text = "&P / &N"
    return sizes


def _cell(sheet: WriteOnlyWorksheet, value: Cell) -> Cell | WriteOnlyCell:
    """A value whose text is always text, shown (`table.shown`): openpyxl would store "=..." as
    a formula, and a note typed in a township must never run as one on the office PC. Plain
    values go in as they are (a styled cell object per value would double the time of a
    province's item sheet)."""
    if not isinstance(value, str):
        return value
    text = shown(value)
    return _styled(sheet, text) if text.startswith("=") else text


def _styled(sheet: WriteOnlyWorksheet, value: Cell) -> WriteOnlyCell:
    """A cell object to style, its text shown and kept as text (see `_cell`)."""
    cell = WriteOnlyCell(sheet, value=shown(value) if isinstance(value, str) else value)
    if isinstance(cell.value, str) and cell.value.startswith("="):
        cell.data_type = "s"
    return cell


def _header(
    sheet: WriteOnlyWorksheet,
    header: Sequence[Text | str],
    lang: Lang,
    notes: dict[int, str] | None = None,
) -> None:
    """Bold, grey, wrapped, in the file's language; `notes` become the cells' comments."""
    cells = []
    for n, name in enumerate(header):
        cell = _styled(sheet, heading(name, lang))
        cell.font, cell.fill, cell.alignment = BOLD, HEADER_FILL, WRAP
        if notes and n in notes:
            cell.comment = Comment(shown(notes[n]), "inspect-tui", width=300, height=120)
        cells.append(cell)
    sheet.append(cells)


def two_lines(name: Text | str) -> str:
    """The Chinese name over the English one (kept for callers of the first version; the
    sheets now carry the file's own language only)."""
    return name if isinstance(name, str) else f"{name.zh}\n{name.en}"


def _width(values: Iterable[Cell], most: int = MAX_WIDTH) -> float:
    """Column width in Excel's units: a Chinese character takes two; a header counts by its
    longer line."""
    widest = max((_display(line) for v in values for line in str(v).split("\n")), default=8)
    return float(min(max(widest + 2, 6), most))


def _lines(value: Cell, width: float) -> int:
    """How many lines `value` wraps to in a column `width` wide (its own line breaks too)."""
    room = max(int(width) - 1, 1)
    return sum(max(1, -(-_display(line) // room)) for line in str(value).split("\n"))


def _display(value: Cell) -> int:
    text = (
        value
        if isinstance(value, str)
        else f"{value:.2f}"
        if isinstance(value, float)
        else str(value)
    )
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)

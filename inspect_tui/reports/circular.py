"""The circular (通报) draft as a Word document, laid out as GB/T 9704-2012 asks (`official`)
with the words the county office would write (`circular_text`).

Order: 文号 (when the campaign gives one), title, 主送, opening, 一 overall results (the tiers),
二 what went well by theme, 三 the problems by theme with every deduction and the veto named,
四 整改 requirements, the attachment note, the issuer centred over the date (room for the seal);
then the attachment on a new page: the ranking table (widths fitted to the headers, a notes
column, a note on how the total adds up), the QR code with one line "验证码：…", and the 版记
at the foot of the last page. No technical text: the hash, the rules, the calibration and the
time of the export are in the workbook's 规则 sheet and the HTML report. The file's properties
carry the verifiable payload (not printed) so that `verify` finds it in the file.
"""

from __future__ import annotations

import io

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls
from docx.shared import Mm, Pt

from inspect_tui.reports import official
from inspect_tui.reports.circular_text import CircularText, build
from inspect_tui.reports.circular_words import numeral
from inspect_tui.reports.dataset import ExportData
from inspect_tui.reports.official import BODY_FACE, HEI_FACE, SIZE_2, TITLE_FACE
from inspect_tui.reports.table import shown
from inspect_tui.words.i18n import Lang, t

__all__ = ["docx_bytes", "numeral"]

TABLE_STYLE = "RankingTable"
QR_WIDTH = Mm(18)


def docx_bytes(data: ExportData, lang: Lang = "zh") -> bytes:
    text = build(data, lang)
    document = Document()
    official.page(document)
    _properties(document, data, text)
    center = WD_ALIGN_PARAGRAPH.CENTER
    if text.number:
        official.paragraph(document, text.number, align=center)
        official.paragraph(document, "")
    official.paragraph(document, text.title, TITLE_FACE, SIZE_2, align=center)
    official.paragraph(document, "")
    official.paragraph(document, text.addressee)
    for para in text.body:
        face = HEI_FACE if para.style == "h1" else BODY_FACE
        official.paragraph(document, para.text, face, indent=True, lead=para.lead)
    official.paragraph(document, "")
    official.paragraph(document, text.attachment_note, indent=True)
    official.signature(document, text.issuer, text.date)
    _attachment(document, data, text, lang)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _attachment(document: Document, data: ExportData, text: CircularText, lang: Lang) -> None:
    document.add_page_break()
    # off the grid, so that a county's table, the code and the 版记 share the last page
    official.off_grid(official.paragraph(document, t("doc.attachment", lang), HEI_FACE)._p)
    title = official.paragraph(
        document, text.attachment_title, TITLE_FACE, Pt(18), align=WD_ALIGN_PARAGRAPH.CENTER
    )
    official.off_grid(title._p)
    title.paragraph_format.space_after = Pt(6)
    _ranking_table(document, text, lang)
    note = official.paragraph(document, text.table_note, size=Pt(10.5))
    official.off_grid(note._p)
    line = document.add_paragraph()
    official.off_grid(line._p)
    line.paragraph_format.space_before = Pt(3)
    line.add_run().add_picture(io.BytesIO(official.qr_png(data.seal.payload)), width=QR_WIDTH)
    run = line.add_run("  " + shown(text.code_line))
    run.font.size = Pt(10.5)
    official.faces(run._r.get_or_add_rPr(), BODY_FACE)
    official.colophon(document, text.cc, text.printed_by, text.printed_on)


def _properties(document: Document, data: ExportData, text: CircularText) -> None:
    """The file's own properties: the issuer, the title, the round's date; the payload for
    `verify` (never printed)."""
    props = document.core_properties
    props.author = props.last_modified_by = shown(text.issuer)
    props.title = shown(text.title)
    props.created = props.modified = data.made
    props.revision = 1
    props.comments = props.keywords = props.subject = ""
    props.category = data.seal.code
    props.identifier = data.seal.payload


def _ranking_table(document: Document, text: CircularText, lang: Lang) -> None:
    """The table as one piece of WordprocessingML: python-docx's row-by-row API takes seconds for
    a province's thousands of rows; this takes milliseconds and gives the same plain table."""
    sep = "\n"
    rows = [[*row[:-1], sep.join(text.flags.get(_id, []))] for _id, row in _ids(text)]
    wrap = {1, len(text.header) - 1}
    widths, header, size = official.fit_columns(text.header, rows, lang=lang, wrap=wrap)
    _table_style(document, size)
    grid = "".join(f'<w:gridCol w:w="{w}"/>' for w in widths)
    body = _row(header, widths, header=True) + "".join(_row(cells, widths) for cells in rows)
    xml = (
        f'<w:tbl {nsdecls("w")}><w:tblPr><w:tblStyle w:val="TableGrid"/>'
        f'<w:tblW w:w="{sum(widths)}" w:type="dxa"/><w:jc w:val="center"/>'
        '<w:tblBorders><w:top w:val="single" w:sz="4"/><w:left w:val="single" w:sz="4"/>'
        '<w:bottom w:val="single" w:sz="4"/><w:right w:val="single" w:sz="4"/>'
        '<w:insideH w:val="single" w:sz="4"/><w:insideV w:val="single" w:sz="4"/></w:tblBorders>'
        '<w:tblLayout w:type="fixed"/><w:tblCellMar><w:left w:w="57" w:type="dxa"/>'
        '<w:right w:w="57" w:type="dxa"/></w:tblCellMar>'
        f"</w:tblPr><w:tblGrid>{grid}</w:tblGrid>{body}</w:tbl>"
    )
    official.append_block(document, parse_xml(xml))


def _ids(text: CircularText) -> list[tuple[str, list[str]]]:
    """(group id, row) pairs: the flags are keyed by group id, in the rows' order."""
    return list(zip(text.flags, text.rows, strict=True))


def _table_style(document: Document, size: float) -> None:
    """One paragraph style for the table's cells (size, centred, no spacing, off the grid), so
    each of a province's thousands of cells names it instead of repeating it."""
    style = document.styles.add_style(TABLE_STYLE, WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = document.styles["Normal"]
    style.font.size = Pt(size)
    form = style.paragraph_format
    form.space_before = form.space_after = Pt(0)
    form.line_spacing = 1.0
    form.alignment = WD_ALIGN_PARAGRAPH.CENTER
    official.off_grid(style.element)


def _row(cells: list[str], widths: list[int], *, header: bool = False) -> str:
    head = "<w:tblHeader/>" if header else ""
    props = "<w:rPr><w:b/></w:rPr>" if header else ""
    return (
        f"<w:tr><w:trPr>{head}<w:cantSplit/></w:trPr>"
        + "".join(
            f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/><w:vAlign w:val="center"/></w:tcPr>'
            f'<w:p><w:pPr><w:pStyle w:val="{TABLE_STYLE}"/></w:pPr><w:r>{props}'
            + "<w:br/>".join(official.text_run(line) for line in cell.split("\n"))
            + "</w:r></w:p></w:tc>"
            for cell, width in zip(cells, widths, strict=True)
        )
        + "</w:tr>"
    )

"""The circular (通报) draft as a Word document (python-docx), in the manner of Chinese official
documents (GB/T 9704): A4, title in a Song face at 22 pt, body in FangSong at 16 pt with a
two-character first-line indent, level-one headings in a Hei face, fixed 28 pt lines.

The office edits the draft before publishing, so it is a plain document: ordinary paragraphs
and one ordinary table, no fields, no text boxes, no macros. Fonts are named both ways (the
Latin name and the East Asian name), so Word and WPS pick the Chinese face for Chinese text.

The words come from the data: the opening from the period, teams, groups and methods; the
groups by tier; per section the groups that reached `BEST_SHARE` of its points; the common
problems with how many groups had them and the teams' notes; the ranking; the QR code.
Every piece of text enters the document through `table.shown` (in `_paragraph` and `_row`):
XML cannot hold control characters, so they are made visible rather than dropped or fatal.
"""

from __future__ import annotations

import io
from datetime import date
from html import escape

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Cm, Pt
from docx.text.paragraph import Paragraph

from inspect_tui.core.i18n import Lang, join_clauses, join_words, t
from inspect_tui.reports.dataset import MOST_NOTES, ExportData
from inspect_tui.reports.qrimage import qr_png
from inspect_tui.reports.table import shown

SONG, FANGSONG, HEI = ("SimSun", "宋体"), ("FangSong", "仿宋"), ("SimHei", "黑体")
BODY_SIZE, TITLE_SIZE, TABLE_SIZE = Pt(16), Pt(22), Pt(10.5)
LINE = Pt(28)
TABLE_STYLE = "RankingTable"
COMMON, MOST_PROBLEMS = 2, 10  # a problem of one group is not common; the workbook has them all


def docx_bytes(data: ExportData, lang: Lang = "zh") -> bytes:
    """The circular: title, addressee, body (overall, by tier, by area, common problems, the
    closing call), the attachment's name, the office and the date; then on a new page the
    attachment: the ranking table, the QR code with its code, and the export's statement."""
    document = Document()
    _page(document)
    _properties(document, data, lang)
    title = t("circular.title", lang, title=data.campaign.title.get(lang))
    _paragraph(document, title, SONG, TITLE_SIZE, align=WD_ALIGN_PARAGRAPH.CENTER, bold=True)
    _paragraph(document, "", FANGSONG)
    _paragraph(document, t("circular.addressee", lang), FANGSONG)
    _paragraph(document, _opening(data, lang), FANGSONG, indent=True)
    _overall(document, data, lang)
    _bests(document, data, lang)
    _problems(document, data, lang)
    _paragraph(document, t("circular.closing", lang), FANGSONG, indent=True)
    _paragraph(document, "", FANGSONG)
    campaign_title = data.campaign.title.get(lang)
    _paragraph(
        document, t("circular.attachment_note", lang, title=campaign_title), FANGSONG, indent=True
    )
    _signature(document, data, lang)
    _attachment(document, data, lang)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _overall(document: Document, data: ExportData, lang: Lang) -> None:
    sep = t("sep.list", lang)
    _paragraph(document, t("circular.h.overall", lang), HEI, indent=True)
    _paragraph(document, _counts(data, lang), FANGSONG, indent=True)
    tiers = data.by_tier()
    for tier_id, rows in (tiers[0], tiers[-1]) if len(tiers) > 1 else tiers:
        tier = next(x for x in data.campaign.tiers if x.id == tier_id)
        names = sep.join(r.group.name.get(lang) for r in rows) or t("export.none", lang)
        line = t("circular.tier_list", lang, tier=tier.name.get(lang), groups=names)
        end = t("sep.clause", lang) if tier_id == tiers[0][0] and len(tiers) > 1 else ""
        _paragraph(document, line + (end or ("。" if lang == "zh" else ".")), FANGSONG, indent=True)


def _bests(document: Document, data: ExportData, lang: Lang) -> None:
    sep = t("sep.list", lang)
    _paragraph(document, t("circular.h.best", lang), HEI, indent=True)
    names = {row.group.id: row.group.name.get(lang) for row in data.rows}
    for best in data.section_bests():
        section = best.section.title.get(lang)
        if best.groups:
            groups = sep.join(names[g] for g in best.groups)
            line = t("circular.best_line", lang, section=section, groups=groups)
        else:
            line = t("circular.best_none", lang, section=section)
        _paragraph(document, line, FANGSONG, indent=True)


def _problems(document: Document, data: ExportData, lang: Lang) -> None:
    _paragraph(document, t("circular.h.problems", lang), HEI, indent=True)
    problems = [p for p in data.problems() if len(p.groups) >= COMMON][:MOST_PROBLEMS]
    if not problems:
        _paragraph(document, t("circular.no_problems", lang), FANGSONG, indent=True)
    for n, problem in enumerate(problems, start=1):
        item = problem.item.text.get(lang)
        if lang == "zh":  # quotes inside quotes turn single, as Chinese typesetting asks
            item = item.replace("“", "‘").replace("”", "’")
        number = numeral(n) if lang == "zh" else str(n)
        line = t("circular.problem", lang, n=number, item=item, count=len(problem.groups))
        if problem.notes:
            notes = join_clauses(problem.notes[:MOST_NOTES], lang)
            line += t("circular.problem_notes", lang, notes=notes)
        _paragraph(document, line, FANGSONG, indent=True)


def _signature(document: Document, data: ExportData, lang: Lang) -> None:
    """The office and the date, right-aligned four characters in, room above for the seal."""
    when = _day(data.made.date(), lang)
    for _ in range(2):
        _paragraph(document, "", FANGSONG)
    for text in (t("circular.signature", lang), when):
        paragraph = _paragraph(document, text, FANGSONG, align=WD_ALIGN_PARAGRAPH.RIGHT)
        paragraph.paragraph_format.right_indent = Pt(BODY_SIZE.pt * 4)


def _attachment(document: Document, data: ExportData, lang: Lang) -> None:
    document.add_page_break()
    _paragraph(document, t("circular.attachment", lang), HEI)
    title = t("circular.attachment_title", lang, title=data.campaign.title.get(lang))
    _paragraph(document, title, SONG, Pt(18), align=WD_ALIGN_PARAGRAPH.CENTER, bold=True)
    _ranking_table(document, data, lang)
    document.add_picture(io.BytesIO(qr_png(data.seal.payload)), width=Cm(3.0))
    _paragraph(document, t("circular.verify", lang, code=data.seal.code), FANGSONG, size=TABLE_SIZE)
    for line in [*data.statement_lines(lang), f"QR: {data.seal.payload}"]:
        _paragraph(document, line, FANGSONG, size=Pt(9), line=None)


def _properties(document: Document, data: ExportData, lang: Lang) -> None:
    """The file's own properties say who and when, not python-docx's template."""
    props = document.core_properties
    made = data.made
    props.author = props.last_modified_by = t("circular.signature", lang)
    props.title = shown(t("circular.title", lang, title=data.campaign.title.get(lang)))
    props.created = props.modified = made
    props.revision = 1
    props.comments = props.keywords = props.subject = ""
    props.category = data.seal.code


_NUMERALS = "零一二三四五六七八九"


def numeral(n: int) -> str:
    """1 -> 一, 10 -> 十, 12 -> 十二, 20 -> 二十, 35 -> 三十五 (up to 99)."""
    tens, ones = divmod(n, 10)
    if not tens:
        return _NUMERALS[ones]
    head = ("" if tens == 1 else _NUMERALS[tens]) + "十"
    return head + (_NUMERALS[ones] if ones else "")


def _page(document: Document) -> None:
    section = document.sections[0]
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    section.top_margin, section.bottom_margin = Cm(3.7), Cm(3.5)
    section.left_margin, section.right_margin = Cm(2.8), Cm(2.6)
    normal = document.styles["Normal"]
    normal.font.name = FANGSONG[0]
    normal.font.size = BODY_SIZE
    normal.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), FANGSONG[1])
    footer = section.footer.paragraphs[0]  # page numbers as official documents print them
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    footer.add_run("— ")
    footer._p.append(
        parse_xml(
            f'<w:fldSimple {nsdecls("w")} w:instr="PAGE"><w:r><w:t>1</w:t></w:r></w:fldSimple>'
        )
    )
    footer.add_run(" —")


def _paragraph(
    document: Document,
    text: str,
    face: tuple[str, str],
    size: Pt = BODY_SIZE,
    *,
    align: int | None = None,
    bold: bool = False,
    indent: bool = False,
    line: Pt | None = LINE,
) -> Paragraph:
    paragraph = document.add_paragraph()
    run = paragraph.add_run(shown(text))
    run.font.name, run.font.size, run.font.bold = face[0], size, bold
    run.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), face[1])
    form = paragraph.paragraph_format
    form.space_before = form.space_after = Pt(0)
    if line is not None:
        form.line_spacing = line
    if indent:
        form.first_line_indent = Pt(size.pt * 2)  # two characters
    if align is not None:
        paragraph.alignment = align
    return paragraph


def _opening(data: ExportData, lang: Lang) -> str:
    dates = sorted(v.visit_date for vs in data.visits.values() for v in vs if v.visit_date)
    campaign = data.campaign
    start, end = (
        (date.fromisoformat(dates[0][:10]), date.fromisoformat(dates[-1][:10]))
        if dates
        else (campaign.start, campaign.end)
    )
    period = t(
        "circular.period", lang, start=_day(campaign.start, lang), end=_day(campaign.end, lang)
    )
    methods = join_words((t(f"method.{m}", lang) for m in data.methods()), lang)
    if start == end:
        when = t("circular.on", lang, day=_day(start, lang))
    else:
        when = t("circular.between", lang, start=_day(start, lang), end=_day(end, lang))
    return t(
        "circular.opening",
        lang,
        when=when,
        teams=len(data.teams),
        groups=len(data.rows),
        period=period,
        methods=methods or t("circular.methods_none", lang),
    )


def _day(day: date, lang: Lang) -> str:
    """2012年7月5日 / 2012-07-05."""
    return f"{day.year}年{day.month}月{day.day}日" if lang == "zh" else day.isoformat()


def _counts(data: ExportData, lang: Lang) -> str:
    tiers = {tier.id: tier for tier in data.campaign.tiers}
    counts = join_words(
        (
            t("circular.count", lang, tier=tiers[tid].name.get(lang), count=len(rows))
            for tid, rows in data.by_tier()
        ),
        lang,
    )
    return t("circular.counts", lang, groups=len(data.rows), counts=counts)


def _ranking_table(document: Document, data: ExportData, lang: Lang) -> None:
    """The table as one piece of WordprocessingML: python-docx's row-by-row API takes seconds for
    a province's thousands of rows; this takes milliseconds and gives the same plain table."""
    header = [
        t("export.col.rank", lang),
        t("export.col.group", lang),
        t("export.col.total", lang),
        *(s.title.get(lang) for s in data.sections),
        t("export.col.deductions", lang),
        t("export.col.tier", lang),
    ]
    rows = [
        [
            str(row.rank),
            row.group.name.get(lang),
            f"{row.total:.2f}",
            *(f"{row.sections.get(s.id, 0.0):.2f}" for s in data.sections),
            f"{row.deductions:.2f}",
            row.tier.name.get(lang) + (t("export.vetoed", lang) if row.vetoed else ""),
        ]
        for row in data.rows
    ]
    _table_style(document)
    widths = _widths(len(data.sections))
    grid = "".join(f'<w:gridCol w:w="{w}"/>' for w in widths)
    body = _row(header, widths, header=True) + "".join(_row(cells, widths) for cells in rows)
    xml = (
        f'<w:tbl {nsdecls("w")}><w:tblPr><w:tblStyle w:val="TableGrid"/>'
        f'<w:tblW w:w="{sum(widths)}" w:type="dxa"/><w:jc w:val="center"/>'
        '<w:tblLayout w:type="fixed"/><w:tblCellMar><w:left w:w="57" w:type="dxa"/>'
        '<w:right w:w="57" w:type="dxa"/></w:tblCellMar>'
        '<w:tblBorders><w:top w:val="single" w:sz="4"/><w:left w:val="single" w:sz="4"/>'
        '<w:bottom w:val="single" w:sz="4"/><w:right w:val="single" w:sz="4"/>'
        '<w:insideH w:val="single" w:sz="4"/><w:insideV w:val="single" w:sz="4"/></w:tblBorders>'
        f"</w:tblPr><w:tblGrid>{grid}</w:tblGrid>{body}</w:tbl>"
    )
    table, body = parse_xml(xml), document.element.body
    last = body.find(qn("w:sectPr"))  # the section properties stay last, as Word requires
    if last is not None:
        last.addprevious(table)
    else:
        body.append(table)
    document.add_paragraph()  # Word wants a paragraph after a table; it also spaces the QR code


def _table_style(document: Document) -> None:
    """One paragraph style for the table's cells (face, size, centred, no spacing), so each of
    a province's thousands of cells names it instead of repeating it."""
    style = document.styles.add_style(TABLE_STYLE, WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = document.styles["Normal"]
    style.font.size = TABLE_SIZE
    form = style.paragraph_format
    form.space_before = form.space_after = Pt(0)
    form.line_spacing = 1.0
    form.alignment = WD_ALIGN_PARAGRAPH.CENTER


def _widths(sections: int) -> list[int]:
    """Column widths in twips over the text width (A4 less the margins): the group's name gets
    room for eight characters, the tier for 较差（一票否决）, the sections share the rest."""
    text = int((21 - 2.8 - 2.6) / 2.54 * 1440)
    rank, group, total, deductions, tier = 520, 1700, 820, 820, 1200
    each = (text - rank - group - total - deductions - tier) // max(sections, 1)
    return [rank, group, total, *([each] * sections), deductions, tier]


def _row(cells: list[str], widths: list[int], *, header: bool = False) -> str:
    head = "<w:tblHeader/>" if header else ""
    run = "<w:r><w:rPr><w:b/></w:rPr>" if header else "<w:r>"
    return (
        f"<w:tr><w:trPr>{head}<w:cantSplit/></w:trPr>"
        + "".join(
            f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/></w:tcPr>'
            f'<w:p><w:pPr><w:pStyle w:val="{TABLE_STYLE}"/></w:pPr>{run}'
            f'<w:t xml:space="preserve">{escape(shown(cell), quote=False)}</w:t>'
            "</w:r></w:p></w:tc>"
            for cell, width in zip(cells, widths, strict=True)
        )
        + "</w:tr>"
    )

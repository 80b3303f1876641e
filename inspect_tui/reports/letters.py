"""Feedback letters (反馈意见) as a Word document, one page or more per group, in the same
official layout as the circular (`official`): what the group keeps after an assessment.

Each letter: the title and the group as addressee; the result (total, tier, rank among the
ranked groups, or "provisional" on site); a table of the section scores beside the county
average; what the team found good; each item that lost points, what it cost and the team's
note (and, on a line below, the evidence files the team attached to it, by name and short hash,
so the group and the lead can find them beside the team's bundle); the 整改 requirements with their
deadline; the issuer and the date. The words are the
letter's own (`letter.*` messages), the data `letter_data`'s.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from datetime import date
from pathlib import Path

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls
from docx.shared import Mm, Pt

from inspect_tui.domain.evidence import SHORT
from inspect_tui.domain.model import Campaign, Group
from inspect_tui.reports import official
from inspect_tui.reports.circular_words import day, document_date, numeral, period_words
from inspect_tui.reports.dataset import ExportData
from inspect_tui.reports.letter_data import Letter, Shortfall, county_letters, provisional_letter
from inspect_tui.reports.official import BODY_FACE, HEI_FACE, SIZE_2, TITLE_FACE
from inspect_tui.reports.table import shown
from inspect_tui.storage.atomic import write_file
from inspect_tui.storage.store import LocalStore
from inspect_tui.storage.verification import Seal
from inspect_tui.words.i18n import Lang, join_words, t

QR_WIDTH = Mm(16)
Cell = str | tuple[str, ...]  # a table cell: one line, or several (a line break between)
TABLE_SIZE = Pt(10.5)  # 五号, as tables in official documents: a good group's letter is a page


def letters_bytes(data: ExportData, lang: Lang = "zh") -> bytes:
    """Every ranked group's letter, each starting on a new page, in rank order, then a short
    one for each group recorded as not assessed (why, and that it has no tier or rank); each
    ends with the export's QR code and 验证码 line, so a group can check its letter against the
    ranking."""
    letters = county_letters(data)
    return document_bytes(
        data.campaign,
        letters,
        document_date(data),
        lang,
        seal=data.seal,
        not_assessed=data.not_assessed,
    )


def write_provisional_letter(
    campaign: Campaign, store: LocalStore, visit_id: str, folder: Path, lang: Lang = "zh"
) -> Path:
    """The provisional letter of a finalized visit, signed by its team and dated the visit's
    day, written whole into `folder` (`InspectError` naming the path if it cannot be)."""
    visit = store.visit(visit_id)
    answers, _ = store.checked_answers(campaign, visit_id)  # never a value its item refuses
    group = campaign.group(visit.group)
    evidence = {
        item: tuple((record.name, record.sha256) for record in kept)
        for item, kept in store.evidence(visit_id).items()
    }
    letter = provisional_letter(campaign, group, answers, visit.strengths, evidence)
    when = date.fromisoformat(visit.visit_date[:10]) if visit.visit_date else campaign.end
    team = campaign.team(visit.team).name.get(lang)
    body = document_bytes(campaign, [letter], when, lang, issuer=team)
    name = f"letter-{campaign.id}-{visit.group}-{visit.team}-r{visit.revision}-{lang}.docx"
    return write_file(folder / name, body, 0o644)  # for the group: readable by others


def document_bytes(
    campaign: Campaign,
    letters: Sequence[Letter],
    when: date,
    lang: Lang = "zh",
    *,
    seal: Seal | None = None,
    issuer: str | None = None,
    not_assessed: Sequence[tuple[Group, str]] = (),
) -> bytes:
    """`letters` in one document dated `when` (a page break between letters); with `seal`,
    each letter ends with its QR code and code line; `issuer` signs instead of the campaign's
    issuing office (a team signs its provisional letter)."""
    document = Document()
    official.page(document)
    issuer = issuer or _issuer(campaign, lang)
    picture = official.qr_png(seal.payload) if seal is not None else b""  # the same on every page
    props = document.core_properties
    props.author = props.last_modified_by = shown(issuer)
    props.title = shown(t("letter.file_title", lang, title=campaign.title.get(lang)))
    props.comments = props.keywords = props.subject = ""
    for n, letter in enumerate(letters):
        if n:
            document.add_page_break()
        _letter(document, campaign, letter, issuer, when, lang)
        if seal is not None:
            _code(document, seal, picture, lang)
    for n, (group, reason) in enumerate(not_assessed):
        if n or letters:
            document.add_page_break()
        _not_assessed(document, campaign, group, reason, issuer, when, lang)
        if seal is not None:
            _code(document, seal, picture, lang)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _code(document: Document, seal: Seal, picture: bytes, lang: Lang) -> None:
    """A small QR code and the line `verify` reads, below the date."""
    line = document.add_paragraph()
    official.off_grid(line._p)
    line.paragraph_format.space_before = Pt(12)
    line.add_run().add_picture(io.BytesIO(picture), width=QR_WIDTH)
    run = line.add_run("  " + shown(t("doc.code", lang, code=seal.code)))
    run.font.size = TABLE_SIZE
    official.faces(run._r.get_or_add_rPr(), BODY_FACE)


def _issuer(campaign: Campaign, lang: Lang) -> str:
    doc = campaign.document
    return doc.issuer.get(lang) if doc.issuer else t("doc.issuer_default", lang)


def _letter(
    document: Document, campaign: Campaign, letter: Letter, issuer: str, when: date, lang: Lang
) -> None:
    name = letter.group.name.get(lang)
    period = period_words(campaign, lang)
    center = WD_ALIGN_PARAGRAPH.CENTER
    if letter.provisional:
        official.paragraph(document, t("letter.provisional_mark", lang), HEI_FACE, align=center)
    official.paragraph(
        document, t("letter.title", lang, group=name, period=period), TITLE_FACE, SIZE_2,
        align=center,
    )  # fmt: skip
    official.paragraph(document, t("letter.addressee", lang, group=name))
    official.paragraph(document, t("letter.opening", lang, period=period), indent=True)
    _heading(document, 1, t("letter.h.result", lang), lang)
    official.paragraph(document, _result(letter, lang), indent=True)
    _sections(document, letter, lang)
    _heading(document, 2, t("letter.h.strengths", lang), lang)
    said = _joined(letter.strengths, lang)
    official.paragraph(
        document, (said + t("doc.stop", lang)) if said else t("letter.no_strengths", lang),
        indent=True,
    )  # fmt: skip
    _heading(document, 3, t("letter.h.shortfalls", lang), lang)
    if letter.shortfalls:
        official.paragraph(document, t("letter.shortfalls_intro", lang), indent=True)
        _shortfalls(document, letter.shortfalls, lang)
    else:
        official.paragraph(document, t("letter.no_shortfalls", lang), indent=True)
    _heading(document, 4, t("letter.h.fix", lang), lang)
    official.paragraph(document, _requirements(campaign, issuer, lang), indent=True)
    official.signature(document, issuer, day(when, lang))


def _not_assessed(
    document: Document,
    campaign: Campaign,
    group: Group,
    reason: str,
    issuer: str,
    when: date,
    lang: Lang,
) -> None:
    """The letter of a group the round could not assess: why, and that it has no result."""
    name = group.name.get(lang)
    period = period_words(campaign, lang)
    center = WD_ALIGN_PARAGRAPH.CENTER
    official.paragraph(
        document, t("letter.title", lang, group=name, period=period), TITLE_FACE, SIZE_2,
        align=center,
    )  # fmt: skip
    official.paragraph(document, t("letter.addressee", lang, group=name))
    text = t("letter.not_assessed", lang, period=period, reason=reason.strip().rstrip("。."))
    official.paragraph(document, text, indent=True)
    official.signature(document, issuer, day(when, lang))


def _heading(document: Document, n: int, title: str, lang: Lang) -> None:
    number = f"{numeral(n)}、" if lang == "zh" else f"{n}. "
    heading = official.paragraph(document, number + title, HEI_FACE, indent=True)
    heading.paragraph_format.keep_with_next = True  # never a heading alone at a page's foot


def _result(letter: Letter, lang: Lang) -> str:
    text = t("letter.result", lang, total=f"{letter.total:.2f}", tier=letter.tier.name.get(lang))
    if letter.rank is not None:
        text += t("letter.rank", lang, ranked=letter.ranked, rank=letter.rank)
    if letter.vetoed:
        vetoes = [s.item.text.get(lang) for s in letter.shortfalls if s.vetoed]
        text += t("letter.vetoed", lang, items=_joined(vetoes, lang))
    if letter.provisional:
        text += t("letter.provisional", lang)
    return text + t("doc.stop", lang)


def _joined(texts: Sequence[str], lang: Lang) -> str:
    """Several teams' words in one sentence, each without its own full stop."""
    return ("；" if lang == "zh" else "; ").join(x.rstrip("。；;. ") for x in texts)


def _shortfalls(document: Document, shortfalls: Sequence[Shortfall], lang: Lang) -> None:
    """One row per item that fell short: the item, what it cost, the teams' notes and under
    them the evidence files."""
    header = [t(f"letter.col.{c}", lang) for c in ("n", "item", "cost", "notes")]
    rows: list[list[Cell]] = [
        [
            str(n),
            short.item.text.get(lang),
            t("letter.veto_cost", lang) if short.vetoed else f"{short.lost:g}",
            _notes_cell(short, lang),
        ]
        for n, short in enumerate(shortfalls, start=1)
    ]
    small = official.TEXT_WIDTH // 12
    _table(document, header, rows, [small, small * 6, small * 2, small * 3], left={1, 3})


def _notes_cell(short: Shortfall, lang: Lang) -> Cell:
    """The teams' notes; with evidence, a second line naming the files (a tuple: one line
    each), so a letter without evidence is what it always was."""
    notes = _joined(short.notes, lang)
    if not short.evidence:
        return notes
    files = join_words(
        (
            t("letter.evidence_file", lang, name=name, short=sha[:SHORT])
            for name, sha in short.evidence
        ),
        lang,
    )
    said = t("letter.evidence", lang, files=files)
    return (notes, said) if notes else (said,)


def _requirements(campaign: Campaign, issuer: str, lang: Lang) -> str:
    deadline = campaign.document.deadline
    if deadline is None:
        return t("letter.fix", lang, to=issuer)
    return t("letter.fix_by", lang, to=issuer, day=day(deadline, lang))


def _sections(document: Document, letter: Letter, lang: Lang) -> None:
    """Each section's points, score and (on the office's letter) the county average, then the
    deductions and the total: one small table in the body font."""
    county = letter.rank is not None
    header = [t("letter.col.section", lang), t("letter.col.points", lang)]
    header += [t("letter.col.score", lang)] + ([t("letter.col.average", lang)] if county else [])
    rows = [
        [line.section.title.get(lang), f"{line.section.weight:g}", f"{line.score:.2f}"]
        + ([f"{line.average:.2f}"] if county and line.average is not None else [])
        for line in letter.sections
    ]
    blank = [""] if county else []
    cut = f"-{letter.deductions:.2f}" if letter.deductions else "0.00"
    rows.append([t("letter.deductions", lang), "", cut, *blank])
    rows.append([t("letter.total", lang), "100", f"{letter.total:.2f}", *blank])
    _table(document, header, rows, _widths(len(header)), left={0})


def _table(
    document: Document,
    header: list[str],
    rows: Sequence[Sequence[Cell]],
    widths: list[int],
    *,
    left: set[int],
) -> None:
    """A plain ruled table in the body face at `TABLE_SIZE`, header in bold; columns in
    `left` are set flush left (text), the others centred (figures)."""
    body = _row(header, widths, bold=True) + "".join(_row(r, widths, left=left) for r in rows)
    grid = "".join(f'<w:gridCol w:w="{w}"/>' for w in widths)
    borders = "".join(
        f'<w:{side} w:val="single" w:sz="4"/>'
        for side in ("top", "left", "bottom", "right", "insideH", "insideV")
    )
    margins = '<w:top w:w="40" w:type="dxa"/><w:bottom w:w="40" w:type="dxa"/>'
    official.append_block(
        document,
        parse_xml(
            f'<w:tbl {nsdecls("w")}><w:tblPr><w:tblW w:w="{sum(widths)}" w:type="dxa"/>'
            f'<w:jc w:val="center"/><w:tblBorders>{borders}</w:tblBorders>'
            f'<w:tblLayout w:type="fixed"/><w:tblCellMar>{margins}</w:tblCellMar></w:tblPr>'
            f"<w:tblGrid>{grid}</w:tblGrid>{body}</w:tbl>"
        ),
    )


def _widths(columns: int) -> list[int]:
    first = official.TEXT_WIDTH // 2
    rest = (official.TEXT_WIDTH - first) // (columns - 1)
    return [first] + [rest] * (columns - 1)


def _row(
    cells: Sequence[Cell], widths: list[int], *, bold: bool = False, left: set[int] | None = None
) -> str:
    size = int(TABLE_SIZE.pt * 2)
    props = (
        f'<w:rPr><w:rFonts w:ascii="{BODY_FACE}" w:hAnsi="{BODY_FACE}" w:eastAsia="{BODY_FACE}"/>'
        + ("<w:b/>" if bold else "")
        + f'<w:sz w:val="{size}"/></w:rPr>'
    )
    return (
        "<w:tr><w:trPr><w:cantSplit/></w:trPr>"
        + "".join(
            f'<w:tc><w:tcPr><w:tcW w:w="{w}" w:type="dxa"/><w:vAlign w:val="center"/></w:tcPr>'
            '<w:p><w:pPr><w:snapToGrid w:val="0"/>'
            f'<w:jc w:val="{"left" if n in (left or set()) else "center"}"/>'
            f'<w:rPr><w:sz w:val="{size}"/></w:rPr></w:pPr>'
            f"<w:r>{props}{_runs(c)}</w:r>"
            "</w:p></w:tc>"
            for n, (c, w) in enumerate(zip(cells, widths, strict=True))
        )
        + "</w:tr>"
    )


def _runs(cell: Cell) -> str:
    if isinstance(cell, str):
        return official.text_run(cell)
    return "<w:br/>".join(official.text_run(line) for line in cell)

"""The layout of a Chinese official document (GB/T 9704-2012) in python-docx: A4 with the
standard margins and a 28 x 22 document grid, the standard faces, page numbers at the outside
edges, the sealed-document signature and the 版记.

python-docx has no API for the document grid, East-Asian font names, odd/even footers' fields
or floating tables, so those are written through its oxml layer. A docx names one face per
run: where a face is missing, Word and WPS substitute one and keep the name (see README).
"""

from __future__ import annotations

import io
import math
import unicodedata
from html import escape

from docx.document import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Mm, Pt
from docx.text.paragraph import Paragraph

from inspect_tui.reports.table import shown

TITLE_FACE = "方正小标宋简体"  # 2号 小标宋: the title
BODY_FACE = "仿宋_GB2312"  # 3号 仿宋: the body
HEI_FACE = "黑体"  # level-1 headings
KAI_FACE = "楷体_GB2312"  # level-2 headings
NUMBER_FACE = "宋体"  # page numbers: 4号 半角 宋体
SIZE_2, SIZE_3, SIZE_4 = Pt(22), Pt(16), Pt(14)
CHAR = SIZE_3.pt  # one character of the body, in points
TEXT_WIDTH = round((210 - 28 - 26) / 25.4 * 1440)  # twips between the margins: 8844
LINE_PITCH = 579  # 22 lines in 225 mm
# 28 characters of 3号 in 156 mm: 16 pt each would need 158 mm, so the body is condensed by a
# quarter point (w:spacing, in twentieths of a point). A character grid (linesAndChars with a
# negative charSpace) does the same in Word, but LibreOffice then gives each character two cells.
CONDENSE = -5


def page(document: Document) -> None:
    """A4, margins 37/35/28/26 mm, the 28 x 22 grid, 仿宋 3号 as the normal text, and page
    numbers "— 1 —" in 4号 半角 at the outside edges (odd pages right, even pages left)."""
    section = document.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(37), Mm(35)
    section.left_margin, section.right_margin = Mm(28), Mm(26)
    section.footer_distance = Mm(21)  # the number sits about 7 mm below the text
    sect = section._sectPr
    grid = sect.find(qn("w:docGrid"))
    if grid is None:
        grid = parse_xml(f"<w:docGrid {nsdecls('w')}/>")
        sect.append(grid)
    grid.set(qn("w:type"), "lines")  # 22 lines; 28 characters come from CONDENSE below
    grid.set(qn("w:linePitch"), str(LINE_PITCH))
    defaults = document.styles.element.find(qn("w:docDefaults"))
    if defaults is not None:  # the grid's character pitch is reckoned from the default size
        rpr = defaults.find(qn("w:rPrDefault") + "/" + qn("w:rPr"))
        if rpr is not None:
            faces(rpr, BODY_FACE)
            rpr.get_or_add_sz().set(qn("w:val"), str(int(SIZE_3.pt * 2)))
            condense(rpr)
    normal = document.styles["Normal"]
    normal.font.size = SIZE_3
    faces(normal.element.get_or_add_rPr(), BODY_FACE)
    condense(normal.element.get_or_add_rPr())
    form = normal.paragraph_format
    form.space_before = form.space_after = Pt(0)
    form.line_spacing = 1.0
    document.settings.odd_and_even_pages_header_footer = True
    _page_number(section.footer.paragraphs[0], odd=True)
    _page_number(section.even_page_footer.paragraphs[0], odd=False)


def faces(rpr: object, face: str) -> None:
    """Name `face` for Latin, East-Asian and complex text alike, so every program picks it (a
    theme font, which would win over the name, is taken off)."""
    fonts = rpr.get_or_add_rFonts()  # type: ignore[attr-defined]
    for key in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        fonts.attrib.pop(qn(key), None)
    for key in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(key), face)


def condense(rpr: object) -> None:
    """Character spacing `CONDENSE` (twentieths of a point): 28 characters a line."""
    spacing = rpr.find(qn("w:spacing"))  # type: ignore[attr-defined]
    if spacing is None:
        spacing = parse_xml(f"<w:spacing {nsdecls('w')}/>")
        rpr.append(spacing)  # type: ignore[attr-defined]
    spacing.set(qn("w:val"), str(CONDENSE))


def _page_number(paragraph: Paragraph, *, odd: bool) -> None:
    paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT if odd else WD_ALIGN_PARAGRAPH.LEFT
    form = paragraph.paragraph_format
    if odd:
        form.right_indent = Pt(CHAR)  # one character in from the outside edge
    else:
        form.left_indent = Pt(CHAR)
    run = (
        f'<w:r {nsdecls("w")}><w:rPr><w:rFonts w:ascii="{NUMBER_FACE}" w:hAnsi="{NUMBER_FACE}" '
        f'w:eastAsia="{NUMBER_FACE}"/><w:sz w:val="28"/></w:rPr>{{}}</w:r>'
    )
    paragraph._p.append(parse_xml(run.format('<w:t xml:space="preserve">— </w:t>')))
    paragraph._p.append(parse_xml(run.format('<w:fldChar w:fldCharType="begin"/>')))
    paragraph._p.append(
        parse_xml(run.format('<w:instrText xml:space="preserve"> PAGE </w:instrText>'))
    )
    paragraph._p.append(parse_xml(run.format('<w:fldChar w:fldCharType="separate"/>')))
    paragraph._p.append(parse_xml(run.format("<w:t>1</w:t>")))
    paragraph._p.append(parse_xml(run.format('<w:fldChar w:fldCharType="end"/>')))
    paragraph._p.append(parse_xml(run.format('<w:t xml:space="preserve"> —</w:t>')))


def paragraph(
    document: Document,
    text: str,
    face: str = BODY_FACE,
    size: Pt = SIZE_3,
    *,
    align: int | None = None,
    indent: bool = False,
    lead: str = "",
    lead_face: str = KAI_FACE,
) -> Paragraph:
    """One paragraph: an optional run-in heading `lead` in `lead_face`, then `text`; every
    piece through `shown` (XML holds no control characters)."""
    out = document.add_paragraph()
    for piece, piece_face in ((lead, lead_face), (text, face)):
        if piece:
            run = out.add_run(shown(piece))
            run.font.size = size
            faces(run._r.get_or_add_rPr(), piece_face)
    if indent:
        out.paragraph_format.first_line_indent = Pt(size.pt * 2)  # two characters
    if align is not None:
        out.alignment = align
    return out


_AFTER_SPACING = (
    "w:w", "w:kern", "w:position", "w:sz", "w:szCs", "w:highlight", "w:u", "w:effect",
    "w:bdr", "w:shd", "w:fitText", "w:vertAlign", "w:rtl", "w:cs", "w:em", "w:lang",
    "w:eastAsianLayout", "w:specVanish", "w:oMath",
)  # fmt: skip
_AFTER_SNAP = (
    "w:spacing", "w:ind", "w:contextualSpacing", "w:mirrorIndents", "w:suppressOverlap",
    "w:jc", "w:textDirection", "w:textAlignment", "w:textboxTightWrap", "w:outlineLvl",
    "w:divId", "w:cnfStyle", "w:rPr", "w:sectPr", "w:pPrChange",
)  # fmt: skip


def off_grid(form_owner: object) -> None:
    """Let a paragraph (or a paragraph style) keep its own line height instead of the grid's."""
    ppr = form_owner.get_or_add_pPr()  # type: ignore[attr-defined]
    snap = ppr.find(qn("w:snapToGrid"))
    if snap is None:  # in the schema's order, or Word calls the file damaged
        snap = parse_xml(f'<w:snapToGrid {nsdecls("w")} w:val="0"/>')
        ppr.insert_element_before(snap, *_AFTER_SNAP)
    snap.set(qn("w:val"), "0")


def width(text: str) -> float:
    """Characters a line of `text` takes: a CJK character 1, a half-width one about 0.55."""
    return sum(1.0 if unicodedata.east_asian_width(ch) in "WF" else 0.55 for ch in text)


def signature(document: Document, issuer: str, when: str) -> None:
    """GB/T 9704 7.3.5.1 (sealed): the date right-indented four characters, the issuer centred
    over the date, with room above for the seal."""
    for _ in range(2):  # room for the seal, kept with the issuer and the date
        paragraph(document, "").paragraph_format.keep_with_next = True
    date_width, issuer_width = width(when), width(issuer)
    offset = max(0.0, 4 + (date_width - issuer_width) / 2)
    for text, indent in ((issuer, offset), (when, 4.0)):
        line = paragraph(document, text, align=WD_ALIGN_PARAGRAPH.RIGHT)
        line.paragraph_format.right_indent = Pt(CHAR * indent)
        line.paragraph_format.keep_with_next = text == issuer  # never a date alone on a page


def colophon(document: Document, cc: str, printed_by: str, printed_on: str) -> None:
    """The 版记 closing the last page: 抄送, then 印发机关 and 印发日期, between a thick line
    above and below and a thin one between. It follows the attachment (a table floating at the
    page's foot was placed on a page of its own by LibreOffice): the office moves it down with
    blank lines if it wants it at the very foot."""
    size = "28"  # 4号
    run = (
        f'<w:r><w:rPr><w:rFonts w:ascii="{BODY_FACE}" w:hAnsi="{BODY_FACE}" '
        f'w:eastAsia="{BODY_FACE}"/><w:sz w:val="{size}"/></w:rPr>'
        '<w:t xml:space="preserve">{}</w:t></w:r>'
    )
    indent = f'<w:ind w:left="{round(CHAR * 20)}" w:right="{round(CHAR * 20)}"/>'
    para = (
        '<w:p><w:pPr>{tabs}<w:snapToGrid w:val="0"/><w:spacing w:before="60" w:after="60"/>'
        + indent
        + "</w:pPr>{runs}</w:p>"
    )
    tab = f'<w:tabs><w:tab w:val="right" w:pos="{TEXT_WIDTH - round(CHAR * 20) - 1}"/></w:tabs>'
    rows = []
    if cc:
        rows.append(para.format(tabs="", runs=run.format(escape(shown(cc), quote=False))))
    last = run.format(escape(shown(printed_by), quote=False)) + "<w:r><w:tab/></w:r>"
    last += run.format(escape(shown(printed_on), quote=False))
    rows.append(para.format(tabs=tab, runs=last))
    body = "".join(
        f'<w:tr><w:tc><w:tcPr><w:tcW w:w="{TEXT_WIDTH}" w:type="dxa"/></w:tcPr>{p}</w:tc></w:tr>'
        for p in rows
    )
    table = parse_xml(
        f"<w:tbl {nsdecls('w')}><w:tblPr>"
        f'<w:tblW w:w="{TEXT_WIDTH}" w:type="dxa"/>'
        '<w:tblBorders><w:top w:val="single" w:sz="8" w:space="0" w:color="000000"/>'
        '<w:bottom w:val="single" w:sz="8" w:space="0" w:color="000000"/>'
        '<w:insideH w:val="single" w:sz="6" w:space="0" w:color="000000"/></w:tblBorders>'
        '<w:tblLayout w:type="fixed"/>'
        '<w:tblCellMar><w:left w:w="0" w:type="dxa"/><w:right w:w="0" w:type="dxa"/></w:tblCellMar>'
        f'</w:tblPr><w:tblGrid><w:gridCol w:w="{TEXT_WIDTH}"/></w:tblGrid>{body}</w:tbl>'
    )
    append_block(document, table)
    # Word wants a paragraph after a table: one point high, so it never makes a page of its own
    tail = document.add_paragraph()
    off_grid(tail._p)
    tail.paragraph_format.line_spacing = Pt(1)
    tail.add_run().font.size = Pt(1)


def text_run(text: str) -> str:
    """`<w:t>` holding `text` (through `shown`), keeping its outer spaces only where it has
    some: moving thousands of `xml:space` attributes into a document costs lxml a third of a
    second for a province's table."""
    value = escape(shown(text), quote=False)
    keep = ' xml:space="preserve"' if value != value.strip() else ""
    return f"<w:t{keep}>{value}</w:t>"


def append_block(document: Document, element: object) -> None:
    """Add a block element at the end of the body, before the section properties."""
    body = document.element.body
    last = body.find(qn("w:sectPr"))  # the section properties stay last, as Word requires
    if last is not None:
        last.addprevious(element)
    else:
        body.append(element)


def qr_png(payload: str) -> bytes:
    """The QR code as a PNG, drawn by qrcode's own PNG factory (pypng)."""
    import qrcode
    from qrcode.image.pure import PyPNGImage

    image = qrcode.make(payload, image_factory=PyPNGImage, box_size=8, border=4)
    out = io.BytesIO()
    image.save(out)
    return out.getvalue()


def fit_columns(
    header: list[str], rows: list[list[str]], *, lang: str, wrap: set[int]
) -> tuple[list[int], list[str], float]:
    """Column widths (twips), the header (Chinese headers broken in two where a column needs
    it, never inside a word at random) and the font size that lets the table fit the text
    width; columns in `wrap` may wrap their values (their width is what is left over)."""
    pad = 114 + 60  # cell margins and a little air
    widest = [
        max((width(v) for v in {r[c] for r in rows}), default=0.0) for c in range(len(header))
    ]
    for size in (10.5, 9.0):
        unit = size * 20  # twips per character
        heads = list(header)
        need = [_widest(heads[c], [r[c] for r in rows], c in wrap, lang) for c in range(len(heads))]
        while sum(n * unit + pad for n in need) > TEXT_WIDTH:
            candidates = [
                c for c, h in enumerate(heads)
                if "\n" not in h and lang == "zh" and len(h) > 2
                and width(h) >= widest[c]
            ]  # fmt: skip
            if not candidates:
                break
            c = max(candidates, key=lambda n: width(heads[n]))
            half = math.ceil(len(heads[c]) / 2)
            heads[c] = heads[c][:half] + "\n" + heads[c][half:]
            need[c] = _widest(heads[c], [r[c] for r in rows], c in wrap, lang)
        widths = [round(n * unit + pad) for n in need]
        if sum(widths) <= TEXT_WIDTH:
            grow = [c for c in sorted(wrap)] or [len(widths) - 1]
            spare = TEXT_WIDTH - sum(widths)
            for c in grow:
                widths[c] += spare // len(grow)
            return widths, heads, size
    scale = TEXT_WIDTH / sum(widths)
    return [int(w * scale) for w in widths], heads, 9.0


def _widest(head: str, values: list[str], wraps: bool, lang: str) -> float:
    def longest(text: str, words: bool) -> float:
        lines = text.split("\n")
        parts = [w for line in lines for w in line.split(" ")] if words else lines
        return max((width(p) for p in parts), default=0.0)

    head_need = longest(head, lang == "en")
    # a province's column repeats its values (scores, tiers): measure each once
    value_need = max((longest(v, wraps or lang == "en") for v in set(values)), default=0.0)
    return max(head_need, value_need)

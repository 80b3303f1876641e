"""The printable report: one self-contained HTML file (inline CSS, inline SVG charts and QR
code; nothing fetched), A4 landscape when printed. Every piece of text goes through `_text`:
`table.shown` (control and direction characters visible, as every export writes them) and then
`html.escape`, so a `<script>` typed into a note is printed as text, never run.

Fitted to A4 landscape in either language: column names in the page's own language, wrapping
cells, chart labels measured rather than cut, tier fills printed as they are
(`print-color-adjust: exact`). The totals chart has an axis and a legend and marks a vetoed
group's bar; 共性问题 lists the items at least `COMMON_AT_LEAST` groups fell short on, as the
circular does."""

from __future__ import annotations

import unicodedata
from html import escape

from inspect_tui.reports.dataset import MOST_NOTES, ExportData
from inspect_tui.reports.qrimage import qr_svg
from inspect_tui.reports.table import (
    COMMON_AT_LEAST,
    heading,
    label,
    number_columns,
    ranking_header,
    ranking_row,
    shown,
)
from inspect_tui.words.i18n import Lang, join_clauses, join_words, t

TIER_COLOURS = ("#2e7d32", "#f9a825", "#c62828")  # best to worst, as on screen
BAR_HEIGHT = 14
BAR_SPAN = 440  # the bars' full length, px; labels get what they need on the left
CHAR_PX = 6.2  # an 11 px sans-serif character (a wide one counts twice)
AXIS_HEIGHT = 22
LEGEND_HEIGHT = 20
VETO_STROKE = 'stroke="#000" stroke-width="1.5" stroke-dasharray="3 2"'

STYLE = """
@page { size: A4 landscape; margin: 12mm;
        @bottom-center { content: counter(page) " / " counter(pages); font-size: 9pt; } }
* { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { font-family: "SimSun", "Songti SC", "Noto Serif CJK SC", serif; color: #000;
       margin: 0 auto; max-width: 273mm; font-size: 10.5pt; }
h1 { font-size: 18pt; text-align: center; margin: 0.4em 0; }
h2 { font-size: 13pt; border-bottom: 1px solid #999; margin-top: 1.2em; break-after: avoid; }
p.code-line { text-align: center; margin: 0 0 0.6em; }
th small { font-weight: normal; }
td.id { font-size: 7.5pt; color: #444; }
td.remarks { min-width: 10em; font-size: 8pt; }
td.name { min-width: 5em; }
td.teams { font-size: 8pt; }
table { font-size: 8.5pt; table-layout: auto; }
th { font-size: 8pt; hyphens: manual; word-break: keep-all; }
td { overflow-wrap: break-word; }
html[lang="en"] th { word-break: normal; }
dl.statement { display: grid; grid-template-columns: max-content 1fr; gap: 0.1em 1em; }
dl.statement dt { font-weight: bold; }
dl.statement dd { margin: 0; }
table { border-collapse: collapse; width: 100%; }
th, td { border: 1px solid #888; padding: 2px 4px; vertical-align: top; }
th { background: #e0e0e0; }
td.n { text-align: right; font-variant-numeric: tabular-nums; }
tr.tier-0 td.tier { background: #e2f0d9; }
tr.tier-1 td.tier { background: #fff2cc; }
tr.tier-2 td.tier { background: #f8cbad; }
thead { display: table-header-group; }
tr { break-inside: avoid; }
.charts svg { display: block; margin: 0.5em 0; }
.verify { display: flex; gap: 1em; align-items: center; break-inside: avoid; }
.code { font-family: monospace; font-size: 13pt; letter-spacing: 0.05em; }
"""


def _text(value: object) -> str:
    """Text as the page holds it: shown, then escaped (the one way text enters the page)."""
    return escape(shown(value))


def html_bytes(data: ExportData, lang: Lang = "zh") -> bytes:
    title = t("export.report", lang, title=data.campaign.title.get(lang))
    parts = [
        "<!DOCTYPE html>",
        f'<html lang="{"zh-CN" if lang == "zh" else "en"}"><head><meta charset="utf-8">',
        f"<title>{_text(title)}</title><style>{STYLE}</style></head><body>",
        f"<h1>{_text(title)}</h1>",
        f'<p class="code-line">{_text(t("export.code", lang))} {_text(data.seal.code)}</p>',
        f"<h2>{_text(t('export.sheet.ranking', lang))}</h2>",
        _ranking(data, lang),
        _left_out(data, lang),
        '<section class="charts">',
        f"<h2>{_text(t('export.chart.totals', lang))}</h2>",
        _totals_chart(data, lang),
        f"<h2>{_text(t('export.chart.sections', lang))}</h2>",
        _sections_chart(data, lang),
        f"<h2>{_text(t('export.chart.tiers', lang))}</h2>",
        _tiers_chart(data, lang),
        "</section>",
        f"<h2>{_text(t('export.problems', lang))}</h2>",
        _problems(data, lang),
        f"<h2>{_text(t('export.notes', lang))}</h2>",
        _statement(data, lang),
        _verify(data, lang),
        "</body></html>\n",
    ]
    return "\n".join(parts).encode("utf-8")


def _statement(data: ExportData, lang: Lang) -> str:
    rows = "".join(
        f"<dt>{_text(name)}</dt><dd>{_text(value)}</dd>" for name, value in data.statement(lang)
    )
    return f'<dl class="statement">{rows}</dl>'


def _left_out(data: ExportData, lang: Lang) -> str:
    """Under the table, the groups it does not hold and why (the statement repeats it)."""
    found = data.left_out(lang)
    if not found:
        return ""
    colon = "：" if lang == "zh" else ": "
    (_, line), *named = found  # the coverage line speaks for itself; the lists take labels
    parts = [line, *(t(key, lang) + colon + text for key, text in named)]
    return f'<p class="left-out">{_text(t("doc.semi", lang).join(parts))}</p>'


def _verify(data: ExportData, lang: Lang) -> str:
    return (
        f'<div class="verify">{qr_svg(data.seal.payload)}<div>'
        f"<div>{_text(t('export.code', lang))}</div>"
        f'<div class="code">{_text(data.seal.code)}</div>'
        f"<div>{_text(t('export.verify_hint', lang))}</div>"
        f'<div class="code">{_text(data.seal.payload)}</div></div></div>'
    )


def _ranking(data: ExportData, lang: Lang) -> str:
    numbers = set(number_columns(data))
    header = ranking_header(data)
    tier_column = header.index(label("export.col.tier"))
    tiers = [tier.id for tier in data.campaign.tiers]
    head = "".join(f"<th>{_text(heading(h, lang))}</th>" for h in header)
    id_column = header.index(label("export.col.id"))
    remarks = header.index(label("export.col.remarks"))
    name_column = header.index(label("export.col.group"))
    teams = header.index(label("export.col.teams"))
    classes = {
        tier_column: ' class="tier"',
        id_column: ' class="id"',
        remarks: ' class="remarks"',
        name_column: ' class="name"',
        teams: ' class="teams"',
    }
    body = []
    for row in data.rows:
        cells = []
        for n, value in enumerate(ranking_row(data, row, lang)):
            if n in numbers:
                cells.append(f'<td class="n">{value:.2f}</td>')
            else:
                text = _text(str(value))
                if n == teams:  # one team's figure a line
                    text = text.replace("; ", "<br>")
                cells.append(f"<td{classes.get(n, '')}>{text}</td>")
        index = min(tiers.index(row.tier.id), 2)
        body.append(f'<tr class="tier-{index}">{"".join(cells)}</tr>')
    return f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>"


def _px(text: str) -> float:
    """How wide `text` is drawn in a chart, px."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text) * CHAR_PX


def _bars(
    items: list[tuple[str, float, float, str]],
    unit: str = "",
    digits: int = 2,
    *,
    marked: frozenset[int] = frozenset(),
    mark: str = "",
    axis: float | None = None,
    legend: list[tuple[str, str]] | None = None,
) -> str:
    """Horizontal bars: (label, value, the bar's full scale, colour), one row each; the bars
    whose index is in `marked` outlined and followed by `mark`; an axis from 0 to `axis` under
    them, and a `legend` (name, colour) above, where given."""
    shown_labels = [shown(name) for name, *_ in items]
    left = 8 + max((_px(name) for name in shown_labels), default=0)
    right = 12 + max(
        (_px(f"{value:.{digits}f}{unit}{mark if n in marked else ''}") for n, (_, value, _, _)
         in enumerate(items)),
        default=0,
    )  # fmt: skip
    width = left + BAR_SPAN + right
    top = LEGEND_HEIGHT if legend else 0
    rows = []
    for n, (name, value, scale, colour) in enumerate(items):
        y = top + n * BAR_HEIGHT + 2
        length = 0 if scale <= 0 else max(0.0, min(value / scale, 1.0)) * BAR_SPAN
        outline = f" {VETO_STROKE}" if n in marked else ""
        after = f"{value:.{digits}f}{unit}" + (mark if n in marked else "")
        rows.append(
            f'<text x="{left - 4:.1f}" y="{y + 11}" text-anchor="end">{_text(name)}</text>'
            f'<rect class="bar" x="{left:.1f}" y="{y + 2}" width="{length:.1f}" '
            f'height="{BAR_HEIGHT - 4}" fill="{colour}"{outline}/>'
            f'<text x="{left + length + 4:.1f}" y="{y + 11}">{_text(after)}</text>'
        )
    bottom = top + BAR_HEIGHT * len(items) + 4
    if axis:
        rows.append(_axis(left, top, bottom, axis))
    if legend:
        rows.append(_legend(left, legend))
    height = bottom + (AXIS_HEIGHT if axis else 0)
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width:.0f}" height="{height}" '
        f'viewBox="0 0 {width:.0f} {height}" font-size="11" role="img">{"".join(rows)}</svg>'
    )


def _axis(left: float, top: int, bottom: int, scale: float) -> str:
    """A scale under the bars: 0 to `scale` in five steps, light grid lines up through them."""
    parts = [f'<line class="axis" x1="{left:.1f}" y1="{bottom}" x2="{left + BAR_SPAN:.1f}" '
             f'y2="{bottom}" stroke="#000"/>']  # fmt: skip
    for step in range(6):
        value = scale * step / 5
        x = left + BAR_SPAN * step / 5
        parts.append(
            f'<line x1="{x:.1f}" y1="{top}" x2="{x:.1f}" y2="{bottom + 3}" stroke="#bbb" '
            f'stroke-width="0.5"/>'
            f'<text class="tick" x="{x:.1f}" y="{bottom + 15}" text-anchor="middle">'
            f"{value:g}</text>"
        )
    return "".join(parts)


def _legend(left: float, entries: list[tuple[str, str]]) -> str:
    """Coloured swatches with their names in a row above the bars; a colour "veto" is the
    outline a vetoed group's bar carries."""
    parts, x = [], left
    for name, colour in entries:
        style = f'fill="#fff" {VETO_STROKE}' if colour == "veto" else f'fill="{colour}"'
        parts.append(
            f'<rect class="key" x="{x:.1f}" y="4" width="12" height="10" {style}/>'
            f'<text x="{x + 16:.1f}" y="13">{_text(name)}</text>'
        )
        x += 28 + _px(shown(name))
    return "".join(parts)


def _colour(data: ExportData, tier_id: str) -> str:
    index = [tier.id for tier in data.campaign.tiers].index(tier_id)
    return TIER_COLOURS[min(index, 2)]


def _totals_chart(data: ExportData, lang: Lang) -> str:
    total = float(data.campaign.outline.total)
    items = [
        (row.group.name.get(lang), row.total, total, _colour(data, row.tier.id))
        for row in data.rows
    ]
    vetoed = frozenset(n for n, row in enumerate(data.rows) if row.vetoed)
    legend = [(tier.name.get(lang), _colour(data, tier.id)) for tier in data.campaign.tiers]
    if vetoed:
        legend.append((t("report.legend_veto", lang), "veto"))
    return _bars(
        items,
        marked=vetoed,
        mark=t("export.vetoed", lang),
        axis=total,
        legend=legend,
    )


def _sections_chart(data: ExportData, lang: Lang) -> str:
    count = max(len(data.rows), 1)
    items = [
        (
            section.title.get(lang),
            100 * sum(r.sections.get(section.id, 0.0) for r in data.rows) / count / section.weight,
            100.0,
            "#1565c0",
        )
        for section in data.sections
    ]
    return _bars(items, "%")


def _tiers_chart(data: ExportData, lang: Lang) -> str:
    counts = data.by_tier()
    most = float(max((len(rows) for _, rows in counts), default=1) or 1)
    tiers = {tier.id: tier for tier in data.campaign.tiers}
    return _bars(
        [(tiers[tid].name.get(lang), len(rows), most, _colour(data, tid)) for tid, rows in counts],
        digits=0,
    )


def _problems(data: ExportData, lang: Lang) -> str:
    problems = [p for p in data.problems() if len(p.groups) >= COMMON_AT_LEAST]
    names = {row.group.id: row.group.name.get(lang) for row in data.rows}
    if not problems:
        return f"<p>{_text(t('export.none', lang))}</p>"
    items = []
    for problem in problems:
        line = t(
            "export.problem_line", lang, item=problem.item.text.get(lang), count=len(problem.groups)
        )
        notes = join_clauses(problem.notes[:MOST_NOTES], lang)
        groups = join_words((names.get(g, g) for g in problem.groups), lang)
        items.append(
            f"<li>{_text(line)}<br><small>{_text(t('report.groups', lang, groups=groups))}"
            + (f"<br>{_text(notes)}" if notes else "")
            + "</small></li>"
        )
    return f"<ol>{''.join(items)}</ol>"

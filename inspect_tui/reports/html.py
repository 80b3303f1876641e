"""The printable report: one self-contained HTML file (inline CSS, inline SVG charts and QR
code; nothing fetched), A4 landscape when printed. Every piece of text goes through `_text`:
`table.shown` (control and direction characters visible, as every export writes them) and then
`html.escape`, so a `<script>` typed into a note is printed as text, never run."""

from __future__ import annotations

from html import escape

from inspect_tui.core.i18n import Lang, join_clauses, t
from inspect_tui.reports.dataset import MOST_NOTES, ExportData
from inspect_tui.reports.qrimage import qr_svg
from inspect_tui.reports.table import label, number_columns, ranking_header, ranking_row, shown

TIER_COLOURS = ("#2e7d32", "#f9a825", "#c62828")  # best to worst, as on screen
BAR_HEIGHT = 14
CHART_WIDTH = 640

STYLE = """
@page { size: A4 landscape; margin: 12mm;
        @bottom-center { content: counter(page) " / " counter(pages); font-size: 9pt; } }
body { font-family: "SimSun", "Songti SC", "Noto Serif CJK SC", serif; color: #000;
       margin: 0 auto; max-width: 277mm; font-size: 10.5pt; }
h1 { font-size: 18pt; text-align: center; margin: 0.4em 0; }
h2 { font-size: 13pt; border-bottom: 1px solid #999; margin-top: 1.2em; break-after: avoid; }
p.code-line { text-align: center; margin: 0 0 0.6em; }
th small { font-weight: normal; }
td.id { font-size: 8pt; color: #444; }
td.remarks { min-width: 14em; font-size: 9pt; }
td.name, td.teams { white-space: nowrap; }
table { font-size: 9.5pt; }
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
    head = "".join(f"<th>{_text(h.zh)}<br><small>{_text(h.en)}</small></th>" for h in header)
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


def _bars(items: list[tuple[str, float, float, str]], unit: str = "", digits: int = 2) -> str:
    """Horizontal bars: (label, value, the bar's full scale, colour), one row each."""
    left, right = 180, 70
    span = CHART_WIDTH - left - right
    height = BAR_HEIGHT * len(items) + 4
    rows = []
    for n, (name, value, scale, colour) in enumerate(items):
        y = n * BAR_HEIGHT + 2
        width = 0 if scale <= 0 else max(0.0, min(value / scale, 1.0)) * span
        rows.append(
            f'<text x="{left - 4}" y="{y + 11}" text-anchor="end">{_text(name)}</text>'
            f'<rect x="{left}" y="{y + 2}" width="{width:.1f}" height="{BAR_HEIGHT - 4}" '
            f'fill="{colour}"/>'
            f'<text x="{left + width + 4:.1f}" y="{y + 11}">{value:.{digits}f}{_text(unit)}</text>'
        )
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{CHART_WIDTH}" height="{height}" '
        f'viewBox="0 0 {CHART_WIDTH} {height}" font-size="11" role="img">{"".join(rows)}</svg>'
    )


def _colour(data: ExportData, tier_id: str) -> str:
    index = [tier.id for tier in data.campaign.tiers].index(tier_id)
    return TIER_COLOURS[min(index, 2)]


def _totals_chart(data: ExportData, lang: Lang) -> str:
    total = data.campaign.outline.total
    items = [
        (row.group.name.get(lang), row.total, float(total), _colour(data, row.tier.id))
        for row in data.rows
    ]
    return _bars(items)


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
    problems = data.problems()
    if not problems:
        return f"<p>{_text(t('export.none', lang))}</p>"
    items = []
    for problem in problems:
        line = t(
            "export.problem_line", lang, item=problem.item.text.get(lang), count=len(problem.groups)
        )
        notes = join_clauses(problem.notes[:MOST_NOTES], lang)
        items.append(
            f"<li>{_text(line)}" + (f"<br><small>{_text(notes)}</small>" if notes else "") + "</li>"
        )
    return f"<ol>{''.join(items)}</ol>"

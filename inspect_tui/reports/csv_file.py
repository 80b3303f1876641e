"""The ranking as CSV: UTF-8 with a BOM (Excel and WPS then show Chinese), one row per group.

The header is the first row, so a spreadsheet's filter and sort find the table at once; the
export's statement follows the rows after an empty line, each one cell starting with "#" (a
reader such as pandas skips them with `comment="#"`). Every text cell a
spreadsheet would run as a formula (starting with = + - @, a tab or a carriage return) is
neutralized with a leading apostrophe, as OWASP advises: a note typed as "=HYPERLINK(...)" in a
township must not run on the office PC. Every text cell is written through `table.shown` first
(control and direction characters visible), so a note cannot carry an escape sequence into a
terminal's `cat` or a viewer.
"""

from __future__ import annotations

import csv
import io

from inspect_tui.core.i18n import Lang
from inspect_tui.reports.dataset import ExportData
from inspect_tui.reports.table import Cell, one_line, ranking_header, ranking_row, shown

BOM = "\ufeff"
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def neutralize(cell: Cell) -> Cell:
    if isinstance(cell, str) and cell.startswith(_FORMULA_START):
        return "'" + cell
    return cell


def _plain(cell: Cell) -> Cell:
    """Scores with their two decimals, as printed everywhere else; text shown and neutralized:
    every cell of the file passes here."""
    if isinstance(cell, float):
        return f"{cell:.2f}"
    return neutralize(shown(cell)) if isinstance(cell, str) else cell


def csv_bytes(data: ExportData, lang: Lang = "zh") -> bytes:
    out = io.StringIO()
    out.write(BOM)
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([_plain(one_line(heading)) for heading in ranking_header(data)])
    for row in data.rows:
        writer.writerow([_plain(cell) for cell in ranking_row(data, row, lang)])
    writer.writerow([])
    for line in data.statement_lines(lang):
        writer.writerow([_plain(f"# {line}")])
    writer.writerow([_plain(f"# QR: {data.seal.payload}")])
    return out.getvalue().encode("utf-8")

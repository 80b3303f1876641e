"""The ranking as CSV: UTF-8 with a BOM (Excel and WPS then show Chinese), one row per group.

The header is the first row, so a spreadsheet's filter and sort find the table at once; the
export's statement follows the rows after an empty line, each line written as it is, starting
with "#" and never quoted (a quoted `"# …"` is a row to pandas, and turns the rank column into
text): `pandas.read_csv(path, comment="#")` reads exactly the ranking's rows. Statement lines
carry no comma (the Chinese file writes "，", the English one "; "), so a spreadsheet shows each
in one cell; a table cell holding a comma, a quote, a line break or a "#" is quoted (pandas
would cut an unquoted cell at its "#"). Every text cell a
spreadsheet would run as a formula (starting with = + - @, a tab or a carriage return) is
neutralized with a leading apostrophe, as OWASP advises: a note typed as "=HYPERLINK(...)" in a
township must not run on the office PC. Every text cell is written through `table.shown` first
(control and direction characters visible), so a note cannot carry an escape sequence into a
terminal's `cat` or a viewer.
"""

from __future__ import annotations

import io

from inspect_tui.reports.dataset import ExportData
from inspect_tui.reports.table import Cell, one_line, ranking_header, ranking_row, shown
from inspect_tui.words.i18n import Lang

BOM = "\ufeff"
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_QUOTED = (",", '"', "\r", "\n", "#")  # a cell holding one is quoted ("#": see above)
_EOL = "\r\n"


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


def _field(cell: Cell) -> str:
    text = str(cell)
    if any(ch in text for ch in _QUOTED):
        return '"' + text.replace('"', '""') + '"'
    return text


def _row(cells: list[Cell]) -> str:
    return ",".join(_field(cell) for cell in cells) + _EOL


def _comment(line: str, lang: Lang) -> str:
    """A statement line as written: one line, no comma, "#" first, unquoted."""
    text = " ".join(shown(line).split())
    text = text.replace(",", "，") if lang == "zh" else text.replace(", ", "; ").replace(",", ";")
    return f"# {text}{_EOL}"


def csv_bytes(data: ExportData, lang: Lang = "zh") -> bytes:
    out = io.StringIO()
    out.write(BOM)
    out.write(_row([_plain(one_line(heading)) for heading in ranking_header(data)]))
    for row in data.rows:
        out.write(_row([_plain(cell) for cell in ranking_row(data, row, lang)]))
    out.write(_EOL)
    for line in data.statement_lines(lang):
        out.write(_comment(line, lang))
    out.write(_comment(f"QR: {data.seal.payload}", lang))
    return out.getvalue().encode("utf-8")

"""Reading our own exports back: the figures a file shows for each group, so that `verify FILE`
checks what is printed in it, not only the code it carries."""

from __future__ import annotations

import csv
import io
import zipfile
from html.parser import HTMLParser
from pathlib import Path

from inspect_tui.core.model import Campaign
from inspect_tui.reports.table import ID, RANK, TOTAL, shown

Figures = dict[str, tuple[int, str]]  # group id -> (rank, total as printed, "91.50")


def figures_in(path: Path, raw: bytes, campaign: Campaign) -> Figures | None:
    """The ranking the file `path` shows, read from its bytes `raw` (read once, by `verify`);
    None for a file that is not one of our exports (or a format without a table, such as a
    receipt)."""
    reader = {".csv": _csv, ".xlsx": _xlsx, ".html": _html, ".docx": _docx}.get(path.suffix)
    if reader is None:
        return None
    try:
        return reader(raw, campaign) or None
    # SyntaxError: lxml's XMLSyntaxError for a member that is not XML
    except (ValueError, IndexError, KeyError, OSError, SyntaxError, zipfile.BadZipFile):
        return None


def _rows(rows: list[list[str]]) -> Figures:
    """Rank and total by group id, from the rows under the header (`ranking_row`'s columns)."""
    return {row[ID]: (int(float(row[RANK])), f"{float(row[TOTAL]):.2f}") for row in rows}


def _csv(raw: bytes, campaign: Campaign) -> Figures:
    lines = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    body = []
    for row in lines[1:]:
        if not row or row[0].startswith("#"):
            break
        body.append(row)
    return _rows(body)


def _xlsx(raw: bytes, campaign: Campaign) -> Figures:
    from openpyxl import load_workbook

    book = load_workbook(io.BytesIO(raw), read_only=True)
    try:
        rows = [
            ["" if v is None else str(v) for v in row]
            for row in book.worksheets[0].iter_rows(min_row=2, values_only=True)
        ]
    finally:
        book.close()
    return _rows([row for row in rows if row and row[0]])


class _Table(HTMLParser):
    """The cells of the first table's body."""

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[list[str]] = []
        self.tables = 0
        self.in_body = False
        self.cell: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "table":
            self.tables += 1
        elif tag == "tbody" and self.tables == 1:
            self.in_body = True
        elif tag == "tr" and self.in_body:
            self.rows.append([])
        elif tag == "td" and self.in_body:
            self.cell = []

    def handle_endtag(self, tag: str) -> None:
        if tag == "tbody":
            self.in_body = False
        elif tag == "td" and self.cell is not None:
            self.rows[-1].append("".join(self.cell).strip())
            self.cell = None

    def handle_data(self, data: str) -> None:
        if self.cell is not None:
            self.cell.append(data)


def _html(raw: bytes, campaign: Campaign) -> Figures:
    table = _Table()
    table.feed(raw.decode("utf-8"))
    return _rows(table.rows)


def _docx(raw: bytes, campaign: Campaign) -> Figures:
    import docx

    names = {shown(g.name.zh): g.id for g in campaign.groups}  # as the circular wrote them
    names |= {shown(g.name.en): g.id for g in campaign.groups}
    document = docx.Document(io.BytesIO(raw))
    figures: Figures = {}
    for row in document.tables[0].rows[1:]:
        rank, name, total = (cell.text.strip() for cell in row.cells[:3])
        figures[names[name]] = (int(rank), f"{float(total):.2f}")
    return figures

"""The floor an export is measured against: the same content written the fastest well-kept way.

- xlsx: every cell of the workbook the export wrote, read back, then written again with
  XlsxWriter in `constant_memory` mode (on this kind of machine it writes a 3,900 x 45 sheet in
  about two thirds of openpyxl write-only's time). Only the writing is timed.
- docx: the circular's table rows (the ranking) appended to an empty document's body as one
  piece of table XML through python-docx's oxml layer, then saved.
- csv and html: the ranking rows through the `csv` module, and as escaped table rows.
"""

from __future__ import annotations

import csv
import html
import time
from collections.abc import Iterator
from pathlib import Path

import docx
import xlsxwriter
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls
from openpyxl import load_workbook

from inspect_tui.reports.dataset import ExportData
from inspect_tui.reports.table import ranking_row

Sheet = tuple[str, list[tuple[object, ...]]]


def sheets_of(path: Path) -> list[Sheet]:
    """Every sheet's rows of values, as a reader gets them."""
    book = load_workbook(path, read_only=True)
    try:
        return [(s.title, list(s.iter_rows(values_only=True))) for s in book.worksheets]
    finally:
        book.close()


def xlsx_floor(sheets: list[Sheet], path: Path) -> float:
    begin = time.perf_counter()
    book = xlsxwriter.Workbook(str(path), {"constant_memory": True})
    for title, rows in sheets:
        sheet = book.add_worksheet(title[:31])
        for r, row in enumerate(rows):
            for c, value in enumerate(row):
                if value is not None:
                    sheet.write(r, c, value)
    book.close()
    return time.perf_counter() - begin


def _rows(data: ExportData) -> Iterator[list[str]]:
    for row in data.rows:
        yield [str(v) for v in ranking_row(data, row, "zh")]


def docx_floor(data: ExportData, path: Path) -> float:
    begin = time.perf_counter()
    document = docx.Document()
    cells = "".join(
        "<w:tr>"
        + "".join(
            f"<w:tc><w:p><w:r><w:t>{html.escape(v, quote=False)}</w:t></w:r></w:p></w:tc>"
            for v in row
        )
        + "</w:tr>"
        for row in _rows(data)
    )
    document.element.body.append(parse_xml(f"<w:tbl {nsdecls('w')}>{cells}</w:tbl>"))
    document.save(str(path))
    return time.perf_counter() - begin


def csv_floor(data: ExportData, path: Path) -> float:
    begin = time.perf_counter()
    with path.open("w", encoding="utf-8", newline="") as out:
        csv.writer(out).writerows(_rows(data))
    return time.perf_counter() - begin


def html_floor(data: ExportData, path: Path) -> float:
    begin = time.perf_counter()
    body = "".join(
        "<tr>" + "".join(f"<td>{html.escape(v)}</td>" for v in row) + "</tr>" for row in _rows(data)
    )
    path.write_text(f"<table>{body}</table>", encoding="utf-8")
    return time.perf_counter() - begin


def floor(data: ExportData, workbook: Path, folder: Path) -> dict[str, float]:
    """Each format's floor in seconds, best of three (machines here are noisy)."""
    sheets = sheets_of(workbook)
    folder.mkdir(parents=True, exist_ok=True)
    return {
        "xlsx": min(xlsx_floor(sheets, folder / f"f{n}.xlsx") for n in range(3)),
        "docx": min(docx_floor(data, folder / f"f{n}.docx") for n in range(3)),
        "csv": min(csv_floor(data, folder / f"f{n}.csv") for n in range(3)),
        "html": min(html_floor(data, folder / f"f{n}.html") for n in range(3)),
    }

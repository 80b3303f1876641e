"""Paper fallback: a sheet to fill by hand (or in Excel/WPS), read back as draft visits.

`write_template` makes an .xlsx with one row per group and one column per item id, the item's
text, kind and allowed answers in the header cell's comment. `read_sheet` reads such a sheet
back (.xlsx, or .csv in UTF-8) and checks every cell first: each bad cell is one problem naming
the sheet, row and column; nothing is imported until the sheet is clean.
"""

from __future__ import annotations

import csv
import io
import zipfile
from dataclasses import dataclass
from pathlib import Path

from openpyxl import Workbook, load_workbook
from openpyxl.comments import Comment
from openpyxl.utils import get_column_letter

from inspect_tui.domain.model import Campaign, Item
from inspect_tui.domain.scoring import NA, NO, YES, AnswerValue, check_answer
from inspect_tui.storage.atomic import write_file
from inspect_tui.storage.files import FileRefused, read_regular
from inspect_tui.storage.store import LocalStore
from inspect_tui.words.errors import AnswerError, InspectError
from inspect_tui.words.i18n import Lang, t
from inspect_tui.words.text import check_text

SHEET = "考核表"
GROUP_COLUMN = "group"
YES_WORDS = {"y", "yes", "是", "有", "1", "√", "✓"}
NO_WORDS = {"n", "no", "否", "无", "0", "×"}
NA_WORDS = {"x", "na", "n/a", "不适用", "-"}


@dataclass(frozen=True)
class CellProblem:
    sheet: str
    row: int
    column: str
    message: str  # already in the reader's language

    def line(self) -> str:
        return f"{self.sheet}!{self.column}{self.row}: {self.message}"


class SheetError(InspectError):
    """A sheet with bad cells: `problems` lists each one; nothing was imported."""

    def __init__(self, problems: list[CellProblem]) -> None:
        super().__init__("sheet.problems", count=len(problems))
        self.problems = problems


def write_template(campaign: Campaign, path: Path, team: str | None = None) -> Path:
    groups = campaign.team(team).groups if team else tuple(g.id for g in campaign.groups)
    book = Workbook()
    sheet = book.active
    sheet.title = SHEET
    sheet.append([GROUP_COLUMN, "联络组 Group", *(item.id for item in campaign.items)])
    for column, item in enumerate(campaign.items, start=3):
        cell = sheet.cell(row=1, column=column)
        cell.comment = Comment(_help(campaign, item), "inspect-tui", width=320, height=160)
        sheet.column_dimensions[get_column_letter(column)].width = 12
    for group_id in groups:
        sheet.append([group_id, campaign.group(group_id).name.zh])
    sheet.column_dimensions["A"].width = 18
    sheet.column_dimensions["B"].width = 16
    sheet.freeze_panes = "C2"
    made = io.BytesIO()  # whole in memory first: `book.save(path)` would leave half a file
    book.save(made)
    return write_file(path, made.getvalue(), 0o644)  # a sheet is meant for others


def read_sheet(
    campaign: Campaign, path: Path, team: str, lang: Lang
) -> dict[str, dict[str, AnswerValue]]:
    """group -> item -> value, or `SheetError` listing every bad cell."""
    rows, sheet_name = _rows(path)
    problems: list[CellProblem] = []
    if not rows or not rows[0] or str(rows[0][0]).strip() != GROUP_COLUMN:
        raise SheetError([CellProblem(sheet_name, 1, "A", t("sheet.not_template", lang))])
    header = [str(v).strip() if v is not None else "" for v in rows[0]]
    items: dict[int, Item] = {}
    for index, name in enumerate(header[2:], start=2):
        try:
            items[index] = campaign.item(name)
        except KeyError:
            problems.append(
                CellProblem(sheet_name, 1, _col(index), t("sheet.unknown_item", lang, item=name))
            )
    assigned = set(campaign.team(team).groups)
    found: dict[str, dict[str, AnswerValue]] = {}
    for number, row in enumerate(rows[1:], start=2):
        cells = list(row) + [None] * (len(header) - len(row))
        group = str(cells[0]).strip() if cells[0] is not None else ""
        if not group and all(c in (None, "") for c in cells):
            continue
        if group not in assigned:
            problems.append(
                CellProblem(
                    sheet_name, number, "A", t("sheet.unknown_group", lang, group=group, team=team)
                )
            )
            continue
        if group in found:
            problems.append(
                CellProblem(sheet_name, number, "A", t("sheet.twice", lang, group=group))
            )
            continue
        values: dict[str, AnswerValue] = {}
        for index, item in items.items():
            raw = cells[index] if index < len(cells) else None
            if raw is None or str(raw).strip() == "":
                continue
            try:
                values[item.id] = _note_text(item, check_answer(item, _value(item, raw)))
            except AnswerError as error:
                problems.append(CellProblem(sheet_name, number, _col(index), error.line(lang)))
        found[group] = values
    if problems:
        raise SheetError(problems)
    return found


def import_sheet(campaign: Campaign, store: LocalStore, path: Path, team: str, lang: Lang) -> int:
    """Read and check the whole sheet, then store each group's answers as a draft visit."""
    found = read_sheet(campaign, path, team, lang)
    clashes = [g for g in found if store.find_visit(campaign.id, team, g)]
    if clashes:
        raise SheetError(
            [
                CellProblem(SHEET, 0, "A", t("sheet.has_visit", lang, group=g, team=team))
                for g in clashes
            ]
        )
    for group, values in found.items():
        visit = store.start_visit(campaign, team, group)
        for item_id, value in values.items():
            store.set_answer(campaign, visit.id, item_id, value, reason="paper sheet")
    return len(found)


def _rows(path: Path) -> tuple[list[list[object]], str]:
    """The cells of the sheet, read from a regular file of at most `files.MAX_BYTES` (never a
    FIFO or a device: a sheet picked from a USB stick's folder may be anything)."""
    try:
        raw = read_regular(path)
    except FileRefused as refused:
        raise InspectError("sheet.refused", file=path, reason=refused.reason) from None
    except OSError as exc:
        reason = exc.strerror or str(exc)
        raise InspectError("sheet.unreadable", file=path, reason=reason) from None
    if path.suffix.lower() == ".csv":
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise InspectError("sheet.csv_encoding", file=path) from None
        try:
            return [list(row) for row in csv.reader(io.StringIO(text, newline=""))], path.name
        except csv.Error as exc:  # a NUL byte, say: a binary file named .csv
            raise InspectError("sheet.unreadable", file=path, reason=str(exc)) from None
    try:
        book = load_workbook(io.BytesIO(raw), read_only=True, data_only=True)
    except (OSError, ValueError, KeyError, zipfile.BadZipFile) as exc:
        raise InspectError("sheet.unreadable", file=path, reason=str(exc)) from None
    sheet = book[SHEET] if SHEET in book.sheetnames else book.worksheets[0]
    rows = [list(row) for row in sheet.iter_rows(values_only=True)]
    return rows, sheet.title


def _note_text(item: Item, value: AnswerValue) -> AnswerValue:
    """A note cell's text as the store would take it typed: several lines allowed (a cell's
    Alt+Enter; a CSV saved on Windows keeps CR LF inside quotes), control characters refused
    (`AnswerError` naming the item and the position, made a cell problem by the caller)."""
    if item.kind != "note" or not isinstance(value, str):
        return value
    return check_text(value.replace("\r\n", "\n"), item.id, multiline=True)


def _value(item: Item, raw: object) -> object:
    text = str(raw).strip()
    word = text.lower()
    if item.kind in ("check", "veto"):
        if word in YES_WORDS:
            return YES
        if word in NO_WORDS:
            return NO
    if word in NA_WORDS:
        return NA
    if item.kind in ("scale", "count", "deduction"):
        if isinstance(raw, float) and raw.is_integer():
            return int(raw)
        if isinstance(raw, int) or text.isdigit():
            return int(text)
    return text


def _help(campaign: Campaign, item: Item) -> str:
    target = campaign.target(item)
    allowed = {
        "check": "是/否"
        + ("/不适用" if item.allow_na else "")
        + "  y/n"
        + ("/x" if item.allow_na else ""),
        "scale": f"0–{item.points}",
        "count": f"≥0，目标 {target.count}" if target else "≥0",
        "deduction": f"次数 ≥0，每次扣 {item.points} 分",
        "veto": "是（触发）/否",
        "note": "文字",
    }[item.kind]
    return f"{item.text.zh}\n{item.text.en}\n{allowed}"


def _col(index: int) -> str:
    return get_column_letter(index + 1)

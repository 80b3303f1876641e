"""Reading our own exports back as a reader reads them: the verification code printed in the
file (its 验证码 / "Verification code" line, never its QR picture), the figures its ranking
table shows for each group (rank, total and tier), and in the circular the body's tier lists
and counts ("较好的有…；较差的有…", "较好12个"), so that `verify FILE` checks what is printed in
it, not only the code it carries.

The table is found by its header, column by column (名次 / Rank, 编号 / ID, 总分 / Total, 等次 /
Tier; the circular names groups instead of ids): a table whose header no longer has one of them,
or whose cells are not numbers where numbers belong, is `Unreadable`, said in one line; it is
never read as a table of altered scores.
"""

from __future__ import annotations

import csv
import io
import re
import zipfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

from inspect_tui.domain.model import Campaign
from inspect_tui.reports.table import label, shown
from inspect_tui.words.i18n import Text, t

# group id (or, for a name no group has, the name) -> (rank, total as printed "91.50", tier)
Figures = dict[str, tuple[int, str, str]]
_HEX4 = "[0-9A-Fa-f０-９Ａ-Ｆａ-ｆ]{4}"
_CODE_LINE = re.compile(
    rf"(?:验证码|verification code)\s*[：:]?\s*({_HEX4}(?:[\s\-‐‑‒–—―－]?{_HEX4}){{3}})",
    re.IGNORECASE,
)
TIER_NOTE = re.compile(r"\s*[（(][^（）()]*[）)]\s*$")  # "较差（一票否决）", "Poor (veto)"
_ETC = re.compile(r"(?:等\s*\d*\s*个?(?:联络组)?|,? etc\.?)\s*$")
_LIST_SEP = re.compile(r"[、，,;；]\s*")


class Unreadable(Exception):
    """A table that is ours but cannot be read: `reason` names what is missing."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


@dataclass
class Shown:
    """What a file shows a reader: its ranking table (None where the format has none) and, in a
    circular, the body's tier lists (tier id -> group ids or unknown names) and counts."""

    figures: Figures | None = None
    lists: dict[str, list[str]] = field(default_factory=dict)
    counts: dict[str, int] = field(default_factory=dict)


def printed_code(path: Path | None, raw: bytes) -> str | None:
    """The code on the file's 验证码 / "Verification code" line, digits only, upper case; None
    when no such line is printed (or the file is not one of ours)."""
    if path is None:
        return None
    try:
        lines = _lines(path, raw)
    except (ValueError, IndexError, KeyError, OSError, SyntaxError, zipfile.BadZipFile):
        return None
    for line in lines:
        found = _CODE_LINE.search(line)
        if found:
            digits = re.sub(r"[^0-9A-F]", "", _narrow(found[1]).upper())
            if len(digits) == 16:
                return digits
    return None


def _narrow(text: str) -> str:
    return text.translate({c: c - 0xFEE0 for c in range(0xFF01, 0xFF5F)})


def _lines(path: Path, raw: bytes) -> Iterable[str]:
    suffix = path.suffix.lower()
    if suffix == ".xlsx":
        from openpyxl import load_workbook

        book = load_workbook(io.BytesIO(raw), read_only=True)
        try:
            return [
                " ".join("" if v is None else str(v) for v in row)
                for sheet in book.worksheets
                for row in sheet.iter_rows(values_only=True)
            ]
        finally:
            book.close()
    if suffix == ".docx":
        import docx

        document = docx.Document(io.BytesIO(raw))
        cells = [c.text for table in document.tables for row in table.rows for c in row.cells]
        return [p.text for p in document.paragraphs] + cells
    text = raw.decode("utf-8-sig", "replace")
    if suffix == ".html":
        page = _Text()
        page.feed(text)
        return "".join(page.parts).splitlines()
    return text.splitlines()


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []

    def handle_data(self, data: str) -> None:
        self.parts.append(data)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("br", "p", "div", "tr", "li", "dt", "dd"):
            self.parts.append("\n")


def shown_in(path: Path, raw: bytes, campaign: Campaign) -> Shown:
    """What the file `path` shows, read from its bytes `raw` (read once, by `verify`); an empty
    `Shown` for a format without a table (a receipt, a text file). `Unreadable` when the file's
    table cannot be read."""
    reader = {".csv": _csv, ".xlsx": _xlsx, ".html": _html, ".docx": _docx}.get(path.suffix.lower())
    if reader is None:
        return Shown()
    try:
        return reader(raw, campaign)
    except Unreadable:
        raise
    # SyntaxError: lxml's XMLSyntaxError for a member that is not XML
    except (ValueError, IndexError, KeyError, OSError, SyntaxError, zipfile.BadZipFile) as exc:
        raise Unreadable(type(exc).__name__) from None


def figures_in(path: Path, raw: bytes, campaign: Campaign) -> Figures | None:
    """The ranking the file shows (kept for callers of the first version); None when the file
    has no table or it cannot be read."""
    try:
        return shown_in(path, raw, campaign).figures
    except Unreadable:
        return None


def _names(heading: str) -> set[str]:
    """A header cell's text the ways a reader may find it: whole, or one of its lines."""
    whole = " ".join(heading.split())
    return {whole, *(line.strip() for line in heading.splitlines() if line.strip())}


def _column(header: Sequence[str], key: str) -> int:
    wanted = label(key)
    forms = {wanted.zh, wanted.en, f"{wanted.zh} {wanted.en}"}
    for n, heading in enumerate(header):
        if _names(heading) & forms:
            return n
    raise Unreadable(f"{wanted.zh} / {wanted.en}")


def _table(header: Sequence[str], rows: Iterable[Sequence[str]], ids: dict[str, str]) -> Figures:
    """Rank, total and tier by group, from the rows under `header`. `ids` maps printed names to
    ids when the table names groups instead (the circular); empty, the id column is read."""
    rank, total, tier = (
        _column(header, k) for k in ("export.col.rank", "export.col.total", "export.col.tier")
    )
    who = _column(header, "export.col.group" if ids else "export.col.id")
    figures: Figures = {}
    for row in rows:
        if not any(cell.strip() for cell in row):
            continue
        try:
            place, score = int(float(row[rank])), f"{float(row[total]):.2f}"
        except (ValueError, IndexError):
            raise Unreadable(
                f"{label('export.col.rank').zh} / {label('export.col.total').zh}"
            ) from None
        name = row[who].strip() if who < len(row) else ""
        if not name:
            raise Unreadable(f"{label('export.col.id').zh} / {label('export.col.id').en}")
        key = ids.get(" ".join(name.split()), name) if ids else name
        figures[key] = (place, score, row[tier].strip() if tier < len(row) else "")
    return figures


def _csv(raw: bytes, campaign: Campaign) -> Shown:
    lines = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    if not lines:
        raise Unreadable("-")
    body = []
    for row in lines[1:]:
        if not row or row[0].startswith("#"):
            break
        body.append(row)
    return Shown(_table(lines[0], body, {}))


def _xlsx(raw: bytes, campaign: Campaign) -> Shown:
    from openpyxl import load_workbook

    book = load_workbook(io.BytesIO(raw), read_only=True)
    try:
        rows = [
            ["" if v is None else str(v) for v in row]
            for row in book.worksheets[0].iter_rows(values_only=True)
        ]
    finally:
        book.close()
    if not rows:
        raise Unreadable("-")
    return Shown(_table(rows[0], rows[1:], {}))


class _Table(HTMLParser):
    """The header and body cells of the first table."""

    def __init__(self) -> None:
        super().__init__()
        self.header: list[str] = []
        self.rows: list[list[str]] = []
        self.tables = 0
        self.part = ""
        self.cell: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "table":
            self.tables += 1
        elif tag in ("thead", "tbody") and self.tables == 1:
            self.part = tag
        elif tag == "tr" and self.part == "tbody":
            self.rows.append([])
        elif tag in ("td", "th") and self.part:
            self.cell = []
        elif tag == "br" and self.cell is not None:
            self.cell.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("thead", "tbody"):
            self.part = ""
        elif tag in ("td", "th") and self.cell is not None:
            text = "".join(self.cell).strip()
            (self.header if self.part == "thead" else self.rows[-1]).append(text)
            self.cell = None

    def handle_data(self, data: str) -> None:
        if self.cell is not None:
            self.cell.append(data)


def _html(raw: bytes, campaign: Campaign) -> Shown:
    table = _Table()
    table.feed(raw.decode("utf-8"))
    if not table.header:
        raise Unreadable("-")
    return Shown(_table(table.header, table.rows, {}))


def _group_names(campaign: Campaign) -> dict[str, str]:
    """Printed name -> id, in both languages, as the circular writes names (`table.shown`)."""
    names = {" ".join(shown(g.name.zh).split()): g.id for g in campaign.groups}
    return names | {" ".join(shown(g.name.en).split()): g.id for g in campaign.groups}


def _docx(raw: bytes, campaign: Campaign) -> Shown:
    import docx

    document = docx.Document(io.BytesIO(raw))
    ids = _group_names(campaign)
    found = Shown()
    rank = label("export.col.rank")
    for table in document.tables:
        rows = [[cell.text for cell in row.cells] for row in table.rows]
        if rows and any(_names(h) & {rank.zh, rank.en} for h in rows[0]):
            found.figures = _table(rows[0], rows[1:], ids)
            break
    body = "\n".join(p.text for p in document.paragraphs)
    if found.figures is None:  # feedback letters: each group's result sentence
        found.figures = _letters(body, ids)
    tiers = campaign.tiers
    for tier in (tiers[0], tiers[-1]) if len(tiers) > 1 else tiers:
        listed = _listed(body, tier.name)
        if listed is not None:
            found.lists[tier.id] = [ids.get(name, name) for name in listed]
    for tier in tiers:
        counted = re.search(rf"{re.escape(tier.name.zh)}(?:等次)?的?(\d+)个", body)
        if counted:
            found.counts[tier.id] = int(counted[1])
    return found


_LETTER = re.compile(
    r"关于(?P<zh>.+?)\d{4}年.*?工作考核情况的反馈意见\n(?:.*\n)*?"
    r"你组考核总分(?P<total>[\d.]+)分，等次为(?P<tier>[^，。；\n]+)，"
    r"在全县\d+个参加排名的联络组中列第(?P<rank>\d+)位"
    r"|Feedback on the assessment of (?P<en>.+?), .*\n(?:.*\n)*?"
    r"Your group scored (?P<total_en>[\d.]+) points, which places it in the tier "
    r"(?P<tier_en>[^,;.\n]+), ranked (?P<rank_en>\d+) of"
)


def _letters(body: str, ids: dict[str, str]) -> Figures | None:
    """Rank, total and tier of each group, from its letter's result sentence; None when the
    document holds no letter with a rank (not letters, or provisional ones)."""
    figures: Figures = {}
    for found in _LETTER.finditer(body):
        zh = found["zh"] is not None
        name = " ".join((found["zh"] if zh else found["en"]).split())
        total, tier, rank = (
            (found["total"], found["tier"], found["rank"])
            if zh
            else (found["total_en"], found["tier_en"], found["rank_en"])
        )
        figures[ids.get(name, name)] = (int(rank), total, tier)
    return figures or None


def _listed(body: str, tier: Text) -> list[str] | None:
    """The names after "较好的有" up to the clause's end, "等…" and notes in brackets dropped;
    None when the body has no such sentence."""
    found = re.search(rf"{re.escape(tier.zh)}的有[：:]?([^；;。\n]*)", body)
    if found is None:
        return None
    text = _ETC.sub("", found[1].strip())
    names = [TIER_NOTE.sub("", name).strip() for name in _LIST_SEP.split(text)]
    none = t("export.none", "zh")
    return [" ".join(name.split()) for name in names if name and name != none]

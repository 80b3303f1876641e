"""The ranking table every format prints, as plain rows: one definition of the columns, so the
workbook, the CSV, the report and the circular cannot disagree. And `shown`, the one way every
format puts a piece of text into its file."""

from __future__ import annotations

from inspect_tui.domain.ranking import RankedGroup
from inspect_tui.reports.dataset import ExportData
from inspect_tui.words.i18n import Lang, Text, join_words, t
from inspect_tui.words.text import visible

Cell = str | int | float
RANK, ID, NAME, KIND, TOTAL = range(5)  # the first columns of every ranking row, in order
# an item is a common problem (共性问题) when at least this many groups fell short on it: the
# circular, the report and the workbook's notes use this one number
COMMON_AT_LEAST = 2
# XML 1.0 cannot hold these two noncharacters (lxml refuses them, so openpyxl and python-docx
# would stop the export); `visible` leaves them, as a terminal shows them harmlessly
_NOT_XML = {0xFFFE: "\\ufffe", 0xFFFF: "\\uffff"}


def shown(text: object) -> str:
    """Text as every export writes it: what a team typed or a file carried, made visible
    (control characters, direction controls, lone surrogates: `core.text.visible`) and with what
    XML cannot hold written out, so no format refuses it and no file carries a raw control
    character. Newlines and tabs stay (a cell or a note may have several lines); Uyghur and
    other right-to-left text pass unchanged."""
    return visible(text).translate(_NOT_XML)


def label(key: str) -> Text:
    """A column or field name in both languages; each format sets the two its own way (on one
    line, on two, the English smaller), never by splitting a joined string again."""
    return Text(t(key, "zh"), t(key, "en"))


def heading(key: Text | str, lang: Lang) -> str:
    """A column name in the file's own language only: a Chinese file carries no English
    second line, nor an English one Chinese."""
    return key if isinstance(key, str) else key.get(lang)


def one_line(heading: Text | str) -> str:
    """ "名次 Rank": Chinese first."""
    return heading if isinstance(heading, str) else f"{heading.zh} {heading.en}"


def ranking_header(data: ExportData) -> list[Text]:
    sections = [s.title for s in data.sections]
    return [
        label("export.col.rank"),
        label("export.col.id"),
        label("export.col.group"),
        label("export.col.kind"),
        label("export.col.total"),
        *sections,
        label("export.col.deductions"),
        label("export.col.tier"),
        label("export.col.teams"),
        label("export.col.flags"),
        label("export.col.remarks"),
    ]


def ranking_row(data: ExportData, row: RankedGroup, lang: Lang) -> list[Cell]:
    """Numbers stay numbers (a spreadsheet sums them); everything else is text."""
    teams = data.campaign.team_names(lang)
    return [
        row.rank,
        row.group.id,
        row.group.name.get(lang),
        t(f"export.kind.{row.group.kind}", lang),
        row.total,
        *(row.sections.get(s.id, 0.0) for s in data.sections),
        row.deductions,
        tier_word(row, lang),
        "; ".join(f"{teams[r.team]} {r.total:.2f}" for r in row.teams),
        join_words((t(f"flag.{flag}", lang) for flag in row.flags), lang),
        remarks(data, row.group.id, lang),
    ]


def tier_word(row: RankedGroup, lang: Lang) -> str:
    return row.tier.name.get(lang) + (t("export.vetoed", lang) if row.vetoed else "")


def remarks(data: ExportData, group_id: str, lang: Lang) -> str:
    """The teams' written problems for the group, each after its team."""
    teams = data.campaign.team_names(lang)
    return " / ".join(
        f"{teams[v.team]}: {v.problems.strip()}"
        for v in data.visits.get(group_id, [])
        if v.problems.strip()
    )


def number_columns(data: ExportData) -> range:
    """Indexes of the score columns (total, sections, deductions) in a ranking row."""
    return range(TOTAL, TOTAL + len(data.sections) + 2)

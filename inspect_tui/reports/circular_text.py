"""The circular's (通报) words, in the manner of the county office (seed 000): an opening (purpose,
basis, period, visit dates, team leaders, methods, who was assessed of how many), the tiers as
the office writes them, what went well by theme, the problems by theme (一是、二是…) with every
deduction and the veto named, and the 整改 requirements. Layout is `circular.py`'s.

This module puts the document together and writes its closing; each part of the body is a
module of its own, named for the part: `circular_opening` (the opening and the tiers),
`circular_praise` (what went well), `circular_problems` (the problems), `circular_table` (the
attachment), with `circular_words` (paragraphs, dates, lists) and `circular_shares` (how well
each group did on each theme) beneath them.

No technical text (hash, rules shorthand, generation time, calibration) reaches the circular:
those belong to the workbook and the HTML report.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from inspect_tui.reports.circular_opening import opening, overall
from inspect_tui.reports.circular_praise import went_well
from inspect_tui.reports.circular_problems import problems
from inspect_tui.reports.circular_shares import theme_shares
from inspect_tui.reports.circular_table import ranking_table, table_note
from inspect_tui.reports.circular_words import Para, clause, day, document_date
from inspect_tui.reports.dataset import ExportData
from inspect_tui.words.i18n import Lang, t


@dataclass(frozen=True)
class CircularText:
    title: str
    number: str  # 文号, "" when the campaign gives none
    addressee: str
    body: list[Para]
    attachment_note: str
    issuer: str
    date: str
    attachment_title: str
    header: list[str]
    rows: list[list[str]]
    table_note: str
    code_line: str
    cc: str  # 抄送 line, "" when none
    printed_by: str
    printed_on: str
    flags: dict[str, list[str]] = field(default_factory=dict)  # group id -> flag words


def build(data: ExportData, lang: Lang) -> CircularText:
    campaign = data.campaign
    doc = campaign.document
    issuer = doc.issuer.get(lang) if doc.issuer else t("doc.issuer_default", lang)
    when = document_date(data)
    printed_on = doc.printed_on or when
    title = t("doc.title", lang, title=campaign.title.get(lang))
    body = [Para(opening(data, lang))]
    body += [Para(t("doc.h.overall", lang), "h1"), *overall(data, lang)]
    shares = theme_shares(data)
    body += [Para(t("doc.h.good", lang), "h1"), *went_well(data, shares, lang)]
    body += [Para(t("doc.h.problems", lang), "h1"), *problems(data, shares, lang)]
    body += [Para(t("doc.h.fix", lang), "h1"), Para(requirements(data, issuer, lang))]
    header, rows, flags = ranking_table(data, lang)
    return CircularText(
        title=title,
        number=doc.number.get(lang) if doc.number else "",
        addressee=(doc.to.get(lang) if doc.to else t("doc.to_default", lang)).rstrip("：:")
        + t("doc.colon", lang),
        body=body,
        attachment_note=t("doc.attachment_note", lang, title=campaign.title.get(lang)),
        issuer=issuer,
        date=day(when, lang),
        attachment_title=t("doc.attachment_title", lang, title=campaign.title.get(lang)),
        header=header,
        rows=rows,
        table_note=table_note(data, lang),
        code_line=t("doc.code", lang, code=data.seal.code),
        cc=t("doc.cc", lang, cc=doc.cc.get(lang).rstrip("。.")) if doc.cc else "",
        printed_by=doc.printed_by.get(lang) if doc.printed_by else issuer,
        printed_on=t("doc.printed_on", lang, day=day(printed_on, lang)),
        flags=flags,
    )


def requirements(data: ExportData, issuer: str, lang: Lang) -> str:
    doc = data.campaign.document
    what = doc.requirement.get(lang) if doc.requirement else t("doc.fix_default", lang)
    if doc.deadline is not None:
        return t("doc.fix_by", lang, what=clause(what), day=day(doc.deadline, lang), to=issuer)
    return t("doc.fix", lang, what=clause(what), to=issuer)

"""The pieces every part of the circular (通报) is written with: a paragraph, and dates, counts,
numerals and lists of groups as the county office writes them (seed 000).

Apart from the parts themselves (`circular_opening`, `circular_praise`, `circular_problems`,
`circular_table`) because all of them say these things, and say them the same way; the feedback
letters date themselves and number their points with them too. Lists of groups put the townships
first, then the county-level systems, each in the order given (seed 000's lists all do).
"""

from __future__ import annotations

import calendar
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Literal

from inspect_tui.domain.model import Campaign
from inspect_tui.reports.dataset import ExportData
from inspect_tui.words.i18n import Lang, t

KINDS = ("township", "system")  # the office names townships first, then county-level systems

Style = Literal["body", "h1"]


@dataclass(frozen=True)
class Para:
    """A body paragraph: `lead` is a run-in level-2 heading (楷体) before `text`."""

    text: str
    style: Style = "body"
    lead: str = ""

    @property
    def whole(self) -> str:
        return self.lead + self.text


_MONTHS = "January February March April May June July August September October November December"


def day(when: date, lang: Lang) -> str:
    """2012年7月20日 / 20 July 2012."""
    if lang == "zh":
        return f"{when.year}年{when.month}月{when.day}日"
    return f"{when.day} {_MONTHS.split()[when.month - 1]} {when.year}"


def days(first: date, last: date, lang: Lang) -> str:
    """2012年7月4日至11日 / 4 to 11 July 2012; one day is that day."""
    if first == last:
        return day(first, lang)
    if lang == "zh":
        tail = (
            f"{last.day}日"
            if (first.year, first.month) == (last.year, last.month)
            else f"{last.month}月{last.day}日"
            if first.year == last.year
            else day(last, "zh")
        )
        return f"{day(first, 'zh')}至{tail}"
    month = _MONTHS.split()[first.month - 1]
    if (first.year, first.month) == (last.year, last.month):
        return f"{first.day} to {day(last, 'en')}"
    if first.year == last.year:
        return f"{first.day} {month} to {day(last, 'en')}"
    return f"{day(first, 'en')} to {day(last, 'en')}"


def period_words(campaign: Campaign, lang: Lang) -> str:
    """2012年上半年 / the first half of 2012 for the usual periods, else the two dates."""
    start, end = campaign.start, campaign.end
    whole_months = start.day == 1 and end.day == calendar.monthrange(end.year, end.month)[1]
    if start.year == end.year and whole_months:
        halves = {(1, 6): "h1", (7, 12): "h2", (1, 12): "year"}
        kind = halves.get((start.month, end.month))
        if kind:
            return t(f"doc.period.{kind}", lang, year=start.year)
    return t("doc.period.span", lang, span=days(start, end, lang))


def visit_days(data: ExportData) -> tuple[date, date] | None:
    found = sorted(
        date.fromisoformat(v.visit_date[:10])
        for visits in data.visits.values()
        for v in visits
        if v.visit_date
    )
    return (found[0], found[-1]) if found else None


def document_date(data: ExportData) -> date:
    """The date the office gave the export (`--date`); else the campaign's document date;
    else the last visit's (the circular follows the visits); else the period's end. Never the
    export day: a past round is not dated today."""
    if data.dated is not None:
        return data.dated
    doc = data.campaign.document
    if doc.date is not None:
        return doc.date
    found = visit_days(data)
    return max(found[1], data.campaign.end) if found else data.campaign.end


def listed(words: Iterable[str], lang: Lang) -> str:
    """甲、乙、丙 / A, B and C (A, Chair; B, Vice-chair; and C when the words hold commas)."""
    words = list(words)
    if lang == "zh" or len(words) < 2:
        return "、".join(words)
    if any("," in word for word in words):
        return "; ".join(words[:-1]) + "; and " + words[-1]
    return ", ".join(words[:-1]) + " and " + words[-1]


def office_order(campaign: Campaign, groups: Iterable[str]) -> list[str]:
    """The groups with the townships first, then the county-level systems, each keeping the
    order given (seed 000 lists them so, whatever the ranking)."""
    groups = list(groups)
    rank = {kind: n for n, kind in enumerate(KINDS)}
    return sorted(groups, key=lambda g: rank.get(campaign.group(g).kind, len(KINDS)))


def share_words(count: int, assessed: int, lang: Lang) -> str:
    """How seed 000 speaks of groups it does not name: 全部 / 大部分 / 部分联络组, with a count."""
    if count >= assessed:
        return t("doc.share.all", lang, count=count)
    key = "doc.share.most" if count * 2 > assessed else "doc.share.some"
    return t(key, lang, count=count)


def small_number(n: int, lang: Lang) -> str:
    """三 / three up to ten, as a document writes a small count; figures beyond."""
    words = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"]
    if n > 10:
        return str(n)
    return numeral(n) if lang == "zh" else words[n]


def ordinal(n: int, lang: Lang) -> str:
    """一是 / (1), for the problems."""
    return f"{numeral(n)}是" if lang == "zh" else f"({n}) "


_NUMERALS = "零一二三四五六七八九"


def numeral(n: int) -> str:
    """1 -> 一, 10 -> 十, 12 -> 十二, 20 -> 二十, 35 -> 三十五 (up to 99)."""
    tens, ones = divmod(n, 10)
    if not tens:
        return _NUMERALS[ones]
    head = ("" if tens == 1 else _NUMERALS[tens]) + "十"
    return head + (_NUMERALS[ones] if ones else "")


def heading2(n: int, title: str, lang: Lang) -> str:
    """（一）title。 / (1) title."""
    return f"（{numeral(n)}）{title}。" if lang == "zh" else f"({n}) {title}. "


def clause(text: str) -> str:
    """Text without its closing full stop, to be set inside a sentence."""
    return text.strip().rstrip("。.；;，,")

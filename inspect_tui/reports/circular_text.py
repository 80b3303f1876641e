"""The circular's (通报) words, in the manner of the county office (seed 000): an opening (purpose,
basis, period, visit dates, team leaders, methods, who was assessed of how many), the tiers as
the office writes them, what went well by theme, the problems by theme (一是、二是…) with every
deduction and the veto named, and the 整改 requirements. Layout is `circular.py`'s.

Only what the data says, in the office's manner (seed 000):
- a group is praised for a theme when it earned at least `PRAISE_SHARE` of that theme's points
  (not for its overall rank), up to the campaign's limit; where the theme says `name_good =
  false` the circular says how many did (部分/大部分联络组（N个）) instead, as seed 000 does for
  most themes;
- a theme's problem names the groups that did badly on it, those below `WEAK_SHARE` of its
  points (all of them, or the first few and how many in all); when more than half the assessed
  groups did, it says 大部分联络组（N个） and names none, as seed 000 does for study, research and
  reporting; and it counts, item by item, every group that lost points there, so nothing is cut
  silently (the workbook's 失分项 sheet names them all);
- every deduction and the veto are stated with the groups named;
- lists of groups put the townships first, then the county-level systems, each in rank order
  (seed 000's lists all do).
No technical text (hash, rules shorthand, generation time, calibration) reaches the circular:
those belong to the workbook and the HTML report.
"""

from __future__ import annotations

import calendar
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from statistics import fmean, mean
from typing import Literal

from inspect_tui.domain.model import TOTAL, Campaign, Commendation, Group, Item, Theme
from inspect_tui.domain.ranking import RankedGroup
from inspect_tui.domain.scoring import score_item, score_visit
from inspect_tui.reports.dataset import ExportData, Visited
from inspect_tui.words.i18n import Lang, t

PRAISE_SHARE = 0.9  # a theme's points a group earned to be named for doing it well
WEAK_SHARE = 0.6  # below this share of a theme's points a group is named for falling short
KINDS = ("township", "system")  # the office names townships first, then county-level systems
NAME_ALL = 10  # a problem names every group up to this many, else the first `NAME_FEW`
NAME_FEW = 8
MOST_NOTES = 3  # the teams' notes quoted per problem (with the group); the workbook has all

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


# -- dates and lists ------------------------------------------------------------------------------
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


def _share_words(count: int, assessed: int, lang: Lang) -> str:
    """How seed 000 speaks of groups it does not name: 全部 / 大部分 / 部分联络组, with a count."""
    if count >= assessed:
        return t("doc.share.all", lang, count=count)
    key = "doc.share.most" if count * 2 > assessed else "doc.share.some"
    return t(key, lang, count=count)


def _number(n: int, lang: Lang) -> str:
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


def _clause(text: str) -> str:
    """Text without its closing full stop, to be set inside a sentence."""
    return text.strip().rstrip("。.；;，,")


# -- opening --------------------------------------------------------------------------------------
def not_assessed(data: ExportData) -> list[tuple[Group, str]]:
    """Groups the lead recorded as not assessed, with the reason."""
    return list(data.not_assessed)


def _with_reason(name: str, reason: str, lang: Lang) -> str:
    return f"{name}（{_clause(reason)}）" if lang == "zh" else f"{name} ({_clause(reason)})"


def opening(data: ExportData, lang: Lang) -> str:
    campaign = data.campaign
    doc = campaign.document
    basis = (
        doc.basis.get(lang)
        if doc.basis
        else t("doc.basis_default", lang, outline=campaign.outline.title.get(lang))
    )
    counted = set(data.teams)
    teams = [team for team in campaign.teams if team.id in counted] or list(campaign.teams)
    leaders = listed((team.leader.get(lang) for team in teams), lang)
    found = visit_days(data)
    when = days(*found, lang) if found else period_words(campaign, lang)
    total, assessed = len(campaign.groups), len(data.rows)
    skipped = not_assessed(data)
    if assessed == total:
        scope = t("doc.scope.all", lang, total=total)
    else:
        scope = t("doc.scope.some", lang, total=total, assessed=assessed)
    methods = [t(f"doc.method.{m}", lang) for m in data.methods()]
    text = t(
        "doc.opening",
        lang,
        basis=_clause(basis),
        when=when,
        leaders=leaders,
        teams=_number(len(teams), lang),
        scope=scope,
        period=period_words(campaign, lang),
        methods=listed(methods, lang) if methods else t("doc.method.none", lang),
    )
    if skipped:
        names = listed((_with_reason(g.name.get(lang), r, lang) for g, r in skipped), lang)
        text += t("doc.not_assessed", lang, groups=names, count=len(skipped))
    ranked = {row.group.id for row in data.rows} | {g.id for g, _ in skipped}
    missing = [g for g in campaign.groups if g.id not in ranked]
    if missing:
        names = listed((g.name.get(lang) for g in missing), lang)
        text += t("doc.missing", lang, groups=names, count=len(missing))
    return text + t("doc.opening_end", lang)


# -- tiers ----------------------------------------------------------------------------------------
def overall(data: ExportData, lang: Lang) -> list[Para]:
    campaign = data.campaign
    tiers = data.by_tier()
    parts = []
    for n, (tier_id, rows) in enumerate(tiers):
        tier = campaign.tiers[campaign.tier_index(tier_id)].name.get(lang)
        named = n in (0, len(tiers) - 1) and rows
        if named:
            ordered = office_order(campaign, (r.group.id for r in rows))
            names = listed((campaign.group(g).name.get(lang) for g in ordered), lang)
            parts.append(t("doc.tier.named", lang, tier=tier, groups=names, count=len(rows)))
        else:
            parts.append(t("doc.tier.count", lang, tier=tier, count=len(rows)))
    text = t("doc.tiers", lang, assessed=len(data.rows), tiers=t("doc.semi", lang).join(parts))
    quota = campaign.quota
    dropped = [r for r in data.rows if "quota" in r.flags]
    if quota is not None and dropped:
        top = campaign.tiers[campaign.tier_index(quota.tier)].name.get(lang)
        names = listed((f"{r.group.name.get(lang)}{_points(r.total, lang)}" for r in dropped), lang)
        text += t("doc.tier.quota", lang, groups=names, tier=top, max=quota.max,
                  lower=dropped[0].tier.name.get(lang))  # fmt: skip
    vetoed = [r for r in data.rows if r.vetoed]
    if vetoed:
        names = listed((f"{r.group.name.get(lang)}{_points(r.total, lang)}" for r in vetoed), lang)
        lowest = campaign.lowest_tier.name.get(lang)
        text += t("doc.tier.veto", lang, groups=names, tier=lowest)
    return [Para(text)]


def _points(total: float, lang: Lang) -> str:
    return f"（{total:.2f}分）" if lang == "zh" else f" ({total:.2f} points)"


# -- what went well -------------------------------------------------------------------------------
def theme_items(campaign: Campaign, theme: Theme) -> list[Item]:
    """The theme's items the period asks for, outline order."""
    wanted = set(theme.items)
    return [item for item in campaign.items if item.id in wanted]


Shares = dict[str, dict[str, float]]  # theme -> group -> share of the theme's points


def theme_shares(data: ExportData) -> Shares:
    """For each theme, group -> the share of the theme's points it earned (its counted visits'
    mean); groups for which none of the theme's scored items applied are left out. Computed once
    per circular: praise and problems both read it."""
    return {theme.id: _theme_shares(data, theme) for theme in data.campaign.outline.themes}


def _theme_shares(data: ExportData, theme: Theme) -> dict[str, float]:
    campaign = data.campaign
    scored = [item for item in theme_items(campaign, theme) if item.scored]
    shares: dict[str, float] = {}
    for group, visits in data.visits.items():
        each = [_share(campaign, scored, visit) for visit in visits]
        known = [s for s in each if s is not None]
        if known:
            shares[group] = fmean(known)
    return shares


def _share(campaign: Campaign, items: Sequence[Item], visit: Visited) -> float | None:
    earned = top = 0.0
    for item in items:
        score = score_item(campaign, item, visit.answers.get(item.id))
        if score.applicable:
            earned, top = earned + float(score.earned), top + float(score.max)
    return earned / top if top else None


def _with_ties(ordered: list[str], key: dict[str, float], limit: int) -> list[str]:
    """The first `limit`, and every one tied with the last of them."""
    if len(ordered) <= limit:
        return ordered
    last = key[ordered[limit - 1]]
    return ordered[:limit] + [g for g in ordered[limit:] if key[g] == last]


def praised(data: ExportData, theme: Theme, shares: Shares) -> list[str]:
    """Every group that did well on the theme: at least `PRAISE_SHARE` of its points, best
    first, then by rank; vetoed groups never. The circular names the first few of them."""
    mine = shares[theme.id]
    rank = {row.group.id: row.rank for row in data.rows if not row.vetoed}
    good = [g for g, share in mine.items() if g in rank and share >= PRAISE_SHARE]
    return sorted(good, key=lambda g: (-mine[g], rank[g]))


def _named_apart(
    campaign: Campaign, groups: list[str], theme: Theme, limit: int, lang: Lang
) -> tuple[str, list[str]]:
    """The words naming the praised groups (townships and systems apart when the theme says
    so), at most `limit` of each list, with how many in all where more did as well; and the
    ids named."""
    lists = (
        [[g for g in groups if campaign.group(g).kind == k] for k in ("township", "system")]
        if theme.name_apart
        else [groups]
    )
    keys = ("doc.who.township", "doc.who.system") if theme.name_apart else ("doc.who",)
    parts, named = [], []
    for key, members in zip(keys, lists, strict=True):
        if not members:
            continue
        head = office_order(campaign, members[:limit])
        named += head
        names = listed((campaign.group(g).name.get(lang) for g in head), lang)
        more = len(members) > len(head)
        parts.append(t(key + (".many" if more else ""), lang, groups=names, count=len(members)))
    return t("doc.and", lang).join(parts), named


def went_well(data: ExportData, shares: Shares, lang: Lang) -> list[Para]:
    campaign = data.campaign
    out: list[Para] = []
    named: list[str] = []
    for n, theme in enumerate(campaign.outline.themes, start=1):
        groups = praised(data, theme, shares)
        lead = heading2(n, theme.title.get(lang), lang)
        if groups and not theme.name_good:
            who = _share_words(len(groups), len(data.rows), lang)
            who = who[:1].upper() + who[1:]  # it opens the English sentence
            text = t("doc.good_counted", lang, who=who, good=_clause(theme.good.get(lang)))
        elif groups:
            limit = campaign.document.praise_limit
            who, shown = _named_apart(campaign, groups, theme, limit, lang)
            text = t("doc.good", lang, who=who, good=_clause(theme.good.get(lang)))
            named += [g for g in shown if g not in named]
        else:
            text = t("doc.good_none", lang)
        out.append(Para(text, lead=lead))
    for commendation, groups in commended(data):
        names = listed(
            (campaign.group(g).name.get(lang) for g in office_order(campaign, groups)), lang
        )
        key = "doc.commended_who" if len(groups) > 1 else "doc.commended_one"
        who = t(key, lang, groups=names)
        text = t("doc.commended", lang, who=who, text=_clause(commendation.text.get(lang)))
        n = len(out) + 1
        title = commendation.title
        lead = heading2(n, title.get(lang), lang) if title else _number_lead(n, lang)
        out.append(Para(text, lead=lead))
    strengths = [
        (campaign.group(g).name.get(lang), s)
        for g in sorted(named, key=_rank_of(data))
        if (s := _strengths(data.visits.get(g, [])))
    ][: campaign.document.praise_limit]  # the best few; each letter keeps its group's own
    if strengths:
        lead = heading2(len(out) + 1, t("doc.h.strengths", lang), lang)
        stop = t("doc.stop", lang)  # a sentence a group: its own words hold semicolons
        space = "" if lang == "zh" else " "
        said = space.join(t("doc.said", lang, group=g, text=s) + stop for g, s in strengths)
        out.append(Para(said, lead=lead))
    if not out:
        out.append(Para(t("doc.good_no_themes", lang)))
    return out


def commended(data: ExportData) -> list[tuple[Commendation, list[str]]]:
    """Each of the outline's commendations that a counted visit ticked, with the groups so
    tagged in rank order (all of them: few are)."""
    found = []
    for commendation in data.campaign.outline.commendations:
        groups = [
            row.group.id
            for row in data.rows
            if any(commendation.id in v.commendations for v in data.visits.get(row.group.id, []))
        ]
        if groups:
            found.append((commendation, groups))
    return found


def _number_lead(n: int, lang: Lang) -> str:
    """（六） / (6) : the run-in number of a paragraph that has no title of its own."""
    return f"（{numeral(n)}）" if lang == "zh" else f"({n}) "


def _strengths(visits: list[Visited]) -> str:
    """The teams' strengths text for a group (a visit carries it once the dataset does)."""
    said = [_clause(v.strengths) for v in visits]
    return "；".join(dict.fromkeys(s for s in said if s))


def _rank_of(data: ExportData):  # noqa: ANN202 - a sort key
    rank = {row.group.id: row.rank for row in data.rows}
    return lambda g: rank.get(g, len(rank) + 1)


# -- problems -------------------------------------------------------------------------------------
def problems(data: ExportData, shares: Shares, lang: Lang) -> list[Para]:
    """一是…二是…: each theme's shortfalls merged, items in no theme on their own, then every
    deduction and the veto with the groups named."""
    campaign = data.campaign
    found = {p.item.id: p for p in data.problems()}
    rows = {row.group.id: row for row in data.rows}
    out: list[str] = []
    in_theme: set[str] = set()
    for theme in campaign.outline.themes:
        items = [i for i in theme_items(campaign, theme) if i.scored]
        in_theme |= {i.id for i in items}
        short = [found[i.id] for i in items if i.id in found]
        if short:
            out.append(_theme_problem(data, theme, short, shares[theme.id], lang))
    for item in campaign.items:
        if item.scored and item.id not in in_theme and item.id in found:
            out.append(_item_problem(data, item, list(found[item.id].groups), lang))
    for item in campaign.items:
        if item.kind == "deduction" and item.id in found:
            out.append(_deduction(data, item, list(found[item.id].groups), lang))
    for row in data.rows:
        if row.vetoed:
            out.append(_veto(data, rows[row.group.id], lang))
    if not out:
        return [Para(t("doc.no_problems", lang))]
    return [Para(f"{ordinal(n, lang)}{text}") for n, text in enumerate(out, start=1)]


def _who(data: ExportData, groups: list[str], order: dict[str, float], lang: Lang) -> str:
    """Every group, or the first few (the worst on `order`, ties kept) and how many in all;
    townships first."""
    assessed = len(data.rows)
    rank = _rank_of(data)
    ordered = sorted(groups, key=lambda g: (order.get(g, 0.0), -rank(g)))
    if len(groups) == assessed and assessed > NAME_ALL:
        return t("doc.all_groups", lang, count=assessed)
    if len(ordered) > NAME_ALL:
        ordered = _with_ties(ordered, {g: order.get(g, 0.0) for g in ordered}, NAME_FEW)
    names = listed(
        (data.campaign.group(g).name.get(lang) for g in office_order(data.campaign, ordered)), lang
    )
    if len(ordered) < len(groups):
        return t("doc.these_many", lang, groups=names, count=len(groups))
    return t("doc.these", lang, groups=names)


def _notes(data: ExportData, groups: list[str], items: set[str], lang: Lang) -> str:
    """The teams' first note on `items` for each of the first few of `groups`, with its group
    (the workbook has them all)."""
    quoted: list[str] = []
    for group in groups:
        notes = [
            _clause(note)
            for visit in data.visits.get(group, [])
            for item_id, note in visit.short
            if item_id in items and _clause(note)
        ]
        if notes:
            name = data.campaign.group(group).name.get(lang)
            quoted.append(t("doc.said", lang, group=name, text=notes[0]))
        if len(quoted) == MOST_NOTES:
            break
    return _noted(quoted, lang)


def _common_notes(data: ExportData, groups: list[str], items: set[str], lang: Lang) -> str:
    """The notes the teams wrote most often on `items` across `groups`, without naming the
    groups: what seed 000 says of a problem most groups had."""
    counted = Counter(
        _clause(note)
        for group in groups
        for visit in data.visits.get(group, [])
        for item_id, note in visit.short
        if item_id in items and _clause(note)
    )
    return _noted([note for note, _ in counted.most_common(MOST_NOTES)], lang)


def _noted(notes: list[str], lang: Lang) -> str:
    return t("doc.noted", lang, notes=t("doc.semi", lang).join(notes)) if notes else ""


def _theme_problem(
    data: ExportData, theme: Theme, short: list, shares: dict[str, float], lang: Lang
) -> str:
    """The theme's problem: who did badly on it (or that most did), then how many groups lost
    points on each of its items, most first."""
    concerned = list(dict.fromkeys(g for p in short for g in p.groups))
    rank = _rank_of(data)
    weak = [g for g in concerned if shares.get(g, 1.0) < WEAK_SHARE]
    weak.sort(key=lambda g: (shares[g], -rank(g)))  # the worst first, as `_who` names them
    ordered = sorted(short, key=lambda p: -len(p.groups))  # stable: outline order among equals
    items = listed((t("doc.item_count", lang, item=_quote(p.item, lang), count=len(p.groups))
                    for p in ordered), lang)  # fmt: skip
    wanted = {p.item.id for p in short}
    words = {
        "title": theme.title.get(lang),
        "short": _clause(theme.short.get(lang)),
        "items": items,
    }
    assessed = len(data.rows)
    if weak and len(weak) * 2 > assessed:
        who = _share_words(len(weak), assessed, lang)
        return t("doc.problem_most", lang, who=who, **words) + _common_notes(
            data, weak, wanted, lang
        )
    if weak:
        who = _who(data, weak, shares, lang)
        quoted = _notes(data, office_order(data.campaign, weak), wanted, lang)
        return t("doc.problem", lang, who=who, **words) + quoted
    text = t("doc.problem_minor", lang, count=len(concerned), **words)
    return text + _common_notes(data, concerned, wanted, lang)


def _item_problem(data: ExportData, item: Item, groups: list[str], lang: Lang) -> str:
    text = t("doc.problem_item", lang, item=_quote(item, lang), who=_who(data, groups, {}, lang))
    return text + _notes(data, groups, {item.id}, lang)


# how an item's text tells the team to score it, which a reader of the circular does not need
_SCORING_HINT = re.compile(
    r"[（(][^（）()]*(?:分|填写|enter|per |\d-\d)[^（）()]*[）)]$"  # （0～4分） (per kind …)
    r"|[，,]\s*(?:每项\d+分|\d+ points? each)$"  # ，每项1分 / , 1 point each
)


def short_text(item: Item, lang: Lang) -> str:
    """The item's text without its scoring hint: 档案目录清晰（0～4分） -> 档案目录清晰."""
    text = _clause(item.text.get(lang))
    return _SCORING_HINT.sub("", text).rstrip() or text


def _quote(item: Item, lang: Lang) -> str:
    text = short_text(item, lang)
    if lang == "zh":  # quotes inside quotes turn single, as Chinese typesetting asks
        return "“" + text.replace("“", "‘").replace("”", "’") + "”"
    return "‘" + text + "’"


def _deducted(data: ExportData, item: Item, group: str) -> tuple[float, float, str]:
    """What the item took off the group's total (after the floor of its section: 扣完为止, as the
    ranking table's 扣分 column counts it), what the outline's rate alone would take, both the
    counted visits' mean, and the first note."""
    campaign = data.campaign
    visits = data.visits.get(group, [])
    rated = [float(score_item(campaign, item, v.answers.get(item.id)).deducted) for v in visits]
    taken = [
        next((e.lost for e in score_visit(campaign, v.answers).lost if e.item_id == item.id), 0.0)
        for v in visits
    ]
    notes = [v.answers[item.id].note.strip() for v in visits if item.id in v.answers]
    mean_of = lambda xs: round(mean(xs), 2) if xs else 0.0  # noqa: E731
    return mean_of(taken), mean_of(rated), next((n for n in notes if n), "")


def _deduction(data: ExportData, item: Item, groups: list[str], lang: Lang) -> str:
    rank = _rank_of(data)
    each = []
    for group in office_order(data.campaign, sorted(groups, key=rank)):
        points, rated, note = _deducted(data, item, group)
        name = data.campaign.group(group).name.get(lang)
        said = [_clause(note)] if note else []
        if rated > points:  # the section had less left than the rate: it lost what it had
            section = data.campaign.deduction_source(item, lang)
            said.append(t("doc.floored", lang, rated=f"{rated:g}", section=section))
        because = t("doc.because", lang, note=t("doc.semi", lang).join(said)) if said else ""
        each.append(t("doc.deducted", lang, group=name, points=f"{points:g}", because=because))
    if item.deduct_from == TOTAL:
        where = t("doc.where.total", lang)
    else:
        where = t("doc.where.section", lang, section=data.campaign.deduction_source(item, lang))
    return t(
        "doc.deduction",
        lang,
        item=_quote(item, lang),
        where=where,
        groups=t("doc.semi", lang).join(each),
    )


def _veto(data: ExportData, row: RankedGroup, lang: Lang) -> str:
    campaign = data.campaign
    vetoes = [i for i in campaign.items if i.kind == "veto"]
    hit, notes = [], []
    for visit in data.visits.get(row.group.id, []):
        for item in vetoes:
            answer = visit.answers.get(item.id)
            if score_item(campaign, item, answer).triggered:
                hit.append(item)
                if answer is not None and answer.note.strip():
                    notes.append(_clause(answer.note))
    items = listed(dict.fromkeys(_quote(i, lang) for i in hit), lang) or t("doc.veto_item", lang)
    text = t(
        "doc.veto",
        lang,
        group=row.group.name.get(lang),
        items=items,
        total=f"{row.total:.2f}",
        tier=campaign.lowest_tier.name.get(lang),
    )
    if notes:
        text += t("doc.veto_noted", lang, notes=t("doc.semi", lang).join(dict.fromkeys(notes)))
    return text


# -- closing and the attachment -------------------------------------------------------------------
def requirements(data: ExportData, issuer: str, lang: Lang) -> str:
    doc = data.campaign.document
    what = doc.requirement.get(lang) if doc.requirement else t("doc.fix_default", lang)
    if doc.deadline is not None:
        return t("doc.fix_by", lang, what=_clause(what), day=day(doc.deadline, lang), to=issuer)
    return t("doc.fix", lang, what=_clause(what), to=issuer)


FLAGS = ("quota", "veto", "disagreement", "unsigned", "draft", "altered")


def row_flags(row: RankedGroup, lang: Lang) -> list[str]:
    present = set(row.flags) | ({"veto"} if row.vetoed else set())
    return [t(f"doc.flag.{flag}", lang) for flag in FLAGS if flag in present]


def ranking_table(
    data: ExportData, lang: Lang
) -> tuple[list[str], list[list[str]], dict[str, list[str]]]:
    header = [
        t("doc.col.rank", lang),
        t("doc.col.group", lang),
        t("doc.col.total", lang),
        *(s.title.get(lang) for s in data.sections),
        t("doc.col.deductions", lang),
        t("doc.col.tier", lang),
        t("doc.col.flags", lang),
    ]
    rows, flags = [], {}
    for row in data.rows:
        words = row_flags(row, lang)
        flags[row.group.id] = words
        rows.append(
            [
                str(row.rank),
                row.group.name.get(lang),
                f"{row.total:.2f}",
                *(f"{row.sections.get(s.id, 0.0):.2f}" for s in data.sections),
                f"{row.deductions:.2f}",
                row.tier.name.get(lang),
                t("doc.sep_flags", lang).join(words),
            ]
        )
    return header, rows, flags


def table_note(data: ExportData, lang: Lang) -> str:
    campaign = data.campaign
    parts = [t("doc.note.total", lang)]
    parts.append(t("doc.note.veto", lang, tier=campaign.lowest_tier.name.get(lang)))
    if campaign.quota is not None:
        index = campaign.tier_index(campaign.quota.tier)
        lower = campaign.tiers[min(index + 1, len(campaign.tiers) - 1)]
        parts.append(
            t(
                "doc.note.quota",
                lang,
                tier=campaign.tiers[index].name.get(lang),
                max=campaign.quota.max,
                lower=lower.name.get(lang),
            )
        )
    if any(len(row.teams) > 1 for row in data.rows):
        parts.append(t("doc.note.teams", lang, points=f"{campaign.merge.threshold:g}"))
    return t("doc.note", lang, parts=t("doc.semi", lang).join(parts))

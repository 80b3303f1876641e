"""The problems (存在的问题), 一是、二是…: each theme's shortfalls, the items in no theme, every
deduction and the veto, with the groups named.

Only what the data says, in the office's manner (seed 000):
- a theme's problem names the groups that did badly on it, those below `WEAK_SHARE` of its
  points (all of them, or the first few and how many in all); when more than half the assessed
  groups did, it says 大部分联络组（N个） and names none, as seed 000 does for study, research and
  reporting; and it counts, item by item, every group that lost points there, so nothing is cut
  silently (the workbook's 失分项 sheet names them all);
- every deduction and the veto are stated with the groups named.
"""

from __future__ import annotations

import re
from collections import Counter
from statistics import mean

from inspect_tui.domain.model import TOTAL, Item, Theme
from inspect_tui.domain.ranking import RankedGroup
from inspect_tui.domain.scoring import score_item, score_visit
from inspect_tui.reports.circular_shares import Shares, rank_of, theme_items
from inspect_tui.reports.circular_words import (
    Para,
    clause,
    listed,
    office_order,
    ordinal,
    share_words,
)
from inspect_tui.reports.dataset import ExportData
from inspect_tui.words.i18n import Lang, t

WEAK_SHARE = 0.6  # below this share of a theme's points a group is named for falling short
NAME_ALL = 10  # a problem names every group up to this many, else the first `NAME_FEW`
NAME_FEW = 8
MOST_NOTES = 3  # the teams' notes quoted per problem (with the group); the workbook has all


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
    rank = rank_of(data)
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


def _with_ties(ordered: list[str], key: dict[str, float], limit: int) -> list[str]:
    """The first `limit`, and every one tied with the last of them."""
    if len(ordered) <= limit:
        return ordered
    last = key[ordered[limit - 1]]
    return ordered[:limit] + [g for g in ordered[limit:] if key[g] == last]


def _notes(data: ExportData, groups: list[str], items: set[str], lang: Lang) -> str:
    """The teams' first note on `items` for each of the first few of `groups`, with its group
    (the workbook has them all)."""
    quoted: list[str] = []
    for group in groups:
        notes = [
            clause(note)
            for visit in data.visits.get(group, [])
            for item_id, note in visit.short
            if item_id in items and clause(note)
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
        clause(note)
        for group in groups
        for visit in data.visits.get(group, [])
        for item_id, note in visit.short
        if item_id in items and clause(note)
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
    rank = rank_of(data)
    weak = [g for g in concerned if shares.get(g, 1.0) < WEAK_SHARE]
    weak.sort(key=lambda g: (shares[g], -rank(g)))  # the worst first, as `_who` names them
    ordered = sorted(short, key=lambda p: -len(p.groups))  # stable: outline order among equals
    items = listed((t("doc.item_count", lang, item=_quote(p.item, lang), count=len(p.groups))
                    for p in ordered), lang)  # fmt: skip
    wanted = {p.item.id for p in short}
    words = {
        "title": theme.title.get(lang),
        "short": clause(theme.short.get(lang)),
        "items": items,
    }
    assessed = len(data.rows)
    if weak and len(weak) * 2 > assessed:
        who = share_words(len(weak), assessed, lang)
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
    text = clause(item.text.get(lang))
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
    rank = rank_of(data)
    each = []
    for group in office_order(data.campaign, sorted(groups, key=rank)):
        points, rated, note = _deducted(data, item, group)
        name = data.campaign.group(group).name.get(lang)
        said = [clause(note)] if note else []
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
                    notes.append(clause(answer.note))
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

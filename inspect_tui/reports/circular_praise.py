"""What went well (取得的成效), theme by theme, then the commendations the teams ticked and the
strengths they wrote down.

Only what the data says, in the office's manner (seed 000): a group is praised for a theme when
it earned at least `PRAISE_SHARE` of that theme's points (not for its overall rank), up to the
campaign's limit; where the theme says `name_good = false` the circular says how many did
(部分/大部分联络组（N个）) instead, as seed 000 does for most themes.
"""

from __future__ import annotations

from inspect_tui.domain.model import Campaign, Commendation, Theme
from inspect_tui.reports.circular_shares import Shares, rank_of
from inspect_tui.reports.circular_words import (
    Para,
    clause,
    heading2,
    listed,
    numeral,
    office_order,
    share_words,
)
from inspect_tui.reports.dataset import ExportData, Visited
from inspect_tui.words.i18n import Lang, t

PRAISE_SHARE = 0.9  # a theme's points a group earned to be named for doing it well


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
            who = share_words(len(groups), len(data.rows), lang)
            who = who[:1].upper() + who[1:]  # it opens the English sentence
            text = t("doc.good_counted", lang, who=who, good=clause(theme.good.get(lang)))
        elif groups:
            limit = campaign.document.praise_limit
            who, shown = _named_apart(campaign, groups, theme, limit, lang)
            text = t("doc.good", lang, who=who, good=clause(theme.good.get(lang)))
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
        text = t("doc.commended", lang, who=who, text=clause(commendation.text.get(lang)))
        n = len(out) + 1
        title = commendation.title
        lead = heading2(n, title.get(lang), lang) if title else _number_lead(n, lang)
        out.append(Para(text, lead=lead))
    strengths = [
        (campaign.group(g).name.get(lang), s)
        for g in sorted(named, key=rank_of(data))
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
    said = [clause(v.strengths) for v in visits]
    return "；".join(dict.fromkeys(s for s in said if s))

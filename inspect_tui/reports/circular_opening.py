"""The circular's opening paragraph (purpose, basis, period, visit dates, team leaders, methods,
who was assessed of how many, who was not and why) and its first section, the tiers as the
office writes them: the top and bottom tiers name their groups, the others count them, and a
group moved down by the quota or the veto is named with its total.
"""

from __future__ import annotations

from inspect_tui.domain.model import Group
from inspect_tui.reports.circular_words import (
    Para,
    clause,
    days,
    listed,
    office_order,
    period_words,
    small_number,
    visit_days,
)
from inspect_tui.reports.dataset import ExportData
from inspect_tui.words.i18n import Lang, t


def not_assessed(data: ExportData) -> list[tuple[Group, str]]:
    """Groups the lead recorded as not assessed, with the reason."""
    return list(data.not_assessed)


def _with_reason(name: str, reason: str, lang: Lang) -> str:
    return f"{name}（{clause(reason)}）" if lang == "zh" else f"{name} ({clause(reason)})"


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
        basis=clause(basis),
        when=when,
        leaders=leaders,
        teams=small_number(len(teams), lang),
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

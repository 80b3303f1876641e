"""The circular's attachment: the ranking table (rank, group, total, sections, deductions, tier,
flags) and the note under it that says how the table was made.
"""

from __future__ import annotations

from inspect_tui.domain.ranking import RankedGroup
from inspect_tui.reports.dataset import ExportData
from inspect_tui.words.i18n import Lang, t

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

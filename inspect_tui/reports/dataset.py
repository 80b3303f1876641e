"""Everything an export prints, gathered once from the county store: the writers (xlsx, csv,
html, docx) only lay it out, so every format shows the same figures.

`Problem` counts the groups where an item fell short (lost points, a deduction, a veto) in any
counted team's visit, with the teams' notes on it: the circular's "common problems".
`SectionBest` names, per section, the groups that reached at least `BEST_SHARE` of its points.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from functools import cached_property
from pathlib import Path

from inspect_tui.core.calibration import Calibration, describe
from inspect_tui.core.county import Slot
from inspect_tui.core.i18n import Lang, t
from inspect_tui.core.model import Campaign, Item, Section
from inspect_tui.core.ranking import RankedGroup, describe_rules
from inspect_tui.core.results import county_ranking, coverage, coverage_counts
from inspect_tui.core.scoring import Answer
from inspect_tui.core.tally import Tally
from inspect_tui.core.verification import Seal, options_of, seal

BEST_SHARE = 0.9
_SELF_NAMED = {"export.rules", "export.calibration"}
MOST_NOTES = 3  # notes quoted per problem; the workbook has them all


@dataclass(frozen=True)
class Visited:
    """One counted team visit of a group: its answers and the items it fell short on."""

    team: str
    short: tuple[tuple[str, str], ...]  # (item, the team's note), outline order
    answers: dict[str, Answer]
    problems: str
    methods: tuple[str, ...]
    visit_date: str = ""


@dataclass(frozen=True)
class Problem:
    item: Item
    groups: tuple[str, ...]  # ids, ranking order
    notes: tuple[str, ...]


@dataclass(frozen=True)
class SectionBest:
    section: Section
    groups: tuple[str, ...]


@dataclass(frozen=True)
class ExportData:
    campaign: Campaign
    rows: list[RankedGroup]
    visits: dict[str, list[Visited]]  # group -> counted visits, team order
    calibration: Calibration
    calibrated: bool
    include_drafts: bool
    coverage: dict[str, int]
    warning: Callable[[Lang], str | None]  # the county file was changed by hand: say so
    made: datetime  # aware, in the office's own time zone
    seal: Seal

    @cached_property  # asked for on every row of every writer
    def sections(self) -> tuple[Section, ...]:
        """The sections that carry points (the penalties section has none)."""
        return tuple(s for s in self.campaign.sections if s.weight > 0)

    @property
    def made_at(self) -> str:
        """ "2026-11-27 07:27 +08:00": local time, and which."""
        offset = self.made.strftime("%z")
        return f"{self.made:%Y-%m-%d %H:%M} {offset[:3]}:{offset[3:]}"

    @property
    def unsigned(self) -> bool:
        return any("unsigned" in row.flags for row in self.rows)

    @property
    def teams(self) -> list[str]:
        return sorted({r.team for row in self.rows for r in row.teams})

    def statement(self, lang: Lang) -> list[tuple[str, str]]:
        """(label, value) lines every export prints: campaign, hash, rules, how it was made."""
        return [(t(key, lang), value) for key, value in self._statement(lang)]

    def statement_lines(self, lang: Lang) -> list[str]:
        """The statement as sentences; the rules and the calibration note name themselves."""
        sep = "：" if lang == "zh" else ": "
        return [
            value if key in _SELF_NAMED else f"{t(key, lang)}{sep}{value}"
            for key, value in self._statement(lang)
        ]

    def _statement(self, lang: Lang) -> list[tuple[str, str]]:
        yes_no = {True: t("export.yes", lang), False: t("export.no", lang)}
        return [
            ("export.campaign", f"{self.campaign.title.get(lang)} ({self.campaign.id})"),
            ("export.checklist_hash", self.campaign.checklist_hash),
            ("export.rules", describe_rules(self.campaign, lang)),
            ("export.scoring", t("export.scoring_rules", lang)),
            ("export.deductions", t("export.deductions_note", lang)),
            (
                "export.calibration",
                describe(self.calibration, self.calibrated, lang, self.campaign.team_names(lang)),
            ),
            ("export.unsigned", yes_no[self.unsigned]),
            ("export.drafts", yes_no[self.include_drafts]),
            ("export.made_at", self.made_at),
            ("export.code", self.seal.code),
        ]

    def problems(self) -> list[Problem]:
        """Items that fell short, most groups first (then outline order)."""
        order = {row.group.id: n for n, row in enumerate(self.rows)}
        found: dict[str, tuple[set[str], list[str]]] = {}
        for group, visits in self.visits.items():
            for visit in visits:
                for item_id, note in visit.short:
                    groups, notes = found.setdefault(item_id, (set(), []))
                    groups.add(group)
                    if note.strip() and note.strip() not in notes:
                        notes.append(note.strip())
        index = {item.id: n for n, item in enumerate(self.campaign.items)}
        return [
            Problem(
                self.campaign.item(item_id),
                tuple(sorted(groups, key=lambda g: order.get(g, len(order)))),
                tuple(notes),
            )
            for item_id, (groups, notes) in sorted(
                found.items(), key=lambda kv: (-len(kv[1][0]), index[kv[0]])
            )
        ]

    def section_bests(self) -> list[SectionBest]:
        bests = []
        for section in self.sections:
            bar = section.weight * BEST_SHARE
            groups = tuple(
                row.group.id
                for row in sorted(self.rows, key=lambda r: -r.sections.get(section.id, 0.0))
                if row.sections.get(section.id, 0.0) >= bar and not row.vetoed
            )
            bests.append(SectionBest(section, groups))
        return bests

    def by_tier(self) -> list[tuple[str, list[RankedGroup]]]:
        """(tier id, its groups in rank order) for every tier, best first."""
        return [
            (tier.id, [r for r in self.rows if r.tier.id == tier.id])
            for tier in self.campaign.tiers
        ]

    def methods(self) -> list[str]:
        seen: list[str] = []
        for visits in self.visits.values():
            for visit in visits:
                seen += [m for m in visit.methods if m not in seen]
        return seen


def gather(
    campaign: Campaign,
    folder: Path,
    *,
    calibrated: bool = False,
    include_drafts: bool = False,
    clock: Callable[[], datetime] | None = None,
) -> ExportData:
    """Read the county store in `folder` (inside an open `LocalStore`) and score what counts."""
    found = county_ranking(campaign, folder, include_drafts=include_drafts, calibrated=calibrated)
    counted = {(row.group.id, r.team) for row in found.rows for r in row.teams}
    visits: dict[str, list[Visited]] = {}
    tally = Tally(campaign)
    for slot in sorted(found.slots, key=lambda s: (s.group, s.team)):
        if (slot.group, slot.team) in counted and slot.record is not None:
            visits.setdefault(slot.group, []).append(_visited(tally, slot))
    made = (clock or datetime.now)()
    made = made if made.tzinfo else made.astimezone()  # naive: this machine's own time
    return ExportData(
        campaign=campaign,
        rows=found.rows,
        visits=visits,
        calibration=found.calibration,
        calibrated=found.applied,
        include_drafts=include_drafts,
        coverage=coverage_counts(coverage(campaign, found.slots)),
        warning=found.warning,
        made=made,
        seal=seal(
            campaign,
            found.rows,
            options_of(calibrated=found.applied, include_drafts=include_drafts),
        ),
    )


def _visited(tally: Tally, slot: Slot) -> Visited:
    record = slot.record
    assert record is not None
    data = record.data
    return Visited(
        team=slot.team,
        short=tuple(tally.short(data["answers"])),
        answers=record.answers,
        problems=str(data.get("problems", "")),
        methods=tuple(data.get("methods", ())),
        visit_date=str(data.get("visit_date", "")),
    )

"""Everything an export prints, gathered once from the county store: the writers (xlsx, csv,
html, docx) only lay it out, so every format shows the same figures.

One source of truth: `visits` holds only the visits the ranking counted (`RankedGroup.counted`:
after the lead's choice of a team, conflicts left out, drafts only when asked); the shortfalls of
a group come from one rule (`group_short`), which `problems()` and every writer use.

`Problem` counts the groups that fell short on an item (`group_short`), with the teams' notes on
it: the circular's "common problems".
`SectionBest` names, per section, the groups that reached at least `BEST_SHARE` of its points.
`not_assessed`, `assessed` and `total` say which of the roster's groups the ranking holds.
"""

from __future__ import annotations

import statistics
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from fractions import Fraction
from functools import cached_property
from pathlib import Path

from inspect_tui.domain.calibration import Calibration, describe
from inspect_tui.domain.evidence import EVIDENCE
from inspect_tui.domain.model import Campaign, Group, Item, Section
from inspect_tui.domain.ranking import RankedGroup, describe_rules
from inspect_tui.domain.scoring import Answer, score_item
from inspect_tui.domain.tally import Tally
from inspect_tui.services.results import county_ranking, coverage, coverage_counts, group_coverage
from inspect_tui.storage.county_records import Slot
from inspect_tui.storage.verification import Seal, options_of, seal
from inspect_tui.words.i18n import Lang, join_words, t

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
    strengths: str = ""  # the team's own words on what the group did well
    commendations: tuple[str, ...] = ()  # the outline's commendations the team ticked
    # item -> (file name, sha256) of each evidence file the team's record lists for it
    evidence: dict[str, tuple[tuple[str, str], ...]] = field(default_factory=dict)


@dataclass(frozen=True)
class Shortfall:
    """An item a group fell short on, as counted (`group_short`)."""

    item: str
    notes: tuple[str, ...]  # the notes of the counted teams that fell short on it, team order
    teams: tuple[str, ...]  # those teams


def group_short(campaign: Campaign, visits: Sequence[Visited]) -> tuple[Shortfall, ...]:
    """The items a group fell short on, from its counted visits, in outline order. The one rule
    every export uses (the rules text says it: `coverage.short_rule`):
    - one counted visit (one team, or the team the lead chose): the items it fell short on (lost
      points, a deduction, a veto);
    - several, combined by the campaign's rule (mean or median): an item that carries points
      when its points, combined by that rule over the teams that answered it and found it
      applicable, are below full; a deduction or a veto when any counted team recorded it (the
      ranking vetoes on any).
    Calibration moves totals only, never an item's points: it changes no shortfall."""
    if not visits:
        return ()
    if len(visits) == 1:
        (visit,) = visits
        return tuple(Shortfall(item, _notes([note]), (visit.team,)) for item, note in visit.short)
    short = [dict(v.short) for v in visits]
    average = statistics.median if campaign.merge.combine == "median" else statistics.mean
    found = []
    for item in campaign.items:
        fell = [(v.team, s[item.id]) for v, s in zip(visits, short, strict=True) if item.id in s]
        if not fell:
            continue
        if item.kind in ("check", "scale", "count"):
            scored = [score_item(campaign, item, v.answers.get(item.id)) for v in visits]
            points = [Fraction(s.earned) for s in scored if s.answered and s.applicable]
            if not points or average(points) >= item.points:
                continue
        found.append(
            Shortfall(item.id, _notes(note for _, note in fell), tuple(team for team, _ in fell))
        )
    return tuple(found)


def _notes(notes: Iterable[str]) -> tuple[str, ...]:
    """The notes, each once, trimmed, the empty ones left out."""
    kept: list[str] = []
    for note in notes:
        text = note.strip()
        if text and text not in kept:
            kept.append(text)
    return tuple(kept)


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
    # groups the lead recorded as not assessed, with the reason (roster order)
    not_assessed: list[tuple[Group, str]] = field(default_factory=list)
    missing: list[Group] = field(default_factory=list)  # neither ranked nor recorded
    total: int = 0  # the roster's groups
    dated: date | None = None  # the documents' date when the office gives one (export --date)

    @property
    def assessed(self) -> int:
        """Groups the ranking holds."""
        return len(self.rows)

    def coverage_line(self, lang: Lang) -> str | None:
        """ "2 of 38 groups assessed; …" when groups are missing or not assessed, else None."""
        if not self.not_assessed and not self.missing:
            return None
        return t(
            "coverage.line", lang, assessed=self.assessed, total=self.total,
            left=self.total - self.assessed, skipped=len(self.not_assessed),
            missing=len(self.missing),
        )  # fmt: skip

    def not_assessed_text(self, lang: Lang) -> str:
        """ "甲乡（洪水）、乙乡（…）": the groups not assessed with the lead's reasons."""
        return join_words(
            (
                t("coverage.not_assessed_item", lang, name=group.name.get(lang), reason=reason)
                for group, reason in self.not_assessed
            ),
            lang,
        )

    @cached_property
    def _short(self) -> dict[str, tuple[Shortfall, ...]]:
        return {group: group_short(self.campaign, visits) for group, visits in self.visits.items()}

    def shortfalls(self, group_id: str) -> tuple[Shortfall, ...]:
        """The items the group fell short on, as counted (`group_short`)."""
        return self._short.get(group_id, ())

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
        """The teams whose results the ranking counted."""
        return sorted({r.team for row in self.rows for r in row.counted})

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
            *self.left_out(lang),
            ("export.checklist_hash", self.campaign.checklist_hash),
            ("export.rules", describe_rules(self.campaign, lang)),
            (
                "export.scoring",
                f"{t('export.scoring_rules', lang)} {t('coverage.short_rule', lang)}",
            ),
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

    def left_out(self, lang: Lang) -> list[tuple[str, str]]:
        """(label key, text): which of the roster's groups the ranking leaves out, and why, for
        every export's statement (the HTML says it under its table too), so no reader takes a
        group left out for a ranked one that scored nothing. Empty when none is."""
        line = self.coverage_line(lang)
        if line is None:
            return []
        found = [("export.coverage", line)]
        if self.not_assessed:
            found.append(("export.not_assessed", self.not_assessed_text(lang)))
        if self.missing:
            names = join_words((group.name.get(lang) for group in self.missing), lang)
            found.append(("export.missing", names))
        return found

    def problems(self) -> list[Problem]:
        """Items that fell short, most groups first (then outline order)."""
        order = {row.group.id: n for n, row in enumerate(self.rows)}
        found: dict[str, tuple[set[str], list[str]]] = {}
        for group in self.visits:
            for short in self.shortfalls(group):
                groups, notes = found.setdefault(short.item, (set(), []))
                groups.add(group)
                notes += [note for note in short.notes if note not in notes]
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
    dated: date | None = None,
) -> ExportData:
    """Read the county store in `folder` (inside an open `LocalStore`) and score what counts;
    `dated`: the date the documents bear, instead of the campaign's."""
    found = county_ranking(campaign, folder, include_drafts=include_drafts, calibrated=calibrated)
    counted = {(row.group.id, r.team) for row in found.rows for r in row.counted}
    visits: dict[str, list[Visited]] = {}
    tally = Tally(campaign)
    for slot in sorted(found.slots, key=lambda s: (s.group, s.team)):
        if (slot.group, slot.team) in counted and slot.record is not None:
            visits.setdefault(slot.group, []).append(_visited(tally, slot))
    made = (clock or datetime.now)()
    made = made if made.tzinfo else made.astimezone()  # naive: this machine's own time
    groups = group_coverage(campaign, found.rows, found.view)
    return ExportData(
        campaign=campaign,
        rows=found.rows,
        visits=visits,
        calibration=found.calibration,
        calibrated=found.applied,
        include_drafts=include_drafts,
        coverage=coverage_counts(coverage(campaign, found.slots, found.view.skipped)),
        warning=found.warning,
        made=made,
        seal=seal(
            campaign,
            found.rows,
            options_of(calibrated=found.applied, include_drafts=include_drafts),
        ),
        not_assessed=groups.not_assessed,
        missing=groups.missing,
        total=groups.total,
        dated=dated,
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
        strengths=str(data.get("strengths", "")),
        commendations=tuple(data.get("commendations", ())),
        evidence={
            item: tuple((e["name"], e["sha256"]) for e in answer[EVIDENCE])
            for item, answer in data["answers"].items()
            if answer.get(EVIDENCE)
        },
    )

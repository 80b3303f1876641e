"""What a feedback letter (反馈意见) tells one group, gathered from the data the ranking counted.

A letter is what the group keeps: its total, tier and rank, each section's score beside the
county average, each item that lost points with what it cost and the team's note, the team's
strengths, and the 整改 requirements. The office's letters come from the county data (`ExportData`,
the results the ranking counted, after the lead's choices); a team on site can give a
provisional letter for a visit it has just finalized, from that visit alone: no rank and no
county average, which a laptop does not have, and marked provisional.

Where two teams' results are combined, an item's cost is the mean of what it cost in each
counted visit (as the ranking combines totals), and every team's note is kept, and so is every
evidence file the teams attached to the item (by name and hash, as their records carry them).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from statistics import fmean

from inspect_tui.domain.model import Campaign, Group, Item, Section, Tier
from inspect_tui.domain.scoring import Answer, score_visit
from inspect_tui.reports.dataset import ExportData
from inspect_tui.reports.dataset import Shortfall as Counted


@dataclass(frozen=True)
class SectionLine:
    section: Section
    score: float
    average: float | None  # the county's, over the ranked groups; None on a provisional letter


@dataclass(frozen=True)
class Shortfall:
    item: Item
    lost: float  # points off the total (after section weights); 0 for a veto
    notes: tuple[str, ...]  # the teams' own words, each once
    vetoed: bool = False
    evidence: tuple[tuple[str, str], ...] = ()  # (file name, sha256) of each file, each once


@dataclass(frozen=True)
class Letter:
    group: Group
    total: float
    tier: Tier
    vetoed: bool
    deductions: float
    sections: tuple[SectionLine, ...]
    shortfalls: tuple[Shortfall, ...]
    strengths: tuple[str, ...]
    rank: int | None = None  # None on a provisional letter
    ranked: int = 0  # how many groups were ranked
    provisional: bool = False


def county_letters(data: ExportData) -> list[Letter]:
    """A letter for every ranked group, in rank order."""
    sections = data.sections
    averages = {
        s.id: fmean(row.sections.get(s.id, 0.0) for row in data.rows) if data.rows else 0.0
        for s in sections
    }
    letters = []
    for row in data.rows:
        visits = data.visits.get(row.group.id, [])
        answers = [visit.answers for visit in visits]
        letters.append(
            Letter(
                group=row.group,
                total=row.total,
                tier=row.tier,
                vetoed=row.vetoed,
                deductions=row.deductions,
                sections=tuple(
                    SectionLine(s, row.sections.get(s.id, 0.0), averages[s.id]) for s in sections
                ),
                shortfalls=shortfalls(
                    data.campaign,
                    answers,
                    data.shortfalls(row.group.id),
                    evidence=[visit.evidence for visit in visits],
                ),
                strengths=_distinct(v.strengths for v in visits),
                rank=row.rank,
                ranked=len(data.rows),
            )
        )
    return letters


def provisional_letter(
    campaign: Campaign,
    group: Group,
    answers: dict[str, Answer],
    strengths: str,
    evidence: Mapping[str, Sequence[tuple[str, str]]] | None = None,
) -> Letter:
    """The letter a team gives on site for its finalized visit: its own score only.
    `evidence`: item -> (file name, sha256) of the files the visit lists."""
    score = score_visit(campaign, answers)
    by_id = {s.id: s for s in score.sections}
    return Letter(
        group=group,
        total=score.total,
        tier=score.tier,
        vetoed=score.vetoed,
        deductions=score.deductions,
        sections=tuple(
            SectionLine(s, by_id[s.id].score, None) for s in campaign.sections if s.weight > 0
        ),
        shortfalls=shortfalls(campaign, [answers], evidence=[evidence or {}]),
        strengths=_distinct([strengths]),
        provisional=True,
    )


def shortfalls(
    campaign: Campaign,
    visits: list[dict[str, Answer]],
    counted: Iterable[Counted] | None = None,
    *,
    evidence: Sequence[Mapping[str, Sequence[tuple[str, str]]]] = (),
) -> tuple[Shortfall, ...]:
    """Each item any of `visits` fell short on, in outline order: its mean cost over the visits
    (a visit that did not fall short on it counts 0) and every note once. `counted`: the
    dataset's shortfalls of the group (`ExportData.shortfalls`, the one rule for combined
    teams); an item not among them is left out, so a letter lists what the circular counts.
    `evidence`: per visit, item -> (file name, sha256); every visit's files for the item are
    listed, each content once (the group may answer a finding with what another team saw)."""
    wanted = None if counted is None else {s.item for s in counted}
    lost: dict[str, list[float]] = {}
    notes: dict[str, list[str]] = {}
    vetoed: set[str] = set()
    for answers in visits:
        for entry in score_visit(campaign, answers).lost:
            lost.setdefault(entry.item_id, []).append(entry.lost)
            notes.setdefault(entry.item_id, []).append(entry.note)
            if campaign.item(entry.item_id).kind == "veto":
                vetoed.add(entry.item_id)
    count = max(len(visits), 1)
    return tuple(
        Shortfall(
            item,
            round(sum(lost[item.id]) / count, 2),
            _distinct(notes[item.id]),
            item.id in vetoed,
            _files(files.get(item.id, ()) for files in evidence),
        )
        for item in campaign.items
        if item.id in lost and (wanted is None or item.id in wanted)
    )


def _files(lists: Iterable[Sequence[tuple[str, str]]]) -> tuple[tuple[str, str], ...]:
    seen: dict[str, str] = {}
    for files in lists:
        for name, sha in files:
            seen.setdefault(sha, name)
    return tuple((name, sha) for sha, name in seen.items())


def _distinct(texts: object) -> tuple[str, ...]:
    seen: list[str] = []
    for text in texts:  # type: ignore[attr-defined]
        clean = str(text).strip()
        if clean and clean not in seen:
            seen.append(clean)
    return tuple(seen)

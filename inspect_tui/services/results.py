"""From merged slots to what the lead reads: coverage, and the team results the ranking takes."""

from __future__ import annotations

import gc
from collections.abc import Callable, Collection, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from inspect_tui.domain.calibration import Calibration, apply, calibrate
from inspect_tui.domain.model import Campaign, Group
from inspect_tui.domain.ranking import RankedGroup, TeamResult, rank
from inspect_tui.domain.scoring import VisitScore, score_visit
from inspect_tui.domain.tally import Tally
from inspect_tui.storage.bundle import Bundle, BundleError, read_bundle
from inspect_tui.storage.county import CountyStore, MergeReport
from inspect_tui.storage.county_records import Record, Row, Skipped, Slot
from inspect_tui.storage.keys import trusted_keys
from inspect_tui.storage.store import LocalStore
from inspect_tui.words.i18n import Lang, Lines, Msg

Coverage = Literal["assessed", "draft", "conflict", "missing", "not_assessed"]


def check_bundles(
    campaign: Campaign,
    store: LocalStore,
    files: Sequence[Path],
    *,
    allow_unsigned: bool = False,
    progress: Callable[[Path], None] | None = None,
) -> dict[Path, Bundle | BundleError]:
    """Each file verified (`read_bundle` against the keys the lead trusts), or why it is
    refused; `progress` hears of each file as it is done."""
    trusted = trusted_keys(campaign, store)
    checked: dict[Path, Bundle | BundleError] = {}
    with paused_gc():
        for path in files:
            try:
                checked[path] = read_bundle(path, campaign, trusted, allow_unsigned=allow_unsigned)
            except BundleError as error:
                checked[path] = error
            if progress:
                progress(path)
    return checked


def merge_files(
    campaign: Campaign,
    store: LocalStore,
    county: CountyStore,
    files: Sequence[Path],
    *,
    allow_unsigned: bool = False,
    prefer: Iterable[str] = (),
    progress: Callable[[Path], None] | None = None,
) -> tuple[MergeReport, list[BundleError]]:
    """Check every file first; merge those that pass in one write (a file by file merge would
    rewrite the growing county file each time); the others are refused with their reasons
    and change nothing."""
    checked = check_bundles(
        campaign, store, files, allow_unsigned=allow_unsigned, progress=progress
    )
    accepted = [v for v in checked.values() if isinstance(v, Bundle)]
    refused = [v for v in checked.values() if isinstance(v, BundleError)]
    with paused_gc():
        return county.merge(accepted, prefer), refused


@contextmanager
def paused_gc() -> Iterator[None]:
    """No cycle collection while a merge builds its many small dicts: none of them forms a
    cycle, and each collection would walk all of them again (the merge grew faster than the
    data: 10x the files took up to 14x the time)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def coverage(
    campaign: Campaign, slots: Sequence[Slot], skipped: Collection[str] = ()
) -> dict[tuple[str, str], Coverage]:
    """(group, team) -> assessed / draft / conflict / missing, for every assignment; a visit
    that never came of a group the lead recorded as not assessed (`skipped`) is not_assessed,
    not missing: nobody is waiting for it."""
    found = {(slot.group, slot.team): slot for slot in slots}
    table: dict[tuple[str, str], Coverage] = {}
    for team in campaign.teams:
        for group in team.groups:
            slot = found.get((group, team.id))
            if slot is None:
                table[group, team.id] = "not_assessed" if group in skipped else "missing"
            elif slot.record is None:
                table[group, team.id] = "conflict"
            else:
                table[group, team.id] = "assessed" if slot.record.status == "final" else "draft"
    return table


def team_results(
    campaign: Campaign, slots: Sequence[Slot], *, include_drafts: bool = False
) -> dict[str, list[TeamResult]]:
    """group -> the teams' results that count: finalized visits (and drafts when asked)."""
    results: dict[str, list[TeamResult]] = {}
    tally = Tally(campaign)
    for slot in slots:
        record = slot.record
        if record is None or (record.status != "final" and not include_drafts):
            continue
        score = tally.summary(record.data["answers"])
        results.setdefault(slot.group, []).append(
            TeamResult(
                team=slot.team,
                total=score.total,
                sections=score.sections,
                deductions=score.deductions,
                vetoed=score.vetoed,
                signed=record.signed,
                altered=not record.intact,
                draft=record.status != "final",
            )
        )
    return results


def group_detail(
    campaign: Campaign, slots: Sequence[Slot], group_id: str
) -> list[tuple[str, VisitScore]]:
    """Each team's scored visit of one group (for the ranking's drill-down), team order."""
    return [
        (slot.team, score_visit(campaign, slot.record.answers))
        for slot in sorted(slots, key=lambda s: s.team)
        if slot.group == group_id and slot.record is not None
    ]


def find_bundles(folders: Iterable[Path]) -> list[Path]:
    """The .json files in these folders (not below them), each once, sorted by name."""
    found: dict[Path, Path] = {}
    for folder in folders:
        if folder.is_dir():
            for path in folder.glob("*.json"):
                found.setdefault(path.resolve(), path)
    return sorted(found.values(), key=lambda p: p.name)


COVERAGE_STATES: tuple[Coverage, ...] = ("assessed", "draft", "conflict", "missing", "not_assessed")


def coverage_counts(table: dict[tuple[str, str], Coverage]) -> dict[str, int]:
    """How many assignments are in each coverage state (for summary lines)."""
    return {state: sum(1 for v in table.values() if v == state) for state in COVERAGE_STATES}


@dataclass(frozen=True)
class CountyView:
    """What the county store holds, read once: the slots, the lead's choices, and the records
    changed in the file after they were merged. Rank it as often as needed (`rank_county`)."""

    slots: list[Slot]
    choices: dict[str, str]
    altered: list[Record]
    file: Path  # the county file
    invalid: list[Row] = field(default_factory=list)  # records left out: they cannot be used
    skipped: dict[str, Skipped] = field(default_factory=dict)  # groups recorded not assessed

    def warning_msg(self) -> Msg | None:
        """When the county file was changed by hand, or holds records that cannot be used:
        the warning (a line for each), else None."""
        found = []
        if self.altered:
            records = ", ".join(f"{r.group} · {r.team}" for r in self.altered)
            found.append(
                Msg("county.altered", file=self.file, count=len(self.altered), records=records)
            )
        if self.invalid:
            found.append(
                Msg(
                    "county.invalid",
                    file=self.file,
                    count=len(self.invalid),
                    records=Lines(
                        Msg("county.invalid_record", id=r.id, group=r.group, team=r.team,
                            reason=r.reason or Msg("visit.shape"))
                        for r in self.invalid
                    ),
                )
            )  # fmt: skip
        return Lines(found) if len(found) > 1 else (found[0] if found else None)

    def warning(self, lang: Lang) -> str | None:
        found = self.warning_msg()
        return found.render(lang) if found else None


def view_of(county: CountyStore) -> CountyView:
    """What an open county store holds, read once (after a merge, or to rank)."""
    return CountyView(
        county.slots(), county.choices, county.altered, county.path, list(county.invalid),
        county.skipped,
    )  # fmt: skip


def read_county(campaign: Campaign, folder: Path) -> CountyView:
    county = CountyStore(folder, campaign)
    try:
        return view_of(county)
    finally:
        county.close()


@dataclass(frozen=True)
class GroupCoverage:
    """Which of the roster's groups the ranking holds, and why the others are not in it."""

    total: int  # the roster's groups
    assessed: int  # groups ranked
    not_assessed: list[tuple[Group, str]]  # recorded by the lead, with the reason, roster order
    missing: list[Group]  # neither ranked nor recorded: no counted result yet, roster order
    stale: list[Group]  # recorded not assessed, yet a finalized result is in the store

    def msg(self) -> Msg | None:
        """One line when groups are missing or not assessed (and one more for a record the
        lead should take back), else None."""
        found: list[Msg] = []
        if self.not_assessed or self.missing:
            found.append(
                Msg(
                    "coverage.line", assessed=self.assessed, total=self.total,
                    left=self.total - self.assessed, skipped=len(self.not_assessed),
                    missing=len(self.missing),
                )
            )  # fmt: skip
        if self.stale:
            groups = ", ".join(g.id for g in self.stale)
            found.append(Msg("coverage.stale", count=len(self.stale), groups=groups))
        return Lines(found) if len(found) > 1 else (found[0] if found else None)


def group_coverage(
    campaign: Campaign, rows: Sequence[RankedGroup], view: CountyView
) -> GroupCoverage:
    ranked = {row.group.id for row in rows}
    final = {s.group for s in view.slots if s.record is not None and s.record.status == "final"}
    skipped = view.skipped
    return GroupCoverage(
        total=len(campaign.groups),
        assessed=len(ranked),
        not_assessed=[(g, skipped[g.id].reason) for g in campaign.groups if g.id in skipped],
        missing=[g for g in campaign.groups if g.id not in ranked and g.id not in skipped],
        stale=[g for g in campaign.groups if g.id in skipped and g.id in final],
    )


@dataclass(frozen=True)
class CountyRanking:
    rows: list[RankedGroup]
    view: CountyView
    calibration: Calibration
    applied: bool  # whether the calibration offsets were taken off the totals
    campaign: Campaign | None = None

    @property
    def slots(self) -> list[Slot]:
        return self.view.slots

    @property
    def altered(self) -> list[Record]:
        return self.view.altered

    @property
    def coverage(self) -> GroupCoverage | None:
        if self.campaign is None:
            return None
        return group_coverage(self.campaign, self.rows, self.view)

    def warning_msg(self) -> Msg | None:
        """The county file's warning (records edited by hand or unusable), then the coverage
        line when groups are missing or not assessed."""
        found = [m for m in (self.view.warning_msg(), self._coverage_msg()) if m is not None]
        return Lines(found) if len(found) > 1 else (found[0] if found else None)

    def _coverage_msg(self) -> Msg | None:
        found = self.coverage
        return found.msg() if found is not None and self.rows else None

    def warning(self, lang: Lang) -> str | None:
        found = self.warning_msg()
        return found.render(lang) if found else None


def rank_county(
    campaign: Campaign, view: CountyView, *, include_drafts: bool = False, calibrated: bool = False
) -> CountyRanking:
    """The ranking of what the county store holds, as `rank` and the ranking screen show it:
    the lead's choices applied, the calibration computed and, when asked, applied."""
    results = team_results(campaign, view.slots, include_drafts=include_drafts)
    if view.skipped:  # recorded not assessed: out of the ranking, drafts and all
        results = {g: r for g, r in results.items() if g not in view.skipped}
    found = calibrate(results, [team.id for team in campaign.teams])
    applied = calibrated and found.offsets is not None
    if applied:
        results = apply(results, found.offsets or {}, campaign.outline.total)
    return CountyRanking(rank(campaign, results, view.choices), view, found, applied, campaign)


def county_ranking(
    campaign: Campaign, folder: Path, *, include_drafts: bool = False, calibrated: bool = False
) -> CountyRanking:
    """`rank_county` of the county store in `folder`, read once."""
    view = read_county(campaign, folder)
    return rank_county(campaign, view, include_drafts=include_drafts, calibrated=calibrated)

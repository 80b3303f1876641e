"""The team lead's desk: check the teams' files, merge them, settle conflicts by what the
versions say, record groups not assessed, choose whose result counts for a group two teams
assessed, and rank. Every call reads or writes the county file, so the app runs them in a
worker; each returns plain data (`CheckedFile`, `Conflict`, `CountyView` ...), never an open
store.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from inspect_tui.domain.model import Tier
from inspect_tui.domain.scoring import VisitScore, score_visit
from inspect_tui.services.results import (
    CountyRanking,
    CountyView,
    check_bundles,
    find_bundles,
    group_detail,
    rank_county,
    read_county,
    view_of,
)
from inspect_tui.storage.bundle import Bundle, BundleError
from inspect_tui.storage.county import CountyStore
from inspect_tui.storage.county_records import Record, answer_changes
from inspect_tui.words.errors import InspectError
from inspect_tui.words.i18n import Msg

if TYPE_CHECKING:
    from inspect_tui.services.session import Session


@dataclass(frozen=True)
class CheckedFile:
    """A team's file as checked against the keys the lead trusts: its team, visits and
    signing key when good, the refusal when not. `bundle` is what a merge takes."""

    path: Path
    refusal: InspectError | None
    team: str = ""
    visits: int = 0
    fingerprint: str = ""
    bundle: object = None

    @property
    def good(self) -> bool:
        return self.refusal is None


@dataclass(frozen=True)
class Version:
    """One of the versions of a visit in conflict, with what the lead decides by."""

    source: str  # the signing laptop's fingerprint: what `prefer` takes
    file: str
    revision: int
    status: str
    score: VisitScore
    inspectors: tuple[str, ...]
    visit_date: str
    saved_at: str  # when the team last changed it (UTC, from the file)
    differs: tuple[tuple[str, object], ...]  # (item, this version's value) where versions differ

    @property
    def total(self) -> float:
        return self.score.total

    @property
    def tier(self) -> Tier:
        return self.score.tier


@dataclass(frozen=True)
class Conflict:
    group: str
    team: str
    versions: tuple[Version, ...]


@dataclass(frozen=True)
class Merged:
    view: CountyView
    added: int
    unchanged: int
    dropped: int
    warning: Msg | None


class LeadDesk:
    def __init__(self, session: Session) -> None:
        self.session = session
        self.campaign = session.campaign

    @property
    def folders(self) -> list[Path]:
        """Where the teams' files are looked for first: the exports folder, and the data
        folder's own."""
        found = [self.session.exports, self.session.folder / "exports"]
        return found[:1] if found[0].resolve() == found[1].resolve() else found

    def find(self, folders: Sequence[Path]) -> list[Path]:
        """The .json files in these folders, each once (`OSError` for a folder the system
        cannot even look at)."""
        return find_bundles(folders)

    def check(
        self, paths: Sequence[Path], progress: Callable[[Path], None] | None = None
    ) -> list[CheckedFile]:
        checked = check_bundles(self.campaign, self.session.store, paths, progress=progress)
        return [_checked(path, verdict) for path, verdict in checked.items()]

    def read(self) -> CountyView:
        return read_county(self.campaign, self.session.folder)

    def merge(self, files: Sequence[CheckedFile], prefer: Sequence[str] = ()) -> Merged:
        """The good files in one write (or only the lead's preferred source for a conflict);
        what the county file holds afterwards."""
        bundles = [f.bundle for f in files if f.good and isinstance(f.bundle, Bundle)]
        with CountyStore(self.session.folder, self.campaign) as county:
            report = county.merge(bundles, prefer)
            view = view_of(county)
        return Merged(view, report.added, report.unchanged, report.dropped, view.warning_msg())

    def keep(self, source: str) -> Merged:
        """Settle a conflict: the version signed by `source` is kept."""
        return self.merge([], [source])

    def conflicts(self, view: CountyView) -> list[Conflict]:
        """Every slot in conflict with its versions, each scored, with the answers that differ
        between them."""
        found = []
        for slot in view.slots:
            if slot.record is None and slot.conflict:
                found.append(Conflict(slot.group, slot.team, self._versions(slot.conflict)))
        return found

    def _versions(self, records: Sequence[Record]) -> tuple[Version, ...]:
        answers = [r.answers for r in records]
        # an answer differs among the versions where one of them differs from the first
        first = records[0]
        differ = sorted(
            {item for other in records[1:] for item, _, _ in answer_changes(first, other)}
        )
        return tuple(
            Version(
                source=record.source,
                file=record.source_file,
                revision=record.revision,
                status=record.status,
                score=score_visit(self.campaign, held),
                inspectors=tuple(record.data.get("inspectors", ())),
                visit_date=str(record.data.get("visit_date", "")),
                saved_at=str(record.data.get("updated_at", "")),
                differs=tuple((i, held[i].value if i in held else None) for i in differ),
            )
            for record, held in zip(records, answers, strict=True)
        )

    def skip(self, group: str, reason: str, *, undo: bool = False) -> CountyView:
        """Record a group as not assessed (a flood), or with `undo` take that back."""
        at = datetime.now(UTC).isoformat(timespec="seconds")
        with CountyStore(self.session.folder, self.campaign) as county:
            act = county.unskip if undo else county.skip
            act(group, reason=reason, who=self.session.who, at=at)
            return view_of(county)

    def choose(self, group: str, team: str | None) -> None:
        """Count one team's result for a group several teams assessed (None: the rule)."""
        with CountyStore(self.session.folder, self.campaign) as county:
            county.choose(group, team)

    def rank(self, *, include_drafts: bool = False, calibrated: bool = False) -> CountyRanking:
        return rank_county(
            self.campaign, self.read(), include_drafts=include_drafts, calibrated=calibrated
        )

    def detail(self, ranking: CountyRanking, group: str) -> list[tuple[str, VisitScore]]:
        """Each team's scored visit of one group, for the drill-down."""
        return group_detail(self.campaign, ranking.slots, group)


def _checked(path: Path, verdict: Bundle | BundleError) -> CheckedFile:
    if isinstance(verdict, BundleError):
        return CheckedFile(path, verdict)
    return CheckedFile(
        path, None, verdict.team, len(verdict.visits), verdict.fingerprint, bundle=verdict
    )

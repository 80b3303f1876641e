"""The team lead's county store: every visit record ever merged, and what each slot holds.

A slot is one team's assessment of one group. The store keeps the *set* of visit records it
was given (keyed by visit id, revision and content), and works out each slot from that set, so
merging is idempotent and the order of files never matters:
- a higher revision of the same visit supersedes the lower one (the change is kept as a diff);
- the same revision of a visit with different content, or two different visits of one slot (a
  team on two laptops), is a conflict: the slot is not ranked until the lead prefers one source
  (`--prefer` with the device fingerprint or the file name);
- drafts are kept and reported, and ranked only when asked to (`include_drafts`), marked.

File: `county/<campaign>.json` in the lead's data folder, written through the atomic storage in
one write per merge. A refused bundle changes nothing. Each record keeps the hash of its content:
a record edited in the file afterwards is marked `intact=False`, ranked with the flag `altered`
and reported by every command that reads the store.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tinydb import TinyDB

from inspect_tui.core.atomic import AtomicJSONStorage, canonical
from inspect_tui.core.bundle import Bundle
from inspect_tui.core.model import Campaign
from inspect_tui.core.scoring import Answer

COUNTY_MARKER = {"kind": "inspect-tui/county", "format": 1}


@dataclass(frozen=True)
class Record:
    """One visit as one bundle carried it."""

    visit_id: str
    team: str
    group: str
    revision: int
    status: str
    content: str  # sha256 of the record without its audit
    source: str  # the bundle's fingerprint
    source_file: str
    signed: bool
    data: dict[str, Any] = field(compare=False, hash=False, repr=False)
    intact: bool = field(default=True, compare=False)  # the data still hash to `content`

    @property
    def answers(self) -> dict[str, Answer]:
        return {k: Answer(v["value"], v.get("note", "")) for k, v in self.data["answers"].items()}


@dataclass(frozen=True)
class Slot:
    team: str
    group: str
    record: Record | None  # None while in conflict
    conflict: tuple[Record, ...] = ()
    history: tuple[Record, ...] = ()  # earlier revisions of the chosen visit, oldest first


@dataclass
class MergeReport:
    added: int = 0
    unchanged: int = 0


def content_of(visit: dict[str, Any]) -> str:
    """sha256 of a visit's record without its audit: what identifies its content."""
    body = {k: v for k, v in visit.items() if k != "audit"}
    return hashlib.sha256(canonical(body)).hexdigest()


def record_of(bundle: Bundle, visit: dict[str, Any]) -> Record:
    source = bundle.fingerprint or "unsigned"
    return _record(visit, content_of(visit), source, bundle.path.name, bundle.signed)


def _newness(record: Record) -> tuple[int, bool, str]:
    """Which of a visit's records is the latest: the higher revision; at one revision the
    final one (a team exported a draft, then finalized and exported again); between drafts of
    one revision the later saved (the same draft exported on Monday and on Wednesday). Two
    different records that are equally new (a revision finalized twice, differently) are a
    conflict the lead settles."""
    final = record.status == "final"
    return (record.revision, final, "" if final else str(record.data.get("updated_at", "")))


def _record(
    visit: dict[str, Any],
    content: str,
    source: str,
    source_file: str,
    signed: bool,
    intact: bool = True,
) -> Record:
    """A record whose identity (visit, team, group, revision, status) is read from the visit
    itself, the part its content hash covers: the same on merging and on loading."""
    return Record(
        visit_id=visit["id"],
        team=visit["team"],
        group=visit["group"],
        revision=int(visit.get("revision", 1)),
        status=visit["status"],
        content=content,
        source=source,
        source_file=source_file,
        signed=signed,
        data=visit,
        intact=intact,
    )


class CountyStore:
    """Merged results of one campaign. Open it inside an open `LocalStore` (which holds the
    data folder's lock)."""

    def __init__(self, folder: Path, campaign: Campaign) -> None:
        self.campaign = campaign
        path = folder / "county" / f"{campaign.id}.json"
        path.parent.mkdir(parents=True, exist_ok=True)
        self.path = path
        self._db = TinyDB(path, storage=AtomicJSONStorage, marker=COUNTY_MARKER)
        self._records = {self._key(r): r for r in self._load()}

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> CountyStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- merging -------------------------------------------------------------------------------
    def merge(self, bundles: Iterable[Bundle], prefer: Iterable[str] = ()) -> MergeReport:
        """Add every visit of the (already verified) bundles, and the lead's preferences, in
        one write."""
        report = MergeReport()
        new: dict[tuple, Record] = {}
        for bundle in bundles:
            for visit in bundle.visits:
                record = record_of(bundle, visit)
                key = self._key(record)
                if key in self._records or key in new:
                    report.unchanged += 1
                else:
                    new[key] = record
                    report.added += 1
        preferences = sorted(set(prefer) - set(self.preferences))
        if not new and not preferences:
            return report
        storage: AtomicJSONStorage = self._db.storage  # type: ignore[assignment]
        with storage.transaction():
            table = self._db.table("records", cache_size=0)
            # one insert for all: TinyDB rebuilds the table on every insert
            table.insert_multiple(self._doc(r) for r in sorted(new.values(), key=self._key))
            if preferences:
                self._db.table("prefer", cache_size=0).insert({"sources": preferences})
        self._records.update(new)
        return report

    def choose(self, group: str, team: str | None) -> None:
        """The lead's choice of whose result counts for a group seen by several teams (None:
        back to the campaign's rule)."""
        storage: AtomicJSONStorage = self._db.storage  # type: ignore[assignment]
        with storage.transaction():
            table = self._db.table("choices", cache_size=0)
            table.remove(lambda doc: doc.get("group") == group)
            if team is not None:
                table.insert({"group": group, "team": team})

    @property
    def choices(self) -> dict[str, str]:
        return {row["group"]: row["team"] for row in self._db.table("choices", cache_size=0).all()}

    @property
    def preferences(self) -> list[str]:
        rows = self._db.table("prefer", cache_size=0).all()
        return sorted({s for row in rows for s in row.get("sources", [])})

    # -- what the slots hold -------------------------------------------------------------------
    def slots(self) -> list[Slot]:
        by_slot: dict[tuple[str, str], list[Record]] = {}
        for record in self._records.values():
            by_slot.setdefault((record.team, record.group), []).append(record)
        preferred = set(self.preferences)
        return [
            self._slot(team, group, records, preferred)
            for (team, group), records in sorted(by_slot.items())
        ]

    def _slot(self, team: str, group: str, records: list[Record], preferred: set[str]) -> Slot:
        newest: dict[str, tuple] = {}
        for record in records:
            newest[record.visit_id] = max(newest.get(record.visit_id, ()), _newness(record))
        candidates = sorted(
            (r for r in records if _newness(r) == newest[r.visit_id]), key=self._key
        )
        chosen = [r for r in candidates if r.source in preferred or r.source_file in preferred]
        if len(candidates) > 1 and len(chosen) == 1:
            candidates = chosen
        if len(candidates) > 1:
            return Slot(team, group, None, tuple(candidates))
        record = candidates[0]
        history = sorted(
            (r for r in records if r.visit_id == record.visit_id and r.revision < record.revision),
            key=lambda r: r.revision,
        )
        return Slot(team, group, record, (), tuple(history))

    # -- storage -------------------------------------------------------------------------------
    @staticmethod
    def _key(record: Record) -> tuple[str, int, str]:
        return (record.visit_id, record.revision, record.content)

    @staticmethod
    def _doc(record: Record) -> dict[str, Any]:
        return {
            "visit_id": record.visit_id,
            "team": record.team,
            "group": record.group,
            "revision": record.revision,
            "status": record.status,
            "content": record.content,
            "source": record.source,
            "source_file": record.source_file,
            "signed": record.signed,
            "data": record.data,
        }

    def _load(self) -> list[Record]:
        """The merged records; one whose data no longer hash to its content was changed in
        the file after it was merged (by hand, or by another program) and is marked. The
        top-level copies of a record's identity in the file are for people reading it; the
        store reads the visit's own fields."""
        records = []
        for row in self._db.table("records", cache_size=0).all():
            data, content = row["data"], row["content"]
            intact = content_of(data) == content
            source, source_file, signed = row["source"], row["source_file"], row["signed"]
            records.append(_record(data, content, source, source_file, signed, intact))
        return records

    @property
    def altered(self) -> list[Record]:
        """Records changed in the county file after they were merged."""
        return sorted((r for r in self._records.values() if not r.intact), key=self._key)


def answer_changes(older: Record, newer: Record) -> list[tuple[str, object, object]]:
    """(item, old value, new value) for every answer a newer revision changed."""
    old, new = older.answers, newer.answers
    return [
        (item, old[item].value if item in old else None, new[item].value if item in new else None)
        for item in sorted(set(old) | set(new))
        if (old.get(item) or Answer(None)).value != (new.get(item) or Answer(None)).value
    ]

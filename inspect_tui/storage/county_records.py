"""What the county store holds and hands out, as values: a visit as one bundle carried it
(`Record`), what a row of the county file says of itself (`Row`), a row of `county list`
(`Listed`), a record the lead dropped (`Dropped`), a group not assessed (`Skipped`), what a slot
holds (`Slot`); and how a record is identified: its content hash, the id the lead types, which
of a visit's records is newest, what a newer revision changed.

Apart from `county` (the store: merging, dropping, skipping, working out the slots) because the
services and the reports read these values without the store behind them.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Any

from inspect_tui.domain.scoring import Answer
from inspect_tui.storage.atomic import canonical
from inspect_tui.storage.bundle import Bundle
from inspect_tui.words.i18n import Msg

ID_LENGTH = 12  # hex digits of a record's content hash that name it to the lead


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

    @property
    def id(self) -> str:
        return self.content[:ID_LENGTH]


@dataclass(frozen=True)
class Row:
    """A row of the county file as it describes itself, as far as it does: for listing and
    dropping rows, and for those that cannot be used (`reason` says why)."""

    id: str
    team: str
    group: str
    revision: object
    source_file: str
    reason: Msg | None
    content: str = field(default="", repr=False)  # the hash of what the row holds now


@dataclass(frozen=True)
class Listed:
    """A row of `county list`."""

    id: str
    team: str
    group: str
    revision: object
    status: str
    source_file: str
    state: str  # counted, superseded, conflict or invalid
    altered: bool = False
    reason: Msg | None = None


@dataclass(frozen=True)
class Dropped:
    """A record the lead took out on purpose: who, when and why."""

    id: str
    team: str
    group: str
    at: str
    who: str
    reason: str
    content: str = field(default="", repr=False)  # merged again, this content stays out


@dataclass(frozen=True)
class Skipped:
    """A group the lead recorded as not assessed: why, who and when."""

    group: str
    reason: str
    who: str
    at: str


@dataclass(frozen=True)
class Slot:
    team: str
    group: str
    record: Record | None  # None while in conflict
    conflict: tuple[Record, ...] = ()
    history: tuple[Record, ...] = ()  # earlier revisions of the chosen visit, oldest first


def content_of(visit: dict[str, Any]) -> str:
    """sha256 of a visit's record without its audit: what identifies its content."""
    body = {k: v for k, v in visit.items() if k != "audit"}
    return hashlib.sha256(canonical(body)).hexdigest()


def record_of(bundle: Bundle, visit: dict[str, Any]) -> Record:
    source = bundle.fingerprint or "unsigned"
    return make_record(visit, content_of(visit), source, bundle.path.name, bundle.signed)


def newness(record: Record) -> tuple[int, bool, str]:
    """Which of a visit's records is the latest: the higher revision; at one revision the
    final one (a team exported a draft, then finalized and exported again); between drafts of
    one revision the later saved (the same draft exported on Monday and on Wednesday). Two
    different records that are equally new (a revision finalized twice, differently) are a
    conflict the lead settles."""
    final = record.status == "final"
    return (record.revision, final, "" if final else str(record.data.get("updated_at", "")))


def make_record(
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


def row_id(row: dict[str, Any]) -> str:
    """How the lead names a row: its stored content hash, cut short (a row without one is
    named by what it holds)."""
    content = row.get("content")
    if isinstance(content, str) and content:
        return content[:ID_LENGTH].lower()
    return data_hash(row)[:ID_LENGTH]


def data_hash(row: dict[str, Any]) -> str:
    """The hash of what a row holds now: its visit's content hash, as a bundle would give it,
    so that dropping a record hand-edited in the file does not keep its true content out."""
    data = row.get("data")
    try:
        return content_of(data) if isinstance(data, dict) else _hash(row)
    except TypeError:  # not JSON (orjson's error is a TypeError): name it by its text
        return hashlib.sha256(repr(row).encode("utf-8", "replace")).hexdigest()


def _hash(value: Any) -> str:
    return hashlib.sha256(canonical(value)).hexdigest()


def dropped_of(row: dict[str, Any]) -> Dropped:
    inner = row.get("row") if isinstance(row.get("row"), dict) else {}
    data = inner.get("data") if isinstance(inner.get("data"), dict) else {}

    def text(value: object) -> str:
        return value if isinstance(value, str) else "?"

    return Dropped(
        id=text(row.get("id")),
        team=text(data.get("team")),
        group=text(data.get("group")),
        at=text(row.get("at")),
        who=text(row.get("who")),
        reason=text(row.get("reason")),
        content=text(row.get("content")),
    )


def answer_changes(older: Record, newer: Record) -> list[tuple[str, object, object]]:
    """(item, old value, new value) for every answer a newer revision changed."""
    old, new = older.answers, newer.answers
    return [
        (item, old[item].value if item in old else None, new[item].value if item in new else None)
        for item in sorted(set(old) | set(new))
        if (old.get(item) or Answer(None)).value != (new.get(item) or Answer(None)).value
    ]

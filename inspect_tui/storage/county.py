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

Every record is checked again when the file is loaded (`bundle.visit_problem`: shape, team and
group, checklist version, every answer against its item). A record that fails is put in
`invalid`: left out of the slots and so of the ranking, listed with its reason, and never a
reason for `rank`, `export` or the app to stop. The lead can drop any record on purpose (`drop`,
with a reason): it moves to the `dropped` table with who, when and why, the same content merged
again stays out, and `restore` brings it back; both are kept in the file's `audit` table.

The lead can also record a group as not assessed (`skip`, with a reason: a flood, a leader who
could not be reached) and take that back (`unskip`), both in the `audit` table too. Skipping is
refused for a group that has a finalized result in the store (drop it first, or let it count);
a skipped group stays out of the ranking, drafts included, until it is unskipped, even if a
finalized result is merged for it later (the ranking's warning says so).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tinydb import TinyDB

from inspect_tui.domain.model import Campaign
from inspect_tui.storage.atomic import AtomicJSONStorage
from inspect_tui.storage.bundle import Bundle, visit_problem
from inspect_tui.storage.county_records import (
    Dropped,
    Listed,
    Record,
    Row,
    Skipped,
    Slot,
    content_of,
    data_hash,
    dropped_of,
    make_record,
    newness,
    record_of,
    row_id,
)
from inspect_tui.words.errors import StoreError
from inspect_tui.words.i18n import Msg
from inspect_tui.words.text import check_text

COUNTY_MARKER = {"kind": "inspect-tui/county", "format": 1}
MIN_ID = 6  # the fewest a lead may type (git's habit): still unique among a county's records


@dataclass
class MergeReport:
    added: int = 0
    unchanged: int = 0
    dropped: int = 0  # records the lead had dropped, offered again and kept out


class CountyStore:
    """Merged results of one campaign. Open it inside an open `LocalStore` (which holds the
    data folder's lock)."""

    def __init__(self, folder: Path, campaign: Campaign) -> None:
        self.campaign = campaign
        path = folder / "county" / f"{campaign.id}.json"
        path.parent.mkdir(parents=True, exist_ok=True)
        self.path = path
        self._db = TinyDB(path, storage=AtomicJSONStorage, marker=COUNTY_MARKER)
        self._records: dict[tuple[str, int, str], Record] = {}
        self.invalid: list[Row] = []
        self._load()

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
        dropped = {d.content for d in self._dropped_rows()}
        for bundle in bundles:
            for visit in bundle.visits:
                record = record_of(bundle, visit)
                key = self._key(record)
                if record.content in dropped:
                    report.dropped += 1
                elif key in self._records or key in new:
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
        """group -> team, for the rows a person could have meant (a damaged row is ignored)."""
        rows = self._db.table("choices", cache_size=0).all()
        found = {row.get("group"): row.get("team") for row in rows}
        return {g: t for g, t in found.items() if isinstance(g, str) and isinstance(t, str)}

    @property
    def preferences(self) -> list[str]:
        rows = self._db.table("prefer", cache_size=0).all()
        sources = (row.get("sources") for row in rows)
        return sorted(
            {s for each in sources if isinstance(each, list) for s in each if isinstance(s, str)}
        )

    # -- dropping on purpose -------------------------------------------------------------------
    def drop(self, record_id: str, *, reason: str, who: str, at: str) -> Record | Row:
        """Take one record (valid or not) out of the county file on purpose: it moves to the
        `dropped` table with who, when and why, in one write; `StoreError` naming the id when it
        matches no record or more than one."""
        reason = reason.strip()
        if not reason:
            raise StoreError("county.reason_required")
        table = self._db.table("records", cache_size=0)
        found = self._find(record_id, [(row.doc_id, row_id(row)) for row in table.all()])
        row = table.get(doc_id=found)
        assert row is not None
        target = self._describe(dict(row))
        storage: AtomicJSONStorage = self._db.storage  # type: ignore[assignment]
        with storage.transaction():
            table.remove(doc_ids=[found])
            self._db.table("dropped", cache_size=0).insert(
                {"id": target.id, "content": target.content, "at": at, "who": who,
                 "reason": reason, "row": dict(row)}
            )  # fmt: skip
            self._log("drop", target.id, who, at, reason)
        self._reload()
        return target

    def restore(self, record_id: str, *, reason: str, who: str, at: str) -> Dropped:
        """Bring a dropped record back (checked again like every record on loading)."""
        reason = reason.strip()
        if not reason:
            raise StoreError("county.reason_required")
        table = self._db.table("dropped", cache_size=0)
        rows = {row.doc_id: row for row in table.all()}
        found = self._find(record_id, [(d, str(r.get("id", ""))) for d, r in rows.items()])
        entry = dropped_of(rows[found])
        storage: AtomicJSONStorage = self._db.storage  # type: ignore[assignment]
        with storage.transaction():
            table.remove(doc_ids=[found])
            if isinstance(rows[found].get("row"), dict):
                self._db.table("records", cache_size=0).insert(rows[found]["row"])
            self._log("restore", entry.id, who, at, reason)
        self._reload()
        return entry

    # -- groups not assessed -------------------------------------------------------------------
    def skip(self, group: str, *, reason: str, who: str, at: str) -> Skipped:
        """Record `group` as not assessed, with why (kept in the audit); `StoreError` when the
        group is not in the roster, is skipped already, or has a finalized result."""
        reason = _reason(reason)
        if group not in {g.id for g in self.campaign.groups}:
            raise StoreError("county.no_group", group=group)
        if group in self.skipped:
            raise StoreError("county.already_skipped", group=group)
        for slot in self.slots():
            if slot.group == group and slot.record is not None and slot.record.status == "final":
                team = self.campaign.team(slot.team).name  # as people call it, not its id
                name = self.campaign.group(group).name
                raise StoreError("county.skip_counted", group=name, team=team)
        entry = Skipped(group, reason, who, at)
        storage: AtomicJSONStorage = self._db.storage  # type: ignore[assignment]
        with storage.transaction():
            self._db.table("skipped", cache_size=0).insert(
                {"group": group, "reason": reason, "who": who, "at": at}
            )
            self._log_group("skip", group, who, at, reason)
        return entry

    def unskip(self, group: str, *, reason: str, who: str, at: str) -> Skipped:
        """Take back a group's "not assessed" (why kept in the audit); the entry taken back."""
        reason = _reason(reason)
        entry = self.skipped.get(group)
        if entry is None:
            raise StoreError("county.not_skipped", group=group)
        storage: AtomicJSONStorage = self._db.storage  # type: ignore[assignment]
        with storage.transaction():
            self._db.table("skipped", cache_size=0).remove(lambda doc: doc.get("group") == group)
            self._log_group("unskip", group, who, at, reason)
        return entry

    @property
    def skipped(self) -> dict[str, Skipped]:
        """group -> why it was not assessed, for the roster's groups (a damaged row is
        ignored, as for the choices)."""
        roster = {g.id for g in self.campaign.groups}
        found: dict[str, Skipped] = {}
        for row in self._db.table("skipped", cache_size=0).all():
            group, reason = row.get("group"), row.get("reason")
            if isinstance(group, str) and group in roster and isinstance(reason, str):
                who, at = row.get("who"), row.get("at")
                found[group] = Skipped(
                    group, reason, who if isinstance(who, str) else "?",
                    at if isinstance(at, str) else "?",
                )  # fmt: skip
        return found

    def _log_group(self, action: str, group: str, who: str, at: str, reason: str) -> None:
        entry = {"action": action, "group": group, "who": who, "at": at, "reason": reason}
        self._db.table("audit", cache_size=0).insert(entry)

    def listing(self) -> list[Listed]:
        """Every row of the file with what becomes of it (for `county list`): counted,
        superseded (an older revision or draft of a visit), conflict, or invalid with why."""
        state: dict[tuple[str, int, str], str] = {}
        for slot in self.slots():
            for record in slot.conflict:
                state[self._key(record)] = "conflict"
            if slot.record is not None:
                state[self._key(slot.record)] = "counted"
        found = [
            Listed(
                id=r.id, team=r.team, group=r.group, revision=r.revision, status=r.status,
                source_file=r.source_file, state=state.get(key, "superseded"),
                altered=not r.intact,
            )
            for key, r in sorted(self._records.items(), key=lambda kv: (kv[1].group, kv[1].team))
        ]  # fmt: skip
        found += [
            Listed(
                id=r.id, team=r.team, group=r.group, revision=r.revision, status="?",
                source_file=r.source_file, state="invalid", reason=r.reason,
            )
            for r in self.invalid
        ]  # fmt: skip
        return found

    @property
    def dropped(self) -> list[Dropped]:
        return self._dropped_rows()

    def _dropped_rows(self) -> list[Dropped]:
        return [dropped_of(row) for row in self._db.table("dropped", cache_size=0).all()]

    def _find(self, wanted: str, ids: list[tuple[int, str]]) -> int:
        wanted = wanted.strip().lower()
        if len(wanted) < MIN_ID:
            raise StoreError("county.id_short", id=wanted, digits=MIN_ID)
        matches = [doc_id for doc_id, ident in ids if ident.startswith(wanted)]
        if len(matches) != 1:
            key = "county.no_record" if not matches else "county.ambiguous"
            raise StoreError(key, id=wanted, count=len(matches))
        return matches[0]

    def _log(self, action: str, record_id: str, who: str, at: str, reason: str) -> None:
        entry = {"action": action, "id": record_id, "who": who, "at": at, "reason": reason}
        self._db.table("audit", cache_size=0).insert(entry)

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
            newest[record.visit_id] = max(newest.get(record.visit_id, ()), newness(record))
        candidates = sorted((r for r in records if newness(r) == newest[r.visit_id]), key=self._key)
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

    def _reload(self) -> None:
        self._records.clear()
        self.invalid.clear()
        self._load()

    def _load(self) -> None:
        """The merged records, each checked again; one whose data no longer hash to its content
        was changed in the file after it was merged (by hand, or by another program) and is
        marked; one that cannot be used at all is `Row`. The top-level copies of a record's
        identity in the file are for people reading it; the store reads the visit's own fields."""
        for row in self._db.table("records", cache_size=0).all():
            doc = dict(row)
            data, content = doc.get("data"), doc.get("content")
            source, source_file, signed = (
                doc.get("source"),
                doc.get("source_file"),
                doc.get("signed"),
            )
            if not (
                isinstance(content, str) and isinstance(source, str)
                and isinstance(source_file, str) and isinstance(signed, bool)
            ):  # fmt: skip
                self.invalid.append(self._describe(doc, Msg("visit.shape")))
                continue
            problem = visit_problem(self.campaign, data)
            if problem is not None:
                self.invalid.append(self._describe(doc, problem))
                continue
            assert isinstance(data, dict)
            try:
                intact = content_of(data) == content
            except TypeError:  # a value JSON cannot write back (nested too deep): unusable
                self.invalid.append(self._describe(doc, Msg("visit.shape")))
                continue
            record = make_record(data, content, source, source_file, signed, intact)
            self._records[self._key(record)] = record

    @staticmethod
    def _describe(doc: dict[str, Any], reason: Msg | None = None) -> Row:
        """What a row says of itself, as far as it says it (for listing and dropping)."""
        data = doc.get("data") if isinstance(doc.get("data"), dict) else {}
        assert isinstance(data, dict)

        def text(value: object) -> str:
            return value if isinstance(value, str) else "?"

        return Row(
            id=row_id(doc),
            team=text(data.get("team", doc.get("team"))),
            group=text(data.get("group", doc.get("group"))),
            revision=data.get("revision", doc.get("revision", "?")),
            source_file=text(doc.get("source_file")),
            reason=reason,
            content=data_hash(doc),
        )

    @property
    def altered(self) -> list[Record]:
        """Records changed in the county file after they were merged."""
        return sorted((r for r in self._records.values() if not r.intact), key=self._key)


def _reason(reason: str) -> str:
    """A reason the lead gave for the audit: text on one line, not empty."""
    reason = check_text(reason, "--reason").strip()
    if not reason:
        raise StoreError("county.reason_required")
    return reason

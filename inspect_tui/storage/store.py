"""The team laptop's local store: visits, their answers and an append-only audit.

Layout of a data folder (one writer at a time, see `lock`):
    .lock                 who holds the folder
    settings.json         this laptop's choices (team per campaign, language, ...)
    visits/<uuid>.json    one file per visit, with TinyDB tables `visit`, `answers`, `audit`
    evidence/<sha256>.jpg evidence files kept by content (`storage.evidence`); an answer row
                          lists those of its item (`store_evidence`)

A file per visit keeps every save proportional to one visit (about 60 answers), not to all the
laptop holds, and a damaged file costs one visit, not the season. Every file is written through
`AtomicJSONStorage`; one user action (an answer, its audit entry, the visit's new time) is one
write. A damaged or foreign visit file is listed in `LocalStore.damaged` and never written to.

The answers, finalizing and the evidence lists are parts of `LocalStore` in files of their own
(`store_answers`, `store_finalize`, `store_evidence`); what a visit file's rows must hold is
`store_rows`'.

Public API: `LocalStore`, `KEEP` (what `set_answer` takes to leave an answer as it is) and the
`Visit`, `AuditEntry` records.
"""

from __future__ import annotations

import contextlib
import threading
import uuid
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from tinydb import Query, TinyDB
from tinydb.table import Document

from inspect_tui.domain.model import Campaign
from inspect_tui.domain.visit import HEADER_FIELDS, LISTS, REMARKS, AuditEntry, Visit
from inspect_tui.storage.atomic import TEMP_SUFFIX, AtomicJSONStorage
from inspect_tui.storage.lock import FolderLock, current_user
from inspect_tui.storage.store_answers import KEEP as KEEP
from inspect_tui.storage.store_answers import AnswerRows
from inspect_tui.storage.store_evidence import EvidenceRows
from inspect_tui.storage.store_finalize import FinalizeVisits
from inspect_tui.storage.store_rows import STRETCHES, plain, read_visit, replace_row
from inspect_tui.words.errors import InspectError, StoreError, VisitLocked
from inspect_tui.words.text import check_text

STORE_FORMAT = 1
VISIT_MARKER = {"kind": "inspect-tui/visit", "format": STORE_FORMAT}
SETTINGS_MARKER = {"kind": "inspect-tui/settings", "format": STORE_FORMAT}


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="milliseconds")


class LocalStore(AnswerRows, FinalizeVisits, EvidenceRows):
    """All persistence of a team laptop. Safe to call from worker threads.

    Opening takes the folder's lock (`StoreLocked` if another instance has it); `close()` or the
    end of a `with` block gives it back.
    """

    def __init__(
        self,
        folder: Path | str,
        *,
        who: str | None = None,
        clock: Callable[[], str] | None = None,
        new_id: Callable[[], str] | None = None,
    ) -> None:
        """`clock` and `new_id` default to UTC now and UUID4; tests pass fixed ones so that
        receipts and screenshots come out the same every run."""
        self.folder = Path(folder)
        self.who = who or current_user()
        self.now = clock or now
        self.new_id = new_id or (lambda: str(uuid.uuid4()))
        self.damaged: list[InspectError] = []
        self._mutex = threading.RLock()
        self._dbs: dict[str, TinyDB] = {}
        self._visits: dict[str, Visit] = {}
        self._answer_ids: dict[str, dict[str, int]] = {}
        try:
            (self.folder / "visits").mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StoreError("store.folder_failed", path=self.folder, reason=exc.strerror) from exc
        self._lock = FolderLock(self.folder)
        self._lock.acquire()
        try:
            self._settings: TinyDB | None = self._open_db(
                self.folder / "settings.json", SETTINGS_MARKER
            )
            try:
                self._settings.table("settings").all()
            except StoreError as exc:  # only preferences: work on, never overwrite the file
                self.damaged.append(exc)
                self._settings = None
            self._load_visits()
        except BaseException:
            self.close()
            raise

    # -- life cycle ----------------------------------------------------------------------------
    def close(self) -> None:
        with self._mutex:
            for db in self._dbs.values():
                db.close()
            self._dbs.clear()
            self._lock.release()

    def __enter__(self) -> LocalStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- settings ------------------------------------------------------------------------------
    def setting(self, key: str, default: Any = None) -> Any:
        """A remembered choice, or `default` (also while settings.json is damaged)."""
        with self._mutex:
            if self._settings is None:
                return default
            doc = self._settings.table("settings", cache_size=0).get(Query().key == key)
            return default if doc is None else doc.get("value", default)

    def set_setting(self, key: str, value: Any) -> None:
        """Remember a choice. `StoreError` while settings.json is damaged (it is never
        overwritten: someone may want what is in it)."""
        with self._mutex:
            if self._settings is None:
                raise self.damaged_settings()
            table = self._settings.table("settings", cache_size=0)
            table.upsert({"key": key, "value": value}, Query().key == key)

    def damaged_settings(self) -> StoreError:
        path = self.folder / "settings.json"
        return next(
            (e for e in self.damaged if isinstance(e, StoreError) and e.params.get("path") == path),
            StoreError("store.corrupt", path=path, reason="?"),
        )

    # -- visits --------------------------------------------------------------------------------
    def visits(self, campaign_id: str | None = None, team: str | None = None) -> list[Visit]:
        with self._mutex:
            return sorted(
                (
                    v
                    for v in self._visits.values()
                    if (campaign_id is None or v.campaign_id == campaign_id)
                    and (team is None or v.team == team)
                ),
                key=lambda v: (v.campaign_id, v.team, v.group, v.created_at),
            )

    def visit(self, visit_id: str) -> Visit:
        with self._mutex:
            try:
                return self._visits[visit_id]
            except KeyError:
                raise StoreError("store.no_visit", visit=visit_id) from None

    def find_visit(self, campaign_id: str, team: str, group: str) -> Visit | None:
        with self._mutex:
            return next(
                (
                    v
                    for v in self._visits.values()
                    if (v.campaign_id, v.team, v.group) == (campaign_id, team, group)
                ),
                None,
            )

    def start_visit(
        self,
        campaign: Campaign,
        team: str,
        group: str,
        *,
        inspectors: Iterable[str] = (),
        methods: Iterable[str] = (),
        visit_date: str = "",
    ) -> Visit:
        """A new draft visit; `StoreError` if this team already has one for the group."""
        with self._mutex:
            known_team = next((t for t in campaign.teams if t.id == team), None)
            if known_team is None or group not in known_team.groups:
                raise StoreError("store.not_assigned", team=team, group=group, campaign=campaign.id)
            if self.find_visit(campaign.id, team, group):
                raise StoreError("store.visit_exists", team=team, group=group)
            stamp = self.now()
            visit = Visit(
                id=self.new_id(),
                campaign_id=campaign.id,
                checklist_hash=campaign.checklist_hash,
                team=team,
                group=group,
                created_at=stamp,
                updated_at=stamp,
                visit_date=visit_date,
                inspectors=tuple(inspectors),
                methods=tuple(methods),
            )
            self._dbs[visit.id] = self._open_db(self._visit_path(visit.id), VISIT_MARKER)
            try:
                with self._saving(visit) as db:
                    self._audit(db, visit, "create", new={"team": team, "group": group})
            except BaseException:
                del self._dbs[visit.id]
                raise
            return visit

    def update_visit(self, visit_id: str, *, stretch: bool = False, **changes: Any) -> Visit:
        """Change header fields (date, inspectors, methods, remarks, representative).

        `stretch`: text being typed (the finalize dialog's remarks), saved on every change and
        audited once per editing stretch, as `set_answer` does for notes."""
        with self._mutex:
            visit = self._editable(visit_id)
            unknown = set(changes) - set(HEADER_FIELDS)
            if unknown:
                raise ValueError(f"not header fields: {sorted(unknown)}")
            for key, value in changes.items():
                if key in LISTS:
                    if isinstance(value, str) or not all(isinstance(v, str) for v in value):
                        raise TypeError(f"{key} must be a list of names, not {value!r}")
                    changes[key] = tuple(check_text(v, key) for v in value)
                else:
                    changes[key] = check_text(value, key, multiline=key in REMARKS)
            new = replace(visit, **changes, updated_at=self.now())
            with self._saving(new) as db:
                edits = db.table(STRETCHES, cache_size=0)
                for key, value in changes.items():
                    old = getattr(visit, key)
                    if old == value:
                        continue
                    begun = edits.get(Query().field == key)
                    if stretch and begun is None:
                        edits.insert({"field": key, "was": plain(old)})
                    elif not stretch:
                        if begun is not None:
                            old = begun["was"]
                            edits.remove(doc_ids=[begun.doc_id])
                        self._audit(
                            db, visit, "header", subject=key, old=plain(old), new=plain(value)
                        )
            return new

    def end_header_stretch(self, visit_id: str) -> None:
        """Close the header's editing stretches: one audit entry per field typed in."""
        with self._mutex:
            visit = self.visit(visit_id)
            db = self._db(visit_id)
            edits = db.table(STRETCHES, cache_size=0)
            begun = edits.all()
            if not begun:
                return
            with self._saving(visit):
                for row in begun:
                    now_ = plain(getattr(visit, row["field"]))
                    if row["was"] != now_:
                        self._audit(
                            db, visit, "header", subject=row["field"], old=row["was"], new=now_
                        )
                edits.truncate()

    def set_position(self, visit_id: str, item_id: str) -> None:
        """Remember where the user is, so reopening the visit returns there (not audited)."""
        with self._mutex:
            visit = self.visit(visit_id)
            if visit.position == item_id or visit.final:  # a finalized file stays as it was
                return
            with self._saving(replace(visit, position=item_id)):
                pass

    # -- audit -------------------------------------------------------------------------------
    def audit(self, visit_id: str) -> list[AuditEntry]:
        with self._mutex:
            self.visit(visit_id)
            rows = self._db(visit_id).table("audit", cache_size=0).all()
            return [AuditEntry(**row) for row in rows]

    # -- internals -----------------------------------------------------------------------------
    def _visit_path(self, visit_id: str) -> Path:
        return self.folder / "visits" / f"{visit_id}.json"

    def _open_db(self, path: Path, marker: dict[str, Any]) -> TinyDB:
        return TinyDB(path, storage=AtomicJSONStorage, marker=marker)

    def _db(self, visit_id: str) -> TinyDB:
        return self._dbs[visit_id]

    def _load_visits(self) -> None:
        folder = self.folder / "visits"
        for stale in folder.glob(f".*{TEMP_SUFFIX}"):
            with contextlib.suppress(OSError):  # a write a crash cut short; the file is intact
                stale.unlink()
        for path in sorted(folder.glob("*.json")):
            db = self._open_db(path, VISIT_MARKER)
            try:
                visit = read_visit(db)
            except StoreError as exc:
                self.damaged.append(exc)
                continue
            except (IndexError, TypeError, KeyError, AttributeError, ValueError):
                self.damaged.append(StoreError("store.foreign", path=path))
                continue
            self._dbs[visit.id] = db
            self._visits[visit.id] = visit
            if not visit.final:
                self._close_stretches(visit)

    def _editable(self, visit_id: str) -> Visit:
        visit = self.visit(visit_id)
        if visit.final:
            raise VisitLocked("store.visit_final")
        return visit

    def _same_checklist(self, visit: Visit, campaign: Campaign) -> None:
        if (visit.campaign_id, visit.checklist_hash) != (campaign.id, campaign.checklist_hash):
            raise StoreError("store.checklist_changed", group=visit.group, campaign=campaign.id)

    @contextmanager
    def _saving(self, visit: Visit) -> Iterator[TinyDB]:
        """One write for everything done inside, ending with the visit's new header; the
        in-memory index changes only once the write has landed."""
        db = self._db(visit.id)
        storage: AtomicJSONStorage = db.storage  # type: ignore[assignment]
        with storage.transaction():
            yield db
            doc = visit.to_doc()
            rows = db.table("visit", cache_size=0)
            # the whole row, not a merge: a field left out (no commendations) must not linger
            if not rows.update(lambda row: replace_row(row, doc), doc_ids=[1]):
                rows.insert(Document(doc, doc_id=1))
        self._visits[visit.id] = visit

    def _audit(self, db: TinyDB, visit: Visit, action: str, **fields: Any) -> None:
        entry = {
            "at": self.now(),
            "who": self.who,
            "action": action,
            "visit_id": visit.id,
            "revision": visit.revision,
            **fields,
        }
        db.table("audit", cache_size=0).insert(entry)

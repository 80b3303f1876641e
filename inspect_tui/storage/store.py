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

Public API: `LocalStore` and the `Visit`, `AuditEntry` records.
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

from inspect_tui.domain.evidence import EVIDENCE, evidence_problem
from inspect_tui.domain.finalize import Blocker, Remarks, finalize_blockers
from inspect_tui.domain.model import Campaign
from inspect_tui.domain.scoring import (
    Answer,
    AnswerValue,
    check_answer,
    score_visit,
    valid_answers,
)
from inspect_tui.domain.visit import HEADER_FIELDS, LISTS, REMARKS, AuditEntry, Visit
from inspect_tui.storage.atomic import TEMP_SUFFIX, AtomicJSONStorage
from inspect_tui.storage.lock import FolderLock, current_user
from inspect_tui.storage.store_evidence import EvidenceRows
from inspect_tui.words.errors import AnswerError, InspectError, StoreError, VisitLocked
from inspect_tui.words.text import check_text

STORE_FORMAT = 1
VISIT_MARKER = {"kind": "inspect-tui/visit", "format": STORE_FORMAT}
SETTINGS_MARKER = {"kind": "inspect-tui/settings", "format": STORE_FORMAT}
WAS = "was"  # an answer row's text as it was when the editing stretch now open began


class Keep:
    """The type of `KEEP`: an answer left as it is while its note changes."""


KEEP = Keep()
STRETCHES = "stretches"  # a visit's header fields being typed in: what each was before


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="milliseconds")


class LocalStore(EvidenceRows):
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
                        edits.insert({"field": key, "was": _plain(old)})
                    elif not stretch:
                        if begun is not None:
                            old = begun["was"]
                            edits.remove(doc_ids=[begun.doc_id])
                        self._audit(
                            db, visit, "header", subject=key, old=_plain(old), new=_plain(value)
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
                    now_ = _plain(getattr(visit, row["field"]))
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

    # -- answers -------------------------------------------------------------------------------
    def answers(self, visit_id: str) -> dict[str, Answer]:
        with self._mutex:
            self.visit(visit_id)
            rows = self._db(visit_id).table("answers", cache_size=0).all()
            return {row["item"]: Answer(row["value"], row.get("note", "")) for row in rows}

    def checked_answers(
        self, campaign: Campaign, visit_id: str
    ) -> tuple[dict[str, Answer], dict[str, AnswerError]]:
        """The visit's answers checked against their items: (those that fit, item -> why for
        those that do not). A value edited into the file by hand, or left by a faulty program,
        is never scored: the visit opens with it flagged and blank, the file (and so the audit,
        when it is answered again) keeps what was there, and it cannot be signed or finalized
        until it is answered again."""
        return valid_answers(campaign, self.answers(visit_id))

    def set_answer(
        self,
        campaign: Campaign,
        visit_id: str,
        item_id: str,
        value: AnswerValue | Keep | None,
        note: str | None = None,
        *,
        reason: str = "",
        stretch: bool = False,
    ) -> Answer:
        """Record `value` (None clears it, `KEEP` keeps what is there) and, if given, `note`
        for item `item_id`.

        Returns only once the answer, its audit entry and the visit's position are on disk.
        Raises `VisitLocked` for a finalized visit, `AnswerError` for a value the item does not
        take, `StoreError` if the visit was made with another version of the checklist.

        `stretch`: text being typed, saved on every change so that a hard kill loses nothing,
        audited once per editing stretch rather than once per keystroke: the row keeps what the
        text was when the stretch began, and `end_stretch` (or the next opening of the folder,
        after a kill) writes one audit entry from that to the text as it is then.
        """
        with self._mutex:
            visit = self._editable(visit_id)
            self._same_checklist(visit, campaign)
            try:
                item = campaign.item(item_id)
            except KeyError:
                raise AnswerError("answer.unknown_item", item=item_id) from None
            keep = value is KEEP
            checked = None if value is None or keep else check_answer(item, value)
            if item.kind == "note" and checked is not None:
                checked = check_text(checked, item.id, multiline=True)
            if note is not None:
                note = check_text(note, item.id, multiline=True)
            db = self._db(visit_id)
            table = db.table("answers", cache_size=0)
            index = self._answer_index(visit_id)
            row = table.get(doc_id=index[item.id]) if item.id in index else None
            old = Answer(row["value"], row.get("note", "")) if row else Answer(None, "")
            new = Answer(old.value if keep else checked, old.note if note is None else note)
            if new == old:
                return new
            doc: dict[str, Any] = {
                "item": item.id, "value": new.value, "note": new.note, "at": self.now()
            }  # fmt: skip
            was = row.get(WAS) if row else None
            if stretch and was is None:  # the stretch begins: keep what it starts from
                was = {"value": old.value, "note": old.note}
            if stretch:
                doc[WAS] = was
            elif was is not None:  # a stretch still open (a kill): audit it as one change
                old = Answer(was["value"], was["note"])
            with self._saving(replace(visit, updated_at=doc["at"], position=item.id)):
                if row:
                    if row.get(WAS) is not None and not stretch:
                        table.update(_without_was, doc_ids=[index[item.id]])
                    table.update(doc, doc_ids=[index[item.id]])
                    doc_id = index[item.id]
                else:
                    doc_id = table.insert(doc)
                if not stretch:
                    self._audit_change(db, visit, item.id, old, new, reason)
            index[item.id] = doc_id
            return new

    def end_stretch(self, visit_id: str, item_id: str) -> None:
        """Close the editing stretch of an item's text: one audit entry from what the text was
        when the stretch began to what it is now (none when it came back to the same)."""
        with self._mutex:
            visit = self.visit(visit_id)
            index = self._answer_index(visit_id)
            if item_id not in index:
                return
            db = self._db(visit_id)
            table = db.table("answers", cache_size=0)
            row = table.get(doc_id=index[item_id])
            if row is None or row.get(WAS) is None:
                return
            was, now_ = row[WAS], Answer(row["value"], row.get("note", ""))
            with self._saving(visit):
                table.update(_without_was, doc_ids=[index[item_id]])
                self._audit_change(db, visit, item_id, Answer(was["value"], was["note"]), now_, "")

    def _audit_change(
        self, db: TinyDB, visit: Visit, item_id: str, old: Answer, new: Answer, reason: str
    ) -> None:
        for action, before, after in (
            ("answer", old.value, new.value),
            ("note", old.note, new.note),
        ):
            if before != after:
                self._audit(
                    db, visit, action, subject=item_id, old=before, new=after, reason=reason
                )

    # -- finalize and reopen -------------------------------------------------------------------
    def finalize(
        self,
        visit_id: str,
        campaign: Campaign,
        *,
        strengths: str,
        problems: str,
        representative: str,
        commendations: Iterable[str] = (),
    ) -> Visit:
        """Lock the visit. Refused while required items are unanswered or items that fell
        short lack their note (the error names them), or for a commendation the outline does not
        list (`AnswerError` naming it)."""
        with self._mutex:
            visit = self._editable(visit_id)
            self._same_checklist(visit, campaign)
            self._close_stretches(visit)
            answers, wrong = self.checked_answers(campaign, visit_id)
            score = score_visit(campaign, answers)
            remarks = Remarks(strengths, problems, representative)
            blockers = finalize_blockers(campaign, visit, score, answers, tuple(wrong), remarks)
            if blockers:
                raise _refusal(blockers)
            tagged = _commendations(campaign, commendations)
            stamp = self.now()
            new = replace(
                visit,
                status="final",
                strengths=check_text(strengths, "strengths", multiline=True),  # as update_visit
                problems=check_text(problems, "problems", multiline=True),
                representative=check_text(representative, "representative"),
                commendations=tagged,
                updated_at=stamp,
                finalized_at=stamp,
            )
            with self._saving(new) as db:
                self._audit(
                    db,
                    visit,
                    "finalize",
                    new={"total": score.total, "tier": score.tier.id},
                    extra={"representative": representative}
                    | ({"commendations": list(tagged)} if tagged else {}),
                )
            return new

    def reopen(self, visit_id: str, reason: str) -> Visit:
        """Make a finalized visit editable again: needs a reason, bumps the revision."""
        with self._mutex:
            visit = self.visit(visit_id)
            if not visit.final:
                raise StoreError("store.not_final")
            if not reason.strip():
                raise StoreError("store.reason_required")
            reason = check_text(reason, "reason", multiline=True)
            new = replace(visit, status="draft", revision=visit.revision + 1, updated_at=self.now())
            with self._saving(new) as db:
                self._audit(
                    db, visit, "reopen", old=visit.revision, new=new.revision, reason=reason
                )
            return new

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

    def _answer_index(self, visit_id: str) -> dict[str, int]:
        """item id -> TinyDB doc id, so a save touches its row without scanning the table."""
        if visit_id not in self._answer_ids:
            rows = self._db(visit_id).table("answers", cache_size=0).all()
            self._answer_ids[visit_id] = {row["item"]: row.doc_id for row in rows}
        return self._answer_ids[visit_id]

    def _load_visits(self) -> None:
        folder = self.folder / "visits"
        for stale in folder.glob(f".*{TEMP_SUFFIX}"):
            with contextlib.suppress(OSError):  # a write a crash cut short; the file is intact
                stale.unlink()
        for path in sorted(folder.glob("*.json")):
            db = self._open_db(path, VISIT_MARKER)
            try:
                visit = _read_visit(db)
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

    def _close_stretches(self, visit: Visit) -> None:
        """Audit every editing stretch left open (the app was killed while a note was typed:
        its text is on disk, its audit entry is written now)."""
        rows = self._db(visit.id).table("answers", cache_size=0).all()
        for row in rows:
            if row.get(WAS) is not None:
                self.end_stretch(visit.id, row["item"])
        self.end_header_stretch(visit.id)

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
            if not rows.update(lambda row: _replace_row(row, doc), doc_ids=[1]):
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


def _read_visit(db: TinyDB) -> Visit:
    """The visit in a file, after checking every row has the shape the store relies on;
    anything else raises, and the caller lists the file as damaged."""
    docs = db.table("visit", cache_size=0).all()
    visit = Visit.from_doc(dict(docs[0]))
    for name in ("id", "campaign_id", "checklist_hash", "team", "group"):
        if not isinstance(getattr(visit, name), str) or not getattr(visit, name):
            raise ValueError(name)
    if visit.status not in ("draft", "final") or not isinstance(visit.revision, int):
        raise ValueError("status")
    if not all(isinstance(c, str) for c in visit.commendations):
        raise ValueError("commendations")
    for row in db.table("answers", cache_size=0).all():
        if not isinstance(row.get("item"), str) or "value" not in row:
            raise ValueError("answers")
        if not isinstance(row.get("note", ""), str):
            raise ValueError("note")
        if EVIDENCE in row and evidence_problem(row[EVIDENCE]) is not None:
            raise ValueError(EVIDENCE)
        was = row.get(WAS)
        if was is not None and not (
            isinstance(was, dict) and isinstance(was.get("note"), str) and "value" in was
        ):
            raise ValueError(WAS)
    for row in db.table("audit", cache_size=0).all():
        AuditEntry(**row)
    for row in db.table(STRETCHES, cache_size=0).all():
        if row.get("field") not in HEADER_FIELDS or "was" not in row:
            raise ValueError(STRETCHES)
    return visit


def _without_was(row: dict[str, Any]) -> None:
    row.pop(WAS, None)


_REFUSALS = {
    "invalid": "store.invalid_answers",
    "unanswered": "store.incomplete",
    "missing_note": "store.notes_missing",
    "missing_reason": "store.reasons_missing",
}


def _refusal(blockers: list[Blocker]) -> StoreError:
    """The first kind of blocker as one line: the header, then the items of that kind, then the
    remarks (the finalize dialog lists them all)."""
    first = blockers[0].kind
    if first == "header":
        return StoreError("store.header_missing")
    if first in ("remarks", "representative"):
        return StoreError(f"store.{first}_missing")
    items = tuple(b.subject for b in blockers if b.kind == first)
    if first == "unanswered":
        return StoreError(_REFUSALS[first], count=len(items), items=_few(items))
    return StoreError(_REFUSALS[first], items=_few(items))


def _commendations(campaign: Campaign, ids: Iterable[str]) -> tuple[str, ...]:
    """The ticked commendations, each once, in the outline's order; `AnswerError` naming one the
    outline does not list (or a value that is not an id)."""
    if isinstance(ids, str):
        raise AnswerError("answer.unknown_commendation", id=ids)
    given = list(ids)
    known = [c.id for c in campaign.outline.commendations]
    for ident in given:
        if not isinstance(ident, str) or ident not in known:
            raise AnswerError("answer.unknown_commendation", id=ident)
    return tuple(c for c in known if c in given)


def _replace_row(row: dict[str, Any], doc: dict[str, Any]) -> None:
    row.clear()
    row.update(doc)


def _few(ids: tuple[str, ...], most: int = 5) -> str:
    """The first few ids for a one-line message; the walkthrough lists them all."""
    shown = ", ".join(ids[:most])
    return shown + (f", … (+{len(ids) - most})" if len(ids) > most else "")


def _plain(value: Any) -> Any:
    return list(value) if isinstance(value, tuple) else value

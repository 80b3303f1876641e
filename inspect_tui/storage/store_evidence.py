"""The local store's evidence lists: which kept files (`storage.evidence`) an item's answer
row names, added and removed like answers (refused on a finalized visit, audited, one write).

A part of `LocalStore` kept in a file of its own so that store.py stays readable; it works on
the store's rows and uses the store's own saving, locking and audit. The stored form is
`domain.evidence`'s: a row without evidence has no `evidence` key at all, so files of visits
without evidence are byte for byte what they were before evidence existed.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, Any

from inspect_tui.domain.evidence import EVIDENCE, SHORT, Evidence, evidence_problem, from_docs
from inspect_tui.domain.model import Campaign
from inspect_tui.words.errors import AnswerError, StoreError

if TYPE_CHECKING:
    from inspect_tui.storage.store import LocalStore

    Base = LocalStore
else:
    Base = object


class EvidenceRows(Base):
    def evidence(self, visit_id: str) -> dict[str, tuple[Evidence, ...]]:
        """item -> its evidence files, in the order attached; items without none are left out."""
        with self._mutex:
            self.visit(visit_id)
            rows = self._db(visit_id).table("answers", cache_size=0).all()
            return {row["item"]: from_docs(row[EVIDENCE]) for row in rows if row.get(EVIDENCE)}

    def evidence_target(self, campaign: Campaign, visit_id: str, item_id: str) -> None:
        """Raise what `add_evidence` would for this visit and item (`VisitLocked` when it is
        finalized, `StoreError` for another checklist, `AnswerError` for an unknown item):
        asked before a file is copied in, so that a refusal leaves nothing behind."""
        with self._mutex:
            visit = self._editable(visit_id)
            self._same_checklist(visit, campaign)
            try:
                campaign.item(item_id)
            except KeyError:
                raise AnswerError("answer.unknown_item", item=item_id) from None

    def add_evidence(
        self, campaign: Campaign, visit_id: str, item_id: str, record: Evidence
    ) -> Evidence:
        """List a kept file on the item's answer row (made, blank, if the item has none yet);
        one audit entry. The same content twice on one item is listed once."""
        with self._mutex:
            self.evidence_target(campaign, visit_id, item_id)
            problem = evidence_problem([record.to_doc()])
            if problem is not None:
                raise AnswerError("evidence.bad_record", item=item_id, reason=problem)
            row, index = self._evidence_row(visit_id, item_id)
            held = list(row.get(EVIDENCE, ())) if row is not None else []
            if any(entry["sha256"] == record.sha256 for entry in held):
                return record
            entries = [*held, record.to_doc()]
            visit, stamp = self.visit(visit_id), self.now()
            with self._saving(replace(visit, updated_at=stamp)) as db:
                table = db.table("answers", cache_size=0)
                if row is not None:
                    table.update({EVIDENCE: entries}, doc_ids=[index[item_id]])
                    doc_id = index[item_id]
                else:
                    doc = {"item": item_id, "value": None, "note": "", "at": stamp}
                    doc_id = table.insert({**doc, EVIDENCE: entries})
                self._audit(db, visit, "evidence", subject=item_id, new=_said(record))
            index[item_id] = doc_id
            return record

    def remove_evidence(
        self, campaign: Campaign, visit_id: str, item_id: str, sha256: str
    ) -> Evidence:
        """Take a file off the item's list (the kept file stays: another item or visit may
        name it, and the audit does); one audit entry. `StoreError` if it is not listed."""
        with self._mutex:
            self.evidence_target(campaign, visit_id, item_id)
            row, index = self._evidence_row(visit_id, item_id)
            held = list(row.get(EVIDENCE, ())) if row is not None else []
            gone = [entry for entry in held if entry["sha256"] == sha256]
            if row is None or not gone:
                raise StoreError("evidence.not_listed", item=item_id, sha=sha256[:SHORT])
            (record,) = from_docs(gone)
            left = [entry for entry in held if entry["sha256"] != sha256]
            visit = self.visit(visit_id)
            with self._saving(replace(visit, updated_at=self.now())) as db:
                table = db.table("answers", cache_size=0)
                if left:
                    table.update({EVIDENCE: left}, doc_ids=[index[item_id]])
                else:  # no empty list: the row is as it was before any evidence
                    table.update(_without_evidence, doc_ids=[index[item_id]])
                self._audit(db, visit, "evidence_removed", subject=item_id, old=_said(record))
            return record

    def _evidence_row(
        self, visit_id: str, item_id: str
    ) -> tuple[dict[str, Any] | None, dict[str, int]]:
        index = self._answer_index(visit_id)
        table = self._db(visit_id).table("answers", cache_size=0)
        row = table.get(doc_id=index[item_id]) if item_id in index else None
        return (dict(row) if row is not None else None), index


def _said(record: Evidence) -> dict[str, str]:
    return {"name": record.name, "sha256": record.sha256}


def _without_evidence(row: dict[str, Any]) -> None:
    row.pop(EVIDENCE, None)

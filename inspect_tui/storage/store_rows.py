"""The rows of a visit file as the local store relies on them: the check a file passes before
the store takes it (anything else lists it as damaged), and the small helpers that write rows.

Apart from `store` because they read and shape plain rows, with no store, lock or audit behind
them: what a visit file must hold is easier to see in one place than across the class.
"""

from __future__ import annotations

from typing import Any

from tinydb import TinyDB

from inspect_tui.domain.evidence import EVIDENCE, evidence_problem
from inspect_tui.domain.visit import HEADER_FIELDS, AuditEntry, Visit

WAS = "was"  # an answer row's text as it was when the editing stretch now open began
STRETCHES = "stretches"  # a visit's header fields being typed in: what each was before


def read_visit(db: TinyDB) -> Visit:
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


def without_was(row: dict[str, Any]) -> None:
    row.pop(WAS, None)


def replace_row(row: dict[str, Any], doc: dict[str, Any]) -> None:
    row.clear()
    row.update(doc)


def plain(value: Any) -> Any:
    return list(value) if isinstance(value, tuple) else value

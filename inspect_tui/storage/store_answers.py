"""The local store's answers: reading them, checking them against their items, and saving one
with its audit, including the editing stretches of text being typed (saved on every change,
audited once per stretch).

A part of `LocalStore` kept in a file of its own so that store.py stays readable, as
`store_evidence` is; it works on the store's rows and uses the store's own saving, locking and
audit.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, Any

from tinydb import TinyDB

from inspect_tui.domain.model import Campaign
from inspect_tui.domain.scoring import Answer, AnswerValue, check_answer, valid_answers
from inspect_tui.domain.visit import Visit
from inspect_tui.storage.store_rows import WAS, without_was
from inspect_tui.words.errors import AnswerError
from inspect_tui.words.text import check_text

if TYPE_CHECKING:
    from inspect_tui.storage.store import LocalStore

    Base = LocalStore
else:
    Base = object


class Keep:
    """The type of `KEEP`: an answer left as it is while its note changes."""


KEEP = Keep()


class AnswerRows(Base):
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
                        table.update(without_was, doc_ids=[index[item.id]])
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
                table.update(without_was, doc_ids=[index[item_id]])
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

    def _answer_index(self, visit_id: str) -> dict[str, int]:
        """item id -> TinyDB doc id, so a save touches its row without scanning the table."""
        if visit_id not in self._answer_ids:
            rows = self._db(visit_id).table("answers", cache_size=0).all()
            self._answer_ids[visit_id] = {row["item"]: row.doc_id for row in rows}
        return self._answer_ids[visit_id]

    def _close_stretches(self, visit: Visit) -> None:
        """Audit every editing stretch left open (the app was killed while a note was typed:
        its text is on disk, its audit entry is written now)."""
        rows = self._db(visit.id).table("answers", cache_size=0).all()
        for row in rows:
            if row.get(WAS) is not None:
                self.end_stretch(visit.id, row["item"])
        self.end_header_stretch(visit.id)

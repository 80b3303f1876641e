"""The local store's finalize and reopen: locking a visit once the domain's rule lets it be
(`domain.finalize`, the same rule the finalize dialog shows), with its remarks and the
commendations ticked, and opening it again with a reason and a new revision.

A part of `LocalStore` kept in a file of its own so that store.py stays readable, as
`store_evidence` is; it uses the store's own saving, locking and audit.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from typing import TYPE_CHECKING

from inspect_tui.domain.finalize import Blocker, Remarks, finalize_blockers
from inspect_tui.domain.model import Campaign
from inspect_tui.domain.scoring import score_visit
from inspect_tui.domain.visit import Visit
from inspect_tui.words.errors import AnswerError, StoreError
from inspect_tui.words.text import check_text

if TYPE_CHECKING:
    from inspect_tui.storage.store import LocalStore

    Base = LocalStore
else:
    Base = object


class FinalizeVisits(Base):
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


def _few(ids: tuple[str, ...], most: int = 5) -> str:
    """The first few ids for a one-line message; the walkthrough lists them all."""
    shown = ", ".join(ids[:most])
    return shown + (f", … (+{len(ids) - most})" if len(ids) > most else "")

"""What stands between a draft visit and its finalizing: the one rule, asked by the finalize
dialog (to list the blockers and keep what was typed) and by the store (to refuse), so the two
can never disagree again.

In the order a team deals with them: the visit information (inspectors, date, methods), answers
a file holds that do not fit their items, unanswered required items, items that lost points
without the note saying why, items answered n/a without the reason, and last what the dialog
asks: the strengths, the problems and the group's representative.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass
from typing import Literal

from inspect_tui.domain.model import Campaign
from inspect_tui.domain.scoring import NA, Answer, VisitScore
from inspect_tui.domain.visit import Visit

BlockerKind = Literal[
    "header", "invalid", "unanswered", "missing_note", "missing_reason", "remarks", "representative"
]
HEADER_NEEDS = ("inspectors", "visit_date", "methods")
REMARK_FIELDS = ("strengths", "problems", "representative")  # the dialog's, in `Remarks`' order


@dataclass(frozen=True)
class Blocker:
    """One thing to deal with first. `subject` is an item id for the item kinds, the visit
    field for `header`, `remarks` and `representative`."""

    kind: BlockerKind
    subject: str

    @property
    def item(self) -> str | None:
        return self.subject if self.kind in ("invalid", "unanswered", "missing_note",
                                             "missing_reason") else None  # fmt: skip


@dataclass(frozen=True)
class Remarks:
    strengths: str = ""
    problems: str = ""
    representative: str = ""


def finalize_blockers(
    campaign: Campaign,
    visit: Visit,
    score: VisitScore,
    answers: Mapping[str, Answer],
    invalid: Collection[str] = (),
    remarks: Remarks | None = None,
) -> list[Blocker]:
    """Every blocker, in the order above. `score` is `score_visit` of `answers` (the answers
    that fit their items); `invalid` the items whose stored value does not fit. With `remarks`
    None the dialog's own fields are not judged (the list shown before the dialog asks)."""
    found = [Blocker("header", name) for name in HEADER_NEEDS if not getattr(visit, name)]
    found += [Blocker("invalid", item) for item in invalid]
    found += [Blocker("unanswered", i) for i in score.unanswered if i not in invalid]
    for item_id in score.missing_notes:
        answer = answers.get(item_id)
        kind: BlockerKind = (
            "missing_reason" if answer is not None and answer.value == NA else "missing_note"
        )
        found.append(Blocker(kind, item_id))
    if remarks is not None:
        found += [Blocker("remarks", f) for f in ("strengths", "problems") if not _said(remarks, f)]
        if not remarks.representative.strip():
            found.append(Blocker("representative", "representative"))
    return found


def _said(remarks: Remarks, name: str) -> bool:
    return bool(getattr(remarks, name).strip())

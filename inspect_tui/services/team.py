"""The team laptop's use-cases: open a visit, answer, write notes, the visit information,
finalize with the one blocker rule, reopen, the receipt and the provisional letter, and the
team's signed bundle. The app and the command line both call these; neither opens a file or
scores a visit itself.

Answers and notes are saved before the call returns (about a millisecond: the screen says
"saved" only after it), so they run on the caller's thread; the receipt, the letter and the
bundle write documents and belong in a worker.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from inspect_tui.domain.evidence import Evidence, hashes_in
from inspect_tui.domain.finalize import Blocker, Remarks, finalize_blockers
from inspect_tui.domain.scoring import Answer, AnswerValue, VisitScore, score_visit
from inspect_tui.domain.visit import Visit
from inspect_tui.domain.visit_window import default_visit_date
from inspect_tui.services.progress import GroupProgress, team_progress
from inspect_tui.storage.store import KEEP
from inspect_tui.words.errors import InspectError
from inspect_tui.words.i18n import Lang

if TYPE_CHECKING:
    from inspect_tui.reports.receipt import Receipt
    from inspect_tui.services.session import Session


@dataclass(frozen=True)
class VisitAnswers:
    """A visit's answers as the core checks them: those that fit their items (all that is
    scored) and the stored ones that do not (shown flagged and blank, never scored)."""

    valid: dict[str, Answer]
    invalid: dict[str, Answer]


@dataclass(frozen=True)
class ReceiptMade:
    receipt: Receipt
    files: tuple[Path, ...]
    error: str = ""  # why the files could not be kept (a full stick): the receipt still shows


@dataclass(frozen=True)
class BundleMade:
    path: Path
    visits: int
    left_out: list[InspectError] = field(default_factory=list)  # visit files it could not read
    evidence: Path | None = None  # the folder of evidence files beside it (`with_evidence`)
    evidence_files: int = 0


class TeamDesk:
    def __init__(self, session: Session) -> None:
        self.session = session
        self.campaign = session.campaign
        self.store = session.store

    # -- where the team stands ------------------------------------------------------------
    def progress(self, team: str) -> list[GroupProgress]:
        return team_progress(self.campaign, self.store, team)

    def visit(self, visit_id: str) -> Visit:
        return self.store.visit(visit_id)

    def find_visit(self, team: str, group: str) -> Visit | None:
        return self.store.find_visit(self.campaign.id, team, group)

    def propose_visit(self, team: str, group: str) -> Visit:
        """A visit not yet started, as the visit information dialog proposes it: the team's last
        inspectors and methods, a date inside the round's visit window. Nothing is written
        until `start_visit` (a dialog left with Esc leaves no empty draft behind)."""
        inspectors, methods = self.header_defaults(team)
        return Visit(
            id="", campaign_id=self.campaign.id, checklist_hash=self.campaign.checklist_hash,
            team=team, group=group, visit_date=self.default_date(team).isoformat(),
            inspectors=inspectors, methods=methods,
        )  # fmt: skip

    def start_visit(self, team: str, group: str, **header: Any) -> Visit:
        """The visit begun, with the visit information given (inspectors, methods, date)."""
        return self.store.start_visit(self.campaign, team, group, **header)

    def header_defaults(self, team: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
        """The inspectors and methods of the team's visit saved last (the same people go from
        group to group); none for the team's first visit."""
        last = self._last_visit(team)
        return (last.inspectors, last.methods) if last else ((), ())

    def _last_visit(self, team: str) -> Visit | None:
        visits = [v for v in self.store.visits(self.campaign.id, team) if v.inspectors]
        return max(visits, key=lambda v: v.updated_at) if visits else None

    def default_date(self, team: str | None = None) -> date:
        """Today when it falls in the round's visit window; otherwise the team's last visit
        date (a laptop whose clock is elsewhere, a round typed up later: the team's own day is
        the best guess), else the window's day nearest to today."""
        today = self.session.date()
        if today in self.campaign.visit_window:
            return today
        last = self._last_visit(team) if team else None
        if last is not None and last.visit_date:
            try:
                return date.fromisoformat(last.visit_date)
            except ValueError:
                pass
        return default_visit_date(self.campaign, today)

    # -- answering ------------------------------------------------------------------------
    def answers(self, visit_id: str) -> VisitAnswers:
        valid, wrong = self.store.checked_answers(self.campaign, visit_id)
        stored = self.store.answers(visit_id) if wrong else {}
        return VisitAnswers(valid, {i: stored[i] for i in wrong if i in stored})

    def score(self, answers: dict[str, Answer]) -> VisitScore:
        return score_visit(self.campaign, answers)

    def answer(self, visit_id: str, item_id: str, value: AnswerValue | None) -> Answer:
        """Record (or with None clear) an item's answer; back once it is on disk."""
        return self.store.set_answer(self.campaign, visit_id, item_id, value)

    def write_text(self, visit_id: str, item_id: str, text: str) -> Answer:
        """Text being typed for an item, saved on every change: its note, or for a note item
        its answer (blank text clears it). One audit entry per editing stretch, written by
        `end_text` (or, after a kill, when the folder is next opened)."""
        if self.campaign.item(item_id).kind == "note":
            value = text if text.strip() else None
            return self.store.set_answer(self.campaign, visit_id, item_id, value, stretch=True)
        return self.store.set_answer(self.campaign, visit_id, item_id, KEEP, text, stretch=True)

    def end_text(self, visit_id: str, item_id: str) -> None:
        self.store.end_stretch(visit_id, item_id)

    def set_position(self, visit_id: str, item_id: str) -> None:
        self.store.set_position(visit_id, item_id)

    # -- evidence ---------------------------------------------------------------------------
    def evidence_names(self, visit_id: str) -> dict[str, tuple[str, ...]]:
        """item -> the file names of the evidence kept for it."""
        return {
            item: tuple(record.name for record in kept)
            for item, kept in self.store.evidence(visit_id).items()
        }

    def attach_evidence(self, visit_id: str, item_id: str, source: Path) -> Evidence:
        """Keep `source` in the data folder by its content and list it on the item; reads and
        writes the whole file (up to `storage.evidence.MAX_BYTES`): call it in a worker. A
        refusal (a finalized visit, a file that cannot be kept) leaves nothing behind."""
        from inspect_tui.storage.evidence import keep_evidence

        self.store.evidence_target(self.campaign, visit_id, item_id)
        record = keep_evidence(self.session.folder, source)
        return self.store.add_evidence(self.campaign, visit_id, item_id, record)

    # -- the visit information and the remarks --------------------------------------------
    def update_header(self, visit_id: str, **changes: Any) -> Visit:
        return self.store.update_visit(visit_id, **changes)

    def write_remarks(self, visit_id: str, **remarks: str) -> Visit:
        """The finalize dialog's text as it is typed: kept, so that neither a refusal nor a
        kill loses it; audited once per editing stretch (`end_remarks`)."""
        return self.store.update_visit(visit_id, stretch=True, **remarks)

    def end_remarks(self, visit_id: str) -> None:
        self.store.end_header_stretch(visit_id)

    # -- finalize and reopen ----------------------------------------------------------------
    def blockers(self, visit_id: str, remarks: Remarks | None = None) -> list[Blocker]:
        """What stands between the visit and its finalizing (`domain.finalize`): the one rule
        the store applies too."""
        visit = self.store.visit(visit_id)
        held = self.answers(visit_id)
        score = score_visit(self.campaign, held.valid)
        return finalize_blockers(
            self.campaign, visit, score, held.valid, tuple(held.invalid), remarks
        )

    def finalize(
        self, visit_id: str, remarks: Remarks, commendations: tuple[str, ...] = ()
    ) -> Visit:
        return self.store.finalize(
            visit_id,
            self.campaign,
            strengths=remarks.strengths,
            problems=remarks.problems,
            representative=remarks.representative,
            commendations=commendations,
        )

    def reopen(self, visit_id: str, reason: str) -> Visit:
        return self.store.reopen(visit_id, reason)

    # -- what the team hands over ---------------------------------------------------------
    def receipt(self, visit_id: str) -> Receipt:
        """The receipt of a finalized visit (what the group's representative photographs)."""
        from inspect_tui.reports.receipt import build_receipt

        return build_receipt(self.campaign, self.store, visit_id)

    def receipt_lines(self, receipt: Receipt) -> list[str]:
        """The receipt in lines of text (the screen shows them beside the QR code)."""
        from inspect_tui.reports.receipt import receipt_lines

        return receipt_lines(receipt)

    def keep_receipt(self, receipt: Receipt) -> ReceiptMade:
        """The receipt kept in the exports folder (SVG and text); a folder that cannot be
        written is said, and the receipt is still shown."""
        from inspect_tui.reports.receipt import write_receipt

        try:
            files: tuple[Path, ...] = write_receipt(receipt, self.session.exports)
        except OSError as error:
            return ReceiptMade(receipt, (), str(error))
        return ReceiptMade(receipt, files)

    def letter(self, visit_id: str, lang: Lang) -> Path:
        """The provisional feedback letter of a finalized visit, beside the receipt."""
        from inspect_tui.reports.letters import write_provisional_letter  # python-docx: slow

        return write_provisional_letter(
            self.campaign, self.store, visit_id, self.session.exports, lang
        )

    def bundle(self, team: str, out: Path | None = None, with_evidence: bool = False) -> BundleMade:
        """The team's visits as one file signed by this laptop, stamped in UTC, into the
        exports folder (or `out`, a file name). `with_evidence`: the evidence files its visits
        list go beside it, into `<bundle name>-evidence/<sha256><suffix>`: the bundle and all
        of them, or nothing."""
        from inspect_tui.storage.bundle import (  # cryptography: slow
            bundle_path,
            make_bundle,
            write_bundle,
        )
        from inspect_tui.storage.evidence import placed_evidence
        from inspect_tui.storage.keys import DeviceKey

        stamp = datetime.now(UTC).isoformat(timespec="seconds")
        device = DeviceKey(self.session.folder)
        signed = make_bundle(self.campaign, self.store, team, device, created_at=stamp)
        folder = out.parent if out else self.session.exports
        name = out.name if out else None
        wanted = hashes_in(signed["visits"]) if with_evidence else {}
        if not wanted:
            path = write_bundle(signed, folder, name)
            return BundleMade(path, len(signed["visits"]), self.session.damaged)
        target = bundle_path(signed, folder, name)
        beside = target.with_name(f"{target.stem}-evidence")
        with placed_evidence(self.session.folder, wanted, beside) as files:
            path = write_bundle(signed, folder, name)
        return BundleMade(path, len(signed["visits"]), self.session.damaged, beside, len(files))

"""The visit screen's dialogs: the visit information, finalizing, reopening, evidence and the
whole text of an item; a mixin of `VisitScreen`. The dialogs call the team's desk themselves
and come back with what the screen must do next."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from textual import work

from inspect_tui.tui import visit_view as view
from inspect_tui.tui.content import message
from inspect_tui.tui.dialogs.evidence import EvidenceDialog
from inspect_tui.tui.dialogs.finalize import Finalized, FinalizeDialog
from inspect_tui.tui.dialogs.header import HeaderDialog
from inspect_tui.tui.dialogs.reason import ReasonDialog
from inspect_tui.tui.dialogs.text_view import TextDialog
from inspect_tui.words.errors import InspectError
from inspect_tui.words.i18n import t

if TYPE_CHECKING:
    from inspect_tui.tui.screens.visit.screen import VisitScreen

    Base = VisitScreen
else:
    Base = object


class VisitActions(Base):
    def _refused_when_final(self) -> bool:
        if self.visit.final:
            self.notify(t("ui.read_only", self.ctx.lang), severity="warning", timeout=3)
            return True
        return False

    def action_header(self) -> None:
        if self._refused_when_final():
            return

        def done(changes: dict[str, object] | None) -> None:
            if changes and self._guard(lambda: self.ctx.team.update_header(self.visit_id,
                                                                          **changes)):  # fmt: skip
                self._show_head()
                self.refresh_bindings()

        self.app.push_screen(HeaderDialog(self.ctx, self.visit), done)

    def action_finalize(self) -> None:
        self.flush()
        if self._refused_when_final():
            return

        def done(result: Finalized | None) -> None:
            if result is None:
                return
            if result.goto:
                self.goto(result.goto)
            elif result.header:
                self.action_header()
            elif result.done:
                self._load()
                self._show_section()
                self.go("receipt", visit_id=self.visit_id)

        self.app.push_screen(FinalizeDialog(self.ctx, self.visit_id), done)

    def action_reopen(self) -> None:
        if not self.visit.final:
            return
        lang = self.ctx.lang

        def done(reason: str | None) -> None:
            if reason and self._guard(lambda: self.ctx.team.reopen(self.visit_id, reason)):
                self.notify(t("ui.reopened", lang, revision=self.visit.revision))
                self._load()
                self._show_section()

        dialog = ReasonDialog(self.ctx, "ui.reopen_title", "ui.reopen_reason", "ui.field.reason")
        self.app.push_screen(dialog, done)

    def action_receipt(self) -> None:
        if self.visit.final:
            self.go("receipt", visit_id=self.visit_id)

    def action_whole(self) -> None:
        """The item in full: its text, the guidance, the answer, the note and the evidence."""
        item, lang = self.item, self.ctx.lang
        assert self.score is not None
        body = view.detail(self.ctx.campaign, item, self.score, self._state(item), lang)
        note = self.answers.get(item.id) or self.invalid.get(item.id)
        if note is not None and note.note:
            body = body + message("ui.whole_note", lang, text=note.note)
        self.app.push_screen(TextDialog(self.ctx, item.text.get(lang), body))

    def action_evidence(self) -> None:
        """Pick a file (a photo of the archive's pages, a scan) to keep as the item's
        evidence: copied into the data folder by its content hash."""
        if self._refused_when_final():
            return
        item_id = self.item.id

        def done(path: Path | None) -> None:
            if path is not None:
                self.attach(item_id, path)

        self.app.push_screen(EvidenceDialog(self.ctx), done)

    @work(thread=True, exclusive=True, group="io")
    def attach(self, item_id: str, path: Path) -> None:
        lang = self.ctx.lang
        try:
            kept = self.ctx.team.attach_evidence(self.visit_id, item_id, path)
        except InspectError as error:
            self.app.call_from_thread(self.notify, error.line(lang), severity="error", timeout=8)
            return
        said = t("ui.evidence_kept", lang, file=kept.name, item=item_id)
        self.app.call_from_thread(self._evidence_kept, said)

    def _evidence_kept(self, said: str) -> None:
        self.notify(said, timeout=5)
        self.evidence = self.ctx.team.evidence_names(self.visit_id)
        self._refresh_prompts(self.item.id)
        self._show_item()

"""The receipt after finalizing: total, tier, revision and the QR code to photograph."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import Footer, Header, Static

from inspect_tui.reports.letters import write_provisional_letter
from inspect_tui.reports.receipt import Receipt, receipt_lines
from inspect_tui.tui.bindings import localize
from inspect_tui.tui.content import bold, join, message, plain
from inspect_tui.tui.widgets.qr import QRCode
from inspect_tui.words.errors import InspectError
from inspect_tui.words.i18n import join_words, t

if TYPE_CHECKING:
    from pathlib import Path

    from inspect_tui.tui.app import InspectApp


class ReceiptScreen(Screen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", "Back", id="back"),  # not Enter: a stray key would hide it
        Binding("l", "letter", "Letter", id="letter"),
    ]
    app: InspectApp

    def __init__(self, receipt: Receipt, saved: tuple[Path, ...], visit_id: str = "") -> None:
        super().__init__()
        self.receipt = receipt
        self.saved = saved
        self.visit_id = visit_id

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="receipt"):
            yield QRCode(self.receipt.payload, id="qr")
            with Vertical(id="receipt-text"):
                yield Static(id="receipt-title")
                # names, inspectors and the representative were typed or come from files
                lines = receipt_lines(self.receipt)[1:]
                yield Static(join(plain(line, one_line=True) for line in lines), id="receipt-body")
                yield Static(id="receipt-hint")
        yield Footer()

    def on_mount(self) -> None:
        localize(self, self.app.lang)
        self.relabel()

    def relabel(self) -> None:
        lang = self.app.lang
        self.query_one("#receipt-title", Static).update(bold(t("ui.receipt_title", lang)))
        hint = [plain(t("ui.receipt_hint", lang))]
        if self.saved:
            files = join_words((path.name for path in self.saved), self.app.lang)
            saved = message("ui.receipt_saved", lang, folder=self.saved[0].parent, files=files)
            hint.append(saved.stylize("dim"))
        self.query_one("#receipt-hint", Static).update(join(hint))

    def action_back(self) -> None:
        self.app.pop_screen()

    def action_letter(self) -> None:
        """The provisional feedback letter for the group, written beside the receipt."""
        if self.visit_id:
            self.write_letter()

    @work(thread=True, exclusive=True, group="io")
    def write_letter(self) -> None:
        app = self.app
        try:
            path = write_provisional_letter(
                app.campaign, app.store, self.visit_id, app.exports, app.lang
            )
        except InspectError as error:
            app.call_from_thread(app.notify, error.line(app.lang), severity="error", timeout=8)
            return
        said = t("ui.letter_written", app.lang, file=path)
        app.call_from_thread(app.notify, said, timeout=8)

"""The receipt after finalizing: total, tier, revision and the QR code to photograph; where its
files were kept stays on screen. `l` writes the provisional feedback letter beside them."""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from textual import events, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Footer, Header, Static

from inspect_tui.services.team import ReceiptMade
from inspect_tui.tui.base import Page
from inspect_tui.tui.content import bold, join, message, plain, styled
from inspect_tui.tui.context import Context
from inspect_tui.tui.widgets.qr import QRCode
from inspect_tui.tui.widgets.wrapped import Wrapped
from inspect_tui.words.errors import InspectError
from inspect_tui.words.i18n import Lang, t

NARROW = 80


class ReceiptScreen(Page):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", "Back", id="back"),  # not Enter: a stray key would hide it
        Binding("l", "letter", "Letter", id="letter"),
    ]

    def __init__(self, ctx: Context, visit_id: str) -> None:
        super().__init__(ctx)
        self.visit_id = visit_id
        self.receipt = ctx.team.receipt(visit_id)
        self.made: ReceiptMade | None = None  # once its files are kept (or could not be)
        self.letter: Path | None = None
        self.letter_error: str = ""

    def compose(self) -> ComposeResult:
        receipt = self.receipt
        yield Header()
        # scrolls: on a small screen (60x20) the code and the text do not fit at once
        with VerticalScroll(id="receipt-page"), Horizontal(id="receipt"):
            yield QRCode(receipt.payload, id="qr")
            with Vertical(id="receipt-text"):
                yield Static(id="receipt-title")
                # names, inspectors and the representative were typed or come from files
                lines = self.ctx.team.receipt_lines(receipt)[1:]
                yield Static(join(plain(line, one_line=True) for line in lines), id="receipt-body")
                yield Wrapped(id="receipt-hint")
        yield Footer()

    def on_mount(self) -> None:
        self.relabel()
        self.keep()

    @work(thread=True, exclusive=True, group="io")
    def keep(self) -> None:
        made = self.ctx.team.keep_receipt(self.receipt)
        self.app.call_from_thread(self._kept, made)

    def _kept(self, made: ReceiptMade) -> None:
        self.made = made
        self.relabel()

    def relabel(self) -> None:
        lang = self.ctx.lang
        self.query_one("#receipt-title", Static).update(bold(t("ui.receipt_title", lang)))
        hint = [plain(t("ui.receipt_hint", lang))]
        if self.made is not None and self.made.files:  # a line each: names are never split
            folder = self.made.files[0].parent
            hint.append(message("ui.receipt_saved", lang, folder=folder, files=""))
            hint += [plain(f"  {path.name}") for path in self.made.files]
        elif self.made is not None and self.made.error:
            hint.append(styled(self.made.error, "red"))
        if self.letter is not None:
            hint.append(plain(t("ui.letter_written", lang, file=self.letter.parent)))
            hint.append(plain(f"  {self.letter.name}"))
        elif self.letter_error:
            hint.append(styled(self.letter_error, "red"))
        self.query_one("#receipt-hint", Wrapped).show(join(hint))

    def on_resize(self, event: events.Resize) -> None:
        self.set_class(event.size.width < NARROW, "narrow")  # the text under the code

    def action_back(self) -> None:
        self.back()

    def action_letter(self) -> None:
        """The provisional feedback letter for the group, written beside the receipt."""
        self.write_letter(self.ctx.lang)

    @work(thread=True, exclusive=True, group="io")
    def write_letter(self, lang: Lang) -> None:
        try:
            path = self.ctx.team.letter(self.visit_id, lang)
        except InspectError as error:
            self.app.call_from_thread(self._lettered, None, error.line(lang))
            return
        self.app.call_from_thread(self._lettered, path, "")

    def _lettered(self, path: Path | None, error: str) -> None:
        self.letter, self.letter_error = path, error
        self.relabel()
        hint = self.query_one("#receipt-hint", Wrapped)
        self.call_after_refresh(hint.scroll_visible, animate=False)  # said where it is seen

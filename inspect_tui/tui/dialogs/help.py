"""Every key of the screen underneath, in the current language."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.widgets import Footer, Static

from inspect_tui.tui.base import Dialog
from inspect_tui.tui.bindings import has_digit_keys, listed_bindings
from inspect_tui.tui.content import bold, join, message, plain
from inspect_tui.words.i18n import t


class HelpDialog(Dialog[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,f1,q", "close", "Back", id="back"),
    ]

    def compose(self) -> ComposeResult:
        yield Footer()
        with VerticalScroll(classes="dialog"):
            yield Static(id="help-keys")

    def on_mount(self) -> None:
        self.relabel()

    def relabel(self) -> None:
        lang = self.ctx.lang
        below = self.app.screen_stack[-2]
        # the keys come from keymap.toml too (a user's file): text, never markup
        lines = [bold(t("ui.help_title", lang)), plain("")]
        for _node, binding in listed_bindings(below):
            key = bold(f"{self.app.get_key_display(binding):>12}")
            lines.append(plain("  ") + key + plain(f"  {binding.description}"))
        if has_digit_keys(below):
            lines.append(plain("  ") + bold(f"{'0-9':>12}") + plain(f"  {t('key.digits', lang)}"))
        keymap = message("ui.help_keymap", lang, path=self.ctx.session.keymap_path)
        lines += [plain(""), keymap.stylize("dim")]
        self.query_one("#help-keys", Static).update(join(lines))

    def action_close(self) -> None:
        self.dismiss(None)

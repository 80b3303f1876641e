"""Every key of the screen underneath, in the current language."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Footer, Static

from inspect_tui.core.i18n import t
from inspect_tui.tui.bindings import KEYMAP_FILE, has_digit_keys, listed_bindings, localize

if TYPE_CHECKING:
    from inspect_tui.tui.app import InspectApp


class HelpDialog(ModalScreen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,f1,q", "close", "Back", id="back"),
    ]
    app: InspectApp

    def compose(self) -> ComposeResult:
        yield Footer()
        with VerticalScroll(classes="dialog"):
            yield Static(id="help-keys")

    def on_mount(self) -> None:
        lang = self.app.lang
        localize(self, lang)
        below = self.app.screen_stack[-2]
        lines = [f"[b]{t('ui.help_title', lang)}[/b]", ""]
        for _node, binding in listed_bindings(below):
            lines.append(f"  [b]{self.app.get_key_display(binding):>12}[/b]  {binding.description}")
        if has_digit_keys(below):
            lines.append(f"  [b]{'0-9':>12}[/b]  {t('key.digits', lang)}")
        lines += [
            "",
            f"[dim]{t('ui.help_keymap', lang, path=self.app.store.folder / KEYMAP_FILE)}[/]",
        ]
        self.query_one("#help-keys", Static).update("\n".join(lines))

    def action_close(self) -> None:
        self.dismiss(None)

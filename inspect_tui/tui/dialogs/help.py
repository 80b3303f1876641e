"""Every key of the screen underneath, in the current language."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Footer, Static

from inspect_tui.core.i18n import t
from inspect_tui.tui.bindings import KEYMAP_FILE, localize

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
        seen: set[str] = set()
        for _key, (_node, binding, _enabled, _tip) in below.active_bindings.items():
            if not binding.id:  # a widget's own scrolling keys, in Textual's English
                continue
            digits = bool(binding.id and binding.id.startswith("digit_"))
            action = "digits" if digits else binding.action
            if action in seen or not binding.description:
                continue
            seen.add(action)
            keys = "0-9" if digits else self.app.get_key_display(binding)
            description = t("key.digits", lang) if digits else binding.description
            lines.append(f"  [b]{keys:>12}[/b]  {description}")
        lines += [
            "",
            f"[dim]{t('ui.help_keymap', lang, path=self.app.store.folder / KEYMAP_FILE)}[/]",
        ]
        self.query_one("#help-keys", Static).update("\n".join(lines))

    def action_close(self) -> None:
        self.dismiss(None)

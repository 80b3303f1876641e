"""Key bindings that speak the user's language.

Every binding has an `id`; its words live in the message catalogue under `key.<id>`. Textual's
footer, the help dialog and the command palette all read a screen's `active_bindings`, so the
`Localized` mixin renders each label there from the binding id in the current language: on
every screen and dialog, again after F2, without touching Textual's own binding tables. The
same ids are what a user keymap (`keymap.toml`) remaps.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from functools import lru_cache

from textual.binding import ActiveBinding, Binding
from textual.dom import DOMNode
from textual.screen import Screen

from inspect_tui.words.i18n import Lang, t
from inspect_tui.words.messages import MESSAGES

DIGIT_PREFIX = "digit_"


def key_label(binding: Binding, lang: Lang) -> str:
    """The words of a binding in `lang`, from its id; its own description when the catalogue
    has none (Textual's scrolling keys)."""
    key = f"key.{binding.id}"
    return t(key, lang) if binding.id and key in MESSAGES else binding.description


@lru_cache(maxsize=1024)
def _labelled(binding: Binding, label: str, show: bool) -> Binding:
    if binding.description == label and binding.show == show:
        return binding
    return replace(binding, description=label, show=show)


class Localized:
    """For screens and dialogs (`ctx` holds the language): `active_bindings` with each label
    in the user's language. `label` may say more for the current state (y on a veto item), and
    `shown` whether the footer offers a key now (Enter while a number waits for it)."""

    def label(self, binding: Binding) -> str:
        return key_label(binding, self.ctx.lang)  # type: ignore[attr-defined]

    def shown(self, binding: Binding) -> bool:
        return binding.show

    @property
    def active_bindings(self) -> dict[str, ActiveBinding]:
        found: dict[str, ActiveBinding] = super().active_bindings  # type: ignore[misc]
        return {
            key: active._replace(
                binding=_labelled(active.binding, self.label(active.binding),
                                  self.shown(active.binding))
            )
            for key, active in found.items()
        }  # fmt: skip


def listed_bindings(screen: Screen) -> Iterator[tuple[DOMNode, Binding]]:
    """The screen's own actions, once each, for the help and the command palette: bindings with
    an id (widgets' scrolling keys have none and speak Textual's English), not the ten digit
    keys (typed, not chosen from a list), only those enabled now."""
    seen: set[str] = set()
    for node, binding, enabled, _tooltip in screen.active_bindings.values():
        if not enabled or not binding.id or not binding.description or binding.action in seen:
            continue
        if binding.id.startswith(DIGIT_PREFIX):
            continue
        seen.add(binding.action)
        yield node, binding


def digit_bindings(action: str) -> list[Binding]:
    """The ten digit keys calling `action(n)`: typed, not listed one by one; the help says
    that digits work, and a keymap can move them by their ids."""
    return [
        Binding(str(d), f"{action}({d})", "0-9", id=f"{DIGIT_PREFIX}{d}", show=False)
        for d in range(10)
    ]


def has_digit_keys(screen: Screen) -> bool:
    return any(
        b.id and b.id.startswith(DIGIT_PREFIX) for _, b, _, _ in screen.active_bindings.values()
    )

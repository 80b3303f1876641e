"""Key bindings that speak the user's language, and a user keymap.

Textual's footer shows a binding's fixed `description`. Every binding here has an `id`; its words
live in the message catalogue under `key.<id>`, and `localize` rewrites the descriptions of a
node's bindings when the language changes. The same ids are what a user keymap remaps.
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

from textual.binding import Binding
from textual.dom import DOMNode
from textual.screen import Screen

from inspect_tui.storage.files import FileRefused, read_regular
from inspect_tui.words.i18n import Lang, t
from inspect_tui.words.messages import MESSAGES

KEYMAP_FILE = "keymap.toml"
KEYMAP_LIMIT = 1024 * 1024  # a keymap is a few dozen lines
DIGIT_PREFIX = "digit_"


def localize(node: DOMNode, lang: Lang) -> None:
    """Put the descriptions of the bindings of `node` and of every widget inside it into `lang`
    (by binding id): a widget's own keys (the item list's Enter for the note) show in the help
    and the palette too."""
    for each in (node, *node.walk_children()):
        bindings = each._bindings.key_to_bindings  # Textual keeps no public setter
        for key, found in bindings.items():
            bindings[key] = [
                replace(b, description=t(f"key.{b.id}", lang)) if f"key.{b.id}" in MESSAGES else b
                for b in found
            ]


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


def load_keymap(folder: Path) -> dict[str, str]:
    """`keymap.toml` in the data folder: `binding_id = "keys"` lines. Unreadable or malformed
    files are ignored (the default keys still work); nothing here may stop the app."""
    path = folder / KEYMAP_FILE
    try:  # a regular file of a sane size only: a FIFO here would hang the app before it opens
        data = tomllib.loads(read_regular(path, limit=KEYMAP_LIMIT).decode("utf-8"))
    except (OSError, FileRefused, UnicodeDecodeError, tomllib.TOMLDecodeError, RecursionError):
        return {}
    return {k: v for k, v in data.items() if isinstance(k, str) and isinstance(v, str)}

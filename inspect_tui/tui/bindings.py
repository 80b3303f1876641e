"""Key bindings that speak the user's language, and a user keymap.

Textual's footer shows a binding's fixed `description`. Every binding here has an `id`; its words
live in the message catalogue under `key.<id>`, and `localize` rewrites the descriptions of a
node's bindings when the language changes. The same ids are what a user keymap remaps.
"""

from __future__ import annotations

import tomllib
from dataclasses import replace
from pathlib import Path

from textual.dom import DOMNode

from inspect_tui.core.i18n import Lang, t
from inspect_tui.core.messages import MESSAGES

KEYMAP_FILE = "keymap.toml"


def localize(node: DOMNode, lang: Lang) -> None:
    """Put the descriptions of `node`'s bindings into `lang` (by binding id)."""
    bindings = node._bindings.key_to_bindings
    for key, found in bindings.items():
        bindings[key] = [
            replace(b, description=t(f"key.{b.id}", lang)) if f"key.{b.id}" in MESSAGES else b
            for b in found
        ]


def load_keymap(folder: Path) -> dict[str, str]:
    """`keymap.toml` in the data folder: `binding_id = "keys"` lines. Unreadable or malformed
    files are ignored (the default keys still work); nothing here may stop the app."""
    path = folder / KEYMAP_FILE
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        return {}
    return {k: v for k, v in data.items() if isinstance(k, str) and isinstance(v, str)}

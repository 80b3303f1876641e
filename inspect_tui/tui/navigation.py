"""How screens move: they post a message upward and the App, which holds the registry of
screens by name, acts on it. No screen imports another screen or the App."""

from __future__ import annotations

from typing import Any

from textual.message import Message


class Go(Message):
    """Open the screen registered as `name`, built with `args` (`replace`: instead of the
    current screen, e.g. a role's home after the role is chosen)."""

    def __init__(self, name: str, *, replace: bool = False, **args: Any) -> None:
        super().__init__()
        self.name = name
        self.args = args
        self.replace = replace


class Back(Message):
    """Close the current screen (never a role's home: it has nothing beneath it to go to)."""


class Relabelled(Message):
    """The language changed: a screen shows its words again."""

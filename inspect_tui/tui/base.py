"""The two kinds of screen the app shows: a `Page` (a screen of its own) and a `Dialog` (a
modal over one). Both are built with the `Context`, show their keys in the user's language
(`Localized`), and redraw their words on `relabel()` when the language changes."""

from __future__ import annotations

from typing import TypeVar

from textual import events
from textual.screen import ModalScreen, Screen

from inspect_tui.tui.bindings import Localized
from inspect_tui.tui.context import Context
from inspect_tui.tui.navigation import Back, Go
from inspect_tui.words.text import visible
from inspect_tui.words.wrap import fit

ResultType = TypeVar("ResultType")


TITLE_ROOM = 32  # the header's icon, "inspect-tui — " and the room its clock keeps


class Page(Localized, Screen[None]):
    """`home`: a role's first screen; nothing lies beneath it, so no key leaves it."""

    home = False

    def __init__(self, ctx: Context) -> None:
        super().__init__()
        self.ctx = ctx

    def on_resize(self, event: events.Resize) -> None:
        """Textual calls this beside a page's own `on_resize` (a handler per class)."""
        self.show_title()

    def show_title(self) -> None:
        """The campaign's title in the header, cut with "⋯" to the width (the roles screen
        shows it whole)."""
        title = visible(self.ctx.campaign.title.get(self.ctx.lang), keep_breaks=False)
        self.sub_title = fit(title, max(8, self.size.width - TITLE_ROOM))

    def relabel(self) -> None:
        """Show every word again in `ctx.lang` (on F2)."""

    def go(self, name: str, **args: object) -> None:
        self.post_message(Go(name, **args))

    def back(self) -> None:
        if not self.home:
            self.post_message(Back())

    def flush(self) -> None:
        """Save whatever waits on a timer (the app calls this before it quits)."""


class Dialog(Localized, ModalScreen[ResultType]):
    def __init__(self, ctx: Context) -> None:
        super().__init__()
        self.ctx = ctx

    def relabel(self) -> None:
        """Show every word again in `ctx.lang` (on F2)."""

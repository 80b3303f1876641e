"""The one text box of the app: what is typed or pasted is cleaned on the way in.

A paste can carry what no person typed: an escape sequence copied from a terminal (`␛]0;x␇`
sets a window's title), a C1 control from a legacy encoding, a stray surrogate. Everything
inserted, by a key or a paste, passes through `words.text.clean_typed`; what was removed is said
in a toast naming the field and the positions, so the store only ever gets text and nobody is
left wondering where a character went. The box also shows its value harmlessly: a direction
control (U+202E, which the text policy keeps, as a team may mean it) is drawn as a mark, not
obeyed, so it cannot reorder the line on screen.
"""

from __future__ import annotations

import re
from typing import Any

from rich.highlighter import Highlighter
from rich.text import Text as RichText
from textual import events
from textual.widget import Widget
from textual.widgets import Input

from inspect_tui.words.i18n import join_words, t
from inspect_tui.words.text import Refused, clean_typed, visible

SHOWN_LIMIT = 5  # positions named in the toast; a long paste of junk need not list them all
_LINE_END = re.compile(r"\r\n|\r|\n")
MARK = "⸮"  # one cell, one character: the cursor still lines up with the value


class _Harmless(Highlighter):
    """The value as drawn: each character a terminal would act on becomes one visible
    character (a control picture such as ␛, or ⸮), never more, so positions stay as they are."""

    def __call__(self, text: str | RichText) -> RichText:
        shown = RichText(text) if isinstance(text, str) else text.copy()
        plain = shown.plain
        if not plain.isprintable():
            shown.plain = "".join(_one(ch) for ch in plain)
        return shown

    def highlight(self, text: RichText) -> None:  # everything is done in __call__
        pass


def _one(ch: str) -> str:
    made = visible(ch, keep_breaks=False)
    return made if len(made) == 1 else MARK


class TextField(Input):
    """An `Input` whose typed and pasted text is cleaned; `field` is the catalogue key of the
    field's name, for the toast."""

    def __init__(self, value: str | None = None, *, field: str, **kwargs: Any) -> None:
        # not select_on_focus: a proposed value (the last visit's inspectors, the exports
        # folder) is corrected by typing into it, never wiped by the first key
        super().__init__(value, highlighter=_Harmless(), select_on_focus=False, **kwargs)
        self.field = field

    def replace(self, text: str, start: int, end: int) -> None:
        """Every insertion ends here (a key, a paste, `insert_text_at_cursor`)."""
        clean, removed = clean_typed(text)
        if removed:
            self._removed(removed)
        super().replace(clean, start, end)

    def on_paste(self, event: events.Paste) -> None:
        """The first line, as `Input` takes it, but cut at line ends only: `str.splitlines`
        also cuts at U+001C-U+001E and U+0085, which are removed and reported here instead.
        Textual calls this handler before `Input`'s own; `prevent_default` stops that one."""
        event.prevent_default()
        event.stop()
        if not event.text:
            return
        line = _LINE_END.split(event.text, maxsplit=1)[0]
        selection = self.selection
        if selection.is_empty:
            self.insert_text_at_cursor(line)
        else:
            self.replace(line, *selection)

    def _removed(self, removed: list[Refused]) -> None:
        said_removed(self, self.field, removed)


def said_removed(widget: Widget, field: str, removed: list[Refused]) -> None:
    """A toast naming the field, the positions and the characters removed from what was typed
    or pasted (a few of each: a long paste of junk need not list them all)."""
    lang = getattr(widget.app, "lang", "zh")
    shown = removed[:SHOWN_LIMIT]
    more = "⋯" if len(removed) > SHOWN_LIMIT else ""
    widget.notify(
        t(
            "ui.typed_removed",
            lang,
            field=t(field, lang),
            positions=join_words((str(r.position) for r in shown), lang) + more,
            chars=join_words((r.name for r in shown), lang) + more,
            count=len(removed),
        ),
        severity="warning",
        timeout=6,
    )

"""The multi-line box for notes and remarks: what is typed or pasted is cleaned on the way in
(as in `TextField`), and what it holds is drawn harmlessly.

Every edit, a key, a paste, an undo's redo, passes through `TextArea.edit`; the text of each
is cleaned there, and what was removed is said in a toast naming the field. A direction
control (U+202E, which the text policy keeps) is drawn as a visible mark of the same length
(`get_line`), so it cannot reorder the line on screen.
"""

from __future__ import annotations

from typing import Any

from rich.text import Text as RichText
from textual import events
from textual.widgets import TextArea
from textual.widgets.text_area import Edit, EditResult

from inspect_tui.tui.widgets.text_field import said_removed
from inspect_tui.words.text import clean_typed, visible

MARK = "⸮"


class NoteArea(TextArea):
    """`field`: the catalogue key of the field's name, for the toast."""

    def __init__(self, text: str = "", *, field: str, **kwargs: Any) -> None:
        super().__init__(text, soft_wrap=True, tab_behavior="focus", **kwargs)
        self.field = field

    def on_paste(self, event: events.Paste) -> None:
        """TextArea's own handler inserts the paste (through `edit`); it goes no further up,
        where the app would hand it to the focused box a second time."""
        event.stop()

    def edit(self, edit: Edit) -> EditResult:
        clean, removed = clean_typed(edit.text, multiline=True)
        if removed:
            said_removed(self, self.field, removed)
            edit = Edit(clean, edit.from_location, edit.to_location,
                        edit.maintain_selection_offset)  # fmt: skip
        return super().edit(edit)

    def get_line(self, line_index: int) -> RichText:
        line = super().get_line(line_index)
        plain = line.plain
        if not plain.isprintable():
            line.plain = "".join(_one(ch) for ch in plain)
        return line


def _one(ch: str) -> str:
    made = visible(ch, keep_breaks=False)
    return made if len(made) == 1 else MARK

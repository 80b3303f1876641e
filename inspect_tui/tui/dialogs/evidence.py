"""Pick a file to keep as an item's evidence: a photo of the archive's pages copied from a
phone, a scan. A file tree rooted at the user's home (or at a folder typed above it); Enter on a
file picks it, Enter on a folder opens it, Backspace goes up a folder, Esc gives up. A file's
whole path typed above picks it too.

File names are data like any other: a name such as `x[/b].jpg` is shown as it is, never read as
markup, and a control or direction character in it (an escape sequence, U+202E) is drawn
visibly (`words.text.visible`), never sent to the terminal or obeyed. The dialog only picks; the
visit screen hands the path to the team's desk, which reads and keeps it.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import ClassVar

from rich.text import Text as RichText
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.widgets import DirectoryTree, Footer, Input, Label

from inspect_tui.tui.base import Dialog
from inspect_tui.tui.content import bold, plain
from inspect_tui.tui.context import Context
from inspect_tui.tui.widgets.text_field import TextField
from inspect_tui.words.i18n import t
from inspect_tui.words.text import visible


class FileTree(DirectoryTree):
    """A `DirectoryTree` whose labels are text shown harmlessly, without hidden entries (a
    home folder holds dozens of them and no photo of an archive)."""

    def process_label(self, label: str | RichText) -> RichText:
        """Every label, a file's name or the root's path, as plain text on one line: Textual
        takes a `str` label literally here, but a terminal would still act on an ESC in it."""
        text = label.plain if isinstance(label, RichText) else str(label)
        return RichText(visible(text, keep_breaks=False), end="")

    def filter_paths(self, paths: Iterable[Path]) -> Iterable[Path]:
        return [path for path in paths if not path.name.startswith(".")]


class EvidenceDialog(Dialog[Path | None]):
    DEFAULT_CSS = """
    EvidenceDialog FileTree { height: 12; background: $boost; }
    EvidenceDialog #evidence-hint { width: 100%; color: $text-muted; }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="cancel"),
        Binding("backspace", "parent", "Up a folder", id="evidence_parent"),
    ]

    def __init__(self, ctx: Context, root: Path | None = None) -> None:
        super().__init__(ctx)
        self.root = root or Path.home()

    def compose(self) -> ComposeResult:
        yield Footer()
        with Vertical(classes="dialog"):
            yield Label(id="evidence-title")
            yield TextField(
                str(self.root), field="ui.field.evidence_folder", compact=True, id="evidence-folder"
            )
            yield FileTree(self.root, id="evidence-tree")
            yield Label(id="evidence-hint")

    def on_mount(self) -> None:
        self.relabel()
        self.query_one(FileTree).focus()

    def relabel(self) -> None:
        lang = self.ctx.lang
        self.query_one("#evidence-title", Label).update(bold(t("ui.evidence_title", lang)))
        self.query_one("#evidence-hint", Label).update(plain(t("ui.evidence_hint", lang)))

    def on_directory_tree_file_selected(self, event: DirectoryTree.FileSelected) -> None:
        event.stop()
        self.dismiss(event.path)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        """A folder typed in becomes the tree's root; a file's path is picked at once."""
        event.stop()
        typed = event.value.strip()
        if not typed:
            return
        path = Path(typed).expanduser()
        if path.is_dir():
            self._open(path)
        elif path.is_file():
            self.dismiss(path)
        else:
            lang = self.ctx.lang
            self.notify(t("ui.evidence_not_folder", lang, path=path), severity="error")

    def action_parent(self) -> None:
        tree = self.query_one(FileTree)
        parent = Path(tree.path).resolve().parent
        if parent != Path(tree.path).resolve():
            self._open(parent)

    def _open(self, folder: Path) -> None:
        tree = self.query_one(FileTree)
        tree.path = folder
        self.query_one("#evidence-folder", Input).value = str(folder)
        tree.focus()

    def action_cancel(self) -> None:
        self.dismiss(None)

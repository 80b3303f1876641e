"""The office's export: choose formats and how to rank, export into a folder (a worker thread,
with progress), and see where the files went and the verification code to print."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from rich.markup import escape
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Header, Input, Label, ProgressBar, SelectionList, Static

from inspect_tui.core.errors import InspectError
from inspect_tui.core.i18n import t
from inspect_tui.reports.dataset import gather
from inspect_tui.reports.export import FORMATS, export_files
from inspect_tui.tui.bindings import localize

if TYPE_CHECKING:
    from inspect_tui.tui.app import InspectApp

OPTIONS = ("calibrate", "drafts")


class ExportScreen(Screen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "export", "Export", id="write_exports"),
        Binding("escape", "back", "Back", id="back"),
    ]
    app: InspectApp

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="export"):
            yield Static(id="export-title")
            yield Label(id="formats-label")
            yield SelectionList[str](id="formats", compact=True)
            yield Label(id="options-label")
            yield SelectionList[str](id="export-options", compact=True)
            yield Label(id="folder-label")
            yield Input(compact=True, id="export-folder")
            yield ProgressBar(id="export-progress", show_eta=False)
            yield Static(id="export-result")
        yield Footer()

    def on_mount(self) -> None:
        localize(self, self.app.lang)
        lang = self.app.lang
        self.query_one("#export-title", Static).update(f"[b]{t('ui.export_title', lang)}[/b]")
        self.query_one("#formats-label", Label).update(t("ui.export_formats", lang))
        self.query_one("#options-label", Label).update(t("ui.export_options", lang))
        self.query_one("#folder-label", Label).update(t("ui.export_folder", lang))
        formats = self.query_one("#formats", SelectionList)
        formats.add_options([(t(f"ui.format.{name}", lang), name, True) for name in FORMATS])
        options = self.query_one("#export-options", SelectionList)
        options.add_options([(t(f"ui.option.{name}", lang), name, False) for name in OPTIONS])
        self.query_one("#export-folder", Input).value = str(self.app.exports)
        self.query_one("#export-progress", ProgressBar).display = False  # until there is work
        formats.focus()

    def action_export(self) -> None:
        chosen = [str(v) for v in self.query_one("#formats", SelectionList).selected]
        result = self.query_one("#export-result", Static)
        if not chosen:
            result.update(f"[red]{t('ui.export_nothing', self.app.lang)}[/]")
            return
        wanted = [name for name in FORMATS if name in chosen]  # the order the list shows
        options = set(self.query_one("#export-options", SelectionList).selected)
        folder = Path(self.query_one("#export-folder", Input).value.strip() or self.app.exports)
        bar = self.query_one("#export-progress", ProgressBar)
        bar.update(total=len(wanted) + 2, progress=0)
        bar.display = True
        result.update("")
        self.export(wanted, folder.expanduser(), "calibrate" in options, "drafts" in options)

    @work(thread=True, exclusive=True, group="io")
    def export(self, formats: list[str], folder: Path, calibrated: bool, drafts: bool) -> None:
        """Gather, then write each format; the files and the code, or the one-line error. The
        bar moves once for gathering, once per format and once when all is written."""
        app, lang = self.app, self.app.lang
        try:
            data = gather(
                app.campaign,
                app.store.folder,
                calibrated=calibrated,
                include_drafts=drafts,
                clock=app.clock,
            )
            app.call_from_thread(self._step, "")
            paths = export_files(
                data,
                formats,
                folder,
                app.store.folder,
                lang=lang,
                progress=lambda name: app.call_from_thread(self._step, name),
            )
        except InspectError as error:
            app.call_from_thread(self._show, f"[red]{escape(error.line(lang))}[/]")
            return
        app.call_from_thread(self._step, "")
        lines = [t("ui.export_done", lang, count=len(paths), folder=folder, code=data.seal.code)]
        lines += [f"  {path.name}" for path in paths]
        app.call_from_thread(self._show, escape("\n".join(lines)))

    def _step(self, name: str) -> None:
        self.query_one("#export-progress", ProgressBar).advance(1)
        if name:
            self._show(t("ui.export_running", self.app.lang, format=name))

    def _show(self, text: str) -> None:
        result = self.query_one("#export-result", Static)
        result.update(text)
        self.call_after_refresh(result.scroll_visible, animate=False)

    def action_back(self) -> None:
        self.app.pop_screen()

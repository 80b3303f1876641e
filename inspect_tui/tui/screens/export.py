"""The office's home: choose formats and how to rank, export into a folder (a worker thread,
with progress), and see where the files went and the verification code to print. Below it, a
printed code, a scanned QR payload or an export file can be verified without leaving the app
(the command line's `verify` needs the data folder the app holds)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import ClassVar

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import Footer, Header, Input, Label, ProgressBar, SelectionList, Static
from textual.widgets.selection_list import Selection

from inspect_tui.services.office import FORMATS, Exported
from inspect_tui.tui.base import Page
from inspect_tui.tui.content import bold, join, message, plain, styled
from inspect_tui.tui.context import Context
from inspect_tui.tui.widgets.check_list import CheckList
from inspect_tui.tui.widgets.text_field import TextField
from inspect_tui.tui.widgets.wrapped import Wrapped
from inspect_tui.words.errors import InspectError
from inspect_tui.words.i18n import Lang, t

OPTIONS = ("calibrate", "drafts")


class ExportScreen(Page):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "export", "Export", id="write_exports"),
        Binding("p", "ranking", "Ranking", id="open_ranking"),
        Binding("escape", "back", "Back", id="back"),
    ]

    def __init__(self, ctx: Context) -> None:
        super().__init__(ctx)
        self.result: Callable[[Lang], Content] | None = None  # the last outcome, either language
        self.checked: Callable[[Lang], Content] | None = None  # the last verification, likewise

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="export"):
            yield Static(id="export-title")
            yield Label(id="formats-label")
            yield CheckList[str](id="formats", compact=True)
            yield Label(id="options-label")
            yield CheckList[str](id="export-options", compact=True)
            yield Label(id="folder-label")
            yield TextField(field="ui.field.export_folder", compact=True, id="export-folder")
            yield ProgressBar(id="export-progress", show_eta=False)
            yield Wrapped(id="export-result")
            yield Label(id="verify-label")
            yield TextField(field="ui.field.verify", compact=True, id="verify-input")
            yield Wrapped(id="verify-result")
        yield Footer()

    def on_mount(self) -> None:
        formats = self.query_one("#formats", SelectionList)
        formats.add_options([Selection("", name, True, id=name) for name in FORMATS])
        options = self.query_one("#export-options", SelectionList)
        options.add_options([Selection("", name, False, id=name) for name in OPTIONS])
        self.query_one("#export-folder", Input).value = str(self.ctx.session.exports)
        self.query_one("#export-progress", ProgressBar).display = False  # until there is work
        self.relabel()
        formats.highlighted = 0  # Space ticks at once, as the title says
        formats.focus()

    def relabel(self) -> None:
        """Every word on the screen in the app's language (on mount, and on F2)."""
        lang = self.ctx.lang
        self.query_one("#export-title", Static).update(bold(t("ui.export_title", lang)))
        self.query_one("#formats-label", Label).update(plain(t("ui.export_formats", lang)))
        self.query_one("#options-label", Label).update(plain(t("ui.export_options", lang)))
        self.query_one("#folder-label", Label).update(plain(t("ui.export_folder", lang)))
        for name in FORMATS:
            self.query_one("#formats", SelectionList).replace_option_prompt(
                name, plain(t(f"ui.format.{name}", lang))
            )
        for name in OPTIONS:
            self.query_one("#export-options", SelectionList).replace_option_prompt(
                name, plain(t(f"ui.option.{name}", lang))
            )
        self.query_one("#verify-label", Label).update(plain(t("ui.verify_label", lang)))
        self.query_one("#verify-input", Input).placeholder = t("ui.verify_placeholder", lang)
        if self.result is not None:
            self._show(self.result(lang))
        if self.checked is not None:
            self.query_one("#verify-result", Wrapped).show(self.checked(lang))

    def action_export(self) -> None:
        chosen = [str(v) for v in self.query_one("#formats", SelectionList).selected]
        result = self.query_one("#export-result", Wrapped)
        if not chosen:
            self.result = lambda lang: styled(t("ui.export_nothing", lang), "red")
            result.show(self.result(self.ctx.lang))
            return
        wanted = [name for name in FORMATS if name in chosen]  # the order the list shows
        options = set(self.query_one("#export-options", SelectionList).selected)
        folder = Path(
            self.query_one("#export-folder", Input).value.strip() or self.ctx.session.exports
        )
        bar = self.query_one("#export-progress", ProgressBar)
        bar.update(total=len(wanted) + 2, progress=0)
        bar.display = True
        self.result = None
        result.show(plain(""))
        self.export(wanted, folder.expanduser(), "calibrate" in options, "drafts" in options)

    @work(thread=True, exclusive=True, group="io")
    def export(self, formats: list[str], folder: Path, calibrated: bool, drafts: bool) -> None:
        """Gather, then write each format; the files and the code, or the one-line error. The
        bar moves once for gathering, once per format and once when all is written."""
        app, lang = self.app, self.ctx.lang
        try:
            made = self.ctx.office.export(
                formats, folder, calibrated=calibrated, drafts=drafts, lang=lang,
                progress=lambda name: app.call_from_thread(self._step, name),
            )  # fmt: skip
        except InspectError as error:
            app.call_from_thread(self._failed, error)
            return
        app.call_from_thread(self._step, "")

        def done(lang: Lang) -> Content:
            return exported_lines(made, lang)

        app.call_from_thread(self._finished, done)

    def _finished(self, result: Callable[[Lang], Content]) -> None:
        self.result = result
        self._show(result(self.ctx.lang))

    def _failed(self, error: InspectError) -> None:
        self.result = lambda lang: styled(error.line(lang), "red")
        self.query_one("#export-progress", ProgressBar).display = False
        self._show(self.result(self.ctx.lang))

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if event.input.id == "verify-input" and event.value.strip():
            self.verify_code(event.value.strip())

    @work(thread=True, exclusive=True, group="io")
    def verify_code(self, what: str) -> None:
        """A printed code, a scanned payload or an export file, against the county store."""
        app = self.app
        try:
            verdict = self.ctx.office.verify(what)
        except InspectError as error:
            line = error.line  # the exception name is gone after this block; its method is not
            app.call_from_thread(self._verified, lambda lang: styled(line(lang), "red"))
            return
        colour = "green" if verdict.match else "red"
        lines = verdict.render  # words in either language, checked once
        app.call_from_thread(self._verified, lambda lang: styled("\n".join(lines(lang)), colour))

    def _verified(self, said: Callable[[Lang], Content]) -> None:
        self.checked = said
        result = self.query_one("#verify-result", Wrapped)
        result.show(said(self.ctx.lang))
        self.call_after_refresh(result.scroll_visible, animate=False)

    def _step(self, name: str) -> None:
        self.query_one("#export-progress", ProgressBar).advance(1)
        if name:
            self._show(plain(t("ui.export_running", self.ctx.lang, format=name)))

    def _show(self, text: Content) -> None:
        result = self.query_one("#export-result", Wrapped)
        result.show(text)
        self.call_after_refresh(result.scroll_visible, animate=False)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "back":
            return not self.home
        return True

    def action_ranking(self) -> None:
        self.go("ranking")

    def action_back(self) -> None:
        self.back()


def exported_lines(made: Exported, lang: Lang) -> Content:
    """Where the files went, each file, the code to print, and the county file's warning."""
    lines = [message("ui.export_done", lang, count=len(made.files), folder=made.folder,
                     code=made.code)]  # fmt: skip
    lines += [plain(f"  {path.name}") for path in made.files]
    if warning := made.warning(lang):
        lines.append(styled(warning, "red"))
    return join(lines)

"""The team lead's merge: the bundle files found, each checked and shown with its verdict;
choose, merge, see coverage, and settle conflicts by choosing a source."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, Header, Input, OptionList, ProgressBar, SelectionList, Static
from textual.widgets.option_list import Option
from textual.widgets.selection_list import Selection

from inspect_tui.core.bundle import Bundle, BundleError
from inspect_tui.core.county import CountyStore, Slot
from inspect_tui.core.errors import InspectError, os_reason
from inspect_tui.core.i18n import Msg, t
from inspect_tui.core.results import (
    CountyView,
    check_bundles,
    coverage,
    coverage_counts,
    find_bundles,
)
from inspect_tui.tui.bindings import localize
from inspect_tui.tui.content import bold, join, message, plain, styled
from inspect_tui.tui.widgets.text_field import TextField

if TYPE_CHECKING:
    from inspect_tui.tui.app import InspectApp


class MergeScreen(Screen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "merge", "Merge", id="merge"),
        Binding("escape", "back", "Back", id="back"),
    ]
    app: InspectApp

    def __init__(self) -> None:
        super().__init__()
        self.checked: dict[Path, Bundle | BundleError] = {}
        # the last merge: slots, counts, and what the county file holds that is wrong
        self.outcome: tuple[list[Slot], int, int, Msg | None] | None = None
        self.unreadable: tuple[Path, OSError] | None = None  # a folder that could not be looked at

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(id="merge-title")
        yield TextField(field="ui.field.merge_folder", compact=True, id="merge-folder")
        yield SelectionList[str](id="bundles", compact=True)
        yield ProgressBar(id="merge-progress", show_eta=False)
        yield Static(id="merge-result")
        yield OptionList(id="conflicts", compact=True)
        yield Footer()

    def on_mount(self) -> None:
        localize(self, self.app.lang)
        self.query_one("#conflicts", OptionList).display = False
        self.query_one("#merge-progress", ProgressBar).display = False  # until there is work
        self.relabel()
        self.scan([self.app.exports, self.app.store.folder / "exports"])
        self.query_one("#bundles", SelectionList).focus()

    def relabel(self) -> None:
        """The screen's words in the app's language (on mount, and on F2); the files' verdicts
        too, keeping what is ticked."""
        lang = self.app.lang
        self.query_one("#merge-title", Static).update(bold(t("ui.merge_title", lang)))
        self.query_one("#merge-folder", Input).placeholder = t("ui.merge_folder", lang)
        if self.checked:
            box = self.query_one("#bundles", SelectionList)
            for path, verdict in self.checked.items():
                box.replace_option_prompt(str(path), self._label(path, verdict))
        self._show_outcome()
        self._show_unreadable()

    def _show_unreadable(self) -> None:
        """The folder typed that the system refused to look into: one line, in red."""
        if self.unreadable is None:
            return
        folder, error = self.unreadable
        said = message("bundle.unreadable", self.app.lang, file=folder, reason=os_reason(error))
        self.query_one("#merge-result", Static).update(said.stylize("red"))

    def scan(self, folders: list[Path]) -> None:
        """Check every bundle file in `folders` (in the background, the bar moving a file at a
        time); good ones are ticked, refused ones say why."""
        self.unreadable = None
        try:
            paths = find_bundles(folders)
        except OSError as error:  # a typed folder the system cannot even look at (too long)
            self.unreadable = (Path(error.filename or folders[-1]), error)
            self._show_unreadable()
            return
        bar = self.query_one("#merge-progress", ProgressBar)
        bar.update(total=max(1, len(paths)), progress=0)
        bar.display = True
        self.check(paths)

    @work(thread=True, exclusive=True, group="io")
    def check(self, paths: list[Path]) -> None:
        app = self.app
        bar = self.query_one("#merge-progress", ProgressBar)
        checked = check_bundles(
            app.campaign, app.store, paths, progress=lambda _: app.call_from_thread(bar.advance, 1)
        )
        app.call_from_thread(self._checked, checked)

    def _checked(self, checked: dict[Path, Bundle | BundleError]) -> None:
        self.checked = checked
        self.query_one("#merge-progress", ProgressBar).display = False
        box = self.query_one("#bundles", SelectionList)
        box.clear_options()
        for path, verdict in checked.items():
            good = isinstance(verdict, Bundle)
            box.add_option(Selection(self._label(path, verdict), str(path), good, id=str(path)))
        if not checked:
            self.query_one("#merge-result", Static).update(plain(t("ui.merge_none", self.app.lang)))

    def _label(self, path: Path, verdict: Bundle | BundleError) -> Content:
        """A file and its verdict: the file's name, its team and the refusal are the file's
        own words (a file may be called `x[/b].json`), so text, never markup."""
        lang = self.app.lang
        if isinstance(verdict, BundleError):
            return styled(verdict.line(lang), "red")
        return message(
            "ui.bundle_ok",
            lang,
            file=path.name,
            team=verdict.team,
            visits=len(verdict.visits),
            fingerprint=verdict.fingerprint,
        )

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if event.value.strip():
            self.scan([Path(event.value.strip()).expanduser()])
            self.query_one("#bundles", SelectionList).focus()

    def action_merge(self) -> None:
        selected = self.query_one("#bundles", SelectionList).selected
        chosen = [
            bundle
            for path, bundle in self.checked.items()
            if isinstance(bundle, Bundle) and str(path) in selected
        ]
        self.merge(chosen, [])

    @work(thread=True, exclusive=True, group="io")
    def merge(self, bundles: list[Bundle], prefer: list[str]) -> None:
        """The chosen files in one write (or the lead's preferred source), then what the slots
        hold; a county file that cannot be written is one line, not a crash."""
        app = self.app
        try:
            with CountyStore(app.store.folder, app.campaign) as county:
                report = county.merge(bundles, prefer)
                slots = county.slots()
                view = CountyView(
                    slots, county.choices, county.altered, county.path, list(county.invalid)
                )
        except InspectError as error:
            line = error.line
            app.call_from_thread(self.notify, line(app.lang), severity="error")
            return
        warning = view.warning_msg()  # records edited by hand, or that cannot be used
        app.call_from_thread(self.show_result, slots, report.added, report.unchanged, warning)

    def show_result(
        self, slots: list[Slot], added: int, unchanged: int, warning: Msg | None = None
    ) -> None:
        self.outcome = (slots, added, unchanged, warning)
        self._show_outcome()
        conflicts = self.query_one("#conflicts", OptionList)
        if conflicts.display:
            conflicts.focus()

    def _show_outcome(self) -> None:
        """The last merge's summary and conflicts, in the app's language (again on F2)."""
        if self.outcome is None:
            return
        slots, added, unchanged, warning = self.outcome
        lang, campaign = self.app.lang, self.app.campaign
        table = coverage(campaign, slots)
        counts = coverage_counts(table)
        refused = sum(1 for v in self.checked.values() if isinstance(v, BundleError))
        summary = t(
            "merge.summary", lang, added=added, unchanged=unchanged, refused=refused, **counts
        )
        shown = [plain(summary)]
        if warning is not None:  # its ids, groups and reasons come from the county file
            shown.append(styled(warning.render(lang), "red"))
        self.query_one("#merge-result", Static).update(join(shown))
        conflicts = self.query_one("#conflicts", OptionList)
        conflicts.clear_options()
        for slot in slots:
            for record in slot.conflict:
                label = message(
                    "ui.conflict_option",
                    lang,
                    group=campaign.group(slot.group).name,
                    team=slot.team,
                    source=record.source,
                    file=record.source_file,
                    revision=record.revision,
                )
                conflicts.add_option(Option(label, id=record.source))
        conflicts.display = conflicts.option_count > 0

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        """The lead chose which source a conflicted slot keeps."""
        self.merge([], [str(event.option.id)])

    def action_back(self) -> None:
        self.app.pop_screen()

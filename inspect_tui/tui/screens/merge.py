"""The team lead's merge: the bundle files found, each checked and shown with its verdict;
choose, merge, see coverage, and settle conflicts by choosing a source."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from rich.markup import escape
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.widgets import Footer, Header, Input, OptionList, ProgressBar, SelectionList, Static
from textual.widgets.option_list import Option
from textual.widgets.selection_list import Selection

from inspect_tui.core.bundle import Bundle, BundleError, read_bundle
from inspect_tui.core.county import CountyStore
from inspect_tui.core.i18n import t
from inspect_tui.core.keys import trusted_keys
from inspect_tui.core.results import coverage, coverage_counts, find_bundles
from inspect_tui.tui.bindings import localize

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

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(id="merge-title")
        yield Input(compact=True, id="merge-folder")
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
        self.query_one("#merge-title", Static).update(f"[b]{t('ui.merge_title', lang)}[/b]")
        self.query_one("#merge-folder", Input).placeholder = t("ui.merge_folder", lang)
        if self.checked:
            box = self.query_one("#bundles", SelectionList)
            for path, verdict in self.checked.items():
                box.replace_option_prompt(str(path), self._label(path, verdict))

    def scan(self, folders: list[Path]) -> None:
        """Check every bundle file in `folders`; good ones are ticked, refused ones say why."""
        lang, campaign = self.app.lang, self.app.campaign
        trusted = trusted_keys(campaign, self.app.store)
        self.checked = {}
        for path in find_bundles(folders):
            try:
                self.checked[path] = read_bundle(path, campaign, trusted)
            except BundleError as error:
                self.checked[path] = error
        box = self.query_one("#bundles", SelectionList)
        box.clear_options()
        for path, verdict in self.checked.items():
            good = isinstance(verdict, Bundle)
            box.add_option(Selection(self._label(path, verdict), str(path), good, id=str(path)))
        if not self.checked:
            self.query_one("#merge-result", Static).update(t("ui.merge_none", lang))

    def _label(self, path: Path, verdict: Bundle | BundleError) -> str:
        lang = self.app.lang
        if isinstance(verdict, BundleError):
            return f"[red]{escape(verdict.line(lang))}[/]"
        label = t(
            "ui.bundle_ok",
            lang,
            file=path.name,
            team=verdict.team,
            visits=len(verdict.visits),
            fingerprint=verdict.fingerprint,
        )
        return escape(label)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if event.value.strip():
            self.scan([Path(event.value.strip()).expanduser()])
            self.query_one("#bundles", SelectionList).focus()

    def action_merge(self) -> None:
        chosen = [
            bundle
            for path, bundle in self.checked.items()
            if isinstance(bundle, Bundle)
            and str(path) in self.query_one("#bundles", SelectionList).selected
        ]
        bar = self.query_one("#merge-progress", ProgressBar)
        bar.update(total=max(1, len(chosen)), progress=0)
        bar.display = True
        county = CountyStore(self.app.store.folder, self.app.campaign)
        added = unchanged = 0
        for bundle in chosen:
            report = county.merge([bundle])
            added, unchanged = added + report.added, unchanged + report.unchanged
            bar.advance(1)
        self.show_result(county, added, unchanged)

    def show_result(self, county: CountyStore, added: int, unchanged: int) -> None:
        lang, campaign = self.app.lang, self.app.campaign
        slots = county.slots()
        table = coverage(campaign, slots)
        counts = coverage_counts(table)
        refused = sum(1 for v in self.checked.values() if isinstance(v, BundleError))
        self.query_one("#merge-result", Static).update(
            t("merge.summary", lang, added=added, unchanged=unchanged, refused=refused, **counts)
        )
        conflicts = self.query_one("#conflicts", OptionList)
        conflicts.clear_options()
        for slot in slots:
            for record in slot.conflict:
                label = t(
                    "ui.conflict_option",
                    lang,
                    group=campaign.group(slot.group).name.get(lang),
                    team=slot.team,
                    source=record.source,
                    file=record.source_file,
                    revision=record.revision,
                )
                conflicts.add_option(Option(escape(label), id=record.source))
        conflicts.display = conflicts.option_count > 0
        if conflicts.display:
            conflicts.focus()
        county.close()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        """The lead chose which source a conflicted slot keeps."""
        county = CountyStore(self.app.store.folder, self.app.campaign)
        county.merge([], [str(event.option.id)])
        self.show_result(county, 0, 0)

    def action_back(self) -> None:
        self.app.pop_screen()

"""The team lead's merge: the bundle files found, each checked and shown with its verdict;
choose, merge, see coverage, and settle conflicts by choosing a source. Below them, the groups
the ranking does not hold yet: N on one records it as not assessed, with a reason (a flood, a
leader who could not be reached), or takes that back; both are kept in the county file's audit."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import Screen
from textual.widgets import (
    Footer,
    Header,
    Input,
    Label,
    OptionList,
    ProgressBar,
    SelectionList,
    Static,
)
from textual.widgets.option_list import Option
from textual.widgets.selection_list import Selection

from inspect_tui.services.results import (
    CountyView,
    check_bundles,
    coverage,
    coverage_counts,
    find_bundles,
    read_county,
    view_of,
)
from inspect_tui.storage.bundle import Bundle, BundleError
from inspect_tui.storage.county import CountyStore, Slot
from inspect_tui.tui.bindings import localize
from inspect_tui.tui.content import bold, join, message, plain, styled
from inspect_tui.tui.dialogs.reason import ReasonDialog
from inspect_tui.tui.widgets.text_field import TextField
from inspect_tui.words.errors import InspectError, os_reason
from inspect_tui.words.i18n import Msg, t

if TYPE_CHECKING:
    from inspect_tui.tui.app import InspectApp


class CoverageList(OptionList):
    """The groups not in the ranking; N on one records it as not assessed or takes that back."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("n", "not_assessed", "Not assessed", id="not_assessed"),
    ]

    def action_not_assessed(self) -> None:
        if self.highlighted is None:
            return
        option = self.get_option_at_index(self.highlighted)
        screen = self.screen
        if isinstance(screen, MergeScreen) and option.id is not None:
            screen.ask_not_assessed(option.id)


class SkipReasonDialog(ReasonDialog):
    """Why a group is (no longer) recorded as not assessed: the reopen dialog's behaviour, with
    its own words."""

    def __init__(self, title: str, prompt: Content) -> None:
        super().__init__()
        self.heading, self.prompt = title, prompt

    def compose(self) -> ComposeResult:
        yield Footer()
        with Vertical(classes="dialog"):
            yield Label(bold(self.heading))
            yield Label(self.prompt)
            yield TextField(field="ui.field.skip_reason", compact=True, id="reason")


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
        self.view: CountyView | None = None  # what the county store holds, for the coverage list

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(id="merge-title")
        yield TextField(field="ui.field.merge_folder", compact=True, id="merge-folder")
        yield SelectionList[str](id="bundles", compact=True)
        yield ProgressBar(id="merge-progress", show_eta=False)
        yield Static(id="merge-result")
        yield OptionList(id="conflicts", compact=True)
        yield Static(id="coverage-hint")
        yield CoverageList(id="coverage", compact=True)
        yield Footer()

    def on_mount(self) -> None:
        localize(self, self.app.lang)
        self.query_one("#conflicts", OptionList).display = False
        self.query_one("#merge-progress", ProgressBar).display = False  # until there is work
        self.query_one("#coverage", OptionList).styles.max_height = 10
        self.query_one("#coverage-hint", Static).styles.padding = (0, 1)
        self.relabel()
        self.scan([self.app.exports, self.app.store.folder / "exports"])
        self.load_county()
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
        self._show_coverage()

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
                view = view_of(county)
                slots = view.slots
        except InspectError as error:
            line = error.line
            app.call_from_thread(self.notify, line(app.lang), severity="error")
            return
        warning = view.warning_msg()  # records edited by hand, or that cannot be used
        app.call_from_thread(self._viewed, view)
        app.call_from_thread(self.show_result, slots, report.added, report.unchanged, warning)

    # -- groups not assessed -----------------------------------------------------------------
    @work(thread=True, exclusive=True, group="county")
    def load_county(self) -> None:
        """What the county store holds now, for the coverage list (the merge's summary waits
        for a merge); a store that cannot be read says so when the lead merges."""
        app = self.app
        try:
            view = read_county(app.campaign, app.store.folder)
        except InspectError:
            return
        app.call_from_thread(self._viewed, view)

    def _viewed(self, view: CountyView) -> None:
        self.view = view
        self._show_coverage()

    def _show_coverage(self) -> None:
        """The roster's groups without a counted (finalized) result, each as missing or as
        recorded not assessed with the lead's reason, in roster order."""
        listed = self.query_one("#coverage", OptionList)
        hint = self.query_one("#coverage-hint", Static)
        if self.view is None:
            listed.display = hint.display = False
            return
        lang, campaign, view = self.app.lang, self.app.campaign, self.view
        counted = {
            s.group for s in view.slots if s.record is not None and s.record.status == "final"
        }
        highlighted = listed.highlighted
        listed.clear_options()
        for group in campaign.groups:
            if group.id in view.skipped:
                reason = view.skipped[group.id].reason
                label = message(
                    "ui.coverage_skipped", lang, name=group.name, group=group.id, reason=reason
                )
            elif group.id not in counted:
                label = message("ui.coverage_missing", lang, name=group.name, group=group.id)
            else:
                continue
            listed.add_option(Option(label, id=group.id))
        listed.display = hint.display = listed.option_count > 0
        hint.update(plain(t("ui.coverage_hint", lang)))
        if highlighted is not None and listed.option_count:
            listed.highlighted = min(highlighted, listed.option_count - 1)

    def ask_not_assessed(self, group_id: str) -> None:
        """The reason dialog for a group on the coverage list: record it as not assessed, or
        (when it is) take that back."""
        if self.view is None:
            return
        lang = self.app.lang
        undo = group_id in self.view.skipped
        name = self.app.campaign.group(group_id).name
        title = t("ui.unskip_title" if undo else "ui.skip_title", lang)
        prompt = message("ui.skip_reason", lang, name=name)

        def done(reason: str | None) -> None:
            if reason:
                self.record_not_assessed(group_id, reason, undo)

        self.app.push_screen(SkipReasonDialog(title, prompt), done)

    @work(thread=True, exclusive=True, group="county")
    def record_not_assessed(self, group_id: str, reason: str, undo: bool) -> None:
        app = self.app
        at = datetime.now(UTC).isoformat(timespec="seconds")
        try:
            with CountyStore(app.store.folder, app.campaign) as county:
                act = county.unskip if undo else county.skip
                act(group_id, reason=reason, who=app.store.who, at=at)
            view = read_county(app.campaign, app.store.folder)
        except InspectError as error:
            line = error.line
            app.call_from_thread(self.notify, line(app.lang), severity="error")
            return
        app.call_from_thread(self._viewed, view)

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
        skipped = self.view.skipped if self.view is not None else {}
        table = coverage(campaign, slots, skipped)
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

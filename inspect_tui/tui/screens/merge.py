"""The lead's home: the teams' files found, each checked and shown with its verdict; merge,
see coverage, settle conflicts by what the versions say (totals, tiers, inspectors, times and
the answers that differ), and the groups the ranking does not hold yet: N on one records it as
not assessed, with a reason (a flood, a leader who could not be reached), or takes that back.
Every county-file read and write runs in a worker."""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from textual import events, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import Footer, Header, Input, OptionList, ProgressBar, SelectionList, Static
from textual.widgets.option_list import Option
from textual.widgets.selection_list import Selection

from inspect_tui.services.lead import CheckedFile, Conflict, Merged
from inspect_tui.services.results import CountyView, coverage, coverage_counts
from inspect_tui.tui.base import Page
from inspect_tui.tui.content import bold, join, message, plain, styled
from inspect_tui.tui.context import Context
from inspect_tui.tui.dialogs.reason import ReasonDialog
from inspect_tui.tui.dialogs.text_view import TextDialog
from inspect_tui.tui.layout import fit_content
from inspect_tui.tui.widgets.check_list import CheckList
from inspect_tui.tui.widgets.conflicts import ConflictList
from inspect_tui.tui.widgets.text_field import TextField
from inspect_tui.tui.widgets.wrapped import Wrapped
from inspect_tui.words.errors import InspectError, os_reason
from inspect_tui.words.i18n import t


class MergeScreen(Page):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "merge", "Merge", id="merge"),
        Binding("n", "not_assessed", "Not assessed", id="not_assessed", show=False),
        Binding("v", "whole", "Whole text", id="whole", show=False),
        Binding("p", "ranking", "Ranking", id="open_ranking"),
        Binding("e", "export", "Export", id="open_export"),
        Binding("escape", "back", "Back", id="back"),
    ]

    def __init__(self, ctx: Context) -> None:
        super().__init__(ctx)
        self.checked: list[CheckedFile] = []
        self.merged: Merged | None = None  # the last merge's outcome
        self.folders: list[Path] = []  # where the files were looked for: stays on screen
        self.problem: Content | None = None  # a folder that could not be looked at, a refusal
        self.view: CountyView | None = None  # what the county file holds
        self.conflicts: list[Conflict] = []

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="merge"):
            yield Static(id="merge-title")
            yield TextField(field="ui.field.merge_folder", compact=True, id="merge-folder")
            yield Static(id="merge-where")
            yield CheckList[str](id="bundles", compact=True)
            yield ProgressBar(id="merge-progress", show_eta=False)
            yield Wrapped(id="merge-result")
            yield Static(id="conflict-hint")
            yield ConflictList(id="conflicts")
            yield Static(id="coverage-hint")
            yield OptionList(id="coverage", compact=True)
        yield Footer()

    def on_mount(self) -> None:
        for name in ("#conflicts", "#conflict-hint", "#merge-progress"):
            self.query_one(name).display = False
        self.relabel()
        self.scan(self.ctx.lead.folders)
        self.load_county()
        self.query_one("#bundles", SelectionList).focus()

    def relabel(self) -> None:
        """The screen's words in the app's language (on mount, and on F2); the files' verdicts
        too, keeping what is ticked."""
        lang = self.ctx.lang
        self.query_one("#merge-title", Static).update(bold(t("ui.merge_title", lang)))
        self.query_one("#merge-folder", Input).placeholder = t("ui.merge_folder", lang)
        where = t("sep.list", lang).join(str(f) for f in self.folders)
        self.query_one("#merge-where", Static).update(
            message("ui.merge_where", lang, folders=where).stylize("dim")
        )
        box = self.query_one("#bundles", SelectionList)
        for checked in self.checked:
            box.replace_option_prompt(str(checked.path), self._label(checked))
        self._show_outcome()
        self._show_coverage()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "back":
            return not self.home
        return True

    # -- the files -----------------------------------------------------------------------------
    def scan(self, folders: list[Path]) -> None:
        """Check every file in `folders` (in the background, the bar moving a file at a time);
        good ones are ticked, refused ones say why."""
        self.problem = None
        self.folders = folders
        try:
            paths = self.ctx.lead.find(folders)
        except OSError as error:  # a typed folder the system cannot even look at (too long)
            folder = Path(error.filename or folders[-1])
            said = message("bundle.unreadable", self.ctx.lang, file=folder, reason=os_reason(error))
            self.problem = said.stylize("red")
            self.relabel()
            return
        bar = self.query_one("#merge-progress", ProgressBar)
        bar.update(total=max(1, len(paths)), progress=0)
        bar.display = True
        self.relabel()
        self.check(paths)

    @work(thread=True, exclusive=True, group="io")
    def check(self, paths: list[Path]) -> None:
        bar = self.query_one("#merge-progress", ProgressBar)
        checked = self.ctx.lead.check(paths, lambda _: self.app.call_from_thread(bar.advance, 1))
        self.app.call_from_thread(self._checked, checked)

    def _checked(self, checked: list[CheckedFile]) -> None:
        self.checked = checked
        self.query_one("#merge-progress", ProgressBar).display = False
        box = self.query_one("#bundles", SelectionList)
        box.clear_options()
        for found in checked:
            name = str(found.path)
            box.add_option(Selection(self._label(found), name, found.good, id=name))
        if not checked:
            self.problem = plain(t("ui.merge_none", self.ctx.lang))
        self._show_outcome()

    def _label(self, found: CheckedFile) -> Content:
        """A file and its verdict in one line, cut with "⋯" (v shows it whole): the file's
        name, its team and the refusal are the file's own words, so text, never markup."""
        lang = self.ctx.lang
        if found.refusal is not None:  # the folder is said above the list: the name will do
            refusal = found.refusal
            short = {**refusal.params, "file": found.path.name}
            said = styled(t(refusal.key, lang, **short), "red", one_line=True)
        else:
            said = message(
                "ui.bundle_ok", lang, file=found.path.name, team=self.ctx.team_name(found.team),
                visits=found.visits, fingerprint=found.fingerprint,
            )  # fmt: skip
        width = self.query_one("#bundles", SelectionList).scrollable_content_region.width
        return fit_content(said, width - 5) if width > 12 else said

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if event.value.strip():
            self.scan([Path(event.value.strip()).expanduser()])
            self.query_one("#bundles", SelectionList).focus()

    def action_whole(self) -> None:
        """The highlighted file's verdict, or the highlighted conflict version, whole."""
        focused = self.focused
        lang = self.ctx.lang
        if isinstance(focused, SelectionList) and focused.highlighted is not None:
            found = self.checked[focused.highlighted]
            said = found.refusal.line(lang) if found.refusal else self._label(found).plain
            self.app.push_screen(TextDialog(self.ctx, str(found.path), said))
        elif isinstance(focused, ConflictList) and focused.highlighted is not None:
            option = focused.get_option_at_index(focused.highlighted)
            self.app.push_screen(TextDialog(self.ctx, t("ui.conflict_title", lang), option.prompt))  # type: ignore[arg-type]

    # -- merging -------------------------------------------------------------------------------
    def action_merge(self) -> None:
        ticked = set(self.query_one("#bundles", SelectionList).selected)
        self.merge([f for f in self.checked if f.good and str(f.path) in ticked])

    @work(thread=True, exclusive=True, group="io")
    def merge(self, files: list[CheckedFile], keep: str = "") -> None:
        """The chosen files in one write (or the version the lead keeps), then what the county
        file holds; a county file that cannot be written is one line, not a crash."""
        lead = self.ctx.lead
        try:
            merged = lead.keep(keep) if keep else lead.merge(files)
            conflicts = lead.conflicts(merged.view)
        except InspectError as error:
            self.app.call_from_thread(self._refused, error)
            return
        self.app.call_from_thread(self._merged, merged, conflicts)

    def _refused(self, error: InspectError) -> None:
        self.problem = styled(error.line(self.ctx.lang), "red")
        self._show_outcome()

    def _merged(self, merged: Merged, conflicts: list[Conflict]) -> None:
        self.merged, self.view, self.conflicts, self.problem = merged, merged.view, conflicts, None
        self._show_outcome()
        self._show_coverage()
        listed = self.query_one("#conflicts", ConflictList)
        if listed.display:
            listed.focus()

    def _show_outcome(self) -> None:
        """The last merge's summary and conflicts, in the app's language (again on F2)."""
        lang, result = self.ctx.lang, self.query_one("#merge-result", Wrapped)
        shown: list[Content] = [self.problem] if self.problem is not None else []
        if self.merged is not None:
            merged, view = self.merged, self.merged.view
            counts = coverage_counts(coverage(self.ctx.campaign, view.slots, view.skipped))
            refused = sum(1 for f in self.checked if not f.good)
            summary = t(
                "merge.summary", lang, added=merged.added, unchanged=merged.unchanged,
                refused=refused, **counts,
            )  # fmt: skip
            shown.append(plain(summary))
            if merged.warning is not None:  # its ids, groups and reasons come from the file
                shown.append(styled(merged.warning.render(lang), "red"))
        result.show(join(shown))
        listed = self.query_one("#conflicts", ConflictList)
        listed.show(self.ctx.campaign, self.conflicts, lang, self.ctx.team_name)
        hint = self.query_one("#conflict-hint", Static)
        hint.update(plain(t("ui.conflict_hint", lang)).stylize("bold"))
        listed.display = hint.display = bool(self.conflicts)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        """The lead kept one version of a visit in conflict."""
        if isinstance(event.option_list, ConflictList):
            source = event.option_list.source_of(event.option.id)
            if source:
                self.merge([], source)

    # -- groups not assessed -------------------------------------------------------------------
    @work(thread=True, exclusive=True, group="county")
    def load_county(self) -> None:
        """What the county file holds now, for the coverage list and its conflicts; a file that
        cannot be read says so when the lead merges."""
        try:
            view = self.ctx.lead.read()
            conflicts = self.ctx.lead.conflicts(view)
        except InspectError:
            return
        self.app.call_from_thread(self._viewed, view, conflicts)

    def _viewed(self, view: CountyView, conflicts: list[Conflict]) -> None:
        self.view, self.conflicts = view, conflicts
        self._show_outcome()
        self._show_coverage()

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        """A list reached by Tab has a row ready for its key (n), not none."""
        widget = event.widget
        if isinstance(widget, OptionList) and widget.highlighted is None and widget.option_count:
            widget.highlighted = 0

    def _show_coverage(self) -> None:
        """The roster's groups without a counted (finalized) result, each as missing or as
        recorded not assessed with the lead's reason, in roster order."""
        listed = self.query_one("#coverage", OptionList)
        hint = self.query_one("#coverage-hint", Static)
        if self.view is None:
            listed.display = hint.display = False
            return
        lang, campaign, view = self.ctx.lang, self.ctx.campaign, self.view
        counted = {
            s.group for s in view.slots if s.record is not None and s.record.status == "final"
        }
        highlighted = listed.highlighted
        listed.clear_options()
        missing = 0
        for group in campaign.groups:
            if group.id in view.skipped:
                reason = view.skipped[group.id].reason
                label = message(
                    "ui.coverage_skipped", lang, name=group.name, group=group.id, reason=reason
                )
            elif group.id not in counted:
                label = message("ui.coverage_missing", lang, name=group.name, group=group.id)
                missing += 1
            else:
                continue
            listed.add_option(Option(label, id=group.id))
        listed.display = hint.display = listed.option_count > 0
        hint.update(plain(t("ui.coverage_hint_count", lang, count=missing)).stylize("bold"))
        if highlighted is not None and listed.option_count:
            listed.highlighted = min(highlighted, listed.option_count - 1)

    def action_not_assessed(self) -> None:
        """N on the list of groups without a result: record one as not assessed, or (when it
        is) take that back; the reason is asked."""
        listed = self.query_one("#coverage", OptionList)
        if self.focused is not listed or listed.highlighted is None or self.view is None:
            return
        group_id = str(listed.get_option_at_index(listed.highlighted).id)
        undo = group_id in self.view.skipped
        name = self.ctx.campaign.group(group_id).name
        asked = "ui.unskip_reason" if undo else "ui.skip_reason"
        prompt = message(asked, self.ctx.lang, name=name)

        def done(reason: str | None) -> None:
            if reason:
                self.record_not_assessed(group_id, reason, undo)

        title = "ui.unskip_title" if undo else "ui.skip_title"
        self.app.push_screen(ReasonDialog(self.ctx, title, prompt, "ui.field.skip_reason"), done)

    @work(thread=True, exclusive=True, group="county")
    def record_not_assessed(self, group_id: str, reason: str, undo: bool) -> None:
        try:
            view = self.ctx.lead.skip(group_id, reason, undo=undo)
            conflicts = self.ctx.lead.conflicts(view)
        except InspectError as error:
            self.app.call_from_thread(self._refused, error)
            return
        self.app.call_from_thread(self._viewed, view, conflicts)

    def action_ranking(self) -> None:
        self.go("ranking")

    def action_export(self) -> None:
        self.go("export")

    def action_back(self) -> None:
        self.back()

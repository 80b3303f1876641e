"""The Textual app. It shows and asks; the core computes and stores.

Screens: start (campaign, team choice) -> groups (the team's groups) -> visit (the checklist)
-> receipt. Dialogs: visit header, finalize, reopen reason, help. Every action has a binding id
(`key.<id>` in the catalogue): the footer, the help screen and the command palette show it in
the current language, and `keymap.toml` in the data folder can move it to another key.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterable
from datetime import datetime
from pathlib import Path
from typing import ClassVar

from rich.console import Console
from textual.app import App, SystemCommand
from textual.binding import Binding, BindingType
from textual.notifications import SeverityLevel
from textual.screen import Screen

from inspect_tui.crashlog import CrashLog
from inspect_tui.domain.model import Campaign
from inspect_tui.storage.paths import EXPORTS
from inspect_tui.storage.store import LocalStore, Visit
from inspect_tui.tui.bindings import listed_bindings, load_keymap, localize
from inspect_tui.tui.content import plain
from inspect_tui.words.errors import StoreError
from inspect_tui.words.i18n import Lang, t
from inspect_tui.words.text import visible

LANG_SETTING = "lang"


def team_setting(campaign: Campaign) -> str:
    return f"team:{campaign.id}"


class InspectApp(App[None]):
    """One campaign, one data folder, one language at a time (F2 switches)."""

    CSS_PATH = "app.tcss"
    TITLE = "inspect-tui"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+q", "quit", "Quit", id="quit", priority=True),
        Binding("f2", "toggle_lang", "中文", id="lang"),
        Binding("f1", "help", "Help", id="help"),
        Binding("ctrl+p", "command_palette", "Commands", id="palette", show=False, priority=True),
    ]

    def __init__(
        self,
        *,
        campaign: Campaign,
        store: LocalStore,
        lang: Lang,
        exports: Path = EXPORTS,
        today: str | None = None,
        clock: Callable[[], datetime] = datetime.now,
    ) -> None:
        """`today` and `clock` are fixed by tests and screenshots; they default to the real date
        and time."""
        super().__init__()
        self.campaign = campaign
        self.store = store
        self.lang: Lang = lang
        self.exports = exports
        self.today = today
        self.clock = clock
        # Textual prints an unhandled exception's traceback to `error_console` once the app has
        # closed and sets `return_code` to 1: the traceback goes to a log file (made only then),
        # and the command line says one line and exits 70 (`commands.app`)
        self.crash_log = CrashLog()
        self.error_console = Console(
            file=self.crash_log, markup=False, highlight=False, emoji=False, width=120
        )

    def on_mount(self) -> None:
        from inspect_tui.tui.screens.groups import GroupsScreen
        from inspect_tui.tui.screens.start import StartScreen

        self.set_keymap(load_keymap(self.store.folder))
        localize(self, self.lang)
        self.sub_title = visible(self.campaign.title.get(self.lang))  # a file's words
        for problem in self.store.damaged:
            self.notify(problem.line(self.lang), severity="warning", timeout=10)
        self.push_screen(StartScreen())
        team = self.store.setting(team_setting(self.campaign))
        if team in self.campaign.team_ids:
            self.push_screen(GroupsScreen(team))

    async def action_quit(self) -> None:
        """Ctrl+Q: first save what waits on a timer (a note being typed, the position)."""
        for screen in self.screen_stack:
            flush = getattr(screen, "flush", None)
            if flush is not None:
                flush()
        self.exit()

    # -- what screens ask of the store ---------------------------------------------------------
    def remember_team(self, team_id: str) -> None:
        with contextlib.suppress(StoreError):  # not remembered this time; the app still works
            self.store.set_setting(team_setting(self.campaign), team_id)

    def open_visit(self, team_id: str, group_id: str) -> tuple[Visit, bool]:
        """The team's visit of the group, started now if there is none; and whether it is new."""
        found = self.store.find_visit(self.campaign.id, team_id, group_id)
        if found is not None:
            return found, False
        return self.store.start_visit(
            self.campaign, team_id, group_id, visit_date=self.date()
        ), True

    def show_receipt(self, visit_id: str) -> None:
        """Keep the receipt in the exports folder (SVG and text) and show it."""
        from inspect_tui.reports.receipt import build_receipt, write_receipt
        from inspect_tui.tui.screens.receipt import ReceiptScreen

        receipt = build_receipt(self.campaign, self.store, visit_id)
        try:
            saved: tuple[Path, ...] = write_receipt(receipt, self.exports)
        except OSError as error:  # a full USB stick must not hide the receipt itself
            self.notify(str(error), severity="error", timeout=8)
            saved = ()
        self.push_screen(ReceiptScreen(receipt, saved, visit_id))

    def export_bundle(self, team_id: str) -> tuple[Path, int]:
        """Sign and write the team's bundle; the file and how many visits it holds."""
        from inspect_tui.storage.bundle import make_bundle, write_bundle
        from inspect_tui.storage.keys import DeviceKey

        stamp = self.clock().astimezone().isoformat(timespec="seconds")
        device = DeviceKey(self.store.folder)
        bundle = make_bundle(self.campaign, self.store, team_id, device, created_at=stamp)
        return write_bundle(bundle, self.exports), len(bundle["visits"])

    def date(self) -> str:
        return self.today or self.clock().date().isoformat()

    # -- language ------------------------------------------------------------------------------
    def action_toggle_lang(self) -> None:
        self.lang = "en" if self.lang == "zh" else "zh"
        with contextlib.suppress(StoreError):  # a damaged settings file must not block it
            self.store.set_setting(LANG_SETTING, self.lang)
        localize(self, self.lang)
        self.sub_title = visible(self.campaign.title.get(self.lang))
        for screen in self.screen_stack:
            localize(screen, self.lang)
            relabel = getattr(screen, "relabel", None)
            if relabel:
                relabel()
        self.refresh_bindings()
        self.notify(t("ui.lang_switched", self.lang), timeout=2)

    def action_help(self) -> None:
        from inspect_tui.tui.dialogs.help import HelpDialog

        self.push_screen(HelpDialog())

    # -- toasts -------------------------------------------------------------------------------
    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = False,
    ) -> None:
        """Every toast of the app (widgets' and screens' `notify` come here): its words often
        carry a name, a file name or a refusal reason, so never markup, control characters
        shown, whatever a caller asks."""
        super().notify(
            visible(message),
            title=visible(title),
            severity=severity,
            timeout=timeout,
            markup=False,
        )

    # -- command palette: every action of the current screen -----------------------------------
    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        for node, binding in listed_bindings(screen):
            # the palette reads a str help as markup, and a key may come from keymap.toml
            help_text = plain(f"{binding.description} ({self.get_key_display(binding)})")
            yield SystemCommand(
                binding.description,
                help_text,  # type: ignore[arg-type]  # Content is shown as it is
                lambda node=node, action=binding.action: self._run(node, action),
            )
        yield from super().get_system_commands(screen)

    def _run(self, node: object, action: str) -> None:
        self.call_later(self.run_action, action, node)

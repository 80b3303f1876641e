"""The Textual app: it holds the registry of screens, moves between them when a screen asks
(`navigation.Go`, `Back`), switches the language, and builds the command palette in it.

First screen: what this laptop is for (a team, the lead, the office), asked once and kept; then
that role's home: the team's groups, the lead's merge, the office's export. Every action has a
binding id (`key.<id>` in the catalogue): the footer, the help and the palette show it in the
current language, and `keymap.toml` in the data folder can move it to another key.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from importlib import import_module
from pathlib import Path
from typing import ClassVar

from rich.console import Console
from textual.app import App, SystemCommand
from textual.binding import Binding, BindingType
from textual.command import CommandPalette
from textual.notifications import SeverityLevel
from textual.screen import Screen

from inspect_tui.crashlog import CrashLog
from inspect_tui.services.session import Choice, Session
from inspect_tui.tui.base import Page
from inspect_tui.tui.bindings import listed_bindings
from inspect_tui.tui.content import plain
from inspect_tui.tui.context import Context
from inspect_tui.tui.dialogs.help import HelpDialog
from inspect_tui.tui.navigation import Back, Go
from inspect_tui.tui.palette import builtin_commands
from inspect_tui.tui.screens.roles import RolesScreen
from inspect_tui.words.errors import StoreError
from inspect_tui.words.i18n import Lang, t
from inspect_tui.words.text import visible

# the registry of screens by name; each module is imported when first shown, so a start
# loads only the first screen's (the export screen's alone would pull in openpyxl and docx)
PAGES = {
    "roles": "roles:RolesScreen",
    "groups": "groups:GroupsScreen",
    "visit": "visit:VisitScreen",
    "receipt": "receipt:ReceiptScreen",
    "merge": "merge:MergeScreen",
    "ranking": "ranking:RankingScreen",
    "export": "export:ExportScreen",
}


def page(name: str, ctx: Context, **args: object) -> Page:
    """The screen registered as `name`, made for `ctx`."""
    module, _, cls = PAGES[name].partition(":")
    made: Callable[..., Page] = getattr(import_module(f"inspect_tui.tui.screens.{module}"), cls)
    return made(ctx, **args)


def home_of(choice: Choice) -> tuple[str, dict[str, object]]:
    """A role's first screen."""
    if choice.role == "team":
        return "groups", {"team_id": choice.team}
    return ("merge", {}) if choice.role == "lead" else ("export", {})


class InspectApp(App[None]):
    """One campaign, one data folder, one language at a time (F2 switches)."""

    # absolute: Textual resolves a relative path against the file of the class it is read on,
    # which for a subclass elsewhere (a benchmark's) is not this one
    CSS_PATH = Path(__file__).with_name("app.tcss")
    TITLE = "inspect-tui"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+q", "quit", "Quit", id="quit", priority=True),
        # priority: a modal dialog cuts the binding chain, and F2 and F1 must work there too
        Binding("f2", "toggle_lang", "中文", id="lang", priority=True),
        Binding("f1", "help", "Help", id="help", priority=True),
        Binding("ctrl+p", "command_palette", "Commands", id="palette", show=False, priority=True),
    ]

    def __init__(self, session: Session, *, lang: Lang) -> None:
        super().__init__()
        self.ctx = Context(session, lang, session.choice(), session.auto_advance())
        # Textual prints an unhandled exception's traceback to `error_console` once the app has
        # closed and sets `return_code` to 1: the traceback goes to a log file (made only then),
        # and the command line says one line and exits 70 (`commands.app`)
        self.crash_log = CrashLog()
        self.error_console = Console(
            file=self.crash_log, markup=False, highlight=False, emoji=False, width=120
        )

    @property
    def lang(self) -> Lang:
        return self.ctx.lang

    def on_mount(self) -> None:
        self.set_keymap(self.ctx.session.keymap())  # the title: each page's (Page.show_title)
        for problem in self.ctx.session.damaged:
            self.notify(problem.line(self.lang), severity="warning", timeout=10)
        if self.ctx.choice is None:
            self.push_screen(page("roles", self.ctx))
        else:
            self._go_home(self.ctx.choice)

    # -- moving between screens ---------------------------------------------------------------
    def on_go(self, message: Go) -> None:
        screen = page(message.name, self.ctx, **message.args)
        if message.replace:
            self.switch_screen(screen)
        else:
            self.push_screen(screen)

    def on_back(self, _: Back) -> None:
        if not (isinstance(self.screen, Page) and self.screen.home):
            self.pop_screen()

    def on_roles_screen_chosen(self, message: RolesScreen.Chosen) -> None:
        """A role (and team) chosen: kept, and its home replaces every screen shown so far."""
        try:
            self.ctx.session.choose(message.choice)
        except StoreError as error:  # not remembered this time; the app still works
            self.notify(error.line(self.lang), severity="warning", timeout=8)
        self.ctx.choice = message.choice
        self._go_home(message.choice)

    def _go_home(self, choice: Choice) -> None:
        name, args = home_of(choice)
        home = page(name, self.ctx, **args)
        home.home = True
        while len(self.screen_stack) > 1:
            self.pop_screen()
        self.push_screen(home)

    def action_change_role(self) -> None:
        """From the palette only: a stray key never takes a laptop out of its role."""
        if not isinstance(self.screen, RolesScreen):
            self.push_screen(page("roles", self.ctx))

    def action_toggle_auto_advance(self) -> None:
        self.ctx.auto_advance = not self.ctx.auto_advance
        self.ctx.session.set_auto_advance(self.ctx.auto_advance)
        state = "on" if self.ctx.auto_advance else "off"
        self.notify(t(f"ui.auto_advance_{state}", self.lang), timeout=3)
        self.screen.refresh_bindings()

    async def action_quit(self) -> None:
        """Ctrl+Q: first save what waits on a timer (a number being typed, the position)."""
        for screen in self.screen_stack:
            if isinstance(screen, Page):
                screen.flush()
        self.exit()

    # -- language ------------------------------------------------------------------------------
    def action_toggle_lang(self) -> None:
        self.ctx.lang = "en" if self.lang == "zh" else "zh"
        self.ctx.session.set_lang(self.lang)
        for screen in self.screen_stack:
            if isinstance(screen, Page):
                screen.show_title()
            relabel = getattr(screen, "relabel", None)
            if relabel is not None:
                relabel()
        self.refresh_bindings()
        self.notify(t("ui.lang_switched", self.lang), timeout=2)

    def action_help(self) -> None:
        if not isinstance(self.screen, HelpDialog):
            self.push_screen(HelpDialog(self.ctx))

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
            visible(message), title=visible(title), severity=severity, timeout=timeout,
            markup=False,
        )  # fmt: skip

    # -- command palette: every action of the current screen, in the user's language ----------
    def action_command_palette(self) -> None:
        if self.use_command_palette and not CommandPalette.is_open(self):
            placeholder = t("palette.placeholder", self.lang)
            self.push_screen(CommandPalette(placeholder=placeholder, id="--command-palette"))

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        lang = self.lang
        for node, binding in listed_bindings(screen):
            # the palette reads a str help as markup, and a key may come from keymap.toml
            key = self.get_key_display(binding)
            help_text = plain(t("palette.key_help", lang, key=key))
            yield SystemCommand(
                binding.description,
                help_text,  # type: ignore[arg-type]  # Content is shown as it is
                lambda node=node, action=binding.action: self._run(node, action),
            )
        yield SystemCommand(
            t("palette.change_role", lang), t("palette.change_role_help", lang),
            self.action_change_role,
        )  # fmt: skip
        state = "off" if self.ctx.auto_advance else "on"
        yield SystemCommand(
            t(f"palette.auto_advance_{state}", lang), t("palette.auto_advance_help", lang),
            self.action_toggle_auto_advance,
        )  # fmt: skip
        yield from builtin_commands(super().get_system_commands(screen), lang)

    def _run(self, node: object, action: str) -> None:
        self.call_later(self.run_action, action, node)

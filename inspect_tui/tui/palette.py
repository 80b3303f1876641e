"""Textual's own palette commands (theme, keys, maximize, screenshot) in the user's language.

They are Textual's commands with Textual's callbacks; only their words change, matched by the
English help Textual gives each. "Quit" is left out: the app's own Ctrl+Q (which saves first)
is listed with the screen's keys. A command this table does not know (a newer Textual) keeps its
English words: a test lists the commands of the installed Textual and finds none untranslated.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from textual.app import SystemCommand

from inspect_tui.words.i18n import Lang, t

LEFT_OUT = {"Quit"}
KNOWN = {
    "Change the current theme": "palette.theme",
    "Show help for the focused widget and a summary of available keys": "palette.keys_show",
    "Hide the keys and widget help panel": "palette.keys_hide",
    "Maximize the focused widget": "palette.maximize",
    "Minimize the widget and restore to normal size": "palette.minimize",
    "Save an SVG 'screenshot' of the current screen": "palette.screenshot",
}


def builtin_commands(commands: Iterable[SystemCommand], lang: Lang) -> Iterator[SystemCommand]:
    for command in commands:
        if command.title in LEFT_OUT:
            continue
        key = KNOWN.get(str(command.help))
        if key is None:
            yield command
        else:
            yield command._replace(title=t(key, lang), help=t(f"{key}_help", lang))

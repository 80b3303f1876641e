"""Start the Textual app: open the store and the campaign first, so their errors are one line."""

from __future__ import annotations

import sys

from inspect_tui.core.campaign import load_campaign
from inspect_tui.core.errors import InspectError
from inspect_tui.core.i18n import Lang, default_lang, parse_lang
from inspect_tui.core.paths import EXPORTS_SETTING, campaign_file, data_folder, exports_folder
from inspect_tui.core.store import LocalStore


def run_app(*, data: str | None, campaign: str | None, lang: Lang | None) -> int:
    """`lang`: --lang if given, else the language last chosen in the app, else the locale."""
    if not sys.stdin.isatty() or not sys.stdout.isatty():
        raise InspectError("cli.no_tty")
    loaded = load_campaign(campaign_file(campaign))
    with LocalStore(data_folder(data)) as store:
        from inspect_tui.tui.app import LANG_SETTING, InspectApp  # Textual loads only here

        chosen = lang or parse_lang(store.setting(LANG_SETTING)) or default_lang()
        exports = exports_folder(None, store.setting(EXPORTS_SETTING))
        InspectApp(campaign=loaded, store=store, lang=chosen, exports=exports).run()
    return 0

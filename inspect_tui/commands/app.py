"""Start the Textual app: open the store and the campaign first, so their errors are one line."""

from __future__ import annotations

import sys

from inspect_tui.core.campaign import load_campaign
from inspect_tui.core.errors import InspectError
from inspect_tui.core.i18n import Lang
from inspect_tui.core.paths import campaign_file, data_folder
from inspect_tui.core.store import LocalStore


def run_app(*, data: str | None, campaign: str | None, lang: Lang) -> int:
    if not sys.stdin.isatty() or not sys.stdout.isatty():
        raise InspectError("cli.no_tty")
    loaded = load_campaign(campaign_file(campaign))
    with LocalStore(data_folder(data)) as store:
        from inspect_tui.tui.app import InspectApp  # Textual loads only when the app runs

        InspectApp(campaign=loaded, store=store, lang=lang).run()
    return 0

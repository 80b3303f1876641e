"""Start the Textual app: open the session (the store and the campaign) first, so their errors
are one line; an internal error inside the app ends as the command line's do: one line naming
the crash log, exit 70."""

from __future__ import annotations

import sys

from inspect_tui.loading.campaign import load_campaign
from inspect_tui.services.session import Session
from inspect_tui.storage.paths import campaign_file, data_folder
from inspect_tui.words.errors import InspectError
from inspect_tui.words.i18n import Lang, default_lang, t

EXIT_INTERNAL = 70  # as the command line's own (cli.EXIT_INTERNAL, EX_SOFTWARE)


def run_app(*, data: str | None, campaign: str | None, lang: Lang | None) -> int:
    """`lang`: --lang if given, else the language last chosen in the app, else the locale."""
    if not sys.stdin.isatty() or not sys.stdout.isatty():
        raise InspectError("cli.no_tty")
    loaded = load_campaign(campaign_file(campaign))
    with Session.open(loaded, data_folder(data)) as session:
        from inspect_tui.tui.app import InspectApp  # Textual loads only here

        app = InspectApp(session, lang=lang or session.lang() or default_lang())
        app.run()
    if not app.return_code:
        return 0
    # Textual set the code after an unhandled exception and printed its traceback to the app's
    # error console, which is the crash log (see InspectApp)
    log = app.crash_log.path or t("ui.crash_log_missing", app.lang)
    print(t("cli.internal", app.lang, error=t("ui.crashed", app.lang), log=log), file=sys.stderr)
    return EXIT_INTERNAL

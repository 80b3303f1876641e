"""`inspect-tui sheet-template` and `inspect-tui import-sheet`: the paper fallback."""

from __future__ import annotations

import sys
from pathlib import Path

from inspect_tui.loading.campaign import known_team, load_campaign
from inspect_tui.reports.sheet import SheetError, import_sheet, write_template
from inspect_tui.storage.paths import campaign_file, data_folder
from inspect_tui.storage.store import LocalStore
from inspect_tui.words.i18n import Lang, t


def template(*, campaign: str | None, out: str, team: str | None, lang: Lang) -> int:
    loaded = load_campaign(campaign_file(campaign))
    if team:
        known_team(loaded, team)
    print(t("sheet.written", lang, file=write_template(loaded, Path(out), team)))
    return 0


def import_(*, data: str | None, campaign: str | None, file: str, team: str, lang: Lang) -> int:
    loaded = load_campaign(campaign_file(campaign))
    known_team(loaded, team)
    with LocalStore(data_folder(data)) as store:
        try:
            count = import_sheet(loaded, store, Path(file), team, lang)
        except SheetError as error:
            for problem in error.problems:  # every bad cell, then the one-line verdict
                print(problem.line(), file=sys.stderr)
            raise
    print(t("sheet.imported", lang, count=count, team=team))
    return 0

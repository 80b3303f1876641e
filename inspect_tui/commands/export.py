"""`inspect-tui export` and `inspect-tui verify`: thin wrappers over reports/ and services/."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

from rich.progress import Progress

from inspect_tui.commands.output import console
from inspect_tui.loading.campaign import load_campaign
from inspect_tui.reports.dataset import gather
from inspect_tui.reports.export import export_files, parse_formats
from inspect_tui.reports.verify import verify
from inspect_tui.storage.paths import EXPORTS_SETTING, campaign_file, data_folder, exports_folder
from inspect_tui.storage.store import LocalStore
from inspect_tui.words.errors import InspectError
from inspect_tui.words.i18n import Lang, Msg, t

EXIT_MISMATCH = 1


def export(
    *,
    data: str | None,
    campaign: str | None,
    formats: str,
    out: str | None,
    calibrated: bool,
    include_drafts: bool,
    lang: Lang,
    dated: str | None = None,
) -> int:
    wanted = parse_formats(formats)
    day = _day(dated) if dated else None
    loaded = load_campaign(campaign_file(campaign))
    # on stderr, and only for a person watching: stdout is the files and the code
    bar = Progress(transient=True, console=console(stderr=True), disable=not sys.stderr.isatty())
    with LocalStore(data_folder(data)) as store, bar as progress:
        task = progress.add_task(t("export.progress", lang), total=len(wanted) + 1)
        folder = exports_folder(out, store.setting(EXPORTS_SETTING))
        found = gather(
            loaded, store.folder, calibrated=calibrated, include_drafts=include_drafts, dated=day
        )
        progress.advance(task)

        def step(name: str) -> None:
            progress.update(task, description=f"{t('export.progress', lang)} {name}")
            progress.advance(task)

        notes: list[Msg] = []
        paths = export_files(
            found, wanted, folder, store.folder, lang=lang, progress=step, warn=notes.append
        )
    for note in notes:  # a damaged export log kept aside
        print(note.render(lang), file=sys.stderr)
    if warning := found.warning(lang):
        print(warning, file=sys.stderr)
    for path in paths:
        print(t("export.wrote", lang, path=path))
    print(t("export.summary", lang, groups=len(found.rows), code=found.seal.code))
    return 0


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise InspectError("export.bad_date", value=text) from None


def verify_command(*, data: str | None, campaign: str | None, what: str, lang: Lang) -> int:
    loaded = load_campaign(campaign_file(campaign))
    with LocalStore(data_folder(data)) as store:
        verdict = verify(loaded, Path(store.folder), what)
    for line in verdict.render(lang):
        print(line)
    return 0 if verdict.match else EXIT_MISMATCH

"""The office's laptop in the app, on a merged training sandbox."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from textual.pilot import Pilot

from inspect_tui.domain.model import Campaign
from inspect_tui.services.demo import make_demo
from inspect_tui.services.results import merge_files
from inspect_tui.services.session import Choice, Session
from inspect_tui.storage.county import CountyStore
from inspect_tui.storage.store import LocalStore
from inspect_tui.tui.app import InspectApp

MADE = datetime(2012, 7, 20, 8, 30, tzinfo=UTC)


def merged_sandbox(folder: Path, campaign: Campaign) -> Path:
    bundles = make_demo(folder, campaign, synthetic=True)
    with LocalStore(folder) as lead:
        county = CountyStore(lead.folder, campaign)
        merge_files(campaign, lead, county, bundles)
        county.close()
    return folder


def office_app(campaign: Campaign, store: LocalStore, lang: str = "en") -> InspectApp:
    """The office's laptop: it opens on the export screen."""
    session = Session(campaign, store, Path("exports"), clock=lambda: MADE, today="2012-07-20")
    session.choose(Choice("office"))
    return InspectApp(session, lang=lang)  # type: ignore[arg-type]


async def export_now(pilot: Pilot) -> None:
    await pilot.pause()
    await pilot.press("ctrl+s")
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()

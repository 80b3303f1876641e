"""The lead's laptop in the app."""

from __future__ import annotations

from pathlib import Path

from inspect_tui.domain.model import Campaign
from inspect_tui.storage.store import LocalStore
from inspect_tui.tui.app import InspectApp
from tests.tui.conftest import role_app

LEAD_SIZE = (120, 40)


def lead_app(campaign: Campaign, folder: Path, lang: str = "en") -> tuple[InspectApp, LocalStore]:
    """The lead's laptop: it opens on the merge screen, the files of `exports/` checked."""
    store = LocalStore(folder)
    return role_app(campaign, store, "lead", lang, folder / "exports"), store

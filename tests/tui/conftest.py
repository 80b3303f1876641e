"""An app factory for Pilot and snapshot tests: fixed ids, clock and date, a temp data folder,
and the role chosen (a team's laptop unless a test asks for another)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import datetime
from itertools import count
from pathlib import Path

import pytest
from textual.pilot import Pilot

from inspect_tui.domain.model import Campaign
from inspect_tui.services.session import Choice, Session
from inspect_tui.storage.store import LocalStore
from inspect_tui.tui.app import InspectApp
from inspect_tui.tui.screens.merge import MergeScreen

FIXED = datetime(2012, 7, 5, 10, 30, 0)


def fixed_store(folder: Path) -> LocalStore:
    ids = count(1)
    return LocalStore(
        folder,
        who="测试员",
        clock=lambda: "2012-07-05T10:30:00.000+00:00",
        new_id=lambda: f"00000000-0000-4000-8000-{next(ids):012d}",
    )


@pytest.fixture
def tui_store(tmp_path: Path) -> Iterator[LocalStore]:
    with fixed_store(tmp_path / "data") as store:
        yield store


AppFactory = Callable[..., InspectApp]


def make_session(campaign: Campaign, store: LocalStore, exports: Path | None = None) -> Session:
    return Session(
        campaign, store, exports or Path("exports"), clock=lambda: FIXED, today="2012-07-05"
    )


def role_app(
    campaign: Campaign, store: LocalStore, role: str, lang: str = "zh", exports: Path | None = None
) -> InspectApp:
    """The app on a laptop told its role ("lead", "office", or a team id)."""
    session = make_session(campaign, store, exports)
    if role.startswith("team-"):
        session.choose(Choice("team", role))
    else:
        session.choose(Choice(role))  # type: ignore[arg-type]
    return InspectApp(session, lang=lang)  # type: ignore[arg-type]


@pytest.fixture
def make_app(
    campaign: Campaign, tui_store: LocalStore, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> AppFactory:
    """`role`: "team" (team-2's laptop, unless the store remembers another team), "lead",
    "office", or None for a laptop that has not been told yet."""
    # receipts go to ./exports inside the test's own folder: the screen shows the same path
    # in every run, so screenshots compare
    monkeypatch.chdir(tmp_path)

    def factory(
        lang: str = "zh", store: LocalStore | None = None, role: str | None = "team"
    ) -> InspectApp:
        session = make_session(campaign, store or tui_store)
        if role is not None and session.choice() is None:
            team = "team-2" if role == "team" else None
            session.choose(Choice(role, team))  # type: ignore[arg-type]
        return InspectApp(session, lang=lang)  # type: ignore[arg-type]

    return factory


async def open_merge(pilot: Pilot) -> MergeScreen:
    """The lead's home (the merge screen), once the files in the folder have been checked."""
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, MergeScreen)
    return screen

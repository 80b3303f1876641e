"""Shared fixtures: the bundled campaigns and a store in a temporary data folder."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from inspect_tui.domain.model import Campaign
from inspect_tui.loading.campaign import load_campaign
from inspect_tui.storage.paths import CHECKLISTS
from inspect_tui.storage.store import LocalStore


@pytest.fixture(autouse=True)
def _no_real_data_folder(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """No test may touch the user's real data folder."""
    monkeypatch.setenv("INSPECT_TUI_DATA", str(tmp_path_factory.mktemp("data-env")))


@pytest.fixture(scope="session")
def campaign() -> Campaign:
    return load_campaign(CHECKLISTS / "shache-2012-h1.toml")


@pytest.fixture(scope="session")
def year_campaign() -> Campaign:
    return load_campaign(CHECKLISTS / "shache-2012-y.toml")


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "data"


@pytest.fixture
def store(data_dir: Path) -> Iterator[LocalStore]:
    with LocalStore(data_dir, who="测试员") as opened:
        yield opened

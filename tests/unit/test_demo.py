"""The generated training sandbox (`demo --synthetic`): the same every time, with the shapes
the tests need (strong, poor, a veto, a disagreeing anchor). The recorded round it replays by
default is `test_replay_round`'s."""

from __future__ import annotations

from pathlib import Path

import pytest

from inspect_tui.domain.model import Campaign
from inspect_tui.domain.ranking import rank
from inspect_tui.services.demo import make_demo
from inspect_tui.services.demo_synthetic import DISAGREE, POOR, STRONG, VETOED
from inspect_tui.services.results import merge_files, team_results
from inspect_tui.storage.county import CountyStore
from inspect_tui.storage.store import LocalStore


@pytest.fixture(scope="module")
def sandbox(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[Path]]:
    from inspect_tui.loading.campaign import load_campaign
    from inspect_tui.storage.paths import CHECKLISTS

    folder = tmp_path_factory.mktemp("demo")
    return folder, make_demo(
        folder, load_campaign(CHECKLISTS / "shache-2012-h1.toml"), synthetic=True
    )


def test_the_sandbox_is_the_same_every_time(
    sandbox: tuple[Path, list[Path]], campaign: Campaign, tmp_path: Path
) -> None:
    _, first = sandbox
    again = make_demo(tmp_path, campaign, synthetic=True)
    assert [p.read_bytes() for p in again] == [p.read_bytes() for p in first]


def test_the_lead_merges_it_at_once_and_meets_every_case(
    sandbox: tuple[Path, list[Path]], campaign: Campaign
) -> None:
    folder, bundles = sandbox
    assert len(bundles) == 3 and all(p.parent == folder / "exports" for p in bundles)
    with LocalStore(folder) as store:
        county = CountyStore(store.folder, campaign)
        report, refused = merge_files(campaign, store, county, bundles)
        assert refused == [] and report.added == 41  # 38 groups, 3 seen twice
        rows = {row.group.id: row for row in rank(campaign, team_results(campaign, county.slots()))}
        county.close()
    assert len(rows) == 38
    assert all(rows[g].tier.id == "good" for g in STRONG)
    assert all(rows[g].tier.id == "poor" for g in POOR)
    assert rows[VETOED].vetoed and rows[VETOED].tier.id == "poor"
    assert "disagreement" in rows[DISAGREE].flags
    assert len({row.tier.id for row in rows.values()}) == 3


def test_the_sandbox_keeps_its_exports_to_itself(
    sandbox: tuple[Path, list[Path]], monkeypatch: pytest.MonkeyPatch
) -> None:
    from inspect_tui.storage.paths import EXPORTS, EXPORTS_SETTING, exports_folder

    folder, _ = sandbox
    with LocalStore(folder) as lead:
        own = lead.setting(EXPORTS_SETTING)
    assert own == str(folder.resolve() / "exports")
    monkeypatch.delenv("INSPECT_TUI_EXPORTS", raising=False)
    assert exports_folder(None, own) == folder.resolve() / "exports"
    assert exports_folder(None, None) == EXPORTS  # a real data folder: the project's exports/
    assert exports_folder("elsewhere", own) == Path("elsewhere")  # --out wins
    monkeypatch.setenv("INSPECT_TUI_EXPORTS", "/srv/exports")
    assert exports_folder(None, own) == Path("/srv/exports")  # so does the environment

"""Merging team bundles into the county store: order and repeats never matter, a refused file
changes nothing, a newer revision supersedes, a conflict waits for the lead."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from inspect_tui.domain.model import Campaign
from inspect_tui.domain.ranking import rank
from inspect_tui.domain.scoring import NO
from inspect_tui.services.results import coverage, merge_files, team_results
from inspect_tui.storage.bundle import make_bundle, write_bundle
from inspect_tui.storage.county import CountyStore
from inspect_tui.storage.county_records import answer_changes
from inspect_tui.storage.keys import trust
from inspect_tui.storage.store import LocalStore
from tests.support.answers import best_value
from tests.support.laptops import STAMP, laptop


@pytest.fixture(scope="module")
def three_teams(tmp_path_factory: pytest.TempPathFactory) -> tuple[list[Path], list[str]]:
    from inspect_tui.loading.campaign import load_campaign
    from inspect_tui.storage.paths import CHECKLISTS

    campaign = load_campaign(CHECKLISTS / "shache-2012-h1.toml")
    base = tmp_path_factory.mktemp("teams")
    plans = {
        "team-1": {"shache-zhen": 0, "weisheng-xitong": 1, "yishikuli": 4},
        "team-2": {"kaqun": 2, "weisheng-xitong": 6, "wudalike": 0},
        "team-3": {"wudalike": 3, "yishikuli": 4, "qiareke": 9},
    }
    files, keys = [], []
    for team, groups in plans.items():
        path, device = laptop(base / team, campaign, team, groups)
        files.append(path)
        keys.append(device.public)
    return files, keys


def lead(folder: Path, campaign: Campaign, keys: list[str]) -> LocalStore:
    store = LocalStore(folder)
    for team, key in zip(("team-1", "team-2", "team-3"), keys, strict=True):
        trust(campaign, store, team, key)
    return store


def ranking_of(campaign: Campaign, county: CountyStore) -> list[tuple]:
    rows = rank(campaign, team_results(campaign, county.slots()))
    return [(r.group.id, r.rank, r.total, r.tier.id, r.flags) for r in rows]


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(order=st.permutations([0, 1, 2]), repeats=st.lists(st.integers(0, 2), max_size=3))
def test_any_order_and_any_repeat_give_the_same_ranking(
    three_teams: tuple[list[Path], list[str]],
    campaign: Campaign,
    tmp_path_factory: pytest.TempPathFactory,
    order: list[int],
    repeats: list[int],
) -> None:
    files, keys = three_teams
    reference_dir, shuffled_dir = tmp_path_factory.mktemp("a"), tmp_path_factory.mktemp("b")
    with lead(reference_dir, campaign, keys) as store:
        county = CountyStore(store.folder, campaign)
        merge_files(campaign, store, county, files)
        expected = ranking_of(campaign, county)
    with lead(shuffled_dir, campaign, keys) as store:
        county = CountyStore(store.folder, campaign)
        for index in order:  # one file per merge, in this order
            merge_files(campaign, store, county, [files[index]])
        merge_files(campaign, store, county, [files[i] for i in repeats])  # and again
        assert ranking_of(campaign, county) == expected
        reopened = CountyStore(store.folder, campaign)
        assert ranking_of(campaign, reopened) == expected
    assert [row[0] for row in expected][:2] == ["shache-zhen", "wudalike"]
    anchors = {row[0]: row for row in expected}
    # weisheng: team-1 lost 4 points, team-2 17 (13 apart); wudalike: 0 and 8 (within 10)
    assert anchors["weisheng-xitong"][4] == ("disagreement",)
    assert anchors["wudalike"][2] == 96 and anchors["wudalike"][4] == ()


def test_a_refused_file_leaves_the_county_store_byte_for_byte(
    three_teams: tuple[list[Path], list[str]], campaign: Campaign, tmp_path: Path
) -> None:
    files, keys = three_teams
    with lead(tmp_path / "lead", campaign, keys) as store:
        county = CountyStore(store.folder, campaign)
        merge_files(campaign, store, county, files[:1])
        before = county.path.read_bytes()
        broken = tmp_path / "broken.json"
        raw = bytearray(files[1].read_bytes())
        raw[len(raw) // 2] ^= 0x01
        broken.write_bytes(bytes(raw))
        report, refused = merge_files(campaign, store, county, [broken])
        assert [e.key for e in refused] in (["bundle.changed"], ["bundle.not_json"])
        assert report.added == 0
        assert county.path.read_bytes() == before
        report, refused = merge_files(campaign, store, county, [files[0]])  # again: nothing new
        assert (report.added, refused) == (0, [])
        assert county.path.read_bytes() == before


def test_a_newer_revision_supersedes_and_keeps_the_older(
    campaign: Campaign, tmp_path: Path
) -> None:
    folder = tmp_path / "team-2"
    first, device = laptop(folder, campaign, "team-2", {"kaqun": 0})
    with LocalStore(folder) as store:
        visit = store.visits()[0]
        store.reopen(visit.id, "补交材料后复核")
        store.set_answer(campaign, visit.id, "office.room", NO, "办公室被占用")
        store.finalize(visit.id, campaign, strengths="好", problems="差", representative="组长")
        second = write_bundle(
            make_bundle(campaign, store, "team-2", device, created_at="2012-07-11T09:00:00+00:00"),
            folder / "out",
        )
    with lead(tmp_path / "lead", campaign, [device.public] * 3) as store:
        county = CountyStore(store.folder, campaign)
        merge_files(campaign, store, county, [second, first])
        (slot,) = county.slots()
        assert slot.record is not None and slot.record.revision == 2
        assert [r.revision for r in slot.history] == [1]
        assert slot.record.answers["office.room"].value == NO
        assert answer_changes(slot.history[-1], slot.record) == [("office.room", "yes", "no")]


def test_two_laptops_of_one_team_conflict_until_the_lead_prefers_one(
    campaign: Campaign, tmp_path: Path
) -> None:
    one, key_one = laptop(tmp_path / "one", campaign, "team-2", {"kaqun": 0})
    two, key_two = laptop(tmp_path / "two", campaign, "team-2", {"kaqun": 5})
    with LocalStore(tmp_path / "lead") as store:
        trust(campaign, store, "team-2", key_one.public)
        trust(campaign, store, "team-2", key_two.public)
        county = CountyStore(store.folder, campaign)
        merge_files(campaign, store, county, [one, two])
        assert coverage(campaign, county.slots())["kaqun", "team-2"] == "conflict"
        assert "kaqun" not in team_results(campaign, county.slots())
        merge_files(campaign, store, county, [], prefer=[key_two.fingerprint])
        (slot,) = county.slots()
        assert slot.record is not None and slot.record.source == key_two.fingerprint
        assert coverage(campaign, county.slots())["kaqun", "team-2"] == "assessed"


def test_drafts_are_reported_not_ranked_unless_asked(campaign: Campaign, tmp_path: Path) -> None:
    path, device = laptop(tmp_path / "t", campaign, "team-2", {"kaqun": 1}, finalize=False)
    with lead(tmp_path / "lead", campaign, [device.public] * 3) as store:
        county = CountyStore(store.folder, campaign)
        merge_files(campaign, store, county, [path])
        slots = county.slots()
        assert coverage(campaign, slots)["kaqun", "team-2"] == "draft"
        assert coverage(campaign, slots)["mixia", "team-3"] == "missing"
        assert team_results(campaign, slots) == {}
        (row,) = rank(campaign, team_results(campaign, slots, include_drafts=True))
        assert "draft" in row.flags


def test_a_draft_exported_again_and_then_finalized_supersedes_itself(
    campaign: Campaign, tmp_path: Path
) -> None:
    """The same visit, one revision: exported as a draft on Monday, as a fuller draft on
    Wednesday, then finalized and exported again. The latest counts, whatever the order the
    files are merged in; none of it is a conflict."""
    folder = tmp_path / "laptop"
    monday, device = laptop(folder, campaign, "team-2", {"kaqun": 2}, finalize=False)
    monday = monday.rename(monday.with_name("monday.json"))
    with LocalStore(folder) as store:
        (visit,) = store.visits()
        checks = [i for i in campaign.items if i.kind == "check"]
        store.set_answer(campaign, visit.id, checks[0].id, best_value(campaign, checks[0]))
        wednesday = write_bundle(
            make_bundle(campaign, store, "team-2", device, created_at=STAMP), tmp_path, "wed.json"
        )
        store.finalize(visit.id, campaign, strengths="好", problems="差", representative="组长")
        final = write_bundle(
            make_bundle(campaign, store, "team-2", device, created_at=STAMP), tmp_path, "fin.json"
        )
    for n, order in enumerate(([monday, wednesday], [wednesday, monday], [final, monday])):
        with lead(tmp_path / f"lead{n}", campaign, [device.public] * 3) as store:
            county = CountyStore(store.folder, campaign)
            merge_files(campaign, store, county, [*order, final] if n < 2 else order)
            (slot,) = county.slots()
            assert slot.record is not None and slot.record.status == "final", order
            county.close()
    with lead(tmp_path / "lead-drafts", campaign, [device.public] * 3) as store:
        county = CountyStore(store.folder, campaign)
        merge_files(campaign, store, county, [wednesday, monday])
        (slot,) = county.slots()
        assert slot.record is not None and slot.record.source_file == "wed.json"
        county.close()

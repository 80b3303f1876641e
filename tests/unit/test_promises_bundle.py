"""Promises of the README about team bundles and merging that no other test pinned: a team's key
vouches only for that team's visits, an unknown format version is refused, visits of an older
checklist stay out of a bundle, and a final record never beats a higher revision."""

from __future__ import annotations

import hashlib
from dataclasses import replace
from pathlib import Path
from typing import Any

import orjson
import pytest

from inspect_tui.domain.model import Campaign
from inspect_tui.domain.scoring import NO
from inspect_tui.services.results import coverage, merge_files, team_results
from inspect_tui.storage.atomic import canonical
from inspect_tui.storage.bundle import BundleError, make_bundle, read_bundle, write_bundle
from inspect_tui.storage.county import CountyStore
from inspect_tui.storage.keys import DeviceKey, trust
from inspect_tui.storage.store import LocalStore
from tests.support.answers import best_value

STAMP = "2012-07-10T18:00:00+00:00"
LATER = "2012-07-11T09:00:00+00:00"


def finalized_visit(store: LocalStore, campaign: Campaign, team: str, group: str) -> str:
    """A complete, finalized visit of `group` by `team`; its id."""
    visit = store.start_visit(
        campaign, team, group, inspectors=["甲"], methods=["archive"], visit_date="2012-07-05"
    )
    for item in campaign.items:
        store.set_answer(campaign, visit.id, item.id, best_value(campaign, item))
    store.finalize(visit.id, campaign, strengths="好", problems="差", representative="组长")
    return visit.id


def resigned(bundle: dict[str, Any], device: DeviceKey, **changes: Any) -> dict[str, Any]:
    """`bundle` with `changes`, sealed again by `device` exactly as `make_bundle` seals: what a
    faulty or hostile program holding a team's key could write."""
    content = {k: v for k, v in bundle.items() if k not in ("digest", "signature")}
    content.update(changes)
    body = canonical(content)
    return {**content, "digest": hashlib.sha256(body).hexdigest(), "signature": device.sign(body)}


@pytest.fixture
def team_2(campaign: Campaign, tmp_path: Path) -> tuple[dict[str, Any], DeviceKey]:
    """Team 2's signed bundle of one finalized visit (kaqun), and the laptop's key."""
    folder = tmp_path / "team-2"
    with LocalStore(folder) as store:
        finalized_visit(store, campaign, "team-2", "kaqun")
        device = DeviceKey(folder)
        return make_bundle(campaign, store, "team-2", device, created_at=STAMP), device


def trusting(campaign: Campaign, team: str, key: str) -> dict[str, set[str]]:
    trusted = {t.id: set(t.keys) for t in campaign.teams}
    trusted[team].add(key)
    return trusted


def test_a_visit_naming_another_team_is_refused_under_this_teams_key(
    team_2: tuple[dict[str, Any], DeviceKey], campaign: Campaign, tmp_path: Path
) -> None:
    bundle, device = team_2
    trusted = trusting(campaign, "team-2", device.public)
    # the same re-sealing of an unchanged bundle is accepted: only the team named changes below
    honest = write_bundle(resigned(bundle, device), tmp_path, "honest.json")
    assert read_bundle(honest, campaign, trusted).team == "team-2"

    (visit,) = bundle["visits"]
    assert "shache-zhen" in campaign.team("team-1").groups
    posing = {**visit, "team": "team-1", "group": "shache-zhen"}  # a visit team 1 could make
    forged = write_bundle(resigned(bundle, device, visits=[posing]), tmp_path, "forged.json")
    with pytest.raises(BundleError) as caught:
        read_bundle(forged, campaign, trusted)
    assert caught.value.key == "bundle.unknown_group"
    assert caught.value.params["team"] == "team-2"

    with LocalStore(tmp_path / "lead") as lead:
        trust(campaign, lead, "team-2", device.public)
        county = CountyStore(lead.folder, campaign)
        report, refused = merge_files(campaign, lead, county, [forged])
        assert [error.key for error in refused] == ["bundle.unknown_group"]
        assert report.added == 0 and county.slots() == []
        county.close()


@pytest.mark.parametrize("version", [2, 3, 100])
def test_a_bundle_of_a_format_version_this_app_does_not_know_is_refused(
    team_2: tuple[dict[str, Any], DeviceKey], campaign: Campaign, tmp_path: Path, version: int
) -> None:
    bundle, device = team_2
    trusted = trusting(campaign, "team-2", device.public)
    path = write_bundle(resigned(bundle, device, version=version), tmp_path, "future.json")
    with pytest.raises(BundleError) as caught:
        read_bundle(path, campaign, trusted)
    assert caught.value.key == "bundle.version"
    assert caught.value.params["found"] == version


@pytest.mark.parametrize("version", [0, -1, True, 1.0, "1", None])
def test_a_version_no_release_ever_wrote_is_not_a_bundle(
    team_2: tuple[dict[str, Any], DeviceKey], campaign: Campaign, tmp_path: Path, version: object
) -> None:
    # before: any whole number up to 1 passed, `true` and 0 included (bool is an int)
    bundle, device = team_2
    trusted = trusting(campaign, "team-2", device.public)
    path = write_bundle(resigned(bundle, device, version=version), tmp_path, "odd.json")
    with pytest.raises(BundleError) as caught:
        read_bundle(path, campaign, trusted)
    assert caught.value.key == "bundle.not_bundle"


def test_visits_of_an_older_checklist_are_left_out_of_the_bundle(
    campaign: Campaign, tmp_path: Path
) -> None:
    older = replace(campaign, checklist_hash="0" * 64)  # the same round, an earlier checklist
    folder = tmp_path / "team-2"
    with LocalStore(folder) as store:
        old = store.start_visit(
            older,
            "team-2",
            "kaqun",
            inspectors=["甲"],
            methods=["archive"],
            visit_date="2012-07-05",
        )
        store.set_answer(older, old.id, "office.room", NO, "旧版核查表")
        current = finalized_visit(store, campaign, "team-2", "huoshilafu")
        device = DeviceKey(folder)
        bundle = make_bundle(campaign, store, "team-2", device, created_at=STAMP)
    assert [v["id"] for v in bundle["visits"]] == [current]
    assert {v["checklist_hash"] for v in bundle["visits"]} == {campaign.checklist_hash}
    path = write_bundle(bundle, tmp_path)
    read = read_bundle(path, campaign, trusting(campaign, "team-2", device.public))
    assert [v["group"] for v in read.visits] == ["huoshilafu"]


@pytest.mark.parametrize("order", ["final first", "draft first"])
def test_a_final_record_does_not_beat_a_higher_revision(
    campaign: Campaign, tmp_path: Path, order: str
) -> None:
    """Revision 1 finalized and exported; reopened (revision 2, a draft) and exported again.
    Revision 2 is the visit now: its draft is reported and kept out of the ranking, and the
    final revision 1 does not come back to count in its place."""
    folder = tmp_path / "team-2"
    with LocalStore(folder) as store:
        visit_id = finalized_visit(store, campaign, "team-2", "kaqun")
        device = DeviceKey(folder)
        first = make_bundle(campaign, store, "team-2", device, created_at=STAMP)
        store.reopen(visit_id, "补交材料后复核")
        store.set_answer(campaign, visit_id, "office.room", NO, "办公室被占用")
        second = make_bundle(campaign, store, "team-2", device, created_at=LATER)
    files = [write_bundle(first, tmp_path, "r1.json"), write_bundle(second, tmp_path, "r2.json")]
    assert orjson.loads(files[1].read_bytes())["visits"][0]["status"] == "draft"
    with LocalStore(tmp_path / "lead") as lead:
        trust(campaign, lead, "team-2", device.public)
        county = CountyStore(lead.folder, campaign)
        merge_files(campaign, lead, county, files if order == "final first" else files[::-1])
        (slot,) = county.slots()
        assert slot.record is not None
        assert (slot.record.revision, slot.record.status) == (2, "draft")
        assert [(r.revision, r.status) for r in slot.history] == [(1, "final")]
        assert slot.conflict == ()
        assert coverage(campaign, county.slots())["kaqun", "team-2"] == "draft"
        assert team_results(campaign, county.slots()) == {}
        county.close()

"""Answer values are checked against their items on every way in: a visit file edited by hand on
the laptop, signing, reading a bundle, and loading the county store. A value that does not fit is
never scored, signed or ranked, and never stops the app, `rank` or `export`."""

from __future__ import annotations

import hashlib
from pathlib import Path

import orjson
import pytest

from inspect_tui.domain.model import Campaign
from inspect_tui.domain.scoring import YES
from inspect_tui.services.results import county_ranking, merge_files, read_county
from inspect_tui.storage.bundle import (
    BundleError,
    canonical,
    make_bundle,
    read_bundle,
    write_bundle,
)
from inspect_tui.storage.county import CountyStore
from inspect_tui.storage.keys import DeviceKey, trust
from inspect_tui.storage.store import LocalStore
from inspect_tui.words.errors import StoreError
from tests.support.answers import best_value

STAMP = "2012-07-10T18:00:00+00:00"
GROUP = "kaqun"  # assigned to team-2


def finished_visit(folder: Path, campaign: Campaign) -> str:
    """Team 2's finalized visit of kaqun on a laptop in `folder`; its id."""
    with LocalStore(folder) as store:
        visit = store.start_visit(
            campaign,
            "team-2",
            GROUP,
            inspectors=["艾山"],
            methods=["archive"],
            visit_date="2012-07-05",
        )
        for item in campaign.items:
            store.set_answer(campaign, visit.id, item.id, best_value(campaign, item))
        store.finalize(visit.id, campaign, strengths="好", problems="无", representative="组长")
        return visit.id


def edit_answer(folder: Path, visit_id: str, item: str, value: object) -> None:
    """What a person does with a text editor: change one stored value in the visit file."""
    path = folder / "visits" / f"{visit_id}.json"
    data = orjson.loads(path.read_bytes())
    rows = data["answers"]
    found = next(k for k, row in rows.items() if row["item"] == item)
    rows[found]["value"] = value
    path.write_bytes(orjson.dumps(data))


@pytest.mark.parametrize("value", [1000, "banana", -1, 2.5, True, [5], {"v": 5}])
def test_a_hand_edited_value_is_flagged_and_never_scored(
    value: object, campaign: Campaign, tmp_path: Path
) -> None:
    visit_id = finished_visit(tmp_path, campaign)
    edit_answer(tmp_path, visit_id, "office.rules", value)
    with LocalStore(tmp_path) as store:
        fitting, wrong = store.checked_answers(campaign, visit_id)
        assert set(wrong) == {"office.rules"}
        assert "office.rules" not in fitting
        assert store.answers(visit_id)["office.rules"].value == value  # the file keeps it


def test_a_visit_with_an_invalid_value_is_not_signed_until_answered_again(
    campaign: Campaign, tmp_path: Path
) -> None:
    visit_id = finished_visit(tmp_path, campaign)
    edit_answer(tmp_path, visit_id, "office.rules", 1000)
    with LocalStore(tmp_path) as store:
        device = DeviceKey(tmp_path)
        with pytest.raises(BundleError) as caught:
            make_bundle(campaign, store, "team-2", device, created_at=STAMP)
        line = caught.value.line("en")
        assert caught.value.key == "bundle.invalid_answer"
        assert all(part in line for part in ("Kaqun", visit_id, "office.rules", "1000"))
        store.reopen(visit_id, "value edited by hand")
        with pytest.raises(StoreError) as refused:
            store.finalize(visit_id, campaign, strengths="好", problems="无", representative="甲")
        assert refused.value.key == "store.invalid_answers"
        store.set_answer(campaign, visit_id, "office.rules", 5)
        entry = store.audit(visit_id)[-1]
        assert (entry.action, entry.subject, entry.old, entry.new) == (
            "answer",
            "office.rules",
            1000,
            5,
        )
        store.finalize(visit_id, campaign, strengths="好", problems="无", representative="甲")
        bundle = make_bundle(campaign, store, "team-2", device, created_at=STAMP)
    assert bundle["visits"][0]["answers"]["office.rules"]["value"] == 5


def resigned(tmp_path: Path, campaign: Campaign, change: object) -> tuple[Path, DeviceKey]:
    """A bundle changed after it was made and signed again with the team's own key: what a
    faulty or dishonest program on the laptop could produce."""
    folder = tmp_path / "laptop"
    finished_visit(folder, campaign)
    with LocalStore(folder) as store:
        device = DeviceKey(folder)
        bundle = make_bundle(campaign, store, "team-2", device, created_at=STAMP)
    change(bundle["visits"][0])  # type: ignore[operator]
    content = {k: v for k, v in bundle.items() if k not in ("digest", "signature")}
    body = canonical(content)
    bundle.update(digest=hashlib.sha256(body).hexdigest(), signature=device.sign(body))
    return write_bundle(bundle, tmp_path / "out"), device


@pytest.mark.parametrize(
    ("change", "named"),
    [
        (lambda v: v["answers"]["office.rules"].update(value=1000), "1000"),
        (lambda v: v["answers"]["office.rules"].update(value="banana"), "banana"),
        (lambda v: v["answers"]["archive.genuine"].update(value="perhaps"), "perhaps"),
        (lambda v: v["answers"].update({"office.gold": {"value": "yes", "note": ""}}), "gold"),
    ],
    ids=["out-of-range", "not-a-number", "not-a-word", "unknown-item"],
)
def test_a_signed_bundle_with_a_value_its_item_does_not_take_is_refused(
    change: object, named: str, campaign: Campaign, tmp_path: Path
) -> None:
    path, device = resigned(tmp_path, campaign, change)
    trusted = {team.id: set(team.keys) for team in campaign.teams} | {"team-2": {device.public}}
    with pytest.raises(BundleError) as caught:
        read_bundle(path, campaign, trusted)
    line = caught.value.line("zh")
    assert caught.value.key == "bundle.bad_answer"
    assert path.name in line and "喀群乡" in line and named in line


def lead_with(tmp_path: Path, campaign: Campaign) -> Path:
    """A lead's data folder with team 2's finalized kaqun merged."""
    laptop = tmp_path / "laptop"
    finished_visit(laptop, campaign)
    with LocalStore(laptop) as store:
        device = DeviceKey(laptop)
        path = write_bundle(
            make_bundle(campaign, store, "team-2", device, created_at=STAMP), tmp_path / "out"
        )
    lead = tmp_path / "lead"
    with LocalStore(lead) as store:
        trust(campaign, store, "team-2", device.public)
        with CountyStore(lead, campaign) as county:
            assert merge_files(campaign, store, county, [path])[1] == []
    return lead


def edit_county(lead: Path, campaign: Campaign, change: object) -> None:
    path = lead / "county" / f"{campaign.id}.json"
    data = orjson.loads(path.read_bytes())
    row = next(iter(data["records"].values()))
    change(row)  # type: ignore[operator]
    path.write_bytes(orjson.dumps(data))


@pytest.mark.parametrize(
    "change",
    [
        lambda row: row["data"]["answers"]["office.rules"].update(value=1000),
        lambda row: row["data"]["answers"]["office.rules"].update(value="banana"),
        lambda row: row["data"].update(group="no-such-group"),
        lambda row: row["data"].update(checklist_hash="0" * 64),
        lambda row: row.pop("data"),
        lambda row: row.update(signed="yes"),
        lambda row: row["data"].update(answers=[1, 2]),
    ],
    ids=["1000", "banana", "group", "checklist", "no-data", "signed-text", "answers-list"],
)
def test_a_county_record_that_cannot_be_used_is_left_out_with_a_warning(
    change: object, campaign: Campaign, tmp_path: Path
) -> None:
    lead = lead_with(tmp_path, campaign)
    edit_county(lead, campaign, change)
    with LocalStore(lead):
        found = county_ranking(campaign, lead)
    assert [row.group.id for row in found.rows] == []  # never ranked, and rank goes on
    warning = found.warning("en")
    assert warning is not None and "cannot be used" in warning
    assert len(found.view.invalid) == 1


def test_the_lead_drops_a_record_on_purpose_and_can_bring_it_back(
    campaign: Campaign, tmp_path: Path
) -> None:
    lead = lead_with(tmp_path, campaign)
    edit_county(lead, campaign, lambda row: row["data"]["answers"]["office.rules"].update(value=9))
    with LocalStore(lead) as store, CountyStore(lead, campaign) as county:
        (bad,) = county.invalid
        with pytest.raises(StoreError) as short:
            county.drop(bad.id[:3], reason="typo", who="lead", at=STAMP)
        assert short.value.key == "county.id_short"
        with pytest.raises(StoreError) as silent:
            county.drop(bad.id, reason="  ", who="lead", at=STAMP)
        assert silent.value.key == "county.reason_required"
        county.drop(bad.id[:8], reason="edited by hand", who="组长", at=STAMP)
        assert county.invalid == [] and county.listing() == []
        (entry,) = county.dropped
        assert (entry.id, entry.who, entry.reason, entry.group) == (
            bad.id,
            "组长",
            "edited by hand",
            GROUP,
        )
    with LocalStore(lead) as store:
        view = read_county(campaign, lead)
        assert view.invalid == [] and view.warning("en") is None
        with CountyStore(lead, campaign) as county:
            county.restore(bad.id, reason="needed after all", who="组长", at=STAMP)
            assert [r.id for r in county.invalid] == [bad.id]
            audit = county._db.table("audit").all()
        assert [(a["action"], a["reason"]) for a in audit] == [
            ("drop", "edited by hand"),
            ("restore", "needed after all"),
        ]
        assert store.folder == lead


def test_a_dropped_record_merged_again_stays_out(campaign: Campaign, tmp_path: Path) -> None:
    lead = lead_with(tmp_path, campaign)
    bundle = next((tmp_path / "out").glob("*.json"))
    with LocalStore(lead) as store, CountyStore(lead, campaign) as county:
        (row,) = county.listing()
        county.drop(row.id, reason="merged by mistake", who="lead", at=STAMP)
        report, refused = merge_files(campaign, store, county, [bundle])
        assert (report.added, report.dropped, refused) == (0, 1, [])
        assert county.listing() == []


def test_a_veto_answered_yes_in_a_record_is_still_a_value_it_takes(
    campaign: Campaign, tmp_path: Path
) -> None:
    """The check is of the value against its item, not of the result: a veto triggered is
    valid and ranks the group lowest."""
    lead = lead_with(tmp_path, campaign)
    veto = next(i.id for i in campaign.items if i.kind == "veto")
    edit_county(lead, campaign, lambda row: row["data"]["answers"][veto].update(value=YES))
    with LocalStore(lead):
        found = county_ranking(campaign, lead)
    assert found.view.invalid == [] and found.rows[0].vetoed
    assert [r.group for r in found.altered] == [GROUP]  # changed after merging: flagged

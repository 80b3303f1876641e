"""A promise of the README that no other test pinned: `verify` checks a visit receipt against the
merged record of its revision by digest, total and tier, each on its own: a receipt that differs
from the record in any one of them is a mismatch."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from inspect_tui.domain.model import Campaign
from inspect_tui.domain.scoring import NO
from inspect_tui.loading.campaign import load_campaign
from inspect_tui.reports.receipt import Receipt, build_receipt
from inspect_tui.reports.verify import Verdict, verify
from inspect_tui.services.results import merge_files
from inspect_tui.storage.bundle import make_bundle, write_bundle
from inspect_tui.storage.county import CountyStore
from inspect_tui.storage.keys import DeviceKey, trust
from inspect_tui.storage.paths import BUNDLED_CAMPAIGN
from inspect_tui.storage.store import LocalStore
from tests.support.answers import best_value


@pytest.fixture(scope="module")
def merged(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Receipt]:
    """A lead's data folder holding team 2's finalized visit of kaqun, and that visit's
    receipt (total 96, good)."""
    campaign = load_campaign(BUNDLED_CAMPAIGN)
    base = tmp_path_factory.mktemp("receipt")
    laptop = base / "team-2"
    with LocalStore(laptop) as store:
        visit = store.start_visit(
            campaign,
            "team-2",
            "kaqun",
            inspectors=["甲"],
            methods=["talk"],
            visit_date="2012-07-05",
        )
        for item in campaign.items:
            store.set_answer(campaign, visit.id, item.id, best_value(campaign, item))
        store.set_answer(campaign, visit.id, "office.room", NO, "办公室被占用")
        store.finalize(visit.id, campaign, strengths="好", problems="差", representative="组长")
        receipt = build_receipt(campaign, store, visit.id)
        device = DeviceKey(laptop)
        bundle = make_bundle(campaign, store, "team-2", device, created_at="2012-07-10T18:00:00Z")
    path = write_bundle(bundle, base / "out")
    with LocalStore(base / "lead") as lead:
        trust(campaign, lead, "team-2", device.public)
        county = CountyStore(lead.folder, campaign)
        _, refused = merge_files(campaign, lead, county, [path])
        county.close()
        assert refused == []
    return base / "lead", receipt


def check(campaign: Campaign, folder: Path, receipt: Receipt) -> Verdict:
    with LocalStore(folder) as store:
        return verify(campaign, store.folder, receipt.payload)


def test_the_true_receipt_matches(merged: tuple[Path, Receipt], campaign: Campaign) -> None:
    folder, receipt = merged
    assert (receipt.total, receipt.tier_id) == (96.0, "good")
    verdict = check(campaign, folder, receipt)
    assert verdict.match
    assert [line.key for line in verdict.lines] == ["verify.receipt_match"]


def other_digest(digest: str) -> str:
    return digest[:-1] + ("0" if digest[-1] != "0" else "1")


@pytest.mark.parametrize(
    "change",
    [
        {"digest": "other"},  # an answer or note changed, the score not: total and tier agree
        {"tier_id": "fair"},  # the tier alone differs from what the record gives
        {"total": 100.0},
    ],
    ids=["digest", "tier", "total"],
)
def test_a_receipt_differing_in_digest_tier_or_total_is_a_mismatch(
    merged: tuple[Path, Receipt], campaign: Campaign, change: dict[str, object]
) -> None:
    folder, receipt = merged
    if change.get("digest") == "other":
        change = {"digest": other_digest(receipt.digest)}
    changed = replace(receipt, **change)  # type: ignore[arg-type]
    assert changed.payload != receipt.payload
    verdict = check(campaign, folder, changed)
    assert not verdict.match
    assert [line.key for line in verdict.lines] == ["verify.receipt_changed"]

"""A team laptop that assessed some groups and exported its signed bundle: the lead's tests
merge these."""

from __future__ import annotations

import itertools
from pathlib import Path

from inspect_tui.domain.model import Campaign
from inspect_tui.domain.scoring import NO
from inspect_tui.storage.bundle import make_bundle, write_bundle
from inspect_tui.storage.keys import DeviceKey
from inspect_tui.storage.store import LocalStore
from tests.support.answers import best_value

STAMP = "2012-07-10T18:00:00+00:00"


def laptop(
    folder: Path,
    campaign: Campaign,
    team: str,
    groups: dict[str, int],
    *,
    finalize: bool = True,
) -> tuple[Path, DeviceKey]:
    """A team laptop that assessed `groups` (group -> how many check items it answered "no"),
    and the path of its exported bundle."""
    ids = itertools.count(1)
    with LocalStore(folder, new_id=lambda: f"{team}-{folder.name}-{next(ids):04d}") as store:
        for group, misses in groups.items():
            visit = store.start_visit(
                campaign,
                team,
                group,
                inspectors=["甲"],
                methods=["archive"],
                visit_date="2012-07-05",
            )
            checks = [i for i in campaign.items if i.kind == "check"]
            for item in campaign.items:
                store.set_answer(campaign, visit.id, item.id, best_value(campaign, item))
            for item in checks[:misses]:
                store.set_answer(campaign, visit.id, item.id, NO, "缺")
            if finalize:
                store.finalize(
                    visit.id, campaign, strengths="好", problems="差", representative="组长"
                )
        device = DeviceKey(folder)
        bundle = make_bundle(campaign, store, team, device, created_at=STAMP)
    return write_bundle(bundle, folder / "out"), device

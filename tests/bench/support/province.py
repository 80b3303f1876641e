"""A synthetic province: N counties' worth of groups and teams, and their signed bundles.

Each county is the bundled outline's 41 items with 40 groups and 3 teams; bundles are built
directly (not through a laptop's store) so that making 300 of them takes seconds.
"""

from __future__ import annotations

import hashlib
import random
from dataclasses import replace
from pathlib import Path

import orjson

from inspect_tui.domain.model import Campaign, Group, Team
from inspect_tui.domain.scoring import NO, YES
from inspect_tui.storage.bundle import FORMAT, VERSION, canonical
from inspect_tui.storage.keys import DeviceKey
from inspect_tui.words.i18n import Text
from tests.support.answers import best_value

GROUPS_PER_TEAM = 13
_FILE = orjson.OPT_SORT_KEYS | orjson.OPT_INDENT_2 | orjson.OPT_APPEND_NEWLINE


def province(base: Campaign, teams: int) -> Campaign:
    groups = tuple(
        Group(f"g{n:05d}", Text(f"联络组{n}", f"Group {n}"), "township")
        for n in range(teams * GROUPS_PER_TEAM)
    )
    roster = tuple(
        Team(
            f"t{n:04d}",
            Text(f"考核组{n}", f"Team {n}"),
            Text("组长", "Leader"),
            tuple(g.id for g in groups[n * GROUPS_PER_TEAM : (n + 1) * GROUPS_PER_TEAM]),
        )
        for n in range(teams)
    )
    return replace(base, groups=groups, teams=roster, quota=None)


def write_bundles(campaign: Campaign, folder: Path, key_folder: Path) -> tuple[list[Path], str]:
    rng = random.Random(1)
    device = DeviceKey(key_folder)
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for team in campaign.teams:
        visits = []
        for group in team.groups:
            answers = {}
            for item in campaign.items:
                value = best_value(campaign, item)
                if item.kind == "check" and rng.random() < 0.2:
                    value = NO
                answers[item.id] = {
                    "value": value if value != YES or rng.random() > 0.01 else YES,
                    "note": "现场查阅资料" if value == NO else "",
                }
            visits.append(
                {
                    "id": f"{team.id}-{group}",
                    "campaign_id": campaign.id,
                    "checklist_hash": campaign.checklist_hash,
                    "team": team.id,
                    "group": group,
                    "status": "final",
                    "revision": 1,
                    "answers": answers,
                    "audit": [],
                }
            )
        content = {
            "format": FORMAT,
            "version": VERSION,
            "campaign": campaign.id,
            "checklist_hash": campaign.checklist_hash,
            "team": team.id,
            "created_at": "2012-07-10T20:00:00+00:00",
            "app_version": "bench",
            "device": {"public_key": device.public, "fingerprint": device.fingerprint},
            "visits": visits,
        }
        body = canonical(content)
        bundle = {
            **content,
            "digest": hashlib.sha256(body).hexdigest(),
            "signature": device.sign(body),
        }
        path = folder / f"{team.id}.json"
        path.write_bytes(orjson.dumps(bundle, option=_FILE))
        paths.append(path)
    return paths, device.public

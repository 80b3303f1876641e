"""A training sandbox: three team laptops' signed bundles for the bundled campaign, ready to merge.

`make_demo(folder, campaign)` fills `folder` (never the real data folder) with:
    laptops/team-N/     each team's own data folder and signing key (as if on its laptop)
    exports/            the three teams' signed bundles, not yet merged, and a copy of team 3's
                        in which one score was changed after signing (it must be refused)
    settings.json ...   the lead's data folder, with the three teams' keys trusted and the
                        groups the round could not assess recorded as such, with the reason
so that `inspect-tui --data FOLDER merge FOLDER/exports/*.json` and `... rank` work at once.

The visits are the campaign's recorded round (`replay`: for the bundled campaign the county's
real 2012 half-year round, reconstructed from seed 000) when it has one; with `synthetic=True`,
or for a campaign without one, generated results (`demo_synthetic`: strong, poor, a veto, a
disagreeing anchor). Everything is deterministic (fixed times, keys derived from a fixed seed):
the same sandbox every time.
"""

from __future__ import annotations

import hashlib
import itertools
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from inspect_tui.domain.model import Campaign
from inspect_tui.loading.replay import PlannedVisit, has_round, load_round, round_file
from inspect_tui.services.demo_synthetic import SEED, synthetic_visits
from inspect_tui.storage.atomic import atomic_write
from inspect_tui.storage.bundle import make_bundle, write_bundle
from inspect_tui.storage.county import CountyStore
from inspect_tui.storage.keys import KEY_DIR, DeviceKey, trust
from inspect_tui.storage.paths import EXPORTS_SETTING
from inspect_tui.storage.store import LocalStore

LEAD = "县政协业务科"  # who merges the teams' files and records the groups not assessed
FIRST_HOUR = 2  # 10:00 in Xinjiang's offices (UTC+8); a team's second visit of a day is at 16:00


@dataclass(frozen=True)
class Sandbox:
    """What `make_demo` made: the teams' bundle files, and where the visits came from (the
    recorded round's file, or None for generated results)."""

    bundles: list[Path]
    source: Path | None
    not_assessed: tuple[tuple[str, str], ...] = ()


def make_demo(folder: Path, campaign: Campaign, *, synthetic: bool = False) -> list[Path]:
    """Build the sandbox in `folder`; return the bundle files."""
    return build_sandbox(folder, campaign, synthetic=synthetic).bundles


def build_sandbox(folder: Path, campaign: Campaign, *, synthetic: bool = False) -> Sandbox:
    """Build the sandbox in `folder` from the campaign's recorded round (`ChecklistError` if
    that file is damaged), or generated results when asked or when there is none."""
    recorded = round_file(campaign)
    if synthetic or not has_round(campaign):
        plans, skipped, source = list(synthetic_visits(campaign)), (), None
    else:
        found = load_round(recorded, campaign)
        plans, skipped, source = list(found.visits), found.not_assessed, recorded
    bundles: list[Path] = []
    keys: dict[str, str] = {}
    for team in campaign.teams:
        mine = [plan for plan in plans if plan.team == team.id]
        laptop = folder / "laptops" / team.id
        _seed_key(laptop, team.id)
        ids = itertools.count(1)
        clock = _Clock(steady=source is None)
        with LocalStore(
            laptop,
            who=team.leader.zh,
            clock=clock,
            new_id=lambda ids=ids, team_id=team.id: f"demo-{team_id}-{next(ids):04d}",
        ) as store:
            store.set_setting(f"team:{campaign.id}", team.id)
            for n, plan in enumerate(mine):
                clock.begin(plan, sum(p.visit_date == plan.visit_date for p in mine[:n]))
                _write(store, campaign, plan)
            device = DeviceKey(laptop)
            keys[team.id] = device.public
            bundle = make_bundle(campaign, store, team.id, device, created_at=_handed_in(mine))
        bundles.append(write_bundle(bundle, folder / "exports"))
    # a copy of team 3's file in which someone raised a score: the lead should see it refused
    raw = bundles[-1].read_bytes()
    altered = bundles[-1].with_name(bundles[-1].stem + "-copy.json")
    atomic_write(altered, raw.replace(b'"value": "no"', b'"value": "yes"', 1))
    with LocalStore(folder, who=LEAD) as lead:
        for team_id, key in keys.items():
            trust(campaign, lead, team_id, key)
        lead.set_setting(EXPORTS_SETTING, str(folder.resolve() / "exports"))  # kept apart
        if skipped:
            at = _handed_in(plans)
            with CountyStore(lead.folder, campaign) as county:
                for group, reason in skipped:
                    county.skip(group, reason=reason, who=LEAD, at=at)
    return Sandbox(bundles, source, tuple(skipped))


def _write(store: LocalStore, campaign: Campaign, plan: PlannedVisit) -> None:
    visit = store.start_visit(
        campaign,
        plan.team,
        plan.group,
        inspectors=plan.inspectors,
        methods=plan.methods,
        visit_date=plan.visit_date.isoformat(),
    )
    for item in campaign.items:
        answer = plan.answers[item.id]
        store.set_answer(campaign, visit.id, item.id, answer.value, answer.note)
    store.finalize(
        visit.id,
        campaign,
        strengths=plan.strengths,
        problems=plan.problems,
        representative=plan.representative,
        commendations=plan.commendations,
    )


def _handed_in(plans: Iterable[PlannedVisit]) -> str:
    """The evening after the last visit: when the team signs its file."""
    last = max((plan.visit_date for plan in plans), default=date(2012, 7, 10))
    return f"{last.isoformat()}T12:00:00+00:00"


class _Clock:
    """The stores' clock. Generated results: a minute per save from 4 July on, whatever the
    visit. A recorded round: each save a minute after the last, from the hour its visit began
    (`begin`), so a visit's times fall on its own date."""

    def __init__(self, *, steady: bool) -> None:
        self._steady = steady
        self._saves = itertools.count()
        self._at = datetime(2012, 7, 4, FIRST_HOUR, tzinfo=UTC)

    def begin(self, plan: PlannedVisit, earlier_that_day: int) -> None:
        if not self._steady:
            day = datetime.combine(plan.visit_date, datetime.min.time(), UTC)
            self._at = day + timedelta(hours=FIRST_HOUR + 6 * earlier_that_day)

    def __call__(self) -> str:
        if self._steady:
            n = next(self._saves)
            return f"2012-07-{4 + n // 40:02d}T{9 + n % 8:02d}:{n % 60:02d}:00.000+00:00"
        stamp, self._at = self._at, self._at + timedelta(minutes=1)
        return stamp.isoformat(timespec="milliseconds")


def _seed_key(laptop: Path, team: str) -> None:
    """A signing key derived from the seed, so the sandbox's bundles are the same every time."""
    secret = hashlib.sha256(f"inspect-tui demo {SEED} {team}".encode()).digest()
    pem = Ed25519PrivateKey.from_private_bytes(secret).private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )
    (laptop / KEY_DIR).mkdir(parents=True, exist_ok=True)
    atomic_write(laptop / KEY_DIR / "device.key", pem)

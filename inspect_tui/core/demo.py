"""A training sandbox: three team laptops' signed bundles for the bundled campaign, ready to merge.

`make_demo(folder, campaign)` fills `folder` (never the real data folder) with:
    laptops/team-N/     each team's own data folder and signing key (as if on its laptop)
    exports/            the three teams' signed bundles, not yet merged, and a copy of team 3's
                        in which one score was changed after signing (it must be refused)
    settings.json ...   the lead's data folder, with the three teams' keys trusted
so that `inspect-tui --data FOLDER merge FOLDER/exports/*.json` and `... rank` work at once.

Everything is deterministic (fixed seed, fixed times, keys derived from the seed): the same
sandbox every time, with a realistic spread: a few strong groups, a few poor ones, one vetoed,
and the teams disagreeing on one cross-check anchor.
"""

from __future__ import annotations

import hashlib
import itertools
import random
from pathlib import Path

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from inspect_tui.core.atomic import atomic_write
from inspect_tui.core.bundle import make_bundle, write_bundle
from inspect_tui.core.keys import KEY_DIR, DeviceKey, trust
from inspect_tui.core.model import Campaign, Item
from inspect_tui.core.paths import EXPORTS_SETTING
from inspect_tui.core.scoring import NA, NO, YES, AnswerValue
from inspect_tui.core.store import LocalStore

SEED = 2012
STRONG = ("kaqun", "wudalike", "shache-zhen", "yingwusitang", "jiaoyu-xitong")
POOR = ("zirefuxiati", "qiareke", "nongye-xitong", "qiye-gongwei", "xianwei-zongzhi")
VETOED = "boshikante"
DISAGREE = "weisheng-xitong"  # an anchor: team-1 sees it far better than team-2


def make_demo(folder: Path, campaign: Campaign) -> list[Path]:
    """Build the sandbox in `folder`; return the bundle files."""
    rng = random.Random(SEED)
    bundles: list[Path] = []
    keys: dict[str, str] = {}
    for team in campaign.teams:
        laptop = folder / "laptops" / team.id
        _seed_key(laptop, team.id)
        ids = itertools.count(1)
        times = (
            f"2012-07-{4 + n // 40:02d}T{9 + n % 8:02d}:{n % 60:02d}:00.000+00:00"
            for n in itertools.count()
        )
        with LocalStore(
            laptop,
            who=team.leader.zh,
            clock=lambda times=times: next(times),
            new_id=lambda ids=ids, team_id=team.id: f"demo-{team_id}-{next(ids):04d}",
        ) as store:
            store.set_setting(f"team:{campaign.id}", team.id)
            for group in team.groups:
                _visit(store, campaign, team.id, group, rng)
            device = DeviceKey(laptop)
            keys[team.id] = device.public
            bundle = make_bundle(
                campaign, store, team.id, device, created_at="2012-07-10T20:00:00+00:00"
            )
        bundles.append(write_bundle(bundle, folder / "exports"))
    # a copy of team 3's file in which someone raised a score: the lead should see it refused
    raw = bundles[-1].read_bytes()
    altered = bundles[-1].with_name(bundles[-1].stem + "-copy.json")
    atomic_write(altered, raw.replace(b'"value": "no"', b'"value": "yes"', 1))
    with LocalStore(folder, who="lead") as lead:
        for team_id, key in keys.items():
            trust(campaign, lead, team_id, key)
        lead.set_setting(EXPORTS_SETTING, str(folder.resolve() / "exports"))  # kept apart
    return bundles


def _seed_key(laptop: Path, team: str) -> None:
    """A signing key derived from the seed, so the sandbox's bundles are the same every time."""
    secret = hashlib.sha256(f"inspect-tui demo {SEED} {team}".encode()).digest()
    pem = Ed25519PrivateKey.from_private_bytes(secret).private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )
    (laptop / KEY_DIR).mkdir(parents=True, exist_ok=True)
    atomic_write(laptop / KEY_DIR / "device.key", pem)


def _visit(
    store: LocalStore, campaign: Campaign, team: str, group: str, rng: random.Random
) -> None:
    quality = 0.95 if group in STRONG else 0.45 if group in POOR else rng.uniform(0.7, 0.9)
    if group == DISAGREE:
        quality = 0.97 if team == "team-1" else 0.6
    visit = store.start_visit(
        campaign,
        team,
        group,
        inspectors=[campaign.team(team).leader.zh.split()[-1], "联络员"],
        methods=["report", "archive", "talk"],
        visit_date="2012-07-05",
    )
    for item in campaign.items:
        value, note = _answer(campaign, item, quality, rng, vetoed=group == VETOED)
        store.set_answer(campaign, visit.id, item.id, value, note)
    store.finalize(
        visit.id,
        campaign,
        strengths="领导重视，档案整理较规范" if quality > 0.8 else "有固定办公场所",
        problems="社情民意信息报送不及时" if quality > 0.8 else "档案不全，活动记录系临时补写",
        representative="联络组组长",
    )


NOTES = {  # what teams write beside a shortfall, by section (from the seeds' circulars)
    "office": ("办公设备不齐全", "制度未上墙", "经费无保障"),
    "plans": ("计划未按时报送县政协", "小结内容简单"),
    "archive": ("现场查阅资料未见", "档案未按提纲分类", "活动记录系临时补写"),
    "study": ("学习记录不全", "委员心得体会较少"),
    "reports": ("社情民意信息报送不及时", "调研报告质量不高"),
}


def _answer(
    campaign: Campaign, item: Item, quality: float, rng: random.Random, *, vetoed: bool
) -> tuple[AnswerValue, str]:
    good = rng.random() < quality
    note = "" if good else rng.choice(NOTES.get(item.section_id, ("现场查阅资料未见",)))
    if item.kind == "check":
        return (YES, "") if good else (NO, note)
    if item.kind == "scale":
        return (item.points, "") if good else (rng.randrange(0, item.points), note)
    if item.kind == "count":
        target = campaign.target(item)
        assert target is not None
        if item.allow_na and rng.random() < 0.05:
            return NA, "本期新组建"
        return (target.count, "") if good else (rng.randrange(0, target.count), note)
    if item.kind == "deduction":
        occurs = 1 if rng.random() > 0.5 + quality / 2 else 0
        return occurs, ("发现一次" if occurs else "")
    if item.kind == "veto":
        return (YES, "拒绝提供档案资料") if vetoed else (NO, "")
    return "无", ""

"""Screenshots of the key screens (pytest-textual-snapshot): the first screen with the roles,
the team's groups, the visit with auto-advance (80x24 and 60x20, both languages), the finalize
dialog, the receipt and the lead's conflict view.

Ids, keys, clock and date are fixed (see conftest), so a changed picture means a changed
screen. Update after an intended change with `pytest tests/tui --snapshot-update` and look at
the SVGs.
"""

from __future__ import annotations

from itertools import count
from pathlib import Path

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from textual.pilot import Pilot

from inspect_tui.domain.model import Campaign
from inspect_tui.domain.scoring import NO
from inspect_tui.storage.bundle import make_bundle, write_bundle
from inspect_tui.storage.keys import KEY_DIR, PRIVATE_NAME, PUBLIC_NAME, DeviceKey, trust
from inspect_tui.storage.keys import encode_public as public_text
from inspect_tui.storage.store import LocalStore
from inspect_tui.tui.screens.visit import answering
from tests.support.answers import best_value
from tests.tui.conftest import AppFactory, fixed_store, open_merge, role_app

SIZES = [pytest.param((80, 24), id="80x24"), pytest.param((120, 40), id="120x40")]
FIELD_SIZES = [pytest.param((80, 24), id="80x24"), pytest.param((60, 20), id="60x20")]


def prepare(store: LocalStore, campaign: Campaign) -> None:
    """Team 2 has finalized one group and has a draft of another, with notes that hold the
    ambiguous-width punctuation (“ ” … —) Chinese notes are full of."""
    done = store.start_visit(
        campaign,
        "team-2",
        "kaqun",
        inspectors=["努尔东·艾山", "阿依古丽"],
        methods=["report", "archive"],
        visit_date="2012-07-05",
    )
    for item in campaign.items:
        store.set_answer(campaign, done.id, item.id, best_value(campaign, item))
    store.set_answer(campaign, done.id, "archive.genuine", NO, "记录系“临时突击”形成……——同一笔迹")
    store.set_answer(campaign, done.id, "reports.social_info", 4, "只报送了4条")
    store.finalize(
        done.id, campaign, strengths="档案规范", problems="信息报送不及时", representative="买买提"
    )
    draft = store.start_visit(
        campaign, "team-2", "huoshilafu", inspectors=["努尔东·艾山"], visit_date="2012-07-06"
    )
    for item in campaign.items[:12]:
        store.set_answer(campaign, draft.id, item.id, best_value(campaign, item))


async def to_visit(pilot: Pilot, group_row: int, item_id: str) -> None:
    for _ in range(group_row):
        await pilot.press("down")
    await pilot.press("enter")
    await pilot.pause()
    pilot.app.screen.goto(item_id)
    await pilot.pause()


@pytest.mark.parametrize("size", SIZES)
def test_start_screen_asks_the_role(snap_compare, make_app: AppFactory, size) -> None:
    assert snap_compare(make_app("zh", role=None), terminal_size=size)


@pytest.mark.parametrize("size", SIZES)
def test_groups_screen(
    snap_compare, make_app: AppFactory, tui_store: LocalStore, campaign: Campaign, size
) -> None:
    prepare(tui_store, campaign)
    assert snap_compare(make_app("zh"), terminal_size=size)


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("size", FIELD_SIZES)
def test_visit_screen_moves_on_and_shows_a_number_being_typed(
    snap_compare,
    make_app: AppFactory,
    tui_store: LocalStore,
    campaign: Campaign,
    monkeypatch: pytest.MonkeyPatch,
    size,
    lang,
) -> None:
    """y on the study section's last item moves on to the reports' first, where "1" waits
    for more digits: the cue says so (the window is held open for the picture)."""
    prepare(tui_store, campaign)
    monkeypatch.setattr(answering, "DIGIT_WINDOW", 600)

    async def run_before(pilot: Pilot) -> None:
        await to_visit(pilot, 1, "study.required_materials")
        await pilot.press("y", "1")
        await pilot.pause()

    assert snap_compare(make_app(lang), terminal_size=size, run_before=run_before)


@pytest.mark.parametrize("size", SIZES)
def test_finalize_dialog(
    snap_compare, make_app: AppFactory, tui_store: LocalStore, campaign: Campaign, size
) -> None:
    prepare(tui_store, campaign)

    async def run_before(pilot: Pilot) -> None:
        await to_visit(pilot, 1, "plans.annual_plan")
        await pilot.press("f")
        await pilot.pause()

    assert snap_compare(make_app("zh"), terminal_size=size, run_before=run_before)


@pytest.mark.parametrize("size", SIZES)
def test_receipt_screen(
    snap_compare, make_app: AppFactory, tui_store: LocalStore, campaign: Campaign, size
) -> None:
    prepare(tui_store, campaign)

    async def run_before(pilot: Pilot) -> None:
        await to_visit(pilot, 0, "office.room")
        await pilot.press("c")
        await pilot.pause()
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()

    assert snap_compare(make_app("zh"), terminal_size=size, run_before=run_before)


def fixed_key(folder: Path, seed: int) -> None:
    """A laptop key made from `seed`, so fingerprints come out the same in every run."""
    key = Ed25519PrivateKey.from_private_bytes(bytes([seed]) * 32)
    keys = folder / KEY_DIR
    keys.mkdir(parents=True)
    pem = key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )
    (keys / PRIVATE_NAME).write_bytes(pem)
    (keys / PRIVATE_NAME).chmod(0o600)
    (keys / PUBLIC_NAME).write_text(public_text(key.public_key()) + "\n", encoding="ascii")


def conflicting_laptop(folder: Path, campaign: Campaign, seed: int, misses: int) -> DeviceKey:
    """Team 2's second laptop story: kaqun finalized on each, with `misses` check items short."""
    fixed_key(folder, seed)
    ids = count(1)
    stamp = f"2012-07-0{seed + 4}T1{seed}:00:00.000+00:00"
    with LocalStore(folder, who="组员", clock=lambda: stamp,
                    new_id=lambda: f"laptop{seed}-{next(ids):04d}") as store:  # fmt: skip
        visit = store.start_visit(
            campaign, "team-2", "kaqun", inspectors=["努尔东·艾山", f"组员{seed}"],
            methods=["archive"], visit_date=f"2012-07-0{seed + 4}",
        )  # fmt: skip
        for item in campaign.items:
            store.set_answer(campaign, visit.id, item.id, best_value(campaign, item))
        for item in [i for i in campaign.items if i.kind == "check"][:misses]:
            store.set_answer(campaign, visit.id, item.id, NO, "缺")
        store.finalize(visit.id, campaign, strengths="好", problems="差", representative="组长")
        device = DeviceKey(folder)
        made = make_bundle(campaign, store, "team-2", device, created_at=stamp[:19] + "+00:00")
    write_bundle(made, folder.parent / "lead" / "exports", f"laptop{seed}.json")
    return device


@pytest.mark.parametrize("size", [pytest.param((80, 24), id="80x24")])
def test_the_conflict_view(
    snap_compare, campaign: Campaign, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, size
) -> None:
    monkeypatch.chdir(tmp_path)  # the folders the screen names are the same in every run
    keys = [conflicting_laptop(Path(f"laptop{n}"), campaign, n, 3 * n) for n in (1, 2)]
    store = fixed_store(Path("lead"))
    store.__enter__()
    try:
        for device in keys:
            trust(campaign, store, "team-2", device.public)
        app = role_app(campaign, store, "lead", exports=Path("lead") / "exports")

        async def run_before(pilot: Pilot) -> None:
            screen = await open_merge(pilot)
            await pilot.press("ctrl+s")
            await pilot.pause()
            await pilot.app.workers.wait_for_complete()
            await pilot.pause()
            screen.query_one("#conflicts").scroll_visible(animate=False)
            await pilot.pause()

        assert snap_compare(app, terminal_size=size, run_before=run_before)
    finally:
        store.close()

"""Signed team bundles: what a laptop writes, the lead's checks, and every way a file is refused."""

from __future__ import annotations

import hashlib
import stat
from pathlib import Path

import orjson
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from inspect_tui.domain.model import Campaign
from inspect_tui.domain.scoring import NO
from inspect_tui.loading.campaign import load_campaign
from inspect_tui.storage.bundle import (
    BundleError,
    canonical,
    make_bundle,
    read_bundle,
    write_bundle,
)
from inspect_tui.storage.keys import DeviceKey, fingerprint, trust, trusted_keys
from inspect_tui.storage.paths import CHECKLISTS
from inspect_tui.storage.store import LocalStore
from inspect_tui.words.errors import StoreError
from tests.support.answers import best_value

STAMP = "2012-07-10T18:00:00+00:00"


def team_laptop(folder: Path, campaign: Campaign) -> tuple[dict, DeviceKey]:
    """Team 2's laptop after two visits (one finalized), and its signed bundle."""
    with LocalStore(folder) as store:
        done = store.start_visit(
            campaign,
            "team-2",
            "kaqun",
            inspectors=["努尔东·艾山"],
            methods=["archive"],
            visit_date="2012-07-05",
        )
        for item in campaign.items:
            store.set_answer(campaign, done.id, item.id, best_value(campaign, item))
        store.set_answer(campaign, done.id, "archive.genuine", NO, "记录系“临时突击”形成……")
        store.finalize(
            done.id, campaign, strengths="规范", problems="补写", representative="买买提"
        )
        draft = store.start_visit(campaign, "team-2", "huoshilafu")
        store.set_answer(campaign, draft.id, "study.plan", "yes")
        device = DeviceKey(folder)
        return make_bundle(campaign, store, "team-2", device, created_at=STAMP), device


@pytest.fixture(scope="module")
def signed(tmp_path_factory: pytest.TempPathFactory) -> tuple[bytes, str]:
    campaign = load_campaign(CHECKLISTS / "shache-2012-h1.toml")
    folder = tmp_path_factory.mktemp("laptop")
    bundle, device = team_laptop(folder, campaign)
    path = write_bundle(bundle, folder / "exports")
    return path.read_bytes(), device.public


def lead_trust(campaign: Campaign, key: str) -> dict[str, set[str]]:
    trusted = {team.id: set(team.keys) for team in campaign.teams}
    trusted["team-2"].add(key)
    return trusted


def test_a_bundle_carries_every_visit_with_answers_and_audit(
    signed: tuple[bytes, str], campaign: Campaign, tmp_path: Path
) -> None:
    raw, key = signed
    path = tmp_path / "b.json"
    path.write_bytes(raw)
    bundle = read_bundle(path, campaign, lead_trust(campaign, key))
    assert (bundle.campaign, bundle.team, bundle.signed) == ("shache-2012-h1", "team-2", True)
    assert bundle.fingerprint == fingerprint(key)
    groups = {visit["group"]: visit for visit in bundle.visits}
    assert set(groups) == {"kaqun", "huoshilafu"}
    assert groups["kaqun"]["status"] == "final"
    assert groups["kaqun"]["answers"]["archive.genuine"] == {
        "value": "no",
        "note": "记录系“临时突击”形成……",
    }
    assert groups["kaqun"]["audit"][-1]["action"] == "finalize"
    assert "记录系“临时突击”形成" in raw.decode("utf-8")  # Chinese stays readable


def test_writing_twice_gives_the_same_bytes(campaign: Campaign, tmp_path: Path) -> None:
    bundle, _ = team_laptop(tmp_path / "laptop", campaign)
    first = write_bundle(bundle, tmp_path / "a").read_bytes()
    assert write_bundle(bundle, tmp_path / "b").read_bytes() == first
    assert first.endswith(b"}\n")


@settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(position=st.integers(min_value=0), mask=st.integers(min_value=1, max_value=255))
def test_flipping_any_byte_gets_the_bundle_refused(
    signed: tuple[bytes, str], campaign: Campaign, tmp_path: Path, position: int, mask: int
) -> None:
    raw, key = signed
    index = position % len(raw)
    changed = bytearray(raw)
    changed[index] ^= mask
    path = tmp_path / "flipped.json"
    path.write_bytes(bytes(changed))
    with pytest.raises(BundleError):
        read_bundle(path, campaign, lead_trust(campaign, key))


def test_a_whitespace_change_is_refused_too(
    signed: tuple[bytes, str], campaign: Campaign, tmp_path: Path
) -> None:
    raw, key = signed
    path = tmp_path / "tab.json"
    path.write_bytes(raw.replace(b'  "campaign"', b'\t"campaign"', 1))
    with pytest.raises(BundleError) as caught:
        read_bundle(path, campaign, lead_trust(campaign, key))
    assert caught.value.key == "bundle.changed"


def refusal(path: Path, campaign: Campaign, trusted: dict[str, set[str]], **kwargs: bool) -> str:
    with pytest.raises(BundleError) as caught:
        read_bundle(path, campaign, trusted, **kwargs)
    line_zh, line_en = caught.value.line("zh"), caught.value.line("en")
    assert str(path) in line_zh and str(path) in line_en and line_zh != line_en
    assert "\n" not in line_en
    return caught.value.key


def test_each_bad_file_is_refused_with_its_own_reason(
    signed: tuple[bytes, str], campaign: Campaign, year_campaign: Campaign, tmp_path: Path
) -> None:
    raw, key = signed
    trusted = lead_trust(campaign, key)
    cases = {
        "truncated.json": raw[: len(raw) // 2],
        "photo.json": b"\x89PNG\r\n\x1a\n\x00\x00",
        "notes.json": "这不是 JSON".encode(),
        "list.json": b"[1, 2, 3]\n",
    }
    found = {}
    for name, content in cases.items():
        (tmp_path / name).write_bytes(content)
        found[name] = refusal(tmp_path / name, campaign, trusted)
    assert found == {
        "truncated.json": "bundle.truncated",
        "photo.json": "bundle.not_json",
        "notes.json": "bundle.not_json",
        "list.json": "bundle.not_bundle",
    }
    path = tmp_path / "good.json"
    path.write_bytes(raw)
    assert refusal(path, year_campaign, trusted) == "bundle.campaign"
    strangers = {team.id: set() for team in campaign.teams}
    assert refusal(path, campaign, strangers) == "bundle.untrusted"
    assert refusal(tmp_path / "absent.json", campaign, trusted) == "bundle.missing"


def test_a_checklist_hash_mismatch_is_refused(
    signed: tuple[bytes, str], campaign: Campaign, tmp_path: Path
) -> None:
    raw, key = signed
    data = orjson.loads(raw)
    data["checklist_hash"] = "0" * 64
    path = tmp_path / "other.json"
    path.write_bytes(orjson.dumps(data))
    assert refusal(path, campaign, lead_trust(campaign, key)) == "bundle.checklist"


def test_a_resealed_edit_fails_the_signature(
    signed: tuple[bytes, str], campaign: Campaign, tmp_path: Path
) -> None:
    """Someone edits a score and recomputes the digest: only the signature can tell."""
    import hashlib

    from inspect_tui.storage.bundle import canonical

    raw, key = signed
    data = orjson.loads(raw)
    kaqun = next(visit for visit in data["visits"] if visit["group"] == "kaqun")
    kaqun["answers"]["archive.genuine"]["value"] = "yes"
    content = {k: v for k, v in data.items() if k not in ("digest", "signature")}
    data["digest"] = hashlib.sha256(canonical(content)).hexdigest()
    path = tmp_path / "resealed.json"
    path.write_bytes(
        orjson.dumps(
            data, option=orjson.OPT_SORT_KEYS | orjson.OPT_INDENT_2 | orjson.OPT_APPEND_NEWLINE
        )
    )
    assert refusal(path, campaign, lead_trust(campaign, key)) == "bundle.signature"


def test_unsigned_bundles_only_when_allowed(
    signed: tuple[bytes, str], campaign: Campaign, tmp_path: Path
) -> None:
    raw, key = signed
    data = orjson.loads(raw)
    data["signature"] = ""
    path = tmp_path / "unsigned.json"
    path.write_bytes(
        orjson.dumps(
            data, option=orjson.OPT_SORT_KEYS | orjson.OPT_INDENT_2 | orjson.OPT_APPEND_NEWLINE
        )
    )
    trusted = lead_trust(campaign, key)
    assert refusal(path, campaign, trusted) == "bundle.unsigned"
    bundle = read_bundle(path, campaign, trusted, allow_unsigned=True)
    assert not bundle.signed


def test_the_device_key_is_private_and_kept(tmp_path: Path) -> None:
    first = DeviceKey(tmp_path)
    assert stat.S_IMODE((tmp_path / "keys" / "device.key").stat().st_mode) == 0o600
    again = DeviceKey(tmp_path)
    assert again.public == first.public
    assert len(first.fingerprint) == 14 and first.fingerprint.count("-") == 2


def test_a_damaged_key_file_is_one_error_and_untouched(tmp_path: Path) -> None:
    DeviceKey(tmp_path)
    path = tmp_path / "keys" / "device.key"
    path.write_bytes(b"-----BEGIN PRIVATE KEY-----\nbroken\n")
    with pytest.raises(StoreError) as caught:
        DeviceKey(tmp_path)
    assert caught.value.key == "keys.unreadable"
    assert path.read_bytes() == b"-----BEGIN PRIVATE KEY-----\nbroken\n"


def test_the_lead_trusts_keys_per_team(
    store: LocalStore, campaign: Campaign, tmp_path: Path
) -> None:
    laptop_one, laptop_two = DeviceKey(tmp_path / "one"), DeviceKey(tmp_path / "two")
    assert trust(campaign, store, "team-2", laptop_one.public) == laptop_one.fingerprint
    trust(campaign, store, "team-2", laptop_two.public)  # a team on two laptops
    assert trusted_keys(campaign, store)["team-2"] == {laptop_one.public, laptop_two.public}
    assert trusted_keys(campaign, store)["team-1"] == set()
    with pytest.raises(StoreError) as caught:
        trust(campaign, store, "team-9", laptop_one.public)
    assert caught.value.key == "keys.unknown_team"
    with pytest.raises(StoreError) as caught:
        trust(campaign, store, "team-1", "not a key")
    assert caught.value.key == "keys.bad_key"


@pytest.mark.parametrize(
    "change",
    [
        lambda v: v.update(revision="2"),
        lambda v: v.update(revision=0),
        lambda v: v.update(status="done"),
        lambda v: v["answers"].update({"study.plan": "yes"}),
        lambda v: v["answers"]["study.plan"].update(note=7),
    ],
    ids=["revision-text", "revision-0", "status", "answer-not-an-entry", "note-not-text"],
)
def test_a_signed_visit_of_the_wrong_shape_is_refused(
    change: object, campaign: Campaign, tmp_path: Path
) -> None:
    """A faulty program that signs what it writes: the shape is checked all the same."""
    bundle, device = team_laptop(tmp_path / "laptop", campaign)
    draft = next(v for v in bundle["visits"] if v["group"] == "huoshilafu")
    change(draft)  # type: ignore[operator]
    content = {k: v for k, v in bundle.items() if k not in ("digest", "signature")}
    body = canonical(content)
    bundle.update(digest=hashlib.sha256(body).hexdigest(), signature=device.sign(body))
    path = write_bundle(bundle, tmp_path / "out")
    assert refusal(path, campaign, lead_trust(campaign, device.public)) == "bundle.not_bundle"

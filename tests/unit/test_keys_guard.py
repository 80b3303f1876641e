"""The laptop's signing key (issue 9, item 6): a private key others can read is not used to sign
where the file system keeps permissions (as ssh refuses it), and the user is told how to fix it;
where it keeps none, `keys show` says what protects the key instead. A key that vanished is not
silently replaced by a new identity: signing refuses and points to `keys new`, which refuses
while a key exists and otherwise makes one the lead must trust before merging its bundles."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from inspect_tui.commands.bundle import keys_new, keys_show
from inspect_tui.domain.model import Campaign
from inspect_tui.storage import keys as keys_module
from inspect_tui.storage.bundle import (
    BundleError,
    canonical,
    make_bundle,
    read_bundle,
    write_bundle,
)
from inspect_tui.storage.keys import DeviceKey, fingerprint, keeps_permissions, verify
from inspect_tui.storage.store import LocalStore
from inspect_tui.words.errors import StoreError

STAMP = "2012-07-10T18:00:00+00:00"


def laptop(folder: Path, campaign: Campaign) -> None:
    """Team 2's laptop with one draft visit (a bundle may carry drafts)."""
    with LocalStore(folder) as store:
        visit = store.start_visit(campaign, "team-2", "kaqun")
        store.set_answer(campaign, visit.id, "study.plan", "yes")


def sign(folder: Path, campaign: Campaign) -> dict:
    with LocalStore(folder) as store:
        return make_bundle(campaign, store, "team-2", DeviceKey(folder), created_at=STAMP)


def signed_body(bundle: dict) -> bytes:
    return canonical({k: v for k, v in bundle.items() if k not in ("digest", "signature")})


def files_in(folder: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(folder)): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and p.name != ".lock"
    }


@pytest.fixture
def keyed(tmp_path: Path, campaign: Campaign) -> tuple[Path, DeviceKey]:
    folder = tmp_path / "laptop"
    laptop(folder, campaign)
    return folder, DeviceKey(folder)


# -- a key others can read -----------------------------------------------------------------------
def test_this_file_system_keeps_permissions_and_the_probe_leaves_nothing(tmp_path: Path) -> None:
    """The premise of the refusals below (a tmp folder on Linux), and a probe without trace."""
    assert keeps_permissions(tmp_path)
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("mode", [0o644, 0o640, 0o604, 0o660], ids=oct)
def test_a_key_group_or_others_can_read_signs_nothing_and_says_chmod_600(
    keyed: tuple[Path, DeviceKey], campaign: Campaign, mode: int
) -> None:
    folder, device = keyed
    device.private_path.chmod(mode)
    before = files_in(folder)
    with pytest.raises(StoreError) as caught:
        sign(folder, campaign)
    path = device.private_path
    assert caught.value.key == "keys.too_open"
    assert caught.value.line("en") == (
        f"the signing key {path} can be read by other users (mode {mode:04o}); nothing was "
        f"signed with it. Make it yours alone: chmod 600 {path}"
    )
    assert caught.value.line("zh") == (
        f"签名密钥 {path} 可被其他用户读取（权限 {mode:04o}），拒绝用它签名；"
        f"请执行 chmod 600 {path} 使其仅本人可读"
    )
    assert files_in(folder) == before
    assert stat.S_IMODE(path.stat().st_mode) == mode  # told, not changed behind the user's back


@pytest.mark.parametrize("mode", [0o600, 0o400], ids=oct)
def test_a_key_its_owner_alone_can_read_signs(
    keyed: tuple[Path, DeviceKey], campaign: Campaign, mode: int
) -> None:
    folder, device = keyed
    device.private_path.chmod(0o644)
    with pytest.raises(StoreError):
        sign(folder, campaign)
    device.private_path.chmod(mode)  # what the message said to do (or stricter)
    bundle = sign(folder, campaign)
    body = signed_body(bundle)
    assert verify(device.public, bundle["signature"], body)


def test_keys_show_notes_a_key_others_can_read(
    keyed: tuple[Path, DeviceKey], capsys: pytest.CaptureFixture[str]
) -> None:
    folder, device = keyed
    device.private_path.chmod(0o644)
    assert keys_show(data=str(folder), lang="en") == 0
    out, err = capsys.readouterr()
    assert device.fingerprint in out
    assert err.strip() == (
        f"note: the signing key {device.private_path} can be read by other users (mode 0644); "
        f"signing will refuse it until you run chmod 600 {device.private_path}"
    )
    device.private_path.chmod(0o600)
    keys_show(data=str(folder), lang="en")
    assert capsys.readouterr().err == ""  # nothing to say about a key that is its owner's


# -- a file system that keeps no permissions -----------------------------------------------------
def fat_drive(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every probe reads back the mount's mode, as on FAT/exFAT: the probe itself is run."""
    real_fstat = os.fstat

    def mount_mode(fd: int) -> os.stat_result:
        found = list(real_fstat(fd))
        found[0] = stat.S_IFREG | 0o755
        return os.stat_result(found)

    monkeypatch.setattr(keys_module.os, "fstat", mount_mode)


def test_the_probe_finds_no_permissions_where_chmod_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """FAT mounted without `quiet`: chmod itself fails."""

    def refused(fd: int, mode: int) -> None:
        raise PermissionError(1, "Operation not permitted")

    monkeypatch.setattr(keys_module.os, "fchmod", refused)
    assert not keeps_permissions(tmp_path)
    assert list(tmp_path.iterdir()) == []


def test_the_probe_finds_no_permissions_where_every_file_shows_the_mounts_mode(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """FAT/exFAT with `quiet`: chmod says yes and every file still reads 0755."""
    fat_drive(monkeypatch)
    assert not keeps_permissions(tmp_path)
    assert list(tmp_path.iterdir()) == []


def test_on_a_drive_without_permissions_a_key_shown_as_0644_signs_and_show_says_what_protects_it(
    keyed: tuple[Path, DeviceKey],
    campaign: Campaign,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    folder, device = keyed
    device.private_path.chmod(0o644)  # what a FAT drive shows for every file
    fat_drive(monkeypatch)
    bundle = sign(folder, campaign)
    assert verify(device.public, bundle["signature"], signed_body(bundle))
    assert keys_show(data=str(folder), lang="en") == 0
    out, err = capsys.readouterr()
    assert device.fingerprint in out
    assert err.strip() == (
        "note: this drive keeps no file permissions (Windows, FAT/exFAT), so the signing key "
        f"{device.private_path} is protected only by who can use this user account and who can "
        "read this drive"
    )
    keys_show(data=str(folder), lang="zh")
    assert "此磁盘不保存文件权限" in capsys.readouterr().err


# -- a key that vanished -------------------------------------------------------------------------
def test_a_vanished_key_refuses_to_sign_and_points_to_keys_new(
    keyed: tuple[Path, DeviceKey], campaign: Campaign
) -> None:
    folder, device = keyed
    device.private_path.unlink()
    before = files_in(folder)
    with pytest.raises(StoreError) as caught:
        sign(folder, campaign)
    assert caught.value.key == "keys.vanished"
    assert caught.value.line("en") == (
        f"this laptop's signing key {device.private_path} is gone (its public key "
        f"{device.fingerprint} is still on record); nothing was signed. Make a new one with "
        "inspect-tui keys new, then have the team lead trust it"
    )
    assert "inspect-tui keys new" in caught.value.line("zh")
    assert device.fingerprint in caught.value.line("zh")
    assert files_in(folder) == before  # no new identity made on the quiet
    assert not device.private_path.exists()


def test_keys_new_refuses_while_a_key_exists(keyed: tuple[Path, DeviceKey]) -> None:
    folder, device = keyed
    before = files_in(folder)
    with pytest.raises(StoreError) as caught:
        DeviceKey(folder, new=True)
    assert caught.value.line("en") == (
        f"this laptop already has a signing key {device.private_path} (fingerprint "
        f"{device.fingerprint}); no new one was made: keys new is for a key that is gone"
    )
    assert files_in(folder) == before


def test_keys_new_refuses_over_a_damaged_key_and_leaves_it(
    keyed: tuple[Path, DeviceKey],
) -> None:
    """A damaged key file is still one a person moves aside on purpose."""
    folder, device = keyed
    device.private_path.write_bytes(b"-----BEGIN PRIVATE KEY-----\nbroken\n")
    before = files_in(folder)
    with pytest.raises(StoreError) as caught:
        DeviceKey(folder, new=True)
    assert caught.value.key == "keys.exists" and caught.value.params["fingerprint"] == "?"
    assert files_in(folder) == before


def test_keys_new_after_the_key_vanished_makes_one_the_lead_must_trust(
    keyed: tuple[Path, DeviceKey],
    campaign: Campaign,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    folder, old = keyed
    lead_trusts = {team.id: set(team.keys) for team in campaign.teams}
    lead_trusts["team-2"].add(old.public)
    old.private_path.unlink()

    assert keys_new(data=str(folder), lang="en") == 0
    new = DeviceKey(folder)
    assert new.fingerprint != old.fingerprint
    assert capsys.readouterr().out.strip() == (
        f"made a new signing key for this laptop, fingerprint {new.fingerprint}; the team lead "
        "must trust it before merging this laptop's results: "
        f"inspect-tui keys trust TEAM {new.public}"
    )
    assert stat.S_IMODE(new.private_path.stat().st_mode) == 0o600
    assert (folder / "keys" / "device.pub").read_text().strip() == new.public

    path = write_bundle(sign(folder, campaign), tmp_path / "out")  # the new key signs
    with pytest.raises(BundleError) as caught:
        read_bundle(path, campaign, lead_trusts)  # the lead still trusts the old key only
    assert caught.value.line("en") == (
        f"{path}: signing key {new.fingerprint} is not trusted for team-2 "
        "(inspect-tui keys trust team-2 KEY)"
    )
    lead_trusts["team-2"].add(new.public)
    assert read_bundle(path, campaign, lead_trusts).fingerprint == new.fingerprint
    assert fingerprint(new.public) == new.fingerprint

"""`inspect-tui bundle --with-evidence` as a team types it: the bundle, and beside it a folder of
the evidence files its visits list, named by their hashes; nothing at all when one is missing."""

from __future__ import annotations

from pathlib import Path

from inspect_tui.domain.model import Campaign
from inspect_tui.storage.bundle import read_bundle
from inspect_tui.storage.evidence import keep_evidence
from inspect_tui.storage.keys import DeviceKey
from inspect_tui.storage.store import LocalStore
from tests.e2e.test_bundle_cli import run

PHOTO = b"\xff\xd8\xff\xe0 archive page" * 50
SCAN = b"%PDF-1.4 study records"


def laptop_with_evidence(folder: Path, campaign: Campaign) -> tuple[str, str]:
    """Team 2's laptop with a draft visit listing a photo on one item and a scan on another
    (and the photo again on a third: one file); the two hashes."""
    (folder / "phone").mkdir(parents=True)
    (folder / "phone" / "IMG_0001.JPG").write_bytes(PHOTO)
    (folder / "phone" / "学习记录[b].pdf").write_bytes(SCAN)
    with LocalStore(folder / "data") as store:
        store.set_setting(f"team:{campaign.id}", "team-2")
        visit = store.start_visit(campaign, "team-2", "kaqun", visit_date="2012-07-05")
        photo = keep_evidence(store.folder, folder / "phone" / "IMG_0001.JPG")
        scan = keep_evidence(store.folder, folder / "phone" / "学习记录[b].pdf")
        store.add_evidence(campaign, visit.id, "archive.genuine", photo)
        store.add_evidence(campaign, visit.id, "study.records", scan)
        store.add_evidence(campaign, visit.id, "archive.catalogue", photo)
    return photo.sha256, scan.sha256


def test_with_evidence_writes_the_files_beside_the_bundle(
    tmp_path: Path, campaign: Campaign
) -> None:
    photo, scan = laptop_with_evidence(tmp_path, campaign)
    out = tmp_path / "stick" / "team-2.json"
    data = str(tmp_path / "data")
    done = run(tmp_path, "--data", data, "--lang", "en", "bundle", "--with-evidence", "--out",
               str(out))  # fmt: skip
    assert done.returncode == 0, done.stderr
    beside = tmp_path / "stick" / "team-2-evidence"
    assert done.stdout.splitlines() == [
        f"exported 1 visit(s): {out}",
        f"2 evidence file(s): {beside}",
    ]
    assert sorted(p.name for p in beside.iterdir()) == sorted([f"{photo}.jpg", f"{scan}.pdf"])
    assert (beside / f"{photo}.jpg").read_bytes() == PHOTO
    assert (beside / f"{scan}.pdf").read_bytes() == SCAN

    trusted = {team.id: set(team.keys) for team in campaign.teams}
    trusted["team-2"].add(DeviceKey(tmp_path / "data").public)
    (visit,) = read_bundle(out, campaign, trusted).visits
    listed = {e["sha256"] for a in visit["answers"].values() for e in a.get("evidence", ())}
    assert listed == {photo, scan}

    plain = run(tmp_path, "--data", data, "--lang", "en", "bundle", "--out",
                str(tmp_path / "plain.json"))  # fmt: skip
    assert plain.stdout.splitlines() == [f"exported 1 visit(s): {tmp_path / 'plain.json'}"]
    assert not (tmp_path / "plain-evidence").exists()


def test_a_missing_file_exports_nothing(tmp_path: Path, campaign: Campaign) -> None:
    photo, _ = laptop_with_evidence(tmp_path, campaign)
    (tmp_path / "data" / "evidence" / f"{photo}.jpg").unlink()
    out = tmp_path / "stick" / "team-2.json"
    failed = run(tmp_path, "--data", str(tmp_path / "data"), "--lang", "zh", "bundle",
                 "--with-evidence", "--out", str(out))  # fmt: skip
    assert failed.returncode == 2
    assert len(failed.stderr.strip().splitlines()) == 1
    assert "IMG_0001.JPG" in failed.stderr and photo[:8] in failed.stderr
    assert not (tmp_path / "stick").exists() or list((tmp_path / "stick").iterdir()) == []

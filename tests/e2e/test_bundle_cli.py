"""`inspect-tui keys` and `inspect-tui bundle` as a team and a lead type them."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from inspect_tui.domain.model import Campaign
from inspect_tui.storage.bundle import read_bundle
from inspect_tui.storage.keys import DeviceKey

ROOT = Path(__file__).resolve().parents[2]


def run(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("INSPECT_TUI_")}
    env.update(INSPECT_TUI_EXPORTS=str(tmp_path / "exports"), TMPDIR=str(tmp_path))
    result = subprocess.run(
        [sys.executable, "-m", "inspect_tui.cli", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
    )
    assert "Traceback" not in result.stdout + result.stderr
    return result


def test_keys_show_makes_a_key_once_and_prints_it(tmp_path: Path) -> None:
    data = tmp_path / "laptop"
    first = run(tmp_path, "--data", str(data), "--lang", "en", "keys", "show")
    second = run(tmp_path, "--data", str(data), "--lang", "en", "keys", "show")
    assert first.returncode == 0 and first.stdout == second.stdout
    device = DeviceKey(data)
    assert first.stdout.splitlines() == [
        f"This laptop's public key: {device.public}",
        f"Fingerprint: {device.fingerprint}",
    ]


def test_a_team_exports_and_the_lead_trusts_and_reads(tmp_path: Path, campaign: Campaign) -> None:
    laptop, lead = tmp_path / "laptop", tmp_path / "lead"
    run(tmp_path, "--data", str(laptop), "keys", "show")
    refused = run(tmp_path, "--data", str(laptop), "--lang", "en", "bundle")
    assert refused.returncode == 2
    assert (
        refused.stderr.strip() == "name the team with --team (this laptop has not chosen one yet)"
    )
    done = run(tmp_path, "--data", str(laptop), "--lang", "en", "bundle", "--team", "team-2")
    assert done.returncode == 0, done.stderr
    files = list((tmp_path / "exports").glob("shache-2012-h1-team-2-*.json"))
    assert len(files) == 1 and str(files[0]) in done.stdout

    key = DeviceKey(laptop).public
    trusted = run(tmp_path, "--data", str(lead), "--lang", "en", "keys", "trust", "team-2", key)
    assert trusted.returncode == 0
    assert trusted.stdout.strip() == f"trusted key {DeviceKey(laptop).fingerprint} for team-2"
    bad = run(tmp_path, "--data", str(lead), "--lang", "zh", "keys", "trust", "team-2", "abc")
    assert bad.returncode == 2 and len(bad.stderr.strip().splitlines()) == 1
    assert "inspect-tui keys show" in bad.stderr

    from inspect_tui.storage.keys import trusted_keys
    from inspect_tui.storage.store import LocalStore

    with LocalStore(lead) as store:
        bundle = read_bundle(files[0], campaign, trusted_keys(campaign, store))
    assert bundle.team == "team-2" and bundle.visits == ()

"""Files that are not what they claim, and the signing key, through the real command line
(issue 9, items 3 and 6): each refusal is one line naming the file and why, exit 2, no
traceback, and nothing changed; a merge of several files still merges the good ones.

The subprocess timeout is only a safety net for a FIFO that the code should never wait on (a
hung merge fails the test instead of the suite); every assertion is on what is printed."""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
from collections.abc import Callable
from pathlib import Path

import orjson
import pytest

from inspect_tui.loading.campaign import load_campaign
from inspect_tui.storage.files import MAX_DEPTH
from inspect_tui.storage.keys import DeviceKey, trust
from inspect_tui.storage.paths import CHECKLISTS
from inspect_tui.storage.store import LocalStore
from tests.e2e.test_cli import COMMAND
from tests.support.laptops import laptop

SAFETY_NET = 120  # seconds; never reached unless a FIFO is waited on
NOT_REGULAR = "not a regular file (a device, a pipe or a socket); not read"
TOO_DEEP = f"nested more than {MAX_DEPTH} levels deep, which no file of ours is; not read"


def run(tmp_path: Path, *args: str | Path) -> subprocess.CompletedProcess[str]:
    """`inspect-tui --lang en ARGS` in its own temp folder; no traceback, no crash log."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("INSPECT_TUI_")}
    env.update(
        INSPECT_TUI_DATA=str(tmp_path / "unused-data"),
        INSPECT_TUI_EXPORTS=str(tmp_path / "unused-exports"),
        TMPDIR=str(tmp_path / "tmp"),
        COLUMNS="250",
        PYTHONIOENCODING="utf-8",
    )
    (tmp_path / "tmp").mkdir(exist_ok=True)
    result = subprocess.run(
        [*COMMAND, "--lang", "en", *map(str, args)],
        cwd=tmp_path,
        env=env,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
        timeout=SAFETY_NET,
    )
    assert "Traceback" not in result.stderr + result.stdout
    assert not list((tmp_path / "tmp").glob("inspect-tui-crash-*")), result.stderr
    return result


def files_in(folder: Path) -> dict[str, bytes]:
    """Every regular file under `folder` and its bytes (the lock's note aside)."""
    return {
        str(p.relative_to(folder)): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and not p.is_symlink() and p.name != ".lock"
    }


@pytest.fixture(scope="module")
def bundles(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, Path]:
    """Two teams' signed bundles, and a lead's data folder that trusts both and has merged
    nothing yet."""
    campaign = load_campaign(CHECKLISTS / "shache-2012-h1.toml")
    root = tmp_path_factory.mktemp("round")
    one, key_one = laptop(root / "t1", campaign, "team-1", {"shache-zhen": 0})
    two, key_two = laptop(root / "t2", campaign, "team-2", {"kaqun": 1, "weisheng-xitong": 0})
    with LocalStore(root / "lead") as store:
        trust(campaign, store, "team-1", key_one.public)
        trust(campaign, store, "team-2", key_two.public)
    return root / "lead", one, two


@pytest.fixture
def lead(tmp_path: Path, bundles: tuple[Path, Path, Path]) -> Path:
    """A copy of the lead's folder that has merged team 1's bundle."""
    folder = tmp_path / "lead"
    shutil.copytree(bundles[0], folder)
    merged = run(tmp_path, "--data", folder, "merge", bundles[1])
    assert merged.returncode == 0, merged.stderr
    return folder


def fifo(path: Path) -> Path:
    os.mkfifo(path)
    return path


def dev_zero(path: Path) -> Path:
    path.symlink_to("/dev/zero")
    return path


def folder(path: Path) -> Path:
    path.mkdir()
    (path / "inside.json").write_text("{}", encoding="utf-8")
    return path


def sparse(path: Path) -> Path:
    with path.open("wb") as handle:
        handle.truncate(64 * 1024 * 1024 + 1)  # costs no disk, and no memory unless read
    return path


def deep(path: Path) -> Path:
    path.write_bytes(b"[" * (MAX_DEPTH + 1) + b"]" * (MAX_DEPTH + 1))
    return path


BAD_BUNDLES = {
    "fifo": (fifo, NOT_REGULAR),
    "dev-zero": (dev_zero, NOT_REGULAR),
    "folder": (folder, "cannot be read (it is a folder, not a file)"),
    "over-64-mib": (sparse, "too large (64.1 MiB; the limit is 64 MiB); not read"),
    "nested-65": (deep, TOO_DEEP),
}


# -- merge ---------------------------------------------------------------------------------------
@pytest.mark.parametrize("kind", BAD_BUNDLES)
def test_merge_refuses_a_file_that_is_not_a_bundle_file_in_one_line(
    tmp_path: Path, lead: Path, kind: str
) -> None:
    make, reason = BAD_BUNDLES[kind]
    bad = make(tmp_path / "team-2.json")
    before = files_in(lead)
    result = run(tmp_path, "--data", lead, "merge", bad)
    assert result.returncode == 2
    assert result.stderr.splitlines() == [f"{bad}: {reason}"]
    assert "merged 0 new visit record(s), 0 already there, 1 file(s) refused" in result.stdout
    assert files_in(lead) == before


def test_merge_refuses_a_bundle_nested_past_what_can_be_written_in_one_line(
    tmp_path: Path, lead: Path, bundles: tuple[Path, Path, Path]
) -> None:
    """A real bundle with 300 levels hidden in a visit: the exact-bytes check would write it
    again, and orjson writes no more than 254 levels (that was exit 70)."""
    data = orjson.loads(bundles[2].read_bytes())
    data["visits"][0]["audit"][0]["extra"] = "DEEP"
    bad = tmp_path / "team-2-deep.json"
    bad.write_bytes(orjson.dumps(data).replace(b'"DEEP"', b"[" * 300 + b"]" * 300))
    before = files_in(lead)
    result = run(tmp_path, "--data", lead, "merge", bad)
    assert result.returncode == 2
    assert result.stderr.splitlines() == [f"{bad}: {TOO_DEEP}"]
    assert files_in(lead) == before


def test_a_merge_of_several_files_where_one_is_a_fifo_merges_the_others(
    tmp_path: Path, bundles: tuple[Path, Path, Path]
) -> None:
    lead = tmp_path / "lead"
    shutil.copytree(bundles[0], lead)
    pipe = fifo(tmp_path / "team-3.json")
    result = run(tmp_path, "--data", lead, "merge", bundles[1], pipe, bundles[2])
    assert result.returncode == 2
    assert result.stderr.splitlines() == [f"{pipe}: {NOT_REGULAR}"]
    assert "merged 3 new visit record(s), 0 already there, 1 file(s) refused" in result.stdout
    ranked = run(tmp_path, "--data", lead, "rank", "--json")
    groups = {row["group"] for row in orjson.loads(ranked.stdout)["groups"]}
    assert groups == {"shache-zhen", "kaqun", "weisheng-xitong"}


def test_a_county_file_that_is_a_fifo_is_one_line_for_rank_and_merge(
    tmp_path: Path, bundles: tuple[Path, Path, Path]
) -> None:
    lead = tmp_path / "lead"
    shutil.copytree(bundles[0], lead)
    (lead / "county").mkdir(exist_ok=True)
    county = fifo(lead / "county" / "shache-2012-h1.json")
    for args in (("rank",), ("merge", bundles[1])):
        result = run(tmp_path, "--data", lead, *args)
        assert result.returncode == 2
        assert result.stderr.splitlines() == [
            f"data file {county}: {NOT_REGULAR}; it was left untouched"
        ]
        assert stat.S_ISFIFO(county.lstat().st_mode)  # never replaced by a merge


# -- import-sheet and verify ---------------------------------------------------------------------
@pytest.mark.parametrize("make", [fifo, dev_zero], ids=["fifo", "dev-zero"])
def test_import_sheet_refuses_a_fifo_or_dev_zero_in_one_line(
    tmp_path: Path, make: Callable[[Path], Path]
) -> None:
    data = tmp_path / "laptop"
    LocalStore(data).close()
    before = files_in(data)
    sheet = make(tmp_path / "sheet.xlsx")
    result = run(tmp_path, "--data", data, "import-sheet", sheet, "--team", "team-2")
    assert result.returncode == 2
    assert result.stderr.splitlines() == [f"{sheet}: {NOT_REGULAR}"]
    assert result.stdout == ""
    assert files_in(data) == before


def test_verify_refuses_a_fifo_in_one_line(tmp_path: Path, lead: Path) -> None:
    pipe = fifo(tmp_path / "ranking.xlsx")
    before = files_in(lead)
    result = run(tmp_path, "--data", lead, "verify", pipe)
    assert result.returncode == 2
    assert result.stderr.splitlines() == [
        f"{pipe}: cannot be read as an export file ({NOT_REGULAR})"
    ]
    assert files_in(lead) == before


# -- the signing key -----------------------------------------------------------------------------
@pytest.fixture
def team_laptop(tmp_path: Path) -> tuple[Path, DeviceKey]:
    """Team 2's laptop with a draft visit and its key."""
    campaign = load_campaign(CHECKLISTS / "shache-2012-h1.toml")
    folder = tmp_path / "laptop"
    with LocalStore(folder) as store:
        visit = store.start_visit(campaign, "team-2", "kaqun")
        store.set_answer(campaign, visit.id, "study.plan", "yes")
    return folder, DeviceKey(folder)


def test_bundle_refuses_a_key_others_can_read_and_signs_once_it_is_chmod_600(
    tmp_path: Path, team_laptop: tuple[Path, DeviceKey]
) -> None:
    folder, device = team_laptop
    out = tmp_path / "out" / "team-2.json"
    device.private_path.chmod(0o644)
    before = files_in(folder)
    refused = run(tmp_path, "--data", folder, "bundle", "--team", "team-2", "--out", out)
    assert refused.returncode == 2
    assert refused.stderr.splitlines() == [
        f"the signing key {device.private_path} can be read by other users (mode 0644); "
        f"nothing was signed with it. Make it yours alone: chmod 600 {device.private_path}"
    ]
    assert not out.parent.exists() and files_in(folder) == before

    device.private_path.chmod(0o600)
    signed = run(tmp_path, "--data", folder, "bundle", "--team", "team-2", "--out", out)
    assert signed.returncode == 0, signed.stderr
    assert signed.stdout.strip() == f"exported 1 visit(s): {out}"
    assert orjson.loads(out.read_bytes())["device"]["fingerprint"] == device.fingerprint


def test_a_vanished_key_refuses_to_sign_and_names_keys_new(
    tmp_path: Path, team_laptop: tuple[Path, DeviceKey]
) -> None:
    folder, device = team_laptop
    device.private_path.unlink()
    before = files_in(folder)
    out = tmp_path / "out" / "team-2.json"
    for args in (("bundle", "--team", "team-2", "--out", out), ("keys", "show")):
        result = run(tmp_path, "--data", folder, *args)
        assert result.returncode == 2
        assert result.stderr.splitlines() == [
            f"this laptop's signing key {device.private_path} is gone (its public key "
            f"{device.fingerprint} is still on record); nothing was signed. Make a new one "
            "with inspect-tui keys new, then have the team lead trust it"
        ]
        assert result.stdout == ""
    assert not out.parent.exists() and files_in(folder) == before


def test_keys_new_refuses_while_a_key_exists(
    tmp_path: Path, team_laptop: tuple[Path, DeviceKey]
) -> None:
    folder, device = team_laptop
    before = files_in(folder)
    result = run(tmp_path, "--data", folder, "keys", "new")
    assert result.returncode == 2
    assert result.stderr.splitlines() == [
        f"this laptop already has a signing key {device.private_path} (fingerprint "
        f"{device.fingerprint}); no new one was made: keys new is for a key that is gone"
    ]
    assert files_in(folder) == before


def test_keys_new_after_the_key_vanished_signs_with_a_key_the_lead_must_trust(
    tmp_path: Path, team_laptop: tuple[Path, DeviceKey], bundles: tuple[Path, Path, Path]
) -> None:
    folder, old = team_laptop
    lead = tmp_path / "lead"
    shutil.copytree(bundles[0], lead)  # trusts team 2's key of the round, not this laptop's
    trusted = run(tmp_path, "--data", lead, "keys", "trust", "team-2", old.public)
    assert trusted.returncode == 0
    old.private_path.unlink()

    made = run(tmp_path, "--data", folder, "keys", "new")
    assert made.returncode == 0, made.stderr
    new = DeviceKey(folder)
    assert new.fingerprint != old.fingerprint
    assert made.stdout.splitlines() == [
        f"made a new signing key for this laptop, fingerprint {new.fingerprint}; the team lead "
        "must trust it before merging this laptop's results: "
        f"inspect-tui keys trust TEAM {new.public}"
    ]
    assert stat.S_IMODE(new.private_path.stat().st_mode) == 0o600

    out = tmp_path / "out" / "team-2.json"
    signed = run(tmp_path, "--data", folder, "bundle", "--team", "team-2", "--out", out)
    assert signed.returncode == 0, signed.stderr
    before = files_in(lead)
    refused = run(tmp_path, "--data", lead, "merge", out)
    assert refused.returncode == 2
    assert refused.stderr.splitlines() == [
        f"{out}: signing key {new.fingerprint} is not trusted for team-2 "
        "(inspect-tui keys trust team-2 KEY)"
    ]
    assert files_in(lead) == before

    assert run(tmp_path, "--data", lead, "keys", "trust", "team-2", new.public).returncode == 0
    merged = run(tmp_path, "--data", lead, "merge", out)
    assert merged.returncode == 0, merged.stderr
    assert "merged 1 new visit record(s)" in merged.stdout


def test_bundle_says_which_visit_file_it_could_not_read(
    tmp_path: Path, team_laptop: tuple[Path, DeviceKey]
) -> None:
    # before: "exported 1 visit(s)" and nothing else, so a team signed an incomplete file
    folder, _ = team_laptop
    campaign = load_campaign(CHECKLISTS / "shache-2012-h1.toml")
    with LocalStore(folder) as store:
        second = store.start_visit(campaign, "team-2", "huoshilafu")
    broken = folder / "visits" / f"{second.id}.json"
    broken.write_bytes(b'{"_meta": {"1": ')  # a file cut short
    out = tmp_path / "out" / "team-2.json"
    result = run(tmp_path, "--data", folder, "bundle", "--team", "team-2", "--out", out)
    assert result.returncode == 0
    assert result.stdout.strip() == f"exported 1 visit(s): {out}"
    [warning] = result.stderr.splitlines()
    assert warning.startswith(f"warning: data file {broken}")
    assert warning.endswith("; no visit of that file is in the bundle")


def test_keys_new_where_the_key_is_a_link_to_nothing_makes_a_new_key(
    tmp_path: Path, team_laptop: tuple[Path, DeviceKey]
) -> None:
    # before: keys show said "gone, run keys new" and keys new said "already has a key"
    folder, device = team_laptop
    device.private_path.unlink()
    device.private_path.symlink_to(tmp_path / "usb-stick-not-plugged-in" / "device.key")
    shown = run(tmp_path, "--data", folder, "keys", "show")
    assert shown.returncode == 2 and "inspect-tui keys new" in shown.stderr
    made = run(tmp_path, "--data", folder, "keys", "new")
    assert made.returncode == 0, made.stderr
    new = DeviceKey(folder)
    assert new.fingerprint != device.fingerprint
    assert new.fingerprint in made.stdout
    assert not device.private_path.is_symlink()  # the link replaced, nothing written through it
    assert not (tmp_path / "usb-stick-not-plugged-in").exists()

"""Deleting `.lock` (the reflex with a "stale lock") lets no second writer in.

Two processes: the first holds the data folder and saves answers, acknowledging each once it is
on disk; `.lock` is removed; a second `LocalStore` and the command line are both refused with
one line, the newcomer writes nothing, and every answer the first one acknowledged, before and
after, is on disk when it is done. Before the folder itself was locked, the newcomer made a new
`.lock`, locked that and overwrote the first writer's saved answers.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from inspect_tui.domain.model import Campaign
from inspect_tui.domain.scoring import Answer
from inspect_tui.storage.store import LocalStore
from inspect_tui.words.errors import StoreLocked
from tests.support.sequence import write_sequence

ROOT = Path(__file__).resolve().parents[2]
WRITES = 40  # in each of the holder's two runs


def replay(campaign: Campaign, count: int) -> dict[str, Answer]:
    state: dict[str, Answer] = {}
    for item_id, value, note in write_sequence(campaign, count):
        state[item_id] = Answer(value, note)
    return state


def cli(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("INSPECT_TUI_")}
    env.update(INSPECT_TUI_EXPORTS=str(tmp_path / "exports"), TMPDIR=str(tmp_path))
    return subprocess.run(
        [sys.executable, "-m", "inspect_tui.cli", "--lang", "en", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
    )


def acknowledged(holder: subprocess.Popen[str], expected: range) -> None:
    assert holder.stdout is not None
    for index in expected:
        assert holder.stdout.readline() == f"{index}\n"


@pytest.fixture
def holder(tmp_path: Path, campaign: Campaign) -> Iterator[tuple[subprocess.Popen[str], Path, str]]:
    folder = tmp_path / "laptop"
    with LocalStore(folder) as store:
        store.set_setting(f"team:{campaign.id}", "team-1")
        visit = store.start_visit(campaign, "team-1", "shache-zhen")
    process = subprocess.Popen(
        [sys.executable, "-m", "tests.support.lock_holder", str(folder), visit.id, str(WRITES)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        text=True,
    )
    try:
        yield process, folder, visit.id
    finally:
        if process.poll() is None:
            process.kill()
        process.wait()
        for stream in (process.stdin, process.stdout):
            if stream is not None:
                stream.close()


def test_a_deleted_lock_file_lets_no_second_writer_in(
    tmp_path: Path, campaign: Campaign, holder: tuple[subprocess.Popen[str], Path, str]
) -> None:
    process, folder, visit_id = holder
    acknowledged(process, range(WRITES))
    assert process.stdout is not None and process.stdout.readline() == "held\n"
    note = (folder / ".lock").read_text(encoding="utf-8")
    assert f'"pid": {process.pid}' in note  # the holder wrote who it is
    (folder / ".lock").unlink()
    visit_file = folder / "visits" / f"{visit_id}.json"
    saved = visit_file.read_bytes()

    with pytest.raises(StoreLocked) as caught:
        LocalStore(folder)
    assert caught.value.line("en").startswith(f"data folder {folder} is in use")
    assert "holder unknown" in caught.value.line("en")
    assert "不知是谁" in caught.value.line("zh")

    refused = cli(tmp_path, "--data", str(folder), "bundle")
    assert refused.returncode == 2
    assert refused.stdout == ""
    lines = refused.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"data folder {folder} is in use"), lines
    assert "holder unknown" in lines[0]

    assert visit_file.read_bytes() == saved  # the newcomers changed nothing ...
    assert not (folder / ".lock").exists()  # ... not even the note they found missing
    assert not (tmp_path / "exports").exists()

    assert process.stdin is not None
    process.stdin.write("go on\n")
    process.stdin.flush()
    acknowledged(process, range(WRITES, 2 * WRITES))  # the app a person types into goes on
    assert process.wait() == 0

    with LocalStore(folder) as store:  # free once the holder is gone; every write is there
        assert store.answers(visit_id) == replay(campaign, 2 * WRITES)
        assert len(store.audit(visit_id)) == 1 + 2 * 2 * WRITES  # create; answer and note each
        assert f'"pid": {os.getpid()}' in (folder / ".lock").read_text(encoding="utf-8")


def test_the_refused_newcomer_leaves_the_holders_note_as_it_is(
    tmp_path: Path, holder: tuple[subprocess.Popen[str], Path, str]
) -> None:
    process, folder, _ = holder
    acknowledged(process, range(WRITES))
    assert process.stdout is not None and process.stdout.readline() == "held\n"
    note = (folder / ".lock").read_bytes()
    refused = cli(tmp_path, "--data", str(folder), "rank")
    assert refused.returncode == 2
    assert f"pid {process.pid}" in refused.stderr  # told who holds it, from the note
    assert (folder / ".lock").read_bytes() == note

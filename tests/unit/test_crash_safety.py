"""SIGKILL a writer at random points: the file always loads and holds every acknowledged write.

The writer (tests/support/writer.py) saves a known sequence of answers and prints each index
after `set_answer` returns. After the kill, the store must equal the sequence replayed up to
some write at or after the last acknowledged one (the write in flight may or may not have
landed), with exactly the audit entries those writes made: never a torn file, never an answer
without its audit entry.
"""

from __future__ import annotations

import os
import random
import subprocess
import sys
import time
from pathlib import Path

import pytest

from inspect_tui.domain.model import Campaign
from inspect_tui.domain.scoring import Answer
from inspect_tui.storage.store import LocalStore
from tests.support.sequence import write_sequence

ROUNDS = 20
WRITES = 300
ROOT = Path(__file__).resolve().parents[2]


def replay(campaign: Campaign, count: int) -> dict[str, Answer]:
    state: dict[str, Answer] = {}
    for item_id, value, note in write_sequence(campaign, count):
        state[item_id] = Answer(value, note)
    return state


@pytest.mark.slow
def test_sigkill_never_loses_an_acknowledged_write(tmp_path: Path, campaign: Campaign) -> None:
    seed = int(os.environ.get("CRASH_SEED", time.time_ns() % 1_000_000))
    rng = random.Random(seed)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    writes_seen = 0
    for round_no in range(ROUNDS):
        folder = tmp_path / f"round-{round_no}"
        with LocalStore(folder) as store:
            visit = store.start_visit(campaign, "team-1", "shache-zhen")
        kill_after = rng.randint(0, WRITES - 1)
        writer = subprocess.Popen(
            [sys.executable, "-m", "tests.support.writer", str(folder), visit.id, str(WRITES)],
            stdout=subprocess.PIPE,
            cwd=ROOT,
            env=env,
            text=True,
        )
        acked = -1
        assert writer.stdout is not None
        for line in writer.stdout:
            acked = int(line)
            if acked >= kill_after:
                break
        time.sleep(rng.random() * 0.003)  # land somewhere inside a later write
        writer.kill()  # SIGKILL on POSIX, TerminateProcess on Windows: no chance to clean up
        writer.wait()
        writer.stdout.close()

        with LocalStore(folder) as store:  # the kernel dropped the dead writer's lock
            answers = store.answers(visit.id)
            audit = store.audit(visit.id)
            assert not store.damaged
        landed = [n for n in range(acked + 1, WRITES + 1) if replay(campaign, n) == answers]
        context = f"seed={seed} round={round_no} acked={acked}"
        assert landed, f"store lost acknowledged writes ({context})"
        writes = landed[0]
        assert len(audit) == 1 + 2 * writes, context  # create, then an answer and a note each
        writes_seen += writes
    assert writes_seen >= ROUNDS * 50  # the kills really fell in the middle of long runs

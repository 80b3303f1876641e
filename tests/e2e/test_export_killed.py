"""An export SIGKILLed at any moment leaves its whole set or nothing.

Real exports of a merged county (all four formats) run in processes of their own
(`tests/support/export_child.py`) and are SIGKILLed: first just before each point of the step, in
turn (every call that touches the disk, every progress call), then at seeded random moments over
the export's duration. After each kill the target folder holds only whole exports (each folder
with its four files, each read back by openpyxl, python-docx, csv and an HTML parser to the
county's figures) and no visible trace of the killed one unless it was published whole; the
export log names only folders that are there; and the next export goes through and removes what
the dead one left. A kill before the publishing rename leaves nothing, one after it the whole
set: both are seen, at the points where they must be.

Before exports were folders renamed into place once complete, a kill left 1-3 of the 4 files.
"""

from __future__ import annotations

import os
import random
import shutil
import signal
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest

from inspect_tui.domain.model import Campaign
from inspect_tui.reports.dataset import ExportData, gather
from inspect_tui.reports.export import FORMATS, export_files
from inspect_tui.reports.readback import TIER_NOTE, Figures, figures_in
from inspect_tui.storage.store import LocalStore
from inspect_tui.storage.verification import LOG_NAME, PENDING, load_log, read_log
from tests.support.published import MADE, Published, publish

pytestmark = pytest.mark.skipif(
    not hasattr(os, "fork"),
    reason="the test kills forked exports with SIGKILL; Windows has neither fork nor SIGKILL",
)

ROOT = Path(__file__).resolve().parents[2]
KILLED = -signal.SIGKILL if hasattr(signal, "SIGKILL") else -9
RANDOM_KILLS = 16
SEED = 20120720


@pytest.fixture(scope="module")
def published(tmp_path_factory: pytest.TempPathFactory, campaign: Campaign) -> Published:
    return publish(tmp_path_factory.mktemp("killed"), campaign)


@pytest.fixture(scope="module")
def figures(published: Published, campaign: Campaign) -> Figures:
    """The county's ranking, as the first export's CSV shows it: what every export must show."""
    found = figures_in(published.files["csv"], published.files["csv"].read_bytes(), campaign)
    assert found and len(found) == len(published.data.rows) > 10
    return found


@pytest.fixture
def lead(published: Published, tmp_path: Path) -> Path:
    """A copy of the lead's data folder (county store and export log), without the exports."""
    folder = tmp_path / "lead"
    shutil.copytree(published.folder, folder, ignore=shutil.ignore_patterns("out", "laptops"))
    return folder


@pytest.fixture
def data(lead: Path, campaign: Campaign) -> ExportData:
    with LocalStore(lead) as store:
        return gather(campaign, store.folder, clock=lambda: MADE)


@dataclass(frozen=True)
class Run:
    code: int  # the export's exit code: 0, or KILLED
    seconds: float  # from the start of `export_files` to the export's end
    killed: str  # "<what> <path>" of the point it was killed before ("" if it was not)
    points: list[str]  # the points it passed, when it ended by itself


class Exporter:
    """The process that forks the exports (see tests/support/export_child.py)."""

    def __init__(self, lead: Path, out: Path, temp: Path) -> None:
        temp.mkdir()
        self.process = subprocess.Popen(
            [sys.executable, "-m", "tests.support.export_child", str(lead), str(out)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            cwd=ROOT,
            env={**os.environ, "PYTHONPATH": str(ROOT), "TMPDIR": str(temp)},
            text=True,
            encoding="utf-8",
        )

    def run(self, kill_at: int | None = None, delay: float | None = None) -> Run:
        assert self.process.stdin is not None and self.process.stdout is not None
        point = "-" if kill_at is None else str(kill_at)
        self.process.stdin.write(f"{point} {'-' if delay is None else delay}\n")
        self.process.stdin.flush()
        killed, points = "", []
        while line := self.process.stdout.readline():
            word, _, rest = line.rstrip("\n").partition(" ")
            if word == "exit":
                code, seconds = rest.split()
                return Run(int(code), float(seconds), killed, points)
            if word == "kill":
                killed = rest.partition(" ")[2]
            elif word == "point":
                points.append(rest)
        raise AssertionError(f"the exporting process ended: {self.process.wait()}")

    def close(self) -> None:
        for stream in (self.process.stdin, self.process.stdout):
            if stream is not None:
                stream.close()
        if self.process.wait(timeout=60) != 0:
            raise AssertionError(f"the exporting process failed: {self.process.returncode}")


@pytest.fixture
def exporter(lead: Path, tmp_path: Path) -> Iterator[Exporter]:
    made = Exporter(lead, tmp_path / "out", tmp_path / "temp")
    try:
        yield made
    finally:
        if made.process.poll() is None and made.process.stdin is not None:
            made.close()


def visible_entries(folder: Path) -> set[str]:
    return {n for n in os.listdir(folder) if not n.startswith(".")}


def hidden_entries(folder: Path) -> list[str]:
    return sorted(n for n in os.listdir(folder) if n.startswith("."))


class _Closed(HTMLParser):
    """Whether a page got to its end."""

    def __init__(self) -> None:
        super().__init__()
        self.closed = False

    def handle_endtag(self, tag: str) -> None:
        self.closed = self.closed or tag == "html"


def named(figures: Figures | None) -> Figures | None:
    """The figures with each tier as its name: the circular's table gives the veto a column of
    its own where the other formats write "较差（一票否决）"."""
    if figures is None:
        return None
    return {g: (rank, total, TIER_NOTE.sub("", tier)) for g, (rank, total, tier) in figures.items()}


def assert_whole(folder: Path, figures: Figures, campaign: Campaign, *, read: bool) -> None:
    """`folder` is one export with its four files; with `read`, each file is read back by its
    format's reader (openpyxl, python-docx, csv, an HTML parser) to the county's figures."""
    assert folder.is_dir(), folder
    names = {f"{folder.name}-{suffix}" for _, suffix in FORMATS.values()}
    assert set(os.listdir(folder)) == names, folder
    if not read:
        return
    for name in names:
        raw = (folder / name).read_bytes()
        assert named(figures_in(folder / name, raw, campaign)) == named(figures), name
        if name.endswith(".html"):
            page = _Closed()
            page.feed(raw.decode("utf-8"))
            assert page.closed, name


@dataclass
class Target:
    """The target folder and the lead's log, checked after each kill."""

    out: Path
    lead: Path
    data: ExportData
    figures: Figures
    campaign: Campaign
    before: set[str] = field(init=False)  # the visible folders before the next kill
    logged: list[dict[str, Any]] = field(init=False)  # the exports the log counts, then

    def __post_init__(self) -> None:
        self.next_export()  # the office's earlier exports: the folder is there, and not empty

    def next_export(self) -> None:
        """An export in this process after a kill: it goes through, and leaves nothing of the
        dead ones (staging folders, temp files, pending entries)."""
        before = visible_entries(self.out) if self.out.exists() else set()
        files = export_files(self.data, list(FORMATS), self.out, self.lead)
        assert visible_entries(self.out) == before | {files[0].parent.name}
        assert_whole(files[0].parent, self.figures, self.campaign, read=False)
        assert hidden_entries(self.out) == []
        assert [n for n in hidden_entries(self.lead) if n.startswith(f".{LOG_NAME}")] == []
        entries = load_log(self.lead)
        assert [e for e in entries if e.get("state") == PENDING] == []
        assert all(Path(e["folder"]).is_dir() for e in entries)
        self.before = visible_entries(self.out)
        self.logged = read_log(self.lead)

    def after(self, run: Run) -> bool:
        """Whether the killed export was published; asserts it was published whole or not at
        all, and that the log agrees."""
        context = f"{run.code} {run.killed}"
        visible = visible_entries(self.out)
        new = visible - self.before
        assert self.before <= visible and len(new) <= 1, context
        for name in visible:  # no visible partial file, nor any visible file beside the folders
            assert_whole(self.out / name, self.figures, self.campaign, read=name in new)
        logged = read_log(self.lead)  # loads, whatever the kill interrupted
        assert all(Path(e["folder"]).is_dir() for e in logged), context
        if new:
            assert str(self.out / min(new)) in {e["folder"] for e in logged}, context
        else:
            assert logged == self.logged, context
        self.next_export()
        return bool(new)


@pytest.fixture
def target(
    tmp_path: Path, lead: Path, data: ExportData, figures: Figures, campaign: Campaign
) -> Target:
    return Target(tmp_path / "out", lead, data, figures, campaign)


def test_a_kill_before_any_point_of_the_export_leaves_the_whole_set_or_nothing(
    exporter: Exporter, target: Target
) -> None:
    whole = exporter.run()
    assert whole.code == 0 and target.after(whole)
    points = whole.points
    kinds = [point.partition(" ")[0] for point in points]
    assert len(points) > 30 and "progress" in kinds

    published = []
    for point in range(len(points)):
        run = exporter.run(kill_at=point)
        # the same step each time: killed just before the same kind of point
        assert run.code == KILLED and run.killed.partition(" ")[0] == kinds[point], point
        published.append(target.after(run))  # whole or nothing, and the log agrees

    # the step: the log's pending entry, the staging folder, the four files, the folder's one
    # rename, the log's entry marked done. Killed up to the rename, nothing is published;
    # after it, the whole set is, the log's pending entry counting as its folder is there
    renames = [n for n, kind in enumerate(kinds) if kind == "rename"]
    assert len(renames) == 1, points
    assert kinds.index("replace") < kinds.index("mkdir") < kinds.index("progress") < renames[0]
    assert kinds[renames[0] :].count("replace") == 1
    assert published == [point > renames[0] for point in range(len(points))], points
    assert published.count(False) > 20 and published.count(True) >= 5


def test_kills_at_random_moments_leave_the_whole_set_or_nothing(
    exporter: Exporter, target: Target
) -> None:
    durations = []
    for _ in range(3):  # the export's duration, as uninterrupted runs take it at best
        whole = exporter.run()
        assert whole.code == 0 and target.after(whole)
        durations.append(whole.seconds)
    chance = random.Random(SEED)
    outcomes = []
    for _ in range(RANDOM_KILLS):
        # over the export's duration, and a little past it (a kill that comes too late is an
        # export that ended by itself)
        run = exporter.run(delay=chance.uniform(0, 1.1 * min(durations)))
        assert run.code in (0, KILLED)
        made = target.after(run)
        assert made or run.code == KILLED
        outcomes.append((run.code, made))
    # some kills landed while the export ran and before its folder was published
    assert (KILLED, False) in outcomes, outcomes

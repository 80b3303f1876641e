"""An export is all or none: a full disk at any point of the step, a damaged log, the leftovers of
a killed export. Each failure leaves no visible file and no new log entry, and is one line."""

from __future__ import annotations

import errno
import io
import os
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterator
from contextlib import redirect_stderr, redirect_stdout
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import orjson
import pytest

from inspect_tui.cli import main
from inspect_tui.domain.model import Campaign
from inspect_tui.reports.dataset import ExportData, gather
from inspect_tui.reports.export import FORMATS, export_files
from inspect_tui.reports.verify import verify
from inspect_tui.storage import atomic
from inspect_tui.storage.store import LocalStore
from inspect_tui.storage.verification import LOG_NAME, PENDING, load_log, read_log
from inspect_tui.words.errors import InspectError
from tests.support.published import MADE, Published, publish

FULL = OSError(errno.ENOSPC, "No space left on device")


@pytest.fixture(scope="module")
def original(tmp_path_factory: pytest.TempPathFactory) -> Published:
    from inspect_tui.loading.campaign import load_campaign
    from inspect_tui.storage.paths import BUNDLED_CAMPAIGN

    return publish(tmp_path_factory.mktemp("all-or-none"), load_campaign(BUNDLED_CAMPAIGN))


@pytest.fixture
def lead(original: Published, tmp_path: Path) -> Path:
    """A copy of the lead's data folder (county store and export log) each test may change."""
    folder = tmp_path / "lead"
    shutil.copytree(original.folder, folder, ignore=shutil.ignore_patterns("out", "laptops"))
    return folder


@pytest.fixture
def data(lead: Path, campaign: Campaign) -> ExportData:
    with LocalStore(lead) as store:
        return gather(campaign, store.folder, clock=lambda: MADE)


def visible_entries(folder: Path) -> list[str]:
    return sorted(n for n in os.listdir(folder) if not n.startswith(".")) if folder.exists() else []


def hidden_entries(folder: Path) -> list[str]:
    return sorted(n for n in os.listdir(folder) if n.startswith(".")) if folder.exists() else []


def logged(lead: Path) -> list[tuple[str, str]]:
    return [(e["digest"], e.get("folder", "")) for e in read_log(lead)]


# -- a full disk at every point of the step ---------------------------------------------------
@dataclass
class Disk:
    """The system calls an export makes, counted; `fail_at` makes one of them (or, with
    `stays_full`, every later write of data) fail with ENOSPC, `fail_on` the first of a kind."""

    calls: list[tuple[str, str]] = field(default_factory=list)
    fail_at: int | None = None
    stays_full: bool = False
    fail_on: str | None = None
    failed: list[str] = field(default_factory=list)

    def wrap(self, name: str, real: Callable[..., Any], *, makes_data: bool) -> Callable[..., Any]:
        def call(*args: Any, **kwargs: Any) -> Any:
            reads = name == "open" and not args[1] & os.O_CREAT  # to read, or to fsync a folder
            what = "open-read" if reads else name
            number = len(self.calls)
            self.calls.append((what, str(args[0]) if args else ""))
            full = self.fail_at is not None and (
                number == self.fail_at
                or (
                    self.stays_full and number > self.fail_at and makes_data and what != "open-read"
                )
            )
            if what == self.fail_on:
                full, self.fail_on = True, None
            if full:
                self.failed.append(what)
                raise FULL
            return real(*args, **kwargs)

        return call


@pytest.fixture
def disk(monkeypatch: pytest.MonkeyPatch) -> Iterator[Disk]:
    found = Disk()
    # every way the step touches the disk: data (open to create, write, mkdir, the syncs) and
    # the renames, which a real full disk lets through but a failing one need not
    for name, makes_data in (
        ("open", True),
        ("write", True),
        ("fsync", True),
        ("mkdir", True),
        ("replace", False),
        ("rename", False),
    ):
        monkeypatch.setattr(os, name, found.wrap(name, getattr(os, name), makes_data=makes_data))
    monkeypatch.setattr(
        atomic, "_sync_data", found.wrap("fdatasync", atomic._sync_data, makes_data=True)
    )
    yield found


def probe(disk: Disk, data: ExportData, lead: Path, depth: int) -> None:
    """Count the calls of a whole step into a folder `depth` levels new. The first export of a
    process also imports and finds the temp folder, so the count is of a second one."""
    export_files(data, list(FORMATS), lead / "warm-up", lead)
    disk.calls.clear()
    export_files(data, list(FORMATS), Path(lead, *["probe"] * depth), lead)


def test_every_point_of_the_step_is_counted(disk: Disk, data: ExportData, lead: Path) -> None:
    probe(disk, data, lead, 2)
    kinds = {what for what, _ in disk.calls}
    assert {"open", "write", "fsync", "fdatasync", "mkdir", "replace", "rename"} <= kinds
    # the log is written twice (pending, done), the folder renamed once
    assert [what for what, _ in disk.calls].count("replace") == 2
    assert [what for what, _ in disk.calls].count("rename") == 1


@pytest.mark.parametrize("stays_full", [False, True], ids=["one-failure", "disk-stays-full"])
def test_a_full_disk_anywhere_leaves_no_file_and_no_entry(
    disk: Disk, data: ExportData, lead: Path, stays_full: bool
) -> None:
    probe(disk, data, lead, 2)
    points = len(disk.calls)
    before = logged(lead)
    assert points > 30
    # the step ends with the folder's rename and its parent's fsync; marking the log entry done
    # after it is housekeeping (a pending entry whose folder exists counts as made)
    published = max(n for n, (what, _) in enumerate(disk.calls) if what == "rename") + 2
    assert disk.calls[published][0] == "fsync" and points - published == 7
    for point in range(points):
        out = lead / f"out-{point}" / "exports"  # a folder the step must create, too
        disk.calls.clear()
        disk.failed.clear()
        disk.fail_at, disk.stays_full = point, stays_full
        if point > published:
            files = export_files(data, list(FORMATS), out, lead)
            disk.fail_at = None
            assert disk.failed, point
            assert visible_entries(out) == [files[0].parent.name] and hidden_entries(out) == []
            assert sorted(os.listdir(files[0].parent)) == sorted(p.name for p in files)
            assert (data.seal.digest, str(files[0].parent)) in logged(lead)
            before = logged(lead)
            continue
        with pytest.raises(InspectError) as caught:
            export_files(data, list(FORMATS), out, lead)
        disk.fail_at = None
        context = f"point {point}: {disk.failed[0]}"
        line = caught.value.line("en")
        assert "\n" not in line and "the disk is full" in line, context
        assert "磁盘已满" in caught.value.line("zh"), context
        assert visible_entries(out) == [] and hidden_entries(out) == [], context
        assert logged(lead) == before, context  # no new entry counts as made
        assert not [n for n in hidden_entries(lead) if n.endswith(".tmp")], context
    # and after all that, the disk has room again: the export goes through, whole
    files = export_files(data, list(FORMATS), lead / "after", lead)
    assert [p.name.split("-zh-")[-1] for p in files] == [kind for _, kind in FORMATS.values()]
    assert all(p.stat().st_size > 0 for p in files)
    assert [e for e in load_log(lead) if e.get("state") == PENDING] == []


def test_a_failure_names_the_path_and_the_reason(disk: Disk, data: ExportData, lead: Path) -> None:
    out = lead / "full"  # new, as the probe's folder is: the same calls in the same order
    probe(disk, data, lead, 1)
    point = next(
        n for n, (what, path) in enumerate(disk.calls)
        if what == "open" and path.endswith("-report.html")
    )  # fmt: skip
    disk.calls.clear()
    disk.fail_at = point
    with pytest.raises(InspectError) as caught:
        export_files(data, list(FORMATS), out, lead)
    name = f"shache-2012-h1-20120720-0830-{data.seal.digest[:4].lower()}-zh"
    path = out / name / f"{name}-report.html"  # where the file would have been, not the staging
    assert (
        caught.value.line("en")
        == f"cannot write {path}: the disk is full; no partial file was left"
    )
    assert caught.value.line("zh") == f"无法写入 {path}：磁盘已满；未留下不完整的文件"
    assert os.listdir(out) == []


def test_a_full_disk_through_the_command_line_is_one_line_and_exit_2(
    disk: Disk, lead: Path, tmp_path: Path
) -> None:
    def export(*extra: str) -> tuple[int, str, str]:
        out, err = io.StringIO(), io.StringIO()
        with redirect_stdout(out), redirect_stderr(err):
            code = main(
                [
                    "--lang",
                    "en",
                    "--data",
                    str(lead),
                    "export",
                    "--out",
                    str(tmp_path / "o"),
                    *extra,
                ]
            )
        return code, out.getvalue(), err.getvalue()

    before = logged(lead)
    disk.fail_on = "rename"  # the folder's publishing rename
    code, out, err = export()
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and "Traceback" not in err
    assert err.startswith("cannot write ") and err.endswith(
        ": the disk is full; no partial file was left\n"
    )
    assert visible_entries(tmp_path / "o") == [] and hidden_entries(tmp_path / "o") == []
    assert logged(lead) == before


# -- the log is a journal -----------------------------------------------------------------------
def test_a_kill_after_the_rename_counts_and_a_kill_before_it_does_not(
    data: ExportData, lead: Path
) -> None:
    """The two states a kill can leave, made by hand: the next export and `read_log` agree."""
    out = lead / "out"
    made = export_files(data, ["csv"], out, lead)[0].parent
    entries = load_log(lead)
    published = {**entries[-1], "state": PENDING, "digest": "0" * 16}  # killed before "done"
    gone_folder = out / "never-published"
    staging = out / f".never-published.{dead_pid()}-0badc0de.staging"
    staging.mkdir()
    (staging / "half.csv").write_text("名次", encoding="utf-8")
    unpublished = {
        **entries[-1], "state": PENDING, "digest": "1" * 16,
        "folder": str(gone_folder), "staging": str(staging), "pid": dead_pid(),
    }  # fmt: skip
    (lead / LOG_NAME).write_bytes(orjson.dumps([*entries, published, unpublished]))
    assert {e["digest"] for e in read_log(lead)} == {data.seal.digest, "0" * 16}
    assert all(Path(e["folder"]).is_dir() for e in read_log(lead))

    export_files(data, ["csv"], lead / "elsewhere", lead)
    after = load_log(lead)
    assert "1" * 16 not in {e["digest"] for e in after}  # never made: gone
    assert [e["state"] for e in after if e["digest"] == "0" * 16] == ["done"]
    assert not staging.exists() and made.is_dir()


def dead_pid() -> int:
    """The id of a process that has ended."""
    child = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"],
        capture_output=True,
        text=True,
        check=True,
    )
    return int(child.stdout)


def test_leftovers_of_dead_exports_go_and_a_live_ones_stay(data: ExportData, lead: Path) -> None:
    out = lead / "out"
    out.mkdir()
    dead, live = dead_pid(), os.getppid()  # the process that started pytest runs
    stem = "shache-2012-h1-20120720-0830-abcd-zh"
    leftovers = {
        f".{stem}.{dead}-00aa11bb.staging": False,  # False: must go
        f".{stem}.{live}-00aa11bb.staging": True,  # True: must stay
        f".{stem}-ranking.xlsx.{dead}.tmp": False,  # the layout before folders
        f".{stem}-ranking.xlsx.{live}.tmp": True,
        f".someone-elses.{dead}.tmp": True,  # not ours: never touched
    }
    for name in leftovers:
        if name.endswith(".staging"):
            (out / name).mkdir()
            (out / name / f"{stem}-ranking.csv").write_text("x", encoding="utf-8")
        else:
            (out / name).write_text("x", encoding="utf-8")
    (lead / f".{LOG_NAME}.{dead}.tmp").write_text("[", encoding="utf-8")
    (lead / f".{LOG_NAME}.{live}.tmp").write_text("[", encoding="utf-8")

    export_files(data, ["csv"], out, lead)
    assert sorted(hidden_entries(out)) == sorted(n for n, stays in leftovers.items() if stays)
    assert hidden_entries(lead).count(f".{LOG_NAME}.{dead}.tmp") == 0
    assert f".{LOG_NAME}.{live}.tmp" in hidden_entries(lead)


def test_the_same_ranking_exported_again_in_the_same_minute_gets_its_own_folder(
    data: ExportData, lead: Path
) -> None:
    out = lead / "out"
    first = export_files(data, list(FORMATS), out, lead)
    again = export_files(data, ["csv"], out, lead)
    assert first[0].parent != again[0].parent
    assert again[0].parent.name == f"{first[0].parent.name}-2"
    assert again[0].name == f"{first[0].parent.name}-2-ranking.csv"
    assert all(p.exists() for p in first)  # the first set untouched
    assert [e["folder"] for e in read_log(lead) if e["digest"] == data.seal.digest] == [
        str(again[0].parent)
    ]  # one entry per ranking: the latest folder


# -- a damaged log ------------------------------------------------------------------------------
def test_a_damaged_log_is_kept_aside_reported_and_a_new_one_started(
    data: ExportData, lead: Path, campaign: Campaign
) -> None:
    damaged = b'[{"digest": "ABC", "groups": {'  # cut short
    (lead / LOG_NAME).write_bytes(damaged)
    code = data.seal.code

    with LocalStore(lead) as store:  # verify needs the log for a code it cannot match
        verdict = verify(campaign, store.folder, "ITX1:SHACHE-2012-H1:N:0123456789ABCDEF")
    lines = verdict.render("en")
    assert not verdict.match and lines[1] == (
        f"  the export log {lead / LOG_NAME} cannot be used (not complete JSON), "
        "so the differing groups cannot be named"
    )
    assert (lead / LOG_NAME).read_bytes() == damaged  # verify only reads

    heard: list[str] = []
    files = export_files(
        data, list(FORMATS), lead / "out", lead, warn=lambda m: heard.append(m.render("en"))
    )
    aside = [p for p in lead.iterdir() if p.name.startswith("exports-log.damaged-")]
    assert len(aside) == 1 and aside[0].read_bytes() == damaged  # kept as it was
    assert heard == [
        f"note: the export log {lead / LOG_NAME} was damaged (not complete JSON): it is kept "
        f"as it was in {aside[0]}, and a new log was started"
    ]
    assert [e["digest"] for e in read_log(lead)] == [data.seal.digest]
    assert all(p.exists() for p in files)
    heard.clear()
    export_files(data, ["csv"], lead / "out", lead, warn=lambda m: heard.append(m.render("en")))
    assert heard == []  # the new log is whole
    with LocalStore(lead) as store:
        assert verify(campaign, store.folder, code).match


@pytest.mark.parametrize(
    "content",
    [b"{}", b'[{"no": "digest"}]', b'"text"', b"\xff\xfe garbage"],
    ids=["object", "entry-without-digest", "string", "not-utf8"],
)
def test_a_log_that_is_not_a_list_of_exports_is_damaged_too(
    data: ExportData, lead: Path, content: bytes
) -> None:
    (lead / LOG_NAME).write_bytes(content)
    heard: list[str] = []
    export_files(data, ["csv"], lead / "out", lead, warn=lambda m: heard.append(m.render("zh")))
    assert len(heard) == 1 and "已原样另存为" in heard[0]
    assert [p.read_bytes() for p in lead.glob("exports-log.damaged-*.json")] == [content]


def test_a_damaged_log_through_the_command_line_is_a_warning_line(
    lead: Path, tmp_path: Path
) -> None:
    (lead / LOG_NAME).write_bytes(b"not json")
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        code = main(
            [
                "--lang",
                "zh",
                "--data",
                str(lead),
                "export",
                "--out",
                str(tmp_path / "o"),
                "--format",
                "csv",
            ]
        )
    assert code == 0
    warnings = [line for line in err.getvalue().splitlines() if "导出记录" in line]
    assert len(warnings) == 1 and str(lead / LOG_NAME) in warnings[0]
    assert out.getvalue().count("已写入") == 1


def test_a_target_the_system_cannot_even_look_at_is_one_line_and_exit_2(
    lead: Path, tmp_path: Path
) -> None:
    # before: `folder.exists()` raised ENAMETOOLONG outside the step: exit 70 and a crash log
    too_long = tmp_path / ("导" * 200)  # 600 bytes: over any file system's name limit
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        code = main(["--lang", "en", "--data", str(lead), "export", "--out", str(too_long)])
    assert code == 2 and out.getvalue() == ""
    said = err.getvalue()
    assert said.startswith(f"cannot write {too_long}: ") and said.count("\n") == 1
    assert said.endswith("; no partial file was left\n")
    assert sorted(os.listdir(tmp_path)) == ["lead"]

"""Exports: all four formats for the 38-group campaign in under a second (the issue's own
absolute figure), and for a province of 3,900 groups within 1.5x of a floor measured in the
same run: the same content written the fastest well-kept way (`support/floor.py`)."""

from __future__ import annotations

import time
from pathlib import Path

from inspect_tui.domain.model import Campaign
from inspect_tui.reports.dataset import ExportData, gather
from inspect_tui.reports.export import FORMATS, export_files
from inspect_tui.services.demo import make_demo
from inspect_tui.services.results import merge_files
from inspect_tui.storage.county import CountyStore
from inspect_tui.storage.store import LocalStore
from tests.bench.support.floor import floor
from tests.bench.support.province import province, write_bundles

COUNTY_SECONDS = 1.0
PROVINCE_RATIO = 1.5


def merged(campaign: Campaign, folder: Path, files: list[Path]) -> ExportData:
    with LocalStore(folder) as store:
        county = CountyStore(store.folder, campaign)
        merge_files(campaign, store, county, files)
        county.close()
        return gather(campaign, store.folder)


def timed_export(
    data: ExportData, folder: Path, log: Path, formats: list[str] | None = None
) -> tuple[float, dict[str, float]]:
    """One export (every format unless `formats`), as the office makes it; each format's share
    is read off the progress calls (the last one's includes writing the export log)."""
    marks: list[tuple[str, float]] = []
    begin = time.perf_counter()
    export_files(
        data,
        formats or list(FORMATS),
        folder,
        log,
        progress=lambda n: marks.append((n, time.perf_counter())),
    )
    end = time.perf_counter()
    ends = [t for _, t in marks[1:]] + [end]
    return end - begin, {
        name: stop - start for (name, start), stop in zip(marks, ends, strict=True)
    }


def test_the_county_exports_in_under_a_second(campaign: Campaign, tmp_path: Path) -> None:
    data = merged(campaign, tmp_path / "demo", make_demo(tmp_path / "demo", campaign))
    took, each = timed_export(data, tmp_path / "out", tmp_path / "demo")
    parts = ", ".join(f"{k} {v * 1000:.0f} ms" for k, v in each.items())
    print(
        f"\n[bench] county export (the replayed round: {data.assessed} groups ranked,"
        f" {len(data.not_assessed)} not assessed; {len(FORMATS)} formats with the letters):"
        f" {took:.2f} s ({parts}) (target < 1 s)"
    )
    assert took < COUNTY_SECONDS


def test_a_province_exports_within_1_5x_of_the_floor(campaign: Campaign, tmp_path: Path) -> None:
    big = province(campaign, 300)
    files, key = write_bundles(big, tmp_path / "bundles", tmp_path / "keys")
    with LocalStore(tmp_path / "lead") as store:
        store.set_setting("trusted_keys", {team.id: [key] for team in big.teams})
    begin = time.perf_counter()
    data = merged(big, tmp_path / "lead", files)
    gathered = time.perf_counter() - begin
    printed = [f for f in FORMATS if f != "letters"]  # a province does not print 3,900 letters
    took, each = timed_export(data, tmp_path / "out", tmp_path / "lead", printed)
    [workbook] = (tmp_path / "out").glob("*/*.xlsx")
    least = floor(data, workbook, tmp_path / "floor")
    base = sum(least.values())
    parts = ", ".join(
        f"{k} {v:.2f} s (floor {least.get(k, 0.0):.2f} s)" for k, v in each.items() if k
    )
    ratio = took / base
    print(
        f"\n[bench] province export ({len(data.rows):,} groups): {len(printed)} formats"
        f" {took:.2f} s ({parts});"
        f" floor {base:.2f} s; ratio {ratio:.2f} (target <= {PROVINCE_RATIO});"
        f" plain CSV of the ranking {least['csv'] * 1000:.0f} ms; merge + gather before it"
        f" {gathered:.2f} s"
    )
    assert ratio <= PROVINCE_RATIO

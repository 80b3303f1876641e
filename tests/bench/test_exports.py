"""Exports: all four formats for the 38-group campaign in under a second (the issue's own
absolute figure), and for a province of 3,900 groups within 10x of writing the same rows as
plain CSV, measured in the same run."""

from __future__ import annotations

import csv
import time
from pathlib import Path

from inspect_tui.core.county import CountyStore
from inspect_tui.core.demo import make_demo
from inspect_tui.core.model import Campaign
from inspect_tui.core.results import merge_files
from inspect_tui.core.store import LocalStore
from inspect_tui.reports.dataset import ExportData, gather
from inspect_tui.reports.export import FORMATS, export_files
from inspect_tui.reports.table import ranking_row
from tests.bench.support.province import province, write_bundles

COUNTY_SECONDS = 1.0
PROVINCE_RATIO = 10.0


def merged(campaign: Campaign, folder: Path, files: list[Path]) -> ExportData:
    with LocalStore(folder) as store:
        county = CountyStore(store.folder, campaign)
        merge_files(campaign, store, county, files)
        county.close()
        return gather(campaign, store.folder)


def timed_export(data: ExportData, folder: Path, log: Path) -> tuple[float, dict[str, float]]:
    """One export of all four formats, as the office makes it; each format's share is read
    off the progress calls (the last one's includes writing the export log)."""
    marks: list[tuple[str, float]] = []
    begin = time.perf_counter()
    export_files(
        data, list(FORMATS), folder, log, progress=lambda n: marks.append((n, time.perf_counter()))
    )
    end = time.perf_counter()
    ends = [t for _, t in marks[1:]] + [end]
    return end - begin, {
        name: stop - start for (name, start), stop in zip(marks, ends, strict=True)
    }


def plain_csv(data: ExportData, path: Path) -> float:
    begin = time.perf_counter()
    with path.open("w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out)
        for row in data.rows:
            writer.writerow(ranking_row(data, row, "zh"))
    return time.perf_counter() - begin


def test_the_county_exports_in_under_a_second(campaign: Campaign, tmp_path: Path) -> None:
    data = merged(campaign, tmp_path / "demo", make_demo(tmp_path / "demo", campaign))
    took, each = timed_export(data, tmp_path / "out", tmp_path / "demo")
    parts = ", ".join(f"{k} {v * 1000:.0f} ms" for k, v in each.items())
    print(f"\n[bench] county export (38 groups, 4 formats): {took:.2f} s ({parts}) (target < 1 s)")
    assert took < COUNTY_SECONDS


def test_a_province_exports_within_10x_of_plain_csv(campaign: Campaign, tmp_path: Path) -> None:
    big = province(campaign, 300)
    files, key = write_bundles(big, tmp_path / "bundles", tmp_path / "keys")
    with LocalStore(tmp_path / "lead") as store:
        store.set_setting("trusted_keys", {team.id: [key] for team in big.teams})
    begin = time.perf_counter()
    data = merged(big, tmp_path / "lead", files)
    gathered = time.perf_counter() - begin
    base = min(plain_csv(data, tmp_path / f"plain{n}.csv") for n in range(3))
    took, each = timed_export(data, tmp_path / "out", tmp_path / "lead")
    parts = ", ".join(f"{k} {v:.2f} s" for k, v in each.items())
    ratio = took / base
    print(
        f"\n[bench] province export ({len(data.rows):,} groups): 4 formats {took:.2f} s ({parts});"
        f" plain CSV of the same rows {base * 1000:.0f} ms; ratio {ratio:.0f}"
        f" (target <= {PROVINCE_RATIO:.0f}); merge + gather before it {gathered:.2f} s"
    )
    assert ratio <= PROVINCE_RATIO

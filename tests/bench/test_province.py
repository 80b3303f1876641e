"""Province scale: 100 counties' worth of bundles (about 4,000 groups, 300 files): verify +
merge + rank, against reading and json.loads-ing the same files in the same run (target 2x),
and growth: 10x the data within 12x the time. Peak memory is reported."""

from __future__ import annotations

import json
import time
import tracemalloc
from pathlib import Path

from inspect_tui.domain.model import Campaign
from inspect_tui.domain.ranking import rank
from inspect_tui.services.results import merge_files, team_results
from inspect_tui.storage.county import CountyStore
from inspect_tui.storage.store import LocalStore
from tests.bench.support.province import province, write_bundles

TARGET = 2.0
GROWTH = 12.0


def pipeline(campaign: Campaign, files: list[Path], key: str, folder: Path) -> float:
    with LocalStore(folder) as store:
        store.set_setting("trusted_keys", {team.id: [key] for team in campaign.teams})
        begin = time.perf_counter()
        county = CountyStore(store.folder, campaign)
        report, refused = merge_files(campaign, store, county, files)
        rows = rank(campaign, team_results(campaign, county.slots()))
        took = time.perf_counter() - begin
        county.close()
    assert not refused and report.added == len(rows) == len(campaign.groups)
    return took


def baseline(files: list[Path]) -> float:
    begin = time.perf_counter()
    for path in files:
        json.loads(path.read_bytes())
    return time.perf_counter() - begin


def test_province_scale_merge_and_rank(tmp_path: Path, campaign: Campaign) -> None:
    small, large = province(campaign, 30), province(campaign, 300)
    small_files, key = write_bundles(small, tmp_path / "small", tmp_path / "keys")
    large_files, _ = write_bundles(large, tmp_path / "large", tmp_path / "keys")
    ours_small = pipeline(small, small_files, key, tmp_path / "lead-small")
    ours_large = pipeline(large, large_files, key, tmp_path / "lead-large")
    base_large = baseline(large_files)
    tracemalloc.start()  # a run of its own: tracing slows every allocation
    pipeline(large, large_files, key, tmp_path / "lead-memory")
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    ratio, growth = ours_large / base_large, ours_large / ours_small
    print(
        f"\n[bench] province ({len(large.groups):,} groups, {len(large_files)} files):"
        f" verify + merge + rank {ours_large:.2f} s, read + json.loads {base_large:.2f} s,"
        f" ratio {ratio:.1f}"
        f" (target <= {TARGET}); 10x data took {growth:.1f}x the time (target <= {GROWTH});"
        f" peak memory {peak / 2**20:.0f} MiB"
    )
    assert growth <= GROWTH
    assert ratio <= TARGET

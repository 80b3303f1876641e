"""A published round for export tests: the demo sandbox merged, with one team's visit revised
to carry hostile text (a formula, a script tag) in its note and remarks, then exported."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from inspect_tui.domain.model import Campaign
from inspect_tui.domain.scoring import NO
from inspect_tui.reports.dataset import ExportData, gather
from inspect_tui.reports.export import FORMATS, export_files
from inspect_tui.reports.receipt import Receipt, build_receipt
from inspect_tui.services.demo import make_demo
from inspect_tui.services.results import merge_files
from inspect_tui.storage.bundle import make_bundle, write_bundle
from inspect_tui.storage.county import CountyStore
from inspect_tui.storage.keys import DeviceKey
from inspect_tui.storage.store import LocalStore

SCRIPT = "<script>alert('x')</script> 档案“未见”…"
FORMULA = '=HYPERLINK("http://x","点击")'
MADE = datetime(2012, 7, 20, 8, 30, tzinfo=UTC)


@dataclass(frozen=True)
class Published:
    folder: Path  # the lead's data folder
    data: ExportData
    files: dict[str, Path]  # format -> file
    group: str  # the group whose visit carries the hostile text
    item: str  # the item whose note is the script
    remark: str  # the note item whose answer is the formula
    receipts: tuple[Receipt, Receipt]  # that visit's receipt at revision 1 and 2


def publish(folder: Path, campaign: Campaign) -> Published:
    bundles = make_demo(folder, campaign, synthetic=True)
    laptop = folder / "laptops" / "team-1"
    group = campaign.team("team-1").groups[0]
    item = next(i for i in campaign.items if i.kind == "check")
    remark = next(i for i in campaign.items if i.kind == "note")
    with LocalStore(laptop, who="leader") as store:
        visit = store.find_visit(campaign.id, "team-1", group)
        assert visit is not None
        first = build_receipt(campaign, store, visit.id)
        store.reopen(visit.id, "组长补充说明")
        store.set_answer(campaign, visit.id, item.id, NO, SCRIPT)
        store.set_answer(campaign, visit.id, remark.id, FORMULA)
        store.finalize(
            visit.id, campaign, strengths="领导重视", problems=FORMULA, representative="组长"
        )
        second = build_receipt(campaign, store, visit.id)
        bundle = make_bundle(
            campaign, store, "team-1", DeviceKey(laptop), created_at="2012-07-11T09:00:00+00:00"
        )
    revised = write_bundle(bundle, folder / "exports")
    with LocalStore(folder) as lead:
        county = CountyStore(lead.folder, campaign)
        _, refused = merge_files(campaign, lead, county, [*bundles, revised])
        county.close()
        assert refused == []
        data = gather(campaign, lead.folder, clock=lambda: MADE)
        paths = export_files(data, list(FORMATS), folder / "out", lead.folder)
    files = dict(zip(FORMATS, paths, strict=True))
    return Published(folder, data, files, group, item.id, remark.id, (first, second))

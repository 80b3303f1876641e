"""Hostile text through the whole round (property test): typed into a visit and also edited into
its file by hand, signed, read by the lead, merged, ranked, printed by the command line and
exported in all four formats. It comes back as text: exactly as signed where it is kept, visible
where it is shown; nothing crashes, and no raw control character reaches a terminal or a file."""

from __future__ import annotations

import csv
import io
import zipfile
from contextlib import redirect_stderr, redirect_stdout
from dataclasses import dataclass
from datetime import UTC, datetime
from html.parser import HTMLParser
from itertools import count
from pathlib import Path

import orjson
import pytest
from hypothesis import HealthCheck, given, settings
from openpyxl import load_workbook

from inspect_tui.cli import main
from inspect_tui.domain.scoring import NO
from inspect_tui.loading.campaign import load_campaign
from inspect_tui.reports.dataset import gather
from inspect_tui.reports.export import FORMATS, export_files
from inspect_tui.services.demo import make_demo
from inspect_tui.services.results import merge_files
from inspect_tui.storage.bundle import make_bundle, read_bundle, write_bundle
from inspect_tui.storage.county import CountyStore
from inspect_tui.storage.keys import DeviceKey, trusted_keys
from inspect_tui.storage.paths import BUNDLED_CAMPAIGN
from inspect_tui.storage.store import LocalStore
from inspect_tui.words.text import clean_typed, visible
from tests.support.shown import raw_controls
from tests.unit.test_text_policy import hostile

NOTE_ITEM = "penalties.other_findings"  # a text item: its answer is the team's own words
CHECK_ITEM = "office.room"
TEAM = "team-1"
MADE = datetime(2012, 7, 20, 8, 30, tzinfo=UTC)


@dataclass
class Round:
    lead: Path
    laptop: Path
    group: str
    out: Path
    runs: count


@pytest.fixture(scope="module")
def round_(tmp_path_factory: pytest.TempPathFactory) -> Round:
    root = tmp_path_factory.mktemp("round")
    campaign = load_campaign(BUNDLED_CAMPAIGN)
    bundles = make_demo(root, campaign)
    # a lead who has merged the three teams' files
    with LocalStore(root) as lead, CountyStore(root, campaign) as county:
        merge_files(campaign, lead, county, bundles)
    group = campaign.team(TEAM).groups[0]
    return Round(root, root / "laptops" / TEAM, group, root / "out", count())


def hand_edit(laptop: Path, visit_id: str, item: str, value: str) -> None:
    """Text no keyboard in the app can type (the app refuses control characters): put into the
    visit file by a text editor. The laptop keeps it and signs it as it is."""
    path = laptop / "visits" / f"{visit_id}.json"
    data = orjson.loads(path.read_bytes())
    row = next(r for r in data["answers"].values() if r["item"] == item)
    row["value"] = value
    path.write_bytes(orjson.dumps(data))


def texts_of(path: Path) -> str:
    """Everything a file holds as text, decoded: zip members for xlsx and docx."""
    if path.suffix in (".xlsx", ".docx"):
        with zipfile.ZipFile(path) as archive:
            return "\n".join(archive.read(n).decode("utf-8") for n in archive.namelist()
                             if n.endswith((".xml", ".rels")))  # fmt: skip
    return path.read_bytes().decode("utf-8-sig")


def cells_of(path: Path) -> list[str]:
    """The text a reader of each format gets, cell by cell or run by run."""
    if path.suffix == ".xlsx":
        book = load_workbook(path, read_only=True)
        found = [str(v) for sheet in book.worksheets for row in sheet.iter_rows(values_only=True)
                 for v in row if v is not None]  # fmt: skip
        book.close()
        return found
    if path.suffix == ".csv":
        return [c for row in csv.reader(io.StringIO(texts_of(path))) for c in row]
    if path.suffix == ".html":
        parser = _Data()
        parser.feed(texts_of(path))
        return parser.data
    import docx

    document = docx.Document(str(path))
    found = [p.text for p in document.paragraphs]
    found += [c.text for t in document.tables for row in t.rows for c in row.cells]
    return found


class _Data(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.data: list[str] = []

    def handle_data(self, data: str) -> None:
        self.data.append(data)


def squeeze(text: str) -> str:
    return " ".join(text.split())


@settings(
    max_examples=15,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(text=hostile.filter(lambda s: s.strip()))
def test_hostile_text_survives_the_whole_round(round_: Round, text: str) -> None:
    campaign = load_campaign(BUNDLED_CAMPAIGN)
    typed = clean_typed(text, multiline=True)[0].strip() or "无"
    name = clean_typed(text)[0].strip() or "组长"
    raw = "".join(ch for ch in text if not 0xD800 <= ord(ch) <= 0xDFFF)  # JSON cannot hold them
    # a new value each example, so that merge prints it among the revision's changes
    raw = f"{raw if raw.strip() else '无'} #{next(round_.runs)}"
    with LocalStore(round_.laptop) as store:
        visit = store.find_visit(campaign.id, TEAM, round_.group)
        assert visit is not None
        if visit.final:  # the demo's visit, or the last example's: finalized each time
            store.reopen(visit.id, typed)
        store.set_answer(campaign, visit.id, CHECK_ITEM, NO, typed)
    hand_edit(round_.laptop, visit.id, NOTE_ITEM, raw)
    with LocalStore(round_.laptop) as store:
        store.finalize(visit.id, campaign, strengths=typed, problems=typed, representative=name)
        bundle = make_bundle(
            campaign, store, TEAM, DeviceKey(round_.laptop), created_at="2012-07-11T09:00:00+00:00"
        )
    path = write_bundle(bundle, round_.out / "bundles", f"b{next(round_.runs)}.json")

    with LocalStore(round_.lead) as lead:
        read = read_bundle(path, campaign, trusted_keys(campaign, lead))
    (signed,) = [v for v in read.visits if v["id"] == visit.id]
    assert signed["answers"][NOTE_ITEM]["value"] == raw  # kept exactly as signed
    assert signed["answers"][CHECK_ITEM]["note"] == typed

    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):  # the CLI prints the revised answers
        assert main(["--lang", "zh", "--data", str(round_.lead), "merge", str(path)]) == 0
        assert main(["--lang", "en", "--data", str(round_.lead), "rank"]) == 0
    printed = out.getvalue() + err.getvalue()
    assert raw_controls(printed) == []
    assert squeeze(visible(raw)) in squeeze(printed)

    with LocalStore(round_.lead) as lead:
        data = gather(campaign, round_.lead, clock=lambda: MADE)
        files = export_files(data, list(FORMATS), round_.out / f"x{next(round_.runs)}", lead.folder)

    for file in files:  # CRLF ends a CSV record (RFC 4180): the format's, not the text's
        assert raw_controls(texts_of(file).replace("\r\n", "\n")) == [], file.name
    shown = {file.suffix: squeeze(" ".join(cells_of(file))) for file in files}
    assert squeeze(visible(typed)) in shown[".xlsx"]  # the remarks and the Problems sheet
    assert squeeze(visible(typed)) in shown[".csv"]  # the remarks column
    assert squeeze(visible(raw)) in shown[".xlsx"]  # the Items sheet: the note item's text

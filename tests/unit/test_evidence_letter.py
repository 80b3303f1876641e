"""The feedback letter names the evidence files under the teams' notes: the county's letter from
the merged bundle's records, the team's provisional one from its own store; read back with
python-docx."""

from __future__ import annotations

import io
from pathlib import Path

import docx

from inspect_tui.domain.model import Campaign
from inspect_tui.reports.dataset import gather
from inspect_tui.reports.letters import letters_bytes, write_provisional_letter
from inspect_tui.services.results import merge_files
from inspect_tui.storage.county import CountyStore
from inspect_tui.storage.keys import trust
from inspect_tui.storage.store import LocalStore
from inspect_tui.words.text import visible
from tests.unit.test_evidence import HOSTILE, laptop, written

SHOWN = visible(HOSTILE)  # the direction control drawn as \u202e, never obeyed on the page


def cell_texts(document: docx.document.Document) -> list[str]:
    return [cell.text for table in document.tables for row in table.rows for cell in row.cells]


def test_the_countys_letter_lists_the_files_from_the_bundle(
    campaign: Campaign, tmp_path: Path
) -> None:
    bundle, device, record = laptop(tmp_path / "laptop", campaign)
    path = written(bundle, tmp_path / "b.json")
    with LocalStore(tmp_path / "lead") as lead:
        trust(campaign, lead, "team-2", device.public)
        with CountyStore(lead.folder, campaign) as county:
            merge_files(campaign, lead, county, [path])
        data = gather(campaign, lead.folder, include_drafts=True)
    for lang in ("zh", "en"):
        document = docx.Document(io.BytesIO(letters_bytes(data, lang)))  # type: ignore[arg-type]
        found = [text for text in cell_texts(document) if SHOWN in text]
        assert len(found) == 1, found
        notes, files = found[0].split("\n")  # under the team's note, on a line of its own
        assert "临时突击形成" in notes
        assert record.sha256[:8] in files and files.startswith(("证据材料", "Evidence"))


def test_the_provisional_letter_lists_them_too(campaign: Campaign, tmp_path: Path) -> None:
    laptop(tmp_path, campaign)
    with LocalStore(tmp_path / "data") as store:
        (visit,) = store.visits()
        made = write_provisional_letter(campaign, store, visit.id, tmp_path / "exports", "en")
    document = docx.Document(str(made))
    assert any(SHOWN in text and "Evidence" in text for text in cell_texts(document))

"""`verify`: a printed ranking or receipt against the county store, and export failures."""

from __future__ import annotations

import errno
import shutil
from pathlib import Path

import orjson
import pytest

from inspect_tui.core.errors import InspectError
from inspect_tui.core.model import Campaign
from inspect_tui.core.store import LocalStore
from inspect_tui.core.verify import verify
from inspect_tui.reports import export as export_module
from inspect_tui.reports.dataset import gather
from inspect_tui.reports.export import FORMATS, export_files, parse_formats
from tests.support.published import Published, publish


@pytest.fixture(scope="module")
def original(tmp_path_factory: pytest.TempPathFactory) -> Published:
    from inspect_tui.core.campaign import load_campaign
    from inspect_tui.core.paths import BUNDLED_CAMPAIGN

    return publish(tmp_path_factory.mktemp("verify"), load_campaign(BUNDLED_CAMPAIGN))


@pytest.fixture
def published(original: Published, tmp_path: Path) -> Published:
    """A copy each test may change."""
    folder = tmp_path / "lead"
    shutil.copytree(original.folder, folder)
    files = {k: folder / "out" / p.name for k, p in original.files.items()}
    return Published(
        folder, original.data, files, original.group, original.item, original.remark,
        original.receipts,
    )  # fmt: skip


def check(campaign: Campaign, published: Published, what: str) -> tuple[bool, list[str]]:
    with LocalStore(published.folder) as store:
        verdict = verify(campaign, store.folder, what, "en")
    return verdict.match, verdict.lines


@pytest.mark.parametrize("kind", list(FORMATS))
def test_every_export_verifies(published: Published, campaign: Campaign, kind: str) -> None:
    match, lines = check(campaign, published, str(published.files[kind]))
    assert match
    assert lines == [f"match: 38 groups, code {published.data.seal.code} (shache-2012-h1)"]


def test_the_typed_code_verifies_with_or_without_dashes(
    published: Published, campaign: Campaign
) -> None:
    code = published.data.seal.code
    assert check(campaign, published, code)[0]
    assert check(campaign, published, code.replace("-", "").lower())[0]


def test_a_changed_score_in_the_store_is_a_mismatch_naming_the_group(
    published: Published, campaign: Campaign
) -> None:
    county = published.folder / "county" / f"{campaign.id}.json"
    doc = orjson.loads(county.read_bytes())
    victim = "kaqun"
    records = doc["records"]
    key = next(k for k, r in records.items() if r["group"] == victim)
    answers = records[key]["data"]["answers"]
    item = next(i for i, a in answers.items() if a["value"] == "yes")
    answers[item]["value"] = "no"
    county.write_bytes(orjson.dumps(doc))
    match, lines = check(campaign, published, str(published.files["docx"]))
    assert not match
    assert lines[0].startswith(f"mismatch: code {published.data.seal.code} differs")
    named = [line for line in lines[1:] if line.strip().startswith(f"{victim}:")]
    assert len(named) == 1 and "printed #" in named[0]


def test_a_code_not_made_here_is_a_mismatch_that_says_so(
    published: Published, campaign: Campaign
) -> None:
    match, lines = check(campaign, published, "0000-1111-2222-3333")
    assert not match and "not among the exports made here" in lines[-1]


def test_receipts_verify_and_a_superseded_one_says_so(
    published: Published, campaign: Campaign
) -> None:
    first, second = published.receipts
    match, lines = check(campaign, published, second.payload)
    assert match and lines[0].startswith("match:") and "revision 2" in lines[0]
    match, lines = check(campaign, published, first.payload)
    assert match and "revision 1" in lines[0] and "later revision 2" in lines[1]


def test_a_forged_receipt_is_a_mismatch(published: Published, campaign: Campaign) -> None:
    _, second = published.receipts
    forged = second.payload.replace(f":{second.total:.2f}:", ":100.00:")
    assert forged != second.payload
    match, lines = check(campaign, published, forged)
    assert not match and "differs from the receipt" in lines[0]


def test_nothing_to_verify_is_one_clear_error(published: Published, campaign: Campaign) -> None:
    junk = published.folder / "notes.txt"
    junk.write_text("购物清单", encoding="utf-8")
    with pytest.raises(InspectError) as caught:
        check(campaign, published, str(junk))
    assert (
        caught.value.line("en") == f"{junk}: not a verification code, and no code was found in it"
    )
    with pytest.raises(InspectError, match="belongs to campaign other-2013"):
        check(campaign, published, "ITX1:OTHER-2013:N:0123456789ABCDEF")


def test_formats_are_checked_before_anything_is_written() -> None:
    assert parse_formats("docx, XLSX,docx") == ["docx", "xlsx"]
    assert parse_formats("all") == list(FORMATS)
    with pytest.raises(InspectError, match="unknown export format 'pdf'"):
        parse_formats("xlsx,pdf")


def test_an_empty_county_store_exports_nothing(campaign: Campaign, tmp_path: Path) -> None:
    with LocalStore(tmp_path / "lead") as store:
        data = gather(campaign, store.folder)
        with pytest.raises(InspectError, match="no results to rank yet"):
            export_files(data, list(FORMATS), tmp_path / "out", store.folder)
    assert not (tmp_path / "out").exists()


def test_a_full_disk_leaves_no_export_behind(
    published: Published, campaign: Campaign, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = export_module.atomic_write
    calls = []

    def fill_up(path: Path, data: bytes, mode: int) -> None:
        calls.append(path)
        if len(calls) == 3:
            raise OSError(errno.ENOSPC, "No space left on device")
        real(path, data, mode)

    monkeypatch.setattr(export_module, "atomic_write", fill_up)
    out = published.folder / "full"
    with LocalStore(published.folder) as store:
        data = gather(campaign, store.folder)
        with pytest.raises(InspectError) as caught:
            export_files(data, list(FORMATS), out, store.folder)
    assert caught.value.line("en") == (
        f"cannot write {calls[2]}: No space left on device; no partial file was left"
    )
    assert list(out.iterdir()) == []

"""`verify`: a printed ranking or receipt against the county store, and export failures."""

from __future__ import annotations

import errno
import shutil
from pathlib import Path

import orjson
import pytest

from inspect_tui.domain.model import Campaign
from inspect_tui.reports import export as export_module
from inspect_tui.reports.dataset import gather
from inspect_tui.reports.export import FORMATS, export_files, parse_formats
from inspect_tui.reports.verify import verify
from inspect_tui.services.results import county_ranking
from inspect_tui.storage.store import LocalStore
from inspect_tui.words.errors import InspectError
from tests.support.published import Published, publish


@pytest.fixture(scope="module")
def original(tmp_path_factory: pytest.TempPathFactory) -> Published:
    from inspect_tui.loading.campaign import load_campaign
    from inspect_tui.storage.paths import BUNDLED_CAMPAIGN

    return publish(tmp_path_factory.mktemp("verify"), load_campaign(BUNDLED_CAMPAIGN))


@pytest.fixture
def published(original: Published, tmp_path: Path) -> Published:
    """A copy each test may change."""
    folder = tmp_path / "lead"
    shutil.copytree(original.folder, folder)
    files = {k: folder / p.relative_to(original.folder) for k, p in original.files.items()}
    return Published(
        folder, original.data, files, original.group, original.item, original.remark,
        original.receipts,
    )  # fmt: skip


def check(campaign: Campaign, published: Published, what: str) -> tuple[bool, list[str]]:
    with LocalStore(published.folder) as store:
        verdict = verify(campaign, store.folder, what)
    return verdict.match, verdict.render("en")


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
    name = campaign.group(victim).name.en
    named = [line for line in lines[1:] if line.strip().startswith(f"{name} ({victim}):")]
    assert len(named) == 1 and "printed #" in named[0] and "Good" in named[0]
    warning = next(line for line in lines if line.startswith("warning:"))
    assert f"were changed after they were merged ({victim} · " in warning
    with LocalStore(published.folder) as store:
        ranking = county_ranking(campaign, store.folder)
    flagged = {row.group.id for row in ranking.rows if "altered" in row.flags}
    assert flagged == {victim} and len(ranking.altered) == 1


def test_a_mistyped_code_says_check_the_typing(published: Published, campaign: Campaign) -> None:
    match, lines = check(campaign, published, "0000-1111-2222-3333")
    assert not match
    assert lines == [
        "mismatch: no export made here has the code 0000-1111-2222-3333; check it was typed"
        f" right (the county store's code now is {published.data.seal.code})"
    ]


def test_a_payload_not_made_here_says_the_groups_cannot_be_named(
    published: Published, campaign: Campaign
) -> None:
    match, lines = check(campaign, published, "ITX1:SHACHE-2012-H1:N:0000111122223333")
    assert not match and "not among the exports made here" in lines[-1]


def test_codes_typed_with_spaces_full_width_or_ime_dashes_verify(
    published: Published, campaign: Campaign
) -> None:
    code = published.data.seal.code
    wide = code.translate({ord(c): ord(c) + 0xFEE0 for c in "0123456789ABCDEF"})
    for typed in (code.replace("-", " "), wide, code.replace("-", "－"), f"  {code.lower()} "):
        assert check(campaign, published, typed)[0], typed


def test_a_file_whose_figures_were_edited_is_a_mismatch_naming_the_group(
    published: Published, campaign: Campaign
) -> None:
    """The code in the file is intact; a total in it was raised. Every readable format."""
    victim = published.data.rows[-1]
    old = f"{victim.total:.2f}"
    for kind in ("csv", "html"):
        path = published.files[kind]
        text = path.read_text(encoding="utf-8-sig" if kind == "csv" else "utf-8")
        start = text.index(f"{victim.group.id}<" if kind == "html" else f",{victim.group.id},")
        at = text.index(old, start)  # the first score after the id is the total
        path.write_text(
            text[:at] + "94.00" + text[at + len(old) :],
            encoding="utf-8-sig" if kind == "csv" else "utf-8",
        )
        match, lines = check(campaign, published, str(path))
        assert not match, kind
        assert lines[0].startswith("mismatch: the file's code") and "were changed" in lines[0]
        tier = victim.tier.name
        assert lines[1:] == [
            f"  {victim.group.name.en} ({victim.group.id}): the file shows #{victim.rank} 94.00"
            f" {tier.zh}, the ranking #{victim.rank} {old} {tier.en}"
        ], kind


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
    broken = published.folder / "cut.xlsx"
    whole = published.files["xlsx"].read_bytes()
    broken.write_bytes(whole[: len(whole) // 2] + whole[-22:])  # a zip cut short, end kept
    with pytest.raises(InspectError) as caught:
        check(campaign, published, str(broken))
    assert caught.value.line("en") == (
        f"{broken}: the file is damaged (it looks like an incomplete Excel or Word file)"
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
        with pytest.raises(InspectError, match="lead has no results to rank yet"):
            export_files(data, list(FORMATS), tmp_path / "out", store.folder)
    assert not (tmp_path / "out").exists()


def test_a_full_disk_leaves_no_export_behind(
    published: Published, campaign: Campaign, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = export_module._write_new
    calls = []

    def fill_up(path: Path, content: bytes) -> None:
        calls.append(path)
        if len(calls) == 3:
            raise OSError(errno.ENOSPC, "No space left on device")
        real(path, content)

    monkeypatch.setattr(export_module, "_write_new", fill_up)
    out = published.folder / "full"
    with LocalStore(published.folder) as store:
        data = gather(campaign, store.folder)
        with pytest.raises(InspectError) as caught:
            export_files(data, list(FORMATS), out, store.folder)
    name = calls[2].name  # written in the hidden staging folder, named where it was going
    third = out / name.removesuffix("-report.html") / name
    assert caught.value.line("en") == (
        f"cannot write {third}: the disk is full; no partial file was left"
    )
    assert caught.value.line("zh") == f"无法写入 {third}：磁盘已满；未留下不完整的文件"
    assert list(out.iterdir()) == []


def test_an_edited_workbook_or_circular_is_a_mismatch(
    published: Published, campaign: Campaign
) -> None:
    import docx
    from openpyxl import load_workbook

    victim = published.data.rows[-1]
    book = load_workbook(published.files["xlsx"])
    row = next(r for r in book.worksheets[0].iter_rows(min_row=2) if r[1].value == victim.group.id)
    row[4].value = 94.0
    book.save(published.files["xlsx"])
    document = docx.Document(str(published.files["docx"]))
    cells = next(
        r.cells for r in document.tables[0].rows if r.cells[1].text == victim.group.name.zh
    )
    cells[2].text = "94.00"
    document.save(str(published.files["docx"]))
    for kind in ("xlsx", "docx"):
        match, lines = check(campaign, published, str(published.files[kind]))
        assert not match and len(lines) == 2 and "94.00" in lines[1], kind


def test_an_export_folder_that_is_a_file_is_named(published: Published, campaign: Campaign) -> None:
    blocker = published.folder / "not-a-folder"
    blocker.write_text("x", encoding="utf-8")
    with LocalStore(published.folder) as store:
        data = gather(campaign, store.folder)
        with pytest.raises(InspectError) as caught:
            export_files(data, ["csv"], blocker, store.folder)
    assert caught.value.line("en") == (
        f"{blocker} is a file, not a folder: choose another place to export to"
    )


def test_a_draft_made_final_by_hand_in_the_county_file_is_caught(
    published: Published, campaign: Campaign
) -> None:
    """The record's identity is read from the hashed visit, not from the file's top-level
    copy: changing that copy changes nothing, changing the visit is flagged."""
    county = published.folder / "county" / f"{campaign.id}.json"
    doc = orjson.loads(county.read_bytes())
    record = next(iter(doc["records"].values()))
    record["status"] = "draft"  # the readable copy only
    county.write_bytes(orjson.dumps(doc))
    with LocalStore(published.folder) as store:
        ranking = county_ranking(campaign, store.folder)
    assert ranking.altered == [] and len(ranking.rows) == 38
    record["data"]["status"] = "draft"
    county.write_bytes(orjson.dumps(doc))
    with LocalStore(published.folder) as store:
        ranking = county_ranking(campaign, store.folder)
    assert [r.group for r in ranking.altered] == [record["group"]]

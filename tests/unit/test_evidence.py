"""Evidence files on an item: kept by content in the data folder, listed on the answer row with
an audit entry, carried by the signed bundle and the county file, refused in one line when a
file or a list is not what it claims."""

from __future__ import annotations

import hashlib
import os
import stat
from pathlib import Path

import orjson
import pytest

from inspect_tui.domain.evidence import Evidence, evidence_problem
from inspect_tui.domain.model import Campaign
from inspect_tui.domain.scoring import NO
from inspect_tui.services.results import merge_files
from inspect_tui.storage import evidence as kept
from inspect_tui.storage.bundle import BundleError, canonical, make_bundle, read_bundle
from inspect_tui.storage.county import CountyStore
from inspect_tui.storage.evidence import keep_evidence, kept_file, placed_evidence
from inspect_tui.storage.keys import DeviceKey, trust
from inspect_tui.storage.store import LocalStore
from inspect_tui.words.errors import AnswerError, InspectError, VisitLocked
from tests.support.answers import best_value

STAMP = "2012-07-10T18:00:00+00:00"
PHOTO = b"\xff\xd8\xff\xe0 archive page 3" * 100
HOSTILE = "x[b]\u202e档案[i].JPG"  # markup and a direction control: text (no "/": a file name
# cannot hold one; "[/" is checked where only data carry it)
ESCAPE = "title\x1b]0;x\x07.jpg"  # an escape sequence: not text, refused


def one_line(error: InspectError, *parts: str) -> None:
    for lang in ("zh", "en"):
        line = error.line(lang)  # type: ignore[arg-type]
        assert "\n" not in line
        assert all(part in line for part in parts), (line, parts)


def files_in(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir()) if folder.exists() else []


# -- keeping a file ----------------------------------------------------------------------------
def test_the_same_content_is_kept_once_under_its_hash(tmp_path: Path) -> None:
    data = tmp_path / "data"
    (tmp_path / "IMG_0001.JPG").write_bytes(PHOTO)
    (tmp_path / "copy.jpeg").write_bytes(PHOTO)
    first = keep_evidence(data, tmp_path / "IMG_0001.JPG")
    second = keep_evidence(data, tmp_path / "copy.jpeg")
    sha = hashlib.sha256(PHOTO).hexdigest()
    assert first == Evidence(sha, "IMG_0001.JPG", len(PHOTO), ".jpg")
    assert (second.sha256, second.name, second.suffix) == (sha, "copy.jpeg", ".jpg")
    assert files_in(data / "evidence") == [f"{sha}.jpg"]
    assert (data / "evidence" / f"{sha}.jpg").read_bytes() == PHOTO
    assert kept_file(data, sha) == data / "evidence" / f"{sha}.jpg"
    assert stat.S_IMODE((data / "evidence" / f"{sha}.jpg").stat().st_mode) & 0o077 == 0


@pytest.mark.parametrize(
    ("name", "suffix"),
    [("scan.PDF", ".pdf"), ("run.exe", ""), ("link.lnk", ""), ("noext", ""), (".jpg", "")],
)
def test_only_a_safe_suffix_is_kept(tmp_path: Path, name: str, suffix: str) -> None:
    (tmp_path / name).write_bytes(name.encode())
    record = keep_evidence(tmp_path / "data", tmp_path / name)
    assert record.suffix == suffix
    assert files_in(tmp_path / "data" / "evidence") == [record.sha256 + suffix]


def test_bad_files_are_refused_in_one_line_and_nothing_is_kept(tmp_path: Path) -> None:
    data = tmp_path / "data"
    (tmp_path / "folder").mkdir()
    (tmp_path / "empty.jpg").write_bytes(b"")
    fifo = tmp_path / "pipe.jpg"
    os.mkfifo(fifo)
    cases = {
        tmp_path / "absent.jpg": "evidence.missing",
        tmp_path / "folder": "evidence.is_folder",
        fifo: "evidence.refused",
        tmp_path / "empty.jpg": "evidence.empty",
    }
    for path, key in cases.items():
        with pytest.raises(InspectError) as caught:
            keep_evidence(data, path)
        assert caught.value.key == key
        one_line(caught.value, str(path))
    assert files_in(data / "evidence") == []


def test_a_file_over_the_limit_is_refused_before_it_is_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(kept, "MAX_BYTES", 1024)
    big = tmp_path / "big.tif"
    big.write_bytes(b"x" * 1025)
    with pytest.raises(InspectError) as caught:
        keep_evidence(tmp_path / "data", big)
    assert caught.value.key == "evidence.refused"
    one_line(caught.value, str(big), "1024 B")


def test_an_unreadable_file_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """What the system refuses to read (a file locked to its owner, a stick gone bad): one
    line, nothing kept. The refusal is made by hand: these tests may run as root, who reads
    any file whatever its mode."""
    locked = tmp_path / "locked.png"
    locked.write_bytes(PHOTO)

    def refused(path: Path, limit: int = 0) -> bytes:
        raise PermissionError(13, "Permission denied", str(path))

    monkeypatch.setattr(kept, "read_regular", refused)
    with pytest.raises(InspectError) as caught:
        keep_evidence(tmp_path / "data", locked)
    assert caught.value.key == "evidence.unreadable"
    one_line(caught.value, str(locked))
    assert not (tmp_path / "data" / "evidence").exists() or not files_in(
        tmp_path / "data" / "evidence"
    )


def test_hostile_names_are_kept_as_text_and_control_characters_refused(tmp_path: Path) -> None:
    (tmp_path / HOSTILE).write_bytes(PHOTO)
    record = keep_evidence(tmp_path / "data", tmp_path / HOSTILE)
    assert (record.name, record.suffix) == (HOSTILE, ".jpg")
    (tmp_path / ESCAPE).write_bytes(b"other")
    with pytest.raises(InspectError) as caught:
        keep_evidence(tmp_path / "data", tmp_path / ESCAPE)
    assert caught.value.key == "evidence.bad_source_name"
    one_line(caught.value, "U+001B")
    assert files_in(tmp_path / "data" / "evidence") == [f"{record.sha256}.jpg"]


# -- the store ---------------------------------------------------------------------------------
def visit_with_evidence(
    store: LocalStore, campaign: Campaign, source: Path
) -> tuple[str, Evidence]:
    visit = store.start_visit(campaign, "team-2", "kaqun", visit_date="2012-07-05")
    record = keep_evidence(store.folder, source)
    store.add_evidence(campaign, visit.id, "archive.genuine", record)
    return visit.id, record


def test_a_file_is_listed_on_the_item_with_one_audit_entry(
    store: LocalStore, campaign: Campaign, tmp_path: Path
) -> None:
    (tmp_path / HOSTILE).write_bytes(PHOTO)
    visit_id, record = visit_with_evidence(store, campaign, tmp_path / HOSTILE)
    store.add_evidence(campaign, visit_id, "archive.genuine", record)  # the same file again
    assert store.evidence(visit_id) == {"archive.genuine": (record,)}
    assert store.answers(visit_id)["archive.genuine"].value is None  # a blank row was made
    entries = [e for e in store.audit(visit_id) if e.action == "evidence"]
    assert len(entries) == 1
    assert (entries[0].subject, entries[0].new) == (
        "archive.genuine", {"name": HOSTILE, "sha256": record.sha256},
    )  # fmt: skip
    store.set_answer(campaign, visit_id, "archive.genuine", NO, "补写")  # the answer keeps it
    assert store.evidence(visit_id) == {"archive.genuine": (record,)}
    folder = store.folder
    store.close()
    with LocalStore(folder) as again:
        assert not again.damaged
        assert again.evidence(visit_id) == {"archive.genuine": (record,)}


def test_rows_without_evidence_are_as_they_always_were(
    store: LocalStore, campaign: Campaign, tmp_path: Path
) -> None:
    (tmp_path / "p.jpg").write_bytes(PHOTO)
    visit_id, record = visit_with_evidence(store, campaign, tmp_path / "p.jpg")
    store.set_answer(campaign, visit_id, "study.plan", "yes", "有")
    raw = orjson.loads((store.folder / "visits" / f"{visit_id}.json").read_bytes())
    rows = {row["item"]: row for row in raw["answers"].values()}
    assert set(rows["study.plan"]) == {"item", "value", "note", "at"}
    store.remove_evidence(campaign, visit_id, "archive.genuine", record.sha256)
    raw = orjson.loads((store.folder / "visits" / f"{visit_id}.json").read_bytes())
    rows = {row["item"]: row for row in raw["answers"].values()}
    assert set(rows["archive.genuine"]) == {"item", "value", "note", "at"}  # no empty list
    assert store.evidence(visit_id) == {}
    assert [e.action for e in store.audit(visit_id)][-1] == "evidence_removed"


def test_a_finalized_visit_or_an_unknown_item_takes_no_evidence(
    store: LocalStore, campaign: Campaign, tmp_path: Path
) -> None:
    (tmp_path / "p.jpg").write_bytes(PHOTO)
    record = keep_evidence(store.folder, tmp_path / "p.jpg")
    visit = store.start_visit(campaign, "team-2", "kaqun", inspectors=["甲"], methods=["archive"],
                              visit_date="2012-07-05")  # fmt: skip
    with pytest.raises(AnswerError):
        store.add_evidence(campaign, visit.id, "no.such.item", record)
    for item in campaign.items:
        store.set_answer(campaign, visit.id, item.id, best_value(campaign, item))
    store.finalize(visit.id, campaign, strengths="好", problems="无", representative="组长")
    before = (store.folder / "visits" / f"{visit.id}.json").read_bytes()
    with pytest.raises(VisitLocked):
        store.add_evidence(campaign, visit.id, "archive.genuine", record)
    assert (store.folder / "visits" / f"{visit.id}.json").read_bytes() == before


def test_a_visit_file_with_a_bad_evidence_list_is_reported_damaged(
    store: LocalStore, campaign: Campaign, tmp_path: Path
) -> None:
    (tmp_path / "p.jpg").write_bytes(PHOTO)
    visit_id, _ = visit_with_evidence(store, campaign, tmp_path / "p.jpg")
    path = store.folder / "visits" / f"{visit_id}.json"
    store.close()
    path.write_bytes(path.read_bytes().replace(b'"size":', b'"size":-', 1))
    with LocalStore(store.folder) as again:
        assert [e.key for e in again.damaged] == ["store.foreign"]


# -- the bundle, the county file ---------------------------------------------------------------
def laptop(folder: Path, campaign: Campaign) -> tuple[dict, DeviceKey, Evidence]:
    (folder / "phone").mkdir(parents=True)
    (folder / "phone" / HOSTILE).write_bytes(PHOTO)
    with LocalStore(folder / "data") as store:
        visit = store.start_visit(campaign, "team-2", "kaqun", inspectors=["甲"],
                                  methods=["archive"], visit_date="2012-07-05")  # fmt: skip
        for item in campaign.items:
            store.set_answer(campaign, visit.id, item.id, best_value(campaign, item))
        store.set_answer(campaign, visit.id, "archive.genuine", NO, "临时突击形成")
        record = keep_evidence(store.folder, folder / "phone" / HOSTILE)
        store.add_evidence(campaign, visit.id, "archive.genuine", record)
        store.finalize(visit.id, campaign, strengths="好", problems="补", representative="组长")
        device = DeviceKey(store.folder)
        return make_bundle(campaign, store, "team-2", device, created_at=STAMP), device, record


def written(bundle: dict, path: Path) -> Path:
    options = orjson.OPT_SORT_KEYS | orjson.OPT_INDENT_2 | orjson.OPT_APPEND_NEWLINE
    path.write_bytes(orjson.dumps(bundle, option=options))
    return path


def trusted(campaign: Campaign, device: DeviceKey) -> dict[str, set[str]]:
    keys = {team.id: set(team.keys) for team in campaign.teams}
    keys["team-2"].add(device.public)
    return keys


def test_the_bundle_lists_the_files_and_the_lead_reads_them(
    campaign: Campaign, tmp_path: Path
) -> None:
    bundle, device, record = laptop(tmp_path, campaign)
    answers = bundle["visits"][0]["answers"]
    assert answers["archive.genuine"]["evidence"] == [record.to_doc()]
    assert all("evidence" not in a for i, a in answers.items() if i != "archive.genuine")
    read = read_bundle(written(bundle, tmp_path / "b.json"), campaign, trusted(campaign, device))
    assert read.visits[0]["answers"]["archive.genuine"]["evidence"] == [
        {"sha256": record.sha256, "name": HOSTILE, "size": len(PHOTO)}
    ]


BAD_LISTS = {
    "hash": lambda e: [{**e[0], "sha256": "ABC"}],
    "upper": lambda e: [{**e[0], "sha256": e[0]["sha256"].upper()}],
    "escape": lambda e: [{**e[0], "name": ESCAPE}],
    "size": lambda e: [{**e[0], "size": -1}],
    "bool": lambda e: [{**e[0], "size": True}],
    "extra": lambda e: [{**e[0], "path": "/etc/passwd"}],
    "twice": lambda e: e + e,
    "object": lambda e: e[0],
}


@pytest.mark.parametrize("change", sorted(BAD_LISTS))
def test_a_signed_bundle_with_a_bad_evidence_list_is_refused(
    campaign: Campaign, tmp_path: Path, change: str
) -> None:
    bundle, device, _ = laptop(tmp_path, campaign)
    answer = bundle["visits"][0]["answers"]["archive.genuine"]
    answer["evidence"] = BAD_LISTS[change](answer["evidence"])
    content = {k: v for k, v in bundle.items() if k not in ("digest", "signature")}
    body = canonical(content)
    bundle.update(digest=hashlib.sha256(body).hexdigest(), signature=device.sign(body))
    path = written(bundle, tmp_path / "tampered.json")
    with pytest.raises(BundleError) as caught:
        read_bundle(path, campaign, trusted(campaign, device))
    assert caught.value.key == "bundle.bad_evidence"
    one_line(caught.value, str(path), "archive.genuine")
    group = campaign.group("kaqun").name
    assert group.zh in caught.value.line("zh") and group.en in caught.value.line("en")


def test_the_county_file_keeps_the_list_through_the_merge(
    campaign: Campaign, tmp_path: Path
) -> None:
    bundle, device, record = laptop(tmp_path / "laptop", campaign)
    path = written(bundle, tmp_path / "b.json")
    with LocalStore(tmp_path / "lead") as lead:
        trust(campaign, lead, "team-2", device.public)
        county = CountyStore(lead.folder, campaign)
        _, refused = merge_files(campaign, lead, county, [path, path])
        assert refused == []
        reopened = CountyStore(lead.folder, campaign)
        (slot,) = [s for s in reopened.slots() if s.record is not None]
        assert slot.record is not None and slot.record.intact
        answer = slot.record.data["answers"]["archive.genuine"]
        assert answer["evidence"] == [record.to_doc()]
        assert not reopened.invalid


def test_placed_evidence_is_all_or_none(tmp_path: Path) -> None:
    (tmp_path / "a.jpg").write_bytes(PHOTO)
    (tmp_path / "b.pdf").write_bytes(b"%PDF scan")
    data = tmp_path / "data"
    a, b = keep_evidence(data, tmp_path / "a.jpg"), keep_evidence(data, tmp_path / "b.pdf")
    target = tmp_path / "out" / "bundle-evidence"
    with pytest.raises(RuntimeError), placed_evidence(data, {a.sha256: "a", b.sha256: "b"}, target):
        assert files_in(target) == sorted([a.file_name, b.file_name])
        raise RuntimeError("the bundle could not be written")
    assert not target.exists()
    (data / "evidence" / b.file_name).write_bytes(b"%PDF changed")
    wanted = {a.sha256: "a", b.sha256: "b"}
    with pytest.raises(InspectError) as caught, placed_evidence(data, wanted, target):
        pytest.fail("nothing may be placed")
    assert caught.value.key == "evidence.damaged"
    assert files_in(tmp_path / "out") == []
    keep_evidence(data, tmp_path / "b.pdf")  # picked again: the kept copy is mended
    with placed_evidence(data, wanted, target) as placed:
        got = {path.name: path.read_bytes() for path in placed}
    assert got == {a.file_name: PHOTO, b.file_name: b"%PDF scan"}
    assert files_in(tmp_path / "out") == ["bundle-evidence"]


def test_the_one_check_of_a_list() -> None:
    good = {"sha256": "a" * 64, "name": "p.jpg", "size": 0}
    assert evidence_problem([good]) is None and evidence_problem([]) is None
    assert evidence_problem([{**good, "name": "x[/b]\u202e.jpg"}]) is None  # text, not markup
    assert evidence_problem([{**good, "name": ""}]) is not None
    assert evidence_problem([{**good, "name": "x" * 256}]) is not None

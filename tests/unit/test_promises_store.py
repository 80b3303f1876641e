"""Promises of the README about the data folder that no other test pinned: finalizing needs the
methods, the visit in memory changes only once its write has landed, atomic writes fsync the
file and then the folder, an error inside a storage transaction rolls it back, and a store file
of a newer format is refused, never read or rewritten."""

from __future__ import annotations

import errno
import itertools
import os
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import orjson
import pytest
from tinydb import TinyDB

from inspect_tui.domain.model import Campaign
from inspect_tui.domain.scoring import NO, YES
from inspect_tui.storage import atomic
from inspect_tui.storage.atomic import AtomicJSONStorage, atomic_write
from inspect_tui.storage.county import CountyStore
from inspect_tui.storage.store import LocalStore
from inspect_tui.words.errors import StoreError
from tests.support.answers import best_value


def ticking() -> Callable[[], str]:
    """A clock that moves on by a second at every reading: every save has its own time."""
    start = datetime(2012, 7, 4, 10, tzinfo=UTC)
    count = itertools.count()
    return lambda: (start + timedelta(seconds=next(count))).isoformat(timespec="milliseconds")


def answer_all(store: LocalStore, campaign: Campaign, visit_id: str) -> None:
    for item in campaign.items:
        store.set_answer(campaign, visit_id, item.id, best_value(campaign, item))


def full_disk(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(fd: int, data: bytes) -> int:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(atomic.os, "write", refuse)


# -- finalize needs the visit information -------------------------------------------------------
@pytest.mark.parametrize(
    "header",
    [{"inspectors": ["努尔东·艾山"]}, {"methods": ["report", "archive"]}],
    ids=["without methods", "without inspectors"],
)
def test_finalize_without_methods_or_inspectors_is_refused(
    store: LocalStore, campaign: Campaign, header: dict[str, list[str]]
) -> None:
    visit = store.start_visit(campaign, "team-2", "kaqun", **header)
    answer_all(store, campaign, visit.id)
    with pytest.raises(StoreError) as caught:
        store.finalize(
            visit.id, campaign, strengths="档案齐全", problems="无", representative="组长"
        )
    assert caught.value.key == "store.header_missing"
    assert not store.visit(visit.id).final
    store.update_visit(
        visit.id, inspectors=["努尔东·艾山"], methods=["report", "archive"], visit_date="2012-07-05"
    )
    done = store.finalize(
        visit.id, campaign, strengths="档案齐全", problems="无", representative="组长"
    )
    assert done.final


# -- memory follows the disk --------------------------------------------------------------------
def test_the_visit_in_memory_changes_only_once_its_write_has_landed(
    data_dir: Path, campaign: Campaign, monkeypatch: pytest.MonkeyPatch
) -> None:
    with LocalStore(data_dir, clock=ticking()) as store:
        visit = store.start_visit(
            campaign,
            "team-2",
            "kaqun",
            inspectors=["甲"],
            methods=["talk"],
            visit_date="2012-07-05",
        )
        answer_all(store, campaign, visit.id)
        store.set_answer(campaign, visit.id, "study.plan", YES, "有计划")
        before = store.visit(visit.id)
        assert before.position == "study.plan"

        real_write = os.write
        full_disk(monkeypatch)
        attempts: list[Callable[[], object]] = [
            lambda: store.set_answer(campaign, visit.id, "office.room", NO, "办公室被占用"),
            lambda: store.update_visit(visit.id, problems="档案不全"),
            lambda: store.set_position(visit.id, "archive.catalogue"),
            lambda: store.finalize(
                visit.id, campaign, strengths="好", problems="差", representative="组长"
            ),
            lambda: store.start_visit(campaign, "team-2", "huoshilafu"),
        ]
        for attempt in attempts:
            with pytest.raises(StoreError):
                attempt()
            assert store.visit(visit.id) == before
            assert store.visits() == [before]
        monkeypatch.setattr(atomic.os, "write", real_write)

        # not finalized in memory either: the visit can still be answered
        store.set_answer(campaign, visit.id, "office.room", NO, "办公室被占用")
        now = store.visit(visit.id)
        assert (now.status, now.position, now.problems) == ("draft", "office.room", "")
    with LocalStore(data_dir) as again:
        assert again.visit(visit.id) == now


# -- fsync of the file, then of the folder ------------------------------------------------------
class Recorder:
    """os.open, the data sync, os.replace and os.fsync as they happen, by path."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.events: list[tuple[str, Path]] = []
        self.paths: dict[int, Path] = {}
        real_open, real_fsync, real_replace = os.open, os.fsync, os.replace
        real_sync = atomic._sync_data

        def opened(path: Any, flags: int, mode: int = 0o777, **kw: Any) -> int:
            fd = real_open(path, flags, mode, **kw)
            self.paths[fd] = Path(path)
            self.events.append(("open", Path(path)))
            return fd

        def synced(fd: int) -> None:
            self.events.append(("sync", self.paths[fd]))
            real_sync(fd)

        def fsynced(fd: int) -> None:
            self.events.append(("fsync", self.paths[fd]))
            real_fsync(fd)

        def replaced(src: Any, dst: Any) -> None:
            self.events.append(("replace", Path(dst)))
            real_replace(src, dst)

        monkeypatch.setattr(atomic.os, "open", opened)
        monkeypatch.setattr(atomic.os, "fsync", fsynced)
        monkeypatch.setattr(atomic.os, "replace", replaced)
        monkeypatch.setattr(atomic, "_sync_data", synced)

    def of(self, target: Path) -> list[tuple[str, Path]]:
        """The events of one atomic write of `target`: its temp file, the file, its folder."""
        tmp = atomic.temp_name(target)
        return [(kind, path) for kind, path in self.events if path in (tmp, target, target.parent)]


# Windows cannot open a folder to fsync it (NTFS journals the rename): no folder fsync to check
FOLDER_FSYNC = pytest.mark.skipif(os.name != "posix", reason="Windows has no folder fsync")


@FOLDER_FSYNC
def test_an_atomic_write_syncs_the_file_then_renames_then_fsyncs_the_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "file.json"
    tmp = atomic.temp_name(target)
    recorder = Recorder(monkeypatch)
    atomic_write(target, b'{"a": 1}')
    assert recorder.of(target) == [
        ("open", tmp),
        ("sync", tmp),  # the data are on disk before the rename makes them the file
        ("replace", target),
        ("open", tmp_path),
        ("fsync", tmp_path),  # and the rename itself survives a power cut
    ]
    assert target.read_bytes() == b'{"a": 1}'


@FOLDER_FSYNC
def test_every_save_of_an_answer_is_synced_and_so_is_its_folder(
    store: LocalStore, campaign: Campaign, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    visit = store.start_visit(campaign, "team-2", "kaqun")
    path = data_dir / "visits" / f"{visit.id}.json"
    tmp = atomic.temp_name(path)
    recorder = Recorder(monkeypatch)
    store.set_answer(campaign, visit.id, "office.room", NO, "办公室被占用")
    assert recorder.of(path) == [
        ("open", tmp),
        ("sync", tmp),
        ("replace", path),
        ("open", path.parent),
        ("fsync", path.parent),
    ]


# -- rollback ------------------------------------------------------------------------------------
def test_an_error_inside_a_storage_transaction_leaves_the_store_as_before(tmp_path: Path) -> None:
    path = tmp_path / "db.json"
    db = TinyDB(path, storage=AtomicJSONStorage)
    storage: AtomicJSONStorage = db.storage  # type: ignore[assignment]
    db.table("rows").insert({"n": 1})
    on_disk = path.read_bytes()
    with pytest.raises(RuntimeError), storage.transaction():
        db.table("rows").insert({"n": 2})
        db.table("other").insert({"n": 3})
        raise RuntimeError("mid-transaction")
    assert path.read_bytes() == on_disk
    assert [dict(row) for row in db.table("rows").all()] == [{"n": 1}]
    assert db.table("other").all() == []
    db.table("rows").insert({"n": 4})  # the next write does not carry the rolled-back rows
    assert [row["n"] for row in orjson.loads(path.read_bytes())["rows"].values()] == [1, 4]
    assert "other" not in orjson.loads(path.read_bytes())
    db.close()


def test_an_answer_whose_audit_entry_fails_is_not_half_saved(
    store: LocalStore, campaign: Campaign, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    visit = store.start_visit(campaign, "team-2", "kaqun")
    store.set_answer(campaign, visit.id, "study.plan", YES)
    path = data_dir / "visits" / f"{visit.id}.json"
    on_disk = path.read_bytes()
    answers, audit, header = store.answers(visit.id), store.audit(visit.id), store.visit(visit.id)

    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("audit failed after the answer was written to the table")

    with monkeypatch.context() as patch:
        patch.setattr(LocalStore, "_audit", broken)
        with pytest.raises(RuntimeError):
            store.set_answer(campaign, visit.id, "office.room", NO, "办公室被占用")
    assert path.read_bytes() == on_disk
    assert store.answers(visit.id) == answers
    assert store.audit(visit.id) == audit
    assert store.visit(visit.id) == header
    store.set_answer(campaign, visit.id, "archive.genuine", YES)
    assert set(store.answers(visit.id)) == {"study.plan", "archive.genuine"}
    assert "office.room" not in path.read_text(encoding="utf-8")


# -- a newer store format ------------------------------------------------------------------------
def newer(path: Path) -> bytes:
    """Stamp the file as written by a newer release (format 2); its new bytes."""
    data = orjson.loads(path.read_bytes())
    data["_meta"]["1"]["format"] = 2
    path.write_bytes(orjson.dumps(data))
    return path.read_bytes()


def test_a_visit_or_settings_file_of_a_newer_format_is_refused_and_kept(
    data_dir: Path, campaign: Campaign
) -> None:
    with LocalStore(data_dir) as store:
        visit = store.start_visit(campaign, "team-2", "kaqun")
        store.set_answer(campaign, visit.id, "study.plan", YES)
        store.set_setting("team", "team-2")
    visit_file = data_dir / "visits" / f"{visit.id}.json"
    settings_file = data_dir / "settings.json"
    kept = {visit_file: newer(visit_file), settings_file: newer(settings_file)}
    with LocalStore(data_dir) as store:
        assert store.visits() == []
        found = {e.params["path"]: (e.key, e.params["found"]) for e in store.damaged}
        assert found == {p: ("store.newer", 2) for p in kept}
        assert store.setting("team") is None
        with pytest.raises(StoreError) as caught:
            store.set_setting("team", "team-1")
        assert caught.value.key == "store.newer"
        store.start_visit(campaign, "team-2", "huoshilafu")  # the rest of the folder works
    assert {p: p.read_bytes() for p in kept} == kept


@pytest.mark.parametrize("form", [0, -3, True, 1.0, "1", None])
def test_a_format_no_release_ever_wrote_is_not_our_file(
    data_dir: Path, campaign: Campaign, form: object
) -> None:
    # before: any whole number up to 1 was read as format 1, `true` and 0 included
    with LocalStore(data_dir) as store:
        visit = store.start_visit(campaign, "team-2", "kaqun")
    path = data_dir / "visits" / f"{visit.id}.json"
    data = orjson.loads(path.read_bytes())
    data["_meta"]["1"]["format"] = form
    path.write_bytes(orjson.dumps(data))
    kept = path.read_bytes()
    with LocalStore(data_dir) as store:
        assert store.visits() == []
        assert [(e.key, e.params["path"]) for e in store.damaged] == [("store.foreign", path)]
    assert path.read_bytes() == kept


def test_a_county_file_of_a_newer_format_is_refused_and_kept(
    data_dir: Path, campaign: Campaign
) -> None:
    with LocalStore(data_dir) as store:
        county = CountyStore(store.folder, campaign)
        county.choose("weisheng-xitong", "team-1")
        county.close()
        kept = newer(county.path)
        with pytest.raises(StoreError) as caught:
            CountyStore(store.folder, campaign)
        assert caught.value.key == "store.newer"
        assert caught.value.params["path"] == county.path
    assert county.path.read_bytes() == kept

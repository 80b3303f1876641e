"""Files that are not what they claim (issue 9, item 3): a bundle, a sheet, a file given to
`verify`, a visit file of the store or the keymap that is a FIFO, a link to `/dev/zero`, a
folder, over the size limit or nested past the depth limit is refused with one line naming the
file and why, before it is read, and nothing is changed. A FIFO is never waited on.

Each FIFO here is made by `fifo_at`: should the code under test open it after all (its guard
gone), a writer opens and closes it at once, so the read ends and the test fails on its
assertion instead of hanging."""

from __future__ import annotations

import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import orjson
import pytest

from inspect_tui.domain.model import Campaign
from inspect_tui.loading.campaign import load_campaign
from inspect_tui.reports.sheet import import_sheet
from inspect_tui.reports.verify import read_claim_text
from inspect_tui.services.session import KEYMAP_FILE, Session, keymap_at
from inspect_tui.storage.bundle import BundleError, read_bundle
from inspect_tui.storage.files import MAX_DEPTH, read_regular
from inspect_tui.storage.paths import CHECKLISTS
from inspect_tui.storage.store import LocalStore
from inspect_tui.words.errors import InspectError, StoreError
from tests.support.laptops import laptop

NOT_REGULAR_EN = "not a regular file (a device, a pipe or a socket); not read"
NOT_REGULAR_ZH = "不是普通文件（是设备、管道或套接字），不读取"
TOO_DEEP_EN = f"nested more than {MAX_DEPTH} levels deep, which no file of ours is; not read"
TOO_DEEP_ZH = f"嵌套超过 {MAX_DEPTH} 层，不是本程序的文件，不读取"


def _write_and_close(path: Path, content: bytes) -> None:
    fd = os.open(path, os.O_WRONLY)  # blocks until someone opens the FIFO to read
    try:
        os.write(fd, content)  # a few bytes: they fit the pipe's buffer whoever reads
    finally:
        os.close(fd)


@contextmanager
def fifo_at(path: Path, content: bytes = b"") -> Iterator[Path]:
    """A FIFO at `path` that never holds a reader for good (see the module's note); a reader
    that opens it anyway gets `content`, then the end of the file."""
    os.mkfifo(path)
    writer = threading.Thread(target=_write_and_close, args=(path, content), daemon=True)
    writer.start()
    try:
        yield path
    finally:
        reader = os.open(path, os.O_RDONLY | os.O_NONBLOCK)  # lets a waiting writer's open end
        writer.join()
        os.close(reader)


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every regular file under `folder` and its bytes (the folder lock's note aside)."""
    return {
        str(p.relative_to(folder)): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and not p.is_symlink() and p.name != ".lock"
    }


@pytest.fixture(scope="module")
def signed(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, set[str]]]:
    """Team 2's signed bundle and the keys a lead trusts."""
    campaign = load_campaign(CHECKLISTS / "shache-2012-h1.toml")
    path, device = laptop(tmp_path_factory.mktemp("t2"), campaign, "team-2", {"kaqun": 1})
    trusted: dict[str, set[str]] = {team.id: set(team.keys) for team in campaign.teams}
    trusted["team-2"].add(device.public)
    return path, trusted


def refusal(path: Path, campaign: Campaign, trusted: dict[str, set[str]]) -> tuple[str, str]:
    with pytest.raises(BundleError) as caught:
        read_bundle(path, campaign, trusted)
    return caught.value.line("en"), caught.value.line("zh")


# -- bundles -------------------------------------------------------------------------------------
def test_a_bundle_that_is_a_fifo_is_refused_without_waiting_for_a_writer(
    tmp_path: Path, campaign: Campaign, signed: tuple[Path, dict[str, set[str]]]
) -> None:
    with fifo_at(tmp_path / "team-2.json") as fifo:
        assert refusal(fifo, campaign, signed[1]) == (
            f"{fifo}: {NOT_REGULAR_EN}",
            f"{fifo}：{NOT_REGULAR_ZH}",
        )


def test_a_bundle_linked_to_dev_zero_is_refused_before_a_byte_is_read(
    tmp_path: Path, campaign: Campaign, signed: tuple[Path, dict[str, set[str]]]
) -> None:
    link = tmp_path / "team-2.json"
    link.symlink_to("/dev/zero")
    assert refusal(link, campaign, signed[1]) == (
        f"{link}: {NOT_REGULAR_EN}",
        f"{link}：{NOT_REGULAR_ZH}",
    )


def test_a_link_to_a_real_bundle_is_read_through(
    tmp_path: Path, campaign: Campaign, signed: tuple[Path, dict[str, set[str]]]
) -> None:
    """Links are followed (a file linked from a USB stick is fine): only what they lead to
    is judged."""
    link = tmp_path / "linked.json"
    link.symlink_to(signed[0])
    assert read_bundle(link, campaign, signed[1]).team == "team-2"


def test_a_bundle_that_is_a_folder_is_one_line(
    tmp_path: Path, campaign: Campaign, signed: tuple[Path, dict[str, set[str]]]
) -> None:
    folder = tmp_path / "team-2.json"
    folder.mkdir()
    (folder / "inside.json").write_bytes(signed[0].read_bytes())
    line_en, line_zh = refusal(folder, campaign, signed[1])
    assert line_en == f"{folder}: cannot be read (it is a folder, not a file)"
    assert line_zh.endswith("（这是一个文件夹，不是文件）")  # before: the system's English


def test_a_bundle_over_the_size_limit_is_refused_and_one_at_the_limit_is_read(
    tmp_path: Path,
    campaign: Campaign,
    signed: tuple[Path, dict[str, set[str]]],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The limit is lowered in this process to the bundle's own size: no 64 MiB file. (The
    default is bound when `read_regular` is defined, so it is the default that is patched.)"""
    path, trusted = signed
    size = path.stat().st_size
    assert size < 1024 * 1024  # so the sizes print in bytes
    monkeypatch.setitem(read_regular.__kwdefaults__, "limit", size)
    assert read_bundle(path, campaign, trusted).team == "team-2"  # exactly at the limit
    monkeypatch.setitem(read_regular.__kwdefaults__, "limit", size - 1)
    assert refusal(path, campaign, trusted) == (
        f"{path}: too large ({size} B; the limit is {size - 1} B); not read",
        f"{path}：文件过大（{size} B，上限 {size - 1} B），不读取",
    )


def test_a_sparse_bundle_just_over_64_mib_is_refused_before_reading(
    tmp_path: Path, campaign: Campaign, signed: tuple[Path, dict[str, set[str]]]
) -> None:
    huge = tmp_path / "huge.json"
    with huge.open("wb") as handle:
        handle.truncate(64 * 1024 * 1024 + 1)  # sparse: no disk, and no memory if not read
    line_en, _ = refusal(huge, campaign, signed[1])
    assert line_en == f"{huge}: too large (64.1 MiB; the limit is 64 MiB); not read"


def nested(depth: int) -> bytes:
    return b"[" * depth + b"]" * depth


def test_bundle_json_nested_past_the_limit_is_refused_and_at_the_limit_is_not(
    tmp_path: Path, campaign: Campaign, signed: tuple[Path, dict[str, set[str]]]
) -> None:
    deep = tmp_path / "deep.json"
    deep.write_bytes(nested(MAX_DEPTH + 1))
    assert refusal(deep, campaign, signed[1]) == (
        f"{deep}: {TOO_DEEP_EN}",
        f"{deep}：{TOO_DEEP_ZH}",
    )
    deep.write_bytes(nested(MAX_DEPTH))  # deep enough, but not a bundle: said so
    assert refusal(deep, campaign, signed[1])[0] == f"{deep}: not an inspect-tui result bundle"


def test_a_bundle_shaped_file_nested_past_what_can_be_written_is_one_line(
    tmp_path: Path, campaign: Campaign, signed: tuple[Path, dict[str, set[str]]]
) -> None:
    """orjson reads 1024 levels but writes only 254: a bundle whose visits hide 300 levels
    reached the exact-bytes check and crashed there. It is refused as too deep first."""
    data = orjson.loads(signed[0].read_bytes())
    data["visits"][0]["audit"][0]["extra"] = "DEEP"
    deep = tmp_path / "deep-bundle.json"
    deep.write_bytes(orjson.dumps(data).replace(b'"DEEP"', nested(300)))
    assert refusal(deep, campaign, signed[1])[0] == f"{deep}: {TOO_DEEP_EN}"


# -- sheets and verify ---------------------------------------------------------------------------
@contextmanager
def special_file(kind: str, path: Path) -> Iterator[Path]:
    """A FIFO or a link to /dev/zero at `path`."""
    if kind == "fifo":
        with fifo_at(path):
            yield path
    else:
        path.symlink_to("/dev/zero")
        yield path


@pytest.mark.parametrize("name", ["sheet.csv", "sheet.xlsx"])
@pytest.mark.parametrize("kind", ["fifo", "dev-zero"])
def test_import_sheet_refuses_a_fifo_or_dev_zero_and_imports_nothing(
    tmp_path: Path, campaign: Campaign, store: LocalStore, name: str, kind: str
) -> None:
    before = snapshot(store.folder)
    path = tmp_path / name
    with special_file(kind, path), pytest.raises(InspectError) as caught:
        import_sheet(campaign, store, path, "team-2", "en")
    assert caught.value.line("en") == f"{path}: {NOT_REGULAR_EN}"
    assert caught.value.line("zh") == f"{path}：{NOT_REGULAR_ZH}"
    assert store.visits() == [] and snapshot(store.folder) == before


@pytest.mark.parametrize("kind", ["fifo", "dev-zero"])
def test_verify_refuses_a_fifo_or_dev_zero_as_a_file(tmp_path: Path, kind: str) -> None:
    path = tmp_path / "ranking.xlsx"
    with special_file(kind, path), pytest.raises(InspectError) as caught:
        read_claim_text(str(path))
    assert caught.value.line("en") == (
        f"{path}: cannot be read as an export file ({NOT_REGULAR_EN})"
    )


# -- the store's own files -----------------------------------------------------------------------
def test_a_visit_file_that_is_a_fifo_is_listed_as_damaged_and_the_others_load(
    data_dir: Path, campaign: Campaign
) -> None:
    with LocalStore(data_dir) as store:
        kept = store.start_visit(campaign, "team-2", "kaqun")
        store.set_answer(campaign, kept.id, "study.plan", "yes")
    before = snapshot(data_dir)
    with fifo_at(data_dir / "visits" / "zz-fifo.json") as fifo:
        with LocalStore(data_dir) as store:
            assert [visit.id for visit in store.visits()] == [kept.id]
            assert store.visit(kept.id).group == "kaqun"
            (problem,) = store.damaged
            assert isinstance(problem, StoreError)
            assert problem.line("en") == (
                f"data file {fifo}: {NOT_REGULAR_EN}; it was left untouched"
            )
            assert problem.line("zh") == f"数据文件 {fifo}：{NOT_REGULAR_ZH}；文件未被改动"
        assert fifo.exists() and not fifo.is_file()  # still the FIFO, never replaced
    assert snapshot(data_dir) == before


def test_a_visit_file_nested_too_deep_is_damaged_and_left_as_it_is(
    data_dir: Path, campaign: Campaign
) -> None:
    with LocalStore(data_dir) as store:
        kept = store.start_visit(campaign, "team-2", "kaqun")
    deep = data_dir / "visits" / "zz-deep.json"
    deep.write_bytes(b'{"visit": ' + nested(MAX_DEPTH) + b"}")
    before = snapshot(data_dir)
    with LocalStore(data_dir) as store:
        assert [visit.id for visit in store.visits()] == [kept.id]
        (problem,) = store.damaged
        assert problem.line("en") == f"data file {deep}: {TOO_DEEP_EN}; it was left untouched"
    assert snapshot(data_dir) == before


# -- the keymap ----------------------------------------------------------------------------------
KEYMAP = 'toggle_lang = "f9"\n'


def test_a_keymap_is_read_through_a_link(tmp_path: Path) -> None:
    """The control for the refusals below: a real keymap, even linked, is read."""
    real = tmp_path / "mine.toml"
    real.write_text(KEYMAP, encoding="utf-8")
    (tmp_path / KEYMAP_FILE).symlink_to(real)
    assert keymap_at(tmp_path) == {"toggle_lang": "f9"}


def test_a_keymap_that_is_a_fifo_is_ignored_not_read(tmp_path: Path) -> None:
    """The FIFO would hand a reader a keymap: the app must not wait for it, so it reads none."""
    with fifo_at(tmp_path / KEYMAP_FILE, KEYMAP.encode()):
        assert keymap_at(tmp_path) == {}


def test_a_keymap_linked_to_dev_zero_is_ignored(tmp_path: Path) -> None:
    (tmp_path / KEYMAP_FILE).symlink_to("/dev/zero")
    assert keymap_at(tmp_path) == {}


def test_a_keymap_nested_past_recursion_is_ignored(tmp_path: Path) -> None:
    (tmp_path / KEYMAP_FILE).write_text(
        KEYMAP + "a = " + "[" * 100_000 + "]" * 100_000 + "\n", encoding="utf-8"
    )
    assert keymap_at(tmp_path) == {}


def test_a_keymap_over_its_limit_is_ignored(tmp_path: Path) -> None:
    path = tmp_path / KEYMAP_FILE
    path.write_text(KEYMAP + "#" * (1024 * 1024), encoding="utf-8")  # a valid TOML comment
    assert keymap_at(tmp_path) == {}
    path.write_text(KEYMAP + "#" * 1000, encoding="utf-8")
    assert keymap_at(tmp_path) == {"toggle_lang": "f9"}


async def test_the_app_opens_with_a_fifo_keymap_and_warns_of_a_fifo_visit_file(
    tmp_path: Path, campaign: Campaign, monkeypatch: pytest.MonkeyPatch
) -> None:
    from inspect_tui.tui.app import InspectApp

    folder = tmp_path / "data"
    LocalStore(folder).close()  # the folder and its visits/
    with (
        fifo_at(folder / KEYMAP_FILE),
        fifo_at(folder / "visits" / "zz.json") as fifo,
        LocalStore(folder) as store,
    ):
        app = InspectApp(Session(campaign, store, tmp_path / "out"), lang="en")
        told: list[str] = []
        notify = app.notify

        def recorded(message: str, **options: Any) -> None:
            told.append(str(message))
            notify(message, **options)

        monkeypatch.setattr(app, "notify", recorded)
        async with app.run_test() as pilot:
            await pilot.pause()
            assert type(app.screen).__name__ == "RolesScreen"
    assert told == [f"data file {fifo}: {NOT_REGULAR_EN}; it was left untouched"]

"""Evidence files kept by content: `<data folder>/evidence/<sha256><suffix>`.

A photo of the archive's pages copied from a phone, a scan: read whole (a regular file of at
most `MAX_BYTES`; a FIFO, a device, a folder, a missing or unreadable file is one line naming
the path), hashed, and written atomically under its hash unless a file of that content is
already kept, under whatever suffix (the same photo picked twice, or as `a.JPG` and `b.jpeg`,
is one file). The suffix is the name's, lowercased, when it is one a phone or scanner writes
(`domain.evidence.SAFE_SUFFIXES`), else none.

`bundle --with-evidence` copies the kept files of a bundle's visits into a folder beside it
(`placed_evidence`): each checked against its hash on the way, all of them or none.
"""

from __future__ import annotations

import hashlib
import os
import shutil
from collections.abc import Iterator, Mapping
from contextlib import contextmanager, suppress
from pathlib import Path

from inspect_tui.domain.evidence import SHORT, Evidence, is_sha256, name_problem, safe_suffix
from inspect_tui.storage.atomic import TEMP_SUFFIX, atomic_write, fsync_folder
from inspect_tui.storage.files import FileRefused, read_regular
from inspect_tui.words.errors import InspectError, os_reason

FOLDER = "evidence"
# A phone photo is 2-8 MB, a scanned archive folder as one PDF a few tens: 50 MiB keeps every
# real file and bounds what one pick may read into memory (the file is hashed and written whole).
MAX_BYTES = 50 * 1024 * 1024


def evidence_folder(data_folder: Path) -> Path:
    return data_folder / FOLDER


def keep_evidence(data_folder: Path, source: Path) -> Evidence:
    """Keep `source` in the data folder under its content hash; its record. `InspectError`
    naming `source` (nothing written) for a file that cannot be kept."""
    source = Path(source)
    wrong = name_problem(source.name)
    if wrong is not None:
        raise InspectError("evidence.bad_source_name", path=source, reason=wrong)
    data = _read(source)
    sha = hashlib.sha256(data).hexdigest()
    found = kept_file(data_folder, sha)
    if found is None or not _holds(found, data):  # a damaged copy is mended by a new pick
        found = found or evidence_folder(data_folder) / f"{sha}{safe_suffix(source.name)}"
        try:
            found.parent.mkdir(parents=True, exist_ok=True)
            atomic_write(found, data)
        except OSError as error:
            raise InspectError("file.write_failed", path=found, reason=os_reason(error)) from None
    return Evidence(sha, source.name, len(data), found.name[len(sha) :])


def _holds(kept: Path, data: bytes) -> bool:
    try:
        return read_regular(kept, limit=MAX_BYTES) == data
    except OSError:  # FileRefused too: whatever is there is written over
        return False


def _read(source: Path) -> bytes:
    try:
        data = read_regular(source, limit=MAX_BYTES)
    except FileRefused as refused:
        raise InspectError("evidence.refused", path=source, reason=refused.reason) from None
    except FileNotFoundError:
        raise InspectError("evidence.missing", path=source) from None
    except IsADirectoryError:
        raise InspectError("evidence.is_folder", path=source) from None
    except OSError as error:
        reason = error.strerror or str(error)
        raise InspectError("evidence.unreadable", path=source, reason=reason) from None
    if not data:  # a copy from a phone that failed half way often leaves this
        raise InspectError("evidence.empty", path=source)
    return data


def kept_file(data_folder: Path, sha256: str) -> Path | None:
    """The kept file of this content (any suffix), or None."""
    if not is_sha256(sha256):
        return None
    folder = evidence_folder(data_folder)
    try:
        names = sorted(
            entry.name
            for entry in os.scandir(folder)
            if (entry.name == sha256 or entry.name.startswith(f"{sha256}.")) and entry.is_file()
        )
    except OSError:  # no evidence folder yet, or one that cannot be read: nothing kept
        return None
    return folder / names[0] if names else None


@contextmanager
def placed_evidence(
    data_folder: Path, wanted: Mapping[str, str], target: Path
) -> Iterator[tuple[Path, ...]]:
    """Copy the kept files of `wanted` (hash -> a name it had, for the error) into `target`,
    a folder of their own; if the block then fails (the bundle could not be written), they are
    taken away again and a folder that was there before is put back. Nothing is placed when a
    file is missing or no longer matches its hash (`InspectError` naming it)."""
    sources = {sha: _source(data_folder, sha, name) for sha, name in sorted(wanted.items())}
    building = target.with_name(f".{target.name}.{os.getpid()}{TEMP_SUFFIX}")
    aside = target.with_name(f".{target.name}.{os.getpid()}.old")
    try:
        _remove(building)
        if aside.exists():  # a run killed half way: the folder it set aside may be the only one
            if target.exists():
                _remove(aside)
            else:
                aside.rename(target)
        building.mkdir(parents=True)
        for sha, source in sources.items():
            atomic_write(building / source.name, _checked(source, sha))
        if target.exists():
            target.rename(aside)
        building.rename(target)
        fsync_folder(target.parent)
    except OSError as error:
        _remove(building)
        _put_back(aside, target)
        raise InspectError("file.write_failed", path=target, reason=os_reason(error)) from None
    except BaseException:
        _remove(building)
        _put_back(aside, target)
        raise
    try:
        yield tuple(target / source.name for source in sources.values())
    except BaseException:
        _remove(target)
        _put_back(aside, target)
        raise
    _remove(aside)


def _checked(source: Path, sha: str) -> bytes:
    """A kept file's bytes, if they still are what its name says (a disk error, a hand edit)."""
    try:
        data = read_regular(source, limit=MAX_BYTES)
    except FileRefused as refused:
        raise InspectError("evidence.refused", path=source, reason=refused.reason) from None
    except OSError as error:
        reason = error.strerror or str(error)
        raise InspectError("evidence.unreadable", path=source, reason=reason) from None
    if hashlib.sha256(data).hexdigest() != sha:
        raise InspectError("evidence.damaged", path=source, sha=sha[:SHORT])
    return data


def _source(data_folder: Path, sha: str, name: str) -> Path:
    found = kept_file(data_folder, sha)
    if found is None:
        folder = evidence_folder(data_folder)
        raise InspectError("evidence.not_kept", name=name, sha=sha[:SHORT], folder=folder)
    return found


def _remove(path: Path) -> None:
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path, ignore_errors=True)
    else:
        with suppress(OSError):
            path.unlink()


def _put_back(aside: Path, target: Path) -> None:
    if aside.exists() and not target.exists():
        with suppress(OSError):
            aside.rename(target)

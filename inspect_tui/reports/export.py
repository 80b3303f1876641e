"""Writing the exports: each export is a folder of its own, published whole or not at all, and
logged for `verify`. The writers only return bytes; this module owns the files.

A series of renames is not atomic, so the set is published with one: the files are written into
a hidden staging folder beside the final one (`.<name>.<pid>-<token>.staging`), each file and the
folder fsynced, then the folder is renamed into place and its parent fsynced. The office sees
the whole set or nothing, whatever kills the process.

The log (`exports-log.json`) is journaled with the same step: the entry is written as pending,
naming the final folder and the staging one, before anything else; it is marked done after the
rename. A pending entry counts as made exactly when its folder exists, so the log never names an
export that is not there. The next export resolves pending entries and removes what a killed
export left (staging folders and temp files of processes that no longer run). Any `OSError` in
the step, up to the rename and its folder's fsync (a full disk, a read-only folder), takes back
what the step did and is one line naming the path: no visible file, no new log entry.
"""

from __future__ import annotations

import os
import re
import secrets
import shutil
import threading
from collections.abc import Callable, Sequence
from contextlib import suppress
from datetime import datetime
from pathlib import Path
from typing import Any

from inspect_tui.reports.circular import docx_bytes
from inspect_tui.reports.csv_file import csv_bytes
from inspect_tui.reports.dataset import ExportData
from inspect_tui.reports.html import html_bytes
from inspect_tui.reports.letters import letters_bytes
from inspect_tui.reports.xlsx import xlsx_bytes
from inspect_tui.storage.atomic import fsync_folder
from inspect_tui.storage.verification import (
    LOG_NAME,
    PENDING,
    LogDamaged,
    load_log,
    log_entry,
    set_aside,
    with_done,
    write_log,
)
from inspect_tui.words.errors import InspectError, os_reason
from inspect_tui.words.i18n import Lang, Msg

Writer = Callable[[ExportData, Lang], bytes]
FORMATS: dict[str, tuple[Writer, str]] = {
    "xlsx": (xlsx_bytes, "ranking.xlsx"),
    "csv": (csv_bytes, "ranking.csv"),
    "html": (html_bytes, "report.html"),
    "docx": (docx_bytes, "circular.docx"),
    "letters": (letters_bytes, "letters.docx"),  # a page or more per group: what each keeps
}
Progress = Callable[[str], None]  # called with each format as it starts
Warn = Callable[[Msg], None]  # told what the step found and dealt with (a damaged log kept aside)
SHARED = 0o644  # colleagues on the office PC open these, unlike the data files
FOLDER_MODE = 0o755

_STAGING = re.compile(r"\..+\.(\d+)-[0-9a-f]+\.staging")
_KINDS = "|".join(re.escape(suffix) for _, suffix in FORMATS.values())
# what `atomic_write` left of an export file in the layout before folders, and of the log
_EXPORT_TEMP = re.compile(rf"\..+-(?:{_KINDS})\.(\d+)\.tmp")
_LOG_TEMP = re.compile(rf"\.{re.escape(LOG_NAME)}\.(\d+)\.tmp")
# the app can start a second export before the first ends (two Ctrl+S): one step at a time
# keeps the log's read-and-rewrite whole and lets this process's own leftovers count as dead
_ONE_AT_A_TIME = threading.Lock()


def parse_formats(text: str) -> list[str]:
    """ "xlsx,csv" -> ["xlsx", "csv"], in the order given, each once; "all" is every format."""
    wanted = [part.strip().lower() for part in text.split(",") if part.strip()]
    if wanted == ["all"]:
        return list(FORMATS)
    for name in wanted:
        if name not in FORMATS:
            raise InspectError("export.bad_format", format=name, known=",".join(FORMATS))
    return list(dict.fromkeys(wanted)) or list(FORMATS)


def export_files(
    data: ExportData,
    formats: Sequence[str],
    folder: Path,
    log_folder: Path,
    *,
    lang: Lang = "zh",
    progress: Progress | None = None,
    warn: Warn | None = None,
) -> list[Path]:
    """Write each format into a new folder `<campaign>-<date>-<time>-<code4>-<lang>` inside
    `folder`, each file named `<that name>-<kind>` (a file mailed alone still says what it is),
    all or none (see the module's notes); the files, in the order of `formats`. A failure is
    `InspectError` naming the path and the reason; `warn` hears of a damaged log kept aside."""
    if not data.rows:
        raise InspectError("export.empty", folder=log_folder)
    try:
        taken = folder.exists() and not folder.is_dir()
    except OSError as error:  # a name too long for the file system, a folder we may not read
        raise InspectError("export.failed", path=folder, reason=os_reason(error)) from None
    if taken:
        raise InspectError("export.not_folder", folder=folder)
    with _ONE_AT_A_TIME:
        return _Step(data, list(formats), folder, log_folder, lang).run(progress, warn)


class _Step:
    """One export, from the log's recovery to the entry marked done; `where` is what it is
    writing at each moment, the path a failure names."""

    def __init__(
        self, data: ExportData, formats: list[str], folder: Path, log_folder: Path, lang: Lang
    ) -> None:
        self.data, self.formats, self.folder, self.log_folder = data, formats, folder, log_folder
        self.lang = lang
        self.where = log_folder / LOG_NAME

    def run(self, progress: Progress | None, warn: Warn | None) -> list[Path]:
        entries = self._recovered(warn)
        _sweep(self.folder)
        try:
            self._create(self.folder)
        except OSError as exc:
            raise self._failed(exc) from None
        name = self._free_name()
        final = self.folder / name
        staging = self.folder / f".{name}.{os.getpid()}-{secrets.token_hex(4)}.staging"
        names = [f"{name}-{FORMATS[kind][1]}" for kind in self.formats]
        data = self.data
        entry = log_entry(data.seal, data.made_at, final, names, data.rows, staging=staging)
        journaled = published = False
        try:
            self.where = self.log_folder / LOG_NAME
            write_log(self.log_folder, [*entries, entry])
            journaled = True
            self.where = final
            os.mkdir(staging, FOLDER_MODE)
            for kind, file in zip(self.formats, names, strict=True):
                if progress:
                    progress(kind)
                self.where = final / file  # the workbook's writer also uses the temp folder
                writer, _ = FORMATS[kind]
                _write_new(staging / file, writer(self.data, self.lang))
            self.where = final
            fsync_folder(staging)
            os.rename(staging, final)
            published = True
            fsync_folder(self.folder)
        except BaseException as exc:
            self._take_back(staging, final, published, entries if journaled else None)
            if isinstance(exc, OSError):
                raise self._failed(exc) from None
            raise
        # Made. Marking the entry done is housekeeping: if it fails (or lands only half, its
        # rename without the folder's fsync), the pending entry still counts, its folder being
        # there, and the next export marks it. Undoing a published set here could leave a
        # "done" entry naming a folder taken back.
        with suppress(OSError):
            write_log(self.log_folder, with_done(entries, entry))
        return [final / file for file in names]

    def _failed(self, error: OSError) -> InspectError:
        return InspectError("export.failed", path=self.where, reason=os_reason(error))

    def _recovered(self, warn: Warn | None) -> list[dict[str, Any]]:
        """The log's entries with what a killed export left resolved: a pending entry whose
        folder is there is done, one whose folder is not was never made (its staging folder
        goes). A damaged log is kept aside, as it is, and a new one started."""
        try:
            entries = load_log(self.log_folder)
        except LogDamaged as damaged:
            try:
                aside = set_aside(self.log_folder, datetime.now())
            except OSError as exc:
                raise InspectError(
                    "export.failed", path=damaged.path, reason=os_reason(exc)
                ) from None
            if warn:
                warn(
                    Msg("export.log_damaged", path=damaged.path, reason=damaged.reason, aside=aside)
                )
            entries = []
        kept = []
        for entry in entries:
            if entry.get("state") != PENDING:
                kept.append(entry)
            elif os.path.isdir(str(entry.get("folder", ""))):
                kept = with_done(kept, entry)
            elif isinstance(staging := entry.get("staging"), str) and _dead(entry.get("pid")):
                shutil.rmtree(staging, ignore_errors=True)
        _sweep(self.log_folder)
        return kept

    def _create(self, folder: Path) -> None:
        """`folder` and any missing parents, each made durable in its own parent."""
        missing = []
        while not folder.exists():
            missing.append(folder)
            folder = folder.parent
        for new in reversed(missing):
            self.where = new
            try:
                os.mkdir(new)
            except FileExistsError:  # made meanwhile by someone else: as good
                continue
            fsync_folder(new.parent)

    def _free_name(self) -> str:
        """The export's folder name; the same ranking exported again in the same minute (other
        formats, say) gets `-2`, `-3` rather than touching the first."""
        data = self.data
        stem = (
            f"{data.campaign.id}-{data.made:%Y%m%d-%H%M}-{data.seal.digest[:4].lower()}-{self.lang}"
        )
        name, number = stem, 1
        while os.path.lexists(self.folder / name):
            number += 1
            name = f"{stem}-{number}"
        return name

    def _take_back(
        self, staging: Path, final: Path, published: bool, entries: list[dict[str, Any]] | None
    ) -> None:
        """Undo the step as far as it got. Each part is best effort: whatever stays behind is a
        hidden staging folder or a pending entry without its folder, which count as never made
        and go at the next export."""
        if published:
            try:
                os.rename(final, staging)
            except OSError:
                shutil.rmtree(final, ignore_errors=True)
        shutil.rmtree(staging, ignore_errors=True)
        if entries is not None:
            with suppress(OSError):
                write_log(self.log_folder, entries)


def _write_new(path: Path, content: bytes) -> None:
    """A new file in the staging folder, on disk before the folder is published."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    fd = os.open(path, flags, SHARED)
    try:
        view = memoryview(content)
        while view:
            view = view[os.write(fd, view) :]
        os.fsync(fd)
    finally:
        os.close(fd)


def _sweep(folder: Path) -> None:
    """Remove what killed exports left in `folder`: staging folders and temp files whose
    process no longer runs (a live process's are left alone). Best effort: a leftover that
    cannot go now is hidden and goes another time."""
    try:
        found = list(os.scandir(folder))
    except OSError:
        return
    for entry in found:
        staging = _STAGING.fullmatch(entry.name)
        temp = _EXPORT_TEMP.fullmatch(entry.name) or _LOG_TEMP.fullmatch(entry.name)
        if staging and _dead(int(staging[1])):
            shutil.rmtree(entry.path, ignore_errors=True)
        elif temp and _dead(int(temp[1])):
            with suppress(OSError):
                os.unlink(entry.path)


def _dead(pid: object) -> bool:
    """Whether the process that made a leftover is gone. This process's own count as gone:
    exports here run one at a time, so none of them is in flight."""
    if not isinstance(pid, int) or pid <= 0:
        return False
    if pid == os.getpid():
        return True
    if os.name == "nt":
        return not _windows_alive(pid)
    try:
        os.kill(pid, 0)  # signal 0: only asks whether the process exists
    except ProcessLookupError:
        return True
    except PermissionError:  # another user's: alive
        return False
    return False


def _windows_alive(pid: int) -> bool:
    """os.kill on Windows terminates the process whatever the signal, so ask the kernel."""
    import ctypes

    kernel = ctypes.windll.kernel32  # type: ignore[attr-defined]
    query, still_active, denied = 0x1000, 259, 5  # PROCESS_QUERY_LIMITED_INFORMATION ...
    handle = kernel.OpenProcess(query, False, pid)
    if not handle:
        return ctypes.GetLastError() == denied  # type: ignore[attr-defined]
    try:
        code = ctypes.c_ulong()
        return bool(kernel.GetExitCodeProcess(handle, ctypes.byref(code))) and (
            code.value == still_active
        )
    finally:
        kernel.CloseHandle(handle)

"""Writing the exports: each chosen format into the output folder, whole or not at all, then
logged for `verify`. The writers only return bytes; this module owns the files."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from inspect_tui.core.atomic import atomic_write
from inspect_tui.core.errors import InspectError, os_reason
from inspect_tui.core.i18n import Lang
from inspect_tui.core.verification import log_export
from inspect_tui.reports.circular import docx_bytes
from inspect_tui.reports.csv_file import csv_bytes
from inspect_tui.reports.dataset import ExportData
from inspect_tui.reports.html import html_bytes
from inspect_tui.reports.xlsx import xlsx_bytes

Writer = Callable[[ExportData, Lang], bytes]
FORMATS: dict[str, tuple[Writer, str]] = {
    "xlsx": (xlsx_bytes, "ranking.xlsx"),
    "csv": (csv_bytes, "ranking.csv"),
    "html": (html_bytes, "report.html"),
    "docx": (docx_bytes, "circular.docx"),
}
Progress = Callable[[str], None]  # called with each format as it starts
SHARED = 0o644  # colleagues on the office PC open these, unlike the data files


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
) -> list[Path]:
    """Write each format as `<campaign>-<time>-<code>-<lang>-<name>` into `folder`, all or none: a
    file that cannot be written (a full disk, a read-only folder) raises `InspectError` naming
    it, and the files this call already wrote are taken back."""
    if not data.rows:
        raise InspectError("export.empty", folder=log_folder)
    # the code's first four characters and the language tell apart exports made in one minute
    stamp = f"{data.made:%Y%m%d-%H%M}-{data.seal.digest[:4].lower()}-{lang}"
    if folder.exists() and not folder.is_dir():
        raise InspectError("export.not_folder", folder=folder)
    written: list[Path] = []
    for name in formats:
        writer, suffix = FORMATS[name]
        if progress:
            progress(name)
        path = folder / f"{data.campaign.id}-{stamp}-{suffix}"
        try:
            folder.mkdir(parents=True, exist_ok=True)
            atomic_write(path, writer(data, lang), SHARED)
        except OSError as exc:
            for done in written:
                done.unlink(missing_ok=True)
            raise InspectError("export.failed", path=path, reason=os_reason(exc)) from None
        written.append(path)
    log_export(log_folder, data.seal, data.made_at, written, data.rows)
    return written

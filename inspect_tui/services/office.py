"""The office's desk: export the ranking and the circular, verify a printed result. Both read
the county file and write or read documents: the app runs them in a worker."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from inspect_tui.reports.dataset import gather
from inspect_tui.reports.export import FORMATS, export_files
from inspect_tui.reports.verify import Verdict, verify
from inspect_tui.words.errors import InspectError, os_reason
from inspect_tui.words.i18n import Lang

if TYPE_CHECKING:
    from inspect_tui.services.session import Session

__all__ = ["FORMATS", "Exported", "OfficeDesk", "Verdict"]


@dataclass(frozen=True)
class Exported:
    files: list[Path]
    folder: Path  # the export's own folder
    code: str  # the verification code printed on every file
    warning: Callable[[Lang], str | None]  # the county file's and the coverage's, either language


class OfficeDesk:
    def __init__(self, session: Session) -> None:
        self.session = session
        self.campaign = session.campaign

    def export(
        self,
        formats: Sequence[str],
        folder: Path,
        *,
        calibrated: bool,
        drafts: bool,
        lang: Lang,
        progress: Callable[[str], None] | None = None,
    ) -> Exported:
        """Gather once, then write each format, all or none; `progress` hears "" once the data
        are gathered and each format's name as it is written. `InspectError` in one line."""
        step = progress or (lambda _name: None)
        try:
            data = gather(
                self.campaign,
                self.session.folder,
                calibrated=calibrated,
                include_drafts=drafts,
                clock=self.session.clock,
            )
            step("")
            files = export_files(
                data, list(formats), folder, self.session.folder, lang=lang, progress=step
            )
        except OSError as error:  # a folder the system cannot even look at (a name too long)
            raise InspectError("export.failed", path=folder, reason=os_reason(error)) from error
        made = files[0].parent if files else folder
        return Exported(files, made, data.seal.code, data.warning)

    def verify(self, what: str) -> Verdict:
        """A printed code, a scanned payload or an export file, against the county file."""
        return verify(self.campaign, self.session.folder, what)

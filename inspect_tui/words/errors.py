"""Errors a user may see: each renders as one line in either language.

Nothing here ever reaches a user as a traceback: the CLI and the TUI catch `InspectError`
and print `error.line(lang)`.
"""

from __future__ import annotations

import errno
from dataclasses import dataclass, field
from pathlib import Path

from inspect_tui.words.i18n import Lang, Msg, t


class InspectError(Exception):
    """A problem with the user's input or environment, described by a message key."""

    def __init__(self, key: str, /, **params: object) -> None:
        self.key = key
        self.params = params
        super().__init__(t(key, "en", **params))

    def line(self, lang: Lang) -> str:
        return t(self.key, lang, **self.params)


_OS_REASONS = {
    errno.ENOSPC: "os.full",
    errno.EROFS: "os.read_only",
    errno.EACCES: "os.denied",
    errno.EPERM: "os.denied",
    errno.ENOENT: "os.missing",
    errno.ENOTDIR: "os.not_folder",
    errno.EEXIST: "os.exists",
    errno.EISDIR: "os.is_folder",
    errno.ENAMETOOLONG: "os.name_too_long",
}


def os_reason(error: OSError) -> Msg | str:
    """Why the system refused, in the user's language where we know the reason (the system's
    own words are English whatever the user reads)."""
    key = _OS_REASONS.get(error.errno or 0)
    return Msg(key) if key else (error.strerror or str(error))


@dataclass(frozen=True)
class Problem:
    """One thing wrong in a checklist file, located as precisely as the file allows."""

    file: Path
    path: str
    key: str
    params: dict[str, object] = field(default_factory=dict)
    lineno: int | None = None

    def line(self, lang: Lang) -> str:
        where = f"{self.file}:{self.lineno}" if self.lineno else str(self.file)
        field_path = f" {self.path}:" if self.path else ""
        return f"{where}:{field_path} {t(self.key, lang, **self.params)}"


class ChecklistError(InspectError):
    """A campaign or outline file that cannot be used; `problems` lists every one found."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        Exception.__init__(self, problems[0].line("en"))
        self.key = problems[0].key
        self.params = problems[0].params

    def line(self, lang: Lang) -> str:
        extra = len(self.problems) - 1
        more = t("checklist.more_problems", lang, count=extra) if extra else ""
        return self.problems[0].line(lang) + more


class StoreError(InspectError):
    """The data folder or one of its files cannot be used as asked."""


class StoreLocked(StoreError):
    """Another inspect-tui already writes to this data folder."""


class VisitLocked(StoreError):
    """A finalized visit was asked to change without reopening it."""


class AnswerError(InspectError):
    """An answer that does not fit its item (a 7 on a 0..4 scale)."""

"""Verification codes for exported rankings: a printed result can be checked against the
county store long after it was printed.

Every export carries a payload `ITX1:<CAMPAIGN>:<OPTIONS>:<DIGEST>` (upper case, so a QR code
holds it in alphanumeric mode) and a short code, the digest in groups of four
(`3F9A-2C1B-7D4E-90AB`) that a person can type. OPTIONS says how the ranking was made: `N`
plain, or any of `C` (calibration applied) and `D` (drafts included). The digest is sha256
over the canonical merged results: campaign, checklist hash, options, and for every group its
rank, total, section scores, deductions, tier, veto, flags and the teams that counted.

Each export is also logged (`exports-log.json` in the data folder) with its groups' figures,
so `verify` can say which groups differ from what was printed, not only that something does.
The log is the export's journal: an entry is written as pending, naming the export's folder,
before that folder is published, and marked done after; a pending entry counts as made exactly
when its folder exists, so a kill at any point leaves a log that names no export that is not
there (see `reports/export.py`).
"""

from __future__ import annotations

import hashlib
import os
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

import orjson

from inspect_tui.domain.model import Campaign
from inspect_tui.domain.ranking import RankedGroup
from inspect_tui.storage.atomic import atomic_write, canonical, fsync_folder
from inspect_tui.storage.files import FileRefused, read_regular
from inspect_tui.words.errors import InspectError, os_reason
from inspect_tui.words.i18n import Msg

PREFIX = "ITX1"
DIGEST_CHARS = 16  # 64 bits: a printed code nobody can forge by trying
LOG_NAME = "exports-log.json"
PENDING, DONE = "pending", "done"  # an entry's state: written before its folder is published
_JOURNAL_ONLY = ("staging", "pid")  # what only a pending entry needs
_PAYLOAD = re.compile(r"ITX1:([A-Z0-9-]+):([NCD]{1,2}):([0-9A-F]{16})")
_CODE = re.compile(r"^[0-9A-F]{4}(-?[0-9A-F]{4}){3}$")


@dataclass(frozen=True)
class Seal:
    """What an export prints so that a reader can check it."""

    campaign_id: str
    options: str
    digest: str

    @property
    def payload(self) -> str:
        return f"{PREFIX}:{self.campaign_id}:{self.options}:{self.digest}".upper()

    @property
    def code(self) -> str:
        return "-".join(self.digest[n : n + 4] for n in range(0, DIGEST_CHARS, 4)).upper()


def options_of(*, calibrated: bool, include_drafts: bool) -> str:
    return ("C" if calibrated else "") + ("D" if include_drafts else "") or "N"


def group_figures(row: RankedGroup) -> dict[str, Any]:
    """One group's published figures, as the digest and the export log hold them."""
    return {
        "rank": row.rank,
        "total": f"{row.total:.2f}",
        "sections": {k: f"{v:.2f}" for k, v in sorted(row.sections.items())},
        "deductions": f"{row.deductions:.2f}",
        "tier": row.tier.id,
        "vetoed": row.vetoed,
        "flags": sorted(row.flags),
        "teams": sorted(r.team for r in row.teams),
    }


def seal(campaign: Campaign, rows: Sequence[RankedGroup], options: str) -> Seal:
    body = {
        "campaign": campaign.id,
        "checklist": campaign.checklist_hash,
        "options": options,
        "groups": {row.group.id: group_figures(row) for row in rows},
    }
    digest = hashlib.sha256(canonical(body)).hexdigest()
    return Seal(campaign.id.upper(), options, digest[:DIGEST_CHARS].upper())


@dataclass(frozen=True)
class Claim:
    """What a reader brings to `verify`: a whole payload, or only the typed code."""

    digest: str
    campaign_id: str | None = None
    options: str | None = None


def parse_claim(text: str) -> Claim | None:
    """The payload found anywhere in `text` (a file's content, a scanned QR), or a typed code
    (dashes optional); None when it holds neither."""
    found = _PAYLOAD.search(text.upper())
    if found:
        return Claim(found[3], found[1], found[2])
    typed = text.strip().upper()
    if _CODE.match(typed):
        return Claim(typed.replace("-", ""))
    return None


class LogUnreadable(InspectError):
    """`exports-log.json` cannot be read now (permissions, an I/O error); `reason` says why.
    The export stops there rather than start a new log over one it could not read."""

    def __init__(self, path: Path, reason: Msg | str) -> None:
        super().__init__("export.log_unreadable", path=path, reason=reason)
        self.path = path
        self.reason = reason


class LogDamaged(LogUnreadable):
    """`exports-log.json` was read but is not a log (torn, edited by hand, not a file). It is
    never silently replaced: the next export keeps it aside (`set_aside`) and says so."""


def load_log(folder: Path) -> list[dict[str, Any]]:
    """Every entry of the log as written, pending ones included; [] when there is no log yet.
    Raises `LogDamaged` for a log that is not a list of exports (a torn or hand-edited file, a
    FIFO, something huge) and `LogUnreadable` when reading it fails."""
    path = folder / LOG_NAME
    try:
        raw = read_regular(path)
    except FileNotFoundError:
        return []
    except FileRefused as refused:
        raise LogDamaged(path, refused.reason) from None
    except OSError as exc:
        raise LogUnreadable(path, os_reason(exc)) from None
    try:
        entries = orjson.loads(raw)
    except orjson.JSONDecodeError:
        raise LogDamaged(path, Msg("log.not_json")) from None
    if not isinstance(entries, list) or not all(
        isinstance(e, dict) and isinstance(e.get("digest"), str) for e in entries
    ):
        raise LogDamaged(path, Msg("log.not_list"))
    return entries


def counts(entry: dict[str, Any]) -> bool:
    """Whether a logged export was made: done, or pending with its folder in place (the export
    was killed between publishing its folder and marking the entry done)."""
    if entry.get("state", DONE) != PENDING:
        return True
    folder = entry.get("folder")
    return isinstance(folder, str) and os.path.isdir(folder)


def read_log(folder: Path) -> list[dict[str, Any]]:
    """The exports made (see `counts`); raises `LogUnreadable` (or `LogDamaged`)."""
    return [entry for entry in load_log(folder) if counts(entry)]


def log_entry(
    made: Seal,
    made_at: str,
    folder: Path,
    files: Sequence[str],
    rows: Sequence[RankedGroup],
    *,
    staging: Path,
) -> dict[str, Any]:
    """What an export printed, as the log keeps it: pending, with the staging folder it is
    written in and this process's id (what the next export may remove if this one dies),
    until its folder is published."""
    return {
        "digest": made.digest,
        "campaign": made.campaign_id,
        "options": made.options,
        "made_at": made_at,
        "folder": os.path.abspath(folder),
        "files": list(files),
        "groups": {row.group.id: group_figures(row) for row in rows},
        "state": PENDING,
        "staging": os.path.abspath(staging),
        "pid": os.getpid(),
    }


def with_done(entries: Sequence[dict[str, Any]], entry: dict[str, Any]) -> list[dict[str, Any]]:
    """The log once `entry` is published: it replaces older entries of the same code (their
    figures are the same), so the log grows with rankings, not with exports."""
    kept = [e for e in entries if e is not entry and e.get("digest") != entry["digest"]]
    done = {k: v for k, v in entry.items() if k not in _JOURNAL_ONLY}
    return [*kept, {**done, "state": DONE}]


def write_log(folder: Path, entries: Sequence[dict[str, Any]]) -> None:
    """One atomic rewrite of the log."""
    atomic_write(folder / LOG_NAME, orjson.dumps(list(entries), option=orjson.OPT_INDENT_2))


def set_aside(folder: Path, now: datetime) -> Path:
    """Move a damaged log out of the way, as it is, under a name that says when; the caller
    reports where it went."""
    path = folder / LOG_NAME
    stem = f"exports-log.damaged-{now:%Y%m%d-%H%M%S}"
    aside = folder / f"{stem}.json"
    number = 1
    while os.path.lexists(aside):
        number += 1
        aside = folder / f"{stem}-{number}.json"
    os.rename(path, aside)
    fsync_folder(folder)
    return aside


def differences(
    printed: dict[str, dict[str, Any]], rows: Sequence[RankedGroup]
) -> list[tuple[str, dict[str, Any] | None, dict[str, Any] | None]]:
    """(group, its figures as printed, as the store gives them now) for every group that
    differs; None for a group on one side only."""
    now = {row.group.id: group_figures(row) for row in rows}
    return [
        (group, printed.get(group), now.get(group))
        for group in sorted(set(printed) | set(now))
        if printed.get(group) != now.get(group)
    ]

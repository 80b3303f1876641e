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
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import orjson

from inspect_tui.core.atomic import atomic_write, canonical
from inspect_tui.core.model import Campaign
from inspect_tui.core.ranking import RankedGroup

PREFIX = "ITX1"
DIGEST_CHARS = 16  # 64 bits: a printed code nobody can forge by trying
LOG_NAME = "exports-log.json"
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


def log_export(
    folder: Path, made: Seal, made_at: str, files: Sequence[Path], rows: Sequence[RankedGroup]
) -> None:
    """Remember what this export printed (one atomic rewrite of the log)."""
    path = folder / LOG_NAME
    entries = read_log(folder)
    entries = [e for e in entries if e.get("digest") != made.digest]
    entries.append(
        {
            "digest": made.digest,
            "campaign": made.campaign_id,
            "options": made.options,
            "made_at": made_at,
            "files": [p.name for p in files],
            "groups": {row.group.id: group_figures(row) for row in rows},
        }
    )
    atomic_write(path, orjson.dumps(entries, option=orjson.OPT_INDENT_2))


def read_log(folder: Path) -> list[dict[str, Any]]:
    """The logged exports; an unreadable log counts as empty (it only adds detail)."""
    try:
        entries = orjson.loads((folder / LOG_NAME).read_bytes())
    except (OSError, orjson.JSONDecodeError):
        return []
    return [e for e in entries if isinstance(e, dict)] if isinstance(entries, list) else []


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

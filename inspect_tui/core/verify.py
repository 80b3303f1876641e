"""`verify`: does a printed ranking, or a visit receipt, match the county store?

Two things can be checked, told apart by their payload:
- an export (`ITX1:...`, or only its typed code): the ranking is made again from the county
  store with the options the export used, sealed, and the digests compared; on a mismatch the
  export log names each group whose figures changed since it was printed;
- a receipt (`ITR1:...` from the walkthrough's QR code): the team's visit of that revision is
  looked up among the merged records and its digest, total and tier compared.

Files are searched for a payload as text, or inside their zip members (xlsx, docx).
"""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass
from pathlib import Path

from inspect_tui.core.county import CountyStore, Record
from inspect_tui.core.digest import visit_digest
from inspect_tui.core.errors import InspectError
from inspect_tui.core.i18n import Lang, t
from inspect_tui.core.model import Campaign
from inspect_tui.core.results import county_ranking
from inspect_tui.core.scoring import score_visit
from inspect_tui.core.store import Visit
from inspect_tui.core.verification import (
    Claim,
    differences,
    options_of,
    parse_claim,
    read_log,
    seal,
)

_RECEIPT = re.compile(
    r"ITR1:([A-Z0-9-]+):([A-Z0-9-]+):([A-Z0-9-]+):R(\d+):([\d.]+):([A-Z0-9-]+):([0-9A-F]+)"
)
_OPTIONS = ("N", "C", "D", "CD")


@dataclass(frozen=True)
class Verdict:
    match: bool
    lines: list[str]


def read_claim_text(what: str) -> str:
    """The text to search: the file's (zip members included) when `what` names a file, else
    `what` itself (a typed code or a scanned payload)."""
    path = Path(what)
    try:
        if not path.is_file():
            return what
        if zipfile.is_zipfile(path):
            with zipfile.ZipFile(path) as archive:
                return "\n".join(
                    archive.read(name).decode("utf-8", "replace")
                    for name in archive.namelist()
                    if name.endswith((".xml", ".rels"))
                )
        return path.read_bytes().decode("utf-8", "replace")
    except (OSError, zipfile.BadZipFile) as exc:
        raise InspectError(
            "file.unreadable", reason=getattr(exc, "strerror", None) or exc
        ) from None


def verify(campaign: Campaign, folder: Path, what: str, lang: Lang) -> Verdict:
    """Check `what` (a file, a code or a payload) against the county store in `folder` (inside
    an open `LocalStore`); `InspectError` when it holds nothing to check."""
    text = read_claim_text(what)
    receipt = _RECEIPT.search(text.upper())
    if receipt:
        return _verify_receipt(campaign, folder, receipt, lang)
    claim = parse_claim(text)
    if claim is None:
        raise InspectError("verify.unreadable", what=what)
    return _verify_export(campaign, folder, claim, lang)


def _verify_export(campaign: Campaign, folder: Path, claim: Claim, lang: Lang) -> Verdict:
    if claim.campaign_id and claim.campaign_id != campaign.id.upper():
        raise InspectError(
            "verify.other_campaign", found=claim.campaign_id.lower(), campaign=campaign.id
        )
    code = "-".join(claim.digest[n : n + 4] for n in range(0, len(claim.digest), 4))
    tried = [claim.options] if claim.options else list(_OPTIONS)
    now = None
    for options in tried:
        ranking = county_ranking(
            campaign, folder, calibrated="C" in options, include_drafts="D" in options
        )
        made = seal(
            campaign,
            ranking.rows,
            options_of(calibrated=ranking.applied, include_drafts="D" in options),
        )
        now = now or (made, ranking)
        if made.digest == claim.digest:
            line = t(
                "verify.match", lang, groups=len(ranking.rows), code=code, campaign=campaign.id
            )
            return Verdict(True, [line])
    assert now is not None
    made, ranking = now
    lines = [t("verify.mismatch", lang, code=code, now=made.code)]
    logged = next((e for e in read_log(folder) if e.get("digest") == claim.digest), None)
    if logged is None:
        lines.append(t("verify.unknown", lang))
        return Verdict(False, lines)
    options = str(logged.get("options", "N"))
    ranking = county_ranking(
        campaign, folder, calibrated="C" in options, include_drafts="D" in options
    )
    for group, before, after in differences(logged.get("groups", {}), ranking.rows):
        lines.append(t("verify.differs", lang, group=group, before=before, after=after))
    return Verdict(False, lines)


def _verify_receipt(campaign: Campaign, folder: Path, found: re.Match[str], lang: Lang) -> Verdict:
    campaign_id, group_id, team_id, revision, total, tier, digest = found.groups()
    if campaign_id != campaign.id.upper():
        raise InspectError("verify.other_campaign", found=campaign_id.lower(), campaign=campaign.id)
    group = next((g for g in campaign.groups if g.id.upper() == group_id), None)
    team = next((x for x in campaign.teams if x.id.upper() == team_id), None)
    group_name = group.name.get(lang) if group else group_id.lower()
    team_name = team.name.get(lang) if team else team_id.lower()
    params = {"group": group_name, "team": team_name, "revision": int(revision)}
    county = CountyStore(folder, campaign)
    try:
        slots = [
            s for s in county.slots() if group and team and (s.group, s.team) == (group.id, team.id)
        ]
    finally:
        county.close()
    records: list[Record] = [
        r
        for slot in slots
        for r in (*slot.history, *slot.conflict, *((slot.record,) if slot.record else ()))
        if r.revision == int(revision)
    ]
    if not records:
        return Verdict(False, [t("verify.receipt_missing", lang, **params)])
    record = records[0]
    score = score_visit(campaign, record.answers)
    now_digest = visit_digest(Visit.from_doc(record.data), record.answers).upper()
    printed = f"{total} {tier.lower()} {digest[:8]}"
    current = f"{score.total:.2f} {score.tier.id} {now_digest[:8]}"
    if now_digest != digest or f"{score.total:.2f}" != total or score.tier.id.upper() != tier:
        return Verdict(
            False, [t("verify.receipt_changed", lang, printed=printed, now=current, **params)]
        )
    lines = [t("verify.receipt_match", lang, total=total, tier=score.tier.name.get(lang), **params)]
    latest = max((s.record.revision for s in slots if s.record), default=int(revision))
    if latest > int(revision):
        lines.append(t("verify.receipt_superseded", lang, latest=latest))
    return Verdict(True, lines)

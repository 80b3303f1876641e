"""`verify`: does a printed ranking, or a visit receipt, match the county store?

Three things can be checked:
- an export file: its code (from its text, or inside its zip members for xlsx and docx) must be
  the code of the ranking the county store gives now, and the figures the file shows (each
  group's rank and total) must be that ranking's: a file whose code is intact but whose numbers
  were edited is a mismatch naming the groups;
- a code typed from paper (`25B4-B3F9-16A8-CA18`; spaces, full-width characters and any dash
  are fine) or a scanned payload (`ITX1:...`): the ranking is made again with the export's
  options and sealed; on a mismatch the export log names each group whose figures changed
  since it was printed;
- a receipt (`ITR1:...` from the walkthrough's QR code): the team's visit of that revision is
  looked up among the merged records and its digest, total and tier compared.
"""

from __future__ import annotations

import re
import unicodedata
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from inspect_tui.core.county import CountyStore, Record
from inspect_tui.core.digest import visit_digest
from inspect_tui.core.errors import InspectError, os_reason
from inspect_tui.core.i18n import Lang, t
from inspect_tui.core.model import Campaign
from inspect_tui.core.results import CountyRanking, county_ranking
from inspect_tui.core.scoring import score_visit
from inspect_tui.core.store import Visit
from inspect_tui.core.verification import (
    Claim,
    Seal,
    differences,
    options_of,
    parse_claim,
    read_log,
    seal,
)
from inspect_tui.reports.readback import Figures, figures_in

_RECEIPT = re.compile(
    r"ITR1:([A-Z0-9-]+):([A-Z0-9-]+):([A-Z0-9-]+):R(\d+):([\d.]+):([A-Z0-9-]+):([0-9A-F]+)"
)
_OPTIONS = ("N", "C", "D", "CD")
_DASHES = re.compile(r"[\s\-‐‑‒–—―－]+")
_OUR_FILES = (".xlsx", ".csv", ".html", ".docx", ".txt", ".svg")


@dataclass(frozen=True)
class Verdict:
    match: bool
    lines: list[str]


def read_claim_text(what: str) -> tuple[str, Path | None]:
    """The text to search and the file it came from: the file's text (zip members included)
    when `what` names a file, else `what` itself, typed or scanned."""
    path = Path(what)
    looks_like_file = what.endswith(_OUR_FILES) or "/" in what or "\\" in what
    try:
        if not path.is_file():
            if looks_like_file:
                raise InspectError("verify.no_file", what=what)
            return _typed(what), None
        if zipfile.is_zipfile(path):
            with zipfile.ZipFile(path) as archive:
                text = "\n".join(
                    archive.read(name).decode("utf-8", "replace")
                    for name in archive.namelist()
                    if name.endswith((".xml", ".rels"))
                )
            return text, path
        return path.read_bytes().decode("utf-8", "replace"), path
    except zipfile.BadZipFile:
        raise InspectError("verify.damaged", what=what) from None
    except OSError as exc:
        raise InspectError("verify.unreadable_file", what=what, reason=os_reason(exc)) from None


def _typed(text: str) -> str:
    """A code as people type it: full-width characters made plain, any dash or space one '-'."""
    return _DASHES.sub("-", unicodedata.normalize("NFKC", text).strip())


def verify(campaign: Campaign, folder: Path, what: str, lang: Lang) -> Verdict:
    """Check `what` (a file, a code or a payload) against the county store in `folder` (inside
    an open `LocalStore`); `InspectError` when it holds nothing to check."""
    if not what.strip():
        raise InspectError("verify.empty")
    text, path = read_claim_text(what)
    receipt = _RECEIPT.search(text.upper())
    if receipt:
        return _verify_receipt(campaign, folder, receipt, lang)
    claim = parse_claim(text)
    if claim is None:
        raise InspectError("verify.unreadable", what=what)
    shown = figures_in(path, campaign) if path else None
    return _verify_export(campaign, folder, claim, shown, lang)


def _verify_export(
    campaign: Campaign, folder: Path, claim: Claim, shown: Figures | None, lang: Lang
) -> Verdict:
    if claim.campaign_id and claim.campaign_id != campaign.id.upper():
        found = claim.campaign_id.lower()
        raise InspectError("verify.other_campaign", found=found, campaign=campaign.id)
    code = "-".join(claim.digest[n : n + 4] for n in range(0, len(claim.digest), 4))
    tried = [claim.options] if claim.options else list(_OPTIONS)
    first: tuple[Seal, CountyRanking] | None = None
    for options in tried:
        ranking = _ranking(campaign, folder, options)
        drafts = "D" in options
        made = seal(
            campaign, ranking.rows, options_of(calibrated=ranking.applied, include_drafts=drafts)
        )
        first = first or (made, ranking)
        if made.digest == claim.digest:
            verdict = _matched(campaign, ranking, code, shown, lang)
            return _warned(verdict, ranking, lang)
    assert first is not None
    now, _ = first
    logged = next((e for e in read_log(folder) if e.get("digest") == claim.digest), None)
    if logged is None:
        key = "verify.no_such_code" if claim.campaign_id is None else "verify.mismatch"
        lines = [t(key, lang, code=code, now=now.code)]
        if claim.campaign_id is not None:
            lines.append(t("verify.unknown", lang))
        return Verdict(False, lines)
    lines = [t("verify.mismatch", lang, code=code, now=now.code)]
    ranking = _ranking(campaign, folder, str(logged.get("options", "N")))
    if warning := ranking.warning(lang):
        lines.append(warning)
    for group, before, after in differences(logged.get("groups", {}), ranking.rows):
        printed, current = _brief(campaign, before, lang), _brief(campaign, after, lang)
        lines.append(
            t(
                "verify.differs",
                lang,
                group=_name(campaign, group, lang),
                before=printed,
                after=current,
            )
        )
    return Verdict(False, lines)


def _matched(
    campaign: Campaign, ranking: CountyRanking, code: str, shown: Figures | None, lang: Lang
) -> Verdict:
    """The code is the store's; the file's own figures must be the ranking's too."""
    expected = {row.group.id: (row.rank, f"{row.total:.2f}") for row in ranking.rows}
    if shown is not None and shown != expected:
        lines = [t("verify.file_changed", lang, code=code)]
        for group in sorted(set(shown) | set(expected)):
            if shown.get(group) != expected.get(group):
                file_side, store_side = shown.get(group), expected.get(group)
                lines.append(
                    t(
                        "verify.file_differs",
                        lang,
                        group=_name(campaign, group, lang),
                        shown=f"#{file_side[0]} {file_side[1]}" if file_side else "-",
                        ranked=f"#{store_side[0]} {store_side[1]}" if store_side else "-",
                    )
                )
        return Verdict(False, lines)
    line = t("verify.match", lang, groups=len(ranking.rows), code=code, campaign=campaign.id)
    return Verdict(True, [line])


def _warned(verdict: Verdict, ranking: CountyRanking, lang: Lang) -> Verdict:
    warning = ranking.warning(lang)
    return Verdict(verdict.match, [*verdict.lines, warning]) if warning else verdict


def _ranking(campaign: Campaign, folder: Path, options: str) -> CountyRanking:
    return county_ranking(
        campaign, folder, calibrated="C" in options, include_drafts="D" in options
    )


def _name(campaign: Campaign, group_id: str, lang: Lang) -> str:
    try:
        return f"{campaign.group(group_id).name.get(lang)}（{group_id}）"
    except KeyError:
        return group_id


def _brief(campaign: Campaign, figures: dict[str, Any] | None, lang: Lang) -> str:
    if figures is None:
        return "-"
    tier = next(
        (x.name.get(lang) for x in campaign.tiers if x.id == figures["tier"]), figures["tier"]
    )
    return f"#{figures['rank']} {figures['total']} {tier}"


def _verify_receipt(campaign: Campaign, folder: Path, found: re.Match[str], lang: Lang) -> Verdict:
    campaign_id, group_id, team_id, revision, total, tier_id, digest = found.groups()
    if campaign_id != campaign.id.upper():
        found_id = campaign_id.lower()
        raise InspectError("verify.other_campaign", found=found_id, campaign=campaign.id)
    group = next((g for g in campaign.groups if g.id.upper() == group_id), None)
    team = next((x for x in campaign.teams if x.id.upper() == team_id), None)
    if group is None or team is None:
        raise InspectError("verify.receipt_unknown", group=group_id.lower(), team=team_id.lower())
    params = {"group": group.name.get(lang), "team": team.name.get(lang), "revision": int(revision)}
    county = CountyStore(folder, campaign)
    try:
        slots = [s for s in county.slots() if (s.group, s.team) == (group.id, team.id)]
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
    tiers = {x.id.upper(): x.name.get(lang) for x in campaign.tiers}
    printed = f"{total} {tiers.get(tier_id, tier_id.lower())} {digest[:8]}"
    current = f"{score.total:.2f} {score.tier.name.get(lang)} {now_digest[:8]}"
    if now_digest != digest or f"{score.total:.2f}" != total or score.tier.id.upper() != tier_id:
        line = t("verify.receipt_changed", lang, printed=printed, now=current, **params)
        return Verdict(False, [line])
    tier = score.tier.name.get(lang)
    lines = [t("verify.receipt_match", lang, total=total, tier=tier, **params)]
    latest = max((s.record.revision for s in slots if s.record), default=int(revision))
    if latest > int(revision):
        lines.append(t("verify.receipt_superseded", lang, latest=latest))
    return Verdict(True, lines)

"""`verify`: does a printed ranking, or a visit receipt, match the county store?

Three things can be checked:
- an export file: its code (read from its printed 验证码 / "Verification code" line, as a
  reader reads it; else from the `ITX1:` payload in its text) must be the code of the ranking
  the county store gives now, and what the file shows must be that ranking: each row's rank,
  total and tier, and in the circular the body's tier lists and counts. A file whose code is
  intact but whose figures were edited is a mismatch naming the groups; a table that cannot be
  read (a column gone, a header changed) is one line, "cannot read this table" (exit 2), never
  a list of altered scores;
- a code typed from paper (`25B4-B3F9-16A8-CA18`; spaces, full-width characters and any dash
  are fine) or a scanned payload (`ITX1:...`): the ranking is made again with the export's
  options and sealed; on a mismatch the export log names each group whose figures changed
  since it was printed;
- a receipt (`ITR1:...` from the walkthrough's QR code): the team's visit of that revision is
  looked up among the merged records and its digest, total and tier compared.
"""

from __future__ import annotations

import io
import re
import unicodedata
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from inspect_tui.domain.digest import visit_digest
from inspect_tui.domain.model import Campaign
from inspect_tui.domain.ranking import RankedGroup
from inspect_tui.domain.scoring import score_visit
from inspect_tui.reports.readback import Shown, Unreadable, printed_code, shown_in
from inspect_tui.reports.receipt import PAYLOAD_PATTERN
from inspect_tui.services.results import CountyRanking, CountyView, rank_county, read_county
from inspect_tui.storage.county_records import Record
from inspect_tui.storage.files import MAX_BYTES, FileRefused, read_regular
from inspect_tui.storage.store import Visit
from inspect_tui.storage.verification import (
    Claim,
    LogUnreadable,
    Seal,
    differences,
    options_of,
    parse_claim,
    read_log,
    seal,
)
from inspect_tui.words.errors import InspectError, os_reason
from inspect_tui.words.i18n import Lang, Msg, Text

_OPTIONS = ("N", "C", "D", "CD")
_DASHES = re.compile(r"[\s\-‐‑‒–—―－]+")
_BRACKETED = re.compile(r"\s*[（(][^（）()]*[）)]\s*$")
_OUR_FILES = (".xlsx", ".csv", ".html", ".docx", ".txt", ".svg")


@dataclass(frozen=True)
class Verdict:
    """Match or not, and why, in words not yet put into a language: the app shows it in
    either language without checking again."""

    match: bool
    lines: list[Msg]

    def render(self, lang: Lang) -> list[str]:
        return [line.render(lang) for line in self.lines]


@dataclass(frozen=True)
class Brought:
    """What a reader brought to `verify`: the text to search for a code, and the file it came
    from with its bytes (read once: the figures are read from the same bytes), if it was one."""

    text: str
    path: Path | None = None
    raw: bytes = b""


def read_claim_text(what: str) -> Brought:
    """The file's text (zip members included) when `what` names a file, else `what` itself,
    typed or scanned. Only a regular file of a sane size is read (`core.files.read_regular`):
    a FIFO or a device is one line, never a hang or a memory filled."""
    path = Path(what)
    looks_like_file = what.endswith(_OUR_FILES) or "/" in what or "\\" in what
    try:
        raw = read_regular(path)
    except FileRefused as refused:
        raise InspectError("verify.refused", what=what, reason=refused.reason) from None
    except (OSError, ValueError) as exc:  # ValueError: a NUL in typed text is no path at all
        if not looks_like_file:
            return Brought(_typed(what))
        if isinstance(exc, FileNotFoundError | NotADirectoryError | ValueError):
            raise InspectError("verify.no_file", what=what) from None
        raise InspectError("verify.unreadable_file", what=what, reason=os_reason(exc)) from None
    if not zipfile.is_zipfile(io.BytesIO(raw)):
        return Brought(raw.decode("utf-8", "replace"), path, raw)
    try:
        return Brought(_zip_text(what, raw), path, raw)
    except (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError, RuntimeError):
        # cut short, a bad checksum, an unknown compression or a password: not a file of ours
        raise InspectError("verify.damaged", what=what) from None


def _zip_text(what: str, raw: bytes) -> str:
    """The xml members of an xlsx or docx, never more than `MAX_BYTES` unpacked (a small zip
    can unpack to gigabytes)."""
    left = MAX_BYTES
    parts = []
    with zipfile.ZipFile(io.BytesIO(raw)) as archive:
        for info in archive.infolist():
            if not info.filename.endswith((".xml", ".rels")):
                continue
            with archive.open(info) as member:
                chunk = member.read(left + 1)
            left -= len(chunk)
            if left < 0:
                raise InspectError("verify.too_large", what=what, limit=f"{MAX_BYTES >> 20} MiB")
            parts.append(chunk.decode("utf-8", "replace"))
    return "\n".join(parts)


def _typed(text: str) -> str:
    """A code as people type it: full-width characters made plain, any dash or space one '-'."""
    return _DASHES.sub("-", unicodedata.normalize("NFKC", text).strip())


def verify(campaign: Campaign, folder: Path, what: str) -> Verdict:
    """Check `what` (a file, a code or a payload) against the county store in `folder` (inside
    an open `LocalStore`), read once; `InspectError` when it holds nothing to check."""
    if not what.strip():
        raise InspectError("verify.empty")
    brought = read_claim_text(what)
    text, path = brought.text, brought.path
    receipt = PAYLOAD_PATTERN.search(text.upper())
    view = read_county(campaign, folder)
    if receipt:
        return _verify_receipt(campaign, view, receipt)
    claim = _claim(text, printed_code(path, brought.raw))
    if claim is None:
        raise InspectError("verify.unreadable", what=what)
    try:
        shown = shown_in(path, brought.raw, campaign) if path else None
    except Unreadable as error:
        raise InspectError("verify.table_unreadable", what=what, column=error.reason) from None
    return _warned(_verify_export(campaign, folder, view, claim, shown), view)


def _claim(text: str, printed: str | None) -> Claim | None:
    """The code the reader reads (the printed line), with the campaign and options of the file's
    payload when that payload carries the same code; else the payload or the typed code."""
    found = parse_claim(text)
    if printed is None:
        return found
    if found is not None and found.digest == printed:
        return found
    return Claim(printed)


def _verify_export(
    campaign: Campaign, folder: Path, view: CountyView, claim: Claim, shown: Shown | None
) -> Verdict:
    if claim.campaign_id and claim.campaign_id != campaign.id.upper():
        found = claim.campaign_id.lower()
        raise InspectError("verify.other_campaign", found=found, campaign=campaign.id)
    code = "-".join(claim.digest[n : n + 4] for n in range(0, len(claim.digest), 4))
    tried = [claim.options] if claim.options else list(_OPTIONS)
    rankings = _Rankings(campaign, view)
    first: Seal | None = None
    for options in tried:
        ranking = rankings.get(options)
        drafts = "D" in options
        made = seal(
            campaign, ranking.rows, options_of(calibrated=ranking.applied, include_drafts=drafts)
        )
        first = first or made
        if made.digest == claim.digest:
            return _matched(campaign, ranking, code, shown)
    assert first is not None
    try:
        entries, damaged = read_log(folder), None
    except LogUnreadable as error:  # said, never silently taken for an empty log
        entries, damaged = [], Msg("verify.log_damaged", path=error.path, reason=error.reason)
    logged = next((e for e in entries if e.get("digest") == claim.digest), None)
    if logged is None:
        key = "verify.no_such_code" if claim.campaign_id is None else "verify.mismatch"
        lines = [Msg(key, code=code, now=first.code)]
        if damaged is not None:
            lines.append(damaged)
        elif claim.campaign_id is not None:
            lines.append(Msg("verify.unknown"))
        return Verdict(False, lines)
    lines = [Msg("verify.mismatch", code=code, now=first.code)]
    ranking = rankings.get(str(logged.get("options", "N")))
    for group, before, after in differences(logged.get("groups", {}), ranking.rows):
        printed, current = _brief(campaign, before), _brief(campaign, after)
        lines.append(
            Msg("verify.differs", group=_name(campaign, group), before=printed, after=current)
        )
    return Verdict(False, lines)


def _matched(campaign: Campaign, ranking: CountyRanking, code: str, shown: Shown | None) -> Verdict:
    """The code is the store's; what the file shows must be the ranking too."""
    lines = (
        []
        if shown is None
        else [*_rows_differ(campaign, ranking, shown), *_body_differs(campaign, ranking, shown)]
    )
    if lines:
        return Verdict(False, [Msg("verify.file_changed", code=code), *lines])
    return Verdict(
        True, [Msg("verify.match", groups=len(ranking.rows), code=code, campaign=campaign.id)]
    )


def _tier_of(printed: str, campaign: Campaign) -> str | None:
    """The tier id a printed tier names ("较差（一票否决）", "Poor (veto)"), None if none."""
    bare = _BRACKETED.sub("", printed).strip()
    return next((x.id for x in campaign.tiers if bare in (x.name.zh, x.name.en)), None)


def _rows_differ(campaign: Campaign, ranking: CountyRanking, shown: Shown) -> list[Msg]:
    """A line per group whose rank, total or tier in the file's table is not the ranking's."""
    if shown.figures is None:
        return []
    expected = {row.group.id: row for row in ranking.rows}
    lines = []
    for group in sorted(set(shown.figures) | set(expected), key=str):
        file_side, row = shown.figures.get(group), expected.get(group)
        if file_side and row:
            same = (file_side[0], file_side[1]) == (row.rank, f"{row.total:.2f}")
            if same and _tier_of(file_side[2], campaign) == row.tier.id:
                continue
        lines.append(
            Msg(
                "verify.file_differs",
                group=_name(campaign, group),
                shown=_printed(file_side) if file_side else "-",
                ranked=_ranked(row) if row else "-",
            )
        )
    return lines


def _printed(figures: tuple[int, str, str]) -> str:
    rank, total, tier = figures
    return f"#{rank} {total} {tier}".rstrip()


def _ranked(row: RankedGroup) -> Text:
    head = f"#{row.rank} {row.total:.2f}"
    return Text(f"{head} {row.tier.name.zh}", f"{head} {row.tier.name.en}")


def _body_differs(campaign: Campaign, ranking: CountyRanking, shown: Shown) -> list[Msg]:
    """The circular's body: each group named in a tier's list must be in that tier, and each
    count must be the tier's number of groups."""
    lines: list[Msg] = []
    tier_of = {row.group.id: row.tier for row in ranking.rows}
    for tier_id, listed in shown.lists.items():
        tier = campaign.tier(tier_id)
        assert tier is not None
        for group in listed:
            actual = tier_of.get(group)
            if actual is None or actual.id != tier_id:
                lines.append(
                    Msg(
                        "verify.body_list",
                        group=_name(campaign, group),
                        tier=tier.name,
                        ranked=actual.name if actual else "-",
                    )
                )
    for tier_id, count in shown.counts.items():
        tier = campaign.tier(tier_id)
        assert tier is not None
        real = sum(1 for row in ranking.rows if row.tier.id == tier_id)
        if count != real:
            lines.append(Msg("verify.body_count", tier=tier.name, shown=count, ranked=real))
    return lines


def _warned(verdict: Verdict, view: CountyView) -> Verdict:
    warning = view.warning_msg()
    return Verdict(verdict.match, [*verdict.lines, warning]) if warning else verdict


class _Rankings:
    """The store's rankings by export options, each made once; with no calibration to apply,
    "C" ranks as "N" does and is not made again."""

    def __init__(self, campaign: Campaign, view: CountyView) -> None:
        self.campaign, self.view = campaign, view
        self.made: dict[str, CountyRanking] = {}

    def get(self, options: str) -> CountyRanking:
        drafts = "D" in options
        plain = "D" if drafts else "N"
        if plain not in self.made:
            self.made[plain] = rank_county(self.campaign, self.view, include_drafts=drafts)
        if "C" in options and self.made[plain].calibration.offsets is not None:
            if options not in self.made:
                self.made[options] = rank_county(
                    self.campaign, self.view, include_drafts=drafts, calibrated=True
                )
            return self.made[options]
        return self.made[plain]


def _name(campaign: Campaign, group_id: str) -> Text | str:
    try:
        name = campaign.group(group_id).name
    except KeyError:
        return group_id
    return Text(f"{name.zh}（{group_id}）", f"{name.en} ({group_id})")


def _brief(campaign: Campaign, figures: dict[str, Any] | None) -> Text | str:
    if figures is None:
        return "-"
    head = f"#{figures['rank']} {figures['total']}"
    tier = campaign.tier(figures["tier"])
    return Text(f"{head} {tier.name.zh}", f"{head} {tier.name.en}") if tier else head


def _verify_receipt(campaign: Campaign, view: CountyView, found: re.Match[str]) -> Verdict:
    campaign_id, group_id, team_id, revision, total, tier_id, digest = found.groups()
    if campaign_id != campaign.id.upper():
        found_id = campaign_id.lower()
        raise InspectError("verify.other_campaign", found=found_id, campaign=campaign.id)
    group = next((g for g in campaign.groups if g.id.upper() == group_id), None)
    team = next((x for x in campaign.teams if x.id.upper() == team_id), None)
    if group is None or team is None:
        raise InspectError("verify.receipt_unknown", group=group_id.lower(), team=team_id.lower())
    params = {"group": group.name, "team": team.name, "revision": int(revision)}
    slots = [s for s in view.slots if (s.group, s.team) == (group.id, team.id)]
    records: list[Record] = [
        r
        for slot in slots
        for r in (*slot.history, *slot.conflict, *((slot.record,) if slot.record else ()))
        if r.revision == int(revision)
    ]
    if not records:
        return Verdict(False, [Msg("verify.receipt_missing", **params)])
    record = records[0]
    score = score_visit(campaign, record.answers)
    now_digest = visit_digest(Visit.from_doc(record.data), record.answers).upper()
    printed_tier = campaign.tier(tier_id.lower())
    printed = _said(f"{total}", printed_tier.name if printed_tier else None, digest[:8])
    current = _said(f"{score.total:.2f}", score.tier.name, now_digest[:8])
    if now_digest != digest or f"{score.total:.2f}" != total or score.tier.id.upper() != tier_id:
        return Verdict(
            False, [Msg("verify.receipt_changed", printed=printed, now=current, **params)]
        )
    lines = [Msg("verify.receipt_match", total=total, tier=score.tier.name, **params)]
    latest = max((s.record.revision for s in slots if s.record), default=int(revision))
    if latest > int(revision):
        lines.append(Msg("verify.receipt_superseded", latest=latest))
    return Verdict(True, lines)


def _said(total: str, tier: Text | None, digest: str) -> Text:
    """ "91.50 较好 277B8838" in either language."""
    return Text(
        f"{total} {tier.zh if tier else '-'} {digest}",
        f"{total} {tier.en if tier else '-'} {digest}",
    )

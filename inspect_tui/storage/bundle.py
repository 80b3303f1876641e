"""Signed team bundles: one JSON file per export, carried by USB stick to the team lead.

Format (version 1), documented in docs of this module and in README.md:
    {
      "format": "inspect-tui/bundle", "version": 1,
      "campaign": id, "checklist_hash": hex, "team": id,
      "created_at": ISO time, "app_version": "0.1.0",
      "device": {"public_key": base64 Ed25519, "fingerprint": "A1B2-C3D4-E5F6"},
      "visits": [{...visit header..., "answers": {item: {"value", "note"}}, "audit": [...]}],
      (an answer with evidence files also has "evidence": [{"sha256", "name", "size"}])
      "digest": sha256 hex of the canonical content,
      "signature": base64 Ed25519 signature of the canonical content
    }
The canonical content is everything but "digest" and "signature", as UTF-8 JSON with sorted keys
and no spaces. The file itself is that JSON with both fields, sorted and indented by two spaces,
and a final newline; a file whose bytes differ from that form is refused, so no byte of a signed
file can change unnoticed, not even a space.

`read_bundle` checks everything before anything is used and raises `BundleError` naming the
file and the one reason.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import orjson

from inspect_tui import __version__
from inspect_tui.domain.evidence import EVIDENCE, evidence_problem
from inspect_tui.domain.model import Campaign
from inspect_tui.domain.scoring import check_answer
from inspect_tui.storage.atomic import canonical, write_file
from inspect_tui.storage.files import MAX_DEPTH, FileRefused, read_regular, too_deep
from inspect_tui.storage.keys import DeviceKey, fingerprint, verify
from inspect_tui.storage.store import AuditEntry, LocalStore, Visit
from inspect_tui.words.errors import AnswerError, InspectError, os_reason
from inspect_tui.words.i18n import Msg

FORMAT = "inspect-tui/bundle"
VERSION = 1
_FILE_OPTIONS = orjson.OPT_SORT_KEYS | orjson.OPT_INDENT_2 | orjson.OPT_APPEND_NEWLINE
_SEALS = ("digest", "signature")


class BundleError(InspectError):
    """A bundle file that cannot be merged; `line()` names the file and the reason."""


@dataclass(frozen=True)
class Bundle:
    path: Path
    campaign: str
    team: str
    created_at: str
    device_key: str
    digest: str
    signed: bool
    visits: tuple[dict[str, Any], ...]

    @property
    def fingerprint(self) -> str:
        return fingerprint(self.device_key) if self.device_key else ""


def make_bundle(
    campaign: Campaign, store: LocalStore, team: str, device: DeviceKey, *, created_at: str
) -> dict[str, Any]:
    """The team's visits of `campaign` as a signed bundle (a dict ready to write). Visits made
    with another version of the checklist are left out; a visit holding an answer its item does
    not take is refused (`BundleError` naming the visit, the item and the value): this laptop
    never signs what the lead would refuse."""
    visits = [
        _visit_record(store, visit)
        for visit in store.visits(campaign.id, team)
        if visit.checklist_hash == campaign.checklist_hash
    ]
    for visit in visits:
        problem = _commendation_problem(campaign, visit)
        if problem is not None:
            group = campaign.group(visit["group"]).name
            raise BundleError(
                "bundle.invalid_commendation", group=group, visit=visit["id"], reason=problem
            )
        _, wrong = store.checked_answers(campaign, visit["id"])
        for item_id in wrong:
            raise BundleError(
                "bundle.invalid_answer",
                group=campaign.group(visit["group"]).name,
                visit=visit["id"],
                item=item_id,
                value=visit["answers"][item_id]["value"],
            )
    content = {
        "format": FORMAT,
        "version": VERSION,
        "campaign": campaign.id,
        "checklist_hash": campaign.checklist_hash,
        "team": team,
        "created_at": created_at,
        "app_version": __version__,
        "device": {"public_key": device.public, "fingerprint": device.fingerprint},
        "visits": visits,
    }
    body = canonical(content)
    return {**content, "digest": hashlib.sha256(body).hexdigest(), "signature": device.sign(body)}


def write_bundle(bundle: dict[str, Any], folder: Path, name: str | None = None) -> Path:
    """Write the bundle into `folder` (whole or not at all); the file name says campaign, team
    and time unless `name` is given."""
    path = bundle_path(bundle, folder, name)
    return write_file(path, orjson.dumps(bundle, option=_FILE_OPTIONS))


def bundle_path(bundle: dict[str, Any], folder: Path, name: str | None = None) -> Path:
    """Where `write_bundle` puts it."""
    stamp = bundle["created_at"].replace(":", "").replace("-", "")[:15]
    return folder / (name or f"{bundle['campaign']}-{bundle['team']}-{stamp}.json")


def read_bundle(
    path: Path,
    campaign: Campaign,
    trusted: dict[str, set[str]],
    *,
    allow_unsigned: bool = False,
) -> Bundle:
    """A verified bundle, or `BundleError`. Checks, in order: readable JSON of bundle shape,
    format version, campaign, checklist hash, exact bytes, digest, signature, trusted key, teams
    and groups known to the campaign."""
    raw = _read(path)
    data = _parse(path, raw)
    content = {k: v for k, v in data.items() if k not in _SEALS}
    if data.get("format") != FORMAT or not isinstance(data.get("visits"), list):
        raise BundleError("bundle.not_bundle", file=path)
    version = data.get("version")
    if type(version) is not int or version < 1:  # `true` is an int to isinstance; 0 never was
        raise BundleError("bundle.not_bundle", file=path)
    if version != VERSION:
        raise BundleError("bundle.version", file=path, found=version)
    if data.get("campaign") != campaign.id:
        found = data.get("campaign")
        raise BundleError("bundle.campaign", file=path, found=found, campaign=campaign.id)
    if data.get("checklist_hash") != campaign.checklist_hash:
        raise BundleError("bundle.checklist", file=path)
    if orjson.dumps(data, option=_FILE_OPTIONS) != raw:
        raise BundleError("bundle.changed", file=path)
    body = canonical(content)
    if data.get("digest") != hashlib.sha256(body).hexdigest():
        raise BundleError("bundle.changed", file=path)
    team = data.get("team")
    device = data.get("device") if isinstance(data.get("device"), dict) else {}
    key = device.get("public_key", "") if isinstance(device.get("public_key"), str) else ""
    signature = data.get("signature")
    signed = isinstance(signature, str) and bool(signature)
    if signed and not verify(key, signature, body):
        raise BundleError("bundle.signature", file=path)
    if not signed and not allow_unsigned:
        raise BundleError("bundle.unsigned", file=path)
    if team not in trusted:
        raise BundleError("bundle.unknown_team", file=path, team=team)
    if signed and key not in trusted[team]:
        raise BundleError("bundle.untrusted", file=path, team=team, fingerprint=fingerprint(key))
    visits = tuple(_checked_visit(path, campaign, team, visit) for visit in data["visits"])
    return Bundle(
        path=path,
        campaign=campaign.id,
        team=team,
        created_at=str(data.get("created_at", "")),
        device_key=key,
        digest=data["digest"],
        signed=signed,
        visits=visits,
    )


def _read(path: Path) -> bytes:
    """The file's bytes: a regular file of at most `files.MAX_BYTES` only. The merge globs
    `*.json` in folders, where a FIFO would hang it and a link to `/dev/zero` fill the memory."""
    try:
        return read_regular(path)
    except FileRefused as refused:
        raise BundleError("bundle.refused", file=path, reason=refused.reason) from None
    except FileNotFoundError:
        raise BundleError("bundle.missing", file=path) from None
    except OSError as exc:
        raise BundleError("bundle.unreadable", file=path, reason=os_reason(exc)) from None


def _parse(path: Path, raw: bytes) -> dict[str, Any]:
    try:
        data = orjson.loads(raw)
    except orjson.JSONDecodeError:
        text = raw.lstrip()
        if text.startswith(b"{") and not raw.rstrip().endswith(b"}"):
            raise BundleError("bundle.truncated", file=path) from None
        raise BundleError("bundle.not_json", file=path) from None
    if too_deep(data):  # before anything walks or re-serializes it (orjson writes 254 levels)
        reason = Msg("file.too_deep", limit=MAX_DEPTH)
        raise BundleError("bundle.refused", file=path, reason=reason)
    if not isinstance(data, dict):
        raise BundleError("bundle.not_bundle", file=path)
    return data


_VISIT_FIELDS = {"id": str, "campaign_id": str, "team": str, "group": str, "status": str}


def visit_problem(campaign: Campaign, visit: object) -> Msg | None:
    """Why a visit record cannot be used (a `Msg` without the file), or None: its shape (the
    shape the laptop's store checks of its own files), its campaign and checklist version, its
    team and group, and every answer against its item. One check for a visit arriving in a bundle
    and for one kept in the county file: a signature says who sent a record, not that what it
    says is possible (a visit file edited to 1000 on a 0-5 scale, then signed)."""
    if not isinstance(visit, dict) or not isinstance(visit.get("answers"), dict):
        return Msg("visit.shape")
    for name, kind in _VISIT_FIELDS.items():
        if not isinstance(visit.get(name), kind):
            return Msg("visit.shape")
    revision = visit.get("revision", 1)
    if visit["status"] not in ("draft", "final") or type(revision) is not int or revision < 1:
        return Msg("visit.shape")
    for answer in visit["answers"].values():
        if not isinstance(answer, dict) or "value" not in answer:
            return Msg("visit.shape")
        if not isinstance(answer.get("note", ""), str):
            return Msg("visit.shape")
    team, group = visit["team"], visit["group"]
    if team not in campaign.team_ids or group not in campaign.team(team).groups:
        return Msg("visit.unassigned", team=team, group=group)
    if (visit["campaign_id"], visit.get("checklist_hash")) != (
        campaign.id,
        campaign.checklist_hash,
    ):
        return Msg("visit.other_checklist")
    for item_id, answer in visit["answers"].items():
        try:
            item = campaign.item(item_id)
            if answer["value"] is not None:
                check_answer(item, answer["value"])
        except KeyError:
            reason = Msg("answer.unknown_item", item=item_id)
        except AnswerError as error:
            reason = Msg(error.key, **error.params)
        else:
            continue
        return Msg("visit.bad_answer", item=item_id, value=answer["value"], reason=reason)
    for item_id, answer in visit["answers"].items():
        if EVIDENCE in answer and (wrong := evidence_problem(answer[EVIDENCE])) is not None:
            return Msg("visit.bad_evidence", item=item_id, reason=wrong)
    return _commendation_problem(campaign, visit)


def _commendation_problem(campaign: Campaign, visit: dict[str, Any]) -> Msg | None:
    """An optional list of the outline's commendation ids (version 1 without it: none)."""
    tagged = visit.get("commendations", [])
    if not isinstance(tagged, list):
        return Msg("visit.bad_commendation", value=tagged)
    known = {c.id for c in campaign.outline.commendations}
    for ident in tagged:
        if not isinstance(ident, str) or ident not in known:
            return Msg("visit.bad_commendation", value=ident)
    return None


def _checked_visit(path: Path, campaign: Campaign, team: str, visit: object) -> dict[str, Any]:
    """The visit as the county store and the ranking will read it, or `BundleError` naming the
    file: a signed file from a faulty program is refused here rather than failing later in the
    merge, and a team's key vouches only for that team's visits."""
    problem = visit_problem(campaign, visit)
    if problem is None and isinstance(visit, dict) and visit["team"] == team:
        return visit
    if problem is None or problem.key == "visit.unassigned":
        assert isinstance(visit, dict)
        group = visit.get("group")
        raise BundleError("bundle.unknown_group", file=path, team=team, group=group)
    if problem.key == "visit.other_checklist":
        raise BundleError("bundle.checklist", file=path)
    if problem.key == "visit.bad_answer":
        assert isinstance(visit, dict)
        name = campaign.group(visit["group"]).name
        raise BundleError("bundle.bad_answer", file=path, group=name, **problem.params)
    if problem.key == "visit.bad_evidence":
        assert isinstance(visit, dict)
        name = campaign.group(visit["group"]).name
        raise BundleError("bundle.bad_evidence", file=path, group=name, **problem.params)
    if problem.key == "visit.bad_commendation":
        assert isinstance(visit, dict)
        name = campaign.group(visit["group"]).name
        raise BundleError("bundle.bad_commendation", file=path, group=name, reason=problem)
    raise BundleError("bundle.not_bundle", file=path)


def _visit_record(store: LocalStore, visit: Visit) -> dict[str, Any]:
    answers: dict[str, dict[str, Any]] = {
        item: {"value": answer.value, "note": answer.note}
        for item, answer in sorted(store.answers(visit.id).items())
    }
    for item, kept in store.evidence(visit.id).items():  # only where there is some: a bundle
        answers[item][EVIDENCE] = [record.to_doc() for record in kept]  # without is as before
    audit = [_audit_record(entry) for entry in store.audit(visit.id)]
    return {**visit.to_doc(), "answers": answers, "audit": audit}


def _audit_record(entry: AuditEntry) -> dict[str, Any]:
    return {
        "at": entry.at,
        "who": entry.who,
        "action": entry.action,
        "subject": entry.subject,
        "old": entry.old,
        "new": entry.new,
        "reason": entry.reason,
        "revision": entry.revision,
    }

"""Load and validate campaign, outline and roster files (format: checklists/README.md).

Public API:
- `load_campaign(path) -> Campaign`: raises `ChecklistError` listing every problem found in the
  campaign and the outline and roster it names.
- `check_file(path) -> list[Problem]`: any of the three kinds, told apart by their keys.

The campaign file's tables are checked in `campaign_fields` and `campaign_teams`; the outline
and roster it names are files of their own kinds (`outline`, `roster`).
"""

from __future__ import annotations

import hashlib
import json
from datetime import date
from pathlib import Path
from typing import Any

from inspect_tui.domain.model import Campaign, DocumentInfo, Group, MergeRule, Outline
from inspect_tui.loading.campaign_fields import (
    METHODS,
    document_of,
    merge_rule_of,
    methods_of,
    period_of,
    quota_of,
    tie_break_of,
    tiers_of,
    visit_window_of,
)
from inspect_tui.loading.campaign_teams import teams_of
from inspect_tui.loading.checklist_format import CAMPAIGN_ID, check_format
from inspect_tui.loading.outline import outline_of
from inspect_tui.loading.roster import roster_of
from inspect_tui.loading.schema import Checker
from inspect_tui.loading.toml_read import read_toml
from inspect_tui.words.errors import ChecklistError, InspectError, Problem
from inspect_tui.words.i18n import Msg


def load_campaign(path: Path | str) -> Campaign:
    """The campaign at `path` with its outline and roster, or `ChecklistError`."""
    campaign, problems = _campaign(Path(path))
    if problems or campaign is None:
        raise ChecklistError(problems)
    return campaign


def check_file(path: Path | str) -> list[Problem]:
    """Every problem in a campaign, outline or roster file (and the files a campaign names)."""
    path = Path(path)
    data, text, problems = read_toml(path)
    if data is None:
        return problems
    kind = file_kind(data)
    if kind == "outline":
        return outline_of(path, data, text)[1]
    if kind == "roster":
        return roster_of(path, data, text)[1]
    if kind == "campaign":
        return _campaign(path)[1]
    return [Problem(path, "", "file.empty" if not data else "checklist.unknown_kind")]


def file_kind(data: dict[str, Any]) -> str | None:
    """campaign, outline or roster, told apart by keys only one of them has; None if none."""
    if {"sections", "total"} & data.keys():
        return "outline"
    if {"period", "teams", "tiers", "outline", "roster"} & data.keys():
        return "campaign"
    if "groups" in data:
        return "roster"
    return None


def checklist_hash(outline: Outline, start: date, end: date) -> str:
    """SHA-256 of what decides what an answer is worth: the items' ids, kinds, points and
    rules, the section weights, the total and the period (which sets the count targets).

    Wording is left out on purpose: fixing a typo in an item's guidance in the middle of a
    round must not cut the teams' drafts off from the campaign. So is the visit window: moving
    the visits changes no answer's worth.
    """
    skeleton = {
        "total": outline.total,
        "period": [start.isoformat(), end.isoformat()],
        "sections": [
            {
                "id": section.id,
                "weight": section.weight,
                "items": [
                    [
                        item.id,
                        item.kind,
                        item.points,
                        item.allow_na,
                        item.step,
                        item.frequency,
                        item.per,
                        item.cap,
                        item.deduct_from,
                        item.min_months,
                    ]
                    for item in section.items
                ],
            }
            for section in outline.sections
        ],
    }
    canonical = json.dumps(skeleton, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def _campaign(path: Path) -> tuple[Campaign | None, list[Problem]]:
    data, text, problems = read_toml(path)
    if data is None:
        return None, problems
    if (kind := file_kind(data)) != "campaign":
        if not data:
            return None, [Problem(path, "", "file.empty")]
        if kind is None:
            return None, [Problem(path, "", "checklist.unknown_kind")]
        return None, [
            Problem(path, "", "checklist.not_campaign", {"kind": Msg(f"kind.file.{kind}")})
        ]
    c = Checker(path, text, data)
    root = c.want_table(
        data,
        (),
        ("format", "id", "title", "period", "outline", "roster", "tie_break", "methods",
         "tiers", "quota", "merge", "teams", "document", "visit_window"),
        ("format", "id", "title", "period", "outline", "roster", "tiers", "teams"),
    )  # fmt: skip
    if root is None:
        return None, c.problems
    check_format(c, root)
    ident = c.want_str(root.get("id"), ("id",), CAMPAIGN_ID) if "id" in root else None
    title = c.want_text(root.get("title"), ("title",)) if "title" in root else None
    start, end = period_of(c, root.get("period")) if "period" in root else (None, None)

    extra: list[Problem] = []
    outline = None
    if found := _named_file(c, root, "outline", "outline", extra):
        outline_path, outline_raw, outline_text = found
        outline, outline_problems = outline_of(outline_path, outline_raw, outline_text)
        extra += outline_problems
    groups: tuple[Group, ...] | None = None
    if found := _named_file(c, root, "roster", "roster", extra):
        roster_path, roster_raw, roster_text = found
        groups, roster_problems = roster_of(roster_path, roster_raw, roster_text)
        extra += roster_problems

    tiers = tiers_of(c, root.get("tiers")) if "tiers" in root else None
    quota = quota_of(c, root.get("quota"), tiers) if "quota" in root else None
    merge = merge_rule_of(c, root.get("merge")) if "merge" in root else MergeRule()
    methods = methods_of(c, root.get("methods", list(METHODS)))
    sections = [s.id for s in outline.sections if s.weight] if outline else None
    tie_break = tie_break_of(c, root.get("tie_break", ["total", "name"]), sections)
    teams = teams_of(c, root.get("teams"), groups) if "teams" in root else None
    document = document_of(c, root.get("document")) if "document" in root else DocumentInfo()
    window = visit_window_of(c, root["visit_window"], start) if "visit_window" in root else None

    problems = c.problems + extra
    if problems or None in (ident, title, start, end, outline, groups, tiers, teams):
        return None, problems
    assert ident and title and start and end and outline
    assert groups is not None and tiers is not None and teams is not None
    campaign = Campaign(
        id=ident,
        title=title,
        start=start,
        end=end,
        outline=outline,
        tiers=tiers,
        tie_break=tuple(tie_break or ()),
        groups=groups,
        teams=teams,
        checklist_hash=checklist_hash(outline, start, end),
        path=path,
        methods=tuple(methods or ()),
        quota=quota,
        merge=merge or MergeRule(),
        document=document or DocumentInfo(),
        stated_window=window,
    )
    return campaign, []


def _named_file(
    c: Checker, root: dict[str, Any], key: str, kind: str, extra: list[Problem]
) -> tuple[Path, dict[str, Any], str] | None:
    """Read the outline or roster a campaign names; a missing one is reported at the line
    of the campaign that names it, since that is where the clerk will look."""
    ref = c.want_str(root.get(key), (key,))
    if ref is None:
        return None
    target = c.file.parent / ref
    data, text, problems = read_toml(target)
    if problems and problems[0].key in ("file.missing", "file.is_dir"):
        c.add((key,), "checklist.ref_missing", file=ref, kind=Msg(f"noun.{kind}"))
        return None
    extra += problems
    if data is None:
        return None
    if not data:
        extra.append(Problem(target, "", "file.empty"))
        return None
    if file_kind(data) != kind:
        found = file_kind(data)
        extra.append(Problem(target, "", "checklist.wrong_kind", {
            "kind": Msg(f"kind.file.{kind}"),
            "found": Msg(f"kind.file.{found}") if found else Msg("kind.file.unknown"),
        }))  # fmt: skip
        return None
    return target, data, text


def known_team(campaign: Campaign, team: str) -> str:
    """`team` if the campaign has it, else the one-line error that names the campaign."""
    if team not in campaign.team_ids:
        raise InspectError("keys.unknown_team", team=team, campaign=campaign.id)
    return team

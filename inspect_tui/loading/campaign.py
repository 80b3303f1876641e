"""Load and validate campaign, outline and roster files (format: checklists/README.md).

Public API:
- `load_campaign(path) -> Campaign`: raises `ChecklistError` listing every problem found in the
  campaign and the outline and roster it names.
- `check_file(path) -> list[Problem]`: any of the three kinds, told apart by their keys.
"""

from __future__ import annotations

import hashlib
import json
from datetime import date
from pathlib import Path
from typing import Any

from inspect_tui.domain.model import (
    ITEM_KINDS,
    MONTHS_PER,
    SCORED_KINDS,
    TOTAL,
    Campaign,
    Commendation,
    DocumentInfo,
    Group,
    Item,
    MergeRule,
    Outline,
    Quota,
    Section,
    Team,
    Theme,
    Tier,
)
from inspect_tui.domain.visit_window import VisitWindow
from inspect_tui.loading.schema import Checker, FieldPath
from inspect_tui.loading.toml_read import read_toml
from inspect_tui.words.errors import ChecklistError, InspectError, Problem
from inspect_tui.words.i18n import Msg

FORMAT = 1
CAMPAIGN_ID = r"[a-z0-9][a-z0-9-]*"
SECTION_ID = r"[a-z][a-z0-9_]*"
ITEM_ID = r"[a-z][a-z0-9_]*\.[a-z0-9_.]+"
METHODS = ("meeting", "report", "archive", "talk", "question", "opinion", "visit")
TIE_BREAK_FIXED = ("total", "deductions", "name")

_ITEM_COMMON = ("id", "kind", "text", "guidance", "required", "note_required", "min_months")
_ITEM_KEYS: dict[str, tuple[str, ...]] = {
    "check": (*_ITEM_COMMON, "points", "allow_na"),
    "scale": (*_ITEM_COMMON, "points", "allow_na", "step"),
    "count": (*_ITEM_COMMON, "points", "allow_na", "frequency", "per"),
    "deduction": (*_ITEM_COMMON, "points", "cap", "from"),
    "veto": _ITEM_COMMON,
    "note": _ITEM_COMMON,
}


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
        return _outline(path, data, text)[1]
    if kind == "roster":
        return _roster(path, data, text)[1]
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


# -- campaign ------------------------------------------------------------------------------------
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
    _format(c, root)
    ident = c.want_str(root.get("id"), ("id",), CAMPAIGN_ID) if "id" in root else None
    title = c.want_text(root.get("title"), ("title",)) if "title" in root else None
    start, end = _period(c, root.get("period")) if "period" in root else (None, None)

    extra: list[Problem] = []
    outline = None
    if found := _named_file(c, root, "outline", "outline", extra):
        outline_path, outline_raw, outline_text = found
        outline, outline_problems = _outline(outline_path, outline_raw, outline_text)
        extra += outline_problems
    groups: tuple[Group, ...] | None = None
    if found := _named_file(c, root, "roster", "roster", extra):
        roster_path, roster_raw, roster_text = found
        groups, roster_problems = _roster(roster_path, roster_raw, roster_text)
        extra += roster_problems

    tiers = _tiers(c, root.get("tiers")) if "tiers" in root else None
    quota = _quota(c, root.get("quota"), tiers) if "quota" in root else None
    merge = _merge(c, root.get("merge")) if "merge" in root else MergeRule()
    methods = _methods(c, root.get("methods", list(METHODS)))
    sections = [s.id for s in outline.sections if s.weight] if outline else None
    tie_break = _tie_break(c, root.get("tie_break", ["total", "name"]), sections)
    teams = _teams(c, root.get("teams"), groups) if "teams" in root else None
    document = _document(c, root.get("document")) if "document" in root else DocumentInfo()
    window = _visit_window(c, root["visit_window"], start) if "visit_window" in root else None

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


def _format(c: Checker, root: dict[str, Any]) -> None:
    if "format" in root and c.want_int(root["format"], ("format",)) not in (None, FORMAT):
        c.add(("format",), "checklist.format", found=root["format"], expected=FORMAT)


def _period(c: Checker, value: object) -> tuple[date | None, date | None]:
    table = c.want_table(value, ("period",), ("start", "end"), ("start", "end"))
    if table is None:
        return None, None
    start = c.want_date(table.get("start"), ("period", "start")) if "start" in table else None
    end = c.want_date(table.get("end"), ("period", "end")) if "end" in table else None
    if start and end and end < start:
        c.add(("period", "end"), "checklist.period_order", start=start, end=end)
        return None, None
    return start, end


def _tiers(c: Checker, value: object) -> tuple[Tier, ...] | None:
    rows = c.want_list(value, ("tiers",))
    if rows is None:
        return None
    tiers: list[Tier] = []
    for index, row in enumerate(rows):
        path: FieldPath = ("tiers", index)
        table = c.want_table(row, path, ("id", "name", "min"), ("id", "name", "min"))
        if table is None:
            continue
        ident = c.want_str(table.get("id"), (*path, "id"), CAMPAIGN_ID)
        name = c.want_text(table.get("name"), (*path, "name")) if "name" in table else None
        low = c.want_number(table.get("min"), (*path, "min")) if "min" in table else None
        if low is not None and low > 100:
            c.add((*path, "min"), "schema.range", value=low, low=0, high=100)
        if ident and name and low is not None:
            tiers.append(Tier(ident, name, low))
    c.unique([(t.id, ("tiers", i)) for i, t in enumerate(tiers)])
    if len(tiers) != len(rows):
        return None
    for index in range(1, len(tiers)):
        if tiers[index].min >= tiers[index - 1].min:
            c.add(("tiers", index, "min"), "checklist.tier_order", tier=tiers[index].id)
            return None
    if tiers and tiers[-1].min != 0:
        c.add(("tiers", len(tiers) - 1, "min"), "checklist.tier_floor", tier=tiers[-1].id)
        return None
    return tuple(tiers)


def _quota(c: Checker, value: object, tiers: tuple[Tier, ...] | None) -> Quota | None:
    table = c.want_table(value, ("quota",), ("tier", "max", "ties"), ("tier", "max"))
    if table is None:
        return None
    tier = c.want_str(table.get("tier"), ("quota", "tier")) if "tier" in table else None
    if tier and tiers is not None and tier not in {t.id for t in tiers}:
        c.add(("quota", "tier"), "checklist.unknown_tier", tier=tier)
        tier = None
    most = c.want_int(table.get("max"), ("quota", "max"), low=1) if "max" in table else None
    ties = c.want_choice(table.get("ties", "include"), ("quota", "ties"), ("include", "exclude"))
    if tier and most and ties:
        return Quota(tier, most, ties)  # type: ignore[arg-type]
    return None


def _merge(c: Checker, value: object) -> MergeRule | None:
    table = c.want_table(value, ("merge",), ("combine", "threshold"))
    if table is None:
        return None
    combine = c.want_choice(
        table.get("combine", "mean"), ("merge", "combine"), ("mean", "median", "team")
    )
    threshold = c.want_number(table.get("threshold", 10), ("merge", "threshold"))
    if combine and threshold is not None:
        return MergeRule(combine, threshold)  # type: ignore[arg-type]
    return None


_DOCUMENT_TEXTS = ("issuer", "number", "to", "cc", "printed_by", "basis")
_DOCUMENT_DATES = ("date", "printed_on", "deadline")


def _document(c: Checker, value: object) -> DocumentInfo | None:
    """The circular's own lines (`[document]`): wording only, left out of the checklist hash."""
    keys = (*_DOCUMENT_TEXTS, *_DOCUMENT_DATES, "requirement", "sample", "praise_limit")
    table = c.want_table(value, ("document",), keys)
    if table is None:
        return None
    before = len(c.problems)
    fields: dict[str, Any] = {}
    for key in _DOCUMENT_TEXTS:
        if key in table:
            fields[key] = c.want_text(table[key], ("document", key))
    if "requirement" in table:
        fields["requirement"] = c.want_text(
            table["requirement"], ("document", "requirement"), multiline=True
        )
    for key in _DOCUMENT_DATES:
        if key in table:
            fields[key] = c.want_date(table[key], ("document", key))
    if "sample" in table:
        fields["sample"] = c.want_bool(table["sample"], ("document", "sample"))
    if "praise_limit" in table:
        fields["praise_limit"] = c.want_int(
            table["praise_limit"], ("document", "praise_limit"), low=1, high=100
        )
    if len(c.problems) > before:
        return None
    return DocumentInfo(**fields)


def _visit_window(c: Checker, value: object, period_start: date | None) -> VisitWindow | None:
    """When the visits happen (`[visit_window]`): it sets a visit's default date and when the
    TUI asks before taking one, nothing more, so it stays out of the checklist hash.

    A visit may fall inside the period (a year-end round is often visited in December), but
    not before it starts: nothing of the period would have happened yet."""
    table = c.want_table(value, ("visit_window",), ("start", "end"), ("start", "end"))
    if table is None:
        return None
    first = c.want_date(table.get("start"), ("visit_window", "start"))
    last = c.want_date(table.get("end"), ("visit_window", "end"))
    if first is None or last is None:
        return None
    if last < first:
        c.add(("visit_window", "end"), "checklist.period_order", start=first, end=last)
        return None
    if period_start is not None and first < period_start:
        c.add(
            ("visit_window", "start"),
            "checklist.visits_before_period",
            start=first,
            period_start=period_start,
        )
        return None
    return VisitWindow(first, last, stated=True)


def _methods(c: Checker, value: object) -> list[str] | None:
    rows = c.want_list(value, ("methods",))
    if rows is None:
        return None
    chosen = [c.want_choice(row, ("methods", i), METHODS) for i, row in enumerate(rows)]
    return [m for m in chosen if m]


def _tie_break(c: Checker, value: object, sections: list[str] | None) -> list[str] | None:
    rows = c.want_list(value, ("tie_break",))
    if rows is None:
        return None
    known = [*TIE_BREAK_FIXED, *(sections or [])]
    chain: list[str] = []
    for index, row in enumerate(rows):
        if sections is None and isinstance(row, str):
            chain.append(row)  # the outline failed; its section ids are unknown, say nothing
        elif (key := c.want_choice(row, ("tie_break", index), known)) is not None:
            if key in chain:
                c.duplicate(("tie_break", index), key, ("tie_break", chain.index(key)))
            chain.append(key)
    return chain


def _teams(c: Checker, value: object, groups: tuple[Group, ...] | None) -> tuple[Team, ...] | None:
    rows = c.want_list(value, ("teams",))
    if rows is None:
        return None
    known = {g.id for g in groups} if groups is not None else None
    teams: list[Team] = []
    for index, row in enumerate(rows):
        path: FieldPath = ("teams", index)
        table = c.want_table(
            row, path, ("id", "name", "leader", "groups", "keys"), ("id", "name", "groups")
        )
        if table is None:
            continue
        ident = c.want_str(table.get("id"), (*path, "id"), CAMPAIGN_ID)
        name = c.want_text(table.get("name"), (*path, "name")) if "name" in table else None
        leader = c.want_text(table["leader"], (*path, "leader")) if "leader" in table else None
        members = _team_groups(c, table.get("groups"), (*path, "groups"), known)
        keys = c.want_list(table.get("keys", []), (*path, "keys"), non_empty=False)
        key_list = [k for i, k in enumerate(keys or []) if c.want_str(k, (*path, "keys", i))]
        if ident and name and members is not None:
            teams.append(Team(ident, name, leader or name, tuple(members), tuple(key_list)))
    c.unique([(t.id, ("teams", i)) for i, t in enumerate(teams)])
    if groups is not None:
        # from the raw lists: one bad entry must not make a team's other groups "unassigned"
        covered = {
            g for row in rows if isinstance(row, dict) and isinstance(row.get("groups"), list)
            for g in row["groups"] if isinstance(g, str)
        }  # fmt: skip
        for group in groups:
            if group.id not in covered:
                c.add(("teams",), "checklist.group_unassigned", group=group.id, name=group.name)
    return tuple(teams) if len(teams) == len(rows) else None


def _team_groups(
    c: Checker, value: object, path: FieldPath, known: set[str] | None
) -> list[str] | None:
    rows = c.want_list(value, path)
    if rows is None:
        return None
    members: list[str] = []
    ok = True
    for index, row in enumerate(rows):
        ident = c.want_str(row, (*path, index))
        if ident is None:
            ok = False
        elif known is not None and ident not in known:
            c.add((*path, index), "checklist.unknown_group", group=ident)
            ok = False
        elif ident in members:
            c.duplicate((*path, index), ident, (*path, rows.index(ident)))
            ok = False
        else:
            members.append(ident)
    return members if ok else None


# -- roster --------------------------------------------------------------------------------------
def _roster(
    path: Path, data: dict[str, Any], text: str
) -> tuple[tuple[Group, ...] | None, list[Problem]]:
    c = Checker(path, text, data)
    root = c.want_table(data, (), ("format", "groups"), ("format", "groups"))
    if root is None:
        return None, c.problems
    _format(c, root)
    rows = c.want_list(root.get("groups"), ("groups",)) if "groups" in root else None
    groups: list[Group] = []
    for index, row in enumerate(rows or []):
        p: FieldPath = ("groups", index)
        table = c.want_table(row, p, ("id", "name", "kind", "sample"), ("id", "name", "kind"))
        if table is None:
            continue
        ident = c.want_str(table.get("id"), (*p, "id"), CAMPAIGN_ID)
        name = c.want_text(table.get("name"), (*p, "name")) if "name" in table else None
        kind = c.want_choice(table.get("kind"), (*p, "kind"), ("township", "system"))
        sample = c.want_bool(table.get("sample", False), (*p, "sample"))
        if ident and name and kind and sample is not None:
            groups.append(Group(ident, name, kind, sample))  # type: ignore[arg-type]
    c.unique([(g.id, ("groups", i)) for i, g in enumerate(groups)])
    if c.problems or rows is None:
        return None, c.problems
    return tuple(groups), []


# -- outline -------------------------------------------------------------------------------------
def _outline(path: Path, data: dict[str, Any], text: str) -> tuple[Outline | None, list[Problem]]:
    c = Checker(path, text, data)
    root = c.want_table(
        data,
        (),
        ("format", "id", "title", "total", "sections", "themes", "commendations"),
        ("format", "id", "title", "total", "sections"),
    )
    if root is None:
        return None, c.problems
    _format(c, root)
    ident = c.want_str(root.get("id"), ("id",), CAMPAIGN_ID) if "id" in root else None
    title = c.want_text(root.get("title"), ("title",)) if "title" in root else None
    total = c.want_int(root.get("total"), ("total",), low=1, high=100) if "total" in root else None
    rows = c.want_list(root.get("sections"), ("sections",)) if "sections" in root else None
    raw_sections = [s for s in rows or [] if isinstance(s, dict)]
    section_ids = {s.get("id") for s in raw_sections if isinstance(s.get("id"), str)}
    sections = [_section(c, row, i, section_ids) for i, row in enumerate(rows or [])]
    good = [s for s in sections if s is not None]
    c.unique([(s.id, ("sections", i)) for i, s in enumerate(sections) if s is not None])
    items = [(item, ("sections", si, "items", ii)) for si, s in enumerate(sections) if s
             for ii, item in enumerate(s.items)]  # fmt: skip
    c.unique([(item.id, p) for item, p in items])
    if total is not None and len(good) == len(rows or []) and rows:
        _check_sums(c, total, good)
    # a broken section leaves its items unknown: say nothing of them rather than twice
    whole = len(good) == len(rows or []) and not c.problems
    known = {item.id for s in good for item in s.items} if whole else None
    themes = _themes(c, root["themes"], known) if "themes" in root else ()
    praise = _commendations(c, root["commendations"]) if "commendations" in root else ()
    if c.problems or None in (ident, title, total) or len(good) != len(rows or []) or not rows:
        return None, c.problems
    assert ident and title and total
    themed, tagged = tuple(themes or ()), tuple(praise or ())
    return Outline(ident, title, total, tuple(good), path, themed, tagged), []


def _themes(c: Checker, value: object, known: set[str] | None) -> list[Theme] | None:
    """The circular's themes (`[[themes]]`): wording only, left out of the checklist hash."""
    rows = c.want_list(value, ("themes",))
    if rows is None:
        return None
    themes: list[Theme] = []
    for index, row in enumerate(rows):
        path: FieldPath = ("themes", index)
        table = c.want_table(
            row,
            path,
            ("id", "title", "items", "good", "short", "name_apart", "name_good"),
            ("id", "title", "items", "good", "short"),
        )
        if table is None:
            continue
        before = len(c.problems)
        ident = c.want_str(table.get("id"), (*path, "id"), CAMPAIGN_ID)
        texts = {
            key: c.want_text(table[key], (*path, key)) if key in table else None
            for key in ("title", "good", "short")
        }
        items = c.want_list(table.get("items"), (*path, "items"))
        members: list[str] = []
        for n, entry in enumerate(items or []):
            item = c.want_str(entry, (*path, "items", n))
            if item is None:
                continue
            if known is not None and item not in known:
                c.add((*path, "items", n), "checklist.unknown_item", item=item)
            elif item in members:
                c.duplicate((*path, "items", n), item, (*path, "items", members.index(item)))
            else:
                members.append(item)
        apart = c.want_bool(table.get("name_apart", False), (*path, "name_apart"))
        named = c.want_bool(table.get("name_good", True), (*path, "name_good"))
        title, good, short = texts["title"], texts["good"], texts["short"]
        flags_ok = apart is not None and named is not None
        if len(c.problems) == before and ident and title and good and short and flags_ok:
            themes.append(
                Theme(ident, title, tuple(members), good, short, bool(apart), bool(named))
            )
    c.unique([(theme.id, ("themes", i)) for i, theme in enumerate(themes)])
    return themes


def _commendations(c: Checker, value: object) -> list[Commendation] | None:
    """What a team may tag a visit with at finalize (`[[commendations]]`): wording only, left
    out of the checklist hash."""
    rows = c.want_list(value, ("commendations",))
    if rows is None:
        return None
    found: list[Commendation] = []
    for index, row in enumerate(rows):
        path: FieldPath = ("commendations", index)
        table = c.want_table(row, path, ("id", "text", "title"), ("id", "text"))
        if table is None:
            continue
        ident = c.want_str(table.get("id"), (*path, "id"), CAMPAIGN_ID)
        text = c.want_text(table.get("text"), (*path, "text"))
        title = c.want_text(table["title"], (*path, "title")) if "title" in table else None
        if ident and text and (title is not None or "title" not in table):
            found.append(Commendation(ident, text, title))
    c.unique([(entry.id, ("commendations", i)) for i, entry in enumerate(found)])
    return found


def _check_sums(c: Checker, total: int, sections: list[Section]) -> None:
    """Points and weights must add up to the total; say what each section adds up to, so
    the clerk sees which one is off. A deduction must come off a section that has points."""
    sums = {s.id: sum(i.points for i in s.items if i.scored) for s in sections}
    if sum(sums.values()) != total:
        detail = ", ".join(f"{sid} {points}" for sid, points in sums.items() if points)
        c.add(
            ("total",),
            "checklist.points_total",
            points=sum(sums.values()),
            total=total,
            detail=detail,
        )
    weights = {s.id: s.weight for s in sections}
    if abs(sum(weights.values()) - total) > 1e-9:
        detail = ", ".join(f"{sid} {w:g}" for sid, w in weights.items() if w)
        c.add(
            ("total",),
            "checklist.weights_total",
            weights=f"{sum(weights.values()):g}",
            total=total,
            detail=detail,
        )
    for si, section in enumerate(sections):
        for ii, item in enumerate(section.items):
            if (
                item.kind == "deduction"
                and item.deduct_from != TOTAL
                and not weights[item.deduct_from]
            ):
                path = ("sections", si, "items", ii, "from")
                c.add(path, "checklist.deduct_from_empty", section=item.deduct_from)


def _section(c: Checker, row: object, index: int, section_ids: set[str]) -> Section | None:
    path: FieldPath = ("sections", index)
    table = c.want_table(row, path, ("id", "title", "weight", "items"), ("id", "title", "items"))
    if table is None:
        return None
    ident = c.want_str(table.get("id"), (*path, "id"), SECTION_ID)
    title = c.want_text(table.get("title"), (*path, "title")) if "title" in table else None
    rows = c.want_list(table.get("items"), (*path, "items")) if "items" in table else None
    items = [
        _item(c, r, (*path, "items", i), ident or "?", section_ids)
        for i, r in enumerate(rows or [])
    ]
    good = [i for i in items if i is not None]
    if ident and good:
        for item, p in ((i, (*path, "items", n)) for n, i in enumerate(items) if i):
            if not item.id.startswith(ident + "."):
                c.add((*p, "id"), "checklist.item_prefix", id=item.id, section=ident)
    points = sum(i.points for i in good if i.scored)
    weight = c.want_number(table["weight"], (*path, "weight")) if "weight" in table else points
    if ident is None or title is None or rows is None or len(good) != len(rows) or weight is None:
        return None
    return Section(ident, title, float(weight), tuple(good))


def _item(
    c: Checker, row: object, path: FieldPath, section: str, section_ids: set[str]
) -> Item | None:
    if not isinstance(row, dict):
        c.want_table(row, path, ())
        return None
    kind = row.get("kind")
    if kind is None:
        c.add(path, "schema.missing", key="kind")
        return None
    if not isinstance(kind, str) or kind not in ITEM_KINDS:
        c.want_choice(kind, (*path, "kind"), sorted(ITEM_KINDS))
        return None
    needed = ["id", "kind", "text", "guidance"]
    if kind in SCORED_KINDS or kind == "deduction":
        needed.append("points")
    if kind == "count":
        needed.append("frequency")
    if kind == "deduction":
        needed.append("cap")
    before = len(c.problems)
    table = c.want_table(row, path, _ITEM_KEYS[kind], needed)
    if table is None:
        return None
    g = table.get
    ident = c.want_str(g("id"), (*path, "id"), ITEM_ID)
    text = c.want_text(g("text"), (*path, "text")) if "text" in table else None
    # guidance is a paragraph of instructions, often a TOML multi-line string: it keeps its breaks
    guidance = (
        c.want_text(g("guidance"), (*path, "guidance"), multiline=True)
        if "guidance" in table
        else None
    )
    fields: dict[str, Any] = {}
    if "points" in table:
        fields["points"] = c.want_int(g("points"), (*path, "points"), low=1, high=100)
    for flag in ("required", "note_required", "allow_na"):
        if flag in table:
            fields[flag] = c.want_bool(g(flag), (*path, flag))
    if "min_months" in table:
        fields["min_months"] = c.want_int(g("min_months"), (*path, "min_months"), low=1, high=120)
    if "step" in table:
        fields["step"] = c.want_int(g("step"), (*path, "step"), low=1, high=100)
        if fields["step"] and fields.get("points") and fields["points"] % fields["step"]:
            c.add((*path, "step"), "checklist.step", step=fields["step"], points=fields["points"])
    if "frequency" in table:
        fields["frequency"] = c.want_choice(g("frequency"), (*path, "frequency"), MONTHS_PER)
    if "per" in table:
        fields["per"] = c.want_int(g("per"), (*path, "per"), low=1, high=1000)
    if "cap" in table:
        fields["cap"] = c.want_int(g("cap"), (*path, "cap"), low=1, high=100)
        if fields["cap"] and fields.get("points") and fields["cap"] < fields["points"]:
            c.add((*path, "cap"), "checklist.cap", cap=fields["cap"], points=fields["points"])
    if "from" in table:
        fields["deduct_from"] = c.want_choice(
            g("from"), (*path, "from"), [TOTAL, *sorted(section_ids)]
        )
    if len(c.problems) > before or not (ident and text and guidance):
        return None
    return Item(id=ident, section_id=section, kind=kind, text=text, guidance=guidance, **fields)  # type: ignore[arg-type]


def known_team(campaign: Campaign, team: str) -> str:
    """`team` if the campaign has it, else the one-line error that names the campaign."""
    if team not in campaign.team_ids:
        raise InspectError("keys.unknown_team", team=team, campaign=campaign.id)
    return team

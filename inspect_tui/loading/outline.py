"""The outline file: sections and their items with points and rules, the circular's themes and
the commendations a team may tick. A file kind of its own (format: checklists/README.md), loaded
for the campaign that names it; what in it decides an answer's worth is what
`campaign.checklist_hash` covers.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from inspect_tui.domain.model import (
    ITEM_KINDS,
    MONTHS_PER,
    SCORED_KINDS,
    TOTAL,
    Commendation,
    Item,
    Outline,
    Section,
    Theme,
)
from inspect_tui.loading.checklist_format import CAMPAIGN_ID, check_format
from inspect_tui.loading.schema import Checker, FieldPath
from inspect_tui.words.errors import Problem

SECTION_ID = r"[a-z][a-z0-9_]*"
ITEM_ID = r"[a-z][a-z0-9_]*\.[a-z0-9_.]+"

_ITEM_COMMON = ("id", "kind", "text", "guidance", "required", "note_required", "min_months")
_ITEM_KEYS: dict[str, tuple[str, ...]] = {
    "check": (*_ITEM_COMMON, "points", "allow_na"),
    "scale": (*_ITEM_COMMON, "points", "allow_na", "step"),
    "count": (*_ITEM_COMMON, "points", "allow_na", "frequency", "per"),
    "deduction": (*_ITEM_COMMON, "points", "cap", "from"),
    "veto": _ITEM_COMMON,
    "note": _ITEM_COMMON,
}


def outline_of(path: Path, data: dict[str, Any], text: str) -> tuple[Outline | None, list[Problem]]:
    c = Checker(path, text, data)
    root = c.want_table(
        data,
        (),
        ("format", "id", "title", "total", "sections", "themes", "commendations"),
        ("format", "id", "title", "total", "sections"),
    )
    if root is None:
        return None, c.problems
    check_format(c, root)
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

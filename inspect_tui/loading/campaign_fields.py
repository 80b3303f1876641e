"""The campaign file's own tables, each checked into its value or a problem: the period, the
tiers and their quota, the merge rule, the methods and tie-break, the `[document]` lines and the
visit window. Apart from `campaign`, which reads the file and puts a `Campaign` together, so
that each table's rules read on their own; the teams, checked against the roster, are in
`campaign_teams`.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from inspect_tui.domain.model import DocumentInfo, MergeRule, Quota, Tier
from inspect_tui.domain.visit_window import VisitWindow
from inspect_tui.loading.checklist_format import CAMPAIGN_ID
from inspect_tui.loading.schema import Checker, FieldPath

METHODS = ("meeting", "report", "archive", "talk", "question", "opinion", "visit")
TIE_BREAK_FIXED = ("total", "deductions", "name")


def period_of(c: Checker, value: object) -> tuple[date | None, date | None]:
    table = c.want_table(value, ("period",), ("start", "end"), ("start", "end"))
    if table is None:
        return None, None
    start = c.want_date(table.get("start"), ("period", "start")) if "start" in table else None
    end = c.want_date(table.get("end"), ("period", "end")) if "end" in table else None
    if start and end and end < start:
        c.add(("period", "end"), "checklist.period_order", start=start, end=end)
        return None, None
    return start, end


def tiers_of(c: Checker, value: object) -> tuple[Tier, ...] | None:
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


def quota_of(c: Checker, value: object, tiers: tuple[Tier, ...] | None) -> Quota | None:
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


def merge_rule_of(c: Checker, value: object) -> MergeRule | None:
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


def document_of(c: Checker, value: object) -> DocumentInfo | None:
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


def visit_window_of(c: Checker, value: object, period_start: date | None) -> VisitWindow | None:
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


def methods_of(c: Checker, value: object) -> list[str] | None:
    rows = c.want_list(value, ("methods",))
    if rows is None:
        return None
    chosen = [c.want_choice(row, ("methods", i), METHODS) for i, row in enumerate(rows)]
    return [m for m in chosen if m]


def tie_break_of(c: Checker, value: object, sections: list[str] | None) -> list[str] | None:
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

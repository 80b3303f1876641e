"""The roster file: the groups a campaign assesses, each a township or a county-level system.
A file kind of its own (format: checklists/README.md), loaded for the campaign that names it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from inspect_tui.domain.model import Group
from inspect_tui.loading.checklist_format import CAMPAIGN_ID, check_format
from inspect_tui.loading.schema import Checker, FieldPath
from inspect_tui.words.errors import Problem


def roster_of(
    path: Path, data: dict[str, Any], text: str
) -> tuple[tuple[Group, ...] | None, list[Problem]]:
    c = Checker(path, text, data)
    root = c.want_table(data, (), ("format", "groups"), ("format", "groups"))
    if root is None:
        return None, c.problems
    check_format(c, root)
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

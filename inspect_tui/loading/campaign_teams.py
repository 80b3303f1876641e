"""The campaign's teams (`[[teams]]`): who visits which of the roster's groups, with the keys
they sign with. Checked against the roster, so that every group has a team and no team names a
group the roster does not have.
"""

from __future__ import annotations

from inspect_tui.domain.model import Group, Team
from inspect_tui.loading.checklist_format import CAMPAIGN_ID
from inspect_tui.loading.schema import Checker, FieldPath


def teams_of(
    c: Checker, value: object, groups: tuple[Group, ...] | None
) -> tuple[Team, ...] | None:
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

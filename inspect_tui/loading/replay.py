"""A recorded round: every visit a campaign's teams made, as data, so the training sandbox can
replay it (`demo`). The bundled one, `checklists/rounds/shache-2012-h1.toml`, reconstructs the
county's real 2012 half-year round from seed 000; its README says what is the seed's and what
is assumed.

The contract of the file (format in `checklists/rounds/README.md`):
- an item a visit does not list earned everything: a check yes, a scale its maximum, a count its
  target for the period, a deduction 0, a veto no, a note item `defaults.findings`;
- a visit's answers are that, then its `patterns` in order (shortfalls the seed says were common,
  written once), then its own `answers`: a later one replaces an earlier one for the same item;
- every value is checked against its item (`scoring.check_answer`), every item that falls short
  and needs a note has one, teams, groups, commendations and methods are the campaign's; each
  problem is named by file, line and field (`ChecklistError`), as for the checklists.
`load_round` reads and checks; nothing here writes (the sandbox does, `demo`).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from inspect_tui.domain.model import Campaign, Item
from inspect_tui.domain.scoring import NO, YES, Answer, AnswerValue, check_answer, score_visit
from inspect_tui.loading.campaign import load_campaign
from inspect_tui.loading.campaign_fields import METHODS
from inspect_tui.loading.schema import Checker, FieldPath
from inspect_tui.loading.toml_read import read_toml
from inspect_tui.words.errors import AnswerError, ChecklistError, Problem

ROUNDS = "rounds"  # beside the campaign files: rounds/<campaign id>.toml
FORMAT = 1
_TOP = ("format", "campaign", "about", "defaults", "inspectors", "names", "not_assessed",
        "patterns", "visits")  # fmt: skip
_VISIT = ("team", "group", "date", "patterns", "answers", "strengths", "problems",
          "representative", "commendations", "methods", "inspectors", "seed")  # fmt: skip
_VISIT_NEEDS = ("team", "group", "date", "strengths", "problems")


@dataclass(frozen=True)
class PlannedVisit:
    """One team's finalized visit of a group, as the sandbox writes it onto the team's laptop."""

    team: str
    group: str
    visit_date: date
    inspectors: tuple[str, ...]
    methods: tuple[str, ...]
    answers: dict[str, Answer]  # every item the campaign asks
    strengths: str
    problems: str
    representative: str
    commendations: tuple[str, ...] = ()


@dataclass(frozen=True)
class RecordedRound:
    path: Path
    visits: tuple[PlannedVisit, ...]
    not_assessed: tuple[tuple[str, str], ...]  # (group, the reason the lead records)
    names: dict[str, str]  # a spelling the sources use -> the roster's group id


def round_file(campaign: Campaign) -> Path:
    """Where a campaign's recorded round lives: `rounds/<id>.toml` beside the campaign file."""
    return campaign.path.parent / ROUNDS / f"{campaign.id}.toml"


def has_round(campaign: Campaign) -> bool:
    """Whether something stands where the campaign's round would: then it is read (and a
    folder, a FIFO or a dangling link there is refused in one line, never silently replaced by
    generated results)."""
    path = round_file(campaign)
    return path.exists() or path.is_symlink()


def full_answer(campaign: Campaign, item: Item, findings: str = "") -> AnswerValue:
    """What an item is answered when it earned everything (or, for a deduction or a veto,
    when nothing was found)."""
    if item.kind == "check":
        return YES
    if item.kind == "veto":
        return NO
    if item.kind == "scale":
        return int(item.points)
    if item.kind == "count":
        target = campaign.target(item)
        return target.count if target is not None else 0
    if item.kind == "deduction":
        return 0
    return findings


def load_round(path: Path, campaign: Campaign) -> RecordedRound:
    """The round in `path`, checked against `campaign`, or `ChecklistError` naming every
    problem by line and field."""
    data, text, problems = read_toml(path)
    if data is None:
        raise ChecklistError(problems)
    return _checked(path, text, data, campaign)


def _checked(path: Path, text: str, data: dict[str, Any], campaign: Campaign) -> RecordedRound:
    reader = _Reader(Checker(path, text, data), campaign)
    found = reader.read(data)
    if reader.c.problems or found is None:
        raise ChecklistError(reader.c.problems or [Problem(path, "", "file.empty")])
    return found


def check_round(path: Path) -> tuple[RecordedRound | None, list[Problem]] | None:
    """For `checklist check`: None when `path` is not a round file (it has no `visits`); else
    the round and every problem, checked against the campaign it names, found beside the
    `rounds/` folder (`../<campaign>.toml`)."""
    data, text, _ = read_toml(path)
    if data is None or "visits" not in data:
        return None
    ident = data.get("campaign")
    if not isinstance(ident, str) or not ident:
        return None, [Problem(path, "campaign", "schema.missing", {"key": "campaign"})]
    try:
        campaign = load_campaign(path.parent.parent / f"{ident}.toml")
        return _checked(path, text, data, campaign), []  # the file read once
    except ChecklistError as refused:  # the campaign's own problems, or the round's
        return None, refused.problems


class _Reader:
    def __init__(self, checker: Checker, campaign: Campaign) -> None:
        self.c = checker
        self.campaign = campaign

    def read(self, root: dict[str, Any]) -> RecordedRound | None:
        c = self.c
        if c.want_table(root, (), _TOP, ("format", "campaign", "visits")) is None:
            return None
        if "format" in root and c.want_int(root["format"], ("format",)) not in (None, FORMAT):
            c.add(("format",), "round.format", value=root["format"], expected=FORMAT)
        if "campaign" in root:
            ident = c.want_str(root["campaign"], ("campaign",))
            if ident is not None and ident != self.campaign.id:
                c.add(("campaign",), "round.other_campaign", found=ident, campaign=self.campaign.id)
        if "about" in root:
            c.want_str(root["about"], ("about",), multiline=True)
        defaults = self._defaults(root.get("defaults", {}))
        inspectors = self._inspectors(root.get("inspectors", {}))
        names = self._names(root.get("names", {}))
        skipped = self._not_assessed(root.get("not_assessed", []))
        patterns = self._patterns(root.get("patterns", []))
        visits = self._visits(root.get("visits"), defaults, inspectors, patterns)
        visited = {visit.group for visit in visits}
        for n, (group, _) in enumerate(skipped):
            if group in visited:
                c.add(("not_assessed", n, "group"), "round.skipped_visited", group=group)
        return RecordedRound(c.file, tuple(visits), tuple(skipped), names)

    # -- the file's parts --------------------------------------------------------------------
    def _defaults(self, value: object) -> dict[str, Any]:
        c = self.c
        table = c.want_table(value, ("defaults",), ("methods", "representative", "findings"))
        if table is None:
            return {"methods": (), "representative": "", "findings": ""}
        return {
            "methods": self._methods(table.get("methods", []), ("defaults", "methods")),
            "representative": c.want_str(
                table.get("representative"), ("defaults", "representative")
            )
            or "",
            "findings": c.want_str(table.get("findings"), ("defaults", "findings"), multiline=True)
            or "",
        }

    def _methods(self, value: object, path: FieldPath) -> tuple[str, ...]:
        rows = self.c.want_list(value, path, non_empty=False) or []
        allowed = [m for m in METHODS if m in (self.campaign.methods or METHODS)]
        chosen = [self.c.want_choice(row, (*path, n), allowed) for n, row in enumerate(rows)]
        return tuple(m for m in chosen if m)

    def _names_list(self, value: object, path: FieldPath) -> tuple[str, ...]:
        rows = self.c.want_list(value, path, non_empty=False) or []
        return tuple(
            name for n, row in enumerate(rows) if (name := self.c.want_str(row, (*path, n)))
        )

    def _inspectors(self, value: object) -> dict[str, tuple[str, ...]]:
        c = self.c
        teams = [team.id for team in self.campaign.teams]
        table = c.want_table(value, ("inspectors",), teams) or {}
        return {
            team: self._names_list(names, ("inspectors", team)) for team, names in table.items()
        }

    def _names(self, value: object) -> dict[str, str]:
        c = self.c
        table = c.want_table(value, ("names",), ()) if not isinstance(value, dict) else value
        found: dict[str, str] = {}
        for spelling, group in (table or {}).items():
            ident = c.want_str(group, ("names", spelling))
            if ident is not None and self._group(ident, ("names", spelling)):
                found[spelling] = ident
        return found

    def _group(self, ident: str, path: FieldPath) -> bool:
        if ident in {g.id for g in self.campaign.groups}:
            return True
        self.c.add(path, "round.unknown_group", group=ident)
        return False

    def _tables(
        self, value: object, name: str, allowed: tuple[str, ...], required: tuple[str, ...]
    ) -> Iterator[tuple[FieldPath, dict[str, Any]]]:
        """Each table of the array `name` that has the right shape, with its path."""
        rows = self.c.want_list(value, (name,), non_empty=name == "visits") or []
        for n, row in enumerate(rows):
            path: FieldPath = (name, n)
            table = self.c.want_table(row, path, allowed, required)
            if table is not None:
                yield path, table

    def _documentation(self, table: dict[str, Any], path: FieldPath, key: str) -> None:
        """A field only people read (`seed`, `assumption`): text, like every other."""
        if key in table:
            self.c.want_str(table[key], (*path, key), multiline=True)

    def _not_assessed(self, value: object) -> list[tuple[str, str]]:
        c = self.c
        found: list[tuple[str, str]] = []
        shape = ("group", "reason", "assumption"), ("group", "reason")
        for path, table in self._tables(value, "not_assessed", *shape):
            group = c.want_str(table.get("group"), (*path, "group"))
            reason = c.want_str(table.get("reason"), (*path, "reason"))
            self._documentation(table, path, "assumption")
            if group and reason and self._group(group, (*path, "group")):
                if group in {g for g, _ in found}:
                    c.add((*path, "group"), "round.repeated_group", group=group)
                else:
                    found.append((group, reason))
        return found

    def _patterns(self, value: object) -> dict[str, dict[str, Answer]]:
        c = self.c
        found: dict[str, dict[str, Answer]] = {}
        shape = ("id", "seed", "answers"), ("id", "answers")
        for path, table in self._tables(value, "patterns", *shape):
            ident = c.want_str(table.get("id"), (*path, "id"))
            self._documentation(table, path, "seed")
            answers = self._answers(table.get("answers"), (*path, "answers"))
            if ident is None:
                continue
            if ident in found:
                c.add((*path, "id"), "round.repeated_pattern", id=ident)
            found[ident] = answers
        return found

    def _answers(self, value: object, path: FieldPath) -> dict[str, Answer]:
        c = self.c
        if value is None:
            return {}
        if not isinstance(value, dict):
            c.type_error(path, "table", value)
            return {}
        found: dict[str, Answer] = {}
        for item_id, spec in value.items():
            where = (*path, item_id)
            try:
                item = self.campaign.item(item_id)
            except KeyError:
                c.add(where, "checklist.unknown_item", item=item_id)
                continue
            table = c.want_table(spec, where, ("answer", "note"), ("answer",))
            if table is None or "answer" not in table:
                continue
            try:
                answer = check_answer(item, table["answer"])
            except AnswerError as wrong:
                c.add((*where, "answer"), wrong.key, **wrong.params)
                continue
            if (
                item.kind == "note"
                and c.want_str(answer, (*where, "answer"), multiline=True) is None
            ):
                continue
            note = (
                c.want_str(table["note"], (*where, "note"), multiline=True)
                if "note" in table
                else ""
            )
            if note is not None:
                found[item_id] = Answer(answer, note)
        return found

    def _visits(
        self,
        value: object,
        defaults: Mapping[str, Any],
        inspectors: Mapping[str, tuple[str, ...]],
        patterns: Mapping[str, dict[str, Answer]],
    ) -> list[PlannedVisit]:
        c = self.c
        found: list[PlannedVisit] = []
        seen: set[tuple[str, str]] = set()
        for path, table in self._tables(value, "visits", _VISIT, _VISIT_NEEDS):
            before = len(c.problems)
            team, group = self._assigned(table, path)
            when = c.want_date(table.get("date"), (*path, "date"))
            if when is not None and when < self.campaign.start:
                c.add((*path, "date"), "round.before_period", date=when, start=self.campaign.start)
            answers = self._composed(table, path, defaults, patterns)
            texts = {
                key: c.want_str(table.get(key), (*path, key), multiline=key != "representative")
                for key in ("strengths", "problems", "representative")
                if key in table
            }
            tags = self._names_list(table.get("commendations", []), (*path, "commendations"))
            known = {praise.id for praise in self.campaign.outline.commendations}
            for k, tag in enumerate(tags):
                if tag not in known:
                    c.add((*path, "commendations", k), "answer.unknown_commendation", id=tag)
            methods = (
                self._methods(table["methods"], (*path, "methods"))
                if "methods" in table
                else defaults["methods"]
            )
            people = (
                self._names_list(table["inspectors"], (*path, "inspectors"))
                if "inspectors" in table
                else inspectors.get(team or "", ())
            )
            self._documentation(table, path, "seed")
            if team and group and (not methods or not people):
                c.add(path, "round.header_missing", what="methods" if not methods else "inspectors")
            if team and group:
                if (team, group) in seen:
                    c.add((*path, "group"), "round.repeated_visit", team=team, group=group)
                seen.add((team, group))
            if len(c.problems) > before or not (team and group and when):
                continue
            found.append(
                PlannedVisit(
                    team=team,
                    group=group,
                    visit_date=when,
                    inspectors=people,
                    methods=methods,
                    answers=answers,
                    strengths=texts.get("strengths") or "",
                    problems=texts.get("problems") or "",
                    representative=texts.get("representative") or defaults["representative"],
                    commendations=tags,
                )
            )
        return found

    def _assigned(self, table: dict[str, Any], path: FieldPath) -> tuple[str | None, str | None]:
        c = self.c
        team = c.want_str(table.get("team"), (*path, "team"))
        group = c.want_str(table.get("group"), (*path, "group"))
        if team is None or group is None:
            return None, None
        known = next((t for t in self.campaign.teams if t.id == team), None)
        if known is None:
            c.add((*path, "team"), "round.unknown_team", team=team)
            return None, None
        if group not in known.groups:
            c.add((*path, "group"), "round.not_assigned", team=team, group=group)
            return None, None
        return team, group

    def _composed(
        self,
        table: dict[str, Any],
        path: FieldPath,
        defaults: Mapping[str, Any],
        patterns: Mapping[str, dict[str, Answer]],
    ) -> dict[str, Answer]:
        c = self.c
        campaign = self.campaign
        answers = {
            item.id: Answer(full_answer(campaign, item, defaults["findings"]), "")
            for item in campaign.items
        }
        for k, name in enumerate(self._names_list(table.get("patterns", []), (*path, "patterns"))):
            if name not in patterns:
                c.add((*path, "patterns", k), "round.unknown_pattern", id=name)
                continue
            answers.update(patterns[name])
        answers.update(self._answers(table.get("answers"), (*path, "answers")))
        missing = score_visit(campaign, answers).missing_notes
        if missing:
            c.add((*path, "answers"), "round.notes_missing", items=", ".join(missing))
        return answers

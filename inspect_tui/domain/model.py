"""The campaign as plain, immutable data: outline, roster, teams, period, tiers.

Built only by `inspect_tui.loading.campaign.load_campaign`, which validates first; code that
holds a `Campaign` may trust every id in it to exist and every number to make sense.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from pathlib import Path
from typing import Literal

from inspect_tui.domain.visit_window import VisitWindow, default_window
from inspect_tui.words.i18n import Lang, Text, t

ItemKind = Literal["check", "scale", "count", "deduction", "veto", "note"]
Frequency = Literal["month", "quarter", "half-year", "year"]
GroupKind = Literal["township", "system"]

SCORED_KINDS: frozenset[str] = frozenset({"check", "scale", "count"})
ITEM_KINDS: frozenset[str] = SCORED_KINDS | {"deduction", "veto", "note"}
MONTHS_PER: dict[str, int] = {"month": 1, "quarter": 3, "half-year": 6, "year": 12}
TOTAL = "total"


@dataclass(frozen=True, slots=True)
class Item:
    """One thing the team checks. `points` is the most it earns, or for a deduction the
    points taken off per occurrence."""

    id: str
    section_id: str
    kind: ItemKind
    text: Text
    guidance: Text
    points: int = 0
    required: bool = True
    note_required: bool = False
    allow_na: bool = False
    step: int = 1
    frequency: Frequency | None = None
    per: int = 1
    cap: int = 0
    deduct_from: str = TOTAL
    min_months: int = 0

    @property
    def scored(self) -> bool:
        return self.kind in SCORED_KINDS


@dataclass(frozen=True, slots=True)
class Section:
    id: str
    title: Text
    weight: float
    items: tuple[Item, ...]


@dataclass(frozen=True, slots=True)
class Theme:
    """A theme of the circular (通报): items read together, with the office's words for doing
    well (`good`) and falling short (`short`). `name_apart`: townships and county-level systems
    are named in separate lists, as the office does. `name_good`: the groups that did well are
    named; when false the circular says how many did (seed 000 names groups for some themes and
    says only 部分乡镇 for others). Wording only: never in the checklist hash."""

    id: str
    title: Text
    items: tuple[str, ...]
    good: Text
    short: Text
    name_apart: bool = False
    name_good: bool = True


@dataclass(frozen=True, slots=True)
class Commendation:
    """Something a team may tag a visit with at finalize that no item scores (seed 000 praises
    members' campaigns in religious circles, study trips): the circular names the groups so
    tagged under `text`, with `title` as its heading where the outline gives one. Wording only:
    never in the checklist hash."""

    id: str
    text: Text
    title: Text | None = None


@dataclass(frozen=True, slots=True)
class Outline:
    id: str
    title: Text
    total: int
    sections: tuple[Section, ...]
    path: Path
    themes: tuple[Theme, ...] = ()
    commendations: tuple[Commendation, ...] = ()


@dataclass(frozen=True, slots=True)
class Tier:
    id: str
    name: Text
    min: float


@dataclass(frozen=True, slots=True)
class Quota:
    tier: str
    max: int
    ties: Literal["include", "exclude"]


@dataclass(frozen=True, slots=True)
class MergeRule:
    combine: Literal["mean", "median", "team"] = "mean"
    threshold: float = 10.0


@dataclass(frozen=True, slots=True)
class Group:
    id: str
    name: Text
    kind: GroupKind
    sample: bool = False


@dataclass(frozen=True, slots=True)
class Team:
    id: str
    name: Text
    leader: Text
    groups: tuple[str, ...]
    keys: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Target:
    """A count item's target for the campaign's period, and how it was derived."""

    count: int
    per: int
    frequency: str
    months: int
    exact: bool = True

    def explain(self, lang: Lang) -> str:
        """ "6 = 1 per month x 6 months", "2 = 1 per quarter x 2 quarters", or for a yearly item
        in a half-year round "1 = 1 per year, at least 1 in 6 months"."""
        unit = t(f"frequency.{self.frequency}", lang)
        if not self.exact:
            return t(
                "target.minimum",
                lang,
                count=self.count,
                per=self.per,
                unit=unit,
                months=self.months,
            )
        units = self.months // MONTHS_PER[self.frequency]
        many = t(f"frequency.{self.frequency}.{'one' if units == 1 else 'many'}", lang)
        return t(
            "target.explain",
            lang,
            count=self.count,
            per=self.per,
            unit=unit,
            units=units,
            many=many,
        )


@dataclass(frozen=True, slots=True)
class DocumentInfo:
    """What the office prints on its circular (通报) beyond the results: who issues it, its
    number and date, who receives it, the 整改 deadline. Every field is optional; wording only,
    never in the checklist hash. `sample`: the number and lines are sample values."""

    issuer: Text | None = None  # the issuing office's full name (发文机关署名)
    number: Text | None = None  # 文号
    sample: bool = False
    date: date | None = None  # 成文日期
    to: Text | None = None  # 主送
    cc: Text | None = None  # 抄送
    printed_by: Text | None = None  # 印发机关
    printed_on: date | None = None  # 印发日期 (default: the document's date)
    deadline: date | None = None  # 整改 deadline
    requirement: Text | None = None  # 整改 requirements
    praise_limit: int = 8  # groups named per theme in "what went well"
    basis: Text | None = None  # the outline's document number and the year's work points


@dataclass(frozen=True)
class Campaign:
    """One assessment round. `sections` already leave out items the period does not ask for."""

    id: str
    title: Text
    start: date
    end: date
    outline: Outline
    tiers: tuple[Tier, ...]
    tie_break: tuple[str, ...]
    groups: tuple[Group, ...]
    teams: tuple[Team, ...]
    checklist_hash: str
    path: Path
    methods: tuple[str, ...] = ()
    quota: Quota | None = None
    merge: MergeRule = field(default_factory=MergeRule)
    document: DocumentInfo = field(default_factory=DocumentInfo)
    stated_window: VisitWindow | None = None  # `[visit_window]` as the file gives it

    @cached_property
    def visit_window(self) -> VisitWindow:
        """When the visits happen: as stated, else the default after the period. Derived here
        rather than stored, so a campaign copied with another period never keeps a stale one."""
        return self.stated_window or default_window(self.end)

    @cached_property
    def months(self) -> int:
        """Whole months in the period (182 days is 6, 366 days is 12)."""
        days = (self.end - self.start).days + 1
        return max(1, round(days / (365.25 / 12)))

    @cached_property
    def sections(self) -> tuple[Section, ...]:
        months = self.months
        return tuple(
            Section(s.id, s.title, s.weight, tuple(i for i in s.items if i.min_months <= months))
            for s in self.outline.sections
        )

    @cached_property
    def items(self) -> tuple[Item, ...]:
        return tuple(item for section in self.sections for item in section.items)

    @cached_property
    def _item_index(self) -> dict[str, Item]:
        return {item.id: item for item in self.items}

    def item(self, item_id: str) -> Item:
        """The item with this id; KeyError for one the period leaves out or that never was."""
        return self._item_index[item_id]

    def target(self, item: Item) -> Target | None:
        if item.kind != "count" or item.frequency is None:
            return None
        span = self.months
        units, rest = divmod(item.per * span, MONTHS_PER[item.frequency])
        count = max(1, units + (1 if rest else 0))
        return Target(count, item.per, item.frequency, span, exact=rest == 0 and units > 0)

    @cached_property
    def _group_index(self) -> dict[str, Group]:
        return {g.id: g for g in self.groups}

    @cached_property
    def _team_index(self) -> dict[str, Team]:
        return {team.id: team for team in self.teams}

    def group(self, group_id: str) -> Group:
        """The roster's group; KeyError for an id it does not have."""
        return self._group_index[group_id]

    def team(self, team_id: str) -> Team:
        """The campaign's team; KeyError for an id it does not have."""
        return self._team_index[team_id]

    @cached_property
    def _tier_index(self) -> dict[str, int]:
        return {tier.id: n for n, tier in enumerate(self.tiers)}

    def tier(self, tier_id: str) -> Tier | None:
        """The tier with this id, or None for one the campaign does not have."""
        index = self._tier_index.get(tier_id)
        return None if index is None else self.tiers[index]

    def tier_index(self, tier_id: str) -> int:
        """Where the tier stands, best first (0); KeyError for an id the campaign lacks."""
        return self._tier_index[tier_id]

    def team_names(self, lang: Lang) -> dict[str, str]:
        """team id -> its name, as people say it (made once: exports ask for every row)."""
        return self._team_names[lang]

    @cached_property
    def _team_names(self) -> dict[str, dict[str, str]]:
        return {
            lang: {team.id: team.name.get(lang) for team in self.teams} for lang in ("zh", "en")
        }

    @property
    def team_ids(self) -> set[str]:
        return set(self._team_index)

    def deduction_source(self, item: Item, lang: Lang) -> str:
        """Where a deduction comes off, in words: "the total" or the section's title."""
        if item.deduct_from == TOTAL:
            return t("show.from_total", lang)
        section = next(s for s in self.outline.sections if s.id == item.deduct_from)
        return section.title.get(lang)

    def teams_of(self, group_id: str) -> tuple[Team, ...]:
        return tuple(team for team in self.teams if group_id in team.groups)

    @property
    def lowest_tier(self) -> Tier:
        return self.tiers[-1]

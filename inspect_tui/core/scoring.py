"""The scoring rules, as pure functions over a campaign and a visit's answers.

Rules (also in README.md, and printed in every export):
- check: yes = points, no = 0; scale: the value; count: min(observed / target, 1) x points;
  n/a leaves the item out of both earned and max.
- a section scores weight x earned / applicable max; when a whole section is n/a the others
  are rescaled so the outline's total stays reachable;
- a deduction takes points x occurrences (at most its cap) from its section, never below 0
  (扣完为止), or from the total; the total is clamped to [0, outline total];
- a triggered veto puts the group in the lowest tier whatever its total;
- unanswered required items earn nothing yet and make the visit incomplete: they are listed
  in `VisitScore.unanswered`, never silently scored as 0 in a finished result.

Arithmetic is exact (fractions); totals are rounded half up to 2 decimals once, at the end,
and the tier is read from the rounded total, so what a user sees decides the tier.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

from inspect_tui.core.errors import AnswerError
from inspect_tui.core.i18n import Msg
from inspect_tui.core.model import TOTAL, Campaign, Item, Tier

YES, NO, NA = "yes", "no", "na"
AnswerValue = str | int


@dataclass(frozen=True, slots=True)
class Answer:
    """What the team recorded for one item: the value and an optional note."""

    value: AnswerValue | None
    note: str = ""


@dataclass(frozen=True, slots=True)
class ItemScore:
    item: Item
    answered: bool
    applicable: bool
    earned: Fraction
    max: Fraction
    deducted: Fraction = Fraction(0)
    triggered: bool = False
    note: str = ""

    @property
    def short(self) -> bool:
        """Fell short: lost points, was deducted, or triggered a veto."""
        if not self.answered:
            return False
        return self.earned < self.max or self.deducted > 0 or self.triggered

    @property
    def lost(self) -> Fraction:
        return (self.max - self.earned) + self.deducted


@dataclass(frozen=True, slots=True)
class SectionScore:
    id: str
    earned: Fraction
    max: Fraction
    weight: float
    points: Fraction
    deducted: Fraction
    answered: int
    items: int

    @property
    def score(self) -> float:
        return to_float(self.points)


@dataclass(frozen=True, slots=True)
class LostItem:
    """One entry of the 失分项 list: an item that lost points, with the team's note."""

    item_id: str
    section_id: str
    lost: float
    note: str


@dataclass(frozen=True)
class VisitScore:
    total: float
    tier: Tier
    vetoed: bool
    deductions: float
    complete: bool
    unanswered: tuple[str, ...]
    missing_notes: tuple[str, ...]
    lost: tuple[LostItem, ...]
    sections: tuple[SectionScore, ...]
    items: Mapping[str, ItemScore]

    @property
    def answered(self) -> int:
        return sum(1 for s in self.items.values() if s.answered)

    def section(self, section_id: str) -> SectionScore:
        return next(s for s in self.sections if s.id == section_id)


def to_float(value: Fraction) -> float:
    """Round half up to 2 decimals, the way the office rounds by hand."""
    exact = Decimal(value.numerator) / Decimal(value.denominator)
    return float(exact.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP))


def check_answer(item: Item, value: object) -> AnswerValue:
    """`value` in its stored form, or `AnswerError` saying what the item expects."""
    kind = item.kind
    if value == NA and item.allow_na:
        return NA
    if kind in ("check", "veto") and value in (YES, NO):
        return str(value)
    whole = isinstance(value, int) and not isinstance(value, bool) and value >= 0
    if whole and kind in ("count", "deduction"):
        return value  # type: ignore[return-value]
    if whole and kind == "scale" and value <= item.points and value % item.step == 0:  # type: ignore[operator]
        return value  # type: ignore[return-value]
    if kind == "note" and isinstance(value, str):
        return value
    expect = "check_no_na" if kind == "check" and not item.allow_na else kind
    params = {"points": item.points, "step": item.step} if kind == "scale" else {}
    raise AnswerError(
        "answer.invalid",
        value=value,
        item=item.id,
        expected=Msg(f"answer.expect.{expect}", **params),
    )


def score_item(campaign: Campaign, item: Item, answer: Answer | None) -> ItemScore:
    note = answer.note if answer else ""
    points = Fraction(item.points)
    blank_note = item.kind == "note" and not str(answer.value or "").strip() if answer else True
    if answer is None or answer.value is None or blank_note:
        applicable = item.scored and item.required
        return ItemScore(
            item, False, applicable, Fraction(0), points if applicable else Fraction(0)
        )
    value = answer.value
    if value == NA:
        return ItemScore(item, True, False, Fraction(0), Fraction(0), note=note)
    if item.kind == "check":
        return ItemScore(
            item, True, True, points if value == YES else Fraction(0), points, note=note
        )
    if item.kind == "scale":
        return ItemScore(item, True, True, Fraction(int(value)), points, note=note)
    if item.kind == "count":
        target = campaign.target(item)
        assert target is not None
        ratio = min(Fraction(int(value), target.count), Fraction(1))
        return ItemScore(item, True, True, ratio * points, points, note=note)
    if item.kind == "deduction":
        taken = min(points * int(value), Fraction(item.cap))
        return ItemScore(item, True, False, Fraction(0), Fraction(0), deducted=taken, note=note)
    if item.kind == "veto":
        return ItemScore(
            item, True, False, Fraction(0), Fraction(0), triggered=value == YES, note=note
        )
    return ItemScore(item, True, False, Fraction(0), Fraction(0), note=str(value))


def score_visit(campaign: Campaign, answers: Mapping[str, Answer]) -> VisitScore:
    """Score one visit. Answers for items the campaign does not have are ignored."""
    items = {item.id: score_item(campaign, item, answers.get(item.id)) for item in campaign.items}
    sections = campaign.sections
    earned = {s.id: sum((items[i.id].earned for i in s.items), Fraction(0)) for s in sections}
    maxima = {s.id: sum((items[i.id].max for i in s.items), Fraction(0)) for s in sections}
    live_weight = sum(Fraction(s.weight) for s in sections if maxima[s.id] > 0)
    total_points = Fraction(campaign.outline.total)
    rescale = total_points / live_weight if live_weight else Fraction(0)

    taken: dict[str, Fraction] = {}
    for score in items.values():
        if score.deducted:
            key = score.item.deduct_from
            taken[key] = taken.get(key, Fraction(0)) + score.deducted

    section_scores: list[SectionScore] = []
    applied = Fraction(0)
    for s in sections:
        raw = (
            Fraction(s.weight) * earned[s.id] / maxima[s.id] * rescale
            if maxima[s.id]
            else Fraction(0)
        )
        cut = min(raw, taken.get(s.id, Fraction(0)))
        applied += cut
        section_scores.append(
            SectionScore(
                id=s.id,
                earned=earned[s.id],
                max=maxima[s.id],
                weight=s.weight,
                points=raw - cut,
                deducted=cut,
                answered=sum(1 for i in s.items if items[i.id].answered),
                items=len(s.items),
            )
        )
    before_total = sum((sec.points for sec in section_scores), Fraction(0))
    total_cut = min(before_total, taken.get(TOTAL, Fraction(0)))
    exact_total = min(max(before_total - total_cut, Fraction(0)), total_points)
    total = to_float(exact_total)
    vetoed = any(score.triggered for score in items.values())
    tier = campaign.lowest_tier if vetoed else tier_for(campaign.tiers, total)

    unanswered = tuple(i.id for i in campaign.items if i.required and not items[i.id].answered)
    missing_notes = tuple(
        sid
        for sid, sc in items.items()
        if sc.short and sc.item.note_required and not sc.note.strip()
    )
    lost = tuple(
        LostItem(sid, sc.item.section_id, to_float(sc.lost), sc.note)
        for sid, sc in items.items()
        if sc.short and (sc.lost > 0 or sc.triggered)
    )
    return VisitScore(
        total=total,
        tier=tier,
        vetoed=vetoed,
        deductions=to_float(applied + total_cut),
        complete=not unanswered,
        unanswered=unanswered,
        missing_notes=missing_notes,
        lost=lost,
        sections=tuple(section_scores),
        items=items,
    )


def tier_for(tiers: tuple[Tier, ...], total: float) -> Tier:
    """The first tier (best first) whose minimum the total reaches."""
    return next((tier for tier in tiers if total >= tier.min), tiers[-1])

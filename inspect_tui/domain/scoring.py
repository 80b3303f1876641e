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

from inspect_tui.domain.model import TOTAL, Campaign, Item, Tier
from inspect_tui.words.errors import AnswerError
from inspect_tui.words.i18n import Msg

YES, NO, NA = "yes", "no", "na"
MAX_COUNT = 9999  # no group reports ten thousand of anything; a held-down key might
AnswerValue = str | int
Rational = Fraction | int  # exact either way; ints where no division happened


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
    earned: Rational
    max: Rational
    deducted: Rational = 0
    triggered: bool = False
    note: str = ""

    @property
    def short(self) -> bool:
        """Fell short: lost points, was deducted, or triggered a veto."""
        if not self.answered:
            return False
        return self.earned < self.max or self.deducted > 0 or self.triggered


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
    """One entry of the 失分项 list: an item that fell short, with what it cost the total
    (after section weights and floors) and the team's note. A vetoed item costs 0 points."""

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
    """`value` in its stored form, or `AnswerError` saying what the item expects: the one check of
    a value against its item, wherever a value comes in (typed, loaded, signed, merged)."""
    kind = item.kind
    if value == NA and item.allow_na:
        return NA
    if kind in ("check", "veto") and value in (YES, NO):
        return str(value)
    whole = isinstance(value, int) and not isinstance(value, bool) and 0 <= value <= MAX_COUNT
    if whole and kind in ("count", "deduction"):
        return value  # type: ignore[return-value]
    if whole and kind == "scale" and value <= item.points and value % item.step == 0:  # type: ignore[operator]
        return value  # type: ignore[return-value]
    if kind == "note" and isinstance(value, str):
        return value  # what text may hold is checked where it is typed (`text.check_text`)
    expect = "check_no_na" if kind == "check" and not item.allow_na else kind
    params = {"points": item.points, "step": item.step} if kind == "scale" else {}
    raise AnswerError(
        "answer.invalid",
        value=value,
        item=item.id,
        expected=Msg(f"answer.expect.{expect}", **params),
    )


def valid_answers(
    campaign: Campaign, answers: Mapping[str, Answer]
) -> tuple[dict[str, Answer], dict[str, AnswerError]]:
    """(the answers that fit their items, item -> why for those that do not): a value the item
    does not take, or an item the campaign does not have. Whatever a file held, only the first
    part is ever scored; the second is shown as invalid and answered again."""
    fitting: dict[str, Answer] = {}
    wrong: dict[str, AnswerError] = {}
    for item_id, answer in answers.items():
        try:
            item = campaign.item(item_id)
        except KeyError:
            wrong[item_id] = AnswerError("answer.unknown_item", item=item_id)
            continue
        if answer.value is None:
            fitting[item_id] = answer
            continue
        try:
            check_answer(item, answer.value)
        except AnswerError as error:
            wrong[item_id] = error
        else:
            fitting[item_id] = answer
    return fitting, wrong


def score_item(campaign: Campaign, item: Item, answer: Answer | None) -> ItemScore:
    """One item on its own terms (its own points; deductions before any floor)."""
    note = answer.note if answer else ""
    points = item.points  # plain ints until a count needs a fraction: much faster
    value = answer.value if answer else None
    if item.kind == "note" and not str(value or "").strip():
        value = None
    if value is None:
        # Unanswered earns nothing yet but keeps its max, required or not: leaving an item
        # blank must never score better than answering "no".
        return ItemScore(item, False, item.scored, 0, points if item.scored else 0)
    if value == NA:
        return ItemScore(item, True, False, 0, 0, note=note)
    if item.kind == "check":
        earned = points if value == YES else 0
        return ItemScore(item, True, True, earned, points, note=note)
    if item.kind == "scale":
        return ItemScore(item, True, True, int(value), points, note=note)
    if item.kind == "count":
        target = campaign.target(item)
        assert target is not None
        ratio = min(Fraction(int(value), target.count), Fraction(1))
        return ItemScore(item, True, True, ratio * points, points, note=note)
    if item.kind == "deduction":
        taken = min(points * int(value), item.cap)
        return ItemScore(item, True, False, 0, 0, deducted=taken, note=note)
    if item.kind == "veto":
        triggered = value == YES
        return ItemScore(item, True, False, 0, 0, triggered=triggered, note=note)
    return ItemScore(item, True, False, 0, 0, note=str(value))


def score_visit(campaign: Campaign, answers: Mapping[str, Answer]) -> VisitScore:
    """Score one visit. Answers for items the campaign does not have are ignored."""
    items = {item.id: score_item(campaign, item, answers.get(item.id)) for item in campaign.items}
    sections = campaign.sections
    earned = {s.id: sum(items[i.id].earned for i in s.items) for s in sections}
    maxima = {s.id: sum(items[i.id].max for i in s.items) for s in sections}
    live_weight = sum(exact(s.weight) for s in sections if maxima[s.id] > 0)
    total_points = Fraction(campaign.outline.total)
    rescale = total_points / live_weight if live_weight else Fraction(0)
    # what one point of an item is worth in the total, section by section
    worth = {
        s.id: exact(s.weight) * rescale / maxima[s.id] if maxima[s.id] else Fraction(0)
        for s in sections
    }
    lost_points = {
        item_id: (sc.max - sc.earned) * worth[sc.item.section_id]
        for item_id, sc in items.items()
        if sc.item.scored and sc.answered and sc.applicable and sc.earned != sc.max
    }

    section_scores: list[SectionScore] = []
    for s in sections:
        raw = earned[s.id] * worth[s.id]
        cut = _apply(raw, _deductions_from(items, s.id), lost_points)
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
    total_cut = _apply(before_total, _deductions_from(items, TOTAL), lost_points)
    exact_total = min(before_total - total_cut, total_points)
    total = to_float(exact_total)
    vetoed = any(score.triggered for score in items.values())
    tier = campaign.lowest_tier if vetoed else tier_for(campaign.tiers, total)

    unanswered = tuple(i.id for i in campaign.items if i.required and not items[i.id].answered)
    missing_notes = tuple(
        sid
        for sid, sc in items.items()
        if (sc.short or _na(answers.get(sid))) and sc.item.note_required and not sc.note.strip()
    )
    lost = tuple(
        LostItem(sid, sc.item.section_id, to_float(lost_points.get(sid, Fraction(0))), sc.note)
        for sid, sc in items.items()
        if sc.short
    )
    return VisitScore(
        total=total,
        tier=tier,
        vetoed=vetoed,
        deductions=to_float(sum((sec.deducted for sec in section_scores), total_cut)),
        complete=not unanswered,
        unanswered=unanswered,
        missing_notes=missing_notes,
        lost=lost,
        sections=tuple(section_scores),
        items=items,
    )


def _na(answer: Answer | None) -> bool:
    """n/a is a claim that needs its reason, like a shortfall does."""
    return answer is not None and answer.value == NA


def exact(weight: float) -> Fraction:
    """A weight from TOML as the decimal the clerk wrote (12.1 is 121/10, not its float)."""
    return Fraction(str(weight))


def _deductions_from(items: Mapping[str, ItemScore], source: str) -> list[ItemScore]:
    return [sc for sc in items.values() if sc.deducted and sc.item.deduct_from == source]


def _apply(available: Fraction, deductions: list[ItemScore], lost: dict[str, Fraction]) -> Fraction:
    """Take the deductions from `available` in outline order, never below 0 (扣完为止), and
    record in `lost` what each one really took: the 失分项 list adds up to what was lost."""
    left = available
    for sc in deductions:
        taken = min(left, sc.deducted)
        lost[sc.item.id] = taken
        left -= taken
    return available - left


def tier_for(tiers: tuple[Tier, ...], total: float) -> Tier:
    """The first tier (best first) whose minimum the total reaches."""
    return next((tier for tier in tiers if total >= tier.min), tiers[-1])

"""The compiled tally gives exactly `score_visit`'s figures, for any answers."""

from __future__ import annotations

from dataclasses import replace
from fractions import Fraction

from hypothesis import given, settings
from hypothesis import strategies as st

from inspect_tui.domain.model import Campaign
from inspect_tui.domain.scoring import NA, Answer, score_visit, to_float
from inspect_tui.domain.tally import Tally, _hundredths
from tests.unit.test_scoring_properties import CAMPAIGNS, values_for


def odd_weights(campaign: Campaign) -> Campaign:
    """Decimal weights (as a clerk may write 12.1) and n/a allowed everywhere, so whole
    sections can drop out and the others are rescaled."""
    weights = iter((20.5, 14.5, 20.1, 15.2, 29.7, 0.0, 0.0))
    sections = tuple(
        replace(
            s,
            weight=next(weights) if s.weight else s.weight,
            items=tuple(replace(i, allow_na=True) for i in s.items),
        )
        for s in campaign.outline.sections
    )
    return replace(campaign, outline=replace(campaign.outline, sections=sections))


VARIANTS = [*CAMPAIGNS, *(odd_weights(c) for c in CAMPAIGNS)]


@st.composite
def stored_visits(draw: st.DrawFn) -> tuple[Campaign, dict[str, Answer]]:
    campaign = draw(st.sampled_from(VARIANTS))
    answers: dict[str, Answer] = {}
    for item in campaign.items:
        value = draw(values_for(campaign, item))
        if value is not None:
            answers[item.id] = Answer(value, draw(st.sampled_from(["", "缺“记录”…"])))
    return campaign, answers


@settings(max_examples=500, deadline=None)
@given(stored_visits())
def test_tally_equals_score_visit(visit: tuple[Campaign, dict[str, Answer]]) -> None:
    campaign, answers = visit
    stored = {k: {"value": a.value, "note": a.note} for k, a in answers.items()}
    reference = score_visit(campaign, answers)
    summary = Tally(campaign).summary(stored)
    assert summary.total == reference.total
    assert summary.vetoed == reference.vetoed
    assert summary.deductions == reference.deductions
    assert summary.sections == {s.id: s.score for s in reference.sections}
    short = Tally(campaign).short(stored)
    assert short == [(lost.item_id, lost.note) for lost in reference.lost]


def test_a_visit_with_every_section_na_scores_zero() -> None:
    campaign = odd_weights(CAMPAIGNS[0])
    stored = {item.id: {"value": NA} for item in campaign.items}
    reference = score_visit(campaign, {item.id: Answer(NA) for item in campaign.items})
    summary = Tally(campaign).summary(stored)
    assert summary.total == reference.total == 0
    assert set(summary.sections.values()) == {0.0}


@given(st.integers(0, 10**6), st.integers(1, 10**4))
def test_rounding_matches_to_float(numerator: int, denominator: int) -> None:
    assert _hundredths(numerator, denominator) == to_float(Fraction(numerator, denominator))

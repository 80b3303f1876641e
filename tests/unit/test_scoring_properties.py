"""Properties of the scoring rules over any answers to the bundled campaigns."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from inspect_tui.domain.model import Campaign, Item
from inspect_tui.domain.scoring import NA, NO, YES, Answer, AnswerValue, score_visit
from inspect_tui.loading.campaign import load_campaign
from inspect_tui.storage.paths import CHECKLISTS

CAMPAIGNS = [
    load_campaign(CHECKLISTS / "shache-2012-h1.toml"),
    load_campaign(CHECKLISTS / "shache-2012-y.toml"),
]


def values_for(
    campaign: Campaign, item: Item, *, blank: bool = True
) -> st.SearchStrategy[AnswerValue | None]:
    na = [NA] if item.allow_na else []
    if item.kind == "check":
        base: st.SearchStrategy = st.sampled_from([YES, NO, *na])
    elif item.kind == "scale":
        steps = st.integers(0, item.points // item.step).map(lambda n: n * item.step)
        base = st.one_of(steps, st.sampled_from(na)) if na else steps
    elif item.kind == "count":
        target = campaign.target(item)
        assert target is not None
        counts = st.integers(0, 3 * target.count)
        base = st.one_of(counts, st.sampled_from(na)) if na else counts
    elif item.kind == "deduction":
        base = st.integers(0, 12)
    elif item.kind == "veto":
        base = st.sampled_from([YES, NO])
    else:
        base = st.text(min_size=1, max_size=5).filter(str.strip)
    return st.one_of(st.none(), base) if blank else base


@st.composite
def visits(draw: st.DrawFn, *, blanks: bool = True) -> tuple[Campaign, dict[str, Answer]]:
    campaign = draw(st.sampled_from(CAMPAIGNS))
    answers: dict[str, Answer] = {}
    for item in campaign.items:
        value = draw(values_for(campaign, item, blank=blanks))
        if value is not None:
            answers[item.id] = Answer(value)
    return campaign, answers


def improved(campaign: Campaign, item: Item, value: AnswerValue) -> AnswerValue | None:
    """A strictly better answer for the item, or None when there is none."""
    if item.kind == "check" and value == NO:
        return YES
    if item.kind == "scale" and value != NA and int(value) < item.points:
        return int(value) + item.step
    if item.kind == "count" and value != NA:
        return int(value) + 1
    if item.kind == "deduction" and int(value) > 0:
        return int(value) - 1
    if item.kind == "veto" and value == YES:
        return NO
    return None


@settings(max_examples=300, deadline=None)
@given(visits())
def test_total_stays_within_0_and_100(visit: tuple[Campaign, dict[str, Answer]]) -> None:
    campaign, answers = visit
    result = score_visit(campaign, answers)
    assert 0 <= result.total <= 100
    assert all(section.score >= 0 for section in result.sections)
    assert result.complete == (not result.unanswered)


@settings(max_examples=300, deadline=None)
@given(visits(), st.data())
def test_improving_any_answer_never_lowers_the_total(
    visit: tuple[Campaign, dict[str, Answer]], data: st.DataObject
) -> None:
    campaign, answers = visit
    candidates = [
        (item, better)
        for item in campaign.items
        if item.id in answers
        and (better := improved(campaign, item, answers[item.id].value)) is not None
    ]
    if not candidates:
        return
    item, better = data.draw(st.sampled_from(candidates))
    before = score_visit(campaign, answers)
    after = score_visit(campaign, {**answers, item.id: Answer(better)})
    assert after.total >= before.total
    assert after.tier.min >= before.tier.min or before.vetoed


@settings(max_examples=200, deadline=None)
@given(visits(), st.data())
def test_answering_a_missing_item_never_lowers_the_total(
    visit: tuple[Campaign, dict[str, Answer]], data: st.DataObject
) -> None:
    campaign, answers = visit
    missing = [
        i for i in campaign.items if i.id not in answers and i.kind in ("check", "scale", "count")
    ]
    if not missing:
        return
    item = data.draw(st.sampled_from(missing))
    value = data.draw(values_for(campaign, item).filter(lambda v: v is not None and v != NA))
    before = score_visit(campaign, answers)
    after = score_visit(campaign, {**answers, item.id: Answer(value)})
    assert after.total >= before.total


@settings(max_examples=300, deadline=None)
@given(visits(), st.data())
def test_marking_an_item_na_never_changes_another_items_contribution(
    visit: tuple[Campaign, dict[str, Answer]], data: st.DataObject
) -> None:
    campaign, answers = visit
    item = data.draw(st.sampled_from([i for i in campaign.items if i.allow_na]))
    before = score_visit(campaign, answers)
    after = score_visit(campaign, {**answers, item.id: Answer(NA)})
    for other_id, other in before.items.items():
        if other_id != item.id:
            assert after.items[other_id] == other
    assert after.items[item.id].max == 0
    assert after.items[item.id].earned == 0


@settings(max_examples=300, deadline=None)
@given(visits(blanks=False))
def test_the_lost_points_add_up_to_what_the_total_lost(
    visit: tuple[Campaign, dict[str, Answer]],
) -> None:
    """The 失分项 list the office publishes must account for every point below 100."""
    campaign, answers = visit
    result = score_visit(campaign, answers)
    assert result.complete
    listed = sum(entry.lost for entry in result.lost)
    assert abs(listed + result.total - 100) <= 0.005 * (len(result.lost) + 1)


@settings(max_examples=200, deadline=None)
@given(visits(), st.data())
def test_leaving_an_item_blank_never_beats_answering_it(
    visit: tuple[Campaign, dict[str, Answer]], data: st.DataObject
) -> None:
    campaign, answers = visit
    scored = [i for i in campaign.items if i.kind in ("check", "scale", "count")]
    item = data.draw(st.sampled_from(scored))
    value = data.draw(values_for(campaign, item).filter(lambda v: v is not None and v != NA))
    blank = {k: v for k, v in answers.items() if k != item.id}
    answered = {**blank, item.id: Answer(value)}
    assert score_visit(campaign, blank).total <= score_visit(campaign, answered).total

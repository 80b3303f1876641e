"""The one finalize rule (`domain.finalize`): what it lists, in which order, and that the store
refuses by the same rule the dialog shows (the visit information and its date, remarks)."""

from __future__ import annotations

import pytest

from inspect_tui.domain.finalize import Blocker, Remarks, finalize_blockers
from inspect_tui.domain.model import Campaign
from inspect_tui.domain.scoring import NA, NO, Answer, score_visit
from inspect_tui.domain.visit import Visit
from inspect_tui.storage.store import LocalStore
from inspect_tui.words.errors import StoreError
from tests.support.answers import perfect

HEADER = {"inspectors": ("陆保质",), "methods": ("archive",), "visit_date": "2012-07-05"}
SAID = Remarks("档案规范", "无", "组长")


def visit(**header: object) -> Visit:
    fields = {**HEADER, **header}
    return Visit(id="v", campaign_id="c", checklist_hash="h", team="team-2", group="kaqun",
                 **fields)  # type: ignore[arg-type]  # fmt: skip


def blockers(campaign: Campaign, answers: dict[str, Answer], **header: object) -> list[Blocker]:
    return finalize_blockers(
        campaign, visit(**header), score_visit(campaign, answers), answers, remarks=SAID
    )


def test_a_complete_explained_visit_has_no_blocker(campaign: Campaign) -> None:
    assert blockers(campaign, perfect(campaign)) == []


def test_each_missing_part_of_the_visit_information_is_a_blocker(campaign: Campaign) -> None:
    found = blockers(campaign, perfect(campaign), inspectors=(), visit_date="", methods=())
    assert found == [
        Blocker("header", "inspectors"),
        Blocker("header", "visit_date"),
        Blocker("header", "methods"),
    ]


def test_an_na_without_its_reason_is_not_called_a_shortfall(campaign: Campaign) -> None:
    answers = perfect(campaign)
    answers["reports.practical_projects"] = Answer(NA)
    answers["office.room"] = Answer(NO)
    found = blockers(campaign, answers)
    assert Blocker("missing_reason", "reports.practical_projects") in found
    assert Blocker("missing_note", "office.room") in found
    assert all(b.item for b in found)


def test_the_order_is_the_order_a_team_deals_with_them(campaign: Campaign) -> None:
    answers = perfect(campaign)
    del answers["study.plan"]
    answers["office.room"] = Answer(NO)
    found = finalize_blockers(
        campaign,
        visit(methods=()),
        score_visit(campaign, answers),
        answers,
        invalid=("office.rules",),
        remarks=Remarks("", "无", ""),
    )
    assert [b.kind for b in found] == [
        "header", "invalid", "unanswered", "missing_note", "remarks", "representative",
    ]  # fmt: skip


def test_without_remarks_the_dialogs_own_fields_are_not_judged(campaign: Campaign) -> None:
    found = finalize_blockers(
        campaign, visit(), score_visit(campaign, perfect(campaign)), perfect(campaign)
    )
    assert found == []


@pytest.mark.parametrize(
    ("remarks", "key"),
    [
        (Remarks("", "无", "组长"), "store.remarks_missing"),
        (Remarks("好", "  ", "组长"), "store.remarks_missing"),
        (Remarks("好", "无", ""), "store.representative_missing"),
    ],
)
def test_the_store_refuses_by_the_same_rule(
    store: LocalStore, campaign: Campaign, remarks: Remarks, key: str
) -> None:
    made = store.start_visit(campaign, "team-2", "kaqun", **HEADER)  # type: ignore[arg-type]
    for item_id, answer in perfect(campaign).items():
        store.set_answer(campaign, made.id, item_id, answer.value)
    with pytest.raises(StoreError) as caught:
        store.finalize(
            made.id, campaign, strengths=remarks.strengths, problems=remarks.problems,
            representative=remarks.representative,
        )  # fmt: skip
    assert caught.value.key == key
    assert store.visit(made.id).status == "draft"


def test_the_store_wants_the_visit_date_too(store: LocalStore, campaign: Campaign) -> None:
    made = store.start_visit(campaign, "team-2", "kaqun", inspectors=["甲"], methods=["archive"])
    for item_id, answer in perfect(campaign).items():
        store.set_answer(campaign, made.id, item_id, answer.value)
    with pytest.raises(StoreError) as caught:
        store.finalize(made.id, campaign, strengths="好", problems="无", representative="组长")
    assert caught.value.key == "store.header_missing"
    assert "考核日期" in caught.value.line("zh")
    store.update_visit(made.id, visit_date="2012-07-05")
    assert store.finalize(made.id, campaign, strengths="好", problems="无", representative="组长")

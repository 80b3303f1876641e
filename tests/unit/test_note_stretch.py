"""Text saved on every change, audited once per editing stretch: a note typed key by key is on
disk after every key (a hard kill loses nothing), the audit gets one entry from the text before
the stretch to the text after it, and a stretch a kill left open is audited at the next opening."""

from __future__ import annotations

import json
from pathlib import Path

from inspect_tui.domain.model import Campaign
from inspect_tui.domain.scoring import NO
from inspect_tui.storage.store import KEEP, LocalStore

HEADER = {"inspectors": ["甲"], "methods": ["archive"], "visit_date": "2012-07-05"}


def on_disk(folder: Path, visit_id: str) -> dict:
    """The visit file as a reader of the disk sees it, without the store."""
    return json.loads((folder / "visits" / f"{visit_id}.json").read_text(encoding="utf-8"))


def note_on_disk(folder: Path, visit_id: str, item_id: str) -> str:
    rows = on_disk(folder, visit_id)["answers"].values()
    return next(row["note"] for row in rows if row["item"] == item_id)


def typed(store: LocalStore, campaign: Campaign, visit_id: str, item: str, text: str) -> None:
    for end in range(1, len(text) + 1):
        store.set_answer(campaign, visit_id, item, KEEP, text[:end], stretch=True)
        assert note_on_disk(store.folder, visit_id, item) == text[:end]


def notes_audited(store: LocalStore, visit_id: str) -> list[tuple[object, object]]:
    return [(e.old, e.new) for e in store.audit(visit_id) if e.action == "note"]


def test_every_key_is_on_disk_and_the_stretch_is_one_audit_entry(
    store: LocalStore, campaign: Campaign
) -> None:
    made = store.start_visit(campaign, "team-2", "kaqun", **HEADER)
    store.set_answer(campaign, made.id, "office.room", NO)
    typed(store, campaign, made.id, "office.room", "门牌缺失")
    assert notes_audited(store, made.id) == []  # not one entry per keystroke
    store.end_stretch(made.id, "office.room")
    assert notes_audited(store, made.id) == [("", "门牌缺失")]
    assert store.answers(made.id)["office.room"].value == NO  # KEEP kept the answer
    typed(store, campaign, made.id, "office.room", "门牌缺失，已补")
    store.end_stretch(made.id, "office.room")
    assert notes_audited(store, made.id) == [("", "门牌缺失"), ("门牌缺失", "门牌缺失，已补")]
    assert "was" not in json.dumps(on_disk(store.folder, made.id)["answers"])


def test_a_stretch_back_to_where_it_began_is_not_audited(
    store: LocalStore, campaign: Campaign
) -> None:
    made = store.start_visit(campaign, "team-2", "kaqun", **HEADER)
    store.set_answer(campaign, made.id, "office.room", NO, "原有")
    store.set_answer(campaign, made.id, "office.room", KEEP, "原有x", stretch=True)
    store.set_answer(campaign, made.id, "office.room", KEEP, "原有", stretch=True)
    store.end_stretch(made.id, "office.room")
    assert notes_audited(store, made.id) == [("", "原有")]


def test_a_stretch_a_kill_left_open_is_audited_at_the_next_opening(
    data_dir: Path, campaign: Campaign
) -> None:
    with LocalStore(data_dir) as store:
        made = store.start_visit(campaign, "team-2", "kaqun", **HEADER)
        typed(store, campaign, made.id, "archive.genuine", "同一笔迹")
        # no end_stretch: the laptop died here; the store is closed as the OS would
    with LocalStore(data_dir) as store:
        assert store.answers(made.id)["archive.genuine"].note == "同一笔迹"
        assert notes_audited(store, made.id) == [("", "同一笔迹")]
    with LocalStore(data_dir) as store:  # and only once
        assert notes_audited(store, made.id) == [("", "同一笔迹")]


def test_a_text_item_typed_is_its_answer_audited_once(
    store: LocalStore, campaign: Campaign
) -> None:
    made = store.start_visit(campaign, "team-2", "kaqun", **HEADER)
    for end in range(1, 5):
        store.set_answer(campaign, made.id, "penalties.other_findings", "委员建议"[:end],
                         stretch=True)  # fmt: skip
    store.end_stretch(made.id, "penalties.other_findings")
    answers = [(e.old, e.new) for e in store.audit(made.id) if e.action == "answer"]
    assert answers == [(None, "委员建议")]


def test_an_answer_key_during_a_stretch_closes_it(store: LocalStore, campaign: Campaign) -> None:
    made = store.start_visit(campaign, "team-2", "kaqun", **HEADER)
    typed(store, campaign, made.id, "office.room", "缺")
    store.set_answer(campaign, made.id, "office.room", NO)  # audited: the stretch with it
    entries = [(e.action, e.old, e.new) for e in store.audit(made.id) if e.subject]
    assert entries == [("answer", None, NO), ("note", "", "缺")]


def test_remarks_typed_in_the_finalize_dialog_are_one_entry_per_field(
    data_dir: Path, campaign: Campaign
) -> None:
    with LocalStore(data_dir) as store:
        made = store.start_visit(campaign, "team-2", "kaqun", **HEADER)
        for end in range(1, 5):
            store.update_visit(made.id, stretch=True, strengths="档案规范"[:end])
        assert store.visit(made.id).strengths == "档案规范"
        assert [e for e in store.audit(made.id) if e.action == "header"] == []
    with LocalStore(data_dir) as store:  # killed in the dialog: kept, and audited now
        assert store.visit(made.id).strengths == "档案规范"
        header = [(e.subject, e.old, e.new) for e in store.audit(made.id) if e.action == "header"]
        assert header == [("strengths", "", "档案规范")]

"""The local store: visits, answers, audit, finalize/reopen, locks, damaged files, full disks."""

from __future__ import annotations

import errno
import json
import os
from pathlib import Path

import pytest

from inspect_tui.domain.model import Campaign
from inspect_tui.domain.scoring import NO, YES, Answer
from inspect_tui.storage import atomic
from inspect_tui.storage.store import LocalStore
from inspect_tui.words.errors import AnswerError, StoreError, StoreLocked, VisitLocked
from tests.support.answers import best_value


def answer_all(store: LocalStore, campaign: Campaign, visit_id: str) -> None:
    """Everything a finalize needs: the header, and every item answered at its best."""
    store.update_visit(
        visit_id, inspectors=["陆保质"], methods=["archive"], visit_date="2012-07-05"
    )
    for item in campaign.items:
        store.set_answer(campaign, visit_id, item.id, best_value(campaign, item))


def test_answers_survive_closing_and_reopening(data_dir: Path, campaign: Campaign) -> None:
    with LocalStore(data_dir, who="阿依古丽") as store:
        visit = store.start_visit(
            campaign,
            "team-2",
            "kaqun",
            inspectors=["努尔东·艾山", "阿依古丽"],
            methods=["report", "archive"],
            visit_date="2012-07-05",
        )
        store.set_answer(campaign, visit.id, "study.plan", YES)
        store.set_answer(campaign, visit.id, "reports.social_info", 4, "只报了4条")
        store.set_answer(campaign, visit.id, "archive.genuine", NO, "同一天同一笔迹补写")
    with LocalStore(data_dir) as store:
        again = store.visit(visit.id)
        assert again.inspectors == ("努尔东·艾山", "阿依古丽")
        assert again.methods == ("report", "archive")
        assert again.position == "archive.genuine"
        assert store.answers(visit.id) == {
            "study.plan": Answer(YES, ""),
            "reports.social_info": Answer(4, "只报了4条"),
            "archive.genuine": Answer(NO, "同一天同一笔迹补写"),
        }
        assert store.find_visit(campaign.id, "team-2", "kaqun") == again
        assert store.visits(campaign.id, team="team-2") == [again]
        assert store.visits(campaign.id, team="team-1") == []


def test_every_change_is_audited_with_who_old_and_new(
    store: LocalStore, campaign: Campaign
) -> None:
    visit = store.start_visit(campaign, "team-1", "shache-zhen")
    store.set_answer(campaign, visit.id, "study.plan", YES)
    store.set_answer(campaign, visit.id, "study.plan", NO, "计划未经组长签发")
    store.set_answer(
        campaign, visit.id, "study.plan", NO, "计划未经组长签发"
    )  # no change, no entry
    store.update_visit(visit.id, inspectors=["陆保质"])
    entries = [(e.action, e.subject, e.old, e.new, e.who) for e in store.audit(visit.id)]
    assert entries == [
        ("create", "", None, {"team": "team-1", "group": "shache-zhen"}, "测试员"),
        ("answer", "study.plan", None, YES, "测试员"),
        ("answer", "study.plan", YES, NO, "测试员"),
        ("note", "study.plan", "", "计划未经组长签发", "测试员"),
        ("header", "inspectors", [], ["陆保质"], "测试员"),
    ]


def test_a_visit_per_team_and_group(store: LocalStore, campaign: Campaign) -> None:
    store.start_visit(campaign, "team-1", "weisheng-xitong")
    store.start_visit(campaign, "team-2", "weisheng-xitong")  # an anchor: two teams, two visits
    with pytest.raises(StoreError) as caught:
        store.start_visit(campaign, "team-1", "weisheng-xitong")
    assert caught.value.key == "store.visit_exists"


def test_invalid_answers_and_unknown_items_change_nothing(
    store: LocalStore, campaign: Campaign
) -> None:
    visit = store.start_visit(campaign, "team-1", "shache-zhen")
    with pytest.raises(AnswerError):
        store.set_answer(campaign, visit.id, "office.rules", 9)
    with pytest.raises(AnswerError) as caught:
        store.set_answer(campaign, visit.id, "plans.year_summary", YES)  # not asked in a half-year
    assert caught.value.key == "answer.unknown_item"
    assert store.answers(visit.id) == {}
    assert [e.action for e in store.audit(visit.id)] == ["create"]


def test_finalize_is_refused_until_complete_and_explained(
    store: LocalStore, campaign: Campaign
) -> None:
    visit = store.start_visit(campaign, "team-1", "shache-zhen")
    answer_all(store, campaign, visit.id)
    store.set_answer(campaign, visit.id, "archive.catalogue", None)
    with pytest.raises(StoreError) as caught:
        store.finalize(
            visit.id, campaign, strengths="档案齐全", problems="无", representative="组长"
        )
    assert caught.value.key == "store.incomplete"
    assert "archive.catalogue" in caught.value.line("zh")
    store.set_answer(campaign, visit.id, "archive.catalogue", 2)  # fell short, note required
    with pytest.raises(StoreError) as caught:
        store.finalize(
            visit.id, campaign, strengths="档案齐全", problems="无", representative="组长"
        )
    assert caught.value.key == "store.notes_missing"
    assert store.visit(visit.id).status == "draft"
    store.set_answer(campaign, visit.id, "archive.catalogue", 2, "目录不全")
    final = store.finalize(
        visit.id,
        campaign,
        strengths="档案整理规范",
        problems="目录不全",
        representative="买买提·艾力",
    )
    assert final.status == "final" and final.revision == 1
    assert final.representative == "买买提·艾力"
    last = store.audit(visit.id)[-1]
    assert (last.action, last.new) == ("finalize", {"total": 98.0, "tier": "good"})


def test_finalized_visit_is_read_only_until_reopened_with_a_reason(
    store: LocalStore, campaign: Campaign
) -> None:
    visit = store.start_visit(campaign, "team-3", "qiareke")
    answer_all(store, campaign, visit.id)
    store.finalize(visit.id, campaign, strengths="档案齐全", problems="无", representative="组长")
    with pytest.raises(VisitLocked):
        store.set_answer(campaign, visit.id, "study.plan", NO, "x")
    with pytest.raises(VisitLocked):
        store.update_visit(visit.id, problems="x")
    with pytest.raises(StoreError) as caught:
        store.reopen(visit.id, "   ")
    assert caught.value.key == "store.reason_required"
    reopened = store.reopen(visit.id, "组长补交了学习计划")
    assert (reopened.status, reopened.revision) == ("draft", 2)
    entry = store.audit(visit.id)[-1]
    assert (entry.action, entry.reason, entry.old, entry.new) == (
        "reopen",
        "组长补交了学习计划",
        1,
        2,
    )
    store.set_answer(campaign, visit.id, "study.plan", NO, "计划是补写的")
    assert store.audit(visit.id)[-2].revision == 2
    with pytest.raises(StoreError):
        store.reopen(visit.id, "again")  # not final


def test_visit_of_another_checklist_version_is_not_mixed(
    store: LocalStore, campaign: Campaign, year_campaign: Campaign
) -> None:
    visit = store.start_visit(campaign, "team-1", "shache-zhen")
    with pytest.raises(StoreError) as caught:
        store.set_answer(year_campaign, visit.id, "study.plan", YES)
    assert caught.value.key == "store.checklist_changed"


def test_chinese_is_stored_readable_in_utf8(
    store: LocalStore, campaign: Campaign, data_dir: Path
) -> None:
    visit = store.start_visit(campaign, "team-2", "kaqun")
    store.set_answer(campaign, visit.id, "archive.genuine", NO, "记录系“临时突击”形成……")
    raw = (data_dir / "visits" / f"{visit.id}.json").read_bytes().decode("utf-8")
    assert "记录系“临时突击”形成……" in raw
    assert "\\u" not in raw


def test_settings_are_remembered(data_dir: Path) -> None:
    with LocalStore(data_dir) as store:
        assert store.setting("team:shache-2012-h1") is None
        store.set_setting("team:shache-2012-h1", "team-2")
    with LocalStore(data_dir) as store:
        assert store.setting("team:shache-2012-h1") == "team-2"


def test_a_second_instance_is_told_who_holds_the_folder(store: LocalStore, data_dir: Path) -> None:
    with pytest.raises(StoreLocked) as caught:
        LocalStore(data_dir)
    message = caught.value.line("en")
    assert str(data_dir) in message
    assert f"pid {os.getpid()}" in message
    store.close()
    LocalStore(data_dir).close()  # free again once the first one closes


def test_damaged_visit_file_is_reported_and_left_untouched(
    data_dir: Path, campaign: Campaign
) -> None:
    with LocalStore(data_dir) as store:
        good = store.start_visit(campaign, "team-1", "shache-zhen")
        bad = store.start_visit(campaign, "team-1", "tuomuwusitang")
    bad_path = data_dir / "visits" / f"{bad.id}.json"
    damaged = bad_path.read_bytes()[:-40]
    bad_path.write_bytes(damaged)
    foreign = data_dir / "visits" / "notes.json"
    foreign.write_text(json.dumps({"hello": "world"}), encoding="utf-8")
    with LocalStore(data_dir) as store:
        assert [v.id for v in store.visits()] == [good.id]
        problems = sorted(e.key for e in store.damaged)
        assert problems == ["store.corrupt", "store.foreign"]
        assert any(str(bad_path) in e.line("en") for e in store.damaged)
        store.set_answer(campaign, good.id, "study.plan", YES)
    assert bad_path.read_bytes() == damaged
    assert json.loads(foreign.read_text(encoding="utf-8")) == {"hello": "world"}


def test_damaged_settings_file_is_reported_and_left_untouched(
    data_dir: Path, campaign: Campaign
) -> None:
    with LocalStore(data_dir) as store:
        store.set_setting("team:shache-2012-h1", "team-2")
        visit = store.start_visit(campaign, "team-2", "kaqun")
    settings = data_dir / "settings.json"
    settings.write_bytes(b'{"settings": {"1": ')
    with LocalStore(data_dir) as store:  # only preferences: the visits still open
        assert [e.key for e in store.damaged] == ["store.corrupt"]
        assert str(settings) in store.damaged[0].line("zh")
        assert store.setting("team:shache-2012-h1", "none") == "none"
        with pytest.raises(StoreError) as caught:
            store.set_setting("team:shache-2012-h1", "team-1")
        assert caught.value.key == "store.corrupt"
        store.set_answer(campaign, visit.id, "study.plan", YES)
    assert settings.read_bytes() == b'{"settings": {"1": '


def test_a_visit_file_with_a_malformed_row_is_damaged_not_a_crash(
    data_dir: Path, campaign: Campaign
) -> None:
    with LocalStore(data_dir) as store:
        visit = store.start_visit(campaign, "team-2", "kaqun")
        store.set_answer(campaign, visit.id, "study.plan", YES)
    path = data_dir / "visits" / f"{visit.id}.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    del data["answers"]["1"]["item"]
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    before = path.read_bytes()
    with LocalStore(data_dir) as store:
        assert store.visits() == []
        assert [e.key for e in store.damaged] == ["store.foreign"]
    assert path.read_bytes() == before


def test_visits_only_for_assigned_teams_and_groups(store: LocalStore, campaign: Campaign) -> None:
    for team, group in (("team-9", "kaqun"), ("team-1", "nowhere"), ("team-1", "kaqun")):
        with pytest.raises(StoreError) as caught:
            store.start_visit(campaign, team, group)
        assert caught.value.key == "store.not_assigned"
    assert store.visits() == []


def test_notes_and_header_fields_must_be_text(store: LocalStore, campaign: Campaign) -> None:
    visit = store.start_visit(campaign, "team-2", "kaqun")
    with pytest.raises(AnswerError):
        store.set_answer(campaign, visit.id, "study.plan", YES, 123)  # type: ignore[arg-type]
    with pytest.raises(AnswerError):
        store.set_answer(campaign, visit.id, "study.plan", YES, "\udcff")
    with pytest.raises(AnswerError):
        store.set_answer(campaign, visit.id, "reports.social_info", 10**30)
    with pytest.raises(TypeError):
        store.update_visit(visit.id, inspectors="张三")
    assert store.answers(visit.id) == {}
    assert store.visit(visit.id).inspectors == ()


def test_a_value_that_cannot_be_serialized_does_not_poison_the_visit(
    store: LocalStore, campaign: Campaign, monkeypatch: pytest.MonkeyPatch
) -> None:
    visit = store.start_visit(campaign, "team-2", "kaqun")
    store.set_answer(campaign, visit.id, "study.plan", YES)

    def cannot(data: object) -> bytes:
        raise TypeError("Integer exceeds 64-bit range")

    monkeypatch.setattr(atomic, "dumps", cannot)
    with pytest.raises(StoreError) as caught:
        store.set_answer(campaign, visit.id, "study.plan", NO, "x")
    assert caught.value.key == "store.write_failed"
    monkeypatch.undo()
    assert store.answers(visit.id) == {"study.plan": Answer(YES, "")}
    store.set_answer(campaign, visit.id, "study.rules", YES)
    assert set(store.answers(visit.id)) == {"study.plan", "study.rules"}


def test_a_finalized_visit_file_is_never_rewritten(
    store: LocalStore, campaign: Campaign, data_dir: Path
) -> None:
    visit = store.start_visit(campaign, "team-2", "kaqun")
    answer_all(store, campaign, visit.id)
    store.finalize(visit.id, campaign, strengths="档案齐全", problems="无", representative="组长")
    path = data_dir / "visits" / f"{visit.id}.json"
    before = path.read_bytes()
    store.set_position(visit.id, "office.room")
    assert path.read_bytes() == before


def test_a_full_disk_keeps_the_last_good_state(
    store: LocalStore, campaign: Campaign, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    visit = store.start_visit(campaign, "team-1", "shache-zhen")
    store.set_answer(campaign, visit.id, "study.plan", YES)
    path = data_dir / "visits" / f"{visit.id}.json"
    before = path.read_bytes()

    real_write = os.write

    def full_disk(fd: int, data: bytes) -> int:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(atomic.os, "write", full_disk)
    with pytest.raises(StoreError) as caught:
        store.set_answer(campaign, visit.id, "study.plan", NO, "x")
    assert caught.value.key == "store.write_failed"
    assert str(path) in caught.value.line("en")
    monkeypatch.setattr(atomic.os, "write", real_write)

    assert path.read_bytes() == before
    assert not [p for p in path.parent.iterdir() if p.name.endswith(".tmp")]
    assert store.answers(visit.id) == {"study.plan": Answer(YES, "")}
    assert [e.action for e in store.audit(visit.id)] == ["create", "answer"]
    assert store.visit(visit.id).position == "study.plan"
    store.set_answer(campaign, visit.id, "study.plan", NO, "恢复后可以继续保存")
    assert store.answers(visit.id)["study.plan"] == Answer(NO, "恢复后可以继续保存")


def test_stale_temp_files_from_a_crash_are_cleared(data_dir: Path, campaign: Campaign) -> None:
    with LocalStore(data_dir) as store:
        visit = store.start_visit(campaign, "team-1", "shache-zhen")
    stale = data_dir / "visits" / f".{visit.id}.json.12345.tmp"
    stale.write_text("{half", encoding="utf-8")
    with LocalStore(data_dir) as store:
        assert not stale.exists()
        assert store.visit(visit.id).group == "shache-zhen"
        assert not store.damaged


def test_an_unusable_data_folder_is_one_clear_error(tmp_path: Path) -> None:
    a_file = tmp_path / "not-a-folder"
    a_file.write_text("x", encoding="utf-8")
    with pytest.raises(StoreError) as caught:
        LocalStore(a_file)
    assert caught.value.key == "store.folder_failed"
    assert str(a_file) in caught.value.line("zh")


def test_a_read_only_data_folder_is_one_clear_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # chmod cannot stop root (CI runs as root), so the OS's refusal is played by the test
    def refuse(*args: object, **kwargs: object) -> None:
        raise PermissionError(errno.EACCES, os.strerror(errno.EACCES))

    monkeypatch.setattr("inspect_tui.storage.lock.open", refuse, raising=False)
    with pytest.raises(StoreError) as caught:
        LocalStore(tmp_path / "ro")
    assert caught.value.key == "store.folder_failed"
    assert os.strerror(errno.EACCES) in caught.value.line("en")


def test_finalize_needs_the_inspectors_and_methods(store: LocalStore, campaign: Campaign) -> None:
    visit = store.start_visit(campaign, "team-2", "kaqun")
    for item in campaign.items:
        store.set_answer(campaign, visit.id, item.id, best_value(campaign, item))
    with pytest.raises(StoreError) as caught:
        store.finalize(
            visit.id, campaign, strengths="档案齐全", problems="无", representative="组长"
        )
    assert caught.value.key == "store.header_missing"
    store.update_visit(
        visit.id, inspectors=["努尔东·艾山"], methods=["report", "archive"], visit_date="2012-07-05"
    )
    assert store.finalize(
        visit.id, campaign, strengths="档案齐全", problems="无", representative="组长"
    ).final


def test_an_na_answer_needs_its_reason(store: LocalStore, campaign: Campaign) -> None:
    visit = store.start_visit(campaign, "team-2", "kaqun")
    answer_all(store, campaign, visit.id)
    store.set_answer(campaign, visit.id, "reports.practical_projects", "na")
    with pytest.raises(StoreError) as caught:
        store.finalize(
            visit.id, campaign, strengths="档案齐全", problems="无", representative="组长"
        )
    assert caught.value.key == "store.reasons_missing"
    store.set_answer(campaign, visit.id, "reports.practical_projects", "na", "本期新组建")
    assert store.finalize(
        visit.id, campaign, strengths="档案齐全", problems="无", representative="组长"
    ).final

"""The team's desk (services/team): a new visit is dated inside the round's visit window and
comes with the inspectors and methods of the team's last visit; text is kept as it is typed."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

from inspect_tui.domain.model import Campaign
from inspect_tui.domain.scoring import NO
from inspect_tui.domain.visit import Visit
from inspect_tui.services.session import Choice, Session
from inspect_tui.services.team import TeamDesk
from inspect_tui.storage.store import LocalStore


def session(campaign: Campaign, store: LocalStore, today: str) -> Session:
    return Session(campaign, store, store.folder / "exports", today=today)


def begin(desk: TeamDesk, team: str, group: str) -> tuple[Visit, bool]:
    """As the app opens a group: the visit there is, or the one proposed, started as it was
    proposed (the dialog confirmed unchanged); and whether it is new."""
    found = desk.find_visit(team, group)
    if found is not None:
        return found, False
    proposed = desk.propose_visit(team, group)
    header = {k: getattr(proposed, k) for k in ("inspectors", "methods", "visit_date")}
    return desk.start_visit(team, group, **header), True


def test_a_new_visit_is_dated_inside_the_visit_window(
    campaign: Campaign, store: LocalStore
) -> None:
    window = campaign.visit_window
    late = begin(session(campaign, store, "2026-12-07").team, "team-2", "kaqun")[0]
    assert late.visit_date == window.end.isoformat()  # a laptop years on: the window's last day
    inside = begin(session(campaign, store, "2012-07-09").team, "team-2", "huoshilafu")[0]
    assert inside.visit_date == "2012-07-09"
    third = campaign.team("team-2").groups[2]
    early = begin(session(campaign, store, "2012-06-01").team, "team-2", third)[0]
    assert early.visit_date == window.start.isoformat()


def test_the_team_s_last_inspectors_and_methods_come_with_a_new_visit(
    campaign: Campaign, store: LocalStore
) -> None:
    desk = session(campaign, store, "2012-07-05").team
    first, new = begin(desk, "team-2", "kaqun")
    assert new and first.inspectors == () and first.methods == ()
    desk.update_header(first.id, inspectors=["努尔东·艾山", "阿依古丽"], methods=["archive"])
    other = store.start_visit(campaign, "team-1", "shache-zhen", inspectors=["别组"])
    assert other.inspectors == ("别组",)  # another team's people are not this team's
    second, new = begin(desk, "team-2", "huoshilafu")
    assert new and second.inspectors == ("努尔东·艾山", "阿依古丽")
    assert second.methods == ("archive",)
    again, new = begin(desk, "team-2", "kaqun")
    assert not new and again.id == first.id


def test_a_note_typed_keeps_the_answer_and_is_on_disk_at_once(
    campaign: Campaign, store: LocalStore
) -> None:
    desk = session(campaign, store, "2012-07-05").team
    made, _ = begin(desk, "team-2", "kaqun")
    desk.answer(made.id, "office.room", NO)
    desk.write_text(made.id, "office.room", "门牌")
    assert store.answers(made.id)["office.room"].value == NO
    desk.end_text(made.id, "office.room")
    notes = [e for e in store.audit(made.id) if e.action == "note"]
    assert [(e.old, e.new) for e in notes] == [("", "门牌")]


def test_the_choice_of_role_is_kept_and_a_vanished_team_is_asked_again(
    campaign: Campaign, store: LocalStore
) -> None:
    desk = session(campaign, store, "2012-07-05")
    assert desk.choice() is None
    desk.choose(Choice("team", "team-3"))
    assert desk.choice() == Choice("team", "team-3")
    desk.choose(Choice("lead"))
    assert desk.choice() == Choice("lead")
    store.set_setting("role:shache-2012-h1", "team")
    store.set_setting("team:shache-2012-h1", "team-9")  # a team this campaign does not have
    assert desk.choice() is None


def test_the_bundle_is_stamped_in_utc_like_the_command_line(
    campaign: Campaign, store: LocalStore, tmp_path: Path
) -> None:
    """The app once stamped local time where the command line stamps UTC."""
    desk = Session(campaign, store, tmp_path / "out", clock=lambda: datetime(2012, 7, 5, 23, 0))
    made = desk.team.bundle("team-2")
    assert made.path.parent == tmp_path / "out" and made.visits == 0
    stamp = json.loads(made.path.read_text(encoding="utf-8"))["created_at"]
    assert stamp.endswith("+00:00")
    assert abs(datetime.fromisoformat(stamp) - datetime.now(UTC)).total_seconds() < 600


def test_outside_the_window_a_new_visit_takes_the_teams_last_date(
    campaign: Campaign, store: LocalStore
) -> None:
    """A laptop whose clock is years on: the team's own last day is a better guess than the
    window's end (one Ctrl+S keeps it)."""
    desk = session(campaign, store, "2026-12-07").team
    first = desk.start_visit("team-2", "kaqun", inspectors=["甲"], visit_date="2012-07-10")
    assert desk.propose_visit("team-2", "huoshilafu").visit_date == first.visit_date
    assert store.find_visit(campaign.id, "team-2", "huoshilafu") is None  # only proposed
    assert desk.propose_visit("team-1", "shache-zhen").visit_date == "2012-07-31"

"""Where a team stands: each assigned group with its visit, progress and current score."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from inspect_tui.domain.model import Campaign, Group
from inspect_tui.domain.scoring import VisitScore, score_visit
from inspect_tui.storage.store import LocalStore, Visit

Status = Literal["not_started", "draft", "final"]


@dataclass(frozen=True)
class GroupProgress:
    group: Group
    visit: Visit | None
    score: VisitScore | None
    items: int

    @property
    def status(self) -> Status:
        if self.visit is None:
            return "not_started"
        return self.visit.status

    @property
    def answered(self) -> int:
        return self.score.answered if self.score else 0


def team_progress(campaign: Campaign, store: LocalStore, team_id: str) -> list[GroupProgress]:
    """The team's groups in the campaign's order, each with what the store holds for it."""
    team = campaign.team(team_id)
    rows = []
    for group_id in team.groups:
        visit = store.find_visit(campaign.id, team_id, group_id)
        usable = visit is not None and visit.checklist_hash == campaign.checklist_hash
        # only answers that fit their items are scored (a hand-edited file's 1000 on a 0-5
        # scale is not); the visit shows the others flagged
        answers = store.checked_answers(campaign, visit.id)[0] if visit and usable else None
        score = score_visit(campaign, answers) if answers is not None else None
        rows.append(GroupProgress(campaign.group(group_id), visit, score, len(campaign.items)))
    return rows

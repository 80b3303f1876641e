"""Team calibration (advisory): how lenient each team is, and how far the teams agree.

Only groups that two or more teams assessed (the cross-check anchors) say anything about the
teams. On them we fit the additive two-way model  score(group, team) = level(group) + offset(team)
by least squares, offsets summing to zero: a team with offset +3 scores about 3 points above the
others on the same groups. Agreement is Krippendorff's alpha for interval data (1 = the teams
always agree, 0 = no better than chance), which copes with teams seeing different groups.

With too few anchors (the teams not all linked through shared groups, or no degree of freedom
left over) there is no estimate, and the result says so instead of printing a number.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace

import numpy as np

from inspect_tui.domain.ranking import TeamResult
from inspect_tui.words.i18n import Lang, Msg, t

FIRM_ANCHORS = 5  # fewer shared groups than this, or agreement below FIRM_ALPHA: a caution
FIRM_ALPHA = 0.67  # Krippendorff's own lowest bar for tentative conclusions


@dataclass(frozen=True)
class Calibration:
    offsets: Mapping[str, float] | None  # team -> points above the others; None: not estimable
    alpha: float | None
    anchors: int
    reason: str = ""  # why there is no estimate: "too_few_anchors" or "teams_not_linked"


def calibrate(results: Mapping[str, Sequence[TeamResult]], teams: Sequence[str]) -> Calibration:
    anchors = {group: rows for group, rows in results.items() if len(rows) >= 2}
    alpha = krippendorff_alpha([[r.total for r in rows] for rows in anchors.values()])
    seen = sorted({r.team for rows in anchors.values() for r in rows})
    if not anchors or len(seen) < 2:
        return Calibration(None, alpha, len(anchors), "too_few_anchors")
    if not _linked(anchors, seen) or set(seen) != set(teams):
        return Calibration(None, alpha, len(anchors), "teams_not_linked")
    observations = [(group, r.team, r.total) for group, rows in anchors.items() for r in rows]
    groups = sorted(anchors)
    parameters = len(groups) + len(seen) - 1
    if len(observations) <= parameters:
        return Calibration(None, alpha, len(anchors), "too_few_anchors")
    design = np.zeros((len(observations) + 1, len(groups) + len(seen)))
    target = np.zeros(len(observations) + 1)
    for row, (group, team, total) in enumerate(observations):
        design[row, groups.index(group)] = 1.0
        design[row, len(groups) + seen.index(team)] = 1.0
        target[row] = total
    design[-1, len(groups) :] = 1.0  # offsets sum to zero
    solution, *_ = np.linalg.lstsq(design, target, rcond=None)
    offsets = {team: round(float(solution[len(groups) + i]), 2) for i, team in enumerate(seen)}
    return Calibration(offsets, alpha, len(anchors))


def apply(
    results: Mapping[str, Sequence[TeamResult]],
    offsets: Mapping[str, float],
    most: float = 100.0,
) -> dict:
    """Each team result with its team's offset taken off the total, clamped to [0, `most`]
    (the outline's total)."""
    return {
        group: [
            replace(r, total=round(min(most, max(0.0, r.total - offsets.get(r.team, 0.0))), 2))
            for r in rows
        ]
        for group, rows in results.items()
    }


def krippendorff_alpha(units: Sequence[Sequence[float]]) -> float | None:
    """Krippendorff's alpha, interval metric; units with fewer than two values are left out.
    None where it cannot be computed: fewer than two shared units (one unit always gives 0,
    which would read as "no agreement at all"), or no spread to compare against."""
    pairable = [list(values) for values in units if len(values) >= 2]
    values = [v for unit in pairable for v in unit]
    n = len(values)
    if len(pairable) < 2:
        return None
    observed = (
        sum(
            sum((a - b) ** 2 for i, a in enumerate(unit) for j, b in enumerate(unit) if i != j)
            / (len(unit) - 1)
            for unit in pairable
        )
        / n
    )
    expected = sum(
        (a - b) ** 2 for i, a in enumerate(values) for j, b in enumerate(values) if i != j
    ) / (n * (n - 1))
    if expected == 0:
        return 1.0 if observed == 0 else None
    return round(1.0 - observed / expected, 3)


def _linked(anchors: Mapping[str, Sequence[TeamResult]], teams: Sequence[str]) -> bool:
    """Whether shared groups connect every team to every other (directly or through others)."""
    reach = {teams[0]}
    changed = True
    while changed:
        changed = False
        for rows in anchors.values():
            members = {r.team for r in rows}
            if members & reach and not members <= reach:
                reach |= members
                changed = True
    return reach == set(teams)


def describe(
    calibration: Calibration, applied: bool, lang: Lang, names: Mapping[str, str] | None = None
) -> str:
    """The advisory note printed with every ranking, and whether the offsets were applied;
    `names` (team id -> name) words the teams as people know them. With few shared groups or
    teams that hardly agree, the note says the offsets are not to be relied on."""
    alpha = (
        Msg("calibration.alpha_none") if calibration.alpha is None
        else Msg("calibration.alpha", alpha=f"{calibration.alpha:.2f}")
    )  # fmt: skip
    if calibration.offsets is None:
        return t("calibration.none", lang, anchors=calibration.anchors, alpha=alpha)
    offsets = ", ".join(
        f"{(names or {}).get(team, team)} {offset:+.1f}"
        for team, offset in calibration.offsets.items()
    )
    key = "calibration.applied" if applied else "calibration.advisory"
    note = t(key, lang, offsets=offsets, anchors=calibration.anchors, alpha=alpha)
    weak = calibration.anchors < FIRM_ANCHORS or (calibration.alpha or 0) < FIRM_ALPHA
    if not weak:
        return note
    return note + t("calibration.weak_applied" if applied else "calibration.weak", lang)

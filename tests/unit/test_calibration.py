"""Team calibration recovers known offsets; agreement is Krippendorff's alpha; too few anchors
say so instead of giving a number."""

from __future__ import annotations

import random

import pytest

from inspect_tui.domain.calibration import apply, calibrate, krippendorff_alpha
from inspect_tui.domain.ranking import TeamResult

TEAMS = ["team-1", "team-2", "team-3"]
TRUE_OFFSETS = {"team-1": 3.0, "team-2": 0.0, "team-3": -3.0}
TOLERANCE = 0.6  # points, with noise of sd 1 over 30 shared groups


def result(team: str, total: float) -> TeamResult:
    return TeamResult(team, total, {}, 0.0)


def synthetic(groups: int, noise: float, seed: int = 7) -> dict[str, list[TeamResult]]:
    rng = random.Random(seed)
    data = {}
    for n in range(groups):
        level = rng.uniform(55, 90)
        pair = (TEAMS[n % 3], TEAMS[(n + 1) % 3])  # every pair of teams shares groups
        data[f"g{n}"] = [
            result(team, level + TRUE_OFFSETS[team] + rng.gauss(0, noise)) for team in pair
        ]
    return data


def test_known_team_offsets_are_recovered() -> None:
    found = calibrate(synthetic(30, noise=1.0), TEAMS)
    assert found.offsets is not None and found.anchors == 30
    for team, offset in TRUE_OFFSETS.items():
        assert abs(found.offsets[team] - offset) <= TOLERANCE, (team, found.offsets)
    assert abs(sum(found.offsets.values())) < 0.05


def test_applying_the_offsets_removes_the_leniency() -> None:
    data = synthetic(30, noise=0.0)
    found = calibrate(data, TEAMS)
    assert found.offsets is not None
    adjusted = apply(data, found.offsets)
    for rows in adjusted.values():
        assert abs(rows[0].total - rows[1].total) < 0.05  # the same group, the same score


def test_agreement_falls_as_the_teams_disagree() -> None:
    close = calibrate(synthetic(30, noise=0.5), TEAMS).alpha
    loose = calibrate(synthetic(30, noise=12.0), TEAMS).alpha
    assert close is not None and loose is not None
    assert close > 0.8 > loose


def test_krippendorff_alpha_hand_computed() -> None:
    # two raters, three units: (1, 2), (3, 3), (5, 4); n = 6
    # observed: per unit sum over ordered pairs / (m - 1): 2, 0, 2 -> 4 / 6
    # expected: squared differences over all pairs of [1,2,3,3,5,4]: 60, ordered 120, / (6 x 5)
    assert krippendorff_alpha([[1, 2], [3, 3], [5, 4]]) == pytest.approx(
        1 - (4 / 6) / (120 / 30), abs=1e-3
    )
    assert krippendorff_alpha([[7]]) is None


def test_too_few_anchors_is_said_not_estimated() -> None:
    one_pair = {"g1": [result("team-1", 80), result("team-2", 75)], "g2": [result("team-3", 70)]}
    found = calibrate(one_pair, TEAMS)
    assert found.offsets is None and found.reason == "teams_not_linked"
    minimal = {
        "a": [result("team-1", 80), result("team-2", 75)],
        "b": [result("team-2", 70), result("team-3", 72)],
    }
    found = calibrate(minimal, TEAMS)  # linked, but no degree of freedom left
    assert found.offsets is None and found.reason == "too_few_anchors"
    assert calibrate({}, TEAMS).reason == "too_few_anchors"

"""The scoring rules compiled once per campaign into integer arithmetic, for ranking thousands
of merged visits.

`score_visit` is the reference: it keeps every item's score, the 失分项 list and the notes,
and a visit screen or a drill-down needs all of that. A ranking of a province needs only each
visit's total, section scores, deductions and veto, and `score_visit` spends most of its time
building fractions and per-item objects it then throws away. `Tally.summary` gives the same
figures (a property test holds the two equal) with plain integers:
- every earned and max point is counted in units of 1/U, U the least common multiple of the
  count targets, so a count item's min(observed / target, 1) x points is a whole number;
- a section's score is weight x rescale x earned / max, and every section is brought over one
  common denominator L, so floors (扣完为止), the clamp and the sums stay exact;
- rounding half up to hundredths is (200 x n + L) // (2 x L), the same as `to_float`.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from fractions import Fraction
from typing import Any

from inspect_tui.domain.model import TOTAL, Campaign
from inspect_tui.domain.scoring import NA, YES

_CHECK, _SCALE, _COUNT, _DEDUCTION, _VETO = range(5)
_CODES = {"check": _CHECK, "scale": _SCALE, "count": _COUNT, "deduction": _DEDUCTION}


@dataclass(frozen=True, slots=True)
class Summary:
    """What the ranking takes from one visit; each figure equals `score_visit`'s. No tier: the
    ranking decides a group's tier from its combined total, not from one visit's."""

    total: float
    vetoed: bool
    deductions: float
    sections: dict[str, float]


class Tally:
    """A campaign's scoring, compiled. Build one per ranking and call `summary` per visit."""

    def __init__(self, campaign: Campaign) -> None:
        self._total = campaign.outline.total
        sections = campaign.sections
        self._section_ids = tuple(s.id for s in sections)
        index = {s.id: n for n, s in enumerate(sections)}
        targets = {item.id: campaign.target(item) for item in campaign.items}
        unit = math.lcm(1, *(t.count for t in targets.values() if t is not None))
        weights = [Fraction(str(s.weight)) for s in sections]
        scale = math.lcm(1, *(w.denominator for w in weights))
        self._weights = tuple(int(w * scale) for w in weights)
        self._plan: list[tuple[str, int, int, int, int, int]] = []
        for item in campaign.items:
            if item.kind == "veto":
                code, where = _VETO, -1
            elif item.kind in _CODES:
                code = _CODES[item.kind]
                source = item.deduct_from if code == _DEDUCTION else item.section_id
                where = -1 if source == TOTAL else index[source]
            else:
                continue  # a note scores nothing
            target = targets[item.id]
            count = target.count if target else 1
            self._plan.append((item.id, code, where, item.points, count, item.cap))
        self._unit = unit

    def summary(self, answers: Mapping[str, Mapping[str, Any]]) -> Summary:
        """The visit's figures from its answers in their stored form ({item: {"value": ...}}).
        Unanswered items earn nothing and keep their max, as in `score_visit`."""
        unit = self._unit
        size = len(self._section_ids)
        earned, maxima, cuts = [0] * size, [0] * size, [0] * (size + 1)  # last: the total
        vetoed = False
        for item_id, code, where, points, target, cap in self._plan:
            entry = answers.get(item_id)
            value = entry.get("value") if entry else None
            if value == NA:
                continue
            if code == _DEDUCTION:
                if value is not None:
                    cuts[where] += min(points * int(value), cap)
                continue
            if code == _VETO:
                vetoed = vetoed or value == YES
                continue
            maxima[where] += points * unit
            if value is None:
                continue
            if code == _CHECK:
                earned[where] += points * unit if value == YES else 0
            elif code == _SCALE:
                earned[where] += int(value) * unit
            else:
                earned[where] += min(int(value), target) * points * unit // target
        return self._finish(earned, maxima, cuts, vetoed)

    def short(self, answers: Mapping[str, Mapping[str, Any]]) -> list[tuple[str, str]]:
        """(item, note) for every item the visit fell short on, in outline order: the items of
        `score_visit`'s 失分项 list (lost points, a deduction, a veto), without the points."""
        found = []
        for item_id, code, _where, points, target, cap in self._plan:
            entry = answers.get(item_id)
            value = entry.get("value") if entry else None
            if value is None or value == NA:
                continue
            if code == _CHECK:
                fell = value != YES and points > 0
            elif code == _SCALE:
                fell = int(value) < points
            elif code == _COUNT:
                fell = int(value) < target and points > 0
            elif code == _DEDUCTION:
                fell = min(points * int(value), cap) > 0
            else:
                fell = value == YES
            if fell:
                found.append((item_id, str(entry.get("note", "")) if entry else ""))
        return found

    def _finish(
        self, earned: list[int], maxima: list[int], cuts: list[int], vetoed: bool
    ) -> Summary:
        live = [n for n, m in enumerate(maxima) if m > 0]
        live_weight = sum(self._weights[n] for n in live)
        common = math.lcm(1, *(maxima[n] for n in live))
        denominator = live_weight * common if live_weight else 1  # L: every figure is n / L
        points = [0] * len(maxima)
        taken = 0
        for n in live if live_weight else ():
            raw = self._weights[n] * self._total * earned[n] * (common // maxima[n])
            cut = min(raw, cuts[n] * denominator)
            points[n] = raw - cut
            taken += cut
        before = sum(points)
        total_cut = min(before, cuts[-1] * denominator)
        total = _hundredths(min(before - total_cut, self._total * denominator), denominator)
        return Summary(
            total=total,
            vetoed=vetoed,
            deductions=_hundredths(taken + total_cut, denominator),
            sections={
                sid: _hundredths(p, denominator)
                for sid, p in zip(self._section_ids, points, strict=True)
            },
        )


def _hundredths(numerator: int, denominator: int) -> float:
    """numerator / denominator rounded half up to 2 decimals (both >= 0), as `to_float` does:
    int / int is correctly rounded, so 1235 / 100 is the same float as 12.35."""
    return (200 * numerator + denominator) // (2 * denominator) / 100

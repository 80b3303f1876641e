"""The calibration note never contradicts itself and never shows an agreement it could not
compute as 0.00."""

from __future__ import annotations

from inspect_tui.domain.calibration import Calibration, describe, krippendorff_alpha


def test_one_shared_group_gives_no_alpha_rather_than_zero() -> None:
    assert krippendorff_alpha([[80.0, 90.0]]) is None
    assert krippendorff_alpha([[80.0, 90.0], [70.0, 72.0]]) is not None


def test_an_alpha_not_computable_is_said_in_words() -> None:
    note = describe(Calibration(None, None, 1, "too_few_anchors"), False, "zh")
    assert "一致性无法计算" in note and "α = 0.00" not in note and "α = -" not in note
    english = describe(Calibration(None, None, 1, "too_few_anchors"), False, "en")
    assert "agreement not computable" in english


def test_applied_offsets_on_weak_ground_are_not_also_called_unfit_to_apply() -> None:
    weak = Calibration({"team-1": 3.0, "team-2": -3.0}, 0.1, 2)
    applied = describe(weak, True, "zh")
    assert applied.startswith("已按考核组校准调整分数")
    assert "不宜据此调整分数" not in applied and "不够可靠" in applied
    advisory = describe(weak, False, "zh")
    assert "仅供参考" in advisory and "不宜据此调整分数" in advisory
    assert "α = 0.10" in advisory

"""Words about groups not assessed, and what every export counts."""

from __future__ import annotations

COVERAGE_MESSAGES: dict[str, dict[str, str]] = {
    # -- one line wherever a ranking is made or exported -----------------------------------------
    "coverage.line": {
        "zh": "全县 {total} 个联络组中已考核 {assessed} 个，其余 {left} 个未列入排名：{skipped} 个记为未考核（已说明原因），{missing} 个尚无计入的结果",
        "en": "{assessed} of {total} groups assessed; {left} not ranked: {skipped} recorded as not assessed (with the reason), {missing} with no counted result yet",
    },
    "coverage.stale": {
        "zh": "{count} 个记为未考核的联络组已有定稿结果，仍未列入排名（{groups}）；要计入请用 inspect-tui county unskip 联络组 --reason 原因",
        "en": "{count} group(s) recorded as not assessed now have a finalized result and are still left out ({groups}); to count it: inspect-tui county unskip GROUP --reason WHY",
    },
    "coverage.short_rule": {
        "zh": "两个以上考核组的结果合并计算时，某项按各组得分合并（平均或中位数）后低于满分，即列为该联络组的失分项；扣分项和否决项只要有一个计入的考核组记录即列入。",
        "en": "Where several teams' results are combined, an item counts as a shortfall of the group when its points, combined by the same rule (mean or median), are below full; a deduction or a veto counts when any counted team recorded it.",
    },
    "coverage.not_assessed_label": {"zh": "未考核", "en": "Not assessed"},
    "export.coverage": {"zh": "考核范围", "en": "Coverage"},
    "export.not_assessed": {"zh": "未考核", "en": "Not assessed"},
    "export.missing": {"zh": "尚无结果", "en": "No result yet"},
    "coverage.not_assessed_item": {"zh": "{name}（{reason}）", "en": "{name} ({reason})"},
    # -- county skip / unskip -----------------------------------------------------------------
    "county.no_group": {
        "zh": "名单中没有联络组“{group}”（见 inspect-tui checklist show）",
        "en": "no group '{group}' in the roster (see inspect-tui checklist show)",
    },
    "county.already_skipped": {
        "zh": "联络组“{group}”已记为未考核（撤销：inspect-tui county unskip {group} --reason 原因）",
        "en": "group '{group}' is already recorded as not assessed (to undo: inspect-tui county unskip {group} --reason WHY)",
    },
    "county.not_skipped": {
        "zh": "联络组“{group}”没有记为未考核",
        "en": "group '{group}' is not recorded as not assessed",
    },
    "county.skip_counted": {
        "zh": "联络组“{group}”已有 {team} 的定稿结果，不能记为未考核（如该结果不应计入，先用 inspect-tui county drop 删除）",
        "en": "group '{group}' has a finalized result from {team}; it cannot be recorded as not assessed (if that result should not count, remove it first with inspect-tui county drop)",
    },
    "county.skipped": {
        "zh": "已将 {group} 记为未考核，不列入排名；原因已记入审计。撤销：inspect-tui county unskip {id} --reason 原因",
        "en": "recorded {group} as not assessed; it is left out of the ranking and the reason is in the audit. To undo: inspect-tui county unskip {id} --reason WHY",
    },
    "county.unskipped": {
        "zh": "已撤销 {group} 的“未考核”记录",
        "en": "{group} is no longer recorded as not assessed",
    },
    "county.skipped_line": {
        "zh": "未考核 {group}（{who}，{at}）：{reason}",
        "en": "not assessed {group} ({who}, {at}): {reason}",
    },
    # -- the merge screen ---------------------------------------------------------------------
    "key.not_assessed": {"zh": "未考核", "en": "Not assessed"},
    "ui.coverage_missing": {
        "zh": "缺少结果  {name}（{group}）",
        "en": "no result  {name} ({group})",
    },
    "ui.coverage_skipped": {
        "zh": "未考核  {name}（{group}）：{reason}",
        "en": "not assessed  {name} ({group}): {reason}",
    },
    "ui.coverage_hint": {
        "zh": "尚未列入排名的联络组（n 记为未考核或撤销）",
        "en": "Groups not in the ranking (n records one as not assessed, or takes that back)",
    },
    "ui.unskip_reason": {
        "zh": "{name}：请说明为什么撤销“未考核”（如已补考），会记入审计",
        "en": "{name}: why take back 'not assessed'? (assessed after all); it is kept in the audit",
    },
    "ui.skip_title": {"zh": "记为未考核", "en": "Record as not assessed"},
    "ui.unskip_title": {"zh": "撤销“未考核”", "en": "Take back 'not assessed'"},
    "ui.skip_reason": {
        "zh": "{name}：请说明原因（如洪水、联系不上负责人），会记入审计",
        "en": "{name}: why? (a flood, a leader who could not be reached); it is kept in the audit",
    },
    "ui.field.skip_reason": {"zh": "原因", "en": "Reason"},
}

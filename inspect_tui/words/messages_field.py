"""Words of the field tool: roles, one key per answer, the visit window, notes and evidence,
the lead's conflict view, and the command palette (Chinese and English)."""

from __future__ import annotations

FIELD_MESSAGES: dict[str, dict[str, str]] = {
    # -- roles ------------------------------------------------------------------------------
    "ui.which_role": {
        "zh": "这台电脑用来做什么？（回车选择，之后会记住；可在命令面板 Ctrl+P 中更改）",
        "en": "What is this laptop for? (Enter chooses; it is remembered, and changed from the palette, Ctrl+P)",
    },
    "ui.role_team": {
        "zh": "考核组：{name}（{leader}，{count} 个联络组）",
        "en": "Inspection team: {name} ({leader}, {count} groups)",
    },
    "ui.role_lead": {
        "zh": "考核组负责人：合并各组结果、处理冲突、看全县排名",
        "en": "Team lead: merge the teams' results, settle conflicts, see the county ranking",
    },
    "ui.role_office": {
        "zh": "县政协办公室：导出排名与通报、核验打印结果",
        "en": "County office: export the ranking and the circular, verify a printed result",
    },
    "ui.visit_window": {
        "zh": "现场考核 {start} 至 {end}",
        "en": "Visits {start} to {end}",
    },
    "key.choose_role": {"zh": "选择", "en": "Choose"},
    "store.not_a_team": {
        "zh": "本轮考核没有考核组“{team}”",
        "en": "this campaign has no team '{team}'",
    },
    "palette.change_role": {"zh": "更改这台电脑的用途", "en": "Change what this laptop is for"},
    "palette.change_role_help": {
        "zh": "考核组、考核组负责人或县政协办公室",
        "en": "an inspection team, the team lead or the county office",
    },
    # -- groups -----------------------------------------------------------------------------
    "ui.groups_hint": {
        "zh": "回车打开 · 直接打字筛选 · Ctrl+E 导出本组签名结果文件（交给负责人）",
        "en": "Enter opens · type to filter · Ctrl+E exports the team's signed file (for the lead)",
    },
    "key.clear_filter": {"zh": "清除筛选", "en": "Clear filter"},
    # -- the visit --------------------------------------------------------------------------
    "ui.no_date": {"zh": "（未填日期）", "en": "(no date)"},
    "ui.section_line": {
        "zh": "▶ {n}/{count} {name}  {figures}  （←→ 换部分）",
        "en": "▶ {n}/{count} {name}  {figures}  (←→ sections)",
    },
    "ui.typing_cue": {
        "zh": "回车确认，或继续输入数字（稍候自动确认）",
        "en": "Enter confirms, or type more digits (taken after a pause)",
    },
    "ui.last_item": {
        "zh": "已到最后一项：按 u 查漏，按 f 定稿",
        "en": "That was the last item: u finds what was skipped, f finalizes",
    },
    "ui.note_placeholder.text": {
        "zh": "在此填写（回车开始，Esc 结束）",
        "en": "Write here (Enter starts, Esc ends)",
    },
    "ui.note_placeholder.required": {
        "zh": "失分或答“不适用”时须说明（回车开始，Esc 结束）",
        "en": "Needed when points are lost or the answer is n/a (Enter starts, Esc ends)",
    },
    "ui.note_placeholder.optional": {
        "zh": "备注，可不填（回车开始，Esc 结束）",
        "en": "Note, optional (Enter starts, Esc ends)",
    },
    "ui.reason_required": {
        "zh": "答了“不适用”：须写明理由",
        "en": "answered n/a: write the reason",
    },
    "ui.whole_note": {"zh": "\n备注：{text}", "en": "\nNote: {text}"},
    "key.veto_yes": {"zh": "触发否决", "en": "Veto"},
    "key.veto_no": {"zh": "未触发", "en": "No veto"},
    "key.whole": {"zh": "查看全文", "en": "Whole text"},
    "key.take_number": {"zh": "确认数字", "en": "Take the number"},
    "key.item_down_arrow": {"zh": "下一项", "en": "Next item"},
    "key.item_up_arrow": {"zh": "上一项", "en": "Previous item"},
    "ui.auto_advance_on": {
        "zh": "答完自动跳到下一项：开",
        "en": "Move on after each answer: on",
    },
    "ui.auto_advance_off": {
        "zh": "答完自动跳到下一项：关（用 j/k 或 ↑↓ 移动）",
        "en": "Move on after each answer: off (move with j/k or ↑↓)",
    },
    "palette.auto_advance_on": {
        "zh": "答完自动跳到下一项：打开",
        "en": "Move on after each answer: turn on",
    },
    "palette.auto_advance_off": {
        "zh": "答完自动跳到下一项：关闭",
        "en": "Move on after each answer: turn off",
    },
    "palette.auto_advance_help": {
        "zh": "关闭后，回答一项后光标留在原处",
        "en": "when off, the cursor stays on the item just answered",
    },
    # -- visit information and finalize ---------------------------------------------------
    "ui.header_date_window": {
        "zh": "考核日期（年-月-日；本轮现场考核 {start} 至 {end}）",
        "en": "Date (YYYY-MM-DD; this round's visits {start} to {end})",
    },
    "ui.header_field.inspectors": {"zh": "检查人", "en": "inspectors"},
    "ui.header_field.visit_date": {"zh": "考核日期", "en": "date"},
    "ui.header_field.methods": {"zh": "考核方式", "en": "methods"},
    "ui.finalize_header": {
        "zh": "考核信息未填完：{fields}（回车填写）",
        "en": "Visit information missing: {fields} (Enter to fill in)",
    },
    "ui.finalize_missing_reason": {
        "zh": "不适用须说明理由：{text}",
        "en": "Answered n/a, needs the reason: {text}",
    },
    "ui.finalize_changed": {
        "zh": "考核记录有变化，请关闭后重新定稿",
        "en": "the visit changed meanwhile: close this and finalize again",
    },
    "key.confirm_yes": {"zh": "是", "en": "Yes"},
    "key.confirm_no": {"zh": "否", "en": "No"},
    # -- evidence ---------------------------------------------------------------------------
    "key.evidence": {"zh": "附证据", "en": "Evidence"},
    "ui.evidence_line": {
        "zh": "证据 {count} 份：{files}",
        "en": "Evidence ({count}): {files}",
    },
    "ui.evidence_kept": {
        "zh": "已保存证据 {file}（{item}）",
        "en": "Evidence kept: {file} ({item})",
    },
    # -- the lead ---------------------------------------------------------------------------
    "ui.merge_where": {
        "zh": "查找结果文件的文件夹：{folders}",
        "en": "Looked for files in: {folders}",
    },
    "ui.conflict_hint": {
        "zh": "冲突：同一考核记录有不同版本，选定保留的版本后回车（v 看全文）",
        "en": "Conflicts: versions of one visit differ; choose the one to keep, Enter (v shows it whole)",
    },
    "ui.conflict_title": {"zh": "冲突的版本", "en": "A version in conflict"},
    "ui.conflict_heading": {
        "zh": "{group} · {team}：{count} 个版本",
        "en": "{group} · {team}: {count} versions",
    },
    "ui.version_line": {
        "zh": "  版本 {n}：总分 {total}，{tier}（第{revision}版，{status}）",
        "en": "  Version {n}: total {total}, {tier} (rev {revision}, {status})",
    },
    "ui.version_who": {
        "zh": "检查人 {names} · 考核日期 {day}",
        "en": "inspectors {names} · visited {day}",
    },
    "ui.version_where": {
        "zh": "保存于 {saved} · {file} · 密钥 {key}",
        "en": "saved {saved} · {file} · key {key}",
    },
    "ui.version_differs": {
        "zh": "不同的答案：{answers}",
        "en": "Answers that differ: {answers}",
    },
    "ui.nobody_short": {"zh": "未填", "en": "none"},
    "ui.coverage_hint_count": {
        "zh": "尚未列入排名的联络组（缺少结果 {count} 个；选中一个按 n 记为未考核，或撤销）",
        "en": "Groups not in the ranking ({count} without a result; n on one records it as not assessed, or takes that back)",
    },
    "key.submit_reason": {"zh": "确定", "en": "OK"},
    "ui.ranking_wait": {"zh": "正在排名……", "en": "Ranking…"},
    "ui.ranking_empty": {
        "zh": "还没有可排名的结果：先在合并页合并各考核组的结果文件",
        "en": "Nothing to rank yet: merge the teams' files first",
    },
    "ui.lost_note": {"zh": "：{note}", "en": ": {note}"},
    "ui.ranking_note_title": {"zh": "排名规则与说明", "en": "How the ranking was made"},
    "palette.key_help": {"zh": "快捷键 {key}", "en": "key {key}"},
    "ui.visit_head_people": {"zh": "检查人：{names}", "en": "Inspectors: {names}"},
    # -- the command palette: Textual's own commands, in the user's language --------------
    "palette.placeholder": {"zh": "搜索命令……", "en": "Search for commands…"},
    "palette.theme": {"zh": "配色", "en": "Theme"},
    "palette.theme_help": {"zh": "更换界面配色", "en": "Change the colours"},
    "palette.keys_show": {"zh": "按键说明", "en": "Keys"},
    "palette.keys_show_help": {
        "zh": "在侧栏显示当前可用的按键",
        "en": "Show the keys of this screen in a side panel",
    },
    "palette.keys_hide": {"zh": "隐藏按键说明", "en": "Hide keys"},
    "palette.keys_hide_help": {"zh": "关闭按键侧栏", "en": "Close the keys panel"},
    "palette.maximize": {"zh": "放大", "en": "Maximize"},
    "palette.maximize_help": {
        "zh": "放大当前部件，占满屏幕",
        "en": "Show the focused part full screen",
    },
    "palette.minimize": {"zh": "还原", "en": "Restore"},
    "palette.minimize_help": {"zh": "还原为正常大小", "en": "Back to its normal size"},
    "palette.screenshot": {"zh": "截屏", "en": "Screenshot"},
    "palette.screenshot_help": {
        "zh": "把当前屏幕存为 SVG 图片",
        "en": "Save the screen as an SVG picture",
    },
}

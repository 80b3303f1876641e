"""The program's own words, in Chinese and English (checklist text lives in checklists/).

Keys are grouped by where they are used. `str.format` placeholders must match in both languages:
a test checks that.
"""

from __future__ import annotations

from inspect_tui.words.messages_bundles import BUNDLE_MESSAGES
from inspect_tui.words.messages_checklist import CHECKLIST_MESSAGES
from inspect_tui.words.messages_coverage import COVERAGE_MESSAGES
from inspect_tui.words.messages_documents import DOCUMENT_MESSAGES
from inspect_tui.words.messages_evidence import EVIDENCE_MESSAGES
from inspect_tui.words.messages_export import EXPORT_MESSAGES
from inspect_tui.words.messages_field import FIELD_MESSAGES
from inspect_tui.words.messages_files import FILE_MESSAGES
from inspect_tui.words.messages_letters import LETTER_MESSAGES
from inspect_tui.words.messages_merge import MERGE_MESSAGES
from inspect_tui.words.messages_readers import READER_MESSAGES
from inspect_tui.words.messages_replay import REPLAY_MESSAGES
from inspect_tui.words.messages_sheet import SHEET_MESSAGES
from inspect_tui.words.messages_trust import TRUST_MESSAGES
from inspect_tui.words.messages_ui import UI_MESSAGES
from inspect_tui.words.messages_visits import VISIT_MESSAGES

MESSAGES: dict[str, dict[str, str]] = {
    # -- files ----------------------------------------------------------------------------------
    "file.missing": {"zh": "文件不存在", "en": "file not found"},
    "file.is_dir": {"zh": "这是一个文件夹，不是文件", "en": "is a folder, not a file"},
    "file.unreadable": {"zh": "无法读取：{reason}", "en": "cannot be read: {reason}"},
    "file.encoding": {
        "zh": "不是 UTF-8 编码（第 {line} 行第 {column} 列）；请另存为 UTF-8",
        "en": "not UTF-8 (line {line}, column {column}); save the file as UTF-8",
    },
    "file.gbk": {
        "zh": "文件是 GBK（记事本中的“ANSI”）编码，从第 {line} 行起无法按 UTF-8 读取；请用“另存为”选择 UTF-8",
        "en": "the file is saved as GBK (Notepad's 'ANSI'); from line {line} it cannot be read as UTF-8: use Save As and choose UTF-8",
    },
    "file.utf16": {
        "zh": "文件是 UTF-16（记事本中的“Unicode”）编码；请用“另存为”选择 UTF-8",
        "en": "the file is saved as UTF-16 (Notepad's 'Unicode'); use Save As and choose UTF-8",
    },
    "file.zip": {
        "zh": "这是 Word、Excel 或压缩文件，不是文本文件；请用记事本等文本编辑器编写",
        "en": "this is a Word, Excel or zip file, not a text file; write it in a text editor",
    },
    "file.binary": {
        "zh": "这不是文本文件（含有二进制内容）",
        "en": "this is not a text file (it holds binary data)",
    },
    "file.empty": {"zh": "文件是空的", "en": "the file is empty"},
    "file.toml": {
        "zh": "TOML 格式错误（第 {column} 列）：{reason}",
        "en": "not valid TOML (column {column}): {reason}",
    },
    "toml.invalid_value": {
        "zh": "“=”后面的值写法不对（文字要加英文双引号，日期不加引号）",
        "en": "the value after '=' is not written right (text needs double quotes, dates none)",
    },
    "toml.unclosed": {
        "zh": "方括号 [ ] 或花括号 { } 没有闭合",
        "en": "a [ ] or { } is not closed",
    },
    "toml.unterminated": {
        "zh": "引号没有闭合（文件可能被截断）",
        "en": "a quoted text is not closed (the file may be cut short)",
    },
    "toml.repeated": {"zh": "同一个键写了两次", "en": "the same key is written twice"},
    "toml.expected_equals": {
        "zh": "键后面应有“=”",
        "en": "a key must be followed by '='",
    },
    "toml.invalid_statement": {
        "zh": "这一行不是“键 = 值”，也不是 [表头]",
        "en": "this line is neither 'key = value' nor a [table] header",
    },
    "toml.full_width": {
        "zh": '{reason}；这一行有全角标点（＝，“”：［］），TOML 需要半角的 = , " : [ ]',
        "en": '{reason}; this line has full-width punctuation (＝，“”：［］): TOML needs = , " : [ ]',
    },
    # -- targets --------------------------------------------------------------------------------
    "target.explain": {
        "zh": "{count} = 每{unit} {per} 次 × {units} {many}",
        "en": "{count} = {per} per {unit} x {units} {many}",
    },
    "target.minimum": {
        "zh": "{count} = 每{unit} {per} 次，{months} 个月内至少 {count} 次",
        "en": "{count} = {per} per {unit}, at least {count} in {months} months",
    },
    "frequency.month": {"zh": "月", "en": "month"},
    "frequency.quarter": {"zh": "季度", "en": "quarter"},
    "frequency.half-year": {"zh": "半年", "en": "half-year"},
    "frequency.year": {"zh": "年", "en": "year"},
    "frequency.month.many": {"zh": "个月", "en": "months"},
    "frequency.quarter.many": {"zh": "个季度", "en": "quarters"},
    "frequency.half-year.many": {"zh": "个半年", "en": "half-years"},
    "frequency.year.many": {"zh": "年", "en": "years"},
    "frequency.month.one": {"zh": "个月", "en": "month"},
    "frequency.quarter.one": {"zh": "个季度", "en": "quarter"},
    "frequency.half-year.one": {"zh": "个半年", "en": "half-year"},
    "frequency.year.one": {"zh": "年", "en": "year"},
    # -- answers --------------------------------------------------------------------------------
    "answer.invalid": {
        "zh": "“{value}”不是“{item}”的有效答案：{expected}",
        "en": "'{value}' is not a valid answer for '{item}': {expected}",
    },
    "answer.expect.check": {"zh": "是、否或不适用", "en": "yes, no or n/a"},
    "answer.expect.check_no_na": {"zh": "是或否", "en": "yes or no"},
    "answer.expect.scale": {
        "zh": "0 至 {points} 之间、步长为 {step} 的整数",
        "en": "a whole number from 0 to {points} in steps of {step}",
    },
    "answer.expect.count": {"zh": "不小于 0 的整数", "en": "a whole number, 0 or more"},
    "answer.expect.deduction": {
        "zh": "发生次数（不小于 0 的整数）",
        "en": "occurrences, 0 or more",
    },
    "answer.expect.veto": {"zh": "是（触发）或否", "en": "yes (triggered) or no"},
    "answer.expect.note": {"zh": "文字", "en": "text"},
    "answer.text": {
        "zh": "“{item}”的内容不是可以保存的文字",
        "en": "what was entered for '{item}' is not text that can be saved",
    },
    "answer.unknown_item": {
        "zh": "本次考核没有考核项目“{item}”",
        "en": "this campaign has no item '{item}'",
    },
    # -- store ----------------------------------------------------------------------------------
    "store.locked": {
        "zh": "数据文件夹 {path} 正被另一个 inspect-tui 使用（{holder}）；请先关闭它",
        "en": "data folder {path} is in use by another inspect-tui ({holder}); close that one first",
    },
    "store.corrupt": {
        "zh": "数据文件 {path} 已损坏，无法读取（{reason}）；文件未被改动",
        "en": "data file {path} is damaged and cannot be read ({reason}); it was left untouched",
    },
    "store.foreign": {
        "zh": "{path} 不是 inspect-tui 的数据文件；文件未被改动",
        "en": "{path} is not an inspect-tui data file; it was left untouched",
    },
    "store.newer": {
        "zh": "数据文件 {path} 由更新版本的 inspect-tui 写入（格式 {found}）；请升级",
        "en": "data file {path} was written by a newer inspect-tui (format {found}); please upgrade",
    },
    "store.write_failed": {
        "zh": "无法保存到 {path}：{reason}；之前保存的内容完好",
        "en": "cannot save to {path}: {reason}; what was saved before is intact",
    },
    "store.folder_failed": {
        "zh": "无法使用数据文件夹 {path}：{reason}",
        "en": "cannot use data folder {path}: {reason}",
    },
    "store.no_visit": {"zh": "没有这次考核记录：{visit}", "en": "no such visit: {visit}"},
    "store.visit_exists": {
        "zh": "{team} 对 {group} 的考核记录已存在",
        "en": "{team} already has a visit for {group}",
    },
    "store.visit_final": {
        "zh": "这次考核已定稿，只读；如需修改请先重新打开并说明原因",
        "en": "this visit is finalized and read-only; reopen it with a reason to change it",
    },
    "store.checklist_changed": {
        "zh": "{group} 的考核记录是按另一版考核提纲做的，不能与考核“{campaign}”的当前提纲混用",
        "en": "the visit of {group} was made with another version of the checklist; "
        "it cannot be mixed with campaign '{campaign}' as it is now",
    },
    "store.not_assigned": {
        "zh": "考核“{campaign}”中，{team} 没有被分配考核 {group}",
        "en": "in campaign '{campaign}', {team} is not assigned to assess {group}",
    },
    "store.header_missing": {
        "zh": "定稿前请填写考核信息：检查人、考核日期和考核方式（按 i）",
        "en": "record the visit information before finalizing: inspectors, date and methods (press i)",
    },
    "store.reasons_missing": {
        "zh": "以下项目答了“不适用”，需要说明理由：{items}",
        "en": "these items were answered n/a and need the reason: {items}",
    },
    "store.remarks_missing": {
        "zh": "定稿前请写明主要成绩和存在问题（没有请写“无”）",
        "en": "write the strengths and the problems before finalizing (write 'none' if there are none)",
    },
    "store.representative_missing": {
        "zh": "定稿前请填写联络组确认人姓名",
        "en": "enter the name of the group's representative before finalizing",
    },
    "store.not_final": {"zh": "这次考核尚未定稿", "en": "this visit is not finalized"},
    "store.reason_required": {
        "zh": "重新打开已定稿的考核必须说明原因",
        "en": "reopening a finalized visit needs a reason",
    },
    "store.incomplete": {
        "zh": "还有 {count} 个必答项目未作答：{items}",
        "en": "{count} required item(s) unanswered: {items}",
    },
    "store.notes_missing": {
        "zh": "以下失分项目需要说明：{items}",
        "en": "these items fell short and need a note: {items}",
    },
    # -- cli ------------------------------------------------------------------------------------
    "cli.internal": {
        "zh": "内部错误：{error}（详情已写入 {log}）",
        "en": "internal error: {error} (details written to {log})",
    },
    "cli.interrupted": {"zh": "已中断", "en": "interrupted"},
    "cli.no_tty": {
        "zh": "界面需要在终端中运行；脚本中请使用子命令（inspect-tui --help）",
        "en": "the app needs a terminal; from a script use a subcommand (inspect-tui --help)",
    },
    # -- table headers --------------------------------------------------------------------------
    "col.section": {"zh": "部分", "en": "Section"},
    "col.item": {"zh": "考核项目", "en": "Item"},
    "col.kind": {"zh": "类型", "en": "Kind"},
    "col.points": {"zh": "分值", "en": "Points"},
    "col.target": {"zh": "本期目标", "en": "Target this period"},
    "col.team": {"zh": "考核组", "en": "Team"},
    "col.leader": {"zh": "带队", "en": "Leader"},
    "col.groups": {"zh": "联络组", "en": "Groups"},
    "kind.check": {"zh": "是/否", "en": "check"},
    "kind.scale": {"zh": "评分", "en": "scale"},
    "kind.count": {"zh": "计数", "en": "count"},
    "kind.deduction": {"zh": "扣分", "en": "deduction"},
    "kind.veto": {"zh": "一票否决", "en": "veto"},
    "kind.note": {"zh": "备注", "en": "note"},
    "show.deduction": {
        "zh": "每次扣 {points} 分，最多 {cap} 分，从{source}扣",
        "en": "-{points} each, at most {cap}, from {source}",
    },
    "show.from_total": {"zh": "总分", "en": "the total"},
    "show.period": {
        "zh": "考核期：{start} 至 {end}（{months} 个月）",
        "en": "Period: {start} to {end} ({months} months)",
    },
    "show.tiers": {"zh": "等次：{tiers}", "en": "Tiers: {tiers}"},
    "show.hash": {"zh": "考核提纲校验码：{hash}", "en": "Checklist hash: {hash}"},
    "show.year_only": {
        "zh": "（本期不考核：仅用于 {months} 个月以上的考核）",
        "en": "(not asked this period: only in rounds of {months}+ months)",
    },
    "show.sample": {"zh": "（示例）", "en": " (sample)"},
    "show.anchor": {"zh": "（交叉）", "en": " (anchor)"},
    "show.total": {"zh": "合计", "en": "Total"},
}

MESSAGES.update(UI_MESSAGES)
MESSAGES.update(EXPORT_MESSAGES)
MESSAGES.update(TRUST_MESSAGES)
MESSAGES.update(FILE_MESSAGES)
MESSAGES.update(COVERAGE_MESSAGES)
MESSAGES.update(DOCUMENT_MESSAGES)
MESSAGES.update(READER_MESSAGES)
MESSAGES.update(LETTER_MESSAGES)
MESSAGES.update(REPLAY_MESSAGES)
MESSAGES.update(VISIT_MESSAGES)
MESSAGES.update(FIELD_MESSAGES)
MESSAGES.update(EVIDENCE_MESSAGES)
MESSAGES.update(CHECKLIST_MESSAGES)
MESSAGES.update(BUNDLE_MESSAGES)
MESSAGES.update(MERGE_MESSAGES)
MESSAGES.update(SHEET_MESSAGES)

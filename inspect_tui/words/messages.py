"""The program's own words, in Chinese and English (checklist text lives in checklists/).

Keys are grouped by where they are used. `str.format` placeholders must match in both languages:
a test checks that.
"""

from __future__ import annotations

from inspect_tui.words.messages_coverage import COVERAGE_MESSAGES
from inspect_tui.words.messages_documents import DOCUMENT_MESSAGES
from inspect_tui.words.messages_evidence import EVIDENCE_MESSAGES
from inspect_tui.words.messages_export import EXPORT_MESSAGES
from inspect_tui.words.messages_field import FIELD_MESSAGES
from inspect_tui.words.messages_files import FILE_MESSAGES
from inspect_tui.words.messages_letters import LETTER_MESSAGES
from inspect_tui.words.messages_readers import READER_MESSAGES
from inspect_tui.words.messages_replay import REPLAY_MESSAGES
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
    # -- schema ---------------------------------------------------------------------------------
    "schema.type": {
        "zh": "应为{expected}，实为{found}",
        "en": "expected {expected}, found {found}",
    },
    "type.table": {"zh": "表（{{ … }}）", "en": "a table ({{ ... }})"},
    "type.array": {"zh": "数组（[ … ]）", "en": "an array ([ ... ])"},
    "type.string": {"zh": "加引号的文字", "en": "quoted text"},
    "type.integer": {"zh": "整数", "en": "a whole number"},
    "type.float": {"zh": "小数", "en": "a decimal number"},
    "type.number": {"zh": "数字", "en": "a number"},
    "type.boolean": {"zh": "true 或 false", "en": "true or false"},
    "type.date": {"zh": "日期（如 2012-01-01）", "en": "a date (like 2012-01-01)"},
    "type.datetime": {"zh": "日期时间", "en": "a date and time"},
    "type.time": {"zh": "时间", "en": "a time"},
    "schema.text_as_string": {
        "zh": '应写成中英文两种：{{ zh = "{value}", en = "…" }}',
        "en": 'write it in both languages: {{ zh = "{value}", en = "..." }}',
    },
    "schema.date_quoted": {
        "zh": "日期不加引号：写成 {value}",
        "en": "dates take no quotes: write {value}",
    },
    "schema.unknown_key": {"zh": "未知的键“{key}”", "en": "unknown key '{key}'"},
    "schema.unknown_key_hint": {
        "zh": "未知的键“{key}”（是否应为“{hint}”？）",
        "en": "unknown key '{key}' (did you mean '{hint}'?)",
    },
    "schema.missing": {"zh": "缺少“{key}”", "en": "'{key}' is missing"},
    "schema.empty": {"zh": "不能为空", "en": "must not be empty"},
    "schema.blank": {"zh": "不能为空白", "en": "must not be blank"},
    "schema.pattern": {
        "zh": "“{value}”不能用作标识：{rule}",
        "en": "'{value}' cannot be used as an id: {rule}",
    },
    "pattern.id": {
        "zh": "只能用小写英文字母、数字和连字符（-），以字母或数字开头",
        "en": "use lower-case letters, digits and hyphens, starting with a letter or digit",
    },
    "pattern.section": {
        "zh": "只能用小写英文字母、数字和下划线（_），以字母开头",
        "en": "use lower-case letters, digits and underscores, starting with a letter",
    },
    "pattern.item": {
        "zh": "写成“部分标识.名称”，只用小写英文字母、数字和下划线，如 office.room",
        "en": "write '<section>.<name>' in lower-case letters, digits and underscores, like office.room",
    },
    "schema.range": {
        "zh": "{value} 超出范围（{low} 至 {high}）",
        "en": "{value} is out of range ({low} to {high})",
    },
    "schema.min": {
        "zh": "{value} 太小（至少为 {low}）",
        "en": "{value} is too small (at least {low})",
    },
    "schema.choice": {
        "zh": "“{value}”不是可选值之一：{choices}",
        "en": "'{value}' is not one of: {choices}",
    },
    "schema.duplicate_id": {
        "zh": "重复的标识“{id}”（首次出现在第 {first} 行）",
        "en": "duplicate id '{id}' (first used on line {first})",
    },
    # -- checklist ------------------------------------------------------------------------------
    "checklist.format": {
        "zh": "格式版本 {found} 不受支持（本程序读取版本 {expected}）",
        "en": "format {found} is not supported (this program reads format {expected})",
    },
    "checklist.period_order": {
        "zh": "结束日期 {end} 早于开始日期 {start}",
        "en": "end {end} is before start {start}",
    },
    "checklist.tier_order": {
        "zh": "等次“{tier}”的分数线必须低于上一等次（等次按从高到低排列）",
        "en": "tier '{tier}' must have a lower minimum than the tier before it (best first)",
    },
    "checklist.tier_floor": {
        "zh": "最后一个等次“{tier}”的分数线必须为 0，以便每个分数都有等次",
        "en": "the last tier '{tier}' must have min = 0 so that every score has a tier",
    },
    "checklist.unknown_tier": {"zh": "未定义的等次“{tier}”", "en": "unknown tier '{tier}'"},
    "checklist.unknown_group": {
        "zh": "名册中没有联络组“{group}”",
        "en": "group '{group}' is not in the roster",
    },
    "checklist.group_unassigned": {
        "zh": "联络组“{group}”（{name}）未分配给任何考核组",
        "en": "group '{group}' ({name}) is assigned to no team",
    },
    "checklist.points_total": {
        "zh": "各项分值合计 {points} 分（{detail}），与声明的总分 {total} 不符",
        "en": "item points add up to {points} ({detail}), but the outline declares total = {total}",
    },
    "checklist.weights_total": {
        "zh": "各部分权重合计 {weights}（{detail}），与总分 {total} 不符",
        "en": "section weights add up to {weights} ({detail}), but total = {total}",
    },
    "checklist.deduct_from_empty": {
        "zh": "“{section}”部分没有分值，从它扣分不起作用；请改为有分值的部分或 total",
        "en": "section '{section}' has no points, so a deduction from it does nothing; name a section with points, or total",
    },
    "checklist.not_campaign": {
        "zh": "这是{kind}，不是考核方案；请检查引用它的考核方案文件",
        "en": "this is {kind}, not a campaign; check the campaign file that names it",
    },
    "checklist.wrong_kind": {
        "zh": "这里需要{kind}，但这个文件是{found}",
        "en": "{kind} is needed here, but this file is {found}",
    },
    "checklist.unknown_kind": {
        "zh": "看不出这是考核方案、考核提纲还是名册（缺少 period/teams、sections 或 groups）",
        "en": "cannot tell whether this is a campaign, an outline or a roster (no period/teams, sections or groups)",
    },
    "checklist.ref_missing": {
        "zh": "找不到{kind}文件“{file}”（路径相对于本文件所在文件夹）",
        "en": "{kind} file '{file}' not found (the path is relative to this file's folder)",
    },
    "noun.outline": {"zh": "考核提纲", "en": "outline"},
    "noun.roster": {"zh": "名册", "en": "roster"},
    "kind.file.campaign": {"zh": "考核方案", "en": "a campaign"},
    "kind.file.outline": {"zh": "考核提纲", "en": "an outline"},
    "kind.file.roster": {"zh": "联络组名册", "en": "a roster"},
    "kind.file.unknown": {"zh": "无法识别的文件", "en": "not a checklist file"},
    "checklist.item_prefix": {
        "zh": "考核项目“{id}”的标识应以“{section}.”开头",
        "en": "item id '{id}' must start with '{section}.'",
    },
    "checklist.step": {
        "zh": "步长 {step} 不能整除分值 {points}",
        "en": "step {step} does not divide points {points}",
    },
    "checklist.cap": {
        "zh": "扣分上限 {cap} 小于每次扣分 {points}",
        "en": "cap {cap} is less than the points per occurrence {points}",
    },
    "checklist.more_problems": {"zh": "（另有 {count} 个问题）", "en": " (and {count} more)"},
    "checklist.ok": {
        "zh": "{file}：没有问题（{items} 个考核项目，总分 {total}）",
        "en": "{file}: no problems ({items} items, total {total})",
    },
    "checklist.ok_plain": {"zh": "{file}：没有问题", "en": "{file}: no problems"},
    "checklist.summary": {"zh": "共 {count} 个问题", "en": "{count} problem(s)"},
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
    # -- keys and bundles -----------------------------------------------------------------------
    "keys.unreadable": {
        "zh": "无法读取本机签名密钥 {path}（{reason}）；文件未被改动",
        "en": "cannot read this laptop's signing key {path} ({reason}); it was left untouched",
    },
    "keys.unknown_team": {
        "zh": "考核“{campaign}”中没有考核组“{team}”",
        "en": "campaign '{campaign}' has no team '{team}'",
    },
    "keys.bad_key": {
        "zh": "“{key}…”不是公钥；请复制 inspect-tui keys show 显示的整行",
        "en": "'{key}...' is not a public key; copy the whole line that inspect-tui keys show prints",
    },
    "keys.show": {
        "zh": "本机公钥：{key}\n指纹：{fingerprint}",
        "en": "This laptop's public key: {key}\nFingerprint: {fingerprint}",
    },
    "keys.trusted": {
        "zh": "已信任 {team} 的密钥 {fingerprint}",
        "en": "trusted key {fingerprint} for {team}",
    },
    "bundle.written": {
        "zh": "已导出 {count} 个考核记录：{file}",
        "en": "exported {count} visit(s): {file}",
    },
    "bundle.no_team": {
        "zh": "请用 --team 指定考核组（本机还没有选择考核组）",
        "en": "name the team with --team (this laptop has not chosen one yet)",
    },
    "bundle.missing": {"zh": "{file}：文件不存在", "en": "{file}: file not found"},
    "bundle.unreadable": {
        "zh": "{file}：无法读取（{reason}）",
        "en": "{file}: cannot be read ({reason})",
    },
    "bundle.not_json": {
        "zh": "{file}：不是考核结果文件（不是 JSON）",
        "en": "{file}: not a result bundle (not JSON)",
    },
    "bundle.truncated": {
        "zh": "{file}：文件不完整（可能复制时被截断）；请重新导出",
        "en": "{file}: the file is incomplete (cut short while copying?); export it again",
    },
    "bundle.not_bundle": {
        "zh": "{file}：不是 inspect-tui 的考核结果文件",
        "en": "{file}: not an inspect-tui result bundle",
    },
    "bundle.version": {
        "zh": "{file}：由更新版本的 inspect-tui 导出（版本 {found}）；请升级",
        "en": "{file}: made by a newer inspect-tui (version {found}); please upgrade",
    },
    "bundle.campaign": {
        "zh": "{file}：属于考核“{found}”，不是“{campaign}”",
        "en": "{file}: belongs to campaign '{found}', not '{campaign}'",
    },
    "bundle.checklist": {
        "zh": "{file}：按另一版考核提纲打分，不能与本次考核混用",
        "en": "{file}: scored with another version of the checklist; it cannot be mixed with this one",
    },
    "bundle.changed": {
        "zh": "{file}：导出后文件被改动过；请让考核组重新导出",
        "en": "{file}: the file was changed after it was exported; ask the team to export it again",
    },
    "bundle.signature": {
        "zh": "{file}：签名不符（文件在签名后被改动）",
        "en": "{file}: signature does not match (file was changed after signing)",
    },
    "bundle.unsigned": {
        "zh": "{file}：没有签名；确需合并请加 --allow-unsigned（结果会被标注）",
        "en": "{file}: not signed; to merge it anyway use --allow-unsigned (results will be marked)",
    },
    "bundle.unknown_team": {
        "zh": "{file}：本次考核没有考核组“{team}”",
        "en": "{file}: this campaign has no team '{team}'",
    },
    "bundle.untrusted": {
        "zh": "{file}：签名密钥 {fingerprint} 未被信任为 {team} 的密钥（inspect-tui keys trust {team} 公钥）",
        "en": "{file}: signing key {fingerprint} is not trusted for {team} (inspect-tui keys trust {team} KEY)",
    },
    "bundle.unknown_group": {
        "zh": "{file}：{team} 没有被分配考核联络组“{group}”",
        "en": "{file}: {team} is not assigned to group '{group}'",
    },
    "merge.progress": {"zh": "正在核验并合并", "en": "Checking and merging"},
    "merge.summary": {
        "zh": "新合并 {added} 条考核记录，已有 {unchanged} 条，拒收 {refused} 个文件；覆盖：已定稿 {assessed}，草稿 {draft}，冲突 {conflict}，缺少 {missing}，未考核 {not_assessed}",
        "en": "merged {added} new visit record(s), {unchanged} already there, {refused} file(s) refused; coverage: {assessed} finalized, {draft} draft, {conflict} in conflict, {missing} missing, {not_assessed} not assessed",
    },
    "merge.conflict": {
        "zh": "冲突：{group} · {team} 有多份不同的结果（{sources}）；用 --prefer 指纹或文件名 选定一份",
        "en": "conflict: {group} · {team} has different results ({sources}); choose one with --prefer FINGERPRINT or FILE",
    },
    "merge.revised": {
        "zh": "修订：{group} · {team} 第{old}版 → 第{new}版：{changes}",
        "en": "revised: {group} · {team} revision {old} → {new}: {changes}",
    },
    "merge.bad_choice": {
        "zh": "“{choice}”应写成 联络组=考核组，如 weisheng-xitong=team-1",
        "en": "'{choice}' must be GROUP=TEAM, like weisheng-xitong=team-1",
    },
    "merge.coverage_line": {
        "zh": "  {state}：{name}（{group}）· {team}",
        "en": "  {state}: {name} ({group}) · {team}",
    },
    "combine.mean": {"zh": "平均分", "en": "the mean"},
    "combine.median": {"zh": "中位数", "en": "the median"},
    "combine.team": {"zh": "指定考核组的结果", "en": "the chosen team's result"},
    "coverage.assessed": {"zh": "已定稿", "en": "finalized"},
    "coverage.draft": {"zh": "草稿（不排名）", "en": "draft (not ranked)"},
    "coverage.conflict": {"zh": "冲突", "en": "conflict"},
    "coverage.missing": {"zh": "缺少", "en": "missing"},
    "coverage.not_assessed": {"zh": "未考核", "en": "not assessed"},
    "rank.rules": {
        "zh": "排名规则：先分等次，同一等次内依次比较 {chain}；各项都相同的并列同一名次；交叉考核的联络组按{rule}合并",
        "en": "Ranking: by tier, then within a tier by {chain} in turn; groups equal on all of these share a rank; anchors combined by {rule}",
    },
    "rank.quota": {
        "zh": "；{tier}最多 {max} 个，名额边界上并列的{ties}，超出的降一个等次",
        "en": "; at most {max} groups are {tier}, a tie at the boundary is {ties}, the others move down a tier",
    },
    "rank.quota.include": {"zh": "一并保留", "en": "kept whole"},
    "rank.quota.exclude": {"zh": "一并降等", "en": "moved down whole"},
    "rank.key.total": {"zh": "总分", "en": "total"},
    "rank.key.deductions": {"zh": "扣分（少者在前）", "en": "deductions (fewer first)"},
    "calibration.none": {
        "zh": "考核组校准：交叉考核的联络组不够（{anchors} 个），无法估计各组宽严；{alpha}",
        "en": "Team calibration: too few shared groups ({anchors}) to estimate each team's leniency; {alpha}",
    },
    "calibration.advisory": {
        "zh": "考核组校准（仅供参考，未应用）：{offsets}（依据 {anchors} 个交叉考核联络组）；{alpha}",
        "en": "Team calibration (advisory, not applied): {offsets} (from {anchors} shared groups); {alpha}",
    },
    "calibration.alpha": {"zh": "一致性 α = {alpha}", "en": "agreement alpha = {alpha}"},
    "calibration.alpha_none": {
        "zh": "一致性无法计算（交叉考核的联络组少于 2 个，或各组分数没有差别）",
        "en": "agreement not computable (fewer than 2 shared groups, or no spread in the scores)",
    },
    "calibration.weak": {
        "zh": "；交叉考核的联络组少或各组一致性低，校准值仅供参考，不宜据此调整分数",
        "en": "; with few shared groups or low agreement these offsets are not reliable enough to adjust scores by",
    },
    "calibration.weak_applied": {
        "zh": "；注意：交叉考核的联络组少或各组一致性低，这些校准值不够可靠，请核对后再使用调整后的分数",
        "en": "; note: with few shared groups or low agreement these offsets are not reliable: check before relying on the adjusted scores",
    },
    "calibration.applied": {
        "zh": "已按考核组校准调整分数：{offsets}（依据 {anchors} 个交叉考核联络组）；{alpha}",
        "en": "Scores ADJUSTED by team calibration: {offsets} (from {anchors} shared groups); {alpha}",
    },
    "demo.made": {
        "zh": "培训用的演示数据已建在 {path}：{count} 个考核组的签名结果文件（另有一份被改动过的副本，应被拒收），尚未合并。试一试：",
        "en": "Training sandbox made in {path}: {count} signed team bundles (and one altered copy that must be refused), not yet merged. Try:",
    },
    "demo.not_empty": {
        "zh": "{path} 不是空文件夹；请换一个 --dir 或先删除它",
        "en": "{path} is not empty; choose another --dir or remove it first",
    },
    "demo.real_folder": {
        "zh": "演示数据不能建在真实的数据文件夹 {path} 里",
        "en": "the sandbox cannot go into the real data folder {path}",
    },
    "sheet.written": {
        "zh": "纸质考核表已生成：{file}（每行一个联络组，每列一个考核项目，表头批注有说明）",
        "en": "paper sheet written: {file} (a row per group, a column per item; header comments explain each)",
    },
    "sheet.imported": {
        "zh": "已导入 {count} 个联络组的草稿考核记录（{team}）",
        "en": "imported {count} group(s) as draft visits ({team})",
    },
    "sheet.problems": {
        "zh": "表中有 {count} 处问题，什么都没有导入；改正后再导入",
        "en": "{count} problem(s) in the sheet; nothing was imported; fix them and import again",
    },
    "sheet.not_template": {
        "zh": "这不是 inspect-tui 的考核表（第一格应为 group）；请用 sheet-template 生成",
        "en": "not an inspect-tui sheet (the first cell must be 'group'); make one with sheet-template",
    },
    "sheet.unknown_item": {
        "zh": "本次考核没有考核项目“{item}”",
        "en": "this campaign has no item '{item}'",
    },
    "sheet.unknown_group": {
        "zh": "“{group}”不是分配给 {team} 的联络组",
        "en": "'{group}' is not a group assigned to {team}",
    },
    "sheet.twice": {"zh": "联络组“{group}”出现了两次", "en": "group '{group}' appears twice"},
    "sheet.has_visit": {
        "zh": "{team} 对“{group}”已有考核记录；纸质表不会覆盖它",
        "en": "{team} already has a visit for '{group}'; a sheet never overwrites it",
    },
    "sheet.csv_encoding": {
        "zh": "{file} 不是 UTF-8 编码的 CSV；请另存为“CSV UTF-8”",
        "en": "{file} is not a UTF-8 CSV; save it as 'CSV UTF-8'",
    },
    "sheet.unreadable": {
        "zh": "无法读取表格 {file}（{reason}）",
        "en": "cannot read the sheet {file} ({reason})",
    },
    "col.rank": {"zh": "名次", "en": "Rank"},
    "col.flags": {"zh": "标注", "en": "Flags"},
    "flag.disagreement": {"zh": "两组差异大", "en": "teams disagree"},
    "flag.unsigned": {"zh": "未签名", "en": "unsigned"},
    "flag.altered": {"zh": "汇总文件被改动", "en": "changed in the county file"},
    "county.altered": {
        "zh": "注意：县汇总文件 {file} 中有 {count} 条记录在合并后被改动（{records}）；这些结果已标记。请把各考核组的原始文件合并到新的数据文件夹以恢复",
        "en": "warning: {count} record(s) in the county file {file} were changed after they were merged ({records}); their results are flagged. Merge the teams' original files into a fresh data folder to recover",
    },
    "flag.draft": {"zh": "草稿", "en": "draft"},
    "flag.quota": {"zh": "超出名额降等", "en": "moved down by quota"},
    "flag.team": {"zh": "采用指定组结果", "en": "chosen team's result"},
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

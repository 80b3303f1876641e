"""Words of checking a checklist file (campaign, outline, roster): what the schema says of a
value of the wrong kind or shape, each rule of the format, and `checklist check`'s report."""

from __future__ import annotations

CHECKLIST_MESSAGES: dict[str, dict[str, str]] = {
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
}

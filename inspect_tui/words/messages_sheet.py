"""Words of the paper sheet: the template written, a filled-in sheet imported, and why one is
refused."""

from __future__ import annotations

SHEET_MESSAGES: dict[str, dict[str, str]] = {
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
}

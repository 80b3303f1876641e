"""Words about what verify reads back from printed and edited files."""

from __future__ import annotations

READER_MESSAGES: dict[str, dict[str, str]] = {
    "verify.table_unreadable": {
        "zh": "{what}：无法读取这个表格（“{column}”列缺失或已被改动），未作比对",
        "en": "{what}: cannot read this table (its “{column}” column is missing or was changed);"
        " nothing was compared",
    },
    "verify.body_list": {
        "zh": "  {group}：正文列在“{tier}”中，排名为“{ranked}”",
        "en": "  {group}: the text lists it as {tier}, the ranking says {ranked}",
    },
    "verify.body_count": {
        "zh": "  正文写“{tier}”{shown}个，排名中为{ranked}个",
        "en": "  the text counts {shown} {tier}, the ranking {ranked}",
    },
    "report.legend_veto": {"zh": "一票否决", "en": "vetoed"},
    "report.groups": {"zh": "涉及：{groups}", "en": "Groups: {groups}"},
}

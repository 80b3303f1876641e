"""Words about the recorded round the training sandbox replays (`replay`, `demo`)."""

from __future__ import annotations

REPLAY_MESSAGES: dict[str, dict[str, str]] = {
    "round.format": {
        "zh": "format = {value}：本程序只读第 {expected} 版的考核记录文件",
        "en": "format = {value}: this version reads round files of format {expected} only",
    },
    "round.other_campaign": {
        "zh": "这是考核“{found}”的记录，不是“{campaign}”的",
        "en": "this records campaign '{found}', not '{campaign}'",
    },
    "round.unknown_group": {
        "zh": "名单中没有联络组“{group}”",
        "en": "the roster has no group '{group}'",
    },
    "round.unknown_team": {
        "zh": "考核中没有考核组“{team}”",
        "en": "the campaign has no team '{team}'",
    },
    "round.not_assigned": {
        "zh": "联络组“{group}”不由 {team} 考核",
        "en": "group '{group}' is not assigned to {team}",
    },
    "round.repeated_visit": {
        "zh": "{team} 对“{group}”的考核已在前面写过",
        "en": "{team}'s visit of '{group}' is already written above",
    },
    "round.repeated_group": {
        "zh": "联络组“{group}”已在前面列为未考核",
        "en": "group '{group}' is already listed as not assessed above",
    },
    "round.skipped_visited": {
        "zh": "联络组“{group}”列为未考核，但文件中又有对它的考核",
        "en": "group '{group}' is listed as not assessed but the file also has a visit of it",
    },
    "round.repeated_pattern": {
        "zh": "共性问题“{id}”已在前面定义过",
        "en": "pattern '{id}' is already defined above",
    },
    "round.unknown_pattern": {
        "zh": "文件中没有定义共性问题“{id}”",
        "en": "the file defines no pattern '{id}'",
    },
    "round.notes_missing": {
        "zh": "这些失分项目须写说明（note）：{items}",
        "en": "these items fell short and need a note: {items}",
    },
    "round.header_missing": {
        "zh": "缺少 {what}（可在 [defaults] 或 [inspectors] 中统一给出）",
        "en": "no {what} (give them once in [defaults] or [inspectors])",
    },
    "round.before_period": {
        "zh": "考核日期 {date} 早于考核期开始日 {start}",
        "en": "visit date {date} is before the period starts ({start})",
    },
    "checklist.ok_round": {
        "zh": "{file}：无误（{visits} 次考核，{skipped} 个联络组未考核）",
        "en": "{file}: OK ({visits} visits, {skipped} group(s) not assessed)",
    },
    "demo.replayed": {
        "zh": "考核结果复原自 {source}（莎车县2012年上半年的实际考核，依据 seeds 000）；记为未考核的联络组：{skipped}",
        "en": "The results replay {source} (the county's real 2012 half-year round, from seed 000); groups recorded as not assessed: {skipped}",
    },
    "demo.synthetic_fallback": {
        "zh": "考核“{campaign}”没有复原的考核记录（{path}），演示数据改用随机生成的",
        "en": "campaign '{campaign}' has no recorded round ({path}); the sandbox uses generated results",
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
}

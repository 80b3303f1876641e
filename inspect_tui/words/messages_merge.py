"""Words of merging the teams' results and ranking them: what a merge did, the coverage, the
ranking's rules, the team calibration, and the flags of the ranking table."""

from __future__ import annotations

MERGE_MESSAGES: dict[str, dict[str, str]] = {
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
}

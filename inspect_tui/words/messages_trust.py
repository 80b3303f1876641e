"""Words of the trust boundary: text that is not text, answers that do not fit their items, records
the lead leaves out or drops (see `text`, `scoring.check_answer`, `county`)."""

from __future__ import annotations

TRUST_MESSAGES: dict[str, dict[str, str]] = {
    "text.control": {
        "zh": "“{field}”第 {position} 个字符是控制字符 {char}，不是文字，不能保存",
        "en": "'{field}': character {position} is the control character {char}, not text; it cannot be saved",
    },
    "store.invalid_answers": {
        "zh": "以下项目存有无效答案，请先重新作答：{items}",
        "en": "these items hold answers that are not valid; answer them again first: {items}",
    },
    "answer.stored_invalid": {
        "zh": "存有无效答案“{value}”，请重新作答",
        "en": "holds '{value}', which is not a valid answer: answer it again",
    },
    "bundle.invalid_answer": {
        "zh": "不能签名导出：{group}（考核记录 {visit}）的“{item}”存有无效答案“{value}”；请在该联络组中重新作答（已定稿的先退回修改）",
        "en": "cannot sign: {group} (visit {visit}) holds '{value}' for '{item}', which is not a valid answer; answer it again in that group's visit (reopen it if finalized)",
    },
    "county.invalid": {
        "zh": "汇总文件 {file} 中有 {count} 条记录无法使用，未计入排名（可用 inspect-tui county drop 编号 删除）：\n{records}",
        "en": "the county file {file} holds {count} records that cannot be used; they are left out of the ranking (remove one with inspect-tui county drop ID):\n{records}",
    },
    "county.invalid_record": {
        "zh": "  {id}  {group} · {team}：{reason}",
        "en": "  {id}  {group} · {team}: {reason}",
    },
    "county.reason_required": {
        "zh": "请用 --reason 说明原因（会记入汇总文件的审计记录）",
        "en": "give a reason with --reason (it is kept in the county file's audit)",
    },
    "county.id_short": {
        "zh": "记录编号“{id}”太短：至少输入 {digits} 位（见 inspect-tui county list）",
        "en": "record id '{id}' is too short: type at least {digits} characters (see inspect-tui county list)",
    },
    "county.no_record": {
        "zh": "没有编号以“{id}”开头的记录（见 inspect-tui county list）",
        "en": "no record's id starts with '{id}' (see inspect-tui county list)",
    },
    "county.ambiguous": {
        "zh": "有 {count} 条记录的编号以“{id}”开头；请多输入几位",
        "en": "{count} records have ids starting with '{id}'; type more of it",
    },
    "col.id": {"zh": "编号", "en": "ID"},
    "col.revision": {"zh": "版本", "en": "Revision"},
    "col.state": {"zh": "状态", "en": "State"},
    "col.file": {"zh": "来源文件", "en": "From file"},
    "county.state.counted": {"zh": "计入", "en": "counted"},
    "county.state.superseded": {"zh": "已被更新版本取代", "en": "superseded"},
    "county.state.conflict": {"zh": "冲突，待选择", "en": "conflict, to be settled"},
    "county.state.invalid": {"zh": "无法使用，未计入", "en": "cannot be used, left out"},
    "county.state.altered": {"zh": "（合并后被改动）", "en": " (changed after merging)"},
    "county.dropped_line": {
        "zh": "已删除 {id}  {group} · {team}（{who}，{at}）：{reason}",
        "en": "dropped {id}  {group} · {team} ({who}, {at}): {reason}",
    },
    "county.dropped": {
        "zh": "已从汇总文件删除记录 {id}（{group} · {team}）；原因已记入审计。恢复：inspect-tui county restore {id} --reason 原因",
        "en": "dropped record {id} ({group} · {team}) from the county file; the reason is in its audit. To undo: inspect-tui county restore {id} --reason WHY",
    },
    "county.restored": {
        "zh": "已恢复记录 {id}（{group} · {team}）",
        "en": "restored record {id} ({group} · {team})",
    },
    "merge.dropped": {
        "zh": "{count} 条记录此前已被删除，本次不再合并（inspect-tui county list 可查看）",
        "en": "{count} records were dropped earlier and are not merged again (see inspect-tui county list)",
    },
    "visit.shape": {
        "zh": "记录的结构不对（不是 inspect-tui 的考核记录）",
        "en": "the record does not have the shape of an inspect-tui visit",
    },
    "visit.unassigned": {
        "zh": "{team} 没有被分配考核联络组“{group}”",
        "en": "{team} is not assigned to group '{group}'",
    },
    "visit.other_checklist": {
        "zh": "按另一版考核提纲打分，不能与本次考核混用",
        "en": "scored with another version of the checklist; it cannot be mixed with this one",
    },
    "visit.bad_answer": {"zh": "{reason}", "en": "{reason}"},
    "bundle.bad_answer": {
        "zh": "{file}：{group}：{reason}；拒收此文件",
        "en": "{file}: {group}: {reason}; file refused",
    },
}

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
    "bundle.bad_answer": {
        "zh": "{file}：{group} 的“{item}”的答案“{value}”无效（{reason}），拒收此文件",
        "en": "{file}: the answer '{value}' for '{item}' of {group} is not valid ({reason}); file refused",
    },
}

"""Words about evidence files on an item: keeping one, its record in a visit file or a bundle,
the folder written beside a bundle, the letter's line, and the picker (Chinese and English)."""

from __future__ import annotations

EVIDENCE_MESSAGES: dict[str, dict[str, str]] = {
    # -- keeping a file -------------------------------------------------------------------------
    "evidence.missing": {
        "zh": "证据文件 {path} 不存在",
        "en": "evidence file {path}: not found",
    },
    "evidence.is_folder": {
        "zh": "{path} 是文件夹，不是文件；请选择其中的照片或扫描件",
        "en": "{path} is a folder, not a file: pick a photo or a scan in it",
    },
    "evidence.unreadable": {
        "zh": "证据文件 {path} 无法读取：{reason}",
        "en": "evidence file {path} cannot be read: {reason}",
    },
    "evidence.refused": {
        "zh": "证据文件 {path}：{reason}",
        "en": "evidence file {path}: {reason}",
    },
    "evidence.empty": {
        "zh": "证据文件 {path} 是空的（0 字节，可能没有复制完整）；未保存",
        "en": "evidence file {path} is empty (0 bytes: a copy that did not finish?); not kept",
    },
    "evidence.bad_source_name": {
        "zh": "证据文件 {path} 的文件名不能使用：{reason}；请改名后再选",
        "en": "evidence file {path}: its name cannot be used ({reason}); rename it and pick it again",
    },
    "evidence.bad_record": {
        "zh": "考核项目“{item}”的证据记录不对：{reason}",
        "en": "the evidence record for item '{item}' is not valid: {reason}",
    },
    "evidence.not_listed": {
        "zh": "考核项目“{item}”没有证据文件 {sha}",
        "en": "item '{item}' lists no evidence file {sha}",
    },
    # -- a stored list (a visit file, a bundle, the county file) --------------------------------
    "evidence.not_list": {
        "zh": "证据不是文件列表",
        "en": "the evidence is not a list of files",
    },
    "evidence.bad_entry": {
        "zh": "证据条目应只含 sha256、name、size 三项",
        "en": "an evidence entry must hold exactly sha256, name and size",
    },
    "evidence.bad_hash": {
        "zh": "证据的校验值 {value!r} 不是 64 位十六进制 SHA-256",
        "en": "evidence hash {value!r} is not a SHA-256 of 64 hex digits",
    },
    "evidence.bad_file_name": {
        "zh": "证据文件名“{name}”不能使用：{reason}",
        "en": "evidence file name '{name}' cannot be used: {reason}",
    },
    "evidence.bad_name_length": {
        "zh": "文件名为空或超过 {limit} 个字符",
        "en": "the name is empty or longer than {limit} characters",
    },
    "evidence.bad_size": {
        "zh": "证据文件大小 {value!r} 不是非负整数",
        "en": "evidence size {value!r} is not a whole number of bytes",
    },
    "evidence.twice": {
        "zh": "同一证据文件 {sha} 列了两次",
        "en": "evidence file {sha} is listed twice",
    },
    "visit.bad_evidence": {
        "zh": "考核项目“{item}”的证据：{reason}",
        "en": "evidence of item '{item}': {reason}",
    },
    "bundle.bad_evidence": {
        "zh": "{file}：{group}：考核项目“{item}”的证据：{reason}；拒收此文件",
        "en": "{file}: {group}: evidence of item '{item}': {reason}; file refused",
    },
    # -- beside a bundle ------------------------------------------------------------------------
    "evidence.not_kept": {
        "zh": "证据文件“{name}”（{sha}）不在 {folder} 中，未导出任何文件；请重新附上该证据",
        "en": "evidence file '{name}' ({sha}) is not in {folder}; nothing was exported. Attach it again",
    },
    "evidence.damaged": {
        "zh": "证据文件 {path} 已损坏（内容与校验值 {sha} 不符），未导出任何文件；请重新附上该证据",
        "en": "evidence file {path} is damaged (its content no longer matches {sha}); nothing was exported. Attach it again",
    },
    "bundle.evidence_written": {
        "zh": "证据文件 {count} 个：{folder}",
        "en": "{count} evidence file(s): {folder}",
    },
    "bundle.no_evidence": {
        "zh": "这些考核记录没有附证据文件",
        "en": "these visits have no evidence files",
    },
    # -- the feedback letter --------------------------------------------------------------------
    "letter.evidence": {"zh": "证据材料：{files}", "en": "Evidence: {files}"},
    "letter.evidence_file": {"zh": "{name}（{short}）", "en": "{name} ({short})"},
    # -- the picker -----------------------------------------------------------------------------
    "ui.evidence_title": {
        "zh": "选择证据文件（照片、扫描件）",
        "en": "Pick an evidence file (a photo, a scan)",
    },
    "ui.evidence_hint": {
        "zh": "回车选中文件或打开文件夹 · Tab 到上方输入文件夹或文件路径",
        "en": "Enter picks a file or opens a folder · Tab: type a folder or a file's path",
    },
    "ui.field.evidence_folder": {"zh": "文件夹", "en": "Folder"},
    "ui.evidence_not_folder": {
        "zh": "{path} 不是文件夹，也不是文件",
        "en": "{path} is neither a folder nor a file",
    },
    "key.evidence_parent": {"zh": "上一级", "en": "Up a folder"},
}

"""Words about files that are not what they claim: special files, sizes, nesting, locks, keys."""

from __future__ import annotations

FILE_MESSAGES: dict[str, dict[str, str]] = {
    "file.refused": {"zh": "{path}：{reason}", "en": "{path}: {reason}"},
    "file.not_regular": {
        "zh": "不是普通文件（是设备、管道或套接字），不读取",
        "en": "not a regular file (a device, a pipe or a socket); not read",
    },
    "file.too_large": {
        "zh": "文件过大（{size}，上限 {limit}），不读取",
        "en": "too large ({size}; the limit is {limit}); not read",
    },
    "file.too_deep": {
        "zh": "嵌套超过 {limit} 层，不是本程序的文件，不读取",
        "en": "nested more than {limit} levels deep, which no file of ours is; not read",
    },
    "file.nested": {
        "zh": "数组或表嵌套过深，无法读取（考核文件不会这样写）",
        "en": "arrays or tables nested too deeply to read (no checklist is written like this)",
    },
    "file.write_failed": {
        "zh": "无法写入 {path}：{reason}；未留下不完整的文件",
        "en": "cannot write {path}: {reason}; no partial file was left",
    },
    "bundle.refused": {"zh": "{file}：{reason}", "en": "{file}: {reason}"},
    "bundle.left_out": {
        "zh": "注意：{problem}；该文件中的考核记录未导出",
        "en": "warning: {problem}; no visit of that file is in the bundle",
    },
    "store.refused": {
        "zh": "数据文件 {path}：{reason}；文件未被改动",
        "en": "data file {path}: {reason}; it was left untouched",
    },
    "sheet.refused": {"zh": "{file}：{reason}", "en": "{file}: {reason}"},
    # -- checklist numbers and text -------------------------------------------------------------
    "schema.not_finite": {
        "zh": "{value} 不是数值（不接受 nan、inf）",
        "en": "{value} is not a number that can be used (nan and inf are not allowed)",
    },
    "schema.control": {
        "zh": "第 {position} 个字符是控制字符 {char}，不是文字",
        "en": "character {position} is the control character {char}, not text",
    },
    # -- the folder lock ------------------------------------------------------------------------
    "lock.holder_unknown": {
        "zh": "不知是谁：说明文件 {file} 已被删除或无法读取，但文件夹仍被占用",
        "en": "holder unknown: the note {file} was removed or cannot be read, but the folder is still held",
    },
    # -- this laptop's signing key --------------------------------------------------------------
    "keys.too_open": {
        "zh": "签名密钥 {path} 可被其他用户读取（权限 {mode}），拒绝用它签名；请执行 chmod 600 {path} 使其仅本人可读",
        "en": "the signing key {path} can be read by other users (mode {mode}); nothing was signed with it. Make it yours alone: chmod 600 {path}",
    },
    "keys.too_open_note": {
        "zh": "注意：签名密钥 {path} 可被其他用户读取（权限 {mode}），导出时将拒绝签名；请执行 chmod 600 {path}",
        "en": "note: the signing key {path} can be read by other users (mode {mode}); signing will refuse it until you run chmod 600 {path}",
    },
    "keys.no_modes": {
        "zh": "注意：此磁盘不保存文件权限（Windows、FAT/exFAT 等），签名密钥 {path} 只靠本机用户账户和能接触此磁盘的人来保护",
        "en": "note: this drive keeps no file permissions (Windows, FAT/exFAT), so the signing key {path} is protected only by who can use this user account and who can read this drive",
    },
    "keys.vanished": {
        "zh": "本机签名密钥 {path} 不见了（其公钥 {fingerprint} 仍有记录），未签名任何文件；请执行 inspect-tui keys new 生成新密钥，再请组长信任它",
        "en": "this laptop's signing key {path} is gone (its public key {fingerprint} is still on record); nothing was signed. Make a new one with inspect-tui keys new, then have the team lead trust it",
    },
    "keys.exists": {
        "zh": "本机已有签名密钥 {path}（指纹 {fingerprint}），不另生成；keys new 只在密钥丢失时使用",
        "en": "this laptop already has a signing key {path} (fingerprint {fingerprint}); no new one was made: keys new is for a key that is gone",
    },
    "keys.made": {
        "zh": "已生成本机新签名密钥，指纹 {fingerprint}；组长须先信任它才能合并本机的结果：inspect-tui keys trust 考核组 {key}",
        "en": "made a new signing key for this laptop, fingerprint {fingerprint}; the team lead must trust it before merging this laptop's results: inspect-tui keys trust TEAM {key}",
    },
}

"""Words of signing keys and result bundles: this laptop's key, trusting a team's, exporting a
bundle, and every reason a bundle is refused."""

from __future__ import annotations

BUNDLE_MESSAGES: dict[str, dict[str, str]] = {
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
}

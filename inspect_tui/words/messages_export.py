"""Words of the exports and of `verify`, in Chinese and English."""

from __future__ import annotations

EXPORT_MESSAGES: dict[str, dict[str, str]] = {
    # -- what every export states ---------------------------------------------------------------
    "export.campaign": {"zh": "考核", "en": "Campaign"},
    "export.checklist_hash": {"zh": "考核提纲校验值", "en": "Checklist hash"},
    "export.rules": {"zh": "排名规则", "en": "Ranking rules"},
    "export.scoring": {"zh": "计分规则", "en": "Scoring rules"},
    "export.scoring_rules": {
        "zh": "是=满分，否=0，计数项按目标折算（封顶满分），不适用项不计入；各部分按权重折算，缺项部分的权重按比例分给其余部分；扣分从所属部分或总分扣除，扣完为止；一票否决定为最低等次；四舍五入保留两位小数",
        "en": "yes = full points, no = 0, counts scale to their target (capped), n/a items are left out; each section counts by its weight, an n/a section's weight goes to the others; deductions come off their section or the total, never below 0; a veto means the lowest tier; rounded half up to 2 decimals",
    },
    "export.calibration": {"zh": "考核组校准", "en": "Team calibration"},
    "export.deductions": {"zh": "扣分说明", "en": "Deductions"},
    "export.deductions_note": {
        "zh": "各部分得分已扣除从该部分扣的分；“扣分（全部）”含各部分内的扣分和从总分扣的分；总分 = 各部分得分之和 − 从总分扣的分",
        "en": "section scores already have their own deductions taken off; 'Deductions (all)' counts those and the ones taken from the total; total = the sum of the sections minus the deductions taken from the total",
    },
    "export.unsigned": {"zh": "含未签名结果", "en": "Unsigned results used"},
    "export.drafts": {"zh": "含草稿", "en": "Drafts included"},
    "export.made_at": {"zh": "生成时间", "en": "Made at"},
    "export.code": {"zh": "验证码", "en": "Verification code"},
    "export.yes": {"zh": "是", "en": "yes"},
    "export.na": {"zh": "不适用", "en": "n/a"},
    "export.no": {"zh": "否", "en": "no"},
    "export.verify_hint": {
        "zh": "扫描二维码或输入验证码，用 inspect-tui verify 核对",
        "en": "scan the QR code or type the code into inspect-tui verify to check",
    },
    # -- column and sheet names ----------------------------------------------------------------
    "export.col.rank": {"zh": "名次", "en": "Rank"},
    "export.col.id": {"zh": "编号", "en": "ID"},
    "export.col.group": {"zh": "联络组", "en": "Group"},
    "export.col.kind": {"zh": "类别", "en": "Kind"},
    "export.col.total": {"zh": "总分", "en": "Total"},
    "export.col.deductions": {"zh": "扣分（全部）", "en": "Deductions (all)"},
    "export.col.tier": {"zh": "等次", "en": "Tier"},
    "export.col.teams": {"zh": "考核组", "en": "Teams"},
    "export.col.flags": {"zh": "标记", "en": "Flags"},
    "export.col.remarks": {"zh": "考核组意见", "en": "Teams' remarks"},
    "export.col.team": {"zh": "考核组", "en": "Team"},
    "export.col.item": {"zh": "考核项目", "en": "Item"},
    "export.col.note": {"zh": "说明", "en": "Note"},
    "export.col.assigned": {"zh": "分配", "en": "Assigned"},
    "export.col.counted": {"zh": "计入排名", "en": "Counted"},
    "export.col.offset": {"zh": "宽严偏差", "en": "Leniency offset"},
    "export.col.key": {"zh": "项目", "en": "Entry"},
    "export.col.value": {"zh": "内容", "en": "Value"},
    "export.sheet.ranking": {"zh": "排名", "en": "Ranking"},
    "export.sheet.items": {"zh": "明细", "en": "Items"},
    "export.sheet.teams": {"zh": "考核组", "en": "Teams"},
    "export.sheet.problems": {"zh": "失分项", "en": "Problems"},
    "export.col.text": {"zh": "内容", "en": "Text"},
    "export.col.count": {"zh": "联络组数", "en": "Groups"},
    "export.sheet.rules": {"zh": "规则", "en": "Rules"},
    "export.kind.township": {"zh": "乡镇", "en": "township"},
    "export.kind.system": {"zh": "县直系统", "en": "county system"},
    "export.vetoed": {"zh": "（一票否决）", "en": " (veto)"},
    # -- the printable report ------------------------------------------------------------------
    "export.report": {"zh": "{title}结果", "en": "{title}: results"},
    "export.chart.totals": {"zh": "各联络组总分", "en": "Total by group"},
    "export.chart.sections": {"zh": "各部分平均得分率", "en": "Section averages (share of points)"},
    "export.chart.tiers": {"zh": "等次分布", "en": "Groups per tier"},
    "export.problems": {"zh": "共性问题", "en": "Common problems"},
    "export.problem_line": {"zh": "{item}：{count} 个联络组", "en": "{item}: {count} group(s)"},
    "export.none": {"zh": "无", "en": "none"},
    "export.notes": {"zh": "说明与验证", "en": "Notes and verification"},
    # -- the circular (通报) draft ---------------------------------------------------------------
    "circular.title": {"zh": "关于{title}情况的通报", "en": "Circular on {title}"},
    "circular.opening": {
        "zh": "为全面掌握全县政协委员联络组工作情况，县政协于{when}组成{teams}个考核组，对全县{groups}个政协委员联络组{period}工作进行了考核。考核组采取{methods}等形式，逐项对照考核提纲评分。现将考核情况通报如下：",
        "en": "To learn how the county's CPPCC member liaison groups are working, the committee formed {teams} inspection teams which, {when}, assessed the work of all {groups} liaison groups for {period}. The teams {methods}, and scored each item against the checklist. The results are as follows:",
    },
    "circular.methods_none": {"zh": "现场考核", "en": "visited each group"},
    "circular.h.overall": {"zh": "一、总体情况", "en": "1. Overall"},
    "circular.h.best": {
        "zh": "二、各方面做得较好的联络组",
        "en": "2. Groups that did well, by area",
    },
    "circular.h.problems": {"zh": "三、存在的共性问题", "en": "3. Common problems"},
    "circular.addressee": {"zh": "各政协委员联络组：", "en": "To every liaison group:"},
    "circular.attachment_note": {
        "zh": "附件：{title}排名表",
        "en": "Attachment: the ranking of {title}",
    },
    "circular.attachment": {"zh": "附件", "en": "Attachment"},
    "circular.attachment_title": {"zh": "{title}排名表", "en": "The ranking of {title}"},
    "circular.counts": {
        "zh": "本次共考核{groups}个联络组，其中{counts}。",
        "en": "{groups} groups were assessed: {counts}.",
    },
    "circular.count": {"zh": "{tier}{count}个", "en": "{count} {tier}"},
    "circular.tier_list": {"zh": "{tier}的有：{groups}", "en": "{tier}: {groups}"},
    "circular.best_line": {"zh": "{section}方面：{groups}。", "en": "{section}: {groups}."},
    "circular.best_none": {
        "zh": "{section}方面：暂无突出的联络组。",
        "en": "{section}: no group stood out.",
    },
    "circular.problem": {
        "zh": "（{n}）“{item}”未达要求，共{count}个联络组。",
        "en": "({n}) '{item}' fell short in {count} groups.",
    },
    "circular.problem_notes": {"zh": "考核组记录：{notes}。", "en": "The teams noted: {notes}."},
    "circular.no_problems": {
        "zh": "本次考核未发现共性问题。",
        "en": "No common problems were found.",
    },
    "circular.closing": {
        "zh": "希望各联络组对照通报查找差距，认真整改，进一步发挥政协委员联络组的桥梁纽带作用。",
        "en": "Each group is asked to compare itself with this circular, put its shortcomings right, and strengthen its work as a bridge between members and the public.",
    },
    "circular.signature": {"zh": "县政协办公室", "en": "Office of the County CPPCC Committee"},
    "circular.period": {"zh": "{start}至{end}", "en": "{start} to {end}"},
    "circular.on": {"zh": "{day}", "en": "on {day}"},
    "circular.between": {"zh": "{start}至{end}", "en": "from {start} to {end}"},
    "circular.verify": {
        "zh": "验证码：{code}（扫描二维码或用 inspect-tui verify 核对本排名）",
        "en": "Verification code: {code} (scan the QR code or use inspect-tui verify to check this ranking)",
    },
    "sep.list": {"zh": "、", "en": ", "},
    "sep.clause": {"zh": "；", "en": "; "},
    # -- the command and the screen ------------------------------------------------------------
    "export.progress": {"zh": "正在导出", "en": "Exporting"},
    "export.wrote": {"zh": "已写入 {path}", "en": "wrote {path}"},
    "export.summary": {
        "zh": "{groups} 个联络组，验证码 {code}",
        "en": "{groups} groups, verification code {code}",
    },
    "export.bad_format": {
        "zh": "不支持的导出格式“{format}”；可用：{known}",
        "en": "unknown export format '{format}'; known: {known}",
    },
    "export.empty": {
        "zh": "{folder} 中的县汇总还没有可排名的结果：请先合并各考核组的结果文件",
        "en": "the county store in {folder} has no results to rank yet: merge the teams' files first",
    },
    "export.failed": {
        "zh": "无法写入 {path}：{reason}；未留下不完整的文件",
        "en": "cannot write {path}: {reason}; no partial file was left",
    },
    "export.not_folder": {
        "zh": "{folder} 是一个文件，不是文件夹：请换一个导出位置",
        "en": "{folder} is a file, not a folder: choose another place to export to",
    },
    "export.log_damaged": {
        "zh": "注意：导出记录 {path} 已损坏（{reason}），已原样另存为 {aside}，并新建了导出记录",
        "en": "note: the export log {path} was damaged ({reason}): it is kept as it was in {aside}, and a new log was started",
    },
    "export.log_unreadable": {
        "zh": "导出记录 {path} 无法读取：{reason}",
        "en": "the export log {path} cannot be read: {reason}",
    },
    "log.not_json": {"zh": "不是完整的 JSON", "en": "not complete JSON"},
    "log.not_list": {
        "zh": "内容不是一份导出列表",
        "en": "it does not hold a list of exports",
    },
    "os.full": {"zh": "磁盘已满", "en": "the disk is full"},
    "os.read_only": {"zh": "这是只读的磁盘或文件夹", "en": "the disk or folder is read-only"},
    "os.denied": {"zh": "没有写入权限", "en": "permission denied"},
    "os.missing": {"zh": "文件夹不存在", "en": "the folder does not exist"},
    "os.not_folder": {
        "zh": "路径中有一部分是文件而不是文件夹",
        "en": "part of the path is a file, not a folder",
    },
    "os.is_folder": {"zh": "这是一个文件夹，不是文件", "en": "it is a folder, not a file"},
    "os.name_too_long": {
        "zh": "名称过长，文件系统无法保存",
        "en": "the name is too long for the file system",
    },
    "os.exists": {"zh": "已有同名文件", "en": "a file of that name is in the way"},
    # -- verify ----------------------------------------------------------------------------------
    "verify.unreadable": {
        "zh": "{what}：不是验证码，文件中也找不到验证码",
        "en": "{what}: not a verification code, and no code was found in it",
    },
    "verify.match": {
        "zh": "一致：{groups} 个联络组，验证码 {code}（{campaign}）",
        "en": "match: {groups} groups, code {code} ({campaign})",
    },
    "verify.mismatch": {
        "zh": "不一致：验证码 {code} 与县汇总现在的结果（{now}）不同",
        "en": "mismatch: code {code} differs from what the county store gives now ({now})",
    },
    "verify.differs": {
        "zh": "  {group}：打印时 {before}，现在 {after}",
        "en": "  {group}: printed {before}, now {after}",
    },
    "verify.no_file": {"zh": "{what}：找不到这个文件", "en": "{what}: no such file"},
    "verify.unreadable_file": {
        "zh": "{what}：无法读取（{reason}）",
        "en": "{what}: cannot be read ({reason})",
    },
    "verify.refused": {
        "zh": "{what}：不能作为导出文件读取（{reason}）",
        "en": "{what}: cannot be read as an export file ({reason})",
    },
    "verify.too_large": {
        "zh": "{what}：解压后超过 {limit}，不是本程序导出的文件",
        "en": "{what}: more than {limit} once unpacked, not an export of ours",
    },
    "verify.log_damaged": {
        "zh": "  导出记录 {path} 无法使用（{reason}），因此无法指出哪些联络组不同",
        "en": "  the export log {path} cannot be used ({reason}), so the differing groups cannot be named",
    },
    "verify.damaged": {
        "zh": "{what}：文件已损坏（像是不完整的 Excel 或 Word 文件）",
        "en": "{what}: the file is damaged (it looks like an incomplete Excel or Word file)",
    },
    "verify.empty": {
        "zh": "请给出导出文件、打印的验证码或扫描到的二维码内容",
        "en": "give an export file, the printed code or what the QR code scans to",
    },
    "verify.no_such_code": {
        "zh": "不一致：本机没有验证码为 {code} 的导出，请核对输入是否有误（县汇总现在的验证码是 {now}）",
        "en": "mismatch: no export made here has the code {code}; check it was typed right (the county store's code now is {now})",
    },
    "verify.file_changed": {
        "zh": "不一致：文件中的验证码 {code} 与县汇总一致，但文件里的分数被改过",
        "en": "mismatch: the file's code {code} is the county store's, but figures in the file were changed",
    },
    "verify.file_differs": {
        "zh": "  {group}：文件中 {shown}，排名 {ranked}",
        "en": "  {group}: the file shows {shown}, the ranking {ranked}",
    },
    "verify.receipt_unknown": {
        "zh": "回执中的联络组或考核组（{group} · {team}）不在本次考核中",
        "en": "the receipt's group or team ({group} · {team}) is not in this campaign",
    },
    "verify.unknown": {
        "zh": "  此验证码不在本机的导出记录中，无法指出哪些联络组不同",
        "en": "  this code is not among the exports made here, so the differing groups cannot be named",
    },
    "verify.other_campaign": {
        "zh": "验证码属于考核 {found}，当前考核是 {campaign}；请用 --campaign 指定",
        "en": "the code belongs to campaign {found}, not {campaign}; choose it with --campaign",
    },
    "verify.receipt_match": {
        "zh": "一致：{group} 由 {team} 考核，第 {revision} 版，总分 {total}，等次 {tier}",
        "en": "match: {group} by {team}, revision {revision}, total {total}, tier {tier}",
    },
    "verify.receipt_missing": {
        "zh": "不一致：县汇总中没有 {team} 对 {group} 的第 {revision} 版考核",
        "en": "mismatch: the county store has no revision {revision} of {team}'s visit to {group}",
    },
    "verify.receipt_changed": {
        "zh": "不一致：{team} 对 {group} 的第 {revision} 版与回执不同（回执 {printed}，汇总 {now}）",
        "en": "mismatch: {team}'s revision {revision} of {group} differs from the receipt (receipt {printed}, store {now})",
    },
    "verify.receipt_superseded": {
        "zh": "  注意：该考核之后有第 {latest} 版，排名采用最新版",
        "en": "  note: a later revision {latest} exists, and the ranking counts the latest",
    },
}

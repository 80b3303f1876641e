"""Words of the feedback letters (反馈意见) each group keeps after an assessment."""

from __future__ import annotations

LETTER_MESSAGES: dict[str, dict[str, str]] = {
    "ui.format.letters": {
        "zh": "DOCX 各联络组反馈意见（每组一页起）",
        "en": "DOCX feedback letters (a page or more per group)",
    },
    "key.letter": {"zh": "反馈意见", "en": "Letter"},
    "ui.letter_written": {
        "zh": "初步反馈意见已写入 {file}：",
        "en": "Provisional letter written in {file}:",
    },
    "letter.file_title": {"zh": "{title}反馈意见", "en": "{title}: feedback letters"},
    "letter.title": {
        "zh": "关于{group}{period}工作考核情况的反馈意见",
        "en": "Feedback on the assessment of {group}, {period}",
    },
    "letter.provisional_mark": {
        "zh": "（考核组现场初步意见）",
        "en": "(Provisional: the inspection team's letter on site)",
    },
    "letter.addressee": {
        "zh": "{group}政协委员联络组：",
        "en": "To the CPPCC member liaison group of {group}:",
    },
    "letter.opening": {
        "zh": "考核组对你组{period}工作进行了考核，现将考核情况反馈如下：",
        "en": "As arranged by the county committee, an inspection team has assessed your group's work for {period}. Its findings are as follows.",
    },
    "letter.h.result": {"zh": "考核结果", "en": "Result"},
    "letter.not_assessed": {
        "zh": "因{reason}，考核组未能对你组{period}工作进行现场考核。你组本次不评定等次，不列入排名。",
        "en": "The inspection team could not assess your group's work for {period} on site ({reason}). Your group is given no tier and no place in the ranking this time.",
    },
    "letter.h.strengths": {"zh": "主要成绩", "en": "What went well"},
    "letter.h.shortfalls": {"zh": "存在问题", "en": "Where points were lost"},
    "letter.h.fix": {"zh": "整改要求", "en": "What is to be put right"},
    "letter.result": {
        "zh": "你组考核总分{total}分，等次为{tier}",
        "en": "Your group scored {total} points, which places it in the tier {tier}",
    },
    "letter.rank": {
        "zh": "，在全县{ranked}个参加排名的联络组中列第{rank}位",
        "en": ", ranked {rank} of the {ranked} groups ranked in the county",
    },
    "letter.vetoed": {
        "zh": "；因{items}，实行一票否决，等次定为最低一档",
        "en": "; because of {items}, the veto applies and sets the lowest tier",
    },
    "letter.provisional": {
        "zh": "。以上为考核组现场初步意见，排名及正式意见以县政协办公室反馈为准",
        "en": ". This is the team's provisional finding; the rank and the office's letter follow",
    },
    "letter.no_strengths": {
        "zh": "考核组未另行记录。",
        "en": "The team recorded nothing further.",
    },
    "letter.no_shortfalls": {
        "zh": "本次考核未发现失分项。",
        "en": "No points were lost in this assessment.",
    },
    "letter.shortfalls_intro": {
        "zh": "对照考核提纲，你组以下项目失分：",
        "en": "Against the checklist, your group lost points on these items:",
    },
    "letter.veto_cost": {"zh": "一票否决", "en": "veto"},
    "letter.col.n": {"zh": "序号", "en": "No."},
    "letter.col.item": {"zh": "失分项目", "en": "Item"},
    "letter.col.cost": {"zh": "扣分（计入总分）", "en": "Points lost (in the total)"},
    "letter.col.notes": {"zh": "考核组记录", "en": "The team noted"},
    "letter.fix": {
        "zh": "你组要对照本意见指出的问题，逐项制定整改措施，切实抓好整改落实，并将整改情况书面报送{to}。",
        "en": "Your group is to set out how it will put right each problem named here, do so, and report in writing to the {to} on what it has done.",
    },
    "letter.fix_by": {
        "zh": "你组要对照本意见指出的问题，逐项制定整改措施，切实抓好整改落实，并于{day}前将整改情况书面报送{to}。",
        "en": "Your group is to set out how it will put right each problem named here, do so, and report in writing to the {to} by {day} on what it has done.",
    },
    "letter.col.section": {"zh": "考核内容", "en": "Section"},
    "letter.col.points": {"zh": "分值", "en": "Points"},
    "letter.col.score": {"zh": "得分", "en": "Score"},
    "letter.col.average": {"zh": "全县平均", "en": "County average"},
    "letter.deductions": {"zh": "扣分", "en": "Deductions"},
    "letter.total": {"zh": "总分", "en": "Total"},
}

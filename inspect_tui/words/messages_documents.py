"""Words about the office's documents: the circular and the feedback letters."""

from __future__ import annotations

DOCUMENT_MESSAGES: dict[str, dict[str, str]] = {
    # -- checklist fields the documents use ------------------------------------------------------
    "checklist.unknown_item": {
        "zh": "提纲中没有条目“{item}”",
        "en": "the outline has no item '{item}'",
    },
    # -- the circular (通报) -----------------------------------------------------------------------
    "doc.title": {"zh": "关于{title}情况的通报", "en": "Circular on the {title}"},
    "doc.issuer_default": {"zh": "县政协办公室", "en": "Office of the County CPPCC Committee"},
    "doc.to_default": {"zh": "各政协委员联络组", "en": "All CPPCC member liaison groups"},
    "doc.colon": {"zh": "：", "en": ":"},
    "doc.stop": {"zh": "。", "en": "."},
    "doc.semi": {"zh": "；", "en": "; "},
    "doc.and": {"zh": "，", "en": ", and "},
    "doc.basis_default": {"zh": "按照《{outline}》", "en": "in line with the {outline}"},
    "doc.opening": {
        "zh": "为全面掌握全县政协委员联络组工作情况，进一步发挥政协委员联络组和政协委员“政治协商、民主监督、参政议政”的职能作用，{basis}，县政协于{when}由{leaders}带队，组成{teams}个考核组，{scope}{period}工作进行了考核。考核组采取{methods}等形式进行考核。",
        "en": "To gain a full picture of the work of the county's CPPCC member liaison groups, and {basis}, the County CPPCC Committee formed {teams} assessment teams, led by {leaders}, which assessed {scope} on their work in {period}; the visits took place {when}. The teams worked by {methods}.",
    },
    "doc.scope.all": {
        "zh": "对全县{total}个政协委员联络组",
        "en": "all {total} liaison groups in the county",
    },
    "doc.scope.some": {
        "zh": "对全县{total}个政协委员联络组中的{assessed}个联络组",
        "en": "{assessed} of the county's {total} liaison groups",
    },
    "doc.not_assessed": {
        "zh": "{groups}共{count}个联络组未进行考核。",
        "en": " {count} not assessed: {groups}.",
    },
    "doc.missing": {
        "zh": "{groups}共{count}个联络组尚无考核结果，未列入本次排名。",
        "en": " No results have been received for {count}, which are not ranked: {groups}.",
    },
    "doc.opening_end": {
        "zh": "现将考核情况通报如下：",
        "en": " The findings are set out below.",
    },
    "doc.method.meeting": {"zh": "召开考核会议", "en": "holding an assessment meeting"},
    "doc.method.report": {"zh": "听取汇报", "en": "hearing reports"},
    "doc.method.archive": {"zh": "现场查阅资料", "en": "reading the archives on site"},
    "doc.method.talk": {"zh": "座谈", "en": "talking with members"},
    "doc.method.question": {"zh": "提问", "en": "asking questions"},
    "doc.method.opinion": {"zh": "征求意见", "en": "seeking opinions"},
    "doc.method.visit": {"zh": "走访政协委员", "en": "visiting members"},
    "doc.method.none": {"zh": "现场考核", "en": "visiting each group"},
    "doc.period.h1": {"zh": "{year}年上半年", "en": "the first half of {year}"},
    "doc.period.h2": {"zh": "{year}年下半年", "en": "the second half of {year}"},
    "doc.period.year": {"zh": "{year}年全年", "en": "{year}"},
    "doc.period.span": {"zh": "{span}期间", "en": "the period {span}"},
    "doc.h.overall": {"zh": "一、总体情况", "en": "1. Overall results"},
    "doc.h.good": {"zh": "二、做得较好的方面", "en": "2. What went well"},
    "doc.h.problems": {"zh": "三、存在的主要问题", "en": "3. The main problems"},
    "doc.h.fix": {"zh": "四、整改要求", "en": "4. What must be put right"},
    "doc.h.strengths": {
        "zh": "考核组记录的其他好做法",
        "en": "Other good practice the teams recorded",
    },
    "doc.tiers": {
        "zh": "根据考核情况，本次考核的{assessed}个政协委员联络组中，{tiers}。",
        "en": "Of the {assessed} groups assessed, {tiers}.",
    },
    "doc.tier.named": {
        "zh": "{tier}的有{groups}等{count}个",
        "en": "{count} were rated {tier}: {groups}",
    },
    "doc.tier.count": {"zh": "{tier}的{count}个", "en": "{count} were rated {tier}"},
    "doc.tier.quota": {
        "zh": "{groups}总分达到{tier}分数线，因{tier}等次名额（{max}个）所限，列为{lower}。",
        "en": " At most {max} groups may be rated {tier}, so these reached that score but are rated {lower}: {groups}.",
    },
    "doc.tier.veto": {
        "zh": "{groups}因一票否决，等次定为{tier}。",
        "en": " A veto sets the tier to {tier} whatever the score; this applies to {groups}.",
    },
    "doc.who": {"zh": "{groups}等联络组", "en": "{groups}"},
    "doc.who.many": {
        "zh": "{groups}等{count}个联络组",
        "en": "{groups} (of {count} groups that did as well)",
    },
    "doc.who.township.many": {
        "zh": "{groups}等{count}个乡镇",
        "en": "among the townships, {groups} (of {count} that did as well)",
    },
    "doc.who.system.many": {
        "zh": "{groups}等{count}个县直系统",
        "en": "among the county-level systems, {groups} (of {count} that did as well)",
    },
    "doc.who.township": {"zh": "{groups}等乡镇", "en": "among the townships, {groups}"},
    "doc.who.system": {
        "zh": "{groups}等县直系统",
        "en": "among the county-level systems, {groups}",
    },
    "doc.good": {"zh": "{who}{good}。", "en": "The groups that did best here were {who}: {good}."},
    "doc.good_none": {
        "zh": "这方面暂无得分突出的联络组。",
        "en": "No group stood out in this area.",
    },
    "doc.good_no_themes": {
        "zh": "考核提纲未设通报主题，各联络组得分见附件。",
        "en": "The outline defines no themes for the circular; each group's scores are in the attachment.",
    },
    "doc.said": {"zh": "{group}：{text}", "en": "{group}: {text}"},
    "doc.problem": {
        "zh": "{title}方面，{short}。这方面做得差的有{who}（得分不足该方面的六成）；各项未得满分的联络组数：{items}。",
        "en": "{title}: {short}. It was worst in {who} (below six tenths of the points here). Groups short of full points, item by item: {items}.",
    },
    "doc.problem_most": {
        "zh": "{title}方面，{short}，{who}这方面得分不足六成；各项未得满分的联络组数：{items}。",
        "en": "{title}: {short}; {who} scored below six tenths of the points here. Groups short of full points, item by item: {items}.",
    },
    "doc.problem_minor": {
        "zh": "{title}方面，{short}，有{count}个联络组在这方面失分；各项未得满分的联络组数：{items}。",
        "en": "{title}: {short}; {count} groups lost points here. Groups short of full points, item by item: {items}.",
    },
    "doc.share.all": {"zh": "全部{count}个联络组", "en": "all {count} groups"},
    "doc.share.most": {"zh": "大部分联络组（{count}个）", "en": "most groups ({count})"},
    "doc.share.some": {"zh": "部分联络组（{count}个）", "en": "some groups ({count})"},
    "doc.good_counted": {
        "zh": "{who}{good}。",
        "en": "{who} did well here: {good}.",
    },
    "doc.problem_item": {
        "zh": "{item}未达到要求，涉及{who}。",
        "en": "{item} fell short in {who}.",
    },
    "doc.item_count": {"zh": "{item}{count}个", "en": "{item} {count}"},
    "doc.these": {"zh": "{groups}", "en": "{groups}"},
    "doc.these_many": {
        "zh": "{groups}等{count}个联络组",
        "en": "{count} groups, among them {groups}",
    },
    "doc.all_groups": {
        "zh": "全部{count}个联络组",
        "en": "all {count} groups",
    },
    "doc.noted": {"zh": "考核组记录：{notes}。", "en": " The teams noted: {notes}."},
    "doc.deduction": {
        "zh": "{item}，按考核提纲从{where}扣分：{groups}。",
        "en": "{item}: points were taken off {where} for {groups}.",
    },
    "doc.where.total": {"zh": "总分", "en": "the total"},
    "doc.where.section": {"zh": "“{section}”部分", "en": "the '{section}' score"},
    "doc.deducted": {
        "zh": "{group}扣{points}分{because}",
        "en": "{group} ({points} points{because})",
    },
    "doc.because": {"zh": "（{note}）", "en": ": {note}"},
    "doc.floored": {
        "zh": "按考核提纲应扣{rated}分，“{section}”部分扣完为止",
        "en": "{rated} at the outline's rate, but no more than the '{section}' score had left",
    },
    "doc.veto": {
        "zh": "{group}{items}，实行一票否决，总分{total}分，等次定为{tier}。",
        "en": "{group}: {items}; under the veto it is rated {tier} despite its total of {total}.",
    },
    "doc.veto_item": {"zh": "触及否决项", "en": "a veto item"},
    "doc.veto_noted": {"zh": "考核组记录：{notes}。", "en": " The team noted: {notes}."},
    "doc.no_problems": {
        "zh": "本次考核未发现突出问题。",
        "en": "The assessment found no notable problems.",
    },
    "doc.fix_default": {
        "zh": "各联络组要对照本通报指出的问题，认真查找差距，逐项制定整改措施，切实抓好整改落实",
        "en": "Each group is to compare its work with the problems this circular names, set out how it will put each one right, and do so",
    },
    "doc.fix_by": {
        "zh": "{what}，并于{day}前将整改情况书面报送{to}。",
        "en": "{what}, and report in writing to the {to} by {day} on what it has done.",
    },
    "doc.fix": {
        "zh": "{what}，并将整改情况书面报送{to}。",
        "en": "{what}, and report in writing to the {to} on what it has done.",
    },
    "doc.attachment_note": {
        "zh": "附件：{title}排名表",
        "en": "Attachment: Ranking of the {title}",
    },
    "doc.attachment": {"zh": "附件", "en": "Attachment"},
    "doc.attachment_title": {"zh": "{title}排名表", "en": "Ranking of the {title}"},
    "doc.code": {"zh": "验证码：{code}", "en": "Verification code: {code}"},
    "doc.cc": {"zh": "抄送：{cc}。", "en": "Copies to: {cc}."},
    "doc.printed_on": {"zh": "{day}印发", "en": "Issued {day}"},
    "doc.col.rank": {"zh": "名次", "en": "Rank"},
    "doc.col.group": {"zh": "联络组", "en": "Group"},
    "doc.col.total": {"zh": "总分", "en": "Total"},
    "doc.col.deductions": {"zh": "扣分", "en": "Deducted"},
    "doc.col.tier": {"zh": "等次", "en": "Tier"},
    "doc.col.flags": {"zh": "说明", "en": "Notes"},
    "doc.sep_flags": {"zh": "、", "en": ", "},
    "doc.flag.quota": {"zh": "名额降等", "en": "quota"},
    "doc.flag.veto": {"zh": "一票否决", "en": "veto"},
    "doc.flag.disagreement": {"zh": "两组差异大", "en": "teams differ"},
    "doc.flag.unsigned": {"zh": "未签名", "en": "unsigned"},
    "doc.flag.draft": {"zh": "含草稿", "en": "draft"},
    "doc.flag.altered": {"zh": "记录被改动", "en": "record edited"},
    "doc.note": {"zh": "注：{parts}。", "en": "Note: {parts}."},
    "doc.note.total": {
        "zh": "总分＝各部分得分之和－从总分扣除的分；“扣分”栏为全部扣分，其中从某一部分扣除的分已在该部分得分中扣除",
        "en": "the total is the sum of the section scores less the points taken off the total; 'Deducted' shows every deduction, and those taken off a section are already out of that section's score",
    },
    "doc.note.veto": {
        "zh": "“一票否决”的联络组等次定为{tier}",
        "en": "a group under a 'veto' is rated {tier}",
    },
    "doc.note.quota": {
        "zh": "“名额降等”指总分达到{tier}分数线但超出{tier}等次名额（{max}个），列为{lower}",
        "en": "'quota' marks a group whose total reached {tier} but which was rated {lower} because at most {max} groups may be rated {tier}",
    },
    "doc.note.teams": {
        "zh": "由两个考核组考核的联络组按规则合并两组结果，“两组差异大”指两组总分相差超过{points}分",
        "en": "a group assessed by two teams has their results combined, and 'teams differ' marks totals more than {points} points apart",
    },
    # -- commendations a team ticks at finalize (outline `[[commendations]]`) --------------------
    "doc.commended": {"zh": "{who}{text}。", "en": "{who} {text}."},
    "doc.commended_who": {"zh": "{groups}等联络组", "en": "{groups}"},
    "doc.commended_one": {"zh": "{groups}政协委员联络组", "en": "{groups}"},
    "answer.unknown_commendation": {
        "zh": "考核提纲中没有表彰事项“{id}”",
        "en": "the outline has no commendation '{id}'",
    },
    "visit.bad_commendation": {
        "zh": "表彰事项 {value!r} 不在考核提纲所列的表彰事项中",
        "en": "commendation {value!r} is not one the outline lists",
    },
    "bundle.bad_commendation": {
        "zh": "{file}：{group}：{reason}；拒收此文件",
        "en": "{file}: {group}: {reason}; file refused",
    },
    "bundle.invalid_commendation": {
        "zh": "不能签名导出：{group}（考核记录 {visit}）：{reason}；请退回修改该记录后重新完成考核",
        "en": "cannot sign: {group} (visit {visit}): {reason}; reopen that visit and finalize it again",
    },
    "ui.finalize_commendations": {
        "zh": "表彰事项（空格勾选，可不选）",
        "en": "Commendations (Space ticks; none is fine)",
    },
    "export.bad_date": {
        "zh": "日期 {value!r} 无法识别：请写成 年-月-日，如 2012-07-20",
        "en": "{value!r} is not a date: write it as year-month-day, e.g. 2012-07-20",
    },
}

"""The circular (通报) as the county office writes it, read back with python-docx and its XML: a
hand-built county of five groups whose answers decide who is praised for what, who fell short,
who was deducted and who was vetoed."""

from __future__ import annotations

import io
from dataclasses import replace
from datetime import UTC, datetime

import docx
import pytest
from docx.oxml.ns import qn

from inspect_tui.domain.calibration import Calibration
from inspect_tui.domain.model import Campaign
from inspect_tui.domain.ranking import RankedGroup, TeamResult
from inspect_tui.domain.scoring import NO, YES, Answer, score_visit
from inspect_tui.domain.tally import Tally
from inspect_tui.reports.circular import docx_bytes
from inspect_tui.reports.circular_text import build
from inspect_tui.reports.circular_words import period_words
from inspect_tui.reports.dataset import ExportData, Visited
from inspect_tui.storage.verification import Seal

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MADE = datetime(2026, 11, 27, 7, 27, tzinfo=UTC)  # an export long after the round


def _answers(campaign: Campaign, **overrides: object) -> dict[str, Answer]:
    """Full marks everywhere, no deduction, no veto; `overrides` item id (dots as __) -> value."""
    answers: dict[str, Answer] = {}
    for item in campaign.items:
        if item.kind == "check":
            answers[item.id] = Answer(YES)
        elif item.kind == "scale":
            answers[item.id] = Answer(item.points)
        elif item.kind == "count":
            target = campaign.target(item)
            answers[item.id] = Answer(target.count if target else 1)
        elif item.kind == "deduction":
            answers[item.id] = Answer(0)
        elif item.kind == "veto":
            answers[item.id] = Answer(NO)
    for key, value in overrides.items():
        item_id = key.replace("__", ".")
        answers[item_id] = value if isinstance(value, Answer) else Answer(value)  # type: ignore[arg-type]
    return answers


def county(campaign: Campaign, answers: dict[str, dict[str, Answer]]) -> ExportData:
    """ExportData for groups -> answers, one team each, ranked by total (veto last)."""
    tally = Tally(campaign)
    scored = []
    for group_id, given in answers.items():
        score = score_visit(campaign, given)
        stored = {k: {"value": a.value, "note": a.note} for k, a in given.items()}
        visit = Visited(
            team="team-1",
            short=tuple(tally.short(stored)),
            answers=given,
            problems="",
            methods=("report", "archive"),
            visit_date="2012-07-04" if group_id == "kaqun" else "2012-07-09",
        )
        sections = {s.id: s.score for s in score.sections}
        result = TeamResult("team-1", score.total, sections, score.deductions, score.vetoed)
        scored.append((group_id, score, sections, result, visit))
    scored.sort(key=lambda r: (r[1].vetoed, -r[1].total))
    rows = [
        RankedGroup(n, campaign.group(g), s.total, sec, s.deductions, s.vetoed, s.tier, (res,))
        for n, (g, s, sec, res, _) in enumerate(scored, start=1)
    ]
    return ExportData(
        campaign=campaign,
        rows=rows,
        visits={g: [v] for g, _, _, _, v in scored},
        calibration=Calibration({}, 0, 0.0, ()),  # type: ignore[arg-type]
        calibrated=False,
        include_drafts=False,
        coverage={},
        warning=lambda lang: None,
        made=MADE,
        seal=Seal(campaign.id.upper(), "N", "0123456789ABCDEF"),
    )


@pytest.fixture
def data(campaign: Campaign) -> ExportData:
    a = lambda **kw: _answers(campaign, **kw)  # noqa: E731
    return county(
        campaign,
        {
            "kaqun": a(),  # full marks: praised everywhere
            # a system that did badly in study: 4 of its 15 points (below six tenths)
            "shuili-xitong": a(
                study__plan=NO, study__rules=NO, study__collective=0, study__records=0
            ),
            "wudalike": a(archive__catalogue=0, archive__classification=0),
            "qiareke": a(
                penalties__dodged_inspection=Answer(1, "以农忙为由推脱"),
                penalties__leader_absent=Answer(1, "组长外出"),
                study__plan=NO,  # lost 2 of study's 15 points: counted, not named
            ),
            "boshikante": a(penalties__veto_refusal_or_fraud=Answer(YES, "拒绝提供档案资料")),
        },
    )


def paragraphs(data: ExportData, lang: str = "zh") -> list[str]:
    document = docx.Document(io.BytesIO(docx_bytes(data, lang)))  # type: ignore[arg-type]
    return [p.text for p in document.paragraphs]


def line(text: list[str], start: str) -> str:
    return next(x for x in text if x.startswith(start))


def problem(text: list[str], theme: str) -> str:
    problems = text[text.index("三、存在的主要问题") + 1 : text.index("四、整改要求")]
    return next(p for p in problems if f"{theme}方面" in p)


def test_themes_name_the_groups_that_did_best_on_their_items(data: ExportData) -> None:
    text = paragraphs(data)
    archive = line(text, "（四）档案规范整理。")
    assert "吾达力克乡" not in archive and "喀群乡" in archive
    assert "伯什坎特镇" not in "".join(
        text[text.index("二、做得较好的方面") : text.index("三、存在的主要问题")]
    )
    leadership = line(text, "（一）领导重视支持。")  # name_apart: townships, then systems
    assert (
        leadership.index("等乡镇")
        < leadership.index("水利系统党委")
        < leadership.index("等县直系统")
    )


def test_a_theme_that_names_no_one_says_how_many_did_well(data: ExportData) -> None:
    # the bundled outline, as seed 000, names no group for doing well in study (name_good =
    # false): kaqun and wudalike reached nine tenths of its points
    study = line(paragraphs(data), "（五）委员学习。")
    assert study.startswith("（五）委员学习。部分联络组（2个）定期组织委员学习")
    assert not any(g.name.zh in study for g in data.campaign.groups)
    named = {theme.id: theme.name_good for theme in data.campaign.outline.themes}
    assert named["learning"] is False and named["records"] is True


def test_a_theme_problem_names_the_groups_that_did_badly(data: ExportData) -> None:
    study = problem(paragraphs(data), "委员学习")
    # below six tenths of the theme's points: named; a group that lost a little: counted only
    assert "这方面做得差的有水利系统党委（得分不足该方面的六成）" in study
    assert "恰热克镇" not in study.split("考核组记录")[0]
    assert "各项未得满分的联络组数：“有学习计划”2个" in study  # every group, item by item
    assert study.index("“有学习计划”2个") < study.index("“有学习制度和考勤制度”1个")
    archive = problem(paragraphs(data), "档案规范整理")  # nobody below six tenths
    assert "有1个联络组在这方面失分" in archive and "吾达力克乡" not in archive


def test_a_problem_most_groups_had_is_said_so_without_names(campaign: Campaign) -> None:
    a = lambda **kw: _answers(campaign, **kw)  # noqa: E731
    weak = {"reports__research_reports": Answer(0, "未撰写调研报告"),
            "reports__inspection_tours": Answer(0, "未组织视察")}  # fmt: skip
    data = county(
        campaign,
        {"kaqun": a(), "wudalike": a(**weak), "qiareke": a(**weak), "mixia": a(**weak)},
    )
    research = problem(paragraphs(data), "视察和调研")
    assert "大部分联络组（3个）这方面得分不足六成" in research
    assert not any(g.name.zh in research for g in campaign.groups)
    assert "考核组记录：未组织视察；未撰写调研报告。" in research  # the notes, without names


def test_problems_are_by_theme(data: ExportData) -> None:
    text = paragraphs(data)
    problems = text[text.index("三、存在的主要问题") + 1 : text.index("四、整改要求")]
    assert [p[:2] for p in problems] == ["一是", "二是", "三是", "四是", "五是"][: len(problems)]


def test_lists_put_the_townships_first(campaign: Campaign) -> None:
    a = lambda **kw: _answers(campaign, **kw)  # noqa: E731
    data = county(
        campaign,
        {"kaqun": a(), "shuili-xitong": a(study__plan=NO), "wudalike": a(archive__catalogue=0)},
    )
    assert [row.group.id for row in data.rows] == ["kaqun", "shuili-xitong", "wudalike"]
    overall = line(paragraphs(data), "根据考核情况")
    # as every list in seed 000: the townships in rank order, then the county-level systems
    assert "较好的有喀群乡、吾达力克乡、水利系统党委等3个" in overall


def test_every_deduction_and_the_veto_are_stated_with_names(data: ExportData) -> None:
    text = paragraphs(data)
    problems = text[text.index("三、存在的主要问题") + 1 : text.index("四、整改要求")]
    dodged = next(p for p in problems if "推脱、不迎接检查" in p)
    assert "恰热克镇扣10分（以农忙为由推脱）" in dodged and "从总分扣分" in dodged
    absent = next(p for p in problems if "未亲自参加迎检”" in p)
    assert "恰热克镇扣5分（组长外出）" in absent and "“自身建设”部分" in absent
    veto = next(p for p in problems if "一票否决，总分" in p)
    assert (
        veto[2:].startswith("伯什坎特镇") and "等次定为较差" in veto and "拒绝提供档案资料" in veto
    )
    overall = line(text, "根据考核情况")
    assert "伯什坎特镇" in overall and "因一票否决，等次定为较差" in overall


def test_the_opening_says_what_the_data_says(data: ExportData) -> None:
    opening = line(paragraphs(data), "为全面掌握")
    assert "2012年上半年工作" in opening and "2012年1月1日" not in opening
    assert "2012年7月4日至9日" in opening  # the visits' dates, first to last
    assert "县政协主席 贾沙热提·买买提" in opening  # the team that counted
    assert "对全县38个政协委员联络组中的5个" in opening
    assert "听取汇报、现场查阅资料等形式" in opening
    assert "莎协发〔2011〕7号" in opening
    assert "33个联络组尚无考核结果" in opening  # the rest named, never silently left out


def test_groups_not_assessed_are_named_with_the_reason(data: ExportData) -> None:
    skipped = [(data.campaign.group("kaersu"), "山区洪水暴发")]
    opened = line(paragraphs(_with_not_assessed(data, skipped)), "为全面掌握")
    assert "喀尔苏乡（山区洪水暴发）共1个联络组未进行考核" in opened
    assert "32个联络组尚无考核结果" in opened


def _with_not_assessed(data: ExportData, skipped: list) -> ExportData:
    return replace(data, not_assessed=skipped)


def test_signature_date_and_colophon(data: ExportData) -> None:
    text = paragraphs(data)
    issuer = text.index("政协莎车县委员会办公室")
    assert text[issuer + 1] == "2012年7月20日"  # the campaign's date, not the export day
    assert "2026" not in "".join(text)
    document = docx.Document(io.BytesIO(docx_bytes(data)))
    signature = document.paragraphs[issuer].paragraph_format
    date = document.paragraphs[issuer + 1].paragraph_format
    assert date.right_indent.pt == 64  # four characters in
    assert signature.right_indent.pt < 64  # the longer issuer centred over the date
    colophon = document.tables[-1]
    assert (
        colophon.rows[0].cells[0].text == "抄送：县委办公室，县人大常委会办公室，县人民政府办公室。"
    )
    assert colophon.rows[1].cells[0].text == "政协莎车县委员会办公室\t2012年7月20日印发"


def test_the_date_the_office_gives_is_the_documents_date(data: ExportData) -> None:
    given = replace(data, dated=datetime(2012, 7, 25).date())  # export --date 2012-07-25
    text = paragraphs(given)
    issuer = text.index("政协莎车县委员会办公室")
    assert text[issuer + 1] == "2012年7月25日"
    colophon = docx.Document(io.BytesIO(docx_bytes(given))).tables[-1]
    assert colophon.rows[1].cells[0].text.endswith("2012年7月25日印发")


def test_no_technical_text_in_the_circular(data: ExportData) -> None:
    raw = docx_bytes(data)
    document = docx.Document(io.BytesIO(raw))
    text = "\n".join(p.text for p in document.paragraphs)
    text += "\n".join(c.text for t in document.tables for r in t.rows for c in r.cells)
    for word in ("ITX1", "inspect-tui", data.campaign.checklist_hash, "校准", "calibration", "UTC"):
        assert word not in text
    assert text.count("验证码：0123-4567-89AB-CDEF") == 1


def test_the_layout_follows_gb_t_9704(data: ExportData) -> None:
    document = docx.Document(io.BytesIO(docx_bytes(data)))
    section = document.sections[0]
    margins = [round(m.mm) for m in (section.top_margin, section.bottom_margin,
                                     section.left_margin, section.right_margin)]  # fmt: skip
    assert margins == [37, 35, 28, 26]
    grid = section._sectPr.find(qn("w:docGrid"))
    assert grid.get(qn("w:linePitch")) == "579" and grid.get(qn("w:type")) == "lines"
    normal = document.styles["Normal"].element.rPr
    assert normal.rFonts.get(qn("w:eastAsia")) == "仿宋_GB2312"
    assert normal.find(qn("w:spacing")).get(qn("w:val")) == "-5"  # 28 characters a line
    body = document.paragraphs

    def face(p: object) -> str:
        return p.runs[-1]._r.rPr.rFonts.get(qn("w:eastAsia"))  # type: ignore[attr-defined]

    title = next(p for p in body if p.text.startswith("关于"))
    assert face(title) == "方正小标宋简体" and title.runs[0].font.size.pt == 22
    assert face(next(p for p in body if p.text == "一、总体情况")) == "黑体"
    praise = next(p for p in body if p.text.startswith("（一）"))
    assert praise.runs[0]._r.rPr.rFonts.get(qn("w:eastAsia")) == "楷体_GB2312"
    assert document.settings.odd_and_even_pages_header_footer
    for footer, align in ((section.footer, "right"), (section.even_page_footer, "left")):
        p = footer.paragraphs[0]
        assert p.text == "— 1 —" and p._p.pPr.find(qn("w:jc")).get(qn("w:val")) == align
        assert any(x.text == " PAGE " for x in p._p.iter(qn("w:instrText")))
        assert {s.get(qn("w:val")) for s in p._p.iter(qn("w:sz"))} == {"28"}  # 4号


def test_the_attachment_table_fits_and_explains(data: ExportData) -> None:
    document = docx.Document(io.BytesIO(docx_bytes(data)))
    table = document.tables[0]
    header = [c.text for c in table.rows[0].cells]
    assert header[-1] == "说明" and "上报材料与\n履职成效" in header  # broken where we chose
    widths = [int(g.get(qn("w:w"))) for g in table._tbl.tblGrid.iter(qn("w:gridCol"))]
    assert sum(widths) <= 8844
    vetoed = next(r for r in table.rows if r.cells[1].text == "伯什坎特镇")
    assert vetoed.cells[-1].text == "一票否决" and vetoed.cells[-2].text == "较差"
    text = [p.text for p in document.paragraphs]
    assert any(x.startswith("注：总分＝各部分得分之和－从总分扣除的分") for x in text)


def test_period_in_words(campaign: Campaign) -> None:
    from datetime import date

    assert period_words(campaign, "zh") == "2012年上半年"
    year = replace(campaign, start=date(2012, 1, 1), end=date(2012, 12, 31))
    assert period_words(year, "zh") == "2012年全年"
    odd = replace(campaign, start=date(2012, 3, 1), end=date(2012, 5, 15))
    assert period_words(odd, "zh") == "2012年3月1日至5月15日期间"


def test_the_english_circular_reads_as_english(data: ExportData) -> None:
    text = "\n".join(paragraphs(data, "en"))
    assert "first half of 2012" in text and "4 to 9 July 2012" in text
    assert ".The" not in text and "groups.T" not in text
    assert not any(p.rstrip().endswith(";") or p.endswith("; ") for p in text.split("\n"))
    assert "Heard the report" not in text and "hearing reports" in text
    assert "Verification code: 0123-4567-89AB-CDEF" in text
    built = build(data, "en")
    assert built.title.startswith("Circular on the ")


def test_a_deduction_that_meets_its_sections_floor_says_what_it_took(campaign: Campaign) -> None:
    a = lambda **kw: _answers(campaign, **kw)  # noqa: E731
    # 4 archive points left, two kinds of made-up records at 5 each: 扣完为止
    kept = ("outline_order", "meeting_records", "activity_records", "attendance", "genuine")
    empty = {f"archive__{name}": NO for name in kept}
    made_up = Answer(2, "会议、活动记录为补写")
    poor = a(**empty, archive__catalogue=0, archive__classification=0)
    poor["penalties.fabricated_records"] = made_up
    data = county(campaign, {"kaqun": a(), "qiye-gongwei": poor})
    row = next(r for r in data.rows if r.group.id == "qiye-gongwei")
    assert row.deductions == 2.0  # what the table's 扣分 column shows
    said = next(p for p in paragraphs(data) if "临时突击形成、与实际不符”" in p)
    assert (
        "企业工委扣2分（会议、活动记录为补写；按考核提纲应扣10分，“档案管理”部分扣完为止）" in said
    )
    assert "（每发现一类扣分）" not in said  # the item's scoring hint is for the team, not here

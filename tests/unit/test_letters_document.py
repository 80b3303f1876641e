"""The feedback letters read back with python-docx: one letter per ranked group, in rank order,
each with the ranking's figures, the county averages, every shortfall with its cost and the
team's words, the 整改 deadline and the issuer; a provisional letter says so and has no rank."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

import docx
import pytest
from docx.table import Table

from inspect_tui.domain.model import Campaign
from inspect_tui.domain.scoring import NO, YES, Answer
from inspect_tui.reports.dataset import ExportData
from inspect_tui.reports.letter_data import county_letters, provisional_letter
from inspect_tui.reports.letters import document_bytes, letters_bytes
from inspect_tui.reports.verify import verify
from inspect_tui.storage.store import LocalStore
from tests.support.published import publish
from tests.support.shown import raw_controls
from tests.unit import test_letter_data

data = test_letter_data.data  # the demo county, merged and gathered


@pytest.fixture(scope="module")
def document(data: ExportData) -> docx.document.Document:
    return docx.Document(io.BytesIO(letters_bytes(data, "zh")))


def paragraphs(document: docx.document.Document) -> list[str]:
    return [p.text for p in document.paragraphs]


def cells(table: Table) -> list[list[str]]:
    return [[c.text for c in row.cells] for row in table.rows]


def test_one_letter_per_ranked_group_in_rank_order(
    data: ExportData, document: docx.document.Document
) -> None:
    titles = [p for p in paragraphs(document) if p.startswith("关于") and p.endswith("反馈意见")]
    assert titles == [
        f"关于{row.group.name.zh}2012年上半年工作考核情况的反馈意见" for row in data.rows
    ]
    assert len(document.tables) == 2 * len(data.rows)  # the scores and the shortfalls (or none)


def test_each_letter_has_the_rankings_figures_and_the_county_averages(
    data: ExportData, document: docx.document.Document
) -> None:
    text = paragraphs(document)
    letters = county_letters(data)
    scores = [t for t in document.tables if cells(t)[0][0] == "考核内容"]
    assert len(scores) == len(letters)
    for letter, table in zip(letters, scores, strict=True):
        expected = (
            f"你组考核总分{letter.total:.2f}分，等次为{letter.tier.name.zh}，"
            f"在全县{len(data.rows)}个参加排名的联络组中列第{letter.rank}位"
        )
        assert any(p.startswith(expected) for p in text), expected
        rows = cells(table)
        assert rows[0] == ["考核内容", "分值", "得分", "全县平均"]
        for line, row in zip(letter.sections, rows[1:], strict=False):
            assert row == [
                line.section.title.zh, f"{line.section.weight:g}", f"{line.score:.2f}",
                f"{line.average:.2f}",
            ]  # fmt: skip
        assert rows[-1][:3] == ["总分", "100", f"{letter.total:.2f}"]


def test_every_shortfall_is_listed_with_its_cost_and_the_teams_words(
    data: ExportData, document: docx.document.Document
) -> None:
    lists = [t for t in document.tables if cells(t)[0][0] == "序号"]
    with_shortfalls = [letter for letter in county_letters(data) if letter.shortfalls]
    assert len(lists) == len(with_shortfalls)
    for letter, table in zip(with_shortfalls, lists, strict=True):
        rows = cells(table)[1:]
        assert [r[1] for r in rows] == [s.item.text.zh for s in letter.shortfalls]
        for short, row in zip(letter.shortfalls, rows, strict=True):
            assert row[2] == ("一票否决" if short.vetoed else f"{short.lost:g}")
            assert row[3] == "；".join(short.notes)


def test_the_deadline_and_the_issuer_close_every_letter(
    data: ExportData, document: docx.document.Document
) -> None:
    text = paragraphs(document)
    fix = [p for p in text if "整改" in p and p.endswith("报送政协莎车县委员会办公室。")]
    assert len(fix) == len(data.rows)
    assert all("于2012年8月31日前" in p for p in fix)
    assert text.count("政协莎车县委员会办公室") == len(data.rows)
    assert text.count("2012年7月20日") == len(data.rows)  # the document's date, not today
    whole = "\n".join(text)
    assert "ITX1" not in whole and data.campaign.checklist_hash not in whole


def test_a_provisional_letter_says_so_and_has_no_rank_or_average(campaign: Campaign) -> None:
    answers = {
        "office.room": Answer(NO, "门牌缺失[/ \x1b]0;x\x07"),
        "office.staff": Answer(YES, ""),
    }
    letter = provisional_letter(campaign, campaign.groups[0], answers, "[b]档案整齐[/b]")
    document = docx.Document(io.BytesIO(document_bytes(campaign, [letter], date(2012, 7, 5))))
    text = paragraphs(document)
    assert text[0] == "（考核组现场初步意见）"
    assert any("以县政协办公室反馈为准" in p for p in text)
    assert not any("列第" in p for p in text)
    scores, shortfalls = document.tables
    assert cells(scores)[0] == ["考核内容", "分值", "得分"]
    assert cells(shortfalls)[1][3] == "门牌缺失[/ ␛]0;x␇"  # the team's words, made harmless
    assert "[b]档案整齐[/b]。" in text
    assert raw_controls("\n".join(text)) == []


def test_the_english_letters_read_as_english(data: ExportData, tmp_path: Path) -> None:
    document = docx.Document(io.BytesIO(letters_bytes(data, "en")))
    text = paragraphs(document)
    first = data.rows[0]
    assert f"Feedback on the assessment of {first.group.name.en}, the first half of 2012" in text
    assert not any(".The" in p or p.rstrip().endswith(";") for p in text)


@pytest.mark.parametrize("edit", ["total", "tier", "none"])
def test_verify_reads_each_letters_result(campaign: Campaign, tmp_path: Path, edit: str) -> None:
    published = publish(tmp_path, campaign)
    path = published.files["letters"]
    first = published.data.rows[0]
    before = f"你组考核总分{first.total:.2f}分，等次为{first.tier.name.zh}"
    after = {
        "total": f"你组考核总分{first.total - 0.5:.2f}分，等次为{first.tier.name.zh}",
        "tier": f"你组考核总分{first.total:.2f}分，等次为{campaign.tiers[-1].name.zh}",
        "none": before,
    }[edit]
    document = docx.Document(str(path))
    title = f"关于{first.group.name.zh}"
    start = next(n for n, p in enumerate(document.paragraphs) if p.text.startswith(title))
    paragraph = next(p for p in document.paragraphs[start:] if p.text.startswith(before))
    for run in paragraph.runs:
        run.text = run.text.replace(before, after)
    document.save(str(path))
    with LocalStore(published.folder) as store:
        verdict = verify(campaign, store.folder, str(path))
    said = verdict.render("en")
    assert verdict.match is (edit == "none")
    if edit != "none":
        assert any(f"{first.group.name.en} ({first.group.id})" in line for line in said), said

"""`verify` checks what a reader reads: each row's tier as well as its rank and total, the
circular's tier lists and counts, the code from the printed 验证码 line, and a table it cannot
read is said to be unreadable (exit 2), never a list of altered scores."""

from __future__ import annotations

import re
from pathlib import Path

import docx
import pytest
from openpyxl import load_workbook

from inspect_tui.cli import main
from inspect_tui.domain.model import Campaign
from inspect_tui.domain.ranking import RankedGroup
from inspect_tui.words.errors import InspectError
from tests.support.published import Published
from tests.unit import test_verify

# the same published county as test_verify's, and the same way of asking verify
original, published, check = test_verify.original, test_verify.published, test_verify.check


def best(published: Published) -> RankedGroup:
    """A group of the best tier, and the worst tier's name."""
    return published.data.by_tier()[0][1][0]


def poor_name(campaign: Campaign) -> str:
    return campaign.tiers[-1].name.zh


def edit_tier(published: Published, campaign: Campaign, kind: str, victim: RankedGroup) -> None:
    """The victim's tier made the worst one; its rank and total kept."""
    path, good, poor = published.files[kind], victim.tier.name.zh, poor_name(campaign)
    if kind == "xlsx":
        book = load_workbook(path)
        sheet = book.worksheets[0]
        tier = next(c.column for c in sheet[1] if c.value == "等次")
        row = next(r for r in sheet.iter_rows(min_row=2) if r[1].value == victim.group.id)
        assert row[tier - 1].value == good
        row[tier - 1].value = poor
        book.save(path)
        return
    text = path.read_text(encoding="utf-8-sig" if kind == "csv" else "utf-8")
    if kind == "csv":
        start = text.index(f"\n{victim.rank},{victim.group.id},")
        old, new = f",{good},", f",{poor},"
    else:
        start = text.index(f">{victim.group.id}<")
        old, new = f'"tier">{good}<', f'"tier">{poor}<'
    at = text.index(old, start)
    edited = text[:at] + new + text[at + len(old) :]
    path.write_text(edited, encoding="utf-8-sig" if kind == "csv" else "utf-8")


@pytest.mark.parametrize("kind", ["xlsx", "csv", "html"])
def test_a_tier_edit_with_rank_and_total_kept_is_a_mismatch_naming_the_group(
    published: Published, campaign: Campaign, kind: str
) -> None:
    victim = best(published)
    edit_tier(published, campaign, kind, victim)
    match, lines = check(campaign, published, str(published.files[kind]))
    figures = f"#{victim.rank} {victim.total:.2f}"
    assert not match
    assert lines[0].startswith("mismatch: the file's code")
    assert lines[1:] == [
        f"  {victim.group.name.en} ({victim.group.id}): the file shows {figures}"
        f" {poor_name(campaign)}, the ranking {figures} {victim.tier.name.en}"
    ]


def test_the_vetoed_group_s_tier_note_is_read_as_its_tier(
    published: Published, campaign: Campaign
) -> None:
    """ "较差（一票否决）" is the worst tier as printed: the untouched file matches."""
    assert any(row.vetoed for row in published.data.rows)
    for kind in ("xlsx", "csv", "html", "docx"):
        assert check(campaign, published, str(published.files[kind]))[0], kind


def delete_id_column(path: Path) -> None:
    book = load_workbook(path)
    sheet = book.worksheets[0]
    column = next(c.column for c in sheet[1] if c.value == "编号")
    sheet.delete_cols(column)
    book.save(path)


def test_a_workbook_without_its_id_column_cannot_be_read_exit_2(
    published: Published, campaign: Campaign, capsys: pytest.CaptureFixture[str]
) -> None:
    path = published.files["xlsx"]
    delete_id_column(path)
    with pytest.raises(InspectError) as caught:
        check(campaign, published, str(path))
    assert caught.value.line("en") == (
        f"{path}: cannot read this table (its “编号 / ID” column is missing or was changed);"
        " nothing was compared"
    )
    assert caught.value.line("zh").startswith(f"{path}：无法读取这个表格")
    status = main(["--lang", "en", "--data", str(published.folder), "verify", str(path)])
    out, err = capsys.readouterr()
    assert status == 2
    assert out == "" and err.count("\n") == 1 and "cannot read this table" in err
    assert "changed" not in out and "shows" not in err  # no list of altered scores


def test_a_renamed_header_or_a_word_for_a_rank_cannot_be_read(
    published: Published, campaign: Campaign
) -> None:
    path = published.files["csv"]
    text = path.read_text(encoding="utf-8-sig")
    path.write_text(text.replace("总分 Total", "合计", 1), encoding="utf-8-sig")
    with pytest.raises(
        InspectError, match=r"cannot read this table \(its “总分 / Total” column is missing"
    ):
        check(campaign, published, str(path))
    html = published.files["html"]
    page = html.read_text(encoding="utf-8")
    victim = published.data.rows[0]
    at = page.index("<tr class=", page.index("<tbody>"))
    page = page[:at] + page[at:].replace(f"<td>{victim.rank}</td>", "<td>第一</td>", 1)
    html.write_text(page, encoding="utf-8")
    with pytest.raises(InspectError, match="cannot read this table"):
        check(campaign, published, str(html))


def drop_lines(path: Path, pattern: str) -> None:
    text = path.read_text(encoding="utf-8-sig")
    kept = [line for line in text.splitlines(keepends=True) if not re.search(pattern, line)]
    assert len(kept) < len(text.splitlines())
    path.write_text("".join(kept), encoding="utf-8-sig")


def test_the_code_is_read_from_the_printed_line_after_the_qr_line_is_deleted(
    published: Published, campaign: Campaign
) -> None:
    code = published.data.seal.code
    csv_path = published.files["csv"]
    drop_lines(csv_path, "ITX1")
    assert "ITX1" not in csv_path.read_text(encoding="utf-8-sig")
    assert check(campaign, published, str(csv_path)) == (
        True,
        [f"match: 38 groups, code {code} ({campaign.id})"],
    )
    html = published.files["html"]
    page = html.read_text(encoding="utf-8")
    page = re.sub(r"<div class=\"code\">ITX1:[^<]*</div>", "", page)
    html.write_text(page, encoding="utf-8")
    assert "ITX1" not in page and check(campaign, published, str(html))[0]
    document = docx.Document(str(published.files["docx"]))
    for paragraph in document.paragraphs:
        if "ITX1" in paragraph.text:
            paragraph._element.getparent().remove(paragraph._element)
    document.save(str(published.files["docx"]))
    assert check(campaign, published, str(published.files["docx"]))[0]
    book = load_workbook(published.files["xlsx"])
    rules = book.worksheets[-1]
    for row in rules.iter_rows():
        for cell in row:
            if isinstance(cell.value, str) and "ITX1" in cell.value:
                cell.value = None
    book.save(published.files["xlsx"])
    assert check(campaign, published, str(published.files["xlsx"]))[0]


def test_the_printed_line_is_what_is_checked_not_the_hidden_payload(
    published: Published, campaign: Campaign
) -> None:
    """A reader checks the code printed on the page: a changed printed code is a mismatch even
    though the payload in the file is the store's."""
    path = published.files["csv"]
    code = published.data.seal.code
    text = path.read_text(encoding="utf-8-sig")
    assert f"# 验证码：{code}" in text
    path.write_text(text.replace(f"# 验证码：{code}", "# 验证码：0000-1111-2222-3333"), "utf-8-sig")
    match, lines = check(campaign, published, str(path))
    assert not match and "0000-1111-2222-3333" in lines[0]


# -- the circular's body ------------------------------------------------------------------------
def test_a_group_moved_into_the_circular_s_good_list_is_a_mismatch(
    published: Published, campaign: Campaign
) -> None:
    path = published.files["docx"]
    document = docx.Document(str(path))
    good = campaign.tiers[0].name.zh
    sentence = next(p for p in document.paragraphs if f"{good}的有" in p.text)
    worst = published.data.by_tier()[-1][1]
    moved = next(row for row in worst if not row.vetoed)
    text = sentence.text
    at = text.index(f"{good}的有") + len(f"{good}的有")
    at += text[at] == "："
    edited = text[:at] + moved.group.name.zh + "、" + text[at:]
    for run in sentence.runs[1:]:
        run.text = ""
    sentence.runs[0].text = edited
    document.save(str(path))
    match, lines = check(campaign, published, str(path))
    assert not match
    assert lines[1:] == [
        f"  {moved.group.name.en} ({moved.group.id}): the text lists it as"
        f" {campaign.tiers[0].name.en}, the ranking says {moved.tier.name.en}"
    ]


def body_docx(path: Path, code: str, lines: list[str]) -> None:
    document = docx.Document()
    for line in lines:
        document.add_paragraph(line)
    document.add_paragraph(f"验证码：{code}")
    document.save(str(path))


def test_the_body_s_tier_lists_and_counts_are_checked(
    published: Published, campaign: Campaign
) -> None:
    """A circular's body as the office writes it ("较好的有…等；较差的有…等。"), with no table:
    what it says is checked, and a body without such sentences is not failed for that."""
    tiers = published.data.by_tier()
    good, poor = campaign.tiers[0].name.zh, campaign.tiers[-1].name.zh
    counts = "、".join(
        f"{campaign.tier(tid).name.zh}{len(rows)}个"  # type: ignore[union-attr]
        for tid, rows in tiers
    )
    goods = "、".join(r.group.name.zh for r in tiers[0][1][:3])
    poors = "、".join(f"{r.group.name.zh}（一票否决）" if r.vetoed else r.group.name.zh
                     for r in tiers[-1][1][:3])  # fmt: skip
    right = [f"本次共考核38个联络组，其中{counts}。", f"{good}的有{goods}等；{poor}的有{poors}等。"]
    path = published.folder / "body.docx"
    code = published.data.seal.code
    body_docx(path, code, right)
    assert check(campaign, published, str(path))[0]
    body_docx(path, code, ["本次考核情况如下。"])
    assert check(campaign, published, str(path))[0]
    wrong_count = right[0].replace(f"{good}{len(tiers[0][1])}个", f"{good}{len(tiers[0][1]) + 1}个")
    body_docx(path, code, [wrong_count, right[1]])
    match, lines = check(campaign, published, str(path))
    count = len(tiers[0][1])
    assert not match
    assert lines[1:] == [
        f"  the text counts {count + 1} {campaign.tiers[0].name.en}, the ranking {count}"
    ]
    swapped = (
        right[1]
        .replace(goods.split("、")[0], "甲")
        .replace(poors.split("、")[0], goods.split("、")[0])
    )
    body_docx(path, code, [right[0], swapped])
    match, lines = check(campaign, published, str(path))
    first = tiers[0][1][0].group
    assert not match
    assert (
        f"  {first.name.en} ({first.id}): the text lists it as Poor, the ranking says Good" in lines
    )
    assert "  甲: the text lists it as Good, the ranking says -" in lines

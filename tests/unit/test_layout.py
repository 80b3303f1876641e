"""Text the app lays out itself: wrapped between Chinese characters with its styles kept, never a
line starting with a closing mark, cut with "⋯" when it must be one line."""

from __future__ import annotations

from textual.content import Content

from inspect_tui.tui.layout import fit_content, wrap_content
from inspect_tui.words.wrap import NO_START, cells

GUIDANCE = "查看：现场查看办公室及门牌，确认为联络组固定使用而非临时借用"


def test_wrapped_lines_fit_and_keep_every_character_and_style() -> None:
    content = Content.assemble(("查看：", "dim"), GUIDANCE.removeprefix("查看："))
    for width in range(8, 40):
        lines = wrap_content(content, width).plain.split("\n")
        assert all(cells(line) <= width for line in lines), width
        assert "".join(lines) == GUIDANCE
        assert not any(line[:1] in NO_START for line in lines), (width, lines)
    wrapped = wrap_content(content, 12)
    assert wrapped.plain.startswith("查看：")
    assert any(span.style == "dim" and span.start == 0 for span in wrapped.spans)


def test_a_file_name_is_never_split_when_it_fits() -> None:
    name = "shache-2012-h1-team-2-20120705T120000.json"
    text = Content(f"已导出 3 个考核记录：{name}")
    lines = wrap_content(text, 50).plain.split("\n")
    assert any(line.endswith(name) or line == name for line in lines)


def test_fit_content_marks_a_cut_with_the_one_cell_ellipsis() -> None:
    text = Content.styled("档案资料真实，随工作同步形成，非迎检前临时突击形成", "bold")
    cut = fit_content(text, 20)
    assert cut.plain.endswith("⋯") and "…" not in cut.plain
    assert cells(cut.plain) <= 20
    assert fit_content(Content("短"), 20).plain == "短"  # nothing cut, nothing added


def test_the_visit_line_puts_the_inspectors_on_their_own_line_when_narrow(
    campaign,  # type: ignore[no-untyped-def]
) -> None:
    from inspect_tui.domain.visit import Visit
    from inspect_tui.tui.visit_view import head_line

    visit = Visit(
        id="v", campaign_id=campaign.id, checklist_hash="h", team="team-2", group="kaqun",
        visit_date="2012-07-05", inspectors=("努尔东·艾山", "阿依古丽"),
    )  # fmt: skip
    wide = head_line(campaign, visit, "第二考核组", "zh", 120).plain
    assert "\n" not in wide and wide.endswith("检查人：努尔东·艾山、阿依古丽")
    narrow = head_line(campaign, visit, "第二考核组", "zh", 58).plain
    assert narrow.split("\n")[1] == "检查人：努尔东·艾山、阿依古丽"

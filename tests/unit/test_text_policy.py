"""The text policy (words/text.py): what text may hold on the way in, how it is shown on the way
out. Property tests over a hostile alphabet: markup brackets, escape sequences, C0 and C1,
direction controls, right-to-left scripts, emoji, combining marks, CJK and full-width forms."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from inspect_tui.words.errors import AnswerError
from inspect_tui.words.text import check_text, clean_typed, refused_in, visible
from tests.support.shown import raw_controls

FRAGMENTS = [
    "[", "]", "[/", "[b]", "[/b]", "王[/", "[link=x]", "$x", "{name}", "%s",
    "\x1b", "\x1b]0;x\x07", "\x1b[2J", "\x1b[31m", "\x07", "\x00", "\r", "\n", "\t", "\x7f",
    "\x85", "\x9b", "\x9d", "\u202e", "\u202a", "\u2066", "\u2069", "\u200f", "\u061c",
    "ئۇيغۇرچە", "עברית", "😀", "👨‍👩‍👧", "e\u0301", "中文", "ＡＢＣ１２３", "“引号”…—·×",
    "=HYPERLINK(\"x\")", "<script>", "&amp;", " ", "\u3000", "\ufeff",
]  # fmt: skip
hostile = st.lists(st.sampled_from(FRAGMENTS) | st.text(max_size=3), max_size=12).map("".join)

RIGHT_TO_LEFT = "ئۇيغۇرچە خەت עברית"


@given(hostile)
def test_shown_text_never_holds_a_control_character(text: str) -> None:
    shown = visible(text)
    assert raw_controls(shown) == []
    assert visible(shown) == shown  # showing twice changes nothing more
    assert "\n" not in visible(text, keep_breaks=False)


@given(hostile)
def test_text_with_nothing_to_hide_is_shown_exactly(text: str) -> None:
    if not raw_controls(text):
        assert visible(text) == text


def test_right_to_left_text_is_ordinary_text() -> None:
    assert visible(RIGHT_TO_LEFT) == RIGHT_TO_LEFT
    assert check_text(RIGHT_TO_LEFT, "note") == RIGHT_TO_LEFT
    assert clean_typed(RIGHT_TO_LEFT) == (RIGHT_TO_LEFT, [])


def test_controls_are_shown_as_pictures_and_escapes() -> None:
    assert visible("a\x1b]0;x\x07b") == "a␛]0;x␇b"
    assert visible("\x9b31m") == "\\x9b31m"
    assert visible("左\u202e右") == "左\\u202e右"
    assert visible("\udc80") == "\\udc80"
    assert visible("行一\r\n行二\t") == "行一␍\n行二\t"
    assert visible("行一\n行二", keep_breaks=False) == "行一␊行二"


@given(hostile)
def test_check_text_refuses_exactly_what_is_not_text(text: str) -> None:
    bad = refused_in(text, multiline=True)
    if bad:
        with pytest.raises(AnswerError) as caught:
            check_text(text, "备注", multiline=True)
        assert caught.value.key == "text.control"
        assert caught.value.params["position"] == bad[0].position
        assert caught.value.params["char"] == bad[0].name
    else:
        assert check_text(text, "备注", multiline=True) == text


def test_a_refusal_names_the_field_and_the_position() -> None:
    with pytest.raises(AnswerError) as caught:
        check_text("王\x1b]0;x\x07", "组长姓名")
    assert caught.value.line("zh") == "“组长姓名”第 2 个字符是控制字符 U+001B，不是文字，不能保存"
    assert "character 2" in caught.value.line("en")
    with pytest.raises(AnswerError):
        check_text("一行\n两行", "representative")  # one line only
    assert check_text("一行\n两行", "note", multiline=True) == "一行\n两行"


@given(hostile, st.booleans())
def test_cleaned_typed_text_is_always_storable(text: str, multiline: bool) -> None:
    cleaned, removed = clean_typed(text, multiline=multiline)
    assert check_text(cleaned, "x", multiline=multiline) == cleaned
    kept = text.replace("\r\n", "\n")
    assert len(cleaned) == len(kept) - len(removed)
    for gone in removed:
        assert kept[gone.position - 1] == gone.char


def test_pasted_text_loses_only_what_is_not_text() -> None:
    cleaned, removed = clean_typed("\x1b]0;x\x07王[/")
    assert cleaned == "]0;x王[/"
    assert [(r.position, r.name) for r in removed] == [(1, "U+001B"), (6, "U+0007")]
    assert clean_typed("第一行\r\n第二行", multiline=True)[0] == "第一行\n第二行"
    assert clean_typed("第一行\r\n第二行\t完")[0] == "第一行 第二行 完"
    assert (
        clean_typed("e\u0301 \u202e")[0] == "e\u0301 \u202e"
    )  # direction controls: shown, not lost


def test_every_fragment_is_classified() -> None:
    """The alphabet above really is hostile: each kind the issue names is in it."""
    kinds = {unicodedata.category(ch) for fragment in FRAGMENTS for ch in fragment}
    assert {"Cc", "Cf", "Mn", "Lo", "So", "Zs"} <= kinds


def test_a_lone_carriage_return_is_a_line_break_in_a_note() -> None:
    """A terminal's paste sends Enter as a carriage return: a note keeps it as a new line,
    a one-line field as a space, and neither calls it a character removed."""
    from inspect_tui.words.text import clean_typed

    assert clean_typed("档案为临时补写；\r缺少集体提案。", multiline=True) == (
        "档案为临时补写；\n缺少集体提案。",
        [],
    )
    assert clean_typed("甲\r乙") == ("甲 乙", [])

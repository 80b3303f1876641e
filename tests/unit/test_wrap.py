"""Laying text out in terminal cells (words/wrap.py): hand-written layouts of the bundled outline's
Chinese, one test per rule (each fails if its rule is removed), and properties over CJK, Latin,
punctuation and the hostile text the project tests everywhere."""

from __future__ import annotations

import re
import string
import textwrap
import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from inspect_tui.words.text import BIDI_CONTROLS, visible
from inspect_tui.words.wrap import MARK, cells, fit, fit_middle, wrap

GUIDANCE = "查看：现场查看办公室及门牌，确认为联络组固定使用而非临时借用"
RULES = "逐项查阅成文制度（上墙或成册），并抽查是否有按制度执行的记录"
# The brief's sets, written out here again so the properties do not test the module against itself.
CLOSING = "，。、；：？！）】》」』〉”’…—·％‰〕｝．,.;:?!)]}%"
OPENING = "（【《「『〈“‘([{"
SPACES = " \u3000"
CJK = "现场查看办公室门牌确认联络组固定使用考核提纲"
FRAGMENTS = [
    "[", "]", "[/", "[b]", "[/b]", "王[/", "[link=x]", "$x", "{name}", "%s",
    "\x1b", "\x1b]0;x\x07", "\x1b[2J", "\x07", "\x00", "\r", "\n", "\t", "\x7f", "\x85", "\x9b",
    "\u202e", "\u202a", "\u2066", "\u200f", "ئۇيغۇرچە", "עברית", "😀", "👨‍👩‍👧", "e\u0301",
    "中文", "ＡＢＣ１２３", "“引号”…—·×", " ", "\u3000", "\ufeff", "\u00a0", "，", "（",
]  # fmt: skip
hostile = st.lists(st.sampled_from(FRAGMENTS) | st.text(max_size=3), max_size=12).map("".join)


def measured(text: str) -> int:
    """Cells as a CJK terminal draws the test alphabets (no marks there): wide, fullwidth and
    ambiguous 2, the rest 1. Independent of the module's own `cells`."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WFA" else 1 for ch in text)


def solid(text: str) -> str:
    return re.sub(r"\s", "", text)


def check_lines(text: str, width: int, lines: list[str]) -> None:
    assert all(cells(line) <= width for line in lines), lines
    assert all(line == line.rstrip(SPACES) for line in lines), lines
    assert solid("".join(lines)) == solid(text)


# Hand-written layouts -----------------------------------------------------------------------------


def test_guidance_never_starts_a_line_with_a_closing_mark() -> None:
    # Greedy would end line 1 after 牌 and start line 2 with "，": one more character goes down.
    assert wrap(GUIDANCE, 26) == [
        "查看：现场查看办公室及门",
        "牌，确认为联络组固定使用而",
        "非临时借用",
    ]
    assert wrap(GUIDANCE, 4)[:3] == ["查", "看：", "现场"]
    assert wrap(GUIDANCE, 10) == [
        "查看：现场",
        "查看办公室",
        "及门牌，确",
        "认为联络组",
        "固定使用而",
        "非临时借用",
    ]


@pytest.mark.parametrize("width", range(2, 70))
def test_guidance_at_every_width(width: int) -> None:
    for text in (GUIDANCE, RULES):
        lines = wrap(text, width)
        check_lines(text, width, lines)
        assert "".join(lines) == text  # Chinese: nothing lost, nothing added
        if width < 6:
            continue  # "册），" is 6 cells: below that no legal break exists
        assert not any(line[0] in CLOSING for line in lines[1:]), lines
        assert not any(line[-1] in OPENING for line in lines), lines


def test_an_opening_mark_goes_down_with_what_it_opens() -> None:
    assert wrap(RULES, 18) == [
        "逐项查阅成文制度",
        "（上墙或成册），并",
        "抽查是否有按制度执",
        "行的记录",
    ]
    text = "工作计划落实“六个至少”要求"
    assert wrap(text, 14) == ["工作计划落实", "“六个至少”要", "求"]


def test_kinsoku_holds_across_a_space() -> None:
    assert wrap("a word ，next", 8) == ["a", "word ，", "next"]
    assert wrap("a （ 注", 5) == ["a", "（ 注"]


def test_kinsoku_gives_way_only_when_there_is_no_other_break() -> None:
    assert wrap("牌，", 3) == ["牌", "，"]
    assert wrap("门牌，", 4) == ["门", "牌，"]


def test_ids_numbers_file_names_and_paths_stay_whole() -> None:
    tokens = [
        "team-1",
        "office.room",
        "12.50",
        "shache-2012-h1-team-2-20120705.json",
        "/media/usb/exports/x.json",
        "https://example.org/a?b=c",
    ]
    text = (
        "第 team-1 组在 office.room 办公，经费 12.50 元，"
        "文件shache-2012-h1-team-2-20120705.json已导出到/media/usb/exports/x.json"
        "（见https://example.org/a?b=c）"
    )
    for width in range(36, 90):
        lines = wrap(text, width)
        check_lines(text, width, lines)
        for token in tokens:
            assert any(token in line for line in lines), (width, token, lines)


def test_latin_breaks_only_at_spaces_which_are_dropped() -> None:
    assert wrap("Visit the office and its nameplate", 13) == [
        "Visit the",
        "office and",
        "its nameplate",
    ]
    assert wrap("共 4 条", 3) == ["共", "4", "条"]


def test_a_token_longer_than_the_width_starts_a_line_and_is_cut_there() -> None:
    assert wrap("x" * 25, 10) == ["x" * 10, "x" * 10, "x" * 5]
    assert wrap("ab " + "x" * 12 + " cd", 10) == ["ab", "x" * 10, "xx cd"]
    assert wrap("中中中中中", 5) == ["中中", "中中", "中"]  # never half a wide character


def test_a_digit_keeps_the_cjk_character_after_it() -> None:
    assert wrap("共计4条", 5) == ["共计", "4条"]
    assert wrap("共计４条", 6) == ["共计", "４条"]


def test_newlines_are_kept_and_empty_lines_stay() -> None:
    assert wrap("第一段\n\n第二段\n", 40) == ["第一段", "", "第二段", ""]
    assert wrap("", 10) == [""]
    assert wrap("   ", 10) == [""]


def test_no_trailing_spaces_and_an_indent_kept_where_it_fits() -> None:
    assert wrap("ab   \ncd  ", 10) == ["ab", "cd"]
    assert wrap("　　段落开头缩进两格", 10) == ["\u3000\u3000段落开", "头缩进两格"]
    assert wrap("    abcdefgh", 10) == ["abcdefgh"]  # indent and word do not fit together
    assert wrap("a\tb", 10) == ["a   b"]


def test_a_no_break_space_holds() -> None:
    assert wrap("a b\u00a0c", 3) == ["a", "b\u00a0c"]


def test_widths_below_two_do_not_raise() -> None:
    assert wrap("中文", 1) == ["中", "文"]
    assert wrap("ab c", 0) == ["a", "b", "c"]
    assert wrap("e\u0301x", -5) == ["e\u0301", "x"]  # the mark stays with its letter


def test_ambiguous_punctuation_counts_two_cells_and_marks_zero() -> None:
    assert cells("“”…—·") == 10
    assert cells("⋯") == 1
    assert cells("e\u0301") == 1
    assert cells("中ＡＢ") == 6
    assert fit("……", 3) == "…⋯"


# fit and fit_middle ------------------------------------------------------------------------------


def test_fit_marks_exactly_what_was_cut() -> None:
    assert fit("中文中文", 8) == "中文中文"
    assert fit("中文中文", 7) == "中文中⋯"
    assert fit("中文中文", 6) == "中文⋯"  # odd room: no half character, no padding
    assert fit("中文中文", 5) == "中文⋯"
    assert fit("abc   def", 7) == "abc⋯"
    assert fit("a⋯", 5) == "a⋯"  # fits: unchanged, although it holds the mark
    assert fit("abcd", 1) == MARK
    assert fit("abcd", 0) == ""
    assert fit("abcd", 3, mark="...") == "..."


def test_fit_treats_a_newline_as_the_end() -> None:
    assert fit("第一行\n第二行", 40) == "第一行⋯"
    assert fit("\nabc", 40) == MARK


def test_fit_middle_keeps_the_start_and_the_end() -> None:
    path = "/media/usb/exports/shache-2012-h1-team-2.json"
    assert fit_middle(path, 30) == "/media/usb⋯2012-h1-team-2.json"
    assert fit_middle(path, 80) == path
    assert fit_middle("莎车县联络组考核结果二〇一二年上半年.json", 20) == "莎车县⋯年上半年.json"
    assert fit_middle("abcdef", 2) == "a⋯"
    assert fit_middle("a\nb.json", 40) == "a⋯"


@given(st.text(alphabet=CJK + string.ascii_letters + "/-. ⋯", max_size=60), st.integers(-2, 40))
def test_fit_properties(text: str, width: int) -> None:
    for fitted in (fit(text, width), fit_middle(text, width)):
        if fitted == text:
            assert cells(text) <= max(width, 0)
            continue
        assert cells(text) > width
        assert cells(fitted) <= max(width, 0)
        assert MARK in fitted or width <= 0
    shown = fit(text, width)
    if shown != text and width >= 1:
        assert shown.endswith(MARK) and text.startswith(shown[:-1])


@given(st.text(alphabet=CJK + string.ascii_letters + "/-._", min_size=1, max_size=60))
def test_fit_middle_takes_a_start_and_an_end(text: str) -> None:
    for width in range(3, 40):
        shown = fit_middle(text, width)
        if shown != text:
            head, tail = shown.split(MARK)
            assert text.startswith(head) and text.endswith(tail)
            assert cells(head) <= (width + 1) // 3 <= cells(tail) + 2
            assert width - 2 <= cells(shown) <= width


# Properties --------------------------------------------------------------------------------------

free_text = st.text(
    alphabet=CJK + string.ascii_letters + string.digits + CLOSING + OPENING + SPACES + "\n-/",
    max_size=120,
)


@given(free_text, st.integers(2, 80))
def test_any_text_keeps_width_spaces_and_characters(text: str, width: int) -> None:
    lines = wrap(text, width)
    assert all(measured(line) <= width for line in lines), lines
    assert all(line == line.rstrip(SPACES) for line in lines), lines
    assert solid("".join(lines)) == solid(text)
    assert len(lines) >= text.count("\n") + 1


def _wide(ch: str) -> bool:
    return unicodedata.east_asian_width(ch) in "WF"


core = (
    st.sampled_from(CJK)
    | st.text(string.ascii_letters, min_size=1, max_size=5)
    | st.text(string.digits, min_size=1, max_size=4)
)
token = st.tuples(
    st.just("") | st.sampled_from(OPENING), core, st.just("") | st.sampled_from(CLOSING)
)


@st.composite
def breakable(draw: st.DrawFn) -> str:
    """Text whose unbreakable runs are at most 9 cells: an optional opening mark, a CJK character
    or a short word or number, an optional closing mark. Where two tokens would merge into one
    run (two narrow characters, or a digit and what follows) a space keeps them apart."""
    text = ""
    for opening, word, closing in draw(st.lists(token, min_size=1, max_size=30)):
        piece = opening + word + closing
        if text:
            joined = _wide(text[-1]) or _wide(piece[0])
            text += draw(st.sampled_from(["", " "])) if joined and not text[-1].isdigit() else " "
        text += piece
    return text


@given(breakable(), st.integers(10, 60))
def test_kinsoku_holds_whenever_a_legal_break_exists(text: str, width: int) -> None:
    lines = wrap(text, width)
    check_lines(text, width, lines)
    assert not any(line[0] in CLOSING for line in lines[1:]), lines
    assert not any(line[-1] in OPENING for line in lines[:-1]), lines
    runs = re.compile(r"[A-Za-z0-9]+")
    assert runs.findall("\n".join(lines)) == runs.findall(text)  # no word or number split


@given(
    st.lists(st.text(string.ascii_letters, min_size=1, max_size=12), min_size=1),
    st.integers(12, 60),
)
def test_plain_english_wraps_as_textwrap_does(words: list[str], width: int) -> None:
    text = " ".join(words)
    assert wrap(text, width) == textwrap.wrap(
        text, width, break_long_words=False, break_on_hyphens=False
    )


@given(hostile, st.integers(1, 40))
def test_hostile_text_is_data(text: str, width: int) -> None:
    lines = wrap(text, width)
    assert solid("".join(lines)) == solid(text.expandtabs(4))
    assert all(cells(line) <= max(width, 2) for line in lines)
    assert cells(fit(text, width)) <= width
    assert cells(fit_middle(text, width)) <= width


@given(hostile, st.integers(2, 40))
def test_visible_first_then_wrap_leaves_nothing_a_terminal_acts_on(text: str, width: int) -> None:
    for line in wrap(visible(text), width):
        assert not [ch for ch in line if ord(ch) < 0x20 or 0x7F <= ord(ch) <= 0x9F]
        assert not BIDI_CONTROLS & set(line)


def test_a_zero_width_control_stays_with_the_character_after_it() -> None:
    assert wrap("ab \u202e中", 4) == ["ab", "\u202e中"]


@pytest.mark.parametrize("text", ["[/", "[b]", "\x1b]0;x\x07", "\u202e", "王[/b]\x1b[2J"])
def test_markup_and_escapes_pass_through_unchanged(text: str) -> None:
    assert "".join(wrap(text, 80)) == text
    assert fit(text, 80) == text
    assert fit_middle(text, 80) == text

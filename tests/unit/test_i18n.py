"""Every message exists in Chinese and English with the same placeholders."""

from __future__ import annotations

import string

import pytest

from inspect_tui.domain.dates import parse_date
from inspect_tui.words.i18n import Msg, default_lang, parse_lang, t
from inspect_tui.words.messages import MESSAGES


def placeholders(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


@pytest.mark.parametrize("key", sorted(MESSAGES))
def test_message_has_both_languages_with_the_same_placeholders(key: str) -> None:
    entry = MESSAGES[key]
    assert set(entry) == {"zh", "en"}
    assert entry["zh"].strip() and entry["en"].strip()
    assert placeholders(entry["zh"]) == placeholders(entry["en"])


def test_nested_messages_render_in_the_asking_language() -> None:
    params = {
        "value": 7,
        "item": "office.rules",
        "expected": Msg("answer.expect.scale", points=5, step=1),
    }
    assert t("answer.invalid", "zh", **params).endswith("0 至 5 之间、步长为 1 的整数")
    assert t("answer.invalid", "en", **params).endswith("a whole number from 0 to 5 in steps of 1")


@pytest.mark.parametrize(
    ("value", "lang"),
    [
        ("zh_CN.UTF-8", "zh"),
        ("zh-TW", "zh"),
        ("en_GB.UTF-8", "en"),
        ("C", None),
        ("", None),
        (None, None),
    ],
)
def test_parse_lang(value: str | None, lang: str | None) -> None:
    assert parse_lang(value) == lang


def test_default_language_follows_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("INSPECT_TUI_LANG", "LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setattr("locale.getlocale", lambda: (None, None))
    assert default_lang() == "zh"  # nothing said: Chinese first
    monkeypatch.setattr("locale.getlocale", lambda: ("Chinese (Simplified)_China", "936"))
    assert default_lang() == "zh"  # Windows' way of saying it
    monkeypatch.setattr("locale.getlocale", lambda: ("en_US", "UTF-8"))
    assert default_lang() == "en"
    monkeypatch.setenv("LANG", "C.UTF-8")  # Python guesses en_US for this; we do not
    assert default_lang() == "zh"
    monkeypatch.setenv("LANG", "en_US.UTF-8")
    assert default_lang() == "en"
    monkeypatch.setenv("LC_ALL", "zh_CN.UTF-8")
    assert default_lang() == "zh"
    monkeypatch.setenv("INSPECT_TUI_LANG", "en")
    assert default_lang() == "en"


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("2012-07-05", "2012-07-05"),
        ("2012-7-5", "2012-07-05"),
        ("2012/7/5", "2012-07-05"),
        ("2012.07.05", "2012-07-05"),
        ("2012年7月5日", "2012-07-05"),
        (" 2012 年 7 月 5 日 ", "2012-07-05"),
        ("2012-02-30", None),
        ("7/5/2012", None),
        ("", None),
    ],
)
def test_dates_as_people_type_them(text: str, iso: str | None) -> None:
    found = parse_date(text)
    assert (found.isoformat() if found else None) == iso


def test_no_message_key_is_written_twice() -> None:
    """A key repeated in a dict literal silently replaces the first (a footer said "Export"
    where it meant "导出结果"): each key is written once across all catalogues."""
    import ast
    from pathlib import Path

    import inspect_tui.words as core

    seen: dict[str, str] = {}
    for path in sorted(Path(core.__file__).parent.glob("messages*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Dict):
                for key in node.keys:
                    if isinstance(key, ast.Constant) and "." in str(key.value):
                        assert key.value not in seen, f"{key.value}: {seen.get(key.value)}"
                        seen[key.value] = path.name

"""Two languages, Chinese first.

`Text` holds a string a user reads in both languages; `t(key, lang, **params)` looks up a message
of the program itself. Every message exists in both languages: a test walks the catalogue.
"""

from __future__ import annotations

import locale
import os
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

from inspect_tui.words.messages import MESSAGES

Lang = Literal["zh", "en"]
LANGS: tuple[Lang, ...] = ("zh", "en")


@dataclass(frozen=True, slots=True)
class Text:
    """A user-facing string in Chinese and English."""

    zh: str
    en: str

    def get(self, lang: Lang) -> str:
        return self.zh if lang == "zh" else self.en


class Msg:
    """A message not yet put into words: rendered in whichever language asks for it.

    Used as a parameter of another message ("'7' is not valid: {expected}") so that both
    parts come out in the same language.
    """

    __slots__ = ("key", "params")

    def __init__(self, key: str, /, **params: object) -> None:
        self.key = key
        self.params = params

    def render(self, lang: Lang) -> str:
        return t(self.key, lang, **self.params)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Msg) and (self.key, self.params) == (other.key, other.params)

    def __hash__(self) -> int:
        return hash(self.key)

    def __repr__(self) -> str:
        return f"Msg({self.key!r}, **{self.params!r})"


class Lines(Msg):
    """Several messages, one per line, in whichever language asks."""

    __slots__ = ("parts",)

    def __init__(self, parts: Iterable[Msg]) -> None:
        super().__init__("lines")
        self.parts = tuple(parts)

    def render(self, lang: Lang) -> str:
        return "\n".join(part.render(lang) for part in self.parts)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Lines) and self.parts == other.parts

    def __hash__(self) -> int:
        return hash(self.parts)


def t(key: str, lang: Lang, /, **params: object) -> str:
    """The message `key` in `lang`, with `params` filled in (`Msg` and `Text` params in `lang`
    too)."""
    template = MESSAGES[key][lang]
    if not params:
        return template
    filled = {
        k: v.render(lang) if isinstance(v, Msg) else v.get(lang) if isinstance(v, Text) else v
        for k, v in params.items()
    }
    return template.format(**filled)


def join_words(words: Iterable[str], lang: Lang) -> str:
    """A list as each language writes it: 甲、乙、丙 / A, B, C."""
    return t("sep.list", lang).join(words)


def join_clauses(clauses: Iterable[str], lang: Lang) -> str:
    """Clauses one after another: 甲；乙 / A; B."""
    return t("sep.clause", lang).join(clauses)


def parse_lang(value: str | None) -> Lang | None:
    """`zh`, `zh_CN.UTF-8`, `en-GB` ... to a language we speak, or None."""
    if not value:
        return None
    head = value.strip().lower()[:2]
    if head == "zh" or value.lower().startswith("chinese"):
        return "zh"
    if head == "en":
        return "en"
    return None


def default_lang() -> Lang:
    """From INSPECT_TUI_LANG, then the locale; Chinese when the locale says nothing useful.

    The people this is built for work in Chinese; a bare C/POSIX locale (common on office PCs
    set up by IT, and on CI) should not switch them to English. The first locale variable that
    is set decides, as it does for every POSIX program; Python's own guess is asked only when
    none is (Windows), because it maps C.UTF-8 to en_US.
    """
    if lang := parse_lang(os.environ.get("INSPECT_TUI_LANG")):
        return lang
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        if value := os.environ.get(name):
            return parse_lang(value) or "zh"
    return parse_lang(locale.getlocale()[0]) or "zh"

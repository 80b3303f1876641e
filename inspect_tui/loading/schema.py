"""Small checks over parsed TOML that collect every problem instead of stopping at the first.

A `Checker` belongs to one file. Each `want_*` method either returns the value in the type the
caller asked for, or records a `Problem` (with field path and line) and returns None, so a
loader can go on and report the next mistake too. TOML has no null, so a `None` value means the
key is absent: `want_table` already said so, and the `want_*` methods stay quiet about it.
"""

from __future__ import annotations

import difflib
import math
import re
from collections.abc import Iterable
from datetime import date, datetime
from pathlib import Path
from typing import Any

from inspect_tui.loading.toml_lines import LineMap, PathKey
from inspect_tui.words.errors import Problem
from inspect_tui.words.i18n import Msg, Text
from inspect_tui.words.text import refused_in

FieldPath = tuple[PathKey, ...]
# what an id may look like, said in words rather than as a regular expression
PATTERN_WORDS = {
    r"[a-z0-9][a-z0-9-]*": "pattern.id",
    r"[a-z][a-z0-9_]*": "pattern.section",
    r"[a-z][a-z0-9_]*\.[a-z0-9_.]+": "pattern.item",
}


class Checker:
    """Collects problems for one file, naming each by field path and line."""

    def __init__(self, file: Path, text: str, root: dict[str, Any]) -> None:
        self.file = file
        self.root = root
        self.lines = LineMap(text)
        self.problems: list[Problem] = []

    # -- reporting ---------------------------------------------------------------------------
    def display(self, path: FieldPath) -> str:
        """`sections[office].items[office.room].points`: ids where the element has one,
        else its position counted from 1."""
        out = ""
        node: Any = self.root
        for key in path:
            if isinstance(key, int):
                element = node[key] if isinstance(node, list) and key < len(node) else None
                ident = element.get("id") if isinstance(element, dict) else None
                out += f"[{ident}]" if isinstance(ident, str) and ident else f"[{key + 1}]"
                node = element
            else:
                out += f".{key}" if out else key
                node = node.get(key) if isinstance(node, dict) else None
        return out

    def add(self, path: FieldPath, message: str, **params: object) -> None:
        line = self.lines.line_of(path)
        self.problems.append(Problem(self.file, self.display(path), message, params, line))

    # -- shapes ------------------------------------------------------------------------------
    def want_table(
        self,
        value: object,
        path: FieldPath,
        allowed: Iterable[str],
        required: Iterable[str] = (),
    ) -> dict[str, Any] | None:
        if value is None:
            return None
        if not isinstance(value, dict):
            self.type_error(path, "table", value)
            return None
        allowed = set(allowed)
        for key in value:
            if key not in allowed:
                close = difflib.get_close_matches(key, sorted(allowed), n=1)
                if close:
                    self.add((*path, key), "schema.unknown_key_hint", key=key, hint=close[0])
                else:
                    self.add((*path, key), "schema.unknown_key", key=key)
        for key in required:
            if key not in value:
                self.add(path, "schema.missing", key=key)
        return value

    def want_list(self, value: object, path: FieldPath, *, non_empty: bool = True) -> list | None:
        if value is None:
            return None
        if not isinstance(value, list):
            self.type_error(path, "array", value)
            return None
        if non_empty and not value:
            self.add(path, "schema.empty")
            return None
        return value

    def want_str(
        self,
        value: object,
        path: FieldPath,
        pattern: str | None = None,
        *,
        multiline: bool = False,
    ) -> str | None:
        """Text as the text policy allows it (`core.text`): a control character, even one
        escaped in TOML as `\\u001b`, would reach every screen and export the name is shown on."""
        if value is None:
            return None
        if not isinstance(value, str):
            self.type_error(path, "string", value)
            return None
        if refused := refused_in(value, multiline=multiline):
            first = refused[0]
            self.add(path, "schema.control", position=first.position, char=first.name)
            return None
        if not value.strip():
            self.add(path, "schema.blank")
            return None
        if pattern and not re.fullmatch(pattern, value):
            self.add(path, "schema.pattern", value=value, rule=Msg(PATTERN_WORDS[pattern]))
            return None
        return value

    def want_int(
        self, value: object, path: FieldPath, *, low: int | None = None, high: int | None = None
    ) -> int | None:
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int):
            self.type_error(path, "integer", value)
            return None
        return self._in_range(value, path, low, high)

    def want_number(self, value: object, path: FieldPath, *, low: float = 0) -> float | None:
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int | float):
            self.type_error(path, "number", value)
            return None
        if not math.isfinite(value):  # TOML has nan and inf; every comparison with nan is false
            self.add(path, "schema.not_finite", value=str(value))  # as the file wrote it
            return None
        result = self._in_range(value, path, low, None)
        return None if result is None else float(result)

    def want_bool(self, value: object, path: FieldPath) -> bool | None:
        if value is None:
            return None
        if not isinstance(value, bool):
            self.type_error(path, "boolean", value)
            return None
        return value

    def want_date(self, value: object, path: FieldPath) -> date | None:
        if value is None:
            return None
        if isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value.strip()):
            self.add(path, "schema.date_quoted", value=value)
            return None
        if isinstance(value, datetime) or not isinstance(value, date):
            self.type_error(path, "date", value)
            return None
        return value

    def want_choice(self, value: object, path: FieldPath, choices: Iterable[str]) -> str | None:
        choices = list(choices)
        if value is None:
            return None
        if not isinstance(value, str) or value not in choices:
            self.add(path, "schema.choice", value=value, choices=", ".join(choices))
            return None
        return value

    def want_text(self, value: object, path: FieldPath, *, multiline: bool = False) -> Text | None:
        if value is None:
            return None
        if isinstance(value, str):
            self.add(path, "schema.text_as_string", value=value)
            return None
        table = self.want_table(value, path, ("zh", "en"), ("zh", "en"))
        if table is None or "zh" not in table or "en" not in table:
            return None
        zh = self.want_str(table["zh"], (*path, "zh"), multiline=multiline)
        en = self.want_str(table["en"], (*path, "en"), multiline=multiline)
        return Text(zh, en) if zh is not None and en is not None else None

    def unique(self, ids: list[tuple[str, FieldPath]]) -> None:
        """Report every element whose id was used before, at its `id` line, naming the line of
        the first use (the display paths of the two would read the same)."""
        seen: dict[str, FieldPath] = {}
        for ident, path in ids:
            if ident in seen:
                self.duplicate((*path, "id"), ident, (*seen[ident], "id"))
            else:
                seen[ident] = path

    def duplicate(self, path: FieldPath, ident: str, first: FieldPath) -> None:
        self.add(path, "schema.duplicate_id", id=ident, first=self.lines.line_of(first) or "?")

    def type_error(self, path: FieldPath, expected: str, value: object) -> None:
        found = Msg(f"type.{type_name(value)}")
        self.add(path, "schema.type", expected=Msg(f"type.{expected}"), found=found)

    def _in_range(self, value: Any, path: FieldPath, low: float | None, high: float | None) -> Any:
        if low is not None and value < low and high is None:
            self.add(path, "schema.min", value=value, low=low)
            return None
        if (low is not None and value < low) or (high is not None and value > high):
            self.add(path, "schema.range", value=value, low=low, high=high)
            return None
        return value


def type_name(value: object) -> str:
    """The TOML name of a parsed value's type, for messages."""
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "integer"
    if isinstance(value, float):
        return "float"
    if isinstance(value, str):
        return "string"
    if isinstance(value, list):
        return "array"
    if isinstance(value, dict):
        return "table"
    if isinstance(value, datetime):
        return "datetime"
    if isinstance(value, date):
        return "date"
    return type(value).__name__

"""Where in a TOML file a value was written, so a validation error can name its line.

`tomllib` gives values without positions. This reads the text once more and records, for
each key and array element, the path `tomllib` would give it (("sections", 0, "items", 2,
"points")) and its line. It understands what checklist files use: tables, arrays of tables,
dotted keys, inline tables and multi-line arrays. For anything stranger, `line_of` falls
back to the nearest enclosing value it did see, so an error is still near the spot.
"""

from __future__ import annotations

import re

PathKey = str | int
Path_ = tuple[PathKey, ...]

_STRING = re.compile(r'"(?:[^"\\]|\\.)*"|\'[^\']*\'')
_HEADER = re.compile(r"^\s*(\[\[?)\s*([^\[\]]+?)\s*\]\]?\s*(#.*)?$")
_KEY = re.compile(
    r'^\s*((?:[A-Za-z0-9_-]+|"[^"]*"|\'[^\']*\')(?:\s*\.\s*(?:[A-Za-z0-9_-]+|"[^"]*"|\'[^\']*\'))*)\s*='
)


def _split_key(raw: str) -> list[str]:
    parts = re.findall(r'"[^"]*"|\'[^\']*\'|[A-Za-z0-9_-]+', raw)
    return [p[1:-1] if p[:1] in "\"'" else p for p in parts]


class LineMap:
    """Paths of a TOML text mapped to 1-based line numbers."""

    def __init__(self, text: str) -> None:
        self.lines: dict[Path_, int] = {}
        self._counts: dict[Path_, int] = {}
        self._arrays: set[tuple[str, ...]] = set()
        self._first_headers: list[Path_] = []
        self._read(text)

    def line_of(self, path: Path_) -> int | None:
        probe = tuple(path)
        while probe:
            if probe in self.lines:
                return self.lines[probe]
            probe = probe[:-1]
        return None

    def _resolve(self, names: list[str], new_element: bool) -> Path_:
        path: list[PathKey] = []
        for depth, name in enumerate(names):
            path.append(name)
            dotted = tuple(names[: depth + 1])
            last = depth == len(names) - 1
            if last and new_element:
                key = tuple(path)
                index = self._counts.get(key, 0)
                if index == 0:
                    self._first_headers.append(key)
                self._counts[key] = index + 1
                self._arrays.add(dotted)
                path.append(index)
            elif dotted in self._arrays:
                path.append(self._counts.get(tuple(path), 1) - 1)
        return tuple(path)

    def _elements(self, path: Path_, first: int, text: str, lineno: int) -> int:
        """Record the string elements of a multi-line array found on one line."""
        found = len(_STRING.findall(text))
        for index in range(first, first + found):
            self.lines.setdefault((*path, index), lineno)
        return first + found

    def _read(self, text: str) -> None:
        table: Path_ = ()
        array_path: Path_ | None = None
        array_depth = 0
        array_index = 0
        in_multiline = False
        for lineno, raw in enumerate(text.splitlines(), start=1):
            if in_multiline:
                if raw.count('"""') % 2 == 1:
                    in_multiline = False
                continue
            line = _STRING.sub('""', raw)
            code = line.split("#", 1)[0]
            if array_path is not None:
                array_index = self._elements(array_path, array_index, raw.split("#", 1)[0], lineno)
                array_depth += code.count("[") - code.count("]")
                if array_depth <= 0:
                    array_path = None
                continue
            header = _HEADER.match(code)
            if header and not _KEY.match(code):
                names = _split_key(header.group(2))
                table = self._resolve(names, new_element=header.group(1) == "[[")
                self.lines.setdefault(table, lineno)
                while self._first_headers:  # an array of tables starts at its first header
                    self.lines.setdefault(self._first_headers.pop(), lineno)
                continue
            key = _KEY.match(raw)
            if not key:
                continue
            path = (*table, *_split_key(key.group(1)))
            self.lines.setdefault(path, lineno)
            value = code[code.index("=") + 1 :]
            if raw.count('"""') % 2 == 1:
                in_multiline = True
            depth = value.count("[") - value.count("]")
            if value.strip().startswith("[") and depth > 0:
                array_path, array_depth = path, depth
                after = raw[raw.index("=") + 1 :].split("#", 1)[0]
                array_index = self._elements(path, 0, after, lineno)

"""Each room of the package imports only what its place in the flow allows, read from the
source (every `import` and `from ... import`, at any depth, type-checking ones included):

- `words` and `domain` are pure: no file IO module, no storage, no TUI;
- the TUI reaches the data folder only through `services`: it imports no storage module;
- `services` never import Textual, and nothing but `tui` and `commands.app` does.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[2] / "inspect_tui"
IO_MODULES = {"tinydb", "orjson", "openpyxl", "docx", "qrcode", "platformdirs", "shutil", "csv"}
OUR_IO_ROOMS = ("inspect_tui.storage", "inspect_tui.loading", "inspect_tui.services")


def imports_of(path: Path) -> set[str]:
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
            found.update(f"{node.module}.{alias.name}" for alias in node.names)
    return found


def room(name: str) -> list[Path]:
    return sorted((PACKAGE / name).rglob("*.py"))


def starts(module: str, prefixes: tuple[str, ...] | set[str]) -> bool:
    return any(module == p or module.startswith(p + ".") for p in prefixes)


@pytest.mark.parametrize("name", ["words", "domain"])
def test_pure_rooms_import_no_io(name: str) -> None:
    files = room(name)
    assert len(files) > 3
    bad = {
        f"{path.name}: {module}"
        for path in files
        for module in imports_of(path)
        if starts(module, IO_MODULES)
        or starts(module, (*OUR_IO_ROOMS, "inspect_tui.reports", "inspect_tui.tui"))
    }
    assert not bad


FILE_CALLS = {"read_text", "read_bytes", "write_text", "write_bytes", "unlink", "mkdir", "touch"}
OS_CALLS = {"open", "replace", "rename", "remove", "unlink", "fsync", "makedirs", "listdir"}


def file_calls_in(path: Path) -> list[str]:
    """Calls that read or write a file, from the syntax tree (so `str.replace` is not one)."""
    found: list[str] = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        if isinstance(func, ast.Name) and func.id == "open":
            found.append("open(")
        elif isinstance(func, ast.Attribute):
            owner = func.value.id if isinstance(func.value, ast.Name) else ""
            if func.attr in FILE_CALLS or (owner == "os" and func.attr in OS_CALLS):
                found.append(f"{owner}.{func.attr}(")
    return found


def test_the_file_call_finder_sees_a_write() -> None:
    sample = Path(__file__).with_name("_sample_room.py")
    try:
        sample.write_text(
            'import os\nos.replace("a", "b")\nopen("x")\nPath("y").write_text("z")\n'
            '"a".replace("a", "b")\n',
            encoding="utf-8",
        )
        assert file_calls_in(sample) == ["os.replace(", "open(", ".write_text("]
    finally:
        sample.unlink()


def test_pure_rooms_never_open_a_file() -> None:
    """No `open(`, `read_text`, `os.replace` ... in the pure rooms: a path may be a value there
    (where a message points), never something read or written."""
    bad = [
        f"{path.name}: {call}"
        for name in ("words", "domain")
        for path in room(name)
        for call in file_calls_in(path)
    ]
    assert not bad


def test_the_tui_imports_no_storage_module() -> None:
    files = room("tui")
    assert len(files) > 10
    bad = {
        f"{path.relative_to(PACKAGE)}: {module}"
        for path in files
        for module in imports_of(path)
        if starts(module, ("inspect_tui.storage", "inspect_tui.loading", "tinydb", "orjson"))
    }
    assert not bad


def test_only_the_tui_imports_textual() -> None:
    bad = {
        f"{path.relative_to(PACKAGE)}: {module}"
        for path in sorted(PACKAGE.rglob("*.py"))
        if "tui" not in path.relative_to(PACKAGE).parts[:1]
        for module in imports_of(path)
        if starts(module, ("textual",))
    }
    assert not bad

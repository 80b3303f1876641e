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
    """The app reaches files only through the services: no storage, no loading, no document
    writer (the terminal QR drawing is the one report module it uses)."""
    files = room("tui")
    assert len(files) > 10
    bad = {
        f"{path.relative_to(PACKAGE)}: {module}"
        for path in files
        for module in imports_of(path)
        if starts(module, ("inspect_tui.storage", "inspect_tui.loading", "tinydb", "orjson"))
        or (starts(module, ("inspect_tui.reports",)) and not starts(module, QR_DRAWING))
    }
    assert not bad


QR_DRAWING = ("inspect_tui.reports.qrimage",)


def test_no_screen_imports_the_app_or_another_screen() -> None:
    """Screens, dialogs and widgets move by posting messages up; the App alone holds the
    registry (type-checking imports count too: they are how cycles start)."""
    parts = ("screens", "dialogs", "widgets")
    bad = set()
    for part in parts:
        for path in sorted((PACKAGE / "tui" / part).rglob("*.py")):
            # a screen of several files (screens/visit/) is one screen
            top = path.relative_to(PACKAGE / "tui" / part).parts[0].removesuffix(".py")
            own = f"inspect_tui.tui.{part}.{top}"
            for module in imports_of(path):
                if starts(module, ("inspect_tui.tui.app",)) or (
                    starts(module, ("inspect_tui.tui.screens",)) and not starts(module, (own,))
                ):
                    bad.add(f"{part}/{path.name}: {module}")
    assert not bad


def private_uses(path: Path) -> list[str]:
    """`x._name` where x is not self or cls (a NamedTuple's `_replace` is its public API), and
    imports from Textual's private modules."""
    found: list[str] = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Attribute) and node.attr.startswith("_"):
            owner = node.value.id if isinstance(node.value, ast.Name) else ""
            public = node.attr.startswith("__") or node.attr == "_replace"
            if owner not in ("self", "cls") and not public:
                found.append(f"{owner}.{node.attr}")
    found += [m for m in imports_of(path) if "textual" in m and "._" in m]
    return found


def test_the_private_use_finder_sees_one() -> None:
    sample = Path(__file__).with_name("_sample_private.py")
    try:
        sample.write_text(
            "from textual.widgets._toggle_button import X\nnode._bindings\nself._mine\n"
            "row._replace(a=1)\n",
            encoding="utf-8",
        )
        assert sorted(private_uses(sample)) == [
            "node._bindings", "textual.widgets._toggle_button", "textual.widgets._toggle_button.X",
        ]  # fmt: skip
    finally:
        sample.unlink()


def test_the_tui_uses_no_private_textual_api() -> None:
    bad = {f"{path.relative_to(PACKAGE)}: {use}" for path in room("tui") for use in
           private_uses(path)}  # fmt: skip
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


def runtime_imports(path: Path) -> set[str]:
    """The modules `path` imports when it runs: those under `if TYPE_CHECKING:` left out (they
    name a type, they load nothing)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    skipped: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            skipped |= {id(child) for child in ast.walk(node)}
    found: set[str] = set()
    for node in ast.walk(tree):
        if id(node) in skipped:
            continue
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)  # and `from package import module`:
            found.update(f"{node.module}.{alias.name}" for alias in node.names)
    return found


def module_of(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def test_the_tui_modules_import_one_another_without_a_cycle() -> None:
    """The twelve TUI files once imported one another in one cycle (screens reaching the App
    and each other): the modules that load at run time now form a tree."""
    files = {module_of(path): path for path in room("tui")}
    graph = {
        name: {m for m in runtime_imports(path) if m in files and m != name}
        for name, path in files.items()
    }
    done: set[str] = set()

    def walk(name: str, trail: tuple[str, ...]) -> None:
        assert name not in trail, " -> ".join((*trail, name))
        if name in done:
            return
        for nxt in graph[name]:
            walk(nxt, (*trail, name))
        done.add(name)

    for name in graph:
        walk(name, ())
    assert len(graph) > 20

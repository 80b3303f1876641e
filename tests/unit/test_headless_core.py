"""The layers below the TUI never import Textual (harlequin's rule): they run on a server, in a
script, or under a CLI command without pulling in the TUI. And each room imports only what its
place in the flow allows: the pure domain no IO, the TUI no storage."""

from __future__ import annotations

import pkgutil
import subprocess
import sys
from pathlib import Path

import inspect_tui.domain
import inspect_tui.loading
import inspect_tui.reports
import inspect_tui.services
import inspect_tui.storage
import inspect_tui.words

ROOT = Path(__file__).resolve().parents[2]


def modules_of(package: object) -> list[str]:
    return [m.name for m in pkgutil.walk_packages(package.__path__, package.__name__ + ".")]  # type: ignore[attr-defined]


def test_core_and_reports_import_without_textual() -> None:
    names = [
        name
        for package in (
            inspect_tui.words,
            inspect_tui.domain,
            inspect_tui.loading,
            inspect_tui.storage,
            inspect_tui.services,
            inspect_tui.reports,
        )
        for name in modules_of(package)
    ]
    assert "inspect_tui.storage.store" in names and "inspect_tui.domain.scoring" in names
    script = (
        "import importlib, sys\n"
        f"for name in {names!r}: importlib.import_module(name)\n"
        "bad = sorted(m for m in sys.modules if m == 'textual' or m.startswith('textual.'))\n"
        "print(','.join(bad))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, cwd=ROOT, check=True
    )
    assert result.stdout.strip() == ""


def test_cli_commands_other_than_the_app_do_not_load_textual() -> None:
    script = (
        "import sys\n"
        "from inspect_tui.cli import main\n"
        "main(['checklist', 'check', 'checklists/shache-2012-h1.toml'])\n"
        "print('TEXTUAL' if 'textual' in sys.modules else 'CLEAN', file=sys.stderr)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, cwd=ROOT, check=True
    )
    assert result.stderr.strip().endswith("CLEAN")

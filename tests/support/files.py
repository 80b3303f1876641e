"""Editing copies of checklist files the way a clerk would: one exact change at a time."""

from __future__ import annotations

from pathlib import Path


def edit(file: Path, old: str, new: str) -> str:
    """Replace the one occurrence of `old` in `file`; the new text."""
    text = file.read_bytes().decode("utf-8")
    assert text.count(old) == 1, f"{old!r} occurs {text.count(old)} times in {file.name}"
    text = text.replace(old, new)
    file.write_bytes(text.encode("utf-8"))
    return text

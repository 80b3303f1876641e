"""Words about what verify reads back from printed and edited files."""

from __future__ import annotations

READER_MESSAGES: dict[str, dict[str, str]] = {}

"""Words about groups not assessed, and what every export counts."""

from __future__ import annotations

COVERAGE_MESSAGES: dict[str, dict[str, str]] = {}

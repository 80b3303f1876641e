"""Words about files that are not what they claim: special files, sizes, nesting, locks, keys."""

from __future__ import annotations

FILE_MESSAGES: dict[str, dict[str, str]] = {}

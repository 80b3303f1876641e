"""Words about the office's documents: the circular and the feedback letters."""

from __future__ import annotations

DOCUMENT_MESSAGES: dict[str, dict[str, str]] = {}

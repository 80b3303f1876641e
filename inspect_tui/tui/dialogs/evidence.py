"""Pick a file to keep as an item's evidence (placeholder until the evidence step lands)."""

from __future__ import annotations

from pathlib import Path

from inspect_tui.tui.base import Dialog


class EvidenceDialog(Dialog[Path | None]):
    pass

"""A campaign of 60 items for the key-press bench: the bundled campaign and roster with an
outline of five sections of twelve checks (2 points x 8 + 1 point x 4 = 20 each)."""

from __future__ import annotations

import shutil
from pathlib import Path

from inspect_tui.storage.paths import CHECKLISTS

SECTIONS = ("office", "plans", "archive", "study", "reports")


def write_campaign(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name in ("shache-2012-h1.toml", "roster-shache.toml"):
        shutil.copy(CHECKLISTS / name, folder / name)
    lines = [
        "format = 1",
        'id = "bench-60"',
        'title = { zh = "六十项", en = "Sixty items" }',
        "total = 100",
    ]
    for section in SECTIONS:
        lines += [
            "",
            "[[sections]]",
            f'id = "{section}"',
            f'title = {{ zh = "{section}", en = "{section}" }}',
        ]
        for n in range(12):
            lines += [
                "",
                "[[sections.items]]",
                f'id = "{section}.item_{n:02d}"',
                'kind = "scale"' if n % 4 == 2 else 'kind = "check"',
                f"points = {2 if n < 8 else 1}",
                f'text = {{ zh = "“{section}”检查项 {n}……", en = "{section} check {n}" }}',
                'guidance = { zh = "现场查看档案", en = "Look at the archive on site" }',
            ]
    (folder / "outline-shache.toml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return folder / "shache-2012-h1.toml"

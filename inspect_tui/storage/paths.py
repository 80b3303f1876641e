"""Where things live: the data folder, the bundled campaign, the exports folder."""

from __future__ import annotations

import os
from pathlib import Path

from platformdirs import user_data_dir

APP_NAME = "inspect-tui"
PROJECT_ROOT = Path(__file__).resolve().parents[2]
CHECKLISTS = PROJECT_ROOT / "checklists"
BUNDLED_CAMPAIGN = CHECKLISTS / "shache-2012-h1.toml"
EXPORTS = PROJECT_ROOT / "exports"


def data_folder(explicit: str | os.PathLike[str] | None = None) -> Path:
    """`--data DIR`, else INSPECT_TUI_DATA, else the platform's per-user data folder."""
    if explicit:
        return Path(explicit).expanduser()
    if env := os.environ.get("INSPECT_TUI_DATA"):
        return Path(env).expanduser()
    return Path(user_data_dir(APP_NAME, appauthor=False))


def campaign_file(explicit: str | os.PathLike[str] | None = None) -> Path:
    """`--campaign FILE`, else INSPECT_TUI_CAMPAIGN, else the bundled county campaign."""
    if explicit:
        return Path(explicit).expanduser()
    if env := os.environ.get("INSPECT_TUI_CAMPAIGN"):
        return Path(env).expanduser()
    return BUNDLED_CAMPAIGN


EXPORTS_SETTING = "exports"  # a data folder's own exports folder (the training sandbox sets it)


def exports_folder(explicit: str | os.PathLike[str] | None = None, own: str | None = None) -> Path:
    """`explicit`, else INSPECT_TUI_EXPORTS, else the data folder's own (`own`, its
    `exports` setting: a training sandbox keeps its exports to itself), else `exports/` in the
    project."""
    if explicit:
        return Path(explicit).expanduser()
    if env := os.environ.get("INSPECT_TUI_EXPORTS"):
        return Path(env).expanduser()
    if own:
        return Path(own).expanduser()
    return EXPORTS

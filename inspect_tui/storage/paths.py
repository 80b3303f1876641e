"""Where things live: the data folder, the bundled campaign, the exports folder.

The app runs two ways: from its source tree (`make run`, the tests), where `checklists/` and
`exports/` sit beside the package, and installed from a wheel (the offline kit), where the wheel
put the checklists under the environment's `share/inspect-tui/` and there is no project folder to
write exports into, so they go to the user's documents folder.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from platformdirs import user_data_dir, user_documents_dir

APP_NAME = "inspect-tui"
PROJECT_ROOT = Path(__file__).resolve().parents[2]


def _from_source(root: Path) -> bool:
    """Whether `root` is the project's source tree (a checkout), not a site-packages folder."""
    return (root / "pyproject.toml").is_file() and (root / "checklists").is_dir()


def installed_checklists(prefix: Path) -> Path:
    """Where the wheel's data files put the bundled checklists in an environment."""
    return prefix / "share" / APP_NAME / "checklists"


FROM_SOURCE = _from_source(PROJECT_ROOT)
CHECKLISTS = PROJECT_ROOT / "checklists" if FROM_SOURCE else installed_checklists(Path(sys.prefix))
BUNDLED_CAMPAIGN = CHECKLISTS / "shache-2012-h1.toml"
EXPORTS = PROJECT_ROOT / "exports" if FROM_SOURCE else Path(user_documents_dir()) / APP_NAME


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

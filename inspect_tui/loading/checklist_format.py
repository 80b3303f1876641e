"""What the three checklist files (campaign, outline, roster) share: the format they are written
in and the pattern of their ids. Apart so that each file's loader can check them without
importing another's.
"""

from __future__ import annotations

from typing import Any

from inspect_tui.loading.schema import Checker

FORMAT = 1
CAMPAIGN_ID = r"[a-z0-9][a-z0-9-]*"


def check_format(c: Checker, root: dict[str, Any]) -> None:
    """A file written in another version of the format is refused, not misread."""
    if "format" in root and c.want_int(root["format"], ("format",)) not in (None, FORMAT):
        c.add(("format",), "checklist.format", found=root["format"], expected=FORMAT)

"""Dates as people type them: 2012-7-5, 2012/07/05, 2012.7.5, 2012年7月5日."""

from __future__ import annotations

import re
from datetime import date

_DATE = re.compile(r"\s*(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?\s*")


def parse_date(text: str) -> date | None:
    """The date written in `text`, or None when it is not a real year-month-day."""
    found = _DATE.fullmatch(text)
    if not found:
        return None
    try:
        return date(*(int(part) for part in found.groups()))
    except ValueError:
        return None

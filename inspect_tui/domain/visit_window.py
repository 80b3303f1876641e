"""When a round's visits happen (a campaign's `[visit_window]`), and what that means for the date
of one visit. Pure: the caller passes today.

A round is assessed after its period ends (seed 000: the 2012 first half-year was visited from
4 July), and a training round may be replayed years later, so the laptop's today is a poor
default for a visit's date: it would date a 2012 visit 2026. The window sets the default and
lets the TUI ask before it takes a date outside it. It is wording, not scoring: it stays out of
the checklist hash, so moving the visits never makes existing visit files and signed bundles
"another checklist version".
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING

from inspect_tui.words.i18n import Msg

if TYPE_CHECKING:
    from inspect_tui.domain.model import Campaign

# a month after the period: the half-year round in seed 000 was visited within July
DEFAULT_DAYS = 31


@dataclass(frozen=True, slots=True)
class VisitWindow:
    """The first and last day of the round's visits, both included. `stated`: the campaign
    file gives it; otherwise it is `default_window` of the period."""

    start: date
    end: date
    stated: bool = True

    def __contains__(self, day: date) -> bool:
        return self.start <= day <= self.end

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    def describe(self) -> Msg:
        """The window in words, saying where it came from when the campaign did not state it."""
        if self.stated:
            return Msg("visit.window", start=self.start, end=self.end)
        return Msg("visit.window_default", start=self.start, end=self.end, days=self.days)


def default_window(period_end: date) -> VisitWindow:
    """The `DEFAULT_DAYS` days from the day after the period ends (1 to 31 July for the first
    half-year), for a campaign that states no window."""
    # date.max is a valid TOML date: the window shrinks rather than overflow
    start = period_end + timedelta(days=min(1, (date.max - period_end).days))
    end = start + timedelta(days=min(DEFAULT_DAYS - 1, (date.max - start).days))
    return VisitWindow(start, end, stated=False)


def default_visit_date(where: Campaign | VisitWindow, today: date) -> date:
    """The date a new visit is proposed: today when it falls in the window, else the window's
    day nearest to today (its first day before it, its last day after it).

    Always inside the window, so an inspector who keeps the default is never asked to confirm
    it, and a laptop whose clock is years off (a 2012 training round on a 2026 laptop) still
    dates the visit within the round. A visit typed up a few days late gets the last day of
    the window, the closest the program can come to the truth; the inspector corrects it.
    """
    window = _window(where)
    return min(max(today, window.start), window.end)


def check_visit_date(where: Campaign | VisitWindow, day: date) -> Msg | None:
    """None when `day` is in the window; else the question the TUI asks before it takes the
    date (`visit.date_before` or `visit.date_after`, naming the window), in either language."""
    window = _window(where)
    if day < window.start:
        return Msg("visit.date_before", day=day, window=window.describe())
    if day > window.end:
        return Msg("visit.date_after", day=day, window=window.describe())
    return None


def _window(where: Campaign | VisitWindow) -> VisitWindow:
    return where if isinstance(where, VisitWindow) else where.visit_window

"""The visit screen: the checklist of one group, one key per answer."""

from inspect_tui.tui.screens.visit.screen import VisitScreen

__all__ = ["VisitScreen"]

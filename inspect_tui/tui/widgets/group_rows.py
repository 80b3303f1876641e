"""The team's groups as a list of aligned rows: name, status, progress, score, tier.

An `OptionList` of rows laid out here, not a `DataTable`: the list is the team's home, drawn
at every start, and a DataTable of 14 rows of styled cells took most of the first screen's
time. Columns are measured in terminal cells (Chinese is two wide); a name too long for its
column ends in "⋯" (the visit's header shows it whole).
"""

from __future__ import annotations

from collections.abc import Sequence

from textual.content import Content
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from inspect_tui.domain.model import Campaign
from inspect_tui.services.progress import GroupProgress
from inspect_tui.tui.content import plain
from inspect_tui.tui.format import status_label, tier_label
from inspect_tui.words.i18n import Lang, t
from inspect_tui.words.textwidth import unambiguous
from inspect_tui.words.wrap import cells, fit

COLUMNS = ("col.group", "col.status", "col.progress", "col.score", "col.tier")
NAME_WIDTH = 26  # English names run long: the tier stays on screen at 80 columns
GAP = "  "


def _pad(content: Content, width: int) -> Content:
    return content + " " * max(0, width - cells(content.plain))


class GroupRows(OptionList):
    def show(self, campaign: Campaign, rows: Sequence[GroupProgress], lang: Lang) -> Content:
        """Fill the list with `rows`; the header line that goes over it."""
        highlighted = self.highlighted
        names = [unambiguous(row.group.name.get(lang)) for row in rows]
        others = [self._cells(campaign, row, lang) for row in rows]
        titles = [t(key, lang) for key in COLUMNS]
        room = self.size.width - 2 if self.size.width else 80
        widths = [
            max([cells(titles[n + 1])] + [cells(c[n].plain) for c in others])
            for n in range(len(COLUMNS) - 1)
        ]
        longest = max([cells(titles[0]), *(cells(name) for name in names)])
        name_width = max(8, min(longest, NAME_WIDTH, room - sum(widths) - 2 * len(widths)))
        self.clear_options()
        for row, name, cols in zip(rows, names, others, strict=True):
            parts = [_pad(plain(fit(name, name_width), one_line=True), name_width)]
            parts += [_pad(c, w) for c, w in zip(cols, widths, strict=True)]
            self.add_option(Option(Content(GAP).join(parts), id=row.group.id))
        if self.option_count:
            self.highlighted = min(highlighted or 0, self.option_count - 1)
        heads = [_pad(Content(fit(titles[0], name_width)), name_width)]
        heads += [_pad(Content(title), w) for title, w in zip(titles[1:], widths, strict=True)]
        return Content(GAP).join(heads).stylize("bold")

    @staticmethod
    def _cells(campaign: Campaign, row: GroupProgress, lang: Lang) -> list[Content]:
        score = row.score
        tier = (
            tier_label(campaign, score.tier, lang, vetoed=score.vetoed, complete=score.complete)
            if score
            else Content("")
        )
        return [
            status_label(row.status, lang),
            Content(f"{row.answered}/{row.items}"),
            Content(f"{score.total:.2f}") if score else Content(""),
            tier,
        ]

    def action_cursor_up(self) -> None:
        """Up on the first group stays there: wrapping round to the last opened the wrong
        group in a field trial."""
        if self.highlighted:
            super().action_cursor_up()

    def action_cursor_down(self) -> None:
        if self.highlighted is None or self.highlighted < self.option_count - 1:
            super().action_cursor_down()

    @property
    def chosen(self) -> str | None:
        """The highlighted group's id."""
        if self.highlighted is None or not self.option_count:
            return None
        return self.get_option_at_index(self.highlighted).id

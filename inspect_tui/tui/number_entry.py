"""A number typed digit by digit on an item: when it is complete, and when it may still grow.

Digits typed one after another make one number ("1", "2" -> 12) while the next digit could
still give a value the item takes; a number that no further digit can keep under the item's
maximum is complete at once (3 on a 0-5 scale, 0 anywhere: nothing is written "05"), so the
cursor may move on with no Enter. A digit that would overflow the maximum starts a new number.
"""

from __future__ import annotations

from dataclasses import dataclass

from inspect_tui.domain.model import Item
from inspect_tui.domain.scoring import MAX_COUNT

NUMBER_KINDS = ("scale", "count", "deduction")


def most(item: Item) -> int:
    """The largest number the item takes (`scoring.check_answer`'s rule)."""
    return item.points if item.kind == "scale" else MAX_COUNT


@dataclass
class NumberEntry:
    """The number being typed, and for which item."""

    item_id: str = ""
    digits: str = ""

    @property
    def pending(self) -> bool:
        return bool(self.digits)

    def type(self, item: Item, digit: int) -> tuple[int, bool]:
        """Add `digit` (a new number on another item); the value now and whether it is
        complete."""
        typed = (self.digits if self.item_id == item.id else "") + str(digit)
        if int(typed) > most(item):
            typed = str(digit)
        typed = typed.lstrip("0") or "0"
        value = int(typed)
        complete = value == 0 or value * 10 > most(item)
        self.item_id, self.digits = item.id, "" if complete else typed
        return value, complete

    def clear(self) -> None:
        self.item_id, self.digits = "", ""

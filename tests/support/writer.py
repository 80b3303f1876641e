"""A writer process for the crash test: saves answers in a fixed sequence, acknowledging each.

Usage: python -m tests.support.writer DATA_DIR VISIT_ID COUNT
Prints the index of every write after `set_answer` has returned, i.e. after it is on disk.
"""

from __future__ import annotations

import sys

from inspect_tui.loading.campaign import load_campaign
from inspect_tui.storage.paths import BUNDLED_CAMPAIGN
from inspect_tui.storage.store import LocalStore
from tests.support.sequence import write_sequence


def main() -> None:
    folder, visit_id, count = sys.argv[1], sys.argv[2], int(sys.argv[3])
    campaign = load_campaign(BUNDLED_CAMPAIGN)
    with LocalStore(folder, who="writer") as store:
        for index, (item_id, value, note) in enumerate(write_sequence(campaign, count)):
            store.set_answer(campaign, visit_id, item_id, value, note)
            sys.stdout.write(f"{index}\n")
            sys.stdout.flush()


if __name__ == "__main__":
    main()

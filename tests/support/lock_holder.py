"""A writer that holds a data folder between two runs of saves, for the lock-deletion test.

Usage: python -m tests.support.lock_holder DATA_DIR VISIT_ID COUNT
Saves the first COUNT writes of `write_sequence`, printing each index once `set_answer` has
returned (it is on disk), then prints "held" and waits for a line on stdin; then saves the next
COUNT writes the same way and exits. Between the two runs the test deletes `.lock` and tries to
open the folder a second time: the store stays open here all along, as the app stays open while
a person types into it.
"""

from __future__ import annotations

import itertools
import sys

from inspect_tui.loading.campaign import load_campaign
from inspect_tui.storage.paths import BUNDLED_CAMPAIGN
from inspect_tui.storage.store import LocalStore
from tests.support.sequence import write_sequence


def main() -> None:
    folder, visit_id, count = sys.argv[1], sys.argv[2], int(sys.argv[3])
    campaign = load_campaign(BUNDLED_CAMPAIGN)
    writes = enumerate(write_sequence(campaign, 2 * count))
    with LocalStore(folder, who="holder") as store:
        for run in range(2):
            for index, (item_id, value, note) in itertools.islice(writes, count):
                store.set_answer(campaign, visit_id, item_id, value, note)
                sys.stdout.write(f"{index}\n")
                sys.stdout.flush()
            if run == 0:
                sys.stdout.write("held\n")
                sys.stdout.flush()
                sys.stdin.readline()


if __name__ == "__main__":
    main()

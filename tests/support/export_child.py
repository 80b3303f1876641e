"""Exports to be killed, for the SIGKILL-during-export test.

Usage: python -m tests.support.export_child LEAD_DIR OUT_DIR

Reads requests from stdin, one a line: `<kill_at> <delay>`, each a number or `-`. For each it
forks a process that does what `inspect-tui export` does (the lead's data folder held, the
ranking gathered, all four formats exported into OUT_DIR) and reaps it; the fork is only there to
pay for the imports once, each export being a process of its own that SIGKILL ends.

In the export process every call that touches the disk (`os.open`, `os.write`, the syncs,
`os.mkdir`, `os.replace`, `os.rename`, `os.unlink`, `os.rmdir`) and every progress call is a
point, counted from the start of `export_files`. With `kill_at` N the process SIGKILLs itself
just before point N, having printed `kill N <what> <path>`. With a `delay` this process SIGKILLs
it that many seconds after it starts `export_files` (if it is still running: it is not reaped
before, so its id cannot have gone to another). An export that ends prints `point <what>
<path>` for each point it passed. Then this process prints `exit <code> <seconds>`: the export's
exit code (-9 when killed) and the time from the start of `export_files` to its end.
"""

from __future__ import annotations

import os
import signal
import sys
import time
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any

from inspect_tui.loading.campaign import load_campaign
from inspect_tui.reports.dataset import gather
from inspect_tui.reports.export import FORMATS, export_files
from inspect_tui.storage import atomic
from inspect_tui.storage.paths import BUNDLED_CAMPAIGN
from inspect_tui.storage.store import LocalStore

CALLS = ("open", "write", "fsync", "mkdir", "replace", "rename", "unlink", "rmdir")


class Points:
    """The export's points, counted; the process dies just before point `kill_at`."""

    def __init__(self, kill_at: int | None) -> None:
        self.kill_at = kill_at
        self.seen: list[str] = []
        self.armed = False

    def reach(self, what: str, path: object) -> None:
        if not self.armed:
            return
        point = f"{what} {os.fsdecode(path) if isinstance(path, str | bytes | Path) else ''}"
        if len(self.seen) == self.kill_at:
            sys.stdout.write(f"kill {self.kill_at} {point}\n")
            sys.stdout.flush()
            os.kill(os.getpid(), signal.SIGKILL)
        self.seen.append(point)

    def wrap(self, what: str, real: Callable[..., Any]) -> Callable[..., Any]:
        def call(*args: Any, **kwargs: Any) -> Any:
            self.reach(what, args[0] if args else None)
            return real(*args, **kwargs)

        return call


def export(lead: Path, out: Path, kill_at: int | None, ready: int) -> None:
    """One export, as the command line makes it; writes a byte to `ready` as it starts."""
    points = Points(kill_at)
    for name in CALLS:
        setattr(os, name, points.wrap(name, getattr(os, name)))
    atomic._sync_data = points.wrap("fdatasync", atomic._sync_data)
    campaign = load_campaign(BUNDLED_CAMPAIGN)
    with LocalStore(lead, who="export-child") as store:
        data = gather(campaign, store.folder)
        os.write(ready, b"r")  # not armed yet: not a point
        points.armed = True
        export_files(
            data,
            list(FORMATS),
            out,
            store.folder,
            progress=lambda kind: points.reach("progress", kind),
        )
        points.armed = False
    sys.stdout.write("".join(f"point {point}\n" for point in points.seen))
    sys.stdout.flush()


def number(text: str, kind: Callable[[str], Any]) -> Any:
    return None if text == "-" else kind(text)


def main() -> None:
    lead, out = Path(sys.argv[1]), Path(sys.argv[2])
    for request in sys.stdin:
        kill_at, delay = (
            number(part, kind) for part, kind in zip(request.split(), (int, float), strict=True)
        )
        ready, said = os.pipe()
        sys.stdout.flush()
        pid = os.fork()
        if pid == 0:  # the export's own process: it never returns to the loop
            code = 0
            try:
                os.close(ready)
                export(lead, out, kill_at, said)
            except BaseException:
                traceback.print_exc()
                code = 1
            finally:
                sys.stdout.flush()
                sys.stderr.flush()
                os._exit(code)
        os.close(said)
        started = os.read(ready, 1)  # b"" when it ended before the export began
        began = time.monotonic()
        os.close(ready)
        if delay is not None and started:
            time.sleep(delay)
            os.kill(pid, signal.SIGKILL)  # a process ended but not reaped takes it as nothing
        _, status = os.waitpid(pid, 0)
        sys.stdout.write(f"exit {os.waitstatus_to_exitcode(status)} {time.monotonic() - began}\n")
        sys.stdout.flush()


if __name__ == "__main__":
    main()

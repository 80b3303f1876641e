"""Start one app headless, exit as soon as its first screen is up; run as a fresh process.

python -m tests.bench.support.startup bare|ours DATA_DIR
"""

from __future__ import annotations

import sys
from pathlib import Path


def main() -> None:
    kind, folder = sys.argv[1], sys.argv[2]
    if kind == "bare":
        from textual.app import App, ComposeResult
        from textual.widgets import Footer, Header

        class Bare(App[None]):
            def compose(self) -> ComposeResult:
                yield Header()
                yield Footer()

            def on_mount(self) -> None:
                self.call_after_refresh(self.exit)

        Bare().run(headless=True, size=(80, 24))
        return

    from inspect_tui.loading.campaign import load_campaign
    from inspect_tui.services.session import Session
    from inspect_tui.storage.paths import BUNDLED_CAMPAIGN
    from inspect_tui.tui.app import InspectApp

    class Timed(InspectApp):
        first = "-"

        def on_mount(self) -> None:
            # Textual calls InspectApp.on_mount itself (a handler per class): not again here
            self.call_after_refresh(lambda: self.call_after_refresh(self.done))

        def done(self) -> None:
            self.first = type(self.screen).__name__
            self.exit()

    with Session.open(load_campaign(BUNDLED_CAMPAIGN), Path(folder)) as session:
        app = Timed(session, lang="zh")
        app.run(headless=True, size=(80, 24))
    # a crash is fast: the benchmark must know the first screen really came up
    print(f"started {app.first}")
    sys.exit(app.return_code or 0)


if __name__ == "__main__":
    main()

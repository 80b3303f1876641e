"""Start one app headless, exit as soon as its first screen is up; run as a fresh process.

python -m tests.bench.support.startup bare|ours DATA_DIR
"""

from __future__ import annotations

import sys


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
    from inspect_tui.storage.paths import BUNDLED_CAMPAIGN
    from inspect_tui.storage.store import LocalStore
    from inspect_tui.tui.app import InspectApp

    class Timed(InspectApp):
        def on_mount(self) -> None:
            super().on_mount()
            self.call_after_refresh(lambda: self.call_after_refresh(self.exit))

    with LocalStore(folder) as store:
        app = Timed(campaign=load_campaign(BUNDLED_CAMPAIGN), store=store, lang="zh")
        app.run(headless=True, size=(80, 24))


if __name__ == "__main__":
    main()

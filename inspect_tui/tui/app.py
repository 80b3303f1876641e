"""The Textual app. It shows and asks; the core computes and stores."""

from __future__ import annotations

from typing import ClassVar

from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import Footer, Header, Static

from inspect_tui.core.i18n import Lang
from inspect_tui.core.model import Campaign
from inspect_tui.core.store import LocalStore


class InspectApp(App[None]):
    """Opens on the campaign; the walkthrough screens build on this shell."""

    TITLE = "inspect-tui"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("q", "quit", "退出 Quit", id="quit"),
    ]

    def __init__(self, *, campaign: Campaign, store: LocalStore, lang: Lang) -> None:
        super().__init__()
        self.campaign = campaign
        self.store = store
        self.lang: Lang = lang

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(self._summary(), id="campaign")
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = self.campaign.title.get(self.lang)

    def _summary(self) -> str:
        c, lang = self.campaign, self.lang
        lines = [f"[b]{c.title.get(lang)}[/b]", f"{c.start} – {c.end}", ""]
        for section in c.sections:
            points = sum(i.points for i in section.items if i.scored)
            lines.append(
                f"  {section.title.get(lang)}  {points:g}"
                if points
                else f"  {section.title.get(lang)}"
            )
        lines.append("")
        lines.append("  ".join(f"{tier.name.get(lang)} ≥ {tier.min:g}" for tier in c.tiers))
        return "\n".join(lines)

"""The one object every screen and dialog is given: the open session (campaign, this laptop's
stores and desks), the language shown, and this laptop's role. Screens read it and call its
desks; they never import the App or each other."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from inspect_tui.domain.model import Campaign
from inspect_tui.services.session import Choice, Session
from inspect_tui.words.i18n import Lang

if TYPE_CHECKING:  # the desks load what they need when first asked (docx, numpy, crypto...)
    from inspect_tui.services.lead import LeadDesk
    from inspect_tui.services.office import OfficeDesk
    from inspect_tui.services.team import TeamDesk


@dataclass
class Context:
    session: Session
    lang: Lang
    choice: Choice | None = None
    auto_advance: bool = True

    @property
    def campaign(self) -> Campaign:
        return self.session.campaign

    @property
    def team(self) -> TeamDesk:
        return self.session.team

    @property
    def lead(self) -> LeadDesk:
        return self.session.lead

    @property
    def office(self) -> OfficeDesk:
        return self.session.office

    def team_name(self, team_id: str) -> str:
        """A team as people call it ("第二考核组"), never its id; an id the campaign does not
        know (a file from elsewhere) as it is."""
        if team_id in self.campaign.team_ids:
            return self.campaign.team(team_id).name.get(self.lang)
        return team_id

"""One open data folder with one campaign: what both faces (the app and the command line) work
with. It holds the store, the exports folder and the clock, remembers this laptop's choices
(its role, its team, the language, auto-advance) and hands out the three desks: the team's
(`TeamDesk`), the lead's (`LeadDesk`) and the office's (`OfficeDesk`).

A screen never opens a file or computes a score: it asks a desk. A desk call that writes returns
only once the write has landed, and a refusal is an `InspectError` whose one line says what and
where.
"""

from __future__ import annotations

import contextlib
import tomllib
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from inspect_tui.domain.model import Campaign
from inspect_tui.storage.files import FileRefused, read_regular
from inspect_tui.storage.paths import EXPORTS, EXPORTS_SETTING, exports_folder
from inspect_tui.storage.store import LocalStore
from inspect_tui.words.errors import InspectError, StoreError
from inspect_tui.words.i18n import Lang, parse_lang

if TYPE_CHECKING:  # the desks import this module
    from inspect_tui.services.lead import LeadDesk
    from inspect_tui.services.office import OfficeDesk
    from inspect_tui.services.team import TeamDesk

Role = Literal["team", "lead", "office"]
KEYMAP_FILE = "keymap.toml"
KEYMAP_LIMIT = 1024 * 1024  # a keymap is a few dozen lines
LANG_SETTING = "lang"
ROLE_SETTING = "role"
AUTO_ADVANCE_SETTING = "auto_advance"


@dataclass(frozen=True)
class Choice:
    """What this laptop is for in a campaign: a role and, for a team, which team."""

    role: Role
    team: str | None = None


@dataclass
class Session:
    """`clock` gives local time (what screens show; stamps in files are UTC); `today` fixes
    the date for tests and screenshots."""

    campaign: Campaign
    store: LocalStore
    exports: Path = EXPORTS
    clock: Callable[[], datetime] = datetime.now
    today: str | None = None
    problems: list[InspectError] = field(default_factory=list)

    @classmethod
    def open(cls, campaign: Campaign, folder: Path, **options: Any) -> Session:
        """Open the store in `folder` (taking its lock); the exports folder is the data
        folder's own when it has one (a training sandbox), else the default."""
        store = LocalStore(folder)
        exports = exports_folder(None, store.setting(EXPORTS_SETTING))
        return cls(campaign, store, exports, **options)

    def close(self) -> None:
        self.store.close()

    def __enter__(self) -> Session:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def folder(self) -> Path:
        return self.store.folder

    @property
    def who(self) -> str:
        return self.store.who

    @property
    def damaged(self) -> list[InspectError]:
        """Files of the data folder that could not be read (listed once at start)."""
        return list(self.store.damaged)

    def date(self) -> date:
        return date.fromisoformat(self.today) if self.today else self.clock().date()

    # -- the desks --------------------------------------------------------------------------
    @cached_property
    def team(self) -> TeamDesk:
        from inspect_tui.services.team import TeamDesk

        return TeamDesk(self)

    @cached_property
    def lead(self) -> LeadDesk:
        from inspect_tui.services.lead import LeadDesk

        return LeadDesk(self)

    @cached_property
    def office(self) -> OfficeDesk:
        from inspect_tui.services.office import OfficeDesk

        return OfficeDesk(self)

    # -- this laptop's choices --------------------------------------------------------------
    def choice(self) -> Choice | None:
        """The role chosen for this campaign, None until one is (or when the team it named
        is not in the campaign any more: it is asked again, never guessed)."""
        role = self.store.setting(f"{ROLE_SETTING}:{self.campaign.id}")
        team = self.store.setting(f"team:{self.campaign.id}")
        if role is None and team in self.campaign.team_ids:  # chosen before roles existed
            return Choice("team", team)
        if role == "team":
            return Choice("team", team) if team in self.campaign.team_ids else None
        if role in ("lead", "office"):
            return Choice(role)
        return None

    def choose(self, choice: Choice) -> None:
        """Remember the choice; `StoreError` when settings.json is damaged (the app works on
        and asks again next time)."""
        if choice.role == "team":
            if choice.team not in self.campaign.team_ids:
                raise StoreError("store.not_a_team", team=choice.team or "")
            self.store.set_setting(f"team:{self.campaign.id}", choice.team)
        self.store.set_setting(f"{ROLE_SETTING}:{self.campaign.id}", choice.role)

    def lang(self) -> Lang | None:
        return parse_lang(self.store.setting(LANG_SETTING))

    def set_lang(self, lang: Lang) -> None:
        with contextlib.suppress(StoreError):  # a damaged settings file must not block it
            self.store.set_setting(LANG_SETTING, lang)

    def auto_advance(self) -> bool:
        return self.store.setting(AUTO_ADVANCE_SETTING, True) is not False

    def set_auto_advance(self, on: bool) -> None:
        with contextlib.suppress(StoreError):
            self.store.set_setting(AUTO_ADVANCE_SETTING, on)

    @property
    def keymap_path(self) -> Path:
        return self.folder / KEYMAP_FILE

    def keymap(self) -> dict[str, str]:
        return keymap_at(self.folder)


def keymap_at(folder: Path) -> dict[str, str]:
    """`keymap.toml` in `folder`: `binding_id = "keys"` lines. Unreadable or malformed files are
    ignored (the default keys still work): nothing here may stop the app. A regular file of a
    sane size only: a FIFO here would hang the app."""
    try:
        raw = read_regular(folder / KEYMAP_FILE, limit=KEYMAP_LIMIT).decode("utf-8")
        data = tomllib.loads(raw)
    except (OSError, FileRefused, UnicodeDecodeError, tomllib.TOMLDecodeError, RecursionError):
        return {}
    return {k: v for k, v in data.items() if isinstance(k, str) and isinstance(v, str)}

"""`inspect-tui bundle` and `inspect-tui keys show|new|trust`: thin wrappers over the team's desk
(services/team) and storage/keys."""

from __future__ import annotations

import sys
from pathlib import Path

from inspect_tui.loading.campaign import known_team, load_campaign
from inspect_tui.services.session import Session
from inspect_tui.storage.keys import DeviceKey, keeps_permissions, trust
from inspect_tui.storage.paths import campaign_file, data_folder
from inspect_tui.storage.store import LocalStore
from inspect_tui.words.errors import InspectError
from inspect_tui.words.i18n import Lang, t


def bundle(
    *,
    data: str | None,
    campaign: str | None,
    team: str | None,
    out: str | None,
    lang: Lang,
    with_evidence: bool = False,
) -> int:
    loaded = load_campaign(campaign_file(campaign))
    with Session.open(loaded, data_folder(data)) as session:
        team = team or session.store.setting(f"team:{loaded.id}")
        if not team:
            raise InspectError("bundle.no_team")
        known_team(loaded, team)
        made = session.team.bundle(team, Path(out) if out else None, with_evidence)
    print(t("bundle.written", lang, count=made.visits, file=made.path))
    if made.evidence is not None:
        print(t("bundle.evidence_written", lang, count=made.evidence_files, folder=made.evidence))
    elif with_evidence:
        print(t("bundle.no_evidence", lang))
    for problem in made.left_out:  # the team must know before handing the file over
        print(t("bundle.left_out", lang, problem=problem.line(lang)), file=sys.stderr)
    return 0


def keys_show(*, data: str | None, lang: Lang) -> int:
    """The public key and fingerprint (the key is made on first use), and one note on what
    protects the private key when it is not its owner's alone or the drive keeps no modes."""
    device = DeviceKey(data_folder(data))
    print(t("keys.show", lang, key=device.public, fingerprint=device.fingerprint))
    if (mode := device.exposed()) is not None:
        print(t("keys.too_open_note", lang, path=device.private_path, mode=mode), file=sys.stderr)
    elif not keeps_permissions(device.folder):
        print(t("keys.no_modes", lang, path=device.private_path), file=sys.stderr)
    return 0


def keys_new(*, data: str | None, lang: Lang) -> int:
    """A new key pair where the old one vanished (refused while one exists)."""
    device = DeviceKey(data_folder(data), new=True)
    print(t("keys.made", lang, key=device.public, fingerprint=device.fingerprint))
    return 0


def keys_trust(*, data: str | None, campaign: str | None, team: str, key: str, lang: Lang) -> int:
    loaded = load_campaign(campaign_file(campaign))
    with LocalStore(data_folder(data)) as store:
        print(t("keys.trusted", lang, team=team, fingerprint=trust(loaded, store, team, key)))
    return 0

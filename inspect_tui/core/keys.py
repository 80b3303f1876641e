"""This laptop's signing key, and the keys the lead trusts for each team.

Each data folder holds one Ed25519 key pair, made on first use: `keys/device.key` (PKCS#8 PEM,
readable by its owner only) and `keys/device.pub`. A team lead trusts a device's public key for
a team (`inspect-tui keys trust TEAM KEY`, or `keys = [...]` in the campaign file); a team may
work on two laptops, so a team can have several trusted keys.
"""

from __future__ import annotations

import base64
import hashlib
from pathlib import Path

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from inspect_tui.core.atomic import atomic_write
from inspect_tui.core.errors import StoreError
from inspect_tui.core.model import Campaign
from inspect_tui.core.store import LocalStore

KEY_DIR = "keys"
TRUST_SETTING = "trusted_keys"


def fingerprint(public_key: str) -> str:
    """A short, readable fingerprint of a base64 public key: 'A1B2-C3D4-E5F6'."""
    digest = hashlib.sha256(public_key.encode("ascii")).hexdigest()[:12].upper()
    return "-".join(digest[i : i + 4] for i in range(0, 12, 4))


def encode_public(key: Ed25519PublicKey) -> str:
    raw = key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    return base64.b64encode(raw).decode("ascii")


def decode_public(text: str) -> Ed25519PublicKey | None:
    try:
        raw = base64.b64decode(text.strip(), validate=True)
        return Ed25519PublicKey.from_public_bytes(raw)
    except (ValueError, TypeError):
        return None


def verify(public_key: str, signature: str, message: bytes) -> bool:
    key = decode_public(public_key)
    if key is None:
        return False
    try:
        key.verify(base64.b64decode(signature, validate=True), message)
    except (InvalidSignature, ValueError, TypeError):
        return False
    return True


class DeviceKey:
    """The laptop's key pair in `<data folder>/keys/`, created on first use."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder / KEY_DIR
        self.private_path = self.folder / "device.key"
        self._key = self._load_or_create()

    @property
    def public(self) -> str:
        return encode_public(self._key.public_key())

    @property
    def fingerprint(self) -> str:
        return fingerprint(self.public)

    def sign(self, message: bytes) -> str:
        return base64.b64encode(self._key.sign(message)).decode("ascii")

    def _load_or_create(self) -> Ed25519PrivateKey:
        try:
            data = self.private_path.read_bytes()
        except FileNotFoundError:
            return self._create()
        except OSError as exc:
            raise self._unreadable(exc.strerror) from exc
        try:
            key = serialization.load_pem_private_key(data, password=None)
        except (ValueError, TypeError) as exc:
            raise self._unreadable(str(exc)) from exc
        if not isinstance(key, Ed25519PrivateKey):
            raise self._unreadable("not Ed25519")
        return key

    def _unreadable(self, reason: str | None) -> StoreError:
        return StoreError("keys.unreadable", path=self.private_path, reason=reason or "?")

    def _create(self) -> Ed25519PrivateKey:
        key = Ed25519PrivateKey.generate()
        pem = key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            atomic_write(self.private_path, pem)  # the temp file is 0600 from the start
            public = encode_public(key.public_key()) + "\n"
            atomic_write(self.folder / "device.pub", public.encode("ascii"))
        except OSError as exc:
            raise self._unreadable(exc.strerror) from exc
        return key


def trusted_keys(campaign: Campaign, store: LocalStore) -> dict[str, set[str]]:
    """team id -> public keys trusted for it: the campaign file's, and the lead's own."""
    trusted = {team.id: set(team.keys) for team in campaign.teams}
    for team, keys in (store.setting(TRUST_SETTING) or {}).items():
        if team in trusted and isinstance(keys, list):
            trusted[team].update(k for k in keys if isinstance(k, str))
    return trusted


def trust(campaign: Campaign, store: LocalStore, team: str, public_key: str) -> str:
    """Trust `public_key` for `team`; returns its fingerprint. `StoreError` for an unknown team
    or a string that is not an Ed25519 public key."""
    if team not in campaign.team_ids:
        raise StoreError("keys.unknown_team", team=team, campaign=campaign.id)
    if decode_public(public_key) is None:
        raise StoreError("keys.bad_key", key=public_key[:24])
    saved = dict(store.setting(TRUST_SETTING) or {})
    keys = set(saved.get(team, [])) | {public_key.strip()}
    saved[team] = sorted(keys)
    store.set_setting(TRUST_SETTING, saved)
    return fingerprint(public_key.strip())

"""This laptop's signing key, and the keys the lead trusts for each team.

Each data folder holds one Ed25519 key pair, made on first use: `keys/device.key` (PKCS#8 PEM,
readable by its owner only) and `keys/device.pub`. A team lead trusts a device's public key for
a team (`inspect-tui keys trust TEAM KEY`, or `keys = [...]` in the campaign file); a team may
work on two laptops, so a team can have several trusted keys.

Two refusals guard the key, both one line:
- A private key others can read is not used for signing (as ssh refuses it), where the file
  system keeps permissions at all: a probe file made 0600 in the key folder must read back 0600.
  On Windows and FAT/exFAT mode bits mean nothing; there the user account and whoever can read
  the drive protect the key, and `keys show` says so. On Windows a new private key's ACL is
  also cut down to its owner (`icacls`), so a data folder moved to a shared place (`--data`)
  does not hand the key to everyone who can read that place.
- A key that vanished is not silently replaced: `device.pub` beside it shows a key existed, and
  a new identity (which the lead would refuse) is made only on `inspect-tui keys new`.
"""

from __future__ import annotations

import base64
import contextlib
import hashlib
import os
import stat
import subprocess
from pathlib import Path

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from inspect_tui.domain.model import Campaign
from inspect_tui.storage.atomic import atomic_write
from inspect_tui.storage.files import FileRefused, read_regular
from inspect_tui.storage.store import LocalStore
from inspect_tui.words.errors import StoreError

KEY_DIR = "keys"
PRIVATE_NAME = "device.key"
PUBLIC_NAME = "device.pub"
TRUST_SETTING = "trusted_keys"
_KEY_LIMIT = 64 * 1024  # a PEM key is a few hundred bytes
_OTHERS = 0o077  # group and others: any of these bits and the key is not the owner's alone
_ON_WINDOWS = os.name == "nt"  # one switch, so that the tests can take the Windows branch


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
    """The laptop's key pair in `<data folder>/keys/`: made on first use, or by `new=True`
    (`keys new`) after the key vanished. `StoreError` (one line) for a key that vanished
    (`keys.vanished`), a key that already exists when a new one is asked for (`keys.exists`) or
    one that cannot be read (`keys.unreadable`)."""

    def __init__(self, folder: Path, *, new: bool = False) -> None:
        self.folder = folder / KEY_DIR
        self.private_path = self.folder / PRIVATE_NAME
        self.public_path = self.folder / PUBLIC_NAME
        self._key = self._new() if new else self._load_or_create()

    @property
    def public(self) -> str:
        return encode_public(self._key.public_key())

    @property
    def fingerprint(self) -> str:
        return fingerprint(self.public)

    def sign(self, message: bytes) -> str:
        """The signature of `message`; `StoreError` (`keys.too_open`) while others can read the
        private key on a file system that keeps permissions."""
        if (mode := self.exposed()) is not None:
            raise StoreError("keys.too_open", path=self.private_path, mode=mode)
        return base64.b64encode(self._key.sign(message)).decode("ascii")

    def exposed(self) -> str | None:
        """The private key's mode ('0644') if group or others may read it where permissions
        mean something, else None."""
        try:
            mode = stat.S_IMODE(os.stat(self.private_path).st_mode)
        except OSError:
            return None  # read a moment ago; a key gone since cannot be read by others either
        if mode & _OTHERS and keeps_permissions(self.folder):
            return f"{mode:04o}"
        return None

    def _load_or_create(self) -> Ed25519PrivateKey:
        try:
            data = read_regular(self.private_path, limit=_KEY_LIMIT)
        except FileNotFoundError:
            if self.public_path.exists():  # a key was made here once: not a first use
                raise self._vanished() from None
            return self._create()
        except FileRefused as refused:
            raise StoreError(
                "keys.unreadable", path=self.private_path, reason=refused.reason
            ) from None
        except OSError as exc:
            raise self._unreadable(exc.strerror) from exc
        try:
            key = serialization.load_pem_private_key(data, password=None)
        except (ValueError, TypeError) as exc:
            raise self._unreadable(str(exc)) from exc
        if not isinstance(key, Ed25519PrivateKey):
            raise self._unreadable("not Ed25519")
        return key

    def _new(self) -> Ed25519PrivateKey:
        if not self.private_path.exists():  # a link to a key that is gone is no key either
            return self._create()
        try:
            found = fingerprint(encode_public(self._load_or_create().public_key()))
        except StoreError:  # damaged: still a key file, which a person moves aside on purpose
            found = "?"
        raise StoreError("keys.exists", path=self.private_path, fingerprint=found)

    def _vanished(self) -> StoreError:
        try:
            recorded = fingerprint(self.public_path.read_text(encoding="ascii").strip())
        except (OSError, UnicodeDecodeError):
            recorded = "?"
        return StoreError("keys.vanished", path=self.private_path, fingerprint=recorded)

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
            if _ON_WINDOWS:
                owner_only(self.private_path, os.environ.get("USERNAME", ""))
            public = encode_public(key.public_key()) + "\n"
            atomic_write(self.public_path, public.encode("ascii"))
        except OSError as exc:
            raise self._unreadable(exc.strerror) from exc
        return key


def owner_only_command(path: Path, user: str) -> list[str]:
    """icacls: drop the inherited entries and grant `user` alone full control of `path`."""
    return ["icacls", str(path), "/inheritance:r", "/grant:r", f"{user}:F"]


def owner_only(path: Path, user: str) -> None:
    """Windows: make `path` readable by `user` alone. Best effort: where icacls is missing or
    refuses, the key still sits in the user's own profile, which others cannot read by default."""
    if not user:
        return
    with contextlib.suppress(OSError, subprocess.SubprocessError):
        subprocess.run(owner_only_command(path, user), capture_output=True, timeout=30, check=False)


def keeps_permissions(folder: Path) -> bool:
    """Whether the file system under `folder` keeps POSIX permissions: a probe file made 0600
    reads back 0600. Windows has no such bits, and FAT/exFAT on Linux show every file with the
    mount's mode whatever chmod says (or refuse chmod): there a mode says nothing about who can
    read a key, so it is not held against the key."""
    if os.name != "posix":
        return False
    probe = folder / f".mode-probe.{os.getpid()}"
    try:
        fd = os.open(probe, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        try:
            os.fchmod(fd, 0o600)  # the umask may have taken bits off; put exactly 0600
            return stat.S_IMODE(os.fstat(fd).st_mode) == 0o600
        except PermissionError:  # FAT mounted without `quiet`: chmod itself is refused
            return False
        finally:
            os.close(fd)
            probe.unlink(missing_ok=True)
    except OSError:  # cannot even make a file here: judge the key as a POSIX system would
        return True


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

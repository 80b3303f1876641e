"""Evidence files on an item: what a record of one says, and the one check of a list of them.

A kept file is named by its content (SHA-256), so the record needs no path: the hash finds the
file in a data folder and in the folder written beside a bundle, and the same photo attached
twice is one file. The original name is kept as the team saw it, for people to read; it is text
like any other a file carries (checked on the way in, shown harmlessly on the way out).

Stored form, on an answer row and in a bundle's answer: `"evidence": [{"sha256": 64 lowercase
hex digits, "name": the original file name, "size": bytes}]`, in the order attached, each hash
once; absent (never an empty list) when an item has none.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from inspect_tui.words.errors import AnswerError
from inspect_tui.words.i18n import Msg
from inspect_tui.words.text import check_text

EVIDENCE = "evidence"  # the key on an answer row and on a bundle's answer
# what a phone or a scanner writes; any other suffix is dropped from the kept file's name, so a
# lead double-clicking a file beside a bundle never runs a `.exe` or a `.lnk` a name carried
SAFE_SUFFIXES = frozenset(
    {".jpg", ".jpeg", ".png", ".heic", ".heif", ".pdf", ".tif", ".tiff", ".webp", ".gif", ".bmp"}
)
NAME_LIMIT = 255  # no file system names a file longer; a longer "name" came from no file
SHORT = 8  # hex digits of a hash shown to people (a letter, a toast)
_HEX64 = re.compile(r"[0-9a-f]{64}")
_FIELDS = frozenset({"sha256", "name", "size"})


@dataclass(frozen=True)
class Evidence:
    """One evidence file: its content hash, the name it had where it was picked, its size, and
    the suffix of the kept file (`<sha256><suffix>`; "" when the name's was not a safe one)."""

    sha256: str
    name: str
    size: int
    suffix: str = ""

    @property
    def file_name(self) -> str:
        return f"{self.sha256}{self.suffix}"

    @property
    def short(self) -> str:
        return self.sha256[:SHORT]

    def to_doc(self) -> dict[str, Any]:
        return {"sha256": self.sha256, "name": self.name, "size": self.size}


def safe_suffix(name: str) -> str:
    """The name's suffix in lower case if it is one of `SAFE_SUFFIXES`, else ""."""
    dot = name.rfind(".")
    suffix = name[dot:].lower() if dot > 0 else ""
    return suffix if suffix in SAFE_SUFFIXES else ""


def is_sha256(value: object) -> bool:
    return isinstance(value, str) and _HEX64.fullmatch(value) is not None


def name_problem(name: object) -> Msg | None:
    """Why `name` cannot be an evidence file's name (not text, empty, too long), or None."""
    try:
        check_text(name, "name")
    except AnswerError as error:
        return Msg(error.key, **error.params)
    assert isinstance(name, str)
    if not name.strip() or len(name) > NAME_LIMIT:
        return Msg("evidence.bad_name_length", limit=NAME_LIMIT)
    return None


def evidence_problem(entries: object) -> Msg | None:
    """Why a stored evidence list is not one this program writes, or None: a list of
    `{"sha256", "name", "size"}` objects, nothing else in them, each hash once."""
    if not isinstance(entries, list):
        return Msg("evidence.not_list")
    seen: set[str] = set()
    for entry in entries:
        if not isinstance(entry, dict) or set(entry) != _FIELDS:
            return Msg("evidence.bad_entry")
        sha, size = entry["sha256"], entry["size"]
        if not is_sha256(sha):
            return Msg("evidence.bad_hash", value=sha)
        if (wrong := name_problem(entry["name"])) is not None:
            return Msg("evidence.bad_file_name", name=entry["name"], reason=wrong)
        if type(size) is not int or size < 0:  # `true` is an int to isinstance
            return Msg("evidence.bad_size", value=size)
        if sha in seen:
            return Msg("evidence.twice", sha=sha[:SHORT])
        seen.add(sha)
    return None


def from_docs(entries: Iterable[Mapping[str, Any]]) -> tuple[Evidence, ...]:
    """Records from a checked stored list; the suffix is the one the name gives."""
    return tuple(
        Evidence(e["sha256"], e["name"], e["size"], safe_suffix(e["name"])) for e in entries
    )


def hashes_in(visits: Iterable[Mapping[str, Any]]) -> dict[str, str]:
    """Every evidence hash the visit records (bundle form) hold, each once, with a name it
    had: what `bundle --with-evidence` copies."""
    found: dict[str, str] = {}
    for visit in visits:
        for answer in visit.get("answers", {}).values():
            for entry in answer.get(EVIDENCE, ()):
                found.setdefault(entry["sha256"], entry["name"])
    return found

"""What a folder of wheels installs on a target: the closure of `Requires-Dist`.

pip cannot be asked this for a foreign platform (pip issue 10050, see `targets`), so the kit
answers it itself: start from the app's own requirements, keep those whose markers hold on the
target, take the newest wheel in the folder that fits the target's tags and the specifier, and
follow its requirements (with the extras asked for) until nothing new appears. What has no wheel
is reported as missing, never skipped.
"""

from __future__ import annotations

import zipfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from email.parser import HeaderParser
from pathlib import Path

from packaging.requirements import Requirement
from packaging.specifiers import SpecifierSet
from packaging.tags import Tag
from packaging.utils import NormalizedName, canonicalize_name, parse_wheel_filename
from packaging.version import Version

from kit.targets import Target


@dataclass(frozen=True)
class Wheel:
    """One wheel file: its name, version, tags and requirements (from its METADATA)."""

    path: Path
    name: NormalizedName
    version: Version
    tags: frozenset[Tag]
    requires: tuple[Requirement, ...]
    python: SpecifierSet  # its Requires-Python: a py3 wheel may still refuse 3.11

    def fits(self, target: Target) -> bool:
        if not self.python.contains(f"{target.version}.0", prereleases=True):
            return False
        return not self.tags.isdisjoint(target.tags)


def read_wheel(path: Path) -> Wheel:
    """The wheel at `path`; `ValueError` naming it if its name or METADATA is not a wheel's."""
    name, version, _build, tags = parse_wheel_filename(path.name)
    with zipfile.ZipFile(path) as archive:
        metadata = [
            entry
            for entry in archive.namelist()
            if entry.count("/") == 1 and entry.endswith(".dist-info/METADATA")
        ]
        if len(metadata) != 1:
            raise ValueError(f"{path.name}: no single .dist-info/METADATA")
        text = archive.read(metadata[0]).decode("utf-8")
    headers = HeaderParser().parsestr(text)
    requires = tuple(Requirement(line) for line in headers.get_all("Requires-Dist") or [])
    python = SpecifierSet(headers.get("Requires-Python") or "")
    return Wheel(path, name, version, frozenset(tags), requires, python)


def read_folder(folder: Path) -> list[Wheel]:
    return [read_wheel(path) for path in sorted(folder.glob("*.whl"))]


@dataclass
class Resolution:
    """What a target installs (`chosen`, by name) and what the folder lacks for it."""

    chosen: dict[NormalizedName, Wheel] = field(default_factory=dict)
    missing: list[Requirement] = field(default_factory=list)

    @property
    def complete(self) -> bool:
        return not self.missing

    def files(self) -> list[str]:
        return sorted(wheel.path.name for wheel in self.chosen.values())


def applies(requirement: Requirement, target: Target, extras: Iterable[str]) -> bool:
    """Whether `requirement`'s marker holds on `target`, for any of the extras asked for."""
    if requirement.marker is None:
        return True
    environment = target.markers()
    return any(
        requirement.marker.evaluate({**environment, "extra": extra}) for extra in ("", *extras)
    )


def closure(roots: Iterable[Requirement], wheels: list[Wheel], target: Target) -> Resolution:
    """Every wheel `roots` need on `target`, from `wheels`; what none provides is `missing`."""
    result = Resolution()
    done: set[tuple[NormalizedName, frozenset[str]]] = set()
    queue: list[tuple[Requirement, frozenset[str]]] = [(root, frozenset()) for root in roots]
    while queue:
        requirement, asked = queue.pop(0)
        if not applies(requirement, target, asked):
            continue
        name = canonicalize_name(requirement.name)
        extras = frozenset(requirement.extras)
        chosen = result.chosen.get(name)
        if chosen is None:
            candidates = [
                wheel
                for wheel in wheels
                if wheel.name == name
                and wheel.fits(target)
                and requirement.specifier.contains(wheel.version, prereleases=True)
            ]
            if not candidates:
                result.missing.append(requirement)
                continue
            chosen = max(candidates, key=lambda wheel: wheel.version)
            result.chosen[name] = chosen
        elif not requirement.specifier.contains(chosen.version, prereleases=True):
            result.missing.append(requirement)  # two requirements the folder cannot both meet
            continue
        if (name, extras) not in done:
            done.add((name, extras))
            queue.extend((needed, extras) for needed in chosen.requires)
    return result

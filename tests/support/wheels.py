"""Wheel files with just enough inside (METADATA, Requires-Dist, Requires-Python), for the
offline kit's resolver and builder tests."""

from __future__ import annotations

import zipfile
from pathlib import Path


def wheel(folder: Path, filename: str, *requires: str, python: str = "") -> Path:
    """A wheel file with just enough inside: its METADATA and Requires-Dist lines."""
    name, version = filename.split("-")[:2]
    lines = ["Metadata-Version: 2.1", f"Name: {name}", f"Version: {version}"]
    lines += [f"Requires-Python: {python}"] if python else []
    lines += [f"Requires-Dist: {line}" for line in requires]
    path = folder / filename
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr(f"{name}-{version}.dist-info/METADATA", "\n".join(lines) + "\n")
    return path

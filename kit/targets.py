"""The platforms a kit carries, and what each one's environment markers say.

`pip download --platform X --python-version Y` evaluates environment markers for the machine it
runs on, not for X (pip issue 10050): built on Linux, a Windows kit would silently lack qrcode's
`colorama; sys_platform == "win32"`. So each target states the marker environment of the machine
it is for, and `wheels.closure` evaluates every `Requires-Dist` in it.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from packaging.tags import Tag, compatible_tags, cpython_tags

from kit.install import System

OLDEST_GLIBC = 28  # Kylin V10 and UOS 20 ship glibc 2.28: no wheel may need a newer one
OLDEST_PYTHON = (3, 11)  # the project's requires-python
MACHINES = {"windows": ("x86_64",), "linux": ("x86_64", "aarch64")}


@dataclass(frozen=True)
class Target:
    """One operating system, processor and CPython minor version the kit installs on."""

    os: str  # "windows" or "linux"
    machine: str  # "x86_64" or "aarch64"
    python: tuple[int, int]

    @property
    def name(self) -> str:
        """`linux-x86_64-cp311`: how the kit's manifest and messages name the target."""
        return f"{self.os}-{self.machine}-cp{self.python[0]}{self.python[1]}"

    @property
    def version(self) -> str:
        return f"{self.python[0]}.{self.python[1]}"

    @property
    def abi(self) -> str:
        return f"cp{self.python[0]}{self.python[1]}"

    def platforms(self) -> list[str]:
        """The platform tags a wheel may carry to run here, most specific first."""
        if self.os == "windows":
            return ["win_amd64"]
        glibcs = [f"manylinux_2_{minor}_{self.machine}" for minor in range(OLDEST_GLIBC, 16, -1)]
        return [*glibcs, f"manylinux2014_{self.machine}"]

    @cached_property
    def tags(self) -> frozenset[Tag]:
        """Every wheel tag this target accepts (cpXY, abi3 and pure Python ones)."""
        platforms = self.platforms()
        return frozenset(
            [
                *cpython_tags(self.python, [self.abi], platforms),
                *compatible_tags(self.python, self.abi, platforms),
            ]
        )

    def markers(self) -> dict[str, str]:
        """The environment PEP 508 markers are evaluated in on this target."""
        full = f"{self.version}.0"
        common = {
            "python_version": self.version,
            "python_full_version": full,
            "implementation_name": "cpython",
            "implementation_version": full,
            "platform_python_implementation": "CPython",
            "platform_version": "",
            "platform_release": "",
        }
        if self.os == "windows":
            system = {
                "os_name": "nt",
                "sys_platform": "win32",
                "platform_system": "Windows",
                "platform_machine": "AMD64",
            }
        else:
            system = {
                "os_name": "posix",
                "sys_platform": "linux",
                "platform_system": "Linux",
                "platform_machine": self.machine,
            }
        return {**common, **system}


def targets(pythons: list[tuple[int, int]]) -> list[Target]:
    """Every operating system and processor, for each of `pythons`."""
    return [
        Target(os, machine, python)
        for python in pythons
        for os, machines in MACHINES.items()
        for machine in machines
    ]


def this_machine() -> Target | None:
    """The target this Python runs on (as the installer reads a laptop), if the kit carries
    such a target at all."""
    system = System.here()
    if system.machine not in MACHINES.get(system.os, ()):
        return None
    return Target(system.os, system.machine, system.python)

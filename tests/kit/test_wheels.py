"""Each target's dependency set is the closure of Requires-Dist under the target's own markers
(pip issue 10050), and what the folder lacks is reported, never skipped."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from packaging.requirements import Requirement

from kit.targets import Target, targets
from kit.wheels import closure, read_folder, read_wheel
from tests.support.wheels import wheel

WINDOWS = Target("windows", "x86_64", (3, 11))
LINUX = Target("linux", "x86_64", (3, 11))
ARM_312 = Target("linux", "aarch64", (3, 12))


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    wheel(tmp_path, "qrcode-8.2-py3-none-any.whl", 'colorama; sys_platform == "win32"', "pypng")
    wheel(tmp_path, "colorama-0.4.6-py2.py3-none-any.whl")
    wheel(tmp_path, "pypng-0.20220715.0-py3-none-any.whl")
    return tmp_path


def names(resolution) -> set[str]:
    return set(resolution.chosen)


def test_a_windows_only_requirement_is_in_the_windows_set_and_not_in_the_linux_one(folder):
    roots = [Requirement("qrcode>=8")]
    wheels = read_folder(folder)
    assert names(closure(roots, wheels, WINDOWS)) == {"qrcode", "colorama", "pypng"}
    assert names(closure(roots, wheels, LINUX)) == {"qrcode", "pypng"}


def test_a_requirement_the_folder_lacks_is_missing_for_that_target_only(folder):
    (folder / "colorama-0.4.6-py2.py3-none-any.whl").unlink()
    wheels = read_folder(folder)
    windows = closure([Requirement("qrcode")], wheels, WINDOWS)
    assert not windows.complete
    assert [str(r) for r in windows.missing] == ['colorama; sys_platform == "win32"']
    assert closure([Requirement("qrcode")], wheels, LINUX).complete


def test_a_binary_wheel_counts_only_for_its_own_platform_and_python(tmp_path):
    wheel(tmp_path, "orjson-3.13.0-cp311-cp311-win_amd64.whl")
    wheel(tmp_path, "orjson-3.13.0-cp312-cp312-manylinux_2_17_aarch64.manylinux2014_aarch64.whl")
    wheels = read_folder(tmp_path)
    assert closure([Requirement("orjson")], wheels, WINDOWS).files() == [
        "orjson-3.13.0-cp311-cp311-win_amd64.whl"
    ]
    assert not closure([Requirement("orjson")], wheels, LINUX).complete
    assert closure([Requirement("orjson")], wheels, ARM_312).complete


def test_a_wheel_needing_a_newer_glibc_than_kylin_v10_does_not_count(tmp_path):
    wheel(tmp_path, "numpy-2.5.0-cp311-cp311-manylinux_2_34_x86_64.whl")
    assert not closure([Requirement("numpy")], read_folder(tmp_path), LINUX).complete
    wheel(tmp_path, "numpy-2.4.0-cp311-cp311-manylinux_2_28_x86_64.whl")
    chosen = closure([Requirement("numpy")], read_folder(tmp_path), LINUX).chosen["numpy"]
    assert str(chosen.version) == "2.4.0"


def test_an_abi3_wheel_serves_every_newer_python(tmp_path):
    wheel(tmp_path, "cryptography-51.0.1-cp311-abi3-manylinux_2_28_x86_64.whl")
    wheels = read_folder(tmp_path)
    assert closure(
        [Requirement("cryptography")], wheels, Target("linux", "x86_64", (3, 14))
    ).complete


def test_python_version_markers_and_extras_are_the_targets(tmp_path):
    wheel(
        tmp_path,
        "textual-8.2.8-py3-none-any.whl",
        'typing-extensions; python_version < "3.12"',
        'linkify-it-py; extra == "syntax"',
    )
    wheel(tmp_path, "typing_extensions-4.16.0-py3-none-any.whl")
    wheel(tmp_path, "linkify_it_py-2.2.0-py3-none-any.whl")
    wheels = read_folder(tmp_path)
    assert names(closure([Requirement("textual")], wheels, LINUX)) == {
        "textual",
        "typing-extensions",
    }
    assert names(closure([Requirement("textual")], wheels, ARM_312)) == {"textual"}
    with_extra = closure([Requirement("textual[syntax]")], wheels, ARM_312)
    assert names(with_extra) == {"textual", "linkify-it-py"}


def test_the_newest_wheel_meeting_the_specifier_is_chosen_and_a_clash_is_missing(tmp_path):
    wheel(tmp_path, "rich-13.9.0-py3-none-any.whl")
    wheel(tmp_path, "rich-15.0.0-py3-none-any.whl")
    wheels = read_folder(tmp_path)
    assert closure([Requirement("rich<15")], wheels, LINUX).files() == [
        "rich-13.9.0-py3-none-any.whl"
    ]
    clash = closure([Requirement("rich>=15"), Requirement("rich<14")], wheels, LINUX)
    assert [str(r) for r in clash.missing] == ["rich<14"]


def test_a_wheel_without_metadata_is_refused_by_name(tmp_path):
    path = tmp_path / "broken-1.0-py3-none-any.whl"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("broken/__init__.py", "")
    with pytest.raises(ValueError, match=r"broken-1\.0-py3-none-any\.whl"):
        read_wheel(path)


def test_markers_of_each_target_say_what_its_machine_would():
    assert WINDOWS.markers()["sys_platform"] == "win32"
    assert WINDOWS.markers()["platform_system"] == "Windows"
    assert LINUX.markers()["os_name"] == "posix"
    assert ARM_312.markers()["platform_machine"] == "aarch64"
    assert ARM_312.markers()["python_version"] == "3.12"
    assert [t.name for t in targets([(3, 11)])] == [
        "windows-x86_64-cp311",
        "linux-x86_64-cp311",
        "linux-aarch64-cp311",
    ]


def test_linux_targets_accept_no_wheel_newer_than_glibc_2_28():
    platforms = LINUX.platforms()
    assert platforms[0] == "manylinux_2_28_x86_64"
    assert "manylinux_2_29_x86_64" not in platforms
    assert platforms[-1] == "manylinux2014_x86_64"


def test_a_pure_wheel_whose_requires_python_excludes_the_target_is_not_chosen(tmp_path):
    wheel(tmp_path, "foo-1.0-py3-none-any.whl", python=">=3.9")
    wheel(tmp_path, "foo-2.0-py3-none-any.whl", python=">=3.12")
    wheels = read_folder(tmp_path)
    assert closure([Requirement("foo")], wheels, LINUX).files() == ["foo-1.0-py3-none-any.whl"]
    assert closure([Requirement("foo")], wheels, ARM_312).files() == ["foo-2.0-py3-none-any.whl"]

"""`make dist` fetches what pip's own download left out for a foreign target, and fails naming
the target and the requirement when no wheel exists (pip issue 10050)."""

from __future__ import annotations

from pathlib import Path

import pytest

from kit import build
from kit.build import BuildError, gather
from kit.targets import Target
from tests.support.wheels import wheel

WINDOWS = Target("windows", "x86_64", (3, 11))


@pytest.fixture
def app(tmp_path: Path) -> Path:
    (tmp_path / "app").mkdir()
    return wheel(tmp_path / "app", "inspect_tui-0.1.0-py3-none-any.whl", "qrcode>=8")


def test_what_pip_left_out_for_windows_is_fetched_on_its_own(app, tmp_path, monkeypatch):
    asked: list[tuple[list[str], bool]] = []
    folder = tmp_path / "wheels"
    folder.mkdir()

    def pip_download(target, wanted, into, *, deps):
        asked.append((wanted, deps))
        if deps:  # pip evaluated qrcode's marker on this Linux machine: no colorama
            wheel(into, "qrcode-8.2-py3-none-any.whl", 'colorama; sys_platform == "win32"')
        else:
            wheel(into, "colorama-0.4.6-py2.py3-none-any.whl")

    monkeypatch.setattr(build, "download", pip_download)
    resolution = gather(WINDOWS, app, folder)
    assert resolution.complete
    assert set(resolution.chosen) == {"qrcode", "colorama"}
    assert asked[1] == (["colorama"], False)


def test_a_requirement_no_wheel_exists_for_stops_the_build_naming_it(app, tmp_path, monkeypatch):
    folder = tmp_path / "wheels"
    folder.mkdir()

    def pip_download(target, wanted, into, *, deps):
        if deps:
            wheel(into, "qrcode-8.2-py3-none-any.whl", 'colorama; sys_platform == "win32"')

    monkeypatch.setattr(build, "download", pip_download)
    with pytest.raises(BuildError, match=r"windows-x86_64-cp311: no wheel for colorama"):
        gather(WINDOWS, app, folder)


def test_the_search_for_pythons_stops_at_the_first_version_lacking_a_wheel(
    app, tmp_path, monkeypatch
):
    def fake_gather(target, app, folder):
        if target.python >= (3, 13):
            raise BuildError(f"{target.name}: no wheel for orjson")
        return build.Resolution()

    monkeypatch.setattr(build, "gather", fake_gather)
    found = build.resolve(app, tmp_path, None)
    assert sorted({name.rsplit("-", 1)[1] for name in found}) == ["cp311", "cp312"]


def test_python_3_11_itself_must_have_every_wheel(app, tmp_path, monkeypatch):
    def fake_gather(target, app, folder):
        raise BuildError(f"{target.name}: no wheel for numpy")

    monkeypatch.setattr(build, "gather", fake_gather)
    with pytest.raises(BuildError, match="cp311"):
        build.resolve(app, tmp_path, None)

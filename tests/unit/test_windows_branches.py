"""What differs on Windows, run here with the platform faked where the code allows it: the data
folder lock (a byte of `.lock` via msvcrt), the installer's view of that lock, the key file's
ACL, the data folder's place, and output a GBK console cannot encode. What these fakes cannot
show (the real msvcrt, icacls, PowerShell shortcuts) is listed in the README as not run."""

from __future__ import annotations

import io
import json
import os
import sys

import pytest

from inspect_tui.commands.output import guarded_output
from inspect_tui.storage import keys, lock
from inspect_tui.words.errors import StoreLocked
from kit import install
from tests.support.fake_msvcrt import FakeMsvcrt


@pytest.fixture
def msvcrt(monkeypatch) -> FakeMsvcrt:
    fake = FakeMsvcrt()
    monkeypatch.setattr(lock, "_LOCKING", lock._WindowsLocking(fake))
    monkeypatch.setitem(sys.modules, "msvcrt", fake)
    monkeypatch.setattr(install, "WINDOWS", True)
    return fake


def test_the_windows_lock_refuses_the_newcomer_and_names_the_holder(tmp_path, msvcrt):
    holder = lock.FolderLock(tmp_path)
    holder.acquire()
    note = json.loads((tmp_path / ".lock").read_text(encoding="utf-8"))
    assert note["pid"] == os.getpid()
    with pytest.raises(StoreLocked) as refused:
        lock.FolderLock(tmp_path).acquire()
    assert f"pid {os.getpid()}" in refused.value.line("en")
    holder.release()
    newcomer = lock.FolderLock(tmp_path)
    newcomer.acquire()  # released: the next one takes it
    newcomer.release()
    assert msvcrt.held == {}


def test_the_installer_sees_the_running_apps_windows_lock_and_leaves_it_free(tmp_path, msvcrt):
    assert install._WINDOWS_LOCK_OFFSET == lock._WINDOWS_LOCK_OFFSET
    app = lock.FolderLock(tmp_path)
    app.acquire()
    assert install.data_folder_in_use(tmp_path)
    app.release()
    assert not install.data_folder_in_use(tmp_path)
    after = lock.FolderLock(tmp_path)
    after.acquire()  # the installer's probe let go of the byte it tried
    after.release()


def test_a_second_installer_is_refused_on_windows_too(tmp_path, msvcrt):
    with (
        install.install_lock(tmp_path),
        pytest.raises(install.Refused) as caught,
        install.install_lock(tmp_path),
    ):
        pass
    assert caught.value.key == "installing"


def test_a_new_key_on_windows_is_made_readable_by_its_owner_alone(tmp_path, monkeypatch):
    ran: list[list[str]] = []
    monkeypatch.setattr(keys, "_ON_WINDOWS", True)
    monkeypatch.setenv("USERNAME", "李明")
    monkeypatch.setattr(keys.subprocess, "run", lambda command, **kw: ran.append(command))
    key = keys.DeviceKey(tmp_path)
    assert ran == [["icacls", str(key.private_path), "/inheritance:r", "/grant:r", "李明:F"]]
    keys.DeviceKey(tmp_path)  # loading an existing key changes nothing
    assert len(ran) == 1


def test_a_missing_icacls_leaves_the_key_made(tmp_path, monkeypatch):
    def missing(command, **kw):
        raise FileNotFoundError(2, "icacls")

    monkeypatch.setattr(keys, "_ON_WINDOWS", True)
    monkeypatch.setattr(keys.subprocess, "run", missing)
    assert keys.DeviceKey(tmp_path).private_path.is_file()


def test_the_installer_protects_the_data_folder_platformdirs_gives_the_app_on_windows(
    monkeypatch,
):
    from platformdirs import windows

    local = r"C:\Users\li\AppData\Local"
    monkeypatch.setattr(windows, "get_win_folder", lambda name: local)
    app_side = windows.Windows("inspect-tui", appauthor=False).user_data_dir
    layout = install.Layout.for_system("windows", {"LOCALAPPDATA": local}, None, None)
    assert app_side.replace("\\", "/") == str(layout.data).replace("\\", "/")


def test_output_a_gbk_console_cannot_encode_is_replaced_not_a_crash(monkeypatch):
    raw = io.BytesIO()
    gbk = io.TextIOWrapper(raw, encoding="gbk")
    monkeypatch.setattr(sys, "stdout", gbk)
    with guarded_output():
        print("✓ 莎车县 ⋯")
    gbk.flush()
    assert raw.getvalue().decode("gbk") == "? 莎车县 ?\n"

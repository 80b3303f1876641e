"""An internal error inside the app ends as the command line's do: exit 70 (not 0), the traceback
in a crash log of its own in the temp folder, one line on the terminal and no traceback there.

The real console script runs on a pseudo-terminal (the app refuses to start without one), with a
test-only fault: a runner passed to `python -c` replaces the start screen's `on_mount` before
calling `cli.main`. Crash logs never overwrite each other, even two in the same second.
"""

from __future__ import annotations

import fcntl
import os
import pty
import re
import struct
import subprocess
import sys
import tempfile
import termios
import threading
from datetime import UTC, datetime
from pathlib import Path

import pytest

from inspect_tui import crashlog
from inspect_tui.crashlog import PREFIX, CrashLog, write_crash_log

FAULTY = """
import sys
from inspect_tui.tui.screens.roles import RolesScreen as StartScreen

def on_mount(self):
    {body}

StartScreen.on_mount = on_mount
from inspect_tui.cli import main
sys.exit(main(sys.argv[1:]))
"""
RAISE = 'raise RuntimeError("provoked by the test")'
QUIT = "self.app.exit()"
# what a terminal is told besides text: CSI and OSC sequences, and a lone bell
_SEQUENCES = re.compile(r"\x1b\[[0-9;?<>=$]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(\x07|\x1b\\)|\x07")


def run_on_terminal(tmp_path: Path, body: str) -> tuple[int, str, str]:
    """The console script with the start screen's `on_mount` replaced by `body`, on a pseudo
    terminal of 80x24: its exit code, what it wrote to stderr and to the terminal."""
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
    env = {k: v for k, v in os.environ.items() if not k.startswith("INSPECT_TUI_")}
    env.update(
        INSPECT_TUI_DATA=str(tmp_path / "data"),
        TMPDIR=str(tmp_path / "tmp"),
        TERM="xterm-256color",
        PYTHONIOENCODING="utf-8",
    )
    (tmp_path / "tmp").mkdir(exist_ok=True)
    process = subprocess.Popen(
        [sys.executable, "-c", FAULTY.format(body=body), "--lang", "en"],
        stdin=slave,
        stdout=slave,
        stderr=subprocess.PIPE,
        env=env,
        cwd=tmp_path,
    )
    os.close(slave)
    shown: list[bytes] = []

    def drain() -> None:  # the terminal's buffer is small: read it while the app runs
        while True:
            try:
                chunk = os.read(master, 4096)
            except OSError:  # the other end closed
                return
            if not chunk:
                return
            shown.append(chunk)

    reader = threading.Thread(target=drain)
    reader.start()
    assert process.stderr is not None
    err = process.stderr.read().decode("utf-8")
    code = process.wait()
    reader.join()
    os.close(master)
    return code, err, b"".join(shown).decode("utf-8", "replace")


def logs(tmp_path: Path) -> list[Path]:
    return sorted((tmp_path / "tmp").glob(f"{PREFIX}*.log"))


def test_an_internal_error_in_the_app_exits_70_with_one_line_and_a_log(tmp_path: Path) -> None:
    code, err, terminal = run_on_terminal(tmp_path, RAISE)
    assert code == 70
    said = _SEQUENCES.sub("", err)  # the terminal's own set-up and reset, then our words
    assert said.count("\n") == 1 and said.endswith("\n"), said
    (log,) = logs(tmp_path)
    assert said.startswith("internal error: the app stopped unexpectedly")
    assert str(log) in said
    assert "Traceback" not in err + terminal and "provoked by the test" not in err + terminal
    text = log.read_text(encoding="utf-8")
    assert "RuntimeError" in text and "provoked by the test" in text
    assert "\x1b" not in text  # a log for reading, not colour codes


def test_a_normal_exit_is_0_and_leaves_no_log(tmp_path: Path) -> None:
    code, err, _ = run_on_terminal(tmp_path, QUIT)
    assert code == 0
    assert _SEQUENCES.sub("", err) == ""
    assert logs(tmp_path) == []


class _Frozen(datetime):
    @classmethod
    def now(cls, tz: object = None) -> _Frozen:  # type: ignore[override]
        return cls(2012, 7, 5, 10, 30, 0, tzinfo=UTC)


@pytest.fixture
def same_second(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Logs go to `tmp_path`, and every one is made in the same second."""
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    monkeypatch.setattr(crashlog, "datetime", _Frozen)
    return tmp_path


def test_two_crashes_in_one_second_make_two_logs(same_second: Path) -> None:
    made = []
    for n in range(2):
        try:
            raise ValueError(f"crash {n}")
        except ValueError:
            made.append(write_crash_log())
    first, second = made
    assert first != second and first.name.startswith(f"{PREFIX}20120705T103000-")
    assert "crash 0" in first.read_text(encoding="utf-8")
    assert "crash 1" in second.read_text(encoding="utf-8")
    streams = [CrashLog(), CrashLog()]
    for n, stream in enumerate(streams):
        stream.write(f"app crash {n}\n")
        stream.close()  # once written, closing is quiet (it flushed a closed file before)
    paths = [stream.path for stream in streams]
    assert None not in paths and len(set(paths + made)) == 4
    assert [p.read_text(encoding="utf-8") for p in paths if p] == ["app crash 0\n", "app crash 1\n"]


def test_the_apps_crash_log_is_made_only_when_written(same_second: Path) -> None:
    stream = CrashLog()
    stream.flush()
    stream.close()
    assert stream.path is None
    assert list(same_second.glob(f"{PREFIX}*")) == []

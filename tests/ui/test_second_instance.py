"""Starting the agent app twice: the second says so in one line and exits 1.

Two real processes of ``screenpop run`` (the Qt front end, offscreen) for the
same user: the second finds the first's notify socket (the single-instance
lock) and must tell the agent "already running", not log a traceback.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

READY = "ready (window)"


def start(config: Path, env: dict[str, str], log: Path) -> subprocess.Popen[bytes]:
    with log.open("wb") as err:  # the child keeps its own copy of the descriptor
        return subprocess.Popen(
            [sys.executable, "-m", "screenpop", "-v", "run", "--config", str(config)],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=err,
        )


@pytest.mark.slow
def test_a_second_gui_instance_says_already_running_in_one_line(tmp_path: Path) -> None:
    config = tmp_path / "screenpop.toml"
    config.write_text(
        f'[agent]\nextension = "agent"\n\n[journal]\nlocal = "{tmp_path / "journal.db"}"\n',
        encoding="utf-8",
    )
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    first_log = tmp_path / "first.log"
    first = start(config, env, first_log)
    try:
        deadline = time.monotonic() + 60
        while READY not in first_log.read_text(errors="replace"):
            assert first.poll() is None, first_log.read_text(errors="replace")
            assert time.monotonic() < deadline, "the first instance never became ready"
            time.sleep(0.1)
        second = subprocess.run(
            [sys.executable, "-m", "screenpop", "run", "--config", str(config)],
            env=env,
            capture_output=True,
            timeout=60,
        )
        err = second.stderr.decode(errors="replace")
        assert second.returncode == 1, err
        assert "Traceback" not in err
        lines = [line for line in err.splitlines() if line.strip()]
        assert len(lines) == 1, err
        assert "already running" in lines[0]
        assert second.stdout == b""
        assert first.poll() is None  # the first one runs on, untouched
    finally:
        first.terminate()
        first.wait(20)

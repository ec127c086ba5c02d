"""The pop must not take keyboard focus: checked on a real X server.

The offscreen platform activates every window it shows (it has no notion of
"does not accept focus"), so this runs ``focus_probe.py`` under ``xvfb-run``
with the xcb platform and openbox as the window manager (Debian ``openbox``).
"""

from __future__ import annotations

import os
import subprocess
import sys

from tests.peers import need_program

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def test_pop_does_not_steal_focus_on_a_real_display() -> None:
    xvfb = need_program("xvfb-run")
    need_program("openbox")
    env = dict(os.environ, QT_QPA_PLATFORM="xcb", PYTHONPATH=ROOT)
    result = subprocess.run(
        [xvfb, "-a", sys.executable, "-m", "tests.ui.focus_probe"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "pop visible=True" in result.stdout

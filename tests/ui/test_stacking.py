"""The wrap-up dialog opens in front of the always-on-top pop: checked on a real X
server with a real window manager (offscreen has no stacking to check)."""

from __future__ import annotations

import os
import subprocess
import sys

from tests.peers import need_program

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def test_wrapup_dialog_is_in_front_of_the_pop_on_a_real_display() -> None:
    xvfb = need_program("xvfb-run")
    need_program("openbox")
    need_program("xprop")
    env = dict(os.environ, QT_QPA_PLATFORM="xcb", PYTHONPATH=ROOT)
    result = subprocess.run(
        [xvfb, "-a", sys.executable, "-m", "tests.ui.stacking_probe"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=90,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "dialog active=True" in result.stdout

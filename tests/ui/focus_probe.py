"""Run under a real X server (xcb): does a pop steal the agent's keyboard focus?

Started by ``test_focus.py`` through ``xvfb-run``; the offscreen platform
activates every window it shows, so only a real display can answer, and only
with a window manager (bare X focuses nothing by itself, so a pop that asks
to be activated would go unnoticed): the probe runs openbox first. Prints
what has focus and exits 0 when the agent's line edit kept it.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import threading
import time

from PySide6.QtCore import QCoreApplication, QEventLoop
from PySide6.QtWidgets import QApplication, QLineEdit

from screenpop.config.schema import Config
from screenpop.phone import normalise


def settle(ms: int) -> None:
    end = time.monotonic() + ms / 1000
    while time.monotonic() < end:
        QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)


def main() -> int:
    openbox = shutil.which("openbox")
    if openbox is None:
        print("openbox is needed as the window manager")
        return 3
    wm = subprocess.Popen([openbox], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        time.sleep(0.5)  # the WM takes over the root window before we map ours
        return probe()
    finally:
        wm.terminate()
        wm.wait(5)


def probe() -> int:
    from screenpop.frontend import CallInfo
    from screenpop.ui.controller import UiController
    from screenpop.ui.signals import QtPopListener
    from tests.ui.conftest import FakeCore

    app = QApplication(sys.argv[:1])
    editor = QLineEdit()
    editor.setWindowTitle("agent's editor")
    editor.show()
    editor.activateWindow()
    editor.setFocus()
    settle(500)
    if QApplication.focusWidget() is not editor:
        print("setup: the editor never got focus", QApplication.focusWidget())
        return 2
    listener = QtPopListener()
    controller = UiController(FakeCore(), Config(), listener, tray_available=False)
    call = CallInfo("c1", normalise("+442920180015", "GB"), "Chloë", "agent", "t", time.time())
    worker = threading.Thread(target=lambda: listener.call_ringing(call))
    worker.start()
    worker.join()
    settle(700)
    shown = controller.pop.isVisible()
    focus = QApplication.focusWidget()
    print(f"pop visible={shown} focus={focus!r} active={QApplication.activeWindow()!r}")
    ok = shown and focus is editor and QApplication.activeWindow() is editor
    controller.close_all()
    del app
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())

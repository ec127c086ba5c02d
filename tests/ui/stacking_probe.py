"""Run under a real X server (xcb) with openbox: is the wrap-up dialog in front of the pop?

Started by ``test_stacking.py`` through ``xvfb-run``. The pop is an
always-on-top tool window; a dialog that is not tied to it opens behind it,
half hidden. The probe ends a call on the pop, clicks "Wrap up", and reads
the window manager's stacking order (``_NET_CLIENT_LIST_STACKING``, bottom to
top) with ``xprop``. Exits 0 when the dialog is above the pop and has the
keyboard focus (the agent types the notes at once), and stays open when the
next call rings.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import time

from PySide6.QtCore import QCoreApplication, QEventLoop, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from screenpop.config.schema import Config
from screenpop.events import CallState
from screenpop.phone import normalise


def settle(ms: int) -> None:
    end = time.monotonic() + ms / 1000
    while time.monotonic() < end:
        QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)


def stacking() -> list[int]:
    """Client windows, bottom to top, as the window manager stacks them."""
    out = subprocess.run(
        ["xprop", "-root", "_NET_CLIENT_LIST_STACKING"],
        capture_output=True,
        text=True,
        timeout=10,
        check=True,
    ).stdout
    _, _, ids = out.partition("#")
    return [int(part.strip(), 16) for part in ids.split(",") if part.strip()]


def main() -> int:
    openbox = shutil.which("openbox")
    if openbox is None or shutil.which("xprop") is None:
        print("openbox and xprop are needed")
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
    from tests.ui.conftest import FakeCore, customer_card

    app = QApplication(sys.argv[:1])
    listener = QtPopListener()
    config = Config.model_validate({"ui": {"linger_s": 60}})
    controller = UiController(FakeCore(), config, listener, tray_available=False)
    pop = controller.pop
    call = CallInfo("c1", normalise("+442920180015", "GB"), "Chloë", "agent", "t", time.time())
    listener.call_ringing(call)
    listener.identified("c1", customer_card(), ())
    listener.call_state("c1", CallState.ANSWERED, False)
    listener.call_state("c1", CallState.ENDED, False)
    settle(800)
    QTest.mouseClick(pop.wrapup_button, Qt.MouseButton.LeftButton)
    settle(800)
    dialog = controller.wrapups.get("c1")
    if dialog is None or not dialog.isVisible():
        print("the wrap-up dialog did not open")
        return 2
    order = stacking()
    pop_id, dialog_id = int(pop.winId()), int(dialog.winId())
    pop_at = order.index(pop_id) if pop_id in order else -1
    dialog_at = order.index(dialog_id) if dialog_id in order else -1
    overlap = pop.geometry().intersects(dialog.geometry())
    active = QApplication.activeWindow() is dialog
    print(
        f"stacking pop={pop_at} dialog={dialog_at} of {len(order)} overlap={overlap} "
        f"dialog active={active} pop={pop.geometry()} dialog={dialog.geometry()}"
    )
    ok = 0 <= pop_at < dialog_at and active
    # A new ring while the wrap-up is open: the pop shows the new call, the
    # dialog stays where the agent is typing.
    listener.call_ringing(CallInfo("c2", normalise("+441614960624", "GB"), "", "agent", "t", 0.0))
    settle(600)
    still = dialog.isVisible() and controller.wrapups.get("c1") is dialog
    print(f"after a new ring: pop call={pop.call_id} dialog open={still}")
    ok = ok and still and pop.call_id == "c2"
    controller.close_all()
    del app
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())

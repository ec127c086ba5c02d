"""Start the Qt front end on a core: ``run_gui(core, config)``.

Creates the QApplication (unless one exists, as under pytest-qt), the
listener adapter and the windows; starts the core with the adapter so events
flow from now on; runs the event loop; stops the core when the app quits.
"""

from __future__ import annotations

import logging
import sys

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QSystemTrayIcon

from screenpop.bridges.notify import AlreadyRunning
from screenpop.config.schema import Config
from screenpop.frontend import Core
from screenpop.memory import settle_memory
from screenpop.ui.controller import UiController
from screenpop.ui.i18n import install_translations
from screenpop.ui.resources import icon, style_sheet
from screenpop.ui.signals import QtPopListener

log = logging.getLogger(__name__)

#: How long a thread holding the GIL runs before another may take it: the
#: interpreter's default (5 ms); benchmarks/burst.py measured the others.
SWITCH_INTERVAL_S = 0.005


def application(locale: str | None = None) -> QApplication:
    """The process's QApplication, created with screenpop's name and style if new.

    With ``locale`` (``agent.locale``; empty = the system's), the UI's
    translations for that locale are installed too: before any window exists,
    so every text is created in the agent's language.
    """
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
    app.setApplicationName("screenpop")
    app.setApplicationDisplayName("screenpop")
    app.setWindowIcon(icon("screenpop"))
    app.setStyleSheet(style_sheet())
    if locale is not None:
        install_translations(locale)
    return app


def run_gui(core: Core, config: Config) -> int:
    """Run the agent app until Quit; returns the process exit code."""
    sys.setswitchinterval(SWITCH_INTERVAL_S)
    app = application(config.agent.locale)
    listener = QtPopListener()
    controller = UiController(
        core, config, listener, tray_available=QSystemTrayIcon.isSystemTrayAvailable()
    )
    app.setLayoutDirection(
        Qt.LayoutDirection.RightToLeft if controller.formats.rtl else Qt.LayoutDirection.LeftToRight
    )
    # With a tray, closing the last window must not end the app; the fallback
    # window quits through its close_requested signal.
    app.setQuitOnLastWindowClosed(False)

    stopped = False

    def stop() -> None:
        nonlocal stopped
        if not stopped:
            stopped = True
            controller.close_all()
            core.stop()

    app.aboutToQuit.connect(stop)
    try:
        core.start(listener)
    except BaseException as exc:
        app.aboutToQuit.disconnect(stop)
        controller.close_all()
        if isinstance(exc, AlreadyRunning):
            # Not a fault: the agent started it twice. The command line says so
            # in one line (exit 1), with no traceback.
            raise
        if not isinstance(exc, Exception):
            raise
        log.exception("the core did not start")
        return 1
    controller.start()
    # The start-up signal (benchmarks/cold_start.py waits for it): logged on the
    # event loop's first turn, once the core runs and the tray or fallback window
    # has been shown.
    resting = "tray" if controller.tray is not None else "window"
    QTimer.singleShot(0, lambda: log.info("ready (%s)", resting))
    QTimer.singleShot(0, settle_memory)  # after "ready": not on the cold-start path
    try:
        code = app.exec()
    finally:
        stop()
        app.aboutToQuit.disconnect(stop)
        controller.deleteLater()
        listener.deleteLater()
    return int(code)

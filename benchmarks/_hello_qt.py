"""The floor of the cold-start benchmark: the least a PySide6 tray app does.

A QApplication, a tray icon when a tray host is there (else a small window),
and the same "ready" line screenpop logs on the event loop's first turn.
benchmarks/cold_start.py runs it with the venv's Python and as a PyInstaller
onedir bundle of its own.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QTimer
from PySide6.QtGui import QColor, QIcon, QPixmap
from PySide6.QtWidgets import QApplication, QLabel, QSystemTrayIcon


def main() -> int:
    app = QApplication(sys.argv[:1])
    app.setQuitOnLastWindowClosed(False)
    pixmap = QPixmap(32, 32)
    pixmap.fill(QColor("#2a7ab0"))
    keep: list[object] = []
    if QSystemTrayIcon.isSystemTrayAvailable():
        tray = QSystemTrayIcon(QIcon(pixmap))
        tray.show()
        keep.append(tray)
        resting = "tray"
    else:
        label = QLabel("hello")
        label.show()
        keep.append(label)
        resting = "window"
    QTimer.singleShot(0, lambda: print(f"ready ({resting})", file=sys.stderr, flush=True))
    return app.exec()


if __name__ == "__main__":
    raise SystemExit(main())

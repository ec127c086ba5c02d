"""The app's resting place: a tray icon, or a small window when there is no tray.

The tray's icon and tooltip say whether every bridge is healthy (a red mark
when one is not, so the agent knows pops may not come); its menu opens the
current card and the recent calls, lists each bridge's health, and quits.
Desktops without a tray host (DESIGN: always handle "no tray available") get
``FallbackWindow`` instead: the recent calls and the health line in one window.
"""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction, QCloseEvent, QIcon
from PySide6.QtWidgets import QMenu, QSystemTrayIcon, QVBoxLayout, QWidget

from screenpop.bridges.base import Health
from screenpop.ui.formatting import Formats
from screenpop.ui.recent import RecentCallsView
from screenpop.ui.resources import icon
from screenpop.ui.widgets import label, set_tone


def health_lines(healths: Mapping[str, Health]) -> list[str]:
    """One line per bridge, e.g. ``baresip: retrying (connection refused)``."""
    lines = []
    for name in sorted(healths):
        health = healths[name]
        detail = f" ({health.detail})" if health.detail else ""
        lines.append(f"{name}: {health.state.value}{detail}")
    return lines or ["no bridges configured"]


def all_good(healths: Mapping[str, Health]) -> bool:
    return all(h.good for h in healths.values())


def health_summary(healths: Mapping[str, Health]) -> str:
    """The one line shown in tooltips and the fallback window."""
    if not healths:
        return "screenpop — no bridges configured"
    if all_good(healths):
        return "screenpop — ready: " + ", ".join(sorted(healths))
    bad = [n for n in sorted(healths) if not healths[n].good]
    return "screenpop — no calls from " + ", ".join(bad)


def health_icon(healths: Mapping[str, Health]) -> QIcon:
    return icon("screenpop" if all_good(healths) else "screenpop-warning")


class Tray(QSystemTrayIcon):
    """Tray icon and menu; actions are signals, the controller decides."""

    open_card = Signal()
    open_recent = Signal()
    quit_requested = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.menu = QMenu()
        self.open_action = QAction("Open current card", self.menu)
        self.open_action.triggered.connect(self.open_card)
        self.recent_action = QAction("Recent calls", self.menu)
        self.recent_action.triggered.connect(self.open_recent)
        self.menu.addAction(self.open_action)
        self.menu.addAction(self.recent_action)
        self.menu.addSeparator()
        self._health_actions: list[QAction] = []
        self._health_anchor = self.menu.addSeparator()
        quit_action = QAction("Quit", self.menu)
        quit_action.triggered.connect(self.quit_requested)
        self.menu.addAction(quit_action)
        self.setContextMenu(self.menu)
        self.activated.connect(self._activated)
        self.set_health({})

    def set_health(self, healths: Mapping[str, Health]) -> None:
        for action in self._health_actions:
            self.menu.removeAction(action)
        self._health_actions = []
        for line in health_lines(healths):
            action = QAction(line, self.menu)
            action.setEnabled(False)
            self.menu.insertAction(self._health_anchor, action)
            self._health_actions.append(action)
        self.setIcon(health_icon(healths))
        self.setToolTip(health_summary(healths))

    def health_texts(self) -> list[str]:
        return [a.text() for a in self._health_actions]

    def _activated(self, reason: QSystemTrayIcon.ActivationReason) -> None:
        if reason == QSystemTrayIcon.ActivationReason.Trigger:
            self.open_card.emit()


class RecentWindow(QWidget):
    """A window around the recent-calls list, with a health line on top.

    With a tray it is opened from the menu and hides on close; as the fallback
    (no tray) it is the app's main window and closing it quits.
    """

    close_requested = Signal()

    def __init__(self, formats: Formats, fallback: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.fallback = fallback
        self.setObjectName("fallback-window" if fallback else "recent-window")
        self.setWindowTitle("screenpop" if fallback else "screenpop — recent calls")
        layout = QVBoxLayout(self)
        self.health = label("", role="health")
        self.health.setObjectName("health")
        layout.addWidget(self.health)
        self.recent = RecentCallsView(formats)
        layout.addWidget(self.recent, 1)
        self.set_health({})
        self.resize(720, 420)

    def set_health(self, healths: Mapping[str, Health]) -> None:
        self.health.setText(health_summary(healths))
        self.health.setToolTip("\n".join(health_lines(healths)))
        set_tone(self.health, "good" if healths and all_good(healths) else "bad")
        self.setWindowIcon(health_icon(healths))

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.fallback:
            self.close_requested.emit()
        super().closeEvent(event)

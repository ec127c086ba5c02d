"""The app's resting place: a tray icon, or a small window when there is no tray.

The tray's icon and tooltip say whether every bridge, every data source and
the journal are healthy (a warning mark when one is not, so the agent knows
pops may not come, sections may stay empty, or calls are only kept until the
journal can write: ``health_view``); its menu opens the current card and the
recent calls, lists each part's health, and quits.
Desktops without a tray host (DESIGN: always handle "no tray available") get
``FallbackWindow`` instead: the recent calls and the health line in one window.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QSize, Signal
from PySide6.QtGui import QAction, QCloseEvent, QGuiApplication, QResizeEvent
from PySide6.QtWidgets import QMenu, QSystemTrayIcon, QVBoxLayout, QWidget

from screenpop.ui.formatting import Formats
from screenpop.ui.health_view import Healths
from screenpop.ui.recent import RecentCallsView
from screenpop.ui.widgets import label, set_tone


class Tray(QSystemTrayIcon):
    """Tray icon and menu; actions are signals, the controller decides."""

    open_card = Signal()
    open_recent = Signal()
    quit_requested = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.menu = QMenu()
        self.open_action = QAction(self.tr("Open current card"), self.menu)
        self.open_action.triggered.connect(self.open_card)
        self.recent_action = QAction(self.tr("Recent calls"), self.menu)
        self.recent_action.triggered.connect(self.open_recent)
        self.menu.addAction(self.open_action)
        self.menu.addAction(self.recent_action)
        self.menu.addSeparator()
        self._health_actions: list[QAction] = []
        self._health_anchor = self.menu.addSeparator()
        quit_action = QAction(self.tr("Quit"), self.menu)
        quit_action.triggered.connect(self.quit_requested)
        self.menu.addAction(quit_action)
        self.setContextMenu(self.menu)
        self.activated.connect(self._activated)
        self.set_health(Healths())

    def set_health(self, healths: Healths) -> None:
        """Each part's line under its kind's heading in the menu; icon and tooltip."""
        for action in self._health_actions:
            self.menu.removeAction(action)
        self._health_actions = []
        # The first heading ("Call bridges:") is what the menu's section says already.
        for line in healths.lines()[1:]:
            action = QAction(line, self.menu)
            action.setEnabled(False)
            self.menu.insertAction(self._health_anchor, action)
            self._health_actions.append(action)
        self.setIcon(healths.icon())
        self.setToolTip(healths.summary() + "\n" + healths.tooltip())

    def health_texts(self) -> list[str]:
        return [a.text() for a in self._health_actions]

    def _activated(self, reason: QSystemTrayIcon.ActivationReason) -> None:
        if reason == QSystemTrayIcon.ActivationReason.Trigger:
            self.open_card.emit()


DEFAULT_WIDTH = 880
DEFAULT_HEIGHT = 440


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
        self.setWindowTitle("screenpop" if fallback else self.tr("screenpop — recent calls"))
        layout = self._layout = QVBoxLayout(self)
        self.health = label("", role="health")
        self.health.setObjectName("health")
        self.health.setWordWrap(True)
        layout.addWidget(self.health)
        self.recent = RecentCallsView(formats)
        self.recent.rows_shown.connect(self.fit_width)
        layout.addWidget(self.recent, 1)
        self.set_health(Healths())
        self._sized = QSize(DEFAULT_WIDTH, DEFAULT_HEIGHT)
        self._agent_sized = False
        self.resize(self._sized)

    def fit_width(self) -> None:
        """Wide enough for every column of the list, within the screen, unless the
        agent sized the window themselves."""
        if self._agent_sized:
            return
        margins = self._layout.contentsMargins()
        wanted = self.recent.wanted_width() + margins.left() + margins.right()
        screen = self.screen() or QGuiApplication.primaryScreen()
        width = min(max(self.width(), wanted), screen.availableGeometry().width())
        if width != self.width():
            self._sized = QSize(width, self.height())
            self.resize(self._sized)

    def resizeEvent(self, event: QResizeEvent) -> None:
        if event.spontaneous() and event.size() != self._sized and self.isVisible():
            self._agent_sized = True  # dragged by the agent: theirs from now on
        super().resizeEvent(event)

    def set_health(self, healths: Healths) -> None:
        self.health.setText(healths.summary())
        self.health.setToolTip(healths.tooltip())
        set_tone(self.health, "good" if healths.good else "bad")
        self.setWindowIcon(healths.icon())

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.fallback:
            self.close_requested.emit()
        super().closeEvent(event)

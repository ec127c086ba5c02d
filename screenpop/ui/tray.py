"""The app's resting place: a tray icon, or a small window when there is no tray.

The tray's icon and tooltip say whether every bridge and every data source
is healthy (a red mark when one is not, so the agent knows pops may not come
or sections may stay empty); its menu opens the current card and the recent
calls, lists each bridge's and each source's health, and quits.
Desktops without a tray host (DESIGN: always handle "no tray available") get
``FallbackWindow`` instead: the recent calls and the health line in one window.
"""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtGui import QAction, QCloseEvent, QIcon
from PySide6.QtWidgets import QMenu, QSystemTrayIcon, QVBoxLayout, QWidget

from screenpop.health import Health, HealthState
from screenpop.ui.formatting import Formats
from screenpop.ui.recent import RecentCallsView
from screenpop.ui.resources import icon
from screenpop.ui.widgets import label, set_tone


def state_word(state: HealthState) -> str:
    """A bridge's or source's state in the agent's language."""
    words = {
        HealthState.CONNECTING: QCoreApplication.translate("Health", "connecting"),
        HealthState.CONNECTED: QCoreApplication.translate("Health", "connected"),
        HealthState.LISTENING: QCoreApplication.translate("Health", "listening"),
        HealthState.RETRYING: QCoreApplication.translate("Health", "retrying"),
        HealthState.FAILED: QCoreApplication.translate("Health", "failed"),
    }
    return words.get(state, str(state))


def _lines(healths: Mapping[str, Health]) -> list[str]:
    lines = []
    for name in sorted(healths):
        health = healths[name]
        # The detail is the bridge's or source's own error text: shown as it came.
        detail = f" ({health.detail})" if health.detail else ""
        lines.append(f"{name}: {state_word(health.state)}{detail}")
    return lines


def health_lines(healths: Mapping[str, Health]) -> list[str]:
    """One line per bridge, e.g. ``baresip: retrying (connection refused)``."""
    return _lines(healths) or [QCoreApplication.translate("Health", "no bridges configured")]


def source_lines(sources: Mapping[str, Health]) -> list[str]:
    """One line per source's circuit breaker, e.g. ``credit: failed (timed out)``."""
    return _lines(sources)


def all_good(healths: Mapping[str, Health]) -> bool:
    return all(h.good for h in healths.values())


def health_summary(
    healths: Mapping[str, Health], sources: Mapping[str, Health] | None = None
) -> str:
    """The one line shown in tooltips and the fallback window."""
    if not healths:
        line = QCoreApplication.translate("Health", "screenpop — no bridges configured")
    elif all_good(healths):
        line = QCoreApplication.translate("Health", "screenpop — ready: %1").replace(
            "%1", ", ".join(sorted(healths))
        )
    else:
        bad = [n for n in sorted(healths) if not healths[n].good]
        line = QCoreApplication.translate("Health", "screenpop — no calls from %1").replace(
            "%1", ", ".join(bad)
        )
    failing = [n for n in sorted(sources or {}) if not (sources or {})[n].good]
    if failing:
        line += " · " + QCoreApplication.translate("Health", "sources failing: %1").replace(
            "%1", ", ".join(failing)
        )
    return line


def everything_good(healths: Mapping[str, Health], sources: Mapping[str, Health]) -> bool:
    return bool(healths) and all_good(healths) and all_good(sources)


def health_icon(
    healths: Mapping[str, Health], sources: Mapping[str, Health] | None = None
) -> QIcon:
    good = all_good(healths) and all_good(sources or {})
    return icon("screenpop" if good else "screenpop-warning")


def health_tooltip(healths: Mapping[str, Health], sources: Mapping[str, Health]) -> str:
    """Every bridge, then every source, one per line, under a heading each."""
    parts = [QCoreApplication.translate("Health", "Call bridges:"), *health_lines(healths)]
    if sources:
        parts += [QCoreApplication.translate("Health", "Data sources:"), *source_lines(sources)]
    return "\n".join(parts)


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
        self.set_health({})

    def set_health(
        self, healths: Mapping[str, Health], sources: Mapping[str, Health] | None = None
    ) -> None:
        """Bridges' lines, then (under their heading) the sources' lines, in the menu."""
        sources = sources or {}
        for action in self._health_actions:
            self.menu.removeAction(action)
        self._health_actions = []
        lines = health_lines(healths)
        if sources:
            heading = QCoreApplication.translate("Health", "Data sources:")
            lines += [heading, *source_lines(sources)]
        for line in lines:
            action = QAction(line, self.menu)
            action.setEnabled(False)
            self.menu.insertAction(self._health_anchor, action)
            self._health_actions.append(action)
        self.setIcon(health_icon(healths, sources))
        self.setToolTip(health_summary(healths, sources))

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
        self.setWindowTitle("screenpop" if fallback else self.tr("screenpop — recent calls"))
        layout = QVBoxLayout(self)
        self.health = label("", role="health")
        self.health.setObjectName("health")
        layout.addWidget(self.health)
        self.recent = RecentCallsView(formats)
        layout.addWidget(self.recent, 1)
        self.set_health({})
        self.resize(720, 420)

    def set_health(
        self, healths: Mapping[str, Health], sources: Mapping[str, Health] | None = None
    ) -> None:
        sources = sources or {}
        self.health.setText(health_summary(healths, sources))
        self.health.setToolTip(health_tooltip(healths, sources))
        set_tone(self.health, "good" if everything_good(healths, sources) else "bad")
        self.setWindowIcon(health_icon(healths, sources))

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.fallback:
            self.close_requested.emit()
        super().closeEvent(event)

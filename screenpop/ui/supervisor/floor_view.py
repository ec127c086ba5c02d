"""The Live floor tab: every agent of the login's teams with what they are doing now, and the
missed calls nobody has called back yet.

Snapshots are pushed by the session's LISTEN thread (``FloorSnapshot``); this
view only shows them. "How long" is counted from the server's clock at the
snapshot plus the time since it arrived, and repainted once a second by a
clock tick (the only timer here: the database is never polled).
"""

from __future__ import annotations

import time
from datetime import datetime

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from screenpop.health import Health, HealthState
from screenpop.journal.floor import FloorCall, FloorSnapshot
from screenpop.ui.formatting import Formats
from screenpop.ui.supervisor.texts import duration, ltr, phase_word, tx, when
from screenpop.ui.widgets import label, set_tone


def _table(name: str, headers: list[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setObjectName(name)
    table.setHorizontalHeaderLabels(headers)
    table.verticalHeader().setVisible(False)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setStretchLastSection(True)
    return table


class FloorView(QWidget):
    """Agents now (one row per active call, or "idle") and missed calls not called back."""

    #: A snapshot is on screen (tests and the latency benchmark wait for it).
    shown = Signal(object)

    def __init__(self, formats: Formats, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.formats = formats
        self.health = label(tx("Connecting to the live floor…"), role="status")
        self.health.setObjectName("floor-health")
        self.agents = _table(
            "floor-agents",
            [tx("Agent"), tx("Team"), tx("Now"), tx("For"), tx("Caller"), tx("Customer")],
        )
        self.missed = _table(
            "floor-missed",
            [tx("Rang"), tx("Agent"), tx("Caller"), tx("Number"), tx("Customer"), tx("Waiting")],
        )
        layout = QVBoxLayout(self)
        layout.addWidget(self.health)
        layout.addWidget(label(tx("Agents now"), role="title"))
        layout.addWidget(self.agents, 3)
        layout.addWidget(label(tx("Missed calls not called back yet"), role="title"))
        layout.addWidget(self.missed, 2)
        self.snapshot: FloorSnapshot | None = None
        self._since: list[tuple[QTableWidgetItem, datetime]] = []
        self._tick = QTimer(self)
        self._tick.setInterval(1000)
        self._tick.timeout.connect(self._update_durations)

    def set_health(self, health: Health) -> None:
        if health.state is HealthState.CONNECTED:
            self.health.setText(tx("Live: updated as calls change."))
            set_tone(self.health, "good")
        elif health.state is HealthState.RETRYING:
            self.health.setText(
                tx("Live floor interrupted, reconnecting: %1").replace("%1", health.detail)
            )
            set_tone(self.health, "bad")
        else:
            self.health.setText(tx("Connecting to the live floor…"))
            set_tone(self.health, "")

    def show_snapshot(self, snapshot: FloorSnapshot) -> None:
        self.snapshot = snapshot
        self._since = []
        by_agent: dict[str, list[FloorCall]] = {}
        for call in snapshot.active:
            by_agent.setdefault(call.agent, []).append(call)
        rows: list[tuple[str, str, str, datetime | None, str, str]] = []
        for team, agent in snapshot.roster:
            calls = by_agent.pop(agent, [])
            if not calls:
                rows.append((agent, team, tx("idle"), None, "", ""))
            for call in calls:
                rows.append(
                    (agent, team, phase_word(call.phase), call.since,
                     call.caller_name or ltr(call.number), call.customer_name or "")
                )  # fmt: skip
        for calls in by_agent.values():  # agents not on the roster (moved team since)
            for call in calls:
                rows.append(
                    (call.agent, call.team, phase_word(call.phase), call.since,
                     call.caller_name or ltr(call.number), call.customer_name or "")
                )  # fmt: skip
        self.agents.setRowCount(len(rows))
        for r, (agent, team, now, since, caller, customer) in enumerate(rows):
            for c, text in enumerate((agent, team, now, "", caller, customer)):
                item = QTableWidgetItem(text)
                self.agents.setItem(r, c, item)
                if c == 3 and since is not None:
                    self._since.append((item, since))
        self.missed.setRowCount(len(snapshot.missed))
        for r, missed in enumerate(snapshot.missed):
            cells = (when(self.formats, missed.ringing_at), missed.agent, missed.caller_name,
                     ltr(missed.number), missed.customer_name or "", "")  # fmt: skip
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                self.missed.setItem(r, c, item)
                if c == 5:
                    self._since.append((item, missed.ringing_at))
        self._update_durations()
        if not self._tick.isActive():
            self._tick.start()
        self.shown.emit(snapshot)

    def _update_durations(self) -> None:
        snapshot = self.snapshot
        if snapshot is None:
            return
        elapsed = time.monotonic() - snapshot.read_at
        for item, since in self._since:
            seconds = (snapshot.at - since).total_seconds() + elapsed
            item.setText(duration(seconds))

    def agent_rows(self) -> list[list[str]]:
        """The agents table as text (tests)."""
        return _texts(self.agents)

    def missed_rows(self) -> list[list[str]]:
        return _texts(self.missed)


def _texts(table: QTableWidget) -> list[list[str]]:
    rows = []
    for r in range(table.rowCount()):
        cells = [table.item(r, c) for c in range(table.columnCount())]
        rows.append([cell.text() if cell is not None else "" for cell in cells])
    return rows

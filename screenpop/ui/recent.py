"""The agent's recent calls: a thin table model and the list with its buttons.

The model only shows ``CallRecord``s (``set_rows`` refills it); what to do with
a row (reopen its card, call back, wrap up) is signalled to whoever owns the
list, so the same widget sits in the tray's window and the fallback window.
"""

from __future__ import annotations

import time

from PySide6.QtCore import (
    QCoreApplication,
    QModelIndex,
    Signal,
    SignalInstance,
)
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from screenpop.frontend import CallRecord
from screenpop.ui.formatting import Formats
from screenpop.ui.widgets import isolate_ltr


def state_word(state: str) -> str:
    """A journal state (``ringing|answered|ended|missed``) in the agent's language."""
    words = {
        "ringing": QCoreApplication.translate("RecentCallsModel", "ringing"),
        "answered": QCoreApplication.translate("RecentCallsModel", "answered"),
        "ended": QCoreApplication.translate("RecentCallsModel", "ended"),
        "missed": QCoreApplication.translate("RecentCallsModel", "missed"),
    }
    return words.get(state, state)


def caller_text(record: CallRecord) -> str:
    number = isolate_ltr(record.e164 or record.number) or QCoreApplication.translate(
        "RecentCallsModel", "withheld"
    )
    return f"{record.caller_name} · {number}" if record.caller_name else number


def state_text(record: CallRecord) -> str:
    if record.answered_elsewhere:
        return QCoreApplication.translate("RecentCallsModel", "answered elsewhere")
    if record.state == "answered" and record.answered_by:
        return QCoreApplication.translate("RecentCallsModel", "answered by %1").replace(
            "%1", record.answered_by
        )
    return state_word(record.state)


class RecentCallsModel(QStandardItemModel):
    """One row per ``CallRecord``, newest first as the core returns them.

    Qt's own item model, filled once per refresh: the view then reads cells
    in C++. A Python ``data()`` was called ~2,000 times per refresh (every
    cell, every role, for sizing and painting), each call taking the GIL
    anew, which under a burst of rings froze the screen (benchmarks/burst.py).
    """

    TIME, CALLER, CUSTOMER, STATE, DISPOSITION = range(5)

    def __init__(self, formats: Formats, parent: QWidget | None = None) -> None:
        super().__init__(0, 5, parent)
        self.setHorizontalHeaderLabels(
            [
                self.tr("Time"),
                self.tr("Caller"),
                self.tr("Customer"),
                self.tr("State"),
                self.tr("Disposition"),
            ]
        )
        self.formats = formats
        self.rows: list[CallRecord] = []

    def set_rows(self, rows: list[CallRecord]) -> None:
        self.rows = list(rows)
        now = time.time()
        self.setRowCount(0)
        for record in self.rows:
            customer = (
                f"{record.customer_name} ({record.customer_id})"
                if record.customer_name
                else record.customer_id or ""
            )
            cells = [
                self.formats.when(record.ringing_at, now),
                caller_text(record),
                customer,
                state_text(record),
                record.disposition or "",
            ]
            items = []
            for text in cells:
                item = QStandardItem(text)
                item.setEditable(False)
                items.append(item)
            self.appendRow(items)

    def record(self, row: int) -> CallRecord | None:
        return self.rows[row] if 0 <= row < len(self.rows) else None


class RecentCallsView(QWidget):
    """The list plus "Open card", "Call back" and "Wrap up" for the selected call."""

    open_requested = Signal(object)
    callback_requested = Signal(object)
    wrapup_requested = Signal(object)
    refresh_requested = Signal()

    def __init__(self, formats: Formats, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = RecentCallsModel(formats, self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.table = QTableView()
        self.table.setObjectName("recent")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.setAlternatingRowColors(True)
        self.table.setShowGrid(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(RecentCallsModel.CUSTOMER, QHeaderView.ResizeMode.Stretch)
        self.table.doubleClicked.connect(self._double_clicked)
        layout.addWidget(self.table, 1)
        buttons = QHBoxLayout()
        self.open_button = QPushButton(self.tr("Open card"))
        self.callback_button = QPushButton(self.tr("Call back"))
        self.wrapup_button = QPushButton(self.tr("Wrap up"))
        self.refresh_button = QPushButton(self.tr("Refresh"))
        for button in (self.open_button, self.callback_button, self.wrapup_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.refresh_button)
        layout.addLayout(buttons)
        self.open_button.clicked.connect(lambda: self._emit_selected(self.open_requested))
        self.callback_button.clicked.connect(lambda: self._emit_selected(self.callback_requested))
        self.wrapup_button.clicked.connect(lambda: self._emit_selected(self.wrapup_requested))
        self.refresh_button.clicked.connect(self.refresh_requested)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self._update_buttons()

    def set_rows(self, rows: list[CallRecord]) -> None:
        selected = self.selected()
        self.model.set_rows(rows)
        if selected is not None:
            for row, record in enumerate(self.model.rows):
                if record.call_id == selected.call_id:
                    self.table.selectRow(row)
                    break
        self._update_buttons()

    def selected(self) -> CallRecord | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.record(rows[0].row()) if rows else None

    def _emit_selected(self, signal: SignalInstance) -> None:
        record = self.selected()
        if record is not None:
            signal.emit(record)

    def _double_clicked(self, index: QModelIndex) -> None:
        record = self.model.record(index.row())
        if record is not None:
            self.open_requested.emit(record)

    def _update_buttons(self) -> None:
        record = self.selected()
        self.open_button.setEnabled(record is not None)
        self.wrapup_button.setEnabled(record is not None)
        self.callback_button.setEnabled(record is not None and bool(record.e164 or record.number))

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
    Qt,
    Signal,
    SignalInstance,
)
from PySide6.QtGui import QResizeEvent, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QStyle,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from screenpop.frontend import CallRecord
from screenpop.phone import normalise
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
    """``Name · +44…``; a withheld number ("anonymous", "restricted"...) says so."""
    raw = record.e164 or record.number
    if not raw or (record.e164 is None and normalise(raw, "GB").withheld):
        number = QCoreApplication.translate("RecentCallsModel", "withheld")
    else:
        number = isolate_ltr(raw)
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


#: Columns sized to their content; the customer column takes what is left.
FITTED_COLUMNS = (
    RecentCallsModel.TIME,
    RecentCallsModel.CALLER,
    RecentCallsModel.STATE,
    RecentCallsModel.DISPOSITION,
)
CUSTOMER_MIN_WIDTH = 200
#: Room around a cell's text and a header's title (and its sort arrow).
CELL_PADDING = 12
HEADER_PADDING = 20


class _Table(QTableView):
    """The list; says when its size changed (the customer column takes the rest)."""

    resized = Signal()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.resized.emit()


class RecentCallsView(QWidget):
    """The list plus "Open card", "Call back" and "Wrap up" for the selected call."""

    open_requested = Signal(object)
    callback_requested = Signal(object)
    wrapup_requested = Signal(object)
    refresh_requested = Signal()
    #: New rows are in and the columns fitted (the window may want to be wider).
    rows_shown = Signal()

    def __init__(self, formats: Formats, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = RecentCallsModel(formats, self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.table = _Table()
        self.table.setObjectName("recent")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.setAlternatingRowColors(True)
        self.table.setShowGrid(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.sectionResized.connect(self._fitted_resized)
        self.table.resized.connect(self._fit_customer)
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
        self.fit_columns()
        self.rows_shown.emit()
        if selected is not None:
            for row, record in enumerate(self.model.rows):
                if record.call_id == selected.call_id:
                    self.table.selectRow(row)
                    break
        self._update_buttons()

    def fit_columns(self) -> None:
        """Every column but the customer as wide as its widest text, in every row
        (not only those in view, as Qt's ResizeToContents measures: it cut the
        time, caller and state to "03…", "+44…", "mis…"); the customer column
        takes the rest. The agent may still drag the columns wider."""
        model = self.model
        cells = self.table.fontMetrics()
        heads = self.table.horizontalHeader().fontMetrics()
        style = self.table.style()
        margin = 2 * (
            style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, self.table) + 1
        )
        for column in FITTED_COLUMNS:
            title = str(model.headerData(column, Qt.Orientation.Horizontal))
            widest = heads.horizontalAdvance(title) + HEADER_PADDING
            for row in range(model.rowCount()):
                item = model.item(row, column)
                if item is not None:
                    widest = max(
                        widest, cells.horizontalAdvance(item.text()) + margin + CELL_PADDING
                    )
            self.table.horizontalHeader().resizeSection(column, widest)
        self._fit_customer()

    def _fitted_resized(self, column: int, _old: int, _new: int) -> None:
        if column != RecentCallsModel.CUSTOMER:
            self._fit_customer()

    def _fit_customer(self) -> None:
        """The customer column takes the room the others leave, and never less than
        ``CUSTOMER_MIN_WIDTH`` (then the list scrolls sideways)."""
        header = self.table.horizontalHeader()
        others = sum(header.sectionSize(c) for c in FITTED_COLUMNS)
        room = self.table.viewport().width() - others
        header.resizeSection(RecentCallsModel.CUSTOMER, max(CUSTOMER_MIN_WIDTH, room))

    def wanted_width(self) -> int:
        """The width that shows every column whole (the window sizes itself by it)."""
        header = self.table.horizontalHeader()
        fitted = sum(header.sectionSize(c) for c in FITTED_COLUMNS)
        scroll = self.table.verticalScrollBar().sizeHint().width()
        return fitted + CUSTOMER_MIN_WIDTH + scroll + 2 * self.table.frameWidth()

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

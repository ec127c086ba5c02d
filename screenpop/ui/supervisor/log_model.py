"""The call log as a thin ``QAbstractTableModel``: rows in, cells out, paging on demand.

Vorta's event log model, on a keyset-paged server: ``set_rows`` resets the
model with a first page, ``append_rows`` adds the next one, and Qt's own
``canFetchMore``/``fetchMore`` (called when the view scrolls near the end)
ask for it through ``more_wanted``. Nothing here touches the database.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from screenpop.journal.calllog import LogRow
from screenpop.ui.formatting import Formats
from screenpop.ui.supervisor.texts import duration, ltr, outcome_word, tx, when

Index = QModelIndex | QPersistentModelIndex

#: (key, sort key on the server or None when the column cannot sort)
COLUMNS: tuple[tuple[str, str | None], ...] = (
    ("time", "time"),
    ("agent", "agent"),
    ("team", "team"),
    ("outcome", "state"),
    ("caller", "caller"),
    ("number", "number"),
    ("customer", "customer"),
    ("disposition", "disposition"),
    ("talk", None),
    ("pop", "pop"),
    ("notes", None),
)
COLUMN = {key: i for i, (key, _sort) in enumerate(COLUMNS)}


def headers() -> list[str]:
    return [
        tx("Time"),
        tx("Agent"),
        tx("Team"),
        tx("Outcome"),
        tx("Caller"),
        tx("Number"),
        tx("Customer"),
        tx("Disposition"),
        tx("Talk"),
        tx("Pop ms"),
        tx("Notes"),
    ]


class CallLogModel(QAbstractTableModel):
    """Rows of ``LogRow``; asks for the next page when the view wants more."""

    more_wanted = Signal()

    def __init__(self, formats: Formats, parent: Any = None) -> None:
        super().__init__(parent)
        self.formats = formats
        self.rows: list[LogRow] = []
        self.more = False
        self.loading = False
        self._headers = headers()

    # ------------------------------------------------------------- feeding --

    def set_rows(self, rows: Sequence[LogRow], more: bool) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.more = more
        self.loading = False
        self.endResetModel()

    def append_rows(self, rows: Sequence[LogRow], more: bool) -> None:
        self.loading = False
        self.more = more
        if rows:
            first = len(self.rows)
            self.beginInsertRows(QModelIndex(), first, first + len(rows) - 1)
            self.rows.extend(rows)
            self.endInsertRows()

    def row_at(self, index: Index) -> LogRow | None:
        return self.rows[index.row()] if index.isValid() and index.row() < len(self.rows) else None

    # ---------------------------------------------------------------- Qt API --

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        return None

    def canFetchMore(self, parent: Index) -> bool:
        return not parent.isValid() and self.more and not self.loading

    def fetchMore(self, parent: Index) -> None:
        if self.canFetchMore(parent):
            self.loading = True
            self.more_wanted.emit()

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = self.row_at(index)
        if row is None:
            return None
        key = COLUMNS[index.column()][0]
        if role == Qt.ItemDataRole.DisplayRole:
            return self.cell(row, key)
        if role == Qt.ItemDataRole.ToolTipRole and key in ("notes", "caller", "customer"):
            return self.cell(row, key) or None
        if role == Qt.ItemDataRole.TextAlignmentRole and key in ("talk", "pop"):
            return int(Qt.AlignmentFlag.AlignTrailing | Qt.AlignmentFlag.AlignVCenter)
        return None

    def cell(self, row: LogRow, key: str) -> str:
        """The text of one cell (plain text: it comes from the telephony side and agents)."""
        if key == "time":
            return when(self.formats, row.ringing_at)
        if key == "outcome":
            return outcome_word(row.outcome)
        if key == "caller":
            return row.caller_name
        if key == "number":
            return ltr(row.e164 or row.number)
        if key == "customer":
            return row.customer_name or ""
        if key == "disposition":
            return row.disposition or ""
        if key == "talk":
            return duration(row.talk_s)
        if key == "pop":
            return (
                ""
                if row.pop_latency_ms is None
                else self.formats.number(round(row.pop_latency_ms, 1))
            )
        if key == "notes":
            return (row.notes or "").replace("\n", " ")
        return str(getattr(row, key))

"""The Calls tab: filters, the paged table, and what is going on ("loading", "no calls").

Every filter change or header click asks the session for a first page (the
database filters and sorts); scrolling near the end asks for the next page
after the last row's key. Each request carries a generation number, so a slow
answer to an older question never overwrites a newer one.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QVBoxLayout, QWidget

from screenpop.journal.calllog import LogQuery, Page
from screenpop.journal.logreads import fetch_page
from screenpop.ui.formatting import Formats
from screenpop.ui.supervisor.filters import FilterBar
from screenpop.ui.supervisor.log_model import COLUMNS, CallLogModel
from screenpop.ui.supervisor.session import SupervisorSession
from screenpop.ui.supervisor.texts import named, tx
from screenpop.ui.widgets import label, set_tone

PAGE = 100


class CallLogView(QWidget):
    """Filter bar over the table; ``detail_wanted(agent, call_id)`` on double-click."""

    detail_wanted = Signal(str, str)
    #: A page arrived and is shown (tests and the benchmark wait for it).
    page_shown = Signal()
    failed = Signal(str)

    def __init__(
        self,
        session: SupervisorSession,
        formats: Formats,
        region: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.filters = FilterBar(region)
        self.model = CallLogModel(formats, self)
        self.table = named(QTableView(), "call-log")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionsClickable(True)
        header.setSortIndicatorShown(True)
        header.setSortIndicator(0, Qt.SortOrder.DescendingOrder)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        header.sectionClicked.connect(self._sort_clicked)
        self.status = label("", role="status")
        self.status.setObjectName("log-status")
        layout = QVBoxLayout(self)
        layout.addWidget(self.filters)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.status)
        self.query: LogQuery | None = None
        self._generation = 0
        self._after: tuple[Any, ...] | None = None
        self.filters.changed.connect(self.load)
        self.model.more_wanted.connect(self._more)
        self.table.doubleClicked.connect(self._double_clicked)

    # ----------------------------------------------------------- requests --

    def load(self, query: LogQuery) -> None:
        """Show the first page of ``query`` (filters and sort from the bar)."""
        self.query = query
        self._generation += 1
        generation = self._generation
        self._say(tx("Loading…"))
        self.session.run(
            lambda conn: fetch_page(conn, query, None, PAGE),
            lambda page: self._first(generation, page),
            lambda message: self._failed(generation, message),
        )

    def reload(self) -> None:
        self.filters.submit()

    def _more(self) -> None:
        query, after, generation = self.query, self._after, self._generation
        if query is None or after is None:
            self.model.loading = False
            return
        self.session.run(
            lambda conn: fetch_page(conn, query, after, PAGE),
            lambda page: self._next(generation, page),
            lambda message: self._failed(generation, message),
        )

    # ------------------------------------------------------------ answers --

    def _first(self, generation: int, page: Page) -> None:
        if generation != self._generation:
            return
        self._after = page.after
        self.model.set_rows(page.rows, page.after is not None)
        self.table.resizeColumnsToContents()
        self._counted()
        self.page_shown.emit()

    def _next(self, generation: int, page: Page) -> None:
        if generation != self._generation:
            return
        self._after = page.after
        self.model.append_rows(page.rows, page.after is not None)
        self._counted()
        self.page_shown.emit()

    def _failed(self, generation: int, message: str) -> None:
        if generation != self._generation:
            return
        self.model.loading = False
        self._say(tx("Could not read the central journal: %1").replace("%1", message), "bad")
        self.failed.emit(message)

    def _counted(self) -> None:
        shown = len(self.model.rows)
        if shown == 0:
            self._say(tx("No calls match these filters."))
        elif self.model.more:
            self._say(tx("%1 calls shown; scroll for more.").replace("%1", str(shown)))
        else:
            self._say(tx("%1 calls.").replace("%1", str(shown)))

    def _say(self, text: str, tone: str = "") -> None:
        self.status.setText(text)
        set_tone(self.status, tone)

    # ------------------------------------------------------------- events --

    def _sort_clicked(self, section: int) -> None:
        key = COLUMNS[section][1]
        header = self.table.horizontalHeader()
        if key is None:  # not sortable on the server: keep the current order
            current = [k for k, _ in COLUMNS].index(
                next(k for k, s in COLUMNS if s == self.filters.sort)
            )
            order = (
                Qt.SortOrder.DescendingOrder
                if self.filters.descending
                else Qt.SortOrder.AscendingOrder
            )
            header.setSortIndicator(current, order)
            return
        if key == self.filters.sort:
            self.filters.descending = not self.filters.descending
        else:
            self.filters.sort, self.filters.descending = key, key in ("time", "pop")
        order = (
            Qt.SortOrder.DescendingOrder if self.filters.descending else Qt.SortOrder.AscendingOrder
        )
        header.setSortIndicator(section, order)
        self.filters.submit()

    def _double_clicked(self, index: QModelIndex) -> None:
        row = self.model.row_at(index)
        if row is not None:
            self.detail_wanted.emit(row.agent, row.call_id)

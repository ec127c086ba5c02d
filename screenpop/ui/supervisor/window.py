"""The supervisor's main window: Calls, Live floor and Figures over one login's session.

Composition only: each tab is its own widget; this window wires them to the
session (the filters of the log are also the figures'), opens call details,
and runs exports. Closing it stops the floor's thread and drops every late
result.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QMainWindow,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from screenpop.journal.calllog import LogQuery, my_teams, roster
from screenpop.journal.logreads import CallDetail, call_detail
from screenpop.journal.supervisor_export import Exported, Format, export_figures
from screenpop.ui.formatting import Formats
from screenpop.ui.supervisor.detail import CallDetailWindow
from screenpop.ui.supervisor.export_dialog import ExportRunner, progress_dialog
from screenpop.ui.supervisor.figures_view import FiguresView
from screenpop.ui.supervisor.floor_view import FloorView
from screenpop.ui.supervisor.log_view import CallLogView
from screenpop.ui.supervisor.session import SupervisorSession
from screenpop.ui.supervisor.texts import named, tx
from screenpop.ui.widgets import label, set_tone


class SupervisorWindow(QMainWindow):
    """Tabs over the central journal as the supervisor's own login."""

    detail_opened = Signal(object)
    exported = Signal(object)
    export_failed = Signal(str)

    def __init__(
        self,
        session: SupervisorSession,
        formats: Formats,
        region: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("supervisor-window")
        self.session = session
        self.formats = formats
        self.setWindowTitle(tx("screenpop — supervisor (%1)").replace("%1", session.where))
        self.log = CallLogView(session, formats, region)
        self.floor = FloorView(formats)
        self.figures = FiguresView(session, formats)
        self.export_csv = named(QPushButton(tx("Export calls (CSV)…")), "export-csv")
        self.export_xlsx = named(QPushButton(tx("Export calls (Excel)…")), "export-xlsx")
        self.message = label("", role="status", wrap=True)
        self.message.setObjectName("window-message")
        calls = QWidget()
        column = QVBoxLayout(calls)
        column.addWidget(self.log, 1)
        row = QHBoxLayout()
        row.addWidget(self.message, 1)
        row.addWidget(self.export_csv)
        row.addWidget(self.export_xlsx)
        column.addLayout(row)
        self.tabs = named(QTabWidget(), "tabs")
        self.tabs.addTab(calls, tx("Calls"))
        self.tabs.addTab(self.floor, tx("Live floor"))
        self.tabs.addTab(self.figures, tx("Figures"))
        self.setCentralWidget(self.tabs)
        self.statusBar().showMessage(tx("Signed in as %1").replace("%1", session.where))
        self.details: list[CallDetailWindow] = []
        self.runner: ExportRunner | None = None

        self.log.detail_wanted.connect(self.open_detail)
        self.log.filters.changed.connect(self.figures.set_query)
        self.tabs.currentChanged.connect(self._tab_changed)
        self.export_csv.clicked.connect(lambda: self._ask_export("csv"))
        self.export_xlsx.clicked.connect(lambda: self._ask_export("xlsx"))
        self.figures.export_wanted.connect(self._ask_figures_export)
        session.floor.snapshot.connect(self.floor.show_snapshot)
        session.floor.health.connect(self.floor.set_health)
        self.resize(1180, 760)

    # ------------------------------------------------------------- start --

    def start(self) -> None:
        """Read the login's teams and roster, the first page, and start the live floor."""
        self.session.run(
            lambda conn: (my_teams(conn), roster(conn)),
            self._teams_known,
            self._say_failed,
        )
        self.log.filters.submit()
        self.session.watch_floor()

    def _teams_known(self, found: tuple[list[str], list[tuple[str, str]]]) -> None:
        teams, members = found
        self.log.filters.set_teams(teams, members)
        if not teams:
            self._say(
                tx("This login supervises no team: the DBA adds it to screenpop.supervisors."),
                "bad",
            )

    def _tab_changed(self, index: int) -> None:
        if self.tabs.widget(index) is self.figures:
            query = self.log.query
            if query is not None and query is not self.figures.query:
                self.figures.query = query
            self.figures.refresh()

    # ----------------------------------------------------------- details --

    def open_detail(self, agent: str, call_id: str) -> None:
        self.session.run(
            lambda conn: call_detail(conn, agent, call_id), self._show_detail, self._say_failed
        )

    def _show_detail(self, detail: CallDetail | None) -> None:
        if detail is None:
            self._say(tx("That call is no longer there."), "bad")
            return
        window = CallDetailWindow(detail, self.formats)
        window.setLayoutDirection(self.layoutDirection())
        self.details.append(window)
        window.show()
        self.detail_opened.emit(window)

    # ----------------------------------------------------------- exports --

    def _ask_export(self, fmt: Format) -> None:
        suffix = "csv" if fmt == "csv" else "xlsx"
        path, _ = QFileDialog.getSaveFileName(
            self, tx("Export calls"), f"calls.{suffix}", f"*.{suffix}"
        )
        if path:
            self.export_log(Path(path), fmt)

    def export_log(self, path: Path, fmt: Format, query: LogQuery | None = None) -> ExportRunner:
        """Export the log's current filters (or ``query``) to ``path`` with a progress bar."""
        query = query or self.log.query or LogQuery()
        runner = ExportRunner(self.session, self)
        self.runner = runner
        self.progress = progress_dialog(self, runner)
        runner.finished.connect(self._exported)
        runner.failed.connect(self._export_failed)
        runner.cancelled.connect(lambda: self._say(tx("Export cancelled; nothing was written.")))
        self._say(tx("Exporting…"))
        runner.start(query, path, fmt)
        return runner

    def _exported(self, done: Exported) -> None:
        self._say(
            tx("Exported %1 calls to %2")
            .replace("%1", str(done.rows))
            .replace("%2", str(done.path)),
            "good",
        )
        self.exported.emit(done)

    def _export_failed(self, message: str) -> None:
        self._say(tx("Export failed: %1").replace("%1", message), "bad")
        self.export_failed.emit(message)

    def _ask_figures_export(self, fmt: str) -> None:
        if self.figures.figures is None:
            return
        suffix = "csv" if fmt == "csv" else "xlsx"
        path, _ = QFileDialog.getSaveFileName(
            self, tx("Export figures"), f"figures.{suffix}", f"*.{suffix}"
        )
        if path:
            self.export_figures(Path(path), "csv" if fmt == "csv" else "xlsx")

    def export_figures(self, path: Path, fmt: Format) -> None:
        figures = self.figures.figures
        if figures is None:
            return
        try:
            done = export_figures(figures, path, fmt)
        except OSError as exc:
            self._export_failed(str(exc.strerror or exc))
            return
        self._exported(done)

    # ------------------------------------------------------------- misc --

    def _say(self, text: str, tone: str = "") -> None:
        self.message.setText(text)
        set_tone(self.message, tone)

    def _say_failed(self, message: str) -> None:
        self._say(tx("Could not read the central journal: %1").replace("%1", message), "bad")

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.runner is not None:
            self.runner.cancel()
            self.runner.wait(5)
        for window in self.details:
            window.close()
        self.session.close()
        super().closeEvent(event)

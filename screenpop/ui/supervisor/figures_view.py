"""The Figures tab: ``journal stats`` for the log's filters, as tiles, a chart and two lists.

The same filters as the call log (the window hands its current query over),
computed by the database in one snapshot (``journal.figures``); exported to
CSV or XLSX with the same columns as ``journal stats --format csv``.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from screenpop.journal.calllog import LogQuery
from screenpop.journal.figures import Figures, compute_figures
from screenpop.journal.stats import GroupStats
from screenpop.ui.formatting import Formats
from screenpop.ui.supervisor.charts import Bar, BarChart
from screenpop.ui.supervisor.session import SupervisorSession
from screenpop.ui.supervisor.texts import duration, named, tx
from screenpop.ui.widgets import Stat, label, set_tone


def _pct(value: float | None) -> str:
    return "—" if value is None else f"{value * 100:.1f} %"


def _secs(value: float | None) -> str:
    return "—" if value is None else duration(value)


def _ms(value: float | None) -> str:
    return "—" if value is None else f"{value:.1f} ms"


class FiguresView(QWidget):
    """Tiles for the period, a stacked chart per day or hour, top dispositions and failures."""

    shown = Signal(object)
    export_wanted = Signal(str)

    def __init__(
        self, session: SupervisorSession, formats: Formats, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.formats = formats
        self.query: LogQuery | None = None
        self.figures: Figures | None = None
        self._generation = 0
        self.bucket = named(QComboBox(), "bucket")
        self.bucket.addItem(tx("per day"), "day")
        self.bucket.addItem(tx("per hour"), "hour")
        self.csv = named(QPushButton(tx("Export figures (CSV)…")), "figures-csv")
        self.xlsx = named(QPushButton(tx("Export figures (Excel)…")), "figures-xlsx")
        self.status = label("", role="status")
        self.status.setObjectName("figures-status")
        bar = QHBoxLayout()
        bar.addWidget(label(tx("Calls"), role="caption"))
        bar.addWidget(self.bucket)
        bar.addStretch(1)
        bar.addWidget(self.csv)
        bar.addWidget(self.xlsx)
        self.tiles = QGridLayout()
        self.chart = BarChart(
            [(tx("answered"), "#2e7d32"), (tx("answered elsewhere"), "#1565c0"),
             (tx("missed"), "#c62828"), (tx("in progress"), "#9e9e9e")]
        )  # fmt: skip
        self.chart.setObjectName("calls-chart")
        self.dispositions = label("", wrap=True)
        self.failing = label("", wrap=True)
        lists = QHBoxLayout()
        for caption, widget in ((tx("Dispositions"), self.dispositions),
                                (tx("Failed sources"), self.failing)):  # fmt: skip
            column = QVBoxLayout()
            column.addWidget(label(caption, role="title"))
            column.addWidget(widget)
            column.addStretch(1)
            lists.addLayout(column, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.status)
        layout.addLayout(self.tiles)
        layout.addWidget(self.chart, 1)
        layout.addLayout(lists)
        self.bucket.currentIndexChanged.connect(lambda _i: self.refresh())
        self.csv.clicked.connect(lambda: self.export_wanted.emit("csv"))
        self.xlsx.clicked.connect(lambda: self.export_wanted.emit("xlsx"))

    def set_query(self, query: LogQuery) -> None:
        self.query = query
        if self.isVisible():
            self.refresh()

    def refresh(self) -> None:
        query = self.query
        if query is None:
            return
        bucket = str(self.bucket.currentData())
        self._generation += 1
        generation = self._generation
        self.status.setText(tx("Loading…"))
        set_tone(self.status, "")
        self.session.run(
            lambda conn: compute_figures(conn, query, bucket),
            lambda figures: self._show(generation, figures),
            lambda message: self._failed(generation, message),
            snapshot=True,
        )

    def _failed(self, generation: int, message: str) -> None:
        if generation == self._generation:
            self.status.setText(tx("Could not read the central journal: %1").replace("%1", message))
            set_tone(self.status, "bad")

    def _show(self, generation: int, figures: Figures) -> None:
        if generation != self._generation:
            return
        self.figures = figures
        self.status.setText("")
        total = figures.total
        while self.tiles.count():
            item = self.tiles.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        tiles = [
            (tx("Offered"), self.formats.number(total.offered)),
            (tx("Answered"), f"{self.formats.number(total.answered)} ({_pct(total.answer_rate)})"),
            (tx("Missed"), f"{self.formats.number(total.missed)} ({_pct(total.missed_rate)})"),
            (tx("Answered elsewhere"), self.formats.number(total.answered_elsewhere)),
            (
                tx("Time to answer p50 / p90"),
                f"{_secs(total.answer_p50_s)} / {_secs(total.answer_p90_s)}",
            ),
            (tx("Talk time p50 / p90"), f"{_secs(total.talk_p50_s)} / {_secs(total.talk_p90_s)}"),
            (tx("Pop latency p50 / p95"), f"{_ms(total.pop_p50_ms)} / {_ms(total.pop_p95_ms)}"),
            (tx("Wrap-up done"), _pct(total.wrapup_rate)),
            (tx("Unknown callers"), self.formats.number(total.unknown_callers)),
            (tx("Several matches"), self.formats.number(total.multi_match)),
            (tx("Calls with failed sections"), self.formats.number(total.failed_calls)),
        ]
        for i, (caption, value) in enumerate(tiles):
            stat = Stat(caption, value)
            stat.setObjectName(f"tile-{i}")
            self.tiles.addWidget(stat, i // 4, i % 4)
        self.chart.set_bars([_bar(group, figures.bucket) for group in figures.series])
        self.dispositions.setText(_top(total.top_dispositions) or tx("none"))
        self.failing.setText(_top(total.top_failed_sections) or tx("none"))
        self.shown.emit(figures)


def _bar(group: GroupStats, bucket: str) -> Bar:
    in_progress = max(0, group.offered - group.answered - group.answered_elsewhere - group.missed)
    label_text = group.group[5:10] if bucket == "day" else group.group[11:16]
    return Bar(label_text, (group.answered, group.answered_elsewhere, group.missed, in_progress))


def _top(items: list[tuple[str, int]]) -> str:
    return "\n".join(f"{name}: {count}" for name, count in items)

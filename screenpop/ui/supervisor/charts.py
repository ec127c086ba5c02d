"""Charts drawn with QPainter: calls per day or hour, stacked by outcome.

Why QPainter and not a chart library (measured, see README): QtCharts needs
``pyside6-addons`` (a wheel of ~170 MB that also brings QtWebEngine's
neighbours) and pyqtgraph adds numpy-based plotting (~1.5 MB wheel, ~8 MB
installed, plus its own start-up cost); one stacked bar chart with an axis
and a legend is ~150 lines here, adds nothing to the bundle, follows the
style sheet's palette and mirrors for right-to-left languages.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFontMetrics, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from screenpop.ui.supervisor.texts import tx


@dataclass(frozen=True, slots=True)
class Bar:
    """One bucket: its label and the stacked counts, in ``BarChart.series`` order."""

    label: str
    values: tuple[int, ...]


class BarChart(QWidget):
    """Stacked bars with a value axis, bucket labels and a legend."""

    def __init__(self, series: Sequence[tuple[str, str]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        #: (legend text, colour) per stacked series, bottom first.
        self.series = list(series)
        self.bars: list[Bar] = []
        self.setMinimumHeight(220)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setAccessibleName(tx("Calls per period"))

    def sizeHint(self) -> QSize:
        return QSize(640, 260)

    def set_bars(self, bars: Sequence[Bar]) -> None:
        self.bars = list(bars)
        summary = ", ".join(f"{b.label}: {sum(b.values)}" for b in self.bars[:50])
        self.setAccessibleDescription(summary)
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        metrics = QFontMetrics(self.font())
        text_colour = self.palette().windowText().color()
        grid_colour = QColor(text_colour)
        grid_colour.setAlpha(40)
        rtl = self.layoutDirection() == Qt.LayoutDirection.RightToLeft
        width, height = self.width(), self.height()
        legend_h = metrics.height() + 8
        label_h = metrics.height() + 6
        top = max(1, max((sum(b.values) for b in self.bars), default=0))
        axis_w = metrics.horizontalAdvance(str(top)) + 10
        plot = QRectF(
            10 if rtl else axis_w, legend_h, width - axis_w - 10, height - legend_h - label_h
        )

        # Legend.
        x = float(width - 10) if rtl else 10.0
        for text, colour in self.series:
            w = metrics.horizontalAdvance(text) + 22
            box_x = x - 12 if rtl else x
            painter.fillRect(QRectF(box_x, 4, 12, 12), QColor(colour))
            painter.setPen(text_colour)
            text_x = x - w if rtl else x + 16
            painter.drawText(
                QRectF(text_x, 0, w - 16, legend_h), Qt.AlignmentFlag.AlignVCenter, text
            )
            x = x - w - 10 if rtl else x + w + 10

        # Value axis with 4 grid lines.
        painter.setPen(QPen(grid_colour, 1))
        for i in range(5):
            y = plot.bottom() - plot.height() * i / 4
            painter.drawLine(int(plot.left()), int(y), int(plot.right()), int(y))
            painter.setPen(text_colour)
            tick = str(round(top * i / 4))
            ax = QRectF(
                plot.right() + 4 if rtl else 0,
                y - metrics.height() / 2,
                axis_w - 6,
                metrics.height(),
            )
            painter.drawText(ax, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, tick)
            painter.setPen(QPen(grid_colour, 1))

        if not self.bars:
            painter.setPen(text_colour)
            painter.drawText(plot, Qt.AlignmentFlag.AlignCenter, tx("No calls in this period."))
            return
        slot = plot.width() / len(self.bars)
        bar_w = max(2.0, slot * 0.7)
        every = max(1, int(len(self.bars) / max(1, plot.width() / 60)))
        for i, bar in enumerate(self.bars):
            position = len(self.bars) - 1 - i if rtl else i
            left = plot.left() + slot * position + (slot - bar_w) / 2
            y = plot.bottom()
            for value, (_text, colour) in zip(bar.values, self.series, strict=False):
                h = plot.height() * value / top
                painter.fillRect(QRectF(left, y - h, bar_w, h), QColor(colour))
                y -= h
            if i % every == 0:
                painter.setPen(text_colour)
                painter.drawText(
                    QRectF(left - slot, plot.bottom() + 2, bar_w + 2 * slot, label_h),
                    Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop,
                    bar.label,
                )

"""Small building blocks shared by the pop's parts: styled labels and stats.

Widgets carry a ``role`` (what the text is: title, value, caption...) and a
``tone`` (what it means: ``bad`` for overdue/hold, ``warn``, ``good``) as
dynamic properties; ``resources/style.qss`` gives them their looks, so colour
means the same thing everywhere and code never hard-codes one.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget


def label(text: str = "", role: str = "", tone: str = "", wrap: bool = False) -> QLabel:
    """A QLabel with plain text (never rich text: data comes from outside)."""
    widget = QLabel(text)
    widget.setTextFormat(Qt.TextFormat.PlainText)
    if role:
        widget.setProperty("role", role)
    if tone:
        widget.setProperty("tone", tone)
    widget.setWordWrap(wrap)
    return widget


def set_tone(widget: QWidget, tone: str) -> None:
    """Change a widget's tone and make the style sheet re-read it.

    Re-polishing is not free (a style change event through the widget's
    children, ~10-25 ms under a burst of rings): only when the tone changed.
    """
    if (widget.property("tone") or "") == tone:
        return
    widget.setProperty("tone", tone)
    style = widget.style()
    style.unpolish(widget)
    style.polish(widget)


class Stat(QWidget):
    """A caption over a figure, e.g. "Overdue" over "£40.00"; ``set`` fills it again."""

    def __init__(self, caption: str = "", value: str = "", tone: str = "", note: str = "") -> None:
        super().__init__()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(1)
        self.caption = label(caption, role="caption")
        self.value = label(value, role="figure", tone=tone)
        layout.addWidget(self.caption)
        layout.addWidget(self.value)
        self.note = label(note, role="note", tone=tone)
        self.note.setVisible(bool(note))
        layout.addWidget(self.note)

    def set(self, caption: str, value: str, tone: str = "", note: str = "") -> None:
        self.caption.setText(caption)
        self.value.setText(value)
        set_tone(self.value, tone)
        self.note.setText(note)
        set_tone(self.note, tone)
        self.note.setVisible(bool(note))


def raise_window(widget: QWidget) -> None:
    """Raise without activating; skipped where the platform cannot (it would warn)."""
    if QGuiApplication.platformName() not in ("offscreen", "minimal"):
        widget.raise_()


def align_for_direction(root: QWidget, rtl: bool) -> None:
    """Make plain labels under ``root`` start at the reading edge of the layout.

    QLabel aligns by the direction of its *text*, so English captions stay
    left-aligned in a right-to-left (he_IL) pop; this aligns them right there.
    """
    if not rtl:
        return
    horizontal = Qt.AlignmentFlag.AlignHorizontal_Mask
    for child in root.findChildren(QLabel):
        if child.alignment() & horizontal == Qt.AlignmentFlag.AlignLeft:
            vertical = child.alignment() & Qt.AlignmentFlag.AlignVertical_Mask
            child.setAlignment(
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignAbsolute | vertical
            )


def isolate_ltr(text: str) -> str:
    """Keep a phone number or code left-to-right inside right-to-left text (``+972…``)."""
    return f"\u2066{text}\u2069" if text else text


def single_shot(owner: QObject, name: str, ms: int, slot: Callable[[], object]) -> QTimer:
    """A named single-shot timer of ``owner`` (restarting it postpones it)."""
    timer = QTimer(owner)
    timer.setObjectName(name)
    timer.setSingleShot(True)
    timer.setInterval(ms)
    timer.timeout.connect(slot)
    return timer

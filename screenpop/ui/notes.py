"""The notes field on the pop, whose drafts reach the core while being typed.

Agents type notes during the call; a crash, a closed pop or the next call must
not lose them. Each pause in typing (``DEBOUNCE_MS``) hands the text to
``draft_ready``; ``flush`` hands it over at once (call replaced, pop closed).
"""

from __future__ import annotations

from collections import OrderedDict

from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QPlainTextEdit, QWidget

#: Pause in typing after which a draft is saved; short enough to lose little.
DEBOUNCE_MS = 600
#: Calls whose notes the pop remembers for their wrap-up (the journal keeps all).
MAX_NOTES = 200


class NotesMemory:
    """The notes typed on the pop per call, the latest ``MAX_NOTES`` calls'."""

    def __init__(self, limit: int = MAX_NOTES) -> None:
        self.limit = limit
        self._notes: OrderedDict[str, str] = OrderedDict()

    def keep(self, call_id: str, text: str) -> None:
        self._notes[call_id] = text
        self._notes.move_to_end(call_id)
        while len(self._notes) > self.limit:
            self._notes.popitem(last=False)

    def get(self, call_id: str, default: str = "") -> str:
        return self._notes.get(call_id, default)

    def __len__(self) -> int:
        return len(self._notes)


class NotesEdit(QPlainTextEdit):
    """Plain-text notes with debounced draft saving."""

    draft_ready = Signal(str)
    #: The agent clicked into the field (the pop may take focus now).
    pressed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("notes")
        self.setPlaceholderText(self.tr("Notes for this call…"))
        self.setTabChangesFocus(True)
        self._timer = QTimer(self)
        self._timer.setObjectName("timer")
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self.flush)
        self._saved = ""
        self.textChanged.connect(self._changed)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        # An override, not an event filter: a filter would run Python for every
        # event of the field (paints too), each taking the GIL from the core.
        self.pressed.emit()
        super().mousePressEvent(event)

    def _changed(self) -> None:
        if self.toPlainText() != self._saved:
            self._timer.start()

    def flush(self) -> None:
        """Hand over the current text now if it changed since the last draft."""
        self._timer.stop()
        text = self.toPlainText()
        if text != self._saved:
            self._saved = text
            self.draft_ready.emit(text)

    def load(self, text: str) -> None:
        """Show ``text`` (a new call's or a reopened call's notes) without saving it."""
        self._timer.stop()
        self._saved = text
        self.blockSignals(True)
        self.setPlainText(text)
        self.blockSignals(False)

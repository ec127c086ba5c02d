"""The wrap-up dialog: disposition and notes for one call, saved to the journal.

Opened only when the agent asks (the pop's "Wrap up" button, the recent-calls
list), never by itself, so it cannot land on top of what the agent is typing.
It is not modal: the next call's pop can still come up while it is open.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from screenpop.frontend import AgentCore
from screenpop.ui.widgets import label, set_tone

log = logging.getLogger(__name__)


class WrapupDialog(QDialog):
    """Disposition (from ``core.dispositions()``) + notes → ``core.save_wrapup``."""

    #: Emitted with the call id once the journal has the wrap-up.
    saved = Signal(str)

    def __init__(
        self,
        core: AgentCore,
        call_id: str,
        notes: str = "",
        disposition: str | None = None,
        title: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.core = core
        self.call_id = call_id
        self.setObjectName("wrapup-dialog")
        self.setWindowTitle(
            self.tr("Wrap up — %1").replace("%1", title) if title else self.tr("Wrap up")
        )
        self.setModal(False)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.disposition = QComboBox()
        self.disposition.setObjectName("disposition")
        # Dispositions are the call centre's own words (config): not translated.
        self.disposition.addItems(list(core.dispositions()))
        if disposition:
            index = self.disposition.findText(disposition)
            if index >= 0:
                self.disposition.setCurrentIndex(index)
        form.addRow(self.tr("Disposition"), self.disposition)
        self.notes = QPlainTextEdit(notes)
        self.notes.setObjectName("wrapup-notes")
        self.notes.setTabChangesFocus(True)
        # Prefilled notes are continued, not typed over at the front.
        self.notes.moveCursor(QTextCursor.MoveOperation.End)
        form.addRow(self.tr("Notes"), self.notes)
        layout.addLayout(form)
        self.error = label("", role="status", wrap=True)
        self.error.hide()
        layout.addWidget(self.error)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        # Our own words: Qt's catalogues do not cover every agent language.
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("Save"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.resize(420, 280)

    def save(self) -> None:
        """Write through the core; on failure say why and keep the dialog open."""
        try:
            self.core.save_wrapup(
                self.call_id, self.disposition.currentText(), self.notes.toPlainText()
            )
        except Exception as exc:  # the journal refused: the agent's text must stay
            log.exception("saving the wrap-up failed")
            self.error.setText(self.tr("Not saved: %1").replace("%1", str(exc)))
            set_tone(self.error, "warn")
            self.error.show()
            return
        self.saved.emit(self.call_id)
        self.accept()

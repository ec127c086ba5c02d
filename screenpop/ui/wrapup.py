"""The wrap-up dialog: disposition and notes for one call, saved to the journal.

Opened only when the agent asks (the pop's "Wrap up" button, the recent-calls
list), never by itself, so it cannot land on top of what the agent is typing.
It is not modal: the next call's pop can still come up while it is open. It
opens in front of the pop it belongs to (a child window of the pop, which the
window manager keeps above its always-on-top parent).

Saving waits for the journal writer (up to seconds on a slow or full disk),
so it runs as a job: the dialog says "Saving…" meanwhile and the screen keeps
answering. It closes once the journal has the wrap-up (``Saved.SAVED``). When
the journal cannot write just now (``Saved.QUEUED``) the wrap-up is kept and
retried by the core, and the dialog says exactly that: never "not saved"
while the write may still land. Only a save the core refused outright says
"Not saved", and keeps the agent's text.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import Qt, QThreadPool, Signal
from PySide6.QtGui import QResizeEvent, QTextCursor
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from screenpop.frontend import AgentCore, Saved
from screenpop.ui.case_panel import CasePanel
from screenpop.ui.jobs import Jobs
from screenpop.ui.placement import keep_on_screen
from screenpop.ui.reason_texts import fill
from screenpop.ui.widgets import label, set_tone

log = logging.getLogger(__name__)


class WrapupDialog(QDialog):
    """Disposition (from ``core.dispositions()``) + notes → ``core.save_wrapup`` (a job)."""

    #: The journal has the wrap-up (call id); the dialog closes.
    saved = Signal(str)
    #: The journal cannot write now; the core keeps the wrap-up and retries (call id).
    queued = Signal(str)

    def __init__(
        self,
        core: AgentCore,
        call_id: str,
        notes: str = "",
        disposition: str | None = None,
        title: str = "",
        parent: QWidget | None = None,
        pool: QThreadPool | None = None,
    ) -> None:
        super().__init__(parent)
        self.core = core
        self.call_id = call_id
        #: Results of a save still running are dropped once the dialog is gone.
        self.jobs = Jobs(self, pool)
        self.saving = False
        self.setObjectName("wrapup-dialog")
        self.setWindowTitle(fill(self.tr("Wrap up — %1"), title) if title else self.tr("Wrap up"))
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
        # Opening a complaint or warranty case (shown when a service desk is configured).
        self.cases = CasePanel(core, call_id, self.jobs)
        layout.addWidget(self.cases)
        self.status = self.error = label("", role="status", wrap=True)
        self.status.setObjectName("wrapup-status")
        self.status.hide()
        layout.addWidget(self.status)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        # Our own words: Qt's catalogues do not cover every agent language.
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setText(self.tr("Save"))
        self.cancel_button = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        self.cancel_button.setText(self.tr("Cancel"))
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.disposition.currentIndexChanged.connect(self._edited)
        self.notes.textChanged.connect(self._edited)
        self.resize(420, 280)

    def resizeEvent(self, event: QResizeEvent) -> None:
        # The case panel appears once loaded and the dialog grows: keep it on screen.
        super().resizeEvent(event)
        if self.isVisible():
            keep_on_screen(self)

    def save(self) -> None:
        """Hand the wrap-up to the core as a job; the result comes back as a signal."""
        if self.saving:
            return
        self.saving = True
        self.save_button.setEnabled(False)
        self._say(self.tr("Saving…"), "")
        call_id, disposition = self.call_id, self.disposition.currentText()
        notes = self.notes.toPlainText()
        self.jobs.start(
            lambda: self.core.save_wrapup(call_id, disposition, notes), self._done, self._failed
        )

    def _done(self, result: object) -> None:
        self.saving = False
        if result == Saved.QUEUED:
            # Kept by the core and retried: the agent's part is done.
            self._say(
                self.tr(
                    "The journal cannot write right now. This wrap-up is kept and will be "
                    "saved as soon as the journal can write again."
                ),
                "warn",
            )
            self.cancel_button.setText(self.tr("Close"))
            self.queued.emit(self.call_id)
            return
        self.saved.emit(self.call_id)
        self.accept()

    def _failed(self, reason: str) -> None:
        """The core refused the wrap-up: say why; the agent's text stays."""
        self.saving = False
        self.save_button.setEnabled(True)
        self._say(fill(self.tr("Not saved: %1"), reason), "warn")

    def _edited(self) -> None:
        """Changed after a queued save: saving again sends the new text."""
        if not self.saving:
            self.save_button.setEnabled(True)

    def _say(self, text: str, tone: str) -> None:
        self.status.setText(text)
        set_tone(self.status, tone)
        self.status.show()

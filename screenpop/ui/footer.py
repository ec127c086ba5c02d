"""The pop's foot: the notes field (hidden once the call is over) and the buttons.

"Wrap up" and "Dismiss" never take focus from what the agent is typing; the
notes field is the one place a click gives the pop the focus (the agent asked).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from screenpop.ui.notes import NotesEdit

NOTES_HEIGHT = 64


class PopFooter(QWidget):
    """Notes over a row of buttons; ``show_notes(False)`` leaves the buttons."""

    def __init__(self, parent: QWidget | None = None, tool: QWidget | None = None) -> None:
        super().__init__(parent)
        # A button of another part beside "Wrap up" (the pop's CRM link).
        self.tool = tool
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        self.notes = NotesEdit()
        self.notes.setFixedHeight(NOTES_HEIGHT)
        # By a click only: a pop activated by the system (some platforms do)
        # must not put the cursor in the notes, which holds it open as typing.
        self.notes.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.notes_box = QWidget()
        self.notes_box.setObjectName("pop-notes")
        notes_layout = QVBoxLayout(self.notes_box)
        notes_layout.setContentsMargins(12, 4, 12, 0)
        notes_layout.addWidget(self.notes)
        column.addWidget(self.notes_box)

        buttons = QWidget()
        buttons.setObjectName("pop-footer")
        row = QHBoxLayout(buttons)
        row.setContentsMargins(12, 8, 12, 10)
        self.wrapup_button = self._button(self.tr("Wrap up"), "wrapup", "primary")
        row.addWidget(self.wrapup_button)
        if tool is not None:
            row.addWidget(tool)
        row.addStretch(1)
        self.dismiss_button = self._button(self.tr("Dismiss"), "dismiss")
        row.addWidget(self.dismiss_button)
        column.addWidget(buttons)

    def show_notes(self, shown: bool) -> None:
        self.notes_box.setVisible(shown)

    @staticmethod
    def _button(text: str, name: str, role: str = "") -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(name)
        if role:
            button.setProperty("role", role)
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        return button

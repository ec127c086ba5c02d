"""Opening a complaint or warranty case from the wrap-up.

The agent picks the product (a completer over what the customer bought: the
card's purchases and, when the sales source has a ``history``, every product
the customer ever bought; any other code may be typed too), a fault category
(the service desk's own list, ``[cases] fault_categories``) and describes the
fault. "Open case" hands it to the core as a job: the GUI never waits for
the journal or the service desk.

The core keeps the case in the journal's case outbox and a writer sends it;
each of the call's cases is listed with where it is: "queued" until the
service desk has it (it may be down: nothing is lost, the case goes when it
answers, even after a restart), then "at the service desk". The core tells
each change (``case_updated``), so the line changes by itself.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QStringListModel, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from screenpop.cases.request import CaseForm, CaseState, CaseTicket
from screenpop.frontend import AgentCore
from screenpop.ui.jobs import Jobs
from screenpop.ui.reason_texts import fill
from screenpop.ui.widgets import label, set_tone

log = logging.getLogger(__name__)

# Between a product's code and its description in the completer.
SEPARATOR = " — "


class CasePanel(QWidget):
    """Product, fault category and text → ``core.open_case``; the call's cases below."""

    def __init__(self, core: AgentCore, call_id: str, jobs: Jobs) -> None:
        super().__init__()
        self.setObjectName("case-panel")
        self.core = core
        self.call_id = call_id
        self.jobs = jobs
        self.form: CaseForm | None = None
        self.opening = False
        # case id -> its line, in the order opened.
        self.lines: dict[str, QLabel] = {}
        self.tickets: dict[str, CaseTicket] = {}
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 6, 0, 0)
        column.addWidget(label(self.tr("Open a case"), role="caption"))
        fields = QFormLayout()
        self.product = QLineEdit()
        self.product.setObjectName("case-product")
        self.product.setPlaceholderText(self.tr("Product code or description"))
        self.completer = QCompleter(self)
        self.completer.setModel(QStringListModel(self))
        self.completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.product.setCompleter(self.completer)
        fields.addRow(self.tr("Product"), self.product)
        self.category = QComboBox()
        self.category.setObjectName("case-category")
        fields.addRow(self.tr("Fault"), self.category)
        self.description = QPlainTextEdit()
        self.description.setObjectName("case-description")
        self.description.setTabChangesFocus(True)
        self.description.setPlaceholderText(self.tr("What is wrong, in the customer's words"))
        self.description.setFixedHeight(60)
        fields.addRow(self.tr("Description"), self.description)
        column.addLayout(fields)
        row = QHBoxLayout()
        self.status = label("", role="status", wrap=True)
        self.status.setObjectName("case-status")
        row.addWidget(self.status, 1)
        self.open_button = QPushButton(self.tr("Open case"))
        self.open_button.setObjectName("open-case")
        self.open_button.clicked.connect(self.open_case)
        row.addWidget(self.open_button)
        column.addLayout(row)
        self.cases = QVBoxLayout()
        self.cases.setSpacing(2)
        column.addLayout(self.cases)
        self.hide()  # until the core says cases can be opened here
        self.jobs.start(lambda: self.core.case_form(call_id), self._loaded, self._not_loaded)

    # ---------------------------------------------------------------- form --

    def _loaded(self, form: object) -> None:
        if not isinstance(form, CaseForm):
            return  # no service desk to write to: no panel
        self.form = form
        # Categories are the service desk's own words (config): not translated.
        self.category.addItems(list(form.categories))
        entries = [f"{code}{SEPARATOR}{text}" if text else code for code, text in form.products]
        model = self.completer.model()
        assert isinstance(model, QStringListModel)
        model.setStringList(entries)
        for ticket in form.tickets:
            self.show_ticket(ticket)
        self.show()

    def _not_loaded(self, reason: str) -> None:
        log.warning("case form for %s not loaded: %s", self.call_id[:40], reason)

    def product_code(self) -> str:
        """The product typed or picked (a completer entry is "CODE — description")."""
        return self.product.text().split(SEPARATOR, 1)[0].strip()

    # -------------------------------------------------------------- opening --

    def open_case(self) -> None:
        """Hand the case to the core as a job; the ticket comes back as a signal."""
        if self.opening or self.form is None:
            return
        product = self.product_code()
        if not product:
            self._say(self.tr("Pick or type the product first."), "warn")
            return
        self.opening = True
        self.open_button.setEnabled(False)
        self._say(self.tr("Opening…"), "")
        call_id, category = self.call_id, self.category.currentText()
        text = self.description.toPlainText()
        self.jobs.start(
            lambda: self.core.open_case(call_id, product, category, text),
            self._opened,
            self._refused,
        )

    def _opened(self, ticket: object) -> None:
        self.opening = False
        self.open_button.setEnabled(True)
        if not isinstance(ticket, CaseTicket):
            return
        self.show_ticket(ticket)
        if ticket.new:
            self.product.clear()
            self.description.clear()
            self._say("", "")
        else:
            self._say(self.tr("This call already has a case for that product."), "warn")

    def _refused(self, reason: str) -> None:
        """The core refused the case: say why; what the agent typed stays."""
        self.opening = False
        self.open_button.setEnabled(True)
        self._say(fill(self.tr("Case not opened: %1"), reason), "warn")

    # --------------------------------------------------------------- states --

    def on_case(self, ticket: CaseTicket) -> None:
        """The core says a case moved on (landed, or failed again)."""
        if ticket.call_id == self.call_id and ticket.case_id in self.lines:
            self.show_ticket(ticket)

    def show_ticket(self, ticket: CaseTicket) -> None:
        self.tickets[ticket.case_id] = ticket
        line = self.lines.get(ticket.case_id)
        if line is None:
            line = label("", role="status", wrap=True)
            line.setObjectName("case-line")
            self.lines[ticket.case_id] = line
            self.cases.addWidget(line)
        if ticket.state is CaseState.LANDED:
            text = self.tr("%1 · %2: at the service desk")
            tone = "good"
        else:
            text = self.tr("%1 · %2: queued, sent as soon as the service desk answers")
            tone = "warn"
        line.setText(text.replace("%1", ticket.case_id).replace("%2", ticket.product))
        line.setToolTip(ticket.error)
        set_tone(line, tone)

    def state_of(self, case_id: str) -> CaseState | None:
        ticket = self.tickets.get(case_id)
        return None if ticket is None else ticket.state

    def _say(self, text: str, tone: str) -> None:
        self.status.setText(text)
        set_tone(self.status, tone)

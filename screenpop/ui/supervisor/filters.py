"""The call log's filter bar: what the supervisor types, checked and turned into a ``LogQuery``.

Dates are the supervisor's local calendar days (from the start of "From" to
the end of "To"); the number is normalised to E.164 with the configured region,
exactly as the engine normalised callers when it journaled them; teams and
agents come from what the login may see (its teams, their roster). Every
value is checked here with a message in the supervisor's language before
anything is asked of the database.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QGridLayout,
    QLineEdit,
    QPushButton,
    QWidget,
)

from screenpop.journal.calllog import MIN_TEXT, LogQuery
from screenpop.journal.search import MAX_TEXT, SearchFilters
from screenpop.phone import normalise
from screenpop.ui.supervisor.texts import named, outcome_word, tx
from screenpop.ui.widgets import label, set_tone

#: The period shown when the window opens: the last week.
DEFAULT_DAYS = 7


def _midnight(day: QDate) -> float:
    """The start of a local calendar day as epoch seconds."""
    return dt.datetime(day.year(), day.month(), day.day()).astimezone().timestamp()


class FilterBar(QWidget):
    """Filters in a grid; ``changed(LogQuery)`` on Apply or Enter, ``invalid(str)`` when wrong."""

    changed = Signal(object)

    def __init__(self, region: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("filters")
        self.region = region
        self.sort = "time"
        self.descending = True
        today = QDate.currentDate()
        self.since = QDateEdit(today.addDays(-(DEFAULT_DAYS - 1)))
        self.until = QDateEdit(today)
        for edit, name in ((self.since, "since"), (self.until, "until")):
            edit.setCalendarPopup(True)
            edit.setObjectName(name)
        self.team = named(QComboBox(), "team")
        self.agent = named(QComboBox(), "agent")
        self.outcome = named(QComboBox(), "outcome")
        self.outcome.addItem(tx("Any outcome"), "")
        for key in ("answered", "missed", "elsewhere", "in_progress"):
            self.outcome.addItem(outcome_word(key), key)
        self.disposition = named(QLineEdit(), "disposition")
        self.customer = named(QLineEdit(), "customer")
        self.number = named(QLineEdit(), "number")
        self.text = named(QLineEdit(), "text")
        self.disposition.setPlaceholderText(tx("e.g. sale"))
        self.customer.setPlaceholderText(tx("customer id"))
        self.number.setPlaceholderText(tx("any format"))
        self.text.setPlaceholderText(tx("in notes and names"))
        self.apply = named(QPushButton(tx("Apply")), "apply")
        self.error = label("", role="status", tone="bad", wrap=True)
        self.error.setObjectName("filter-error")
        self.error.hide()
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        cells = (
            (tx("From"), self.since), (tx("To"), self.until), (tx("Team"), self.team),
            (tx("Agent"), self.agent), (tx("Outcome"), self.outcome),
            (tx("Disposition"), self.disposition), (tx("Customer"), self.customer),
            (tx("Number"), self.number), (tx("Text"), self.text),
        )  # fmt: skip
        for i, (caption, widget) in enumerate(cells):
            row, col = divmod(i, 5)
            grid.addWidget(label(caption, role="caption"), row * 2, col)
            grid.addWidget(widget, row * 2 + 1, col)
        grid.addWidget(self.apply, 3, 4)
        grid.addWidget(self.error, 4, 0, 1, 5)
        self._roster: list[tuple[str, str]] = []
        self.set_teams([], [])
        self.apply.clicked.connect(self.submit)
        for line in (self.disposition, self.customer, self.number, self.text):
            line.returnPressed.connect(self.submit)
        self.team.currentIndexChanged.connect(self._team_changed)

    def set_teams(self, teams: list[str], roster: list[tuple[str, str]]) -> None:
        """The login's teams and their agents (as row-level security shows them)."""
        self._roster = roster
        self.team.blockSignals(True)
        self.team.clear()
        self.team.addItem(tx("All my teams"), "")
        for team in teams:
            self.team.addItem(team, team)
        self.team.blockSignals(False)
        self._team_changed()

    def _team_changed(self) -> None:
        team = self.team.currentData() or ""
        current = self.agent.currentData()
        self.agent.clear()
        self.agent.addItem(tx("All agents"), "")
        for member_team, agent in self._roster:
            if not team or member_team == team:
                self.agent.addItem(agent, agent)
        index = self.agent.findData(current)
        self.agent.setCurrentIndex(max(0, index))

    def query(self) -> LogQuery:
        """The filters as a query; ``ValueError`` with a translated reason when one is wrong."""
        since, until = self.since.date(), self.until.date()
        if until < since:
            raise ValueError(tx("“To” is before “From”."))
        e164 = None
        number = self.number.text().strip()
        if number:
            e164 = normalise(number, self.region).e164
            if e164 is None:
                raise ValueError(tx("“%1” is not a phone number.").replace("%1", number))
        text = self.text.text().strip() or None
        if text is not None and len(text) > MAX_TEXT:
            raise ValueError(tx("The text is too long."))
        if text is not None and len(text) < MIN_TEXT:
            raise ValueError(tx("Type at least 3 characters to search the text."))
        outcome = self.outcome.currentData() or ""
        team, agent = self.team.currentData() or "", self.agent.currentData() or ""
        search = SearchFilters(
            since=_midnight(since),
            until=_midnight(until.addDays(1)),
            customer_id=self.customer.text().strip() or None,
            e164=e164,
            disposition=self.disposition.text().strip() or None,
            text=text,
        )
        return LogQuery(
            search=search,
            teams=(team,) if team else (),
            agents=(agent,) if agent else (),
            outcomes=(outcome,) if outcome else (),
            sort=self.sort,
            descending=self.descending,
        )

    def submit(self) -> None:
        try:
            query = self.query()
        except ValueError as exc:
            self.error.setText(str(exc))
            set_tone(self.error, "bad")
            self.error.show()
            return
        self.error.hide()
        self.changed.emit(query)

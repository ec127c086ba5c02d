"""The pop's header: who is calling and which customer that is.

Four cases from lookup (DESIGN step 3): one customer (name and id), none
("Unknown caller" or "Number withheld" with a search field), several (a
picker; the agent's choice goes back to the core, which remembers it), or
"could not tell" when an identifying source failed (which one and why, in the
agent's language, and the search field): never "Unknown caller" then, since
the caller may well be on file there. The header stays visible when the pop
shrinks at the end of a call.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from screenpop.card import Card, Match
from screenpop.frontend import CallInfo
from screenpop.ui.formatting import Formats
from screenpop.ui.jobs import Jobs
from screenpop.ui.reason_texts import fill, reason_texts
from screenpop.ui.widgets import isolate_ltr, label, set_tone, single_shot

#: "N more ringing" changes at most this often during a burst of rings.
COUNT_DELAY_MS = 250


class SearchField(QLineEdit):
    """The manual-search field; says when the agent clicks into it."""

    pressed = Signal()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self.pressed.emit()
        super().mousePressEvent(event)


#: Item data role holding a match's customer id in the picker and search results.
CUSTOMER_ROLE = Qt.ItemDataRole.UserRole


def caller_line(call: CallInfo | None, card: Card | None) -> str:
    """ "Alice · +44 20 7946 0958" from what the bridge and the parser know."""
    number = card.number if card is not None else (call.number if call else None)
    name = call.caller_name if call is not None else ""
    if number is None:
        shown = ""
    elif number.withheld:
        shown = QCoreApplication.translate("PopHeader", "Number withheld")
    else:
        shown = isolate_ltr(number.e164 or number.received)
    return " · ".join(part for part in (name, shown) if part)


class PopHeader(QFrame):
    """Caller, customer (or search, or picker), state chip, tier badge, close."""

    close_clicked = Signal()
    customer_chosen = Signal(str)
    search_requested = Signal(str)
    search_result_chosen = Signal(str)
    #: Search results (or "none found") are on show: the window may need to grow.
    results_shown = Signal()

    def __init__(self, formats: Formats | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.formats = formats
        #: Bumped for every call shown: a search result for an earlier one is dropped.
        self._generation = 0
        self._searcher: Callable[[str], list[Match]] | None = None
        self._jobs: Jobs | None = None
        self.setObjectName("pop-header")
        outer = QVBoxLayout(self)
        outer.setContentsMargins(16, 10, 10, 12)
        outer.setSpacing(4)

        top = QHBoxLayout()
        top.setSpacing(8)
        self.state = label("", role="chip")
        self.state.setObjectName("call-state")
        top.addWidget(self.state)
        self.waiting = label("", role="chip", tone="ring")
        self.waiting.setObjectName("waiting")
        self.waiting.hide()
        self._waiting_count = 0
        self.count_timer = single_shot(
            self, "count_timer", COUNT_DELAY_MS, self._show_waiting_count
        )
        top.addWidget(self.waiting)
        self.caller = label("", role="caller")
        self.caller.setObjectName("caller")
        top.addWidget(self.caller, 1)
        self.close_button = QToolButton()
        self.close_button.setObjectName("close")
        self.close_button.setText("✕")
        self.close_button.setToolTip(self.tr("Dismiss"))
        self.close_button.setAutoRaise(True)
        self.close_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.close_button.clicked.connect(self.close_clicked)
        top.addWidget(self.close_button)
        outer.addLayout(top)

        name_row = QHBoxLayout()
        name_row.setSpacing(10)
        self.customer = label("", role="customer")
        self.customer.setObjectName("customer")
        name_row.addWidget(self.customer, 1)
        self.tier = label("", role="tier")
        self.tier.setObjectName("tier")
        self.tier.hide()
        name_row.addWidget(self.tier, 0, Qt.AlignmentFlag.AlignVCenter)
        outer.addLayout(name_row)
        self.customer_id = label("", role="subtle", wrap=True)
        self.customer_id.setObjectName("customer-id")
        outer.addWidget(self.customer_id)

        self.picker = QComboBox()
        self.picker.setObjectName("picker")
        self.picker.activated.connect(self._picked)
        self.picker.hide()
        outer.addWidget(self.picker)

        self.search = SearchField()
        self.search.setObjectName("search")
        self.search.setPlaceholderText(self.tr("Search by number, account or name — Enter"))
        self.search.setClearButtonEnabled(True)
        self.search.setFocusPolicy(Qt.FocusPolicy.ClickFocus)  # as the notes: by a click only
        self.search.returnPressed.connect(self._search)
        self.search.hide()
        outer.addWidget(self.search)
        self.results = QListWidget()
        self.results.setObjectName("search-results")
        self.results.setMaximumHeight(110)
        self.results.itemActivated.connect(self._result_chosen)
        self.results.itemClicked.connect(self._result_chosen)
        self.results.hide()
        outer.addWidget(self.results)

    # ---------------------------------------------------------------- state --

    def set_state(self, text: str, tone: str = "") -> None:
        self.state.setText(text)
        set_tone(self.state, tone)

    def set_waiting(self, text: str) -> None:
        """ "3 more ringing" beside the state, or nothing."""
        self.waiting.setText(text)
        self.waiting.setVisible(bool(text))

    def set_waiting_count(self, count: int) -> None:
        """How many calls wait behind the shown one: shown at once when the first
        starts waiting or the last stops; changes in between at most every
        ``COUNT_DELAY_MS`` (each redraw lays out and repaints the header)."""
        self._waiting_count = count
        if bool(count) != self.waiting.isVisibleTo(self):
            self._show_waiting_count()
        elif count and not self.count_timer.isActive():
            self.count_timer.start()

    def _show_waiting_count(self) -> None:
        self.count_timer.stop()
        count = self._waiting_count
        self.set_waiting(self.tr("%Ln more ringing", "", count) if count else "")

    def show_call(self, call: CallInfo) -> None:
        """Ringing, before identification: the caller is all we know."""
        self.caller.setText(caller_line(call, None))
        self.show_looking_up()

    def attach_search(self, search: Callable[[str], list[Match]], jobs: Jobs) -> None:
        """Search with ``search`` (it asks the sources: it runs as one of ``jobs``)."""
        self._searcher, self._jobs = search, jobs
        self.search_requested.connect(self._run_search)

    def show_looking_up(self) -> None:
        self._generation += 1
        self.customer.setText(self.tr("Looking up…"))
        self._set_detail("")
        self.tier.hide()
        self.picker.hide()
        self._hide_search()

    def show_card(self, call: CallInfo | None, card: Card) -> None:
        """Identified: the customer, or the picker, or the search field."""
        self.caller.setText(caller_line(call, card))
        self.picker.hide()
        if card.customer is not None:
            self._hide_search()
            self.customer.setText(card.customer.name or card.customer.customer_id)
            number = card.customer.customer_id
            self._set_detail(self.tr("Customer %1").replace("%1", number))
        elif len(card.matches) > 1:
            self._hide_search()
            count = len(card.matches)
            self.customer.setText(self.tr("%Ln customer(s) share this number", "", count))
            self._set_detail(self.tr("Choose who is calling:"))
        elif card.identification_failed:
            self.customer.setText(self.tr("Caller not identified"))
            lines = [
                fill(
                    self.tr("%1 could not be searched: %2"),
                    failure.source,
                    reason_texts().reason(failure.reason, failure.error, self.formats),
                )
                for failure in card.identify_failed
            ]
            self._set_detail("\n".join(lines), "warn")
            self._offer_search()
        else:
            self.customer.setText(
                self.tr("Number withheld") if card.number.withheld else self.tr("Unknown caller")
            )
            self._set_detail(self.tr("No customer matched this number"))
            self._offer_search()
        if len(card.matches) > 1:
            self._fill_picker(card.matches, card.customer)

    def show_search_failed(self, reason: str) -> None:
        self._set_detail(fill(self.tr("Search failed: %1"), reason), "warn")

    def show_opening(self) -> None:
        """A search result was chosen: its card is on its way."""
        self.results.hide()
        self.customer.setText(self.tr("Opening customer…"))

    def set_tier(self, tier: str | None) -> None:
        self.tier.setVisible(bool(tier))
        self.tier.setText(tier or "")

    def set_results(self, matches: list[Match]) -> None:
        """Show manual-search results (or say there are none)."""
        self.results.clear()
        if not matches:
            none = QListWidgetItem(self.tr("No customer found"))
            none.setFlags(Qt.ItemFlag.NoItemFlags)
            self.results.addItem(none)
        for match in matches:
            item = QListWidgetItem(f"{match.name}  ·  {match.customer_id}")
            item.setData(CUSTOMER_ROLE, match.customer_id)
            self.results.addItem(item)
        self.results.show()

    # -------------------------------------------------------------- private --

    def _set_detail(self, text: str, tone: str = "") -> None:
        self.customer_id.setText(text)
        set_tone(self.customer_id, tone)

    def _offer_search(self) -> None:
        self.search.show()
        self.search.clear()

    def _hide_search(self) -> None:
        self.search.hide()
        self.results.hide()
        self.results.clear()

    def _fill_picker(self, matches: Sequence[Match], chosen: Match | None) -> None:
        self.picker.blockSignals(True)
        self.picker.clear()
        count = len(matches)
        self.picker.addItem(self.tr("Choose a customer (%Ln match(es))…", "", count), None)
        for match in matches:
            self.picker.addItem(f"{match.name} — {match.customer_id}", match.customer_id)
        index = 0
        if chosen is not None:
            index = max(0, self.picker.findData(chosen.customer_id))
        self.picker.setCurrentIndex(index)
        self.picker.blockSignals(False)
        self.picker.show()

    def _picked(self, index: int) -> None:
        customer_id = self.picker.itemData(index)
        if isinstance(customer_id, str):
            self.customer_chosen.emit(customer_id)

    def _run_search(self, text: str) -> None:
        search, jobs, generation = self._searcher, self._jobs, self._generation
        if search is None or jobs is None:
            return

        def show(result: object) -> None:
            if generation == self._generation and isinstance(result, list):
                self.set_results([m for m in result if isinstance(m, Match)])
                self.results_shown.emit()

        jobs.start(lambda: search(text), show, self.show_search_failed)

    def _search(self) -> None:
        text = self.search.text().strip()
        if text:
            self.search_requested.emit(text)

    def _result_chosen(self, item: QListWidgetItem) -> None:
        customer_id = item.data(CUSTOMER_ROLE)
        if isinstance(customer_id, str):
            self.search_result_chosen.emit(customer_id)

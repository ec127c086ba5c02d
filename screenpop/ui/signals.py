"""The core's ``PopListener``, re-told as Qt signals for the GUI thread.

The core calls these methods from its worker threads (bridge loop, lookup
pool). Each method only queues what it was told and, if the queue was empty,
wakes the GUI thread (a queued signal); there the queue is drained in order
and each item re-emitted as this object's signal, so every connected slot
runs in the GUI thread, in the order the core spoke. Nothing here touches a
widget. Signal names differ from the protocol's method names because a
Python attribute cannot be both.

Why a queue rather than one queued signal per call: each queued delivery to
a Python slot takes the GIL anew, and while the core's workers run Python
(a burst of rings: ~900 deliveries in a second) each take can wait a whole
switch interval (5 ms), so a batch of deliveries froze the screen for
100 ms and more (benchmarks/burst.py). Drained in one pass, a batch takes
the GIL once. A pass stops after ``DRAIN_SLICE_S`` and continues on the next
turn of the event loop, so painting and input are never held up long.
"""

from __future__ import annotations

import logging
import threading
import time
from collections import deque

from PySide6.QtCore import QObject, Qt, Signal

from screenpop.card import Card, Section
from screenpop.cases.request import CaseTicket
from screenpop.events import CallState
from screenpop.frontend import CallInfo
from screenpop.health import Health

log = logging.getLogger(__name__)

#: Longest one drain pass runs before letting the event loop turn.
DRAIN_SLICE_S = 0.004


class QtPopListener(QObject):
    """Implements ``screenpop.frontend.PopListener`` by emitting signals.

    ========================  ======================================
    protocol method           signal (arguments)
    ========================  ======================================
    ``call_ringing``          ``ringing(CallInfo)``
    ``identified``            ``card_identified(call_id, Card, pending)``
    ``section_ready``         ``section_arrived(call_id, name, Section)``
    ``card_complete``         ``card_completed(call_id, Card)``
    ``call_state``            ``state_changed(call_id, CallState, elsewhere)``
    ``bridge_health``         ``health_changed(name, Health)``
    ``journal_health``        ``journal_health_changed(name, Health)``
    ``case_changed``          ``case_updated(CaseTicket)``
    ========================  ======================================
    """

    ringing = Signal(object)
    card_identified = Signal(str, object, object)
    section_arrived = Signal(str, str, object)
    card_completed = Signal(str, object)
    state_changed = Signal(str, object, bool)
    health_changed = Signal(str, object)
    journal_health_changed = Signal(str, object)
    case_updated = Signal(object)
    #: Internal: the queue went from empty to not empty (emitted by workers).
    _wake = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pending: deque[tuple[str, tuple[object, ...]]] = deque()
        self._lock = threading.Lock()
        self._wake.connect(self._drain, Qt.ConnectionType.QueuedConnection)

    def _emit(self, signal: str, *args: object) -> None:
        with self._lock:
            self._pending.append((signal, args))
            first = len(self._pending) == 1
        if first:
            try:
                self._wake.emit()
            except RuntimeError:
                # The window is gone (quitting) while a worker still reports: the
                # event has nowhere to be shown, and the journal already has it.
                log.debug("UI closed; dropped %s", args[:1])

    def _drain(self) -> None:
        """GUI thread: emit what the core said, in order, for one time slice."""
        started = time.perf_counter()
        while True:
            with self._lock:
                if not self._pending:
                    return
                signal, args = self._pending.popleft()
            getattr(self, signal).emit(*args)
            if time.perf_counter() - started > DRAIN_SLICE_S:
                with self._lock:
                    more = bool(self._pending)
                if more:
                    self._wake.emit()  # queued: the rest after painting and input
                return

    def pending(self) -> int:
        """Events told by the core and not yet delivered (tests, benchmarks)."""
        with self._lock:
            return len(self._pending)

    def call_ringing(self, call: CallInfo) -> None:
        self._emit("ringing", call)

    def identified(self, call_id: str, card: Card, pending: tuple[str, ...]) -> None:
        self._emit("card_identified", call_id, card, tuple(pending))

    def section_ready(self, call_id: str, name: str, section: Section) -> None:
        self._emit("section_arrived", call_id, name, section)

    def card_complete(self, call_id: str, card: Card) -> None:
        self._emit("card_completed", call_id, card)

    def call_state(self, call_id: str, state: CallState, answered_elsewhere: bool) -> None:
        self._emit("state_changed", call_id, state, answered_elsewhere)

    def bridge_health(self, name: str, health: Health) -> None:
        self._emit("health_changed", name, health)

    def journal_health(self, name: str, health: Health) -> None:
        self._emit("journal_health_changed", name, health)

    def case_changed(self, ticket: CaseTicket) -> None:
        self._emit("case_updated", ticket)

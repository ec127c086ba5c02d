"""The core's ``PopListener``, re-told as Qt signals for the GUI thread.

The core calls these methods from its worker threads (bridge loop, lookup
pool). Each method only emits a signal: this object lives in the GUI thread,
so every slot connected to it runs there, queued, in the order the core spoke.
Nothing here touches a widget. Signal names differ from the protocol's
method names because a Python attribute cannot be both.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, Signal, SignalInstance

from screenpop.bridges.base import Health
from screenpop.card import Card, Section
from screenpop.events import CallState
from screenpop.frontend import CallInfo

log = logging.getLogger(__name__)


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
    ========================  ======================================
    """

    ringing = Signal(object)
    card_identified = Signal(str, object, object)
    section_arrived = Signal(str, str, object)
    card_completed = Signal(str, object)
    state_changed = Signal(str, object, bool)
    health_changed = Signal(str, object)

    def _emit(self, signal: SignalInstance, *args: object) -> None:
        try:
            signal.emit(*args)
        except RuntimeError:
            # The window is gone (quitting) while a worker still reports: the
            # event has nowhere to be shown, and the journal already has it.
            log.debug("UI closed; dropped %s", args[:1])

    def call_ringing(self, call: CallInfo) -> None:
        self._emit(self.ringing, call)

    def identified(self, call_id: str, card: Card, pending: tuple[str, ...]) -> None:
        self._emit(self.card_identified, call_id, card, tuple(pending))

    def section_ready(self, call_id: str, name: str, section: Section) -> None:
        self._emit(self.section_arrived, call_id, name, section)

    def card_complete(self, call_id: str, card: Card) -> None:
        self._emit(self.card_completed, call_id, card)

    def call_state(self, call_id: str, state: CallState, answered_elsewhere: bool) -> None:
        self._emit(self.state_changed, call_id, state, answered_elsewhere)

    def bridge_health(self, name: str, health: Health) -> None:
        self._emit(self.health_changed, name, health)

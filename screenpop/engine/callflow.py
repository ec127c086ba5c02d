"""The call-flow room: event → dispatcher → journal, lookup → front end.

Every bridge's events end in ``on_event`` (on the bridges' loop thread): the
dispatcher decides what the event means, the journal writer gets it (durable
or kept for retrying before anything else happens to it), and a new ringing
call is looked up on the lookup pool. The front end hears everything through
the guarded listener, as immutable values.

What this room remembers is bounded, so a long shift does not grow it: calls
and their cards are kept for the most recent ``CALL_MEMORY`` calls.
"""

from __future__ import annotations

import logging
import threading
import time
from collections import OrderedDict
from collections.abc import Mapping
from typing import TypeVar

from screenpop.card import Card, Section, SourceFailure, Status
from screenpop.dispatcher import Action, Dispatcher
from screenpop.engine.runtime import Runtime
from screenpop.events import CallEvent, CallState
from screenpop.frontend import CallInfo
from screenpop.phone import mask, normalise
from screenpop.reasons import SOURCE_INTERNAL, Reason

log = logging.getLogger(__name__)

#: Calls (their details and last card) kept in memory for reopening,
#: picking a customer and search; older ones are read from the journal.
CALL_MEMORY = 200

K = TypeVar("K")
V = TypeVar("V")


def _remember(store: OrderedDict[K, V], key: K, value: V, limit: int) -> None:
    store[key] = value
    store.move_to_end(key)
    while len(store) > limit:
        store.popitem(last=False)


class CallFlow:
    """Turns bridge events into journal writes and pops."""

    def __init__(self, runtime: Runtime) -> None:
        self.runtime = runtime
        self.region = runtime.config.agent.region
        self.dispatcher = Dispatcher(runtime.config.agent.extension, known=self._journaled)
        self._calls: OrderedDict[str, CallInfo] = OrderedDict()
        self._cards: OrderedDict[str, Card] = OrderedDict()
        #: Ring received (perf_counter) of calls whose card is not complete yet.
        self._received: OrderedDict[str, float] = OrderedDict()
        self._lock = threading.Lock()

    def _journaled(self, call_id: str) -> CallState | None:
        """Where the journal left a call the dispatcher does not remember (a call
        from before a restart): an ended call is not popped again by a replay,
        and a ringing one that ends now is missed."""
        journal = self.runtime.journal
        return None if journal is None else journal.call_state(call_id)

    # ------------------------------------------------------------ events --

    def on_event(self, event: CallEvent) -> None:
        """Every bridge's events end here (on the loop thread): decide, journal, pop."""
        received = time.perf_counter()
        runtime = self.runtime
        writer = runtime.writer
        assert writer is not None
        number = normalise(event.caller_number, self.region)
        action = self.dispatcher.handle(event)
        log.info(
            "call %s %s from %s via %s -> %s",
            event.call_id[:40],
            event.state,
            mask(event.caller_number),
            event.bridge,
            action,
        )
        if action is Action.IGNORE:
            return
        writer.submit(lambda j: j.record_event(event, number), "record_event")
        listener = runtime.listener
        if action is Action.POP:
            info = CallInfo(
                call_id=event.call_id,
                number=number,
                caller_name=event.caller_name,
                called=event.called,
                bridge=event.bridge,
                started_at=event.ts,
                attached=tuple(event.attached.items()),
            )
            with self._lock:
                _remember(self._calls, event.call_id, info, CALL_MEMORY)
                _remember(self._received, event.call_id, received, CALL_MEMORY)
            listener.call_ringing(info)
            self.start_pop(info, dict(event.attached), None)
        elif action is Action.ANSWERED:
            listener.call_state(event.call_id, CallState.ANSWERED, False)
        elif action is Action.ANSWERED_ELSEWHERE:
            writer.submit(
                lambda j: j.record_outcome(
                    event.call_id,
                    CallState.ANSWERED,
                    answered_by=event.agent or None,
                    answered_elsewhere=True,
                    at=event.ts,
                ),
                "record_outcome",
            )
            listener.call_state(event.call_id, CallState.ANSWERED, True)
        elif action is Action.MISSED:
            writer.submit(
                lambda j: j.record_outcome(event.call_id, CallState.MISSED, at=event.ts),
                "record_outcome",
            )
            listener.call_state(event.call_id, CallState.MISSED, False)
        elif action is Action.ENDED:
            listener.call_state(event.call_id, CallState.ENDED, False)

    # -------------------------------------------------------------- pops --

    def start_pop(
        self, info: CallInfo, attached: Mapping[str, str], customer_id: str | None
    ) -> None:
        """Look ``info`` up on the lookup pool (never on the caller's thread)."""
        try:
            self.runtime.lookup_pool.submit(self.pop, info, attached, customer_id)
        except RuntimeError:  # the pool is shut down: the app is stopping
            log.info("not looking up call %s: stopping", info.call_id[:40])

    def pop(self, info: CallInfo, attached: Mapping[str, str], customer_id: str | None) -> None:
        """Identify, fill, journal the card and tell the front end (lookup pool).

        The card always completes: if the lookup itself fails, every section
        it would have had says so.
        """
        runtime = self.runtime
        lookup = runtime.open_lookup()
        listener = runtime.listener
        call_id = info.call_id
        card: Card | None = None
        try:
            card = lookup.lookup(
                info.number,
                attached,
                customer_id=customer_id,
                on_identified=lambda c, pending: listener.identified(call_id, c, pending),
                on_section=lambda name, sec: listener.section_ready(call_id, name, sec),
                call_id=call_id,
            )
        except Exception:  # lookup contains its own failures; this is a last guard
            log.exception("lookup for call %s failed", call_id[:40])
            card = _failed_card(info, lookup.plan.names if customer_id else ())
        with self._lock:
            received = self._received.pop(call_id, None)
            _remember(self._cards, call_id, card, CALL_MEMORY)
        latency = (time.perf_counter() - received) * 1000 if received is not None else 0.0
        final = card
        if runtime.writer is not None:
            runtime.writer.submit(lambda j: j.record_card(call_id, final, latency), "record_card")
        listener.card_complete(call_id, card)

    # ------------------------------------------------------------ memory --

    def call(self, call_id: str) -> CallInfo | None:
        with self._lock:
            return self._calls.get(call_id)

    def card(self, call_id: str) -> Card | None:
        with self._lock:
            return self._cards.get(call_id)

    def sizes(self) -> dict[str, int]:
        """How much is remembered (tests of a long shift)."""
        with self._lock:
            return {
                "calls": len(self._calls),
                "cards": len(self._cards),
                "received": len(self._received),
                "dispatcher": self.dispatcher.size(),
            }


def _failed_card(info: CallInfo, names: tuple[str, ...]) -> Card:
    """A card saying the lookup failed: never an unknown caller by mistake."""
    reason = Reason.of(SOURCE_INTERNAL, source="lookup", error="lookup failed")
    card = Card(info.number, identify_failed=(SourceFailure("lookup", reason.text, reason),))
    for name in names:
        card = card.with_section(name, Section(Status.UNAVAILABLE, reason=reason))
    return card

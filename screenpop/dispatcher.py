"""The call state machine: one pop per call, whatever the bridges say.

Bridges retransmit, two bridges may report the same call, a reconnect replays
the last event, and events arrive out of order. The dispatcher keys every
event by call id and decides, once, what each means for this agent: pop,
close because another agent answered, close as missed, or nothing.

Its memory ends with the process. ``known`` lets a durable record (the
journal) answer for call ids it does not hold: after a restart, a replayed
``ringing`` of a call that already ended must not pop again, and an ``ended``
of a call that rang before the restart is a missed call, not a stray one.
"""

from __future__ import annotations

import logging
import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum

from screenpop.events import CallEvent, CallState, same_line

log = logging.getLogger(__name__)

#: Calls remembered after they end, to drop late retransmits and replays.
MEMORY = 5000


class Action(StrEnum):
    POP = "pop"  # show the card
    ANSWERED = "answered"  # this agent answered
    ANSWERED_ELSEWHERE = "answered_elsewhere"  # close this agent's pop
    ENDED = "ended"  # answered call hung up
    MISSED = "missed"  # rang, never answered
    IGNORE = "ignore"  # duplicate or late news


@dataclass(slots=True)
class Track:
    call_id: str
    state: CallState
    first_seen: float
    answered_elsewhere: bool = False
    popped: bool = False


_TERMINAL = (CallState.ENDED, CallState.MISSED)

#: What a durable record knows of a call id: its last state, or None if it never saw it.
Known = Callable[[str], CallState | None]


class Dispatcher:
    """Turns each ``CallEvent`` into at most one ``Action`` (thread-safe)."""

    def __init__(self, extension: str, known: Known | None = None) -> None:
        self.extension = extension
        #: Consulted (outside the lock) for a call id not in memory; see the module doc.
        self.known = known
        self._calls: OrderedDict[str, Track] = OrderedDict()
        self._lock = threading.Lock()

    def _is_me(self, agent: str) -> bool:
        """An answer with no agent named came from this desk's own phone.

        AMI names channels ("SIP/agent-00000001", "PJSIP/1001"), SIP sides
        URIs: ``same_line`` compares the bare extension of each.
        """
        return not agent.strip() or same_line(agent, self.extension)

    def track(self, call_id: str) -> Track | None:
        with self._lock:
            return self._calls.get(call_id)

    def size(self) -> int:
        """Calls remembered (at most ``MEMORY``)."""
        with self._lock:
            return len(self._calls)

    def handle(self, event: CallEvent) -> Action:
        remembered = self._recall(event.call_id)
        with self._lock:
            if remembered is not None and event.call_id not in self._calls:
                self._calls[event.call_id] = remembered
            action = self._transition(event)
            while len(self._calls) > MEMORY:
                self._calls.popitem(last=False)
        if action is Action.IGNORE:
            log.debug("call %s: %s ignored (duplicate or late)", event.call_id, event.state)
        return action

    def _recall(self, call_id: str) -> Track | None:
        """A track rebuilt from ``known`` for a call id not in memory, if it knows one.

        A lookup that fails is logged and treated as "not known": the event is
        then handled as today without the durable record, never dropped.
        """
        if self.known is None:
            return None
        with self._lock:
            if call_id in self._calls:
                return None
        try:
            state = self.known(call_id)
        except Exception as exc:  # a failing journal must not stop the calls
            log.warning("call %s: known-call lookup failed: %s", call_id[:40], exc)
            return None
        if state is None:
            return None
        # It popped before (a restart since): a ringing now is a replay, not a new call.
        return Track(call_id, state, time.time(), popped=True)

    def _transition(self, ev: CallEvent) -> Action:
        track = self._calls.get(ev.call_id)
        if track is None:
            track = Track(ev.call_id, ev.state, time.time())
            self._calls[ev.call_id] = track
            if ev.state is CallState.RINGING:
                track.popped = True
                return Action.POP
            if ev.state is CallState.ANSWERED:
                # Never saw it ring (joined mid-call, or ring lost): pop if it is ours.
                if self._is_me(ev.agent):
                    track.popped = True
                    return Action.POP
                track.answered_elsewhere = True
                return Action.ANSWERED_ELSEWHERE
            if self.known is not None:
                # Neither memory nor the durable record saw it ring: not this desk's
                # call (e.g. kamailio's evapi tells every desk of every hang-up).
                log.debug("call %s: end of a call this desk never saw; ignored", ev.call_id[:40])
                return Action.IGNORE
            # Without a durable record: journal it (it may have rung before a restart).
            return Action.MISSED if ev.state is CallState.MISSED else Action.ENDED

        if track.state in _TERMINAL:
            return Action.IGNORE
        if ev.state is CallState.RINGING:
            return Action.IGNORE  # retransmit, second bridge, or replay after reconnect
        if ev.state is CallState.ANSWERED:
            if track.state is CallState.ANSWERED:
                return Action.IGNORE
            track.state = CallState.ANSWERED
            if self._is_me(ev.agent):
                return Action.ANSWERED
            track.answered_elsewhere = True
            return Action.ANSWERED_ELSEWHERE
        # ended or missed
        if track.state is CallState.RINGING or ev.state is CallState.MISSED:
            track.state = CallState.MISSED
            return Action.MISSED
        track.state = CallState.ENDED
        return Action.ENDED

"""The call state machine: one pop per call, whatever the bridges say.

Bridges retransmit, two bridges may report the same call, a reconnect replays
the last event, and events arrive out of order. The dispatcher keys every
event by call id and decides, once, what each means for this agent: pop,
close because another agent answered, close as missed, or nothing.
"""

from __future__ import annotations

import logging
import threading
import time
from collections import OrderedDict
from dataclasses import dataclass
from enum import StrEnum

from screenpop.events import CallEvent, CallState

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


class Dispatcher:
    """Turns each ``CallEvent`` into at most one ``Action`` (thread-safe)."""

    def __init__(self, extension: str) -> None:
        self.extension = extension
        self._calls: OrderedDict[str, Track] = OrderedDict()
        self._lock = threading.Lock()

    def _is_me(self, agent: str) -> bool:
        """An answer with no agent named came from this desk's own phone."""
        if not agent:
            return True
        norm = agent.strip().lower()
        ext = self.extension.strip().lower()
        # AMI names channels "SIP/agent-00000001" or "PJSIP/1001"; accept those.
        return norm == ext or norm.split("/")[-1].split("-")[0] == ext

    def track(self, call_id: str) -> Track | None:
        with self._lock:
            return self._calls.get(call_id)

    def size(self) -> int:
        """Calls remembered (at most ``MEMORY``)."""
        with self._lock:
            return len(self._calls)

    def handle(self, event: CallEvent) -> Action:
        with self._lock:
            action = self._transition(event)
            while len(self._calls) > MEMORY:
                self._calls.popitem(last=False)
        if action is Action.IGNORE:
            log.debug("call %s: %s ignored (duplicate or late)", event.call_id, event.state)
        return action

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
            # An end for a call we never saw: journal it, nothing to close.
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

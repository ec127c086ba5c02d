"""Which AMI events are this agent's call, and in which state: the tracker
that turns the PBX's view of every call into this desk's ``CallEvent``s.

The rules are in the bridge's module docstring (screenpop/bridges/ami.py).
"""

from __future__ import annotations

import logging
import time
from collections import OrderedDict
from dataclasses import dataclass, field
from typing import Any

from screenpop.bridges.ami_protocol import (
    _EVENTS,
    _UNKNOWN,
    CAUSE_ANSWERED_ELSEWHERE,
    MAX_TRACKED_CALLS,
    Packet,
)
from screenpop.events import MAX_NAME, CallEvent, CallState, EventError, event_from_mapping

log = logging.getLogger(__name__)

def channel_base(channel: str) -> str:
    """The channel without its instance suffix: ``SIP/777-000000bc`` -> ``SIP/777``.

    ``Local/259@default-00000000;1`` -> ``Local/259@default``.
    """
    base = channel.split(";", 1)[0]
    head, dash, tail = base.rpartition("-")
    if dash and head and tail and all(c in "0123456789abcdefABCDEF" for c in tail):
        base = head
    return base


def _resource(base: str) -> str:
    return base.split("/", 1)[-1].split("@", 1)[0]


def _clean(value: str | None) -> str:
    if not value or value in _UNKNOWN:
        return ""
    return "".join(ch for ch in value if ord(ch) >= 32)[:MAX_NAME]


@dataclass(slots=True)
class _Call:
    number: str = ""
    name: str = ""
    queue: str = ""
    #: Uniqueids of this agent's legs of the call.
    legs: set[str] = field(default_factory=set)
    rang: bool = False
    answered: bool = False
    elsewhere: bool = False
    #: Our leg was hung up with "answered elsewhere" and we do not yet know who.
    elsewhere_pending: bool = False
    done: bool = False


class AmiCallTracker:
    """AMI events in, this agent's ``CallEvent``s out; state per call id."""

    def __init__(self, bridge: str, extension: str, agents: tuple[str, ...]) -> None:
        self.bridge = bridge
        self.extension = extension
        self.agents = tuple(a.lower() for a in (agents or (extension,)))
        self._calls: OrderedDict[str, _Call] = OrderedDict()
        self._uid_call: OrderedDict[str, str] = OrderedDict()

    # -- matching ---------------------------------------------------------
    def is_ours(self, *names: str | None) -> bool:
        for name in names:
            if not name:
                continue
            base = channel_base(name).lower()
            if base in self.agents or _resource(base) in self.agents:
                return True
        return False

    def _call_id(self, p: Packet) -> str:
        linked = p.get("linkedid")
        if linked:
            return linked
        uid = p.get("uniqueid", "")
        return self._uid_call.get(uid, uid)

    def _get(self, call_id: str) -> _Call:
        call = self._calls.get(call_id)
        if call is None:
            call = self._calls[call_id] = _Call()
            while len(self._calls) > MAX_TRACKED_CALLS:
                self._calls.popitem(last=False)  # the least recently heard of
        else:
            self._calls.move_to_end(call_id)
        return call

    def _link(self, uid: str, call_id: str) -> None:
        if uid:
            self._uid_call[uid] = call_id
            while len(self._uid_call) > 4 * MAX_TRACKED_CALLS:
                self._uid_call.popitem(last=False)

    # -- events -----------------------------------------------------------
    def feed(self, p: Packet) -> list[CallEvent]:
        """One packet in (any kind), zero or more events out; never raises."""
        name = p.get("event", "").lower()
        if name not in _EVENTS:
            return []
        try:
            return self._event(name, p)
        except EventError as exc:
            log.warning("ami %s: event refused: %s", self.bridge, exc)
            return []

    def _event(self, name: str, p: Packet) -> list[CallEvent]:
        call_id = self._call_id(p)
        if not call_id:
            return []
        uid = p.get("uniqueid", "")
        if name == "newchannel":
            if uid == call_id:
                # the originating channel: its caller id is the caller
                origin = self._get(call_id)
                origin.number = origin.number or _clean(p.get("calleridnum"))
                origin.name = origin.name or _clean(p.get("calleridname"))
            elif self.is_ours(p.get("channel")):
                # a leg towards this agent is being created: Newstate may ring it
                self._get(call_id).legs.add(uid)
                self._link(uid, call_id)
            return []
        if name == "queuecallerjoin":
            joined = self._get(call_id)
            joined.queue = p.get("queue", "")
            joined.number = joined.number or _clean(p.get("calleridnum"))
            joined.name = joined.name or _clean(p.get("calleridname"))
            return []
        if name in ("agentcalled", "dialbegin") or (
            name == "dial" and p.get("subevent", "").lower() == "begin"
        ):
            return self._dial_begin(name, call_id, p)
        call = self._calls.get(call_id)
        if call is None or call.done:
            return []
        if name == "newstate":
            if uid not in call.legs:
                return []
            state = p.get("channelstate", "")
            if state == "5" and not call.rang:  # Ringing, without a dial event seen
                call.number = call.number or _clean(p.get("connectedlinenum"))
                call.name = call.name or _clean(p.get("connectedlinename"))
                return self._ring(call_id, call)
            if state == "6":  # Up: we answered
                return self._answer(call_id, call, self.extension)
            return []
        if name == "dialend":
            if p.get("dialstatus", "").upper() != "ANSWER":
                return []
            if p.get("destuniqueid", "") in call.legs or self.is_ours(p.get("destchannel")):
                return self._answer(call_id, call, self.extension)
            who = _clean(p.get("destcalleridname")) or _resource(
                channel_base(p.get("destchannel", "")))
            return self._answer(call_id, call, who)
        if name == "agentconnect":
            member = p.get("membername") or p.get("interface") or ""
            if self.is_ours(p.get("interface"), member, p.get("destchannel")):
                return self._answer(call_id, call, self.extension)
            return self._answer(call_id, call, _clean(member) or "another agent")
        if name == "hangup":
            return self._hangup(call_id, call, uid, p)
        return []

    def _dial_begin(self, name: str, call_id: str, p: Packet) -> list[CallEvent]:
        dest = p.get("destchannel") or p.get("destination") or ""
        member_names = (p.get("interface"), p.get("membername")) if name == "agentcalled" else ()
        if not self.is_ours(dest, *member_names):
            return []
        call = self._get(call_id)
        if call.done:
            return []
        dest_uid = p.get("destuniqueid", "")
        if dest_uid:
            call.legs.add(dest_uid)
            self._link(dest_uid, call_id)
        if p.get("uniqueid"):
            self._link(p["uniqueid"], call_id)
        call.number = call.number or _clean(p.get("calleridnum"))
        call.name = call.name or _clean(p.get("calleridname"))
        call.queue = call.queue or p.get("queue", "")
        return self._ring(call_id, call)

    def _hangup(self, call_id: str, call: _Call, uid: str, p: Packet) -> list[CallEvent]:
        ours = uid in call.legs
        origin = uid == call_id
        if ours and not call.answered and not call.elsewhere:
            if p.get("cause") == CAUSE_ANSWERED_ELSEWHERE:
                call.elsewhere_pending = True  # wait for who (DialEnd/AgentConnect)
                return []
            return self._finish(call_id, call, CallState.MISSED)
        if ours and call.answered:
            return self._finish(call_id, call, CallState.ENDED)
        if origin:
            if call.answered:
                return self._finish(call_id, call, CallState.ENDED)
            if call.elsewhere:
                call.done = True
                return []
            if call.elsewhere_pending:
                events = self._answer(call_id, call, "another agent")
                call.done = True
                return events
            if call.rang:
                return self._finish(call_id, call, CallState.MISSED)
        return []

    # -- emitting ---------------------------------------------------------
    def _ring(self, call_id: str, call: _Call) -> list[CallEvent]:
        if call.rang:
            return []
        call.rang = True
        return [self._make(call_id, call, CallState.RINGING)]

    def _answer(self, call_id: str, call: _Call, who: str) -> list[CallEvent]:
        if not call.rang or call.answered or call.elsewhere:
            return []
        if who == self.extension:
            call.answered = True
        else:
            call.elsewhere = True
            call.elsewhere_pending = False
        return [self._make(call_id, call, CallState.ANSWERED, agent=who)]

    def _finish(self, call_id: str, call: _Call, state: CallState) -> list[CallEvent]:
        call.done = True
        if not call.rang:
            return []
        return [self._make(call_id, call, state)]

    def _make(self, call_id: str, call: _Call, state: CallState, agent: str = "") -> CallEvent:
        mapping: dict[str, Any] = {
            "event": state.value,
            "call_id": call_id,
            "caller_number": call.number,
            "caller_name": call.name,
            "called": self.extension,
            "ts": time.time(),
            "attached": {"queue": call.queue} if call.queue else {},
        }
        if agent:
            mapping["agent"] = agent
        return event_from_mapping(mapping, self.bridge)

"""Asterisk Manager Interface bridge: login, call/agent events, this agent's call states.

AMI speaks CRLF "Key: Value" packets ended by an empty line, after a banner
``Asterisk Call Manager/<version>`` (tests/bridges/fixtures/ami_events.txt
holds real captures). One AMI session sees *every* call on the PBX; this
bridge keeps the ones that ring one of ``agents`` (default: this agent's
extension) and reports them from this agent's point of view:

- ``AgentCalled`` / ``DialBegin`` (or old ``Dial`` SubEvent Begin) towards our
  channel, or our channel going ``Ringing``  -> ringing
- our channel ``Up`` / ``DialEnd`` ANSWER to us / ``AgentConnect`` for us -> answered
- ``DialEnd`` ANSWER / ``AgentConnect`` for another member while ours rang
  -> answered with ``agent`` = who picked up, so the core closes our pop
- our ringing leg hung up unanswered, or the caller gone -> missed
- the call hung up after we answered -> ended

The call id is ``Linkedid`` (shared by all legs of one call). Releases before
Asterisk 12 have no ``Linkedid``; there the caller's ``Uniqueid`` is the call
id and agent legs are tied to it through ``DestUniqueid`` of the dial event.

Filtering: the login asks only for the ``call`` and ``agent`` event classes;
manager.conf ``eventfilter`` lines (installers/bridges/asterisk/) cut the rest
at the PBX; the tracker ignores everything else.
"""

from __future__ import annotations

import asyncio
import itertools
import logging
import time
from collections import OrderedDict
from dataclasses import dataclass, field
from typing import Any

from screenpop.bridges.base import EventSink, HealthSink, reconnecting
from screenpop.bridges.registry import BridgeContext
from screenpop.config.schema import AmiBridge as AmiConfig
from screenpop.events import MAX_NAME, CallEvent, CallState, EventError, event_from_mapping
from screenpop.health import Health, HealthState

log = logging.getLogger(__name__)

BANNER_PREFIX = "Asterisk Call Manager/"
CONNECT_TIMEOUT_S = 5.0
LOGIN_TIMEOUT_S = 5.0
PING_INTERVAL_S = 20.0
MAX_PACKET = 64 * 1024
MAX_TRACKED_CALLS = 4096
#: Hangup cause 26: "answered elsewhere" (another member of a ring group/queue picked up).
CAUSE_ANSWERED_ELSEWHERE = "26"
_UNKNOWN = {"<unknown>", "<Unknown>", "unknown"}
_EVENTS = frozenset(
    {
        "newchannel",
        "newstate",
        "dialbegin",
        "dialend",
        "dial",
        "agentcalled",
        "agentconnect",
        "queuecallerjoin",
        "hangup",
    }
)

Packet = dict[str, str]


class AmiError(Exception):
    """The AMI peer refused us or is not an AMI server."""


class AmiAuthError(AmiError):
    """Login refused (wrong username/secret or not permitted from this host)."""


class AmiParser:
    """Incremental AMI packet parser: bytes in, packets (lower-cased keys) out; never raises.

    The first line of a session is the banner (``banner``). A packet larger
    than ``MAX_PACKET`` makes the stream unusable (``error`` is set).
    """

    def __init__(self, expect_banner: bool = True, max_packet: int = MAX_PACKET) -> None:
        self.banner: str | None = None if expect_banner else ""
        self.max_packet = max_packet
        self.error: str | None = None
        self._buf = bytearray()

    def feed(self, data: bytes) -> list[Packet]:
        packets: list[Packet] = []
        if self.error is not None:
            return packets
        self._buf += data
        if self.banner is None:
            nl = self._buf.find(b"\n")
            if nl < 0:
                if len(self._buf) > 512:
                    self.error = "no AMI banner line"
                return packets
            self.banner = bytes(self._buf[:nl]).rstrip(b"\r").decode("utf-8", "replace")
            del self._buf[: nl + 1]
        while True:
            end, sep = _packet_end(self._buf)
            if end < 0:
                if len(self._buf) > self.max_packet:
                    self.error = f"AMI packet larger than {self.max_packet} bytes"
                    self._buf.clear()
                return packets
            raw = bytes(self._buf[:end])
            del self._buf[: end + sep]
            packet = parse_packet(raw)
            if packet:
                packets.append(packet)


def _packet_end(buf: bytearray) -> tuple[int, int]:
    """Where the first packet ends (blank line), tolerating bare LF line ends."""
    crlf = buf.find(b"\r\n\r\n")
    lf = buf.find(b"\n\n")
    if crlf >= 0 and (lf < 0 or crlf <= lf):
        return crlf, 4
    if lf >= 0:
        return lf, 2
    return -1, 0


def parse_packet(raw: bytes) -> Packet:
    """One packet's "Key: Value" lines; first occurrence of a key wins; never raises."""
    packet: Packet = {}
    text = raw.decode("utf-8", "replace")
    for line in text.split("\n"):
        line = line.rstrip("\r")
        key, colon, value = line.partition(":")
        if not colon or not key or " " in key.strip():
            continue  # command output or noise, not a field
        packet.setdefault(key.strip().lower(), value.strip())
    return packet


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
                channel_base(p.get("destchannel", ""))
            )
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


def encode_action(fields: dict[str, str]) -> bytes:
    """One AMI action packet; CR/LF in values are refused (they would inject fields)."""
    lines = []
    for key, value in fields.items():
        if any(ch in value for ch in "\r\n") or any(ch in key for ch in "\r\n:"):
            raise ValueError(f"AMI field {key!r} contains a line break")
        lines.append(f"{key}: {value}\r\n")
    return ("".join(lines) + "\r\n").encode("utf-8")


class AmiBridge:
    """One AMI session, logged in with the keyring secret, re-established forever."""

    def __init__(self, cfg: AmiConfig, ctx: BridgeContext) -> None:
        self.name = cfg.label
        self.host = cfg.host
        self.port = cfg.port
        self.username = cfg.username
        self.secret_ref = cfg.secret
        self.extension = ctx.extension
        self.agents = cfg.agents or (ctx.extension,)
        self.originate_channel = cfg.originate_channel or (
            self.agents[0] if "/" in self.agents[0] else f"PJSIP/{self.agents[0]}"
        )
        self.originate_context = cfg.originate_context
        self.tracker = AmiCallTracker(self.name, ctx.extension, self.agents)
        self.login_timeout = LOGIN_TIMEOUT_S
        self.ping_interval = PING_INTERVAL_S
        self.ping_timeout = 5.0
        self._resolve = ctx.secret
        self._writer: asyncio.StreamWriter | None = None
        self._replies: dict[str, asyncio.Future[Packet]] = {}
        self._ids = itertools.count(1)
        self._auth_failed = False
        self._logged_in = False

    async def run(self, emit: EventSink, health: HealthSink) -> None:
        def report(name: str, h: Health) -> None:
            # A refused login is not a network blip: show it as failed (still retried,
            # so fixing the secret or manager.conf needs no restart).
            if h.state is HealthState.RETRYING and self._auth_failed:
                h = Health(HealthState.FAILED, h.detail)
            health(name, h)

        await reconnecting(
            self.name,
            lambda: self._session(emit, health),
            report,
            on_connected_reset=lambda: self._logged_in,
        )

    async def _session(self, emit: EventSink, health: HealthSink) -> None:
        self._logged_in = False
        health(self.name, Health(HealthState.CONNECTING, f"{self.host}:{self.port}"))
        secret = self._resolve(self.secret_ref) if self.secret_ref else ""
        reader, writer = await asyncio.wait_for(
            asyncio.open_connection(self.host, self.port), CONNECT_TIMEOUT_S
        )
        parser = AmiParser()
        try:
            try:
                early = await asyncio.wait_for(
                    self._login(reader, writer, parser, secret), self.login_timeout
                )
            except TimeoutError:
                raise AmiError(f"no reply to Login within {self.login_timeout:g} s") from None
            self._logged_in = True
            self._auth_failed = False
            self._writer = writer
            health(
                self.name,
                Health(HealthState.CONNECTED, f"{parser.banner} at {self.host}:{self.port}"),
            )
            log.info(
                "ami %s: logged in to %s:%d as %s", self.name, self.host, self.port, self.username
            )
            pinger = asyncio.create_task(self._ping_forever())
            reading = asyncio.create_task(self._read(reader, parser, emit, early))
            try:
                done, _ = await asyncio.wait({reading, pinger}, return_when=asyncio.FIRST_COMPLETED)
                for task in done:
                    task.result()  # raises why the session ended
            finally:
                for task in (pinger, reading):
                    task.cancel()
                await asyncio.gather(pinger, reading, return_exceptions=True)
        finally:
            self._writer = None
            for fut in self._replies.values():
                if not fut.done():
                    fut.set_exception(ConnectionError("AMI connection lost"))
            self._replies.clear()
            writer.close()

    async def _login(
        self,
        reader: asyncio.StreamReader,
        writer: asyncio.StreamWriter,
        parser: AmiParser,
        secret: str,
    ) -> list[Packet]:
        """Log in; return the packets that arrived after the reply (already events)."""
        pending: list[Packet] = []
        while parser.banner is None:
            data = await reader.read(4096)
            if not data:
                raise ConnectionError("AMI peer closed the connection before its banner")
            pending = parser.feed(data)
            if parser.error or (
                parser.banner is not None and not parser.banner.startswith(BANNER_PREFIX)
            ):
                raise AmiError(f"not an AMI server (banner {str(parser.banner)[:60]!r})")
        action_id = f"screenpop-login-{next(self._ids)}"
        writer.write(
            encode_action(
                {
                    "Action": "Login",
                    "ActionID": action_id,
                    "Username": self.username,
                    "Secret": secret,
                    "Events": "call,agent",
                }
            )
        )
        await writer.drain()
        while True:
            for i, packet in enumerate(pending):
                if packet.get("actionid") == action_id:
                    if packet.get("response", "").lower() == "success":
                        return pending[i + 1 :]
                    self._auth_failed = True
                    raise AmiAuthError(f"login refused: {packet.get('message', 'no reason')}")
            data = await reader.read(65536)
            if not data:
                raise ConnectionError("AMI peer closed the connection during login")
            pending = parser.feed(data)
            if parser.error:
                raise ConnectionError(f"corrupt AMI stream: {parser.error}")

    async def _read(
        self, reader: asyncio.StreamReader, parser: AmiParser, emit: EventSink, early: list[Packet]
    ) -> None:
        batch = early
        while True:
            for packet in batch:
                action_id = packet.get("actionid")
                if "response" in packet and action_id in self._replies:
                    fut = self._replies.pop(action_id)
                    if not fut.done():
                        fut.set_result(packet)
                    continue
                for event in self.tracker.feed(packet):
                    emit(event)
            if parser.error:
                raise ConnectionError(f"corrupt AMI stream: {parser.error}")
            data = await reader.read(65536)
            if not data:
                raise ConnectionError("AMI peer closed the connection")
            batch = parser.feed(data)

    async def _ping_forever(self) -> None:
        """Half-open TCP (PBX rebooted, NAT dropped) shows only when we ask something."""
        while True:
            await asyncio.sleep(self.ping_interval)
            try:
                await self.action({"Action": "Ping"}, timeout=self.ping_timeout)
            except TimeoutError:
                raise ConnectionError("AMI peer does not answer Ping") from None

    async def action(self, fields: dict[str, str], timeout: float = 5.0) -> Packet:
        """Send one action on the logged-in session and wait for its response."""
        writer = self._writer
        if writer is None:
            raise ConnectionError(f"AMI bridge {self.name} is not connected")
        action_id = f"screenpop-{next(self._ids)}"
        fut: asyncio.Future[Packet] = asyncio.get_running_loop().create_future()
        self._replies[action_id] = fut
        writer.write(encode_action({**fields, "ActionID": action_id}))
        await writer.drain()
        try:
            return await asyncio.wait_for(fut, timeout)
        finally:
            self._replies.pop(action_id, None)

    async def dial(self, number: str) -> None:
        """Call back: ``Originate`` rings the agent's phone, then dials ``number``."""
        target = number.strip()
        if not target or len(target) > 64 or not all(c.isalnum() or c in "+*#" for c in target):
            raise ValueError("not a number that can be dialled")
        reply = await self.action(
            {
                "Action": "Originate",
                "Channel": self.originate_channel,
                "Context": self.originate_context,
                "Exten": target,
                "Priority": "1",
                "CallerID": f"Call back <{target}>",
                "Async": "true",
            }
        )
        if reply.get("response", "").lower() != "success":
            raise RuntimeError(f"Asterisk refused to originate: {reply.get('message', '')[:200]}")


def create(cfg: AmiConfig, ctx: BridgeContext) -> AmiBridge:
    return AmiBridge(cfg, ctx)

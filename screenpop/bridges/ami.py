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
from typing import TYPE_CHECKING

from screenpop.bridges.ami_calls import AmiCallTracker, channel_base
from screenpop.bridges.ami_protocol import (
    BANNER_PREFIX,
    CONNECT_TIMEOUT_S,
    LOGIN_TIMEOUT_S,
    PING_INTERVAL_S,
    AmiAuthError,
    AmiError,
    AmiParser,
    Packet,
    encode_action,
    parse_packet,
)
from screenpop.bridges.base import EventSink, HealthSink, reconnecting
from screenpop.bridges.registry import BridgeContext
from screenpop.health import Health, HealthState

if TYPE_CHECKING:
    from screenpop.bridges.plugins.ami import AmiConfig

__all__ = [
    "AmiBridge",
    "AmiCallTracker",
    "AmiParser",
    "Packet",
    "channel_base",
    "create",
    "encode_action",
    "parse_packet",
]

log = logging.getLogger(__name__)

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
            self.agents[0] if "/" in self.agents[0] else f"PJSIP/{self.agents[0]}")
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

        await reconnecting(self.name, lambda: self._session(emit, health), report,
                           on_connected_reset=lambda: self._logged_in)

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
                early = await asyncio.wait_for(self._login(reader, writer, parser, secret),
                                               self.login_timeout)
            except TimeoutError:
                raise AmiError(f"no reply to Login within {self.login_timeout:g} s") from None
            self._logged_in = True
            self._auth_failed = False
            self._writer = writer
            health(self.name, Health(HealthState.CONNECTED,
                                     f"{parser.banner} at {self.host}:{self.port}"))
            log.info("ami %s: logged in to %s:%d as %s", self.name, self.host, self.port,
                     self.username)
            pinger = asyncio.create_task(self._ping_forever())
            reading = asyncio.create_task(self._read(reader, parser, emit, early))
            try:
                done, _ = await asyncio.wait({reading, pinger},
                                             return_when=asyncio.FIRST_COMPLETED)
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

    async def _login(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter,
                     parser: AmiParser, secret: str) -> list[Packet]:
        """Log in; return the packets that arrived after the reply (already events)."""
        pending: list[Packet] = []
        while parser.banner is None:
            data = await reader.read(4096)
            if not data:
                raise ConnectionError("AMI peer closed the connection before its banner")
            pending = parser.feed(data)
            if parser.error or (parser.banner is not None and
                                not parser.banner.startswith(BANNER_PREFIX)):
                raise AmiError(f"not an AMI server (banner {str(parser.banner)[:60]!r})")
        action_id = f"screenpop-login-{next(self._ids)}"
        writer.write(encode_action({
            "Action": "Login", "ActionID": action_id, "Username": self.username,
            "Secret": secret, "Events": "call,agent",
        }))
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

    async def _read(self, reader: asyncio.StreamReader, parser: AmiParser,
                    emit: EventSink, early: list[Packet]) -> None:
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
        reply = await self.action({
            "Action": "Originate", "Channel": self.originate_channel,
            "Context": self.originate_context, "Exten": target, "Priority": "1",
            "CallerID": f"Call back <{target}>", "Async": "true",
        })
        if reply.get("response", "").lower() != "success":
            raise RuntimeError(f"Asterisk refused to originate: {reply.get('message', '')[:200]}")


def create(cfg: AmiConfig, ctx: BridgeContext) -> AmiBridge:
    return AmiBridge(cfg, ctx)

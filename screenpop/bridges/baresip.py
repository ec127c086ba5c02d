"""baresip softphone bridge: ctrl_tcp JSON netstrings in, call events out.

baresip (Debian ``baresip-core``, module ``ctrl_tcp``) reports every call on a
TCP socket as netstring-framed JSON (see tests/bridges/fixtures/
baresip_events.txt for real captures). What matters for a pop:

- ``CALL_INCOMING`` is the ring; with ``answermode=auto`` there is none and the
  first call event is ``CALL_ESTABLISHED``, so that one must pop too.
- ``CALL_CLOSED`` does not say whether the call was answered (a caller's CANCEL
  and a BYE both read "Connection reset by peer"); only whether we saw
  ``CALL_ESTABLISHED`` first tells *missed* from *ended*.
- ``peerdisplayname`` still carries SIP quoted-pair escapes (``\\"`` and
  ``\\\\``); they are undone here so the agent reads ``Zoë "Z" O\\Brien``.
- ctrl_tcp serves one client at a time: a second client replaces the first.
  Commands (``dial`` for call back) therefore go over this same connection.
- Whose call it is: baresip is the desk's own softphone, so every call it
  reports rang this desk, on whichever of its accounts. ``called`` is that
  account's user (which line rang) and is not compared with the extension,
  unlike the contract bridges whose far side names the line (``contract``).
"""

from __future__ import annotations

import asyncio
import itertools
import json
import logging
import re
import time
from collections import OrderedDict
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any
from urllib.parse import unquote

from screenpop.bridges.base import EventSink, HealthSink, reconnecting
from screenpop.bridges.framing import NetstringDecoder, encode_netstring
from screenpop.bridges.registry import BridgeContext
from screenpop.events import MAX_NAME, CallEvent, CallState, EventError, event_from_mapping
from screenpop.health import Health, HealthState

if TYPE_CHECKING:
    from screenpop.bridges.plugins.baresip import BaresipConfig

log = logging.getLogger(__name__)

CONNECT_TIMEOUT_S = 5.0
COMMAND_TIMEOUT_S = 5.0
#: Calls remembered for missed/ended decisions; old ones are forgotten first.
MAX_TRACKED_CALLS = 256
#: What a call-back target may contain (a number or a SIP URI), nothing else.
_DIAL_TARGET = re.compile(r"^[A-Za-z0-9+*#@.:;=_%~!-]{1,128}$")
_QUOTED_PAIR = re.compile(r"\\(.)", re.DOTALL)
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


def unescape_display_name(raw: str) -> str:
    """Undo SIP quoted-pair escapes (RFC 3261 ``\\x`` -> ``x``) and outer quotes."""
    text = raw.strip()
    if len(text) >= 2 and text[0] == text[-1] == '"':
        text = text[1:-1]
    text = _QUOTED_PAIR.sub(r"\1", text)
    return _CONTROL.sub("", text)[:MAX_NAME]


def uri_user(uri: str) -> str:
    """The user part of a ``sip:``/``sips:``/``tel:`` URI: the caller's number as dialled."""
    text = uri.strip()
    if text.startswith("<") and ">" in text:
        text = text[1 : text.index(">")]
    for scheme in ("sips:", "sip:", "tel:"):
        if text.lower().startswith(scheme):
            text = text[len(scheme) :]
            break
    user = text.split("@", 1)[0] if "@" in text else text.split(";", 1)[0]
    return unquote(user.split(";", 1)[0])


@dataclass(slots=True)
class _Call:
    answered: bool = False


class BaresipEventMapper:
    """Turns decoded ctrl_tcp frames into ``CallEvent``s, remembering each call.

    Kept apart from the socket so the state rules can be tested (and fuzzed)
    directly on the real captures.
    """

    def __init__(self, bridge: str, extension: str) -> None:
        self.bridge = bridge
        self.extension = extension
        self._calls: OrderedDict[str, _Call] = OrderedDict()

    def feed_frame(self, frame: bytes) -> list[CallEvent]:
        """One netstring payload in, zero or more events out; never raises."""
        try:
            obj = json.loads(frame)
        except (ValueError, RecursionError):
            log.warning("baresip %s: frame is not JSON; dropped", self.bridge)
            return []
        if not isinstance(obj, dict) or obj.get("event") is not True:
            return []
        try:
            return self._event(obj)
        except EventError as exc:
            log.warning("baresip %s: event refused: %s", self.bridge, exc)
            return []

    def _event(self, obj: dict[str, Any]) -> list[CallEvent]:
        kind = obj.get("type")
        call_id = obj.get("id")
        if obj.get("class") != "call" or not isinstance(call_id, str) or not call_id:
            return []
        if kind not in ("CALL_INCOMING", "CALL_ESTABLISHED", "CALL_CLOSED"):
            return []
        if obj.get("direction", "incoming") != "incoming":
            # Our own outgoing calls (call back) are not pops.
            return []
        call = self._calls.get(call_id)
        states: list[CallState] = []
        if kind == "CALL_INCOMING":
            if call is None:
                self._track(call_id)
                states.append(CallState.RINGING)
        elif kind == "CALL_ESTABLISHED":
            if call is None:  # answermode=auto: no CALL_INCOMING came first
                call = self._track(call_id)
                states.append(CallState.RINGING)
            if not call.answered:
                call.answered = True
                states.append(CallState.ANSWERED)
        else:  # CALL_CLOSED
            if call is None:
                log.info("baresip %s: close of a call we never saw ring; ignored", self.bridge)
                return []
            del self._calls[call_id]
            states.append(CallState.ENDED if call.answered else CallState.MISSED)
        return [self._make(obj, call_id, state) for state in states]

    def _track(self, call_id: str) -> _Call:
        call = _Call()
        self._calls[call_id] = call
        while len(self._calls) > MAX_TRACKED_CALLS:
            self._calls.popitem(last=False)
        return call

    def _make(self, obj: dict[str, Any], call_id: str, state: CallState) -> CallEvent:
        peer = obj.get("peeruri")
        name = obj.get("peerdisplayname")
        aor = obj.get("accountaor")
        called = uri_user(aor) if isinstance(aor, str) else ""
        mapping: dict[str, Any] = {
            "event": state.value,
            "call_id": call_id,
            "caller_number": uri_user(peer) if isinstance(peer, str) else "",
            "caller_name": unescape_display_name(name) if isinstance(name, str) else "",
            "called": called or self.extension,
            "ts": time.time(),
        }
        if state is CallState.ANSWERED:
            mapping["agent"] = self.extension
        return event_from_mapping(mapping, self.bridge)


class BaresipBridge:
    """One ctrl_tcp client connection, reconnected forever; also a ``Dialer``."""

    def __init__(self, cfg: BaresipConfig, ctx: BridgeContext) -> None:
        self.name = cfg.label
        self.host = cfg.host
        self.port = cfg.port
        self.mapper = BaresipEventMapper(self.name, ctx.extension)
        self._writer: asyncio.StreamWriter | None = None
        self._replies: dict[str, asyncio.Future[dict[str, Any]]] = {}
        self._tokens = itertools.count(1)

    async def run(self, emit: EventSink, health: HealthSink) -> None:
        connected = False

        async def session() -> None:
            nonlocal connected
            connected = False
            health(self.name, Health(HealthState.CONNECTING, f"{self.host}:{self.port}"))
            reader, writer = await asyncio.wait_for(
                asyncio.open_connection(self.host, self.port), CONNECT_TIMEOUT_S
            )
            connected = True
            self._writer = writer
            health(self.name, Health(HealthState.CONNECTED, f"baresip {self.host}:{self.port}"))
            log.info("baresip %s: connected to %s:%d", self.name, self.host, self.port)
            try:
                await self._read(reader, emit)
            finally:
                self._writer = None
                for fut in self._replies.values():
                    if not fut.done():
                        fut.set_exception(ConnectionError("baresip connection lost"))
                self._replies.clear()
                writer.close()

        def got_connected() -> bool:
            return connected

        await reconnecting(self.name, session, health, on_connected_reset=got_connected)

    async def _read(self, reader: asyncio.StreamReader, emit: EventSink) -> None:
        decoder = NetstringDecoder()
        while True:
            data = await reader.read(65536)
            if not data:
                raise ConnectionError("baresip closed the connection")
            for frame in decoder.feed(data):
                self._maybe_reply(frame)
                for event in self.mapper.feed_frame(frame):
                    emit(event)
            if decoder.error is not None:
                raise ConnectionError(f"corrupt ctrl_tcp stream: {decoder.error}")

    def _maybe_reply(self, frame: bytes) -> None:
        if not frame.startswith(b'{"response"'):
            return
        try:
            obj = json.loads(frame)
        except ValueError:
            return
        token = obj.get("token") if isinstance(obj, dict) else None
        fut = self._replies.pop(token, None) if isinstance(token, str) else None
        if fut is not None and not fut.done():
            fut.set_result(obj)

    async def command(self, command: str, params: str = "") -> dict[str, Any]:
        """Send one ctrl_tcp command and wait for its response."""
        writer = self._writer
        if writer is None:
            raise ConnectionError(f"baresip bridge {self.name} is not connected")
        token = f"screenpop-{next(self._tokens)}"
        fut: asyncio.Future[dict[str, Any]] = asyncio.get_running_loop().create_future()
        self._replies[token] = fut
        payload = json.dumps({"command": command, "params": params, "token": token})
        writer.write(encode_netstring(payload.encode("utf-8")))
        await writer.drain()
        try:
            return await asyncio.wait_for(fut, COMMAND_TIMEOUT_S)
        finally:
            self._replies.pop(token, None)

    async def dial(self, number: str) -> None:
        """Call ``number`` (or a SIP URI) back from the agent's softphone."""
        target = number.strip()
        if not _DIAL_TARGET.match(target):
            raise ValueError("not a number or SIP URI that can be dialled")
        reply = await self.command("dial", target)
        if reply.get("ok") is not True:
            raise RuntimeError(f"baresip refused to dial: {str(reply.get('data', ''))[:200]}")


def create(cfg: BaresipConfig, ctx: BridgeContext) -> BaresipBridge:
    return BaresipBridge(cfg, ctx)

"""tcp-json bridge: screenpop's event contract pushed over TCP.

Any telephony side that can write the contract's JSON to a socket can pop
screens: kamailio's ``evapi`` module (the routing snippet in
installers/bridges/kamailio/ emits ringing/answered/ended/missed), a PBX
script, a CTI middleware. Two framings (``netstring``, which is evapi's
default, or ``lines``) and two directions:

- ``mode = "connect"``: we dial the peer, which serves events (kamailio evapi
  listens; every connected client gets every event), reconnecting forever.
  What protects it is the address dialled: only that host's administrators
  can serve on it (on this machine, a port below 1024 is root's alone).
- ``mode = "listen"``: peers dial us (bound to 127.0.0.1 unless configured).
  Any local process can reach that port, so every connection must first send
  an auth frame made with the shared ``secret`` (``tcpauth``); until then it
  is pending, and pending connections are bounded in time and number per
  peer (``admission``). Without a secret the listener does not start.

Each frame goes through ``decode_event`` (the contract's one validation, and
the drop of events naming another desk's line); invalid frames are logged
with the reason and dropped, a corrupt byte stream (bad framing) or a frame
that stalls drops that connection.
"""

from __future__ import annotations

import asyncio
import json
import logging
import time
from typing import TYPE_CHECKING

from screenpop.bridges.admission import Admission, Limits, Slot, peer_of
from screenpop.bridges.base import EventSink, HealthSink, ReplayGuard, reconnecting
from screenpop.bridges.contract import decode_event
from screenpop.bridges.framing import Decoder, encode_netstring, make_decoder
from screenpop.bridges.registry import BridgeContext
from screenpop.bridges.tcpauth import AuthVerifier
from screenpop.events import MAX_EVENT_BYTES
from screenpop.health import Health, HealthState

if TYPE_CHECKING:
    from screenpop.bridges.plugins.tcpjson import TcpJsonConfig

log = logging.getLogger(__name__)

CONNECT_TIMEOUT_S = 5.0
#: No contract event is larger; a bigger frame is refused before it is buffered.
MAX_FRAME = MAX_EVENT_BYTES + 1024


class Closed(Exception):
    """A connection we end on purpose; the message says why."""


class TcpJsonBridge:
    """Reads contract events from TCP, as a client or as a small server."""

    def __init__(self, cfg: TcpJsonConfig, ctx: BridgeContext, limits: Limits | None = None
                 ) -> None:
        self.name = cfg.label
        self.host = cfg.host
        self.port = cfg.port
        self.framing = cfg.framing
        self.mode = cfg.mode
        self.secret_ref = cfg.secret
        self.extension = ctx.extension
        self.limits = limits or Limits()
        self._resolve = ctx.secret
        self._replay: ReplayGuard | None = ctx.replay
        self.admission = Admission(self.limits, f"tcp-json {self.name}")

    async def run(self, emit: EventSink, health: HealthSink) -> None:
        if self.mode == "listen":
            if not self.secret_ref:
                reason = "no secret configured: refusing to accept unauthenticated events"
                log.error("tcp-json %s: %s", self.name, reason)
                health(self.name, Health(HealthState.FAILED, reason))
                await asyncio.Event().wait()  # stay "failed" until the app stops us
            await reconnecting(self.name, lambda: self._serve(emit, health), health)
            return
        connected = False

        async def session() -> None:
            nonlocal connected
            connected = False
            health(self.name, Health(HealthState.CONNECTING, f"{self.host}:{self.port}"))
            reader, writer = await asyncio.wait_for(
                asyncio.open_connection(self.host, self.port), CONNECT_TIMEOUT_S
            )
            connected = True
            health(self.name, Health(HealthState.CONNECTED, f"{self.host}:{self.port}"))
            log.info("tcp-json %s: connected to %s:%d", self.name, self.host, self.port)
            try:
                await self._read_trusted(reader, make_decoder(self.framing, MAX_FRAME), emit,
                                         idle_timeout=None)
            except Closed as exc:
                raise ConnectionError(str(exc)) from None
            finally:
                writer.close()

        await reconnecting(self.name, session, health, on_connected_reset=lambda: connected)

    # ------------------------------------------------------------- reading --

    async def _chunk(self, reader: asyncio.StreamReader, timeout: float | None,
                     why: str) -> bytes:
        """The next bytes; ``Closed`` when the peer leaves or ``timeout`` passes first."""
        try:
            data = await asyncio.wait_for(reader.read(65536), timeout)
        except TimeoutError:
            raise Closed(why) from None
        except OSError as exc:
            raise Closed(f"connection lost: {exc}") from None
        if not data:
            raise Closed("peer closed the connection")
        return data

    def _emit_frames(self, frames: list[bytes], emit: EventSink) -> None:
        for frame in frames:
            if not frame.strip():
                continue  # "0:," or a blank line: a keep-alive
            event = decode_event(frame, self.name, "tcp-json", self.extension)
            if event is not None:
                emit(event)

    async def _read_trusted(self, reader: asyncio.StreamReader, decoder: Decoder,
                            emit: EventSink, *, idle_timeout: float | None) -> None:
        """Events until the stream ends; a frame that stalls half-way ends it too."""
        frame_timeout = self.limits.frame_timeout_s
        started: float | None = None  # when the frame now in the buffer began
        while True:
            if started is not None:
                timeout: float | None = max(0.0, started + frame_timeout - time.monotonic())
                why = f"a frame stalled for {frame_timeout:g} s"
            else:
                timeout, why = idle_timeout, f"silent for {idle_timeout or 0:g} s"
            data = await self._chunk(reader, timeout, why)
            self._emit_frames(decoder.feed(data), emit)
            if decoder.error is not None:
                raise Closed(f"corrupt {self.framing} stream: {decoder.error}")
            if decoder.pending == 0:
                started = None
            elif started is None:
                started = time.monotonic()

    # ----------------------------------------------------------- listening --

    def _frame(self, obj: dict[str, object]) -> bytes:
        payload = json.dumps(obj).encode("utf-8")
        return encode_netstring(payload) if self.framing == "netstring" else payload + b"\n"

    async def _authenticate(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter,
                            decoder: Decoder, verifier: AuthVerifier, emit: EventSink,
                            peer: str) -> None:
        """Read until the auth frame is checked; ``Closed`` unless it is good and in time."""
        deadline = time.monotonic() + self.limits.auth_timeout_s
        while True:
            left = max(0.0, deadline - time.monotonic())
            data = await self._chunk(reader, left, "no auth frame within "
                                     f"{self.limits.auth_timeout_s:g} s")
            frames = decoder.feed(data)
            if frames:
                reason = await asyncio.to_thread(verifier.check, frames[0])
                if reason is not None:
                    log.warning("tcp-json %s: refused a connection from %s: %s", self.name,
                                peer, reason)
                    writer.write(self._frame({"error": reason}))
                    raise Closed(reason)
                writer.write(self._frame({"authenticated": True}))
                self._emit_frames(frames[1:], emit)
                return
            if decoder.error is not None:
                raise Closed(f"corrupt {self.framing} stream: {decoder.error}")

    async def _serve(self, emit: EventSink, health: HealthSink) -> None:
        assert self.secret_ref is not None
        verifier = AuthVerifier(self._resolve(self.secret_ref).encode("utf-8"), self.name,
                                replay=self._replay)

        async def client(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
            peer = peer_of(writer.get_extra_info("socket"))
            slot = self.admission.admit(peer, writer.transport.abort)
            if slot is None:
                writer.transport.abort()
                return
            try:
                await self._client(slot, reader, writer, verifier, emit)
            finally:
                self.admission.release(slot)
                writer.close()  # flushes a last error frame; an evicted one is aborted already

        server = await asyncio.start_server(client, self.host, self.port)
        async with server:
            health(self.name, Health(HealthState.LISTENING, f"{self.host}:{self.port}"))
            log.info("tcp-json %s: listening on %s:%d", self.name, self.host, self.port)
            await server.serve_forever()

    async def _client(self, slot: Slot, reader: asyncio.StreamReader,
                      writer: asyncio.StreamWriter, verifier: AuthVerifier,
                      emit: EventSink) -> None:
        decoder = make_decoder(self.framing, MAX_FRAME)
        try:
            await self._authenticate(reader, writer, decoder, verifier, emit, slot.peer)
            self.admission.trust(slot)
            log.info("tcp-json %s: %s authenticated", self.name, slot.peer)
            await self._read_trusted(reader, decoder, emit,
                                     idle_timeout=self.limits.idle_timeout_s)
        except Closed as exc:
            if not slot.evicted:  # refusals were logged as warnings where they happened
                log.info("tcp-json %s: connection from %s ended: %s", self.name, slot.peer, exc)


def create(cfg: TcpJsonConfig, ctx: BridgeContext) -> TcpJsonBridge:
    return TcpJsonBridge(cfg, ctx)

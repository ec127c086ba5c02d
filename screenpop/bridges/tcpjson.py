"""tcp-json bridge: screenpop's event contract pushed over TCP.

Any telephony side that can write the contract's JSON to a socket can pop
screens: kamailio's ``evapi`` module (the routing snippet in
installers/bridges/kamailio/ emits ringing/answered/ended/missed), a PBX
script, a CTI middleware. Two framings (``netstring``, which is evapi's
default, or ``lines``) and two directions:

- ``mode = "connect"``: we dial the peer, which serves events (kamailio evapi
  listens; every connected client gets every event), reconnecting forever;
- ``mode = "listen"``: peers dial us (bound to 127.0.0.1 unless configured).

Each frame goes through ``parse_event_json``, the one validation of the
contract; invalid frames are logged with the reason and dropped, a corrupt
byte stream (bad framing) drops that connection.
"""

from __future__ import annotations

import asyncio
import logging

from screenpop.bridges.base import EventSink, HealthSink, reconnecting
from screenpop.bridges.contract import decode_event
from screenpop.bridges.framing import make_decoder
from screenpop.bridges.registry import BridgeContext
from screenpop.config.schema import TcpJsonBridge as TcpJsonConfig
from screenpop.health import Health, HealthState

log = logging.getLogger(__name__)

CONNECT_TIMEOUT_S = 5.0
#: Clients a listening bridge serves at once; more are refused (closed at once).
MAX_CLIENTS = 32


class TcpJsonBridge:
    """Reads contract events from TCP, as a client or as a small server."""

    def __init__(self, cfg: TcpJsonConfig, ctx: BridgeContext) -> None:
        self.name = cfg.label
        self.host = cfg.host
        self.port = cfg.port
        self.framing = cfg.framing
        self.mode = cfg.mode
        self._clients = 0

    async def run(self, emit: EventSink, health: HealthSink) -> None:
        if self.mode == "listen":
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
                await self._read(reader, emit)
            finally:
                writer.close()

        await reconnecting(self.name, session, health, on_connected_reset=lambda: connected)

    async def _read(self, reader: asyncio.StreamReader, emit: EventSink) -> None:
        decoder = make_decoder(self.framing)
        while True:
            data = await reader.read(65536)
            if not data:
                raise ConnectionError("peer closed the connection")
            for frame in decoder.feed(data):
                event = decode_event(frame, self.name, "tcp-json")
                if event is not None:
                    emit(event)
            if decoder.error is not None:
                raise ConnectionError(f"corrupt {self.framing} stream: {decoder.error}")

    async def _serve(self, emit: EventSink, health: HealthSink) -> None:
        async def client(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
            peer = writer.get_extra_info("peername")
            if self._clients >= MAX_CLIENTS:
                log.warning(
                    "tcp-json %s: refusing %s, %d clients already", self.name, peer, self._clients
                )
                writer.close()
                return
            self._clients += 1
            try:
                await self._read(reader, emit)
            except ConnectionError as exc:
                log.info("tcp-json %s: client %s gone: %s", self.name, peer, exc)
            finally:
                self._clients -= 1
                writer.close()

        server = await asyncio.start_server(client, self.host, self.port)
        async with server:
            health(self.name, Health(HealthState.LISTENING, f"{self.host}:{self.port}"))
            log.info("tcp-json %s: listening on %s:%d", self.name, self.host, self.port)
            await server.serve_forever()


def create(cfg: TcpJsonConfig, ctx: BridgeContext) -> TcpJsonBridge:
    return TcpJsonBridge(cfg, ctx)

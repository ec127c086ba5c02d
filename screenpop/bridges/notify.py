"""``screenpop notify``: softphones that run a command on ring hand us the call.

MicroSIP, Zoiper and Linphone can run a program when a call comes in; that
program is ``screenpop notify NUMBER``, which passes the call to the running
instance over a local socket and exits. The same socket is the single-
instance lock: a second ``screenpop run`` finds it answered and stops.

POSIX uses a Unix socket (0600) in the user's runtime dir (0700): only the
user can reach it. Windows uses a named pipe only the user can open, with a
random name and token in a file only the user can read (``notify_pipe``);
never a TCP port, which every user of a shared desk could connect to.
"""

from __future__ import annotations

import asyncio
import contextlib
import hmac
import json
import logging
import os
import socket
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol, cast

from screenpop.bridges.base import EventSink, HealthSink
from screenpop.bridges.notify_pipe import AlreadyRunning, PipeChannel, PipeServer
from screenpop.bridges.registry import BridgeContext
from screenpop.events import CallEvent, CallState, EventError, event_from_mapping
from screenpop.health import Health, HealthState
from screenpop.notify_client import MAX_MESSAGE, socket_path
from screenpop.phone import mask

if TYPE_CHECKING:
    from screenpop.bridges.plugins.notify import NotifyConfig

log = logging.getLogger(__name__)

MAX_REQUEST = MAX_MESSAGE

__all__ = ["AlreadyRunning", "Claim", "NotifyBridge", "claim", "create"]


class Claim(Protocol):
    """What ``claim`` holds: the Unix socket, or (Windows) the lock and the pipe."""

    def close(self) -> None: ...


def claim(runtime_dir: Path) -> Claim:
    """Take this user's single-instance lock and channel, or raise ``AlreadyRunning``.

    Stale files of a killed instance are reclaimed.
    """
    if sys.platform == "win32":
        from screenpop.bridges.notify_pipe import PipeClaim

        return PipeClaim(runtime_dir)
    runtime_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
    path = socket_path(runtime_dir)
    if path.exists():
        probe = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        probe.settimeout(1.0)
        try:
            probe.connect(str(path))
        except OSError:
            path.unlink(missing_ok=True)  # left behind by a killed instance
        else:
            raise AlreadyRunning(f"screenpop is already running (socket {path})")
        finally:
            probe.close()
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    old = os.umask(0o177)
    try:
        sock.bind(str(path))
    finally:
        os.umask(old)
    sock.listen(16)
    sock.setblocking(False)
    return sock


class NotifyBridge:
    """Receives calls from ``screenpop notify`` on the claimed socket."""

    def __init__(self, cfg: NotifyConfig, ctx: BridgeContext, sock: Claim | None = None) -> None:
        self.cfg = cfg
        self.name = cfg.label
        self.extension = ctx.extension
        self.runtime_dir = Path(ctx.runtime_dir)
        self.sock = sock
        self._timers: dict[str, asyncio.TimerHandle] = {}

    async def run(self, emit: EventSink, health: HealthSink) -> None:
        if self.sock is None:
            self.sock = claim(self.runtime_dir)
        try:
            if isinstance(self.sock, socket.socket):
                await self._serve_unix(self.sock, emit, health)
            else:
                await self._serve_pipe(emit, health)
        finally:
            for handle in self._timers.values():
                handle.cancel()

    async def _serve_unix(self, sock: socket.socket, emit: EventSink, health: HealthSink) -> None:
        open_writers: set[asyncio.StreamWriter] = set()

        async def serve(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
            open_writers.add(writer)
            try:
                try:
                    line = await asyncio.wait_for(reader.readline(), timeout=5.0)
                    reply = self._handle(line, "", emit)
                except (TimeoutError, ValueError, OSError) as exc:
                    reply = {"ok": False, "error": f"bad request: {type(exc).__name__}"}
                with contextlib.suppress(OSError):
                    writer.write(json.dumps(reply).encode() + b"\n")
                    await writer.drain()
            finally:
                open_writers.discard(writer)
                writer.close()

        server = await asyncio.start_unix_server(serve, sock=sock, limit=MAX_REQUEST)
        health(self.name, Health(HealthState.LISTENING, str(socket_path(self.runtime_dir))))
        try:
            async with server:
                await server.serve_forever()
        finally:
            socket_path(self.runtime_dir).unlink(missing_ok=True)
            for writer in open_writers:  # connections still being served: closed too
                writer.close()
            await asyncio.sleep(0)  # let the transports finish closing

    async def _serve_pipe(self, emit: EventSink, health: HealthSink) -> None:  # pragma: no cover
        """Windows: the pipe's own threads take requests; ``_handle`` runs on this loop."""
        pipe = cast(PipeChannel, self.sock)
        loop = asyncio.get_running_loop()

        async def on_loop(line: bytes) -> dict[str, Any]:
            return self._handle(line, pipe.token, emit)

        def handle(line: bytes) -> dict[str, Any]:
            return asyncio.run_coroutine_threadsafe(on_loop(line), loop).result(5.0)

        server = PipeServer(pipe.listener, pipe.wake, handle)
        server.start()
        health(self.name, Health(HealthState.LISTENING, str(socket_path(self.runtime_dir))))
        try:
            await loop.create_future()  # until cancelled
        finally:
            await asyncio.to_thread(server.stop)
            pipe.close()

    def _handle(self, line: bytes, token: str, emit: EventSink) -> dict[str, Any]:
        if len(line) >= MAX_REQUEST or not line.endswith(b"\n"):
            return {"ok": False, "error": "request too long or not one line"}
        try:
            obj = json.loads(line)
        except ValueError:
            return {"ok": False, "error": "not JSON"}
        if not isinstance(obj, dict):
            return {"ok": False, "error": "not a JSON object"}
        sent = obj.pop("token", None)
        if token and not (isinstance(sent, str) and hmac.compare_digest(sent, token)):
            log.warning("notify: refused a request without this instance's token")
            return {"ok": False, "error": "bad token"}
        obj.setdefault("called", self.extension)
        try:
            event = event_from_mapping(obj, self.name)
        except EventError as exc:
            log.warning("notify: refused: %s", exc)
            return {"ok": False, "error": str(exc)}
        log.info("notify: %s from %s", event.state, mask(event.caller_number))
        self._arm_timeout(event, emit)
        emit(event)
        return {"ok": True, "call_id": event.call_id}

    def _arm_timeout(self, event: CallEvent, emit: EventSink) -> None:
        """A notified call we hear nothing more about is ended after a while."""
        old = self._timers.pop(event.call_id, None)
        if old is not None:
            old.cancel()
        if event.state not in (CallState.RINGING, CallState.ANSWERED):
            return
        loop = asyncio.get_running_loop()
        closing = CallState.MISSED if event.state is CallState.RINGING else CallState.ENDED

        def expire() -> None:
            self._timers.pop(event.call_id, None)
            emit(
                CallEvent(
                    call_id=event.call_id,
                    state=closing,
                    caller_number=event.caller_number,
                    caller_name=event.caller_name,
                    called=event.called,
                    bridge=self.name,
                )
            )

        delay = self.cfg.ring_timeout if event.state is CallState.RINGING else 4 * 3600.0
        self._timers[event.call_id] = loop.call_later(delay, expire)


def create(cfg: NotifyConfig, ctx: BridgeContext) -> NotifyBridge:
    return NotifyBridge(cfg, ctx)

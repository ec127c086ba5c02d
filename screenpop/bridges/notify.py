"""``screenpop notify``: softphones that run a command on ring hand us the call.

MicroSIP, Zoiper and Linphone can run a program when a call comes in; that
program is ``screenpop notify NUMBER``, which passes the call to the running
instance over a local socket and exits. The same socket is the single-
instance lock: a second ``screenpop run`` finds it answered and stops.

POSIX uses a Unix socket in the user's runtime dir (only the user can reach
it). Elsewhere a loopback TCP port is used, written with a random token to a
file only the user can read; the token must accompany every request.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import os
import secrets
import socket
from pathlib import Path
from typing import Any

from screenpop.bridges.base import EventSink, HealthSink
from screenpop.bridges.registry import BridgeContext
from screenpop.config.schema import NotifyBridge as NotifyConfig
from screenpop.events import CallEvent, CallState, EventError, event_from_mapping
from screenpop.health import Health, HealthState
from screenpop.notify_client import USE_UNIX, socket_path
from screenpop.phone import mask

log = logging.getLogger(__name__)

MAX_REQUEST = 8 * 1024


class AlreadyRunning(Exception):
    """Another screenpop instance owns the notify socket."""


def claim(runtime_dir: Path) -> socket.socket:
    """Bind the listening socket or raise ``AlreadyRunning`` (stale files are reclaimed)."""
    runtime_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
    path = socket_path(runtime_dir)
    if USE_UNIX:
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
    else:  # pragma: no cover - exercised on Windows builds
        if path.exists():
            with contextlib.suppress(OSError, ValueError):
                port, _token = path.read_text().split()
                with socket.create_connection(("127.0.0.1", int(port)), timeout=1.0):
                    raise AlreadyRunning(f"screenpop is already running (port {port})")
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        sock.bind(("127.0.0.1", 0))
        token = secrets.token_hex(16)
        tmp = path.with_suffix(".tmp")
        tmp.write_text(f"{sock.getsockname()[1]} {token}")
        os.replace(tmp, path)
    sock.listen(16)
    sock.setblocking(False)
    return sock


def _token(runtime_dir: Path) -> str:
    if USE_UNIX:
        return ""
    return socket_path(runtime_dir).read_text().split()[1]  # pragma: no cover


class NotifyBridge:
    """Receives calls from ``screenpop notify`` on the claimed socket."""

    def __init__(
        self, cfg: NotifyConfig, ctx: BridgeContext, sock: socket.socket | None = None
    ) -> None:
        self.cfg = cfg
        self.name = cfg.label
        self.extension = ctx.extension
        self.runtime_dir = Path(ctx.runtime_dir)
        self.sock = sock
        self._timers: dict[str, asyncio.TimerHandle] = {}

    async def run(self, emit: EventSink, health: HealthSink) -> None:
        if self.sock is None:
            self.sock = claim(self.runtime_dir)
        token = _token(self.runtime_dir)

        async def serve(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
            try:
                line = await asyncio.wait_for(reader.readline(), timeout=5.0)
                reply = self._handle(line, token, emit)
            except (TimeoutError, ValueError, OSError) as exc:
                reply = {"ok": False, "error": f"bad request: {type(exc).__name__}"}
            with contextlib.suppress(OSError):
                writer.write(json.dumps(reply).encode() + b"\n")
                await writer.drain()
                writer.close()

        if USE_UNIX:
            server = await asyncio.start_unix_server(serve, sock=self.sock, limit=MAX_REQUEST)
        else:  # pragma: no cover
            server = await asyncio.start_server(serve, sock=self.sock, limit=MAX_REQUEST)
        health(self.name, Health(HealthState.LISTENING, str(socket_path(self.runtime_dir))))
        try:
            async with server:
                await server.serve_forever()
        finally:
            for handle in self._timers.values():
                handle.cancel()
            if USE_UNIX:
                socket_path(self.runtime_dir).unlink(missing_ok=True)

    def _handle(self, line: bytes, token: str, emit: EventSink) -> dict[str, Any]:
        if len(line) >= MAX_REQUEST or not line.endswith(b"\n"):
            return {"ok": False, "error": "request too long or not one line"}
        try:
            obj = json.loads(line)
        except ValueError:
            return {"ok": False, "error": "not JSON"}
        if not isinstance(obj, dict):
            return {"ok": False, "error": "not a JSON object"}
        if token and obj.pop("token", None) != token:
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

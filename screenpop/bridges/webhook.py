"""webhook bridge: signed HTTP POSTs of the event contract from a PBX or cloud telephony.

``POST /events`` with a JSON body of the contract (DESIGN.md), signed with
HMAC-SHA256 over ``timestamp + "." + body`` using a shared secret from the
keyring, headers ``X-Screenpop-Timestamp`` (seconds since the epoch) and
``X-Screenpop-Signature: sha256=HEX``. Bound to 127.0.0.1 unless configured.

Every refusal is a clear 4xx with a JSON ``{"error": reason}`` and a logged
reason, and emits nothing:

====  =====================================================================
401   unsigned, malformed or wrong signature, stale or future timestamp
409   the same signed request seen before (replay)
413   body larger than ``max_body``
415   not ``Content-Type: application/json``
400   not a valid contract event (bad JSON, missing/invalid fields)
422   well-formed event of an unknown kind
====  =====================================================================

The checks live in ``WebhookVerifier`` (no HTTP) so they are fuzzed directly;
the aiohttp handler only moves bytes in and statuses out.
"""

from __future__ import annotations

import asyncio
import hashlib
import hmac
import logging
import math
import time
from collections import OrderedDict
from collections.abc import Mapping
from dataclasses import dataclass

from aiohttp import web

from screenpop.bridges.base import EventSink, HealthSink, reconnecting
from screenpop.bridges.registry import BridgeContext
from screenpop.config.schema import WebhookBridge as WebhookConfig
from screenpop.events import CallEvent, EventError, UnknownEvent, parse_event_json
from screenpop.health import Health, HealthState

log = logging.getLogger(__name__)

TIMESTAMP_HEADER = "X-Screenpop-Timestamp"
SIGNATURE_HEADER = "X-Screenpop-Signature"
#: Signatures remembered for replay detection; bounded even under a flood.
MAX_REMEMBERED = 100_000


def sign(secret: bytes, timestamp: str, body: bytes) -> str:
    """The signature header value for ``body`` sent at ``timestamp`` (for senders and tests)."""
    mac = hmac.new(secret, timestamp.encode("ascii") + b"." + body, hashlib.sha256)
    return "sha256=" + mac.hexdigest()


@dataclass(frozen=True, slots=True)
class Verdict:
    """What to answer one request: a status, the reason, and the event if accepted."""

    status: int
    reason: str
    event: CallEvent | None = None


class WebhookVerifier:
    """Signature, freshness, replay, size, type and contract checks for one request."""

    def __init__(self, secret: bytes, bridge: str, *, max_body: int, max_age_s: float) -> None:
        self._secret = secret
        self.bridge = bridge
        self.max_body = max_body
        self.max_age_s = max_age_s
        self._seen: OrderedDict[str, float] = OrderedDict()

    def check(self, headers: Mapping[str, str], body: bytes, now: float | None = None) -> Verdict:
        """Decide on one request; never raises."""
        now = time.time() if now is None else now
        if len(body) > self.max_body:
            return Verdict(413, f"body larger than {self.max_body} bytes")
        ctype = headers.get("Content-Type", "").split(";", 1)[0].strip().lower()
        if ctype != "application/json":
            return Verdict(415, "Content-Type must be application/json")
        stamp = headers.get(TIMESTAMP_HEADER, "").strip()
        given = headers.get(SIGNATURE_HEADER, "").strip()
        if not stamp or not given:
            return Verdict(401, f"unsigned: {TIMESTAMP_HEADER} and {SIGNATURE_HEADER} required")
        ts = _parse_timestamp(stamp)
        if ts is None:
            return Verdict(401, f"{TIMESTAMP_HEADER} must be seconds since the epoch")
        if not given.startswith("sha256=") or len(given) != 7 + 64:
            return Verdict(401, f"{SIGNATURE_HEADER} must be sha256=<64 hex digits>")
        expected = sign(self._secret, stamp, body)
        offered = given.lower().encode("ascii", "replace")
        if not hmac.compare_digest(expected.encode("ascii"), offered):
            return Verdict(401, "wrong signature")
        if abs(now - ts) > self.max_age_s:
            window = f"{self.max_age_s:g} s"
            return Verdict(401, f"timestamp outside the {window} window (stale or future)")
        self._forget_older_than(now - self.max_age_s)
        key = expected[7:]
        if key in self._seen:
            return Verdict(409, "replayed request")
        self._seen[key] = ts
        while len(self._seen) > MAX_REMEMBERED:
            self._seen.popitem(last=False)
        try:
            event = parse_event_json(body, self.bridge)
        except UnknownEvent as exc:
            return Verdict(422, str(exc))
        except EventError as exc:
            return Verdict(400, str(exc))
        return Verdict(202, "accepted", event)

    def _forget_older_than(self, cutoff: float) -> None:
        # Remembered signatures older than the window can not pass the freshness check anyway.
        stale = [k for k, ts in self._seen.items() if ts < cutoff]
        for key in stale:
            del self._seen[key]


def _parse_timestamp(text: str) -> float | None:
    if len(text) > 32:
        return None
    try:
        value = float(text)
    except ValueError:
        return None
    return value if math.isfinite(value) else None


async def _read_capped(request: web.Request, limit: int) -> bytes:
    """The body, but never more than ``limit`` bytes (chunked bodies have no length)."""
    buf = bytearray()
    while len(buf) < limit:
        chunk = await request.content.read(limit - len(buf))
        if not chunk:
            break
        buf += chunk
    return bytes(buf)


def split_listen(listen: str) -> tuple[str, int]:
    """``HOST:PORT`` or ``[v6]:PORT`` into host and port."""
    host, _, port = listen.rpartition(":")
    return host.strip("[]"), int(port)


class WebhookBridge:
    """An aiohttp server on ``listen`` that turns verified POSTs into events."""

    def __init__(self, cfg: WebhookConfig, ctx: BridgeContext) -> None:
        self.name = cfg.label
        self.host, self.port = split_listen(cfg.listen)
        self.secret_ref = cfg.secret
        self.max_body = cfg.max_body
        self.max_age_s = float(cfg.max_age_s)
        self._resolve = ctx.secret

    async def run(self, emit: EventSink, health: HealthSink) -> None:
        if not self.secret_ref:
            reason = "no secret configured: refusing to accept unsigned webhooks"
            log.error("webhook %s: %s", self.name, reason)
            health(self.name, Health(HealthState.FAILED, reason))
            await asyncio.Event().wait()  # stay "failed" until the app stops us
        await reconnecting(self.name, lambda: self._serve(emit, health), health)

    async def _serve(self, emit: EventSink, health: HealthSink) -> None:
        assert self.secret_ref is not None
        secret = self._resolve(self.secret_ref).encode("utf-8")
        verifier = WebhookVerifier(
            secret, self.name, max_body=self.max_body, max_age_s=self.max_age_s
        )

        async def events(request: web.Request) -> web.Response:
            if request.content_length is not None and request.content_length > self.max_body:
                verdict = Verdict(413, f"body larger than {self.max_body} bytes")
            else:
                body = await _read_capped(request, self.max_body + 1)
                verdict = verifier.check(request.headers, body)
            peer = request.remote or "?"
            if verdict.event is None:
                log.warning(
                    "webhook %s: refused request from %s: %d %s",
                    self.name,
                    peer,
                    verdict.status,
                    verdict.reason,
                )
                return web.json_response({"error": verdict.reason}, status=verdict.status)
            emit(verdict.event)
            return web.json_response(
                {"accepted": True, "call_id": verdict.event.call_id}, status=202
            )

        app = web.Application(client_max_size=self.max_body + 1)
        app.router.add_post("/events", events)
        runner = web.AppRunner(app, access_log=None)
        await runner.setup()
        try:
            site = web.TCPSite(runner, self.host, self.port)
            await site.start()
            health(
                self.name, Health(HealthState.LISTENING, f"http://{self.host}:{self.port}/events")
            )
            log.info("webhook %s: listening on %s:%d", self.name, self.host, self.port)
            await asyncio.Event().wait()
        finally:
            await runner.cleanup()


def create(cfg: WebhookConfig, ctx: BridgeContext) -> WebhookBridge:
    return WebhookBridge(cfg, ctx)

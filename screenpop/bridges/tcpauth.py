"""The auth frame a tcp-json pusher sends first: proof that it holds the shared secret.

A ``mode = "listen"`` bridge accepts connections from any process that can
reach its port; on a shared workstation that is every OS user. So the first
frame of every connection (in the connection's framing) must be::

    {"auth": "sha256=<hex>", "ts": "<unix seconds>", "nonce": "<16-128 of A-Z a-z 0-9 _ ->"}

where ``<hex>`` is HMAC-SHA256 under the secret (the keyring entry named by
the bridge's ``secret``) of ``screenpop-tcp-json.<ts>.<nonce>``, ``ts`` being
the exact text sent. The frame is accepted once: within ``max_age_s`` of its
``ts`` and never again (the replay guard remembers its signature, across
restarts when the journal's guard is wired in). Everything after it on that
connection is trusted as the pusher's.

Why a frame and not a challenge: pushers are often one-way scripts that never
read (``nc``, a PBX hook); a timestamped nonce needs no round trip, and with a
replay guard a captured frame is as useless as an answered challenge. Why not
a signature per event: a connection then stays anonymous until its first call,
and anonymous connections are what an attacker holds open to starve the
listener (see ``admission``).
"""

from __future__ import annotations

import hashlib
import hmac
import json
import math
import re
import secrets
import time

from screenpop.bridges.base import MemoryReplayGuard, ReplayGuard, first_seen

#: Domain separation: no webhook signature (over "<ts>.<body>") is ever an auth frame's.
CONTEXT = "screenpop-tcp-json"
_NONCE = re.compile(r"^[A-Za-z0-9_-]{16,128}$")
_STAMP = re.compile(r"^[0-9]{1,12}(\.[0-9]{1,9})?$")
#: An auth frame is a few hundred bytes; anything longer is not one.
MAX_AUTH_FRAME = 1024


def signature(secret: bytes, ts: str, nonce: str) -> str:
    """``sha256=<hex>`` for an auth frame sent at ``ts`` with ``nonce``."""
    message = f"{CONTEXT}.{ts}.{nonce}".encode("ascii")
    return "sha256=" + hmac.new(secret, message, hashlib.sha256).hexdigest()


def auth_frame(secret: bytes, ts: float | None = None, nonce: str | None = None) -> bytes:
    """The JSON payload of a fresh auth frame (for pushers written in Python, and tests)."""
    stamp = str(int(time.time() if ts is None else ts))
    nonce = nonce or secrets.token_hex(16)
    body = {"auth": signature(secret, stamp, nonce), "ts": stamp, "nonce": nonce}
    return json.dumps(body, separators=(",", ":")).encode("ascii")


class AuthVerifier:
    """Checks auth frames: shape, signature, freshness and first use. Thread-safe."""

    def __init__(
        self,
        secret: bytes,
        bridge: str,
        *,
        max_age_s: float = 300.0,
        replay: ReplayGuard | None = None,
    ) -> None:
        self._secret = secret
        self.bridge = bridge
        self.max_age_s = max_age_s
        self._memory = MemoryReplayGuard(max_age_s)
        self._replay = replay

    def check(self, frame: bytes, now: float | None = None) -> str | None:
        """None when ``frame`` authenticates its connection, else why not; never raises.

        May write to disk (the durable replay guard): call it off the loop.
        """
        now = time.time() if now is None else now
        if len(frame) > MAX_AUTH_FRAME:
            return "first frame is not an auth frame (too long)"
        try:
            obj = json.loads(frame)
        except (ValueError, RecursionError):
            return "first frame is not an auth frame (not JSON)"
        if not isinstance(obj, dict) or "auth" not in obj:
            return "not authenticated: the first frame must be an auth frame"
        given, stamp, nonce = obj.get("auth"), obj.get("ts"), obj.get("nonce")
        if not (isinstance(given, str) and isinstance(stamp, str) and isinstance(nonce, str)):
            return "auth frame needs string fields auth, ts and nonce"
        if not _STAMP.match(stamp) or not math.isfinite(float(stamp)):
            return "auth frame ts must be unix seconds as a string"
        if not _NONCE.match(nonce):
            return "auth frame nonce must be 16-128 characters of A-Z a-z 0-9 _ -"
        expected = signature(self._secret, stamp, nonce)
        if not hmac.compare_digest(expected.encode("ascii"),
                                   given.strip().lower().encode("ascii", "replace")):
            return "wrong auth signature"
        ts = float(stamp)
        if abs(now - ts) > self.max_age_s:
            return f"auth frame outside the {self.max_age_s:g} s window (stale or future)"
        if not first_seen(self._memory, self._replay, "tcp-json:" + expected[7:], ts,
                          self.bridge):
            return "replayed auth frame"
        return None

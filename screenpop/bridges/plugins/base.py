"""What every bridge's config shares, and the checks several bridges use."""

from __future__ import annotations

import socket
import time

from screenpop.config.fields import Strict
from screenpop.config.plugins import Verdict

LOOPBACK = frozenset({"127.0.0.1", "localhost", "::1"})


class BridgeBase(Strict):
    """The keys of every ``[[bridge]]`` table."""

    kind: str
    """The bridge kind: which telephony side this bridge speaks to."""
    name: str = ""
    """Name in logs, health and the journal; empty = the kind."""

    @property
    def label(self) -> str:
        return self.name or str(self.kind)


def tcp_reachable(host: str, port: int, timeout: float = 2.0) -> Verdict:
    """Whether a TCP peer accepts a connection: the part of a bridge doctor can test
    without logging in or taking events away from the running app."""
    started = time.perf_counter()
    try:
        with socket.create_connection((host, port), timeout=timeout):
            ms = (time.perf_counter() - started) * 1000
            return Verdict(True, f"{host}:{port} reachable in {ms:.0f} ms")
    except OSError as exc:
        return Verdict(
            False, f"cannot reach {host}:{port} ({exc.strerror or exc}); is the service running?"
        )

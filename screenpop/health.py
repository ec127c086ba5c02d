"""Health and back-off: how a connected part (bridge, journal, replication,
source) says how it is doing, and how it waits before trying again.

Plain values shared by every part of the core and shown by every front end;
they live here, below the parts, so that no part imports another for them.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from enum import StrEnum

#: Longest wait between two reconnection attempts (DESIGN: ≤ 5 s).
MAX_BACKOFF_S = 5.0
FIRST_BACKOFF_S = 0.2


class HealthState(StrEnum):
    CONNECTING = "connecting"
    CONNECTED = "connected"
    LISTENING = "listening"
    RETRYING = "retrying"
    FAILED = "failed"


@dataclass(frozen=True, slots=True)
class Health:
    state: HealthState
    detail: str = ""
    since: float = field(default_factory=time.time)

    @property
    def good(self) -> bool:
        return self.state in (HealthState.CONNECTED, HealthState.LISTENING)


class Backoff:
    """Capped exponential back-off: 0.2, 0.4, 0.8 ... 5 s, reset on success."""

    def __init__(self, first: float = FIRST_BACKOFF_S, cap: float = MAX_BACKOFF_S) -> None:
        self.first = first
        self.cap = cap
        self.delay = first

    def reset(self) -> None:
        self.delay = self.first

    def next(self) -> float:
        delay = self.delay
        self.delay = min(self.cap, self.delay * 2)
        return delay

"""Circuit breakers and the short card cache: what keeps a dead department
from being hammered on every ring, and a transfer from asking twice.

One breaker guards each source and each derived computation (the cross-sell
model has its own: a model fault never counts against the sales database).
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from dataclasses import dataclass, field
from typing import Generic, TypeVar

from screenpop.health import Health, HealthState

T = TypeVar("T")


@dataclass
class Breaker:
    """Closed → open after ``threshold`` failures in a row → half-open after ``cool_off_s``."""

    threshold: int = 3
    cool_off_s: float = 30.0
    failures: int = 0
    opened_at: float | None = None
    last_error: str = ""
    trial_running: bool = False
    lock: threading.Lock = field(default_factory=threading.Lock)

    def allow(self, now: float) -> bool:
        with self.lock:
            if self.opened_at is None:
                return True
            if now - self.opened_at >= self.cool_off_s and not self.trial_running:
                self.trial_running = True  # half-open: one trial call
                return True
            return False

    def record(self, ok: bool, error: str, now: float) -> None:
        with self.lock:
            self.trial_running = False
            if ok:
                self.failures = 0
                self.opened_at = None
                return
            self.failures += 1
            self.last_error = error
            if self.failures >= self.threshold:
                self.opened_at = now

    @property
    def state(self) -> str:
        if self.opened_at is None:
            return "closed"
        return "half-open" if self.trial_running else "open"

    def health(self) -> Health:
        """Closed = connected, open = failed (with the last error), half-open = retrying."""
        states = {
            "closed": HealthState.CONNECTED,
            "open": HealthState.FAILED,
            "half-open": HealthState.RETRYING,
        }
        with self.lock:
            state, error = self.state, self.last_error
        return Health(states[state], error if state != "closed" else "")


class TtlCache(Generic[T]):
    """A small LRU with expiry, holding immutable values only (card snapshots)."""

    def __init__(self, ttl_s: float, size: int = 256) -> None:
        self.ttl_s = ttl_s
        self.size = size
        self._items: OrderedDict[tuple[str, ...], tuple[float, T]] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: tuple[str, ...], now: float) -> T | None:
        with self._lock:
            item = self._items.get(key)
            if item is None or now - item[0] > self.ttl_s:
                self._items.pop(key, None)
                return None
            self._items.move_to_end(key)
            return item[1]

    def put(self, key: tuple[str, ...], value: T, now: float) -> None:
        with self._lock:
            self._items[key] = (now, value)
            self._items.move_to_end(key)
            while len(self._items) > self.size:
                self._items.popitem(last=False)

    def __len__(self) -> int:
        with self._lock:
            return len(self._items)

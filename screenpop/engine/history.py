"""The pop's ``history`` section: the customer's earlier calls, as a source like any other.

It runs on the lookup's source pool under its own deadline (``[history]
timeout_ms``), so the card never waits for it longer than for any department.
Inside that deadline it asks the central journal first, through the DBA's
narrow door (``journal/history.py``: one customer's last calls across the
organisation, row-level security untouched), and falls back to this desk's
own journal when central is not configured, refuses, or does not answer in
time. The section's ``source`` says which (``central`` or ``local``); the pop
marks a local one "this desk only".

A hung central costs each ring at most its share of the deadline, and only
until the breaker opens: then this desk's journal answers at once, and
central is tried again after the cool-off. Central is asked on a thread of
its own (at most ``CENTRAL_THREADS`` at once; a ring that finds them all
still waiting does not queue), so a read that hangs past its deadline holds
that thread, never a source thread or the card. They are daemon threads: a
one-shot ``screenpop lookup`` exits at once even while central hangs (a pool's
threads would be joined at exit, until the connect timeout).
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Iterator
from concurrent.futures import Future
from concurrent.futures import TimeoutError as FutureTimeout
from typing import TYPE_CHECKING, Any

from screenpop.breaker import Breaker
from screenpop.card import Match
from screenpop.config.relationship import HistoryConfig
from screenpop.sources.base import Answer, CheckResult, HistoryRow, Params, SourceError

if TYPE_CHECKING:
    from screenpop.journal import Journal
    from screenpop.journal.history import CentralHistory, HistoryEntry

log = logging.getLogger(__name__)

#: The end of the deadline kept for this desk's journal (one indexed SQLite
#: read), at most a quarter of it.
LOCAL_RESERVE_S = 0.15
#: Central reads under way at once; a ring finding them all busy skips central.
CENTRAL_THREADS = 2
CENTRAL = "central"
LOCAL = "local"


class HistorySource:
    """Answers ``history`` from the central journal, else from this desk's."""

    name = "history"
    section = "history"

    def __init__(
        self,
        config: HistoryConfig,
        journal: Callable[[], Journal | None],
        desk: str,
        central: CentralHistory | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.limit = config.limit
        self.timeout_s = config.timeout_ms / 1000
        #: The end of the deadline kept for this desk's journal.
        self.reserve_s = min(LOCAL_RESERVE_S, self.timeout_s / 4)
        self.journal = journal
        self.desk = desk
        self.central = central
        self.clock = clock
        #: Central's own breaker: the section itself never fails over it.
        self.breaker = Breaker()
        self._slots = threading.BoundedSemaphore(CENTRAL_THREADS)
        self._closed = False

    @property
    def can_identify(self) -> bool:
        return False

    def identify(self, params: Params, deadline: float | None = None) -> list[Match]:
        return []

    def fetch(self, params: Params, deadline: float | None = None) -> Any:
        customer_id = params.get("customer_id", "")
        except_call = params.get("call_id") or None
        if deadline is None:
            deadline = self.clock() + self.timeout_s
        entries = self._from_central(customer_id, except_call, deadline - self.reserve_s)
        if entries is not None:
            return Answer([e.to_json() for e in entries], CENTRAL)
        return Answer([e.to_json() for e in self._from_local(customer_id, except_call)], LOCAL)

    def _from_central(
        self, customer_id: str, except_call: str | None, deadline: float
    ) -> list[HistoryEntry] | None:
        """Central's answer, or None (not configured, breaker open, refused, late)."""
        central = self.central
        if central is None or self._closed or not self.breaker.allow(self.clock()):
            return None
        if not self._slots.acquire(blocking=False):
            self._failed("earlier reads still wait for an answer")
            return None
        future: Future[list[HistoryEntry]] = Future()

        def run() -> None:
            try:
                future.set_result(central.history(customer_id, self.limit, except_call=except_call))
            except BaseException as exc:
                future.set_exception(exc)
            finally:
                self._slots.release()

        threading.Thread(target=run, name="history-central", daemon=True).start()
        try:
            entries = future.result(timeout=max(0.0, deadline - self.clock()))
        except FutureTimeout:
            why = f"no answer in {round((self.timeout_s - self.reserve_s) * 1000)} ms"
            self._failed(why)
            return None
        except Exception as exc:  # CentralError, a refused argument, a driver surprise
            self._failed(str(exc) or type(exc).__name__)
            return None
        self.breaker.record(True, "", self.clock())
        return entries

    def _failed(self, why: str) -> None:
        log.warning("history from the central journal: %s; this desk's journal answers", why)
        self.breaker.record(False, why, self.clock())

    def _from_local(self, customer_id: str, except_call: str | None) -> list[HistoryEntry]:
        journal = self.journal()
        if journal is None:
            return []
        try:
            return journal.customer_calls(
                customer_id, self.limit, except_call=except_call, desk=self.desk
            )
        except Exception as exc:
            raise SourceError(f"this desk's journal: {exc}") from None

    def owned(self, params: Params, deadline: float | None = None) -> list[str]:
        return []

    def history(self) -> Iterator[HistoryRow]:
        return iter(())

    def check(self, sample: Params) -> CheckResult:
        return CheckResult(True, "the journal", {})

    def close(self) -> None:
        self._closed = True
        if self.central is not None:
            self.central.close()


def history_source(
    config: Any, journal: Callable[[], Journal | None], secret: Callable[[str], str]
) -> HistorySource | None:
    """The history source a configuration asks for (None: ``[history] enabled = false``)."""
    if not config.history.enabled:
        return None
    central = None
    if config.journal.central:
        from screenpop.journal.history import CentralHistory

        central = CentralHistory(config.journal, secret)
    return HistorySource(config.history, journal, config.agent.extension, central)

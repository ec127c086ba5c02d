"""The case writer: cases opened from calls, from the local journal to the service desk.

Why it is shaped like this (the journal's replicator is its model):

- **Nothing is lost.** A case is in the journal's case outbox, durably,
  before the agent is told "queued"; this thread sends what is there and
  marks it landed only after the service desk has it. A service desk that is
  down, an app that is killed, a machine that restarts: the case waits in
  the outbox and is sent when it can be.
- **Nothing is written twice.** The case id is the idempotency key
  (``request.case_id_for``); a replay after a crash between the service
  desk's commit and our mark is a unique-key clash or a 409, which the target
  reports as already landed.
- **Never in the way.** Its own thread and its own connection; the pop,
  the lookups and the journal writer never wait for it.
- **Retries with back-off**: 0.2 s doubling to 5 s while the service desk
  cannot be reached (it is reached within 5 s of coming back); a statement
  the service desk refuses is retried every ``REFUSED_RETRY_S`` (IT may fix
  the table) and does not hold up the cases behind it.
- **Says how it is**: health (``service desk``) for the tray, and each case's
  state for the UI as it changes (``on_change``).
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from typing import Protocol

from screenpop.cases.request import CaseRequest, CaseState, CaseTicket
from screenpop.health import Backoff, Health, HealthState
from screenpop.journal.case_outbox import CaseEntry
from screenpop.journal.store import Journal, JournalError

log = logging.getLogger(__name__)

#: A statement the service desk refused is tried again this often.
REFUSED_RETRY_S = 60.0
#: How often an idle writer looks at the outbox when nobody wakes it.
POLL_S = 30.0
#: Cases sent per round.
BATCH = 100
#: The writer's name in health (``AgentCore.journal_healths``).
SERVICE_DESK = "service desk"


class Target(Protocol):
    """Where cases go (``sources.case_write.CaseTarget``)."""

    name: str

    def write(self, request: CaseRequest) -> object: ...

    def close(self) -> None: ...


class TargetUnavailable(Exception):
    """The target could not be built; it may be later (tried again with back-off)."""

    transient = True


class LazyTarget:
    """A target built on its first write, and again after building it failed.

    Building one may fail for reasons that pass (the keyring entry not
    stored yet, a driver missing until IT installs it): cases are still
    accepted into the outbox meanwhile, and the writer retries.
    """

    def __init__(self, name: str, make: Callable[[], Target]) -> None:
        self.name = name
        self._make = make
        self._target: Target | None = None

    def write(self, request: CaseRequest) -> object:
        if self._target is None:
            try:
                self._target = self._make()
            except Exception as exc:
                raise TargetUnavailable(f"{self.name}: cannot be set up ({exc})") from None
        return self._target.write(request)

    def close(self) -> None:
        if self._target is not None:
            self._target.close()


class CaseWriter:
    """One background thread sending the case outbox to one service source."""

    def __init__(
        self,
        journal: Journal,
        target: Target,
        *,
        on_change: Callable[[CaseTicket], None] | None = None,
        on_health: Callable[[Health], None] | None = None,
        backoff: Backoff | None = None,
        refused_retry_s: float = REFUSED_RETRY_S,
        poll_s: float = POLL_S,
    ) -> None:
        self.journal = journal
        self.target = target
        self.on_change = on_change
        self.on_health = on_health
        self.backoff = backoff or Backoff()
        self.refused_retry_s = refused_retry_s
        self.poll_s = poll_s
        self._wake = threading.Event()
        self._stop = threading.Event()
        #: Bumped by ``wake``; the generation at the last round that sent all.
        self._generation = 1
        self._all_sent_at = 0
        self._lock = threading.Lock()
        self._health = Health(HealthState.CONNECTING, f"{target.name}: starting")
        #: case id -> monotonic time before which a refused case is not retried.
        self._refused_until: dict[str, float] = {}
        self._thread = threading.Thread(target=self._run, name="case-writer", daemon=True)

    # ------------------------------------------------------------ lifecycle --

    def start(self) -> None:
        self._thread.start()

    def wake(self) -> None:
        """A case was queued: send it now rather than at the next poll."""
        self._generation += 1
        self._wake.set()

    def has_pending(self) -> bool:
        """Whether the outbox may hold a case not at the service desk yet.

        False only after a round that sent everything with no case queued
        since: then the pop and the journal writes need not read the outbox
        (a read on every pop and every journal write, under a burst of rings).
        """
        return self._generation != self._all_sent_at

    def stop(self, join_s: float = 3.0) -> None:
        """End the thread; what is not sent stays in the outbox for the next start."""
        self._stop.set()
        self._wake.set()
        if self._thread.is_alive():
            self._thread.join(join_s)
        try:
            self.target.close()
        except Exception:
            log.debug("case writer: closing the target failed", exc_info=True)

    def health(self) -> Health:
        with self._lock:
            return self._health

    # -------------------------------------------------------------- the loop --

    def _run(self) -> None:
        while not self._stop.is_set():
            self._wake.clear()
            try:
                wait = self.send_once()
            except JournalError as exc:
                self._set_health(HealthState.RETRYING, f"journal: {exc}")
                wait = self.backoff.next()
            except Exception as exc:  # a bug: report it, keep the thread alive
                log.exception("case writer: unexpected failure")
                self._set_health(HealthState.RETRYING, f"internal error: {type(exc).__name__}")
                wait = self.backoff.next()
            self._wake.wait(wait)

    def send_once(self) -> float:
        """Send what waits (one round); returns how long to wait before the next.

        Also called directly by tests (without the thread).
        """
        generation = self._generation
        entries = self.journal.pending_cases(BATCH)
        now = time.monotonic()
        refused = 0
        for entry in entries:
            if self._stop.is_set():
                break
            case_id = entry.request.case_id
            if self._refused_until.get(case_id, 0.0) > now:
                refused += 1
                continue
            try:
                self.target.write(entry.request)
            except Exception as exc:
                transient = bool(getattr(exc, "transient", True))
                reason = str(exc) or type(exc).__name__
                self.journal.mark_case_failed(case_id, reason)
                if entry.last_error != reason:  # the UI hears of a new reason once
                    self._tell(entry, CaseState.QUEUED, reason)
                if transient:
                    # The service desk is away: the cases behind would fail the same.
                    waiting = len(self.journal.pending_cases(BATCH))
                    self._set_health(
                        HealthState.RETRYING, f"{reason}; {waiting} case(s) kept locally"
                    )
                    return self.backoff.next()
                log.error("case %s refused (kept, retried): %s", case_id, reason)
                self._refused_until[case_id] = now + self.refused_retry_s
                refused += 1
                self._set_health(HealthState.FAILED, f"refused: {reason}")
                continue
            self.journal.mark_case_landed(case_id)
            self._refused_until.pop(case_id, None)
            log.info("case %s landed at %s", case_id, self.target.name)
            self._tell(entry, CaseState.LANDED, "")
        self.backoff.reset()
        if refused:
            return min(self.refused_retry_s, self.poll_s)
        if len(entries) < BATCH:
            self._all_sent_at = generation
        self._set_health(HealthState.CONNECTED, f"{self.target.name}: every case sent")
        return self.poll_s

    # ------------------------------------------------------------ plumbing --

    def _tell(self, entry: CaseEntry, state: CaseState, error: str) -> None:
        if self.on_change is None:
            return
        r = entry.request
        ticket = CaseTicket(r.case_id, r.call_id, r.customer_id, r.product, state, error)
        try:
            self.on_change(ticket)
        except Exception:
            log.exception("case change hook failed")

    def _set_health(self, state: HealthState, detail: str) -> None:
        with self._lock:
            before = self._health
            if before.state is state and before.detail == detail:
                return
            self._health = Health(state, detail)
            health = self._health
        if state is not HealthState.CONNECTED or before.state is not HealthState.CONNECTED:
            log.info("service desk %s: %s %s", self.target.name, state, detail)
        if self.on_health is not None:
            try:
                self.on_health(health)
            except Exception:
                log.exception("case writer health hook failed")

"""The outbox's consumer: pushes changed calls to the central journal, forever.

Why it is shaped like this:

- **Nothing is lost.** The local journal's triggers queue a call in the outbox
  in the same transaction as the change (``models.OutboxEntry``). This thread
  reads the oldest entries with each call's row as it is *now*, upserts them
  centrally in one transaction (one call of ``record_calls``), and only after
  that commit deletes the entries it pushed, by id: a change made meanwhile
  has a newer id and stays. A crash between the central commit and the
  delete only means the same rows are pushed again, which the upsert makes
  a no-op.
- **Never in the way.** It runs on its own thread and only reads the journal
  (WAL readers never block the writer) except for one short delete per batch.
  The pop and the journal writer never wait for it or for the network.
- **Retries forever, politely.** Any failure (server down, network gone,
  schema missing, login not mapped yet, keyring entry not stored yet) is
  reported as health with the reason and retried with the bridges' capped
  back-off (0.2 s doubling to 5 s), so a server that comes back is reached
  within 5 s and the backlog then drains in batches.
- **Least privilege.** It writes only through the DBA's
  ``screenpop.record_calls(jsonb)`` (SECURITY DEFINER: the login holds no
  write privilege on the table, so it can take no lock that would stall other
  workstations or supervisors) and reads its own mapping; every statement
  carries a lock and a statement timeout; it checks the schema is there and
  never creates anything.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field

from sqlalchemy import Engine
from sqlalchemy.engine import make_url
from sqlalchemy.exc import SQLAlchemyError

from screenpop.config.schema import JournalConfig
from screenpop.config.secrets import SecretError
from screenpop.health import Backoff, Health, HealthState
from screenpop.journal.central import (
    CentralError,
    central_url,
    create_central_engine,
    describe,
    where,
)
from screenpop.journal.central_checks import check_schema, login_info, replication_problem
from screenpop.journal.central_write import RECORD_CALLS, batch_json, to_central
from screenpop.journal.store import Journal, JournalError

log = logging.getLogger(__name__)

#: Calls per central transaction: big enough to drain a day offline in
#: seconds, small enough that one transaction stays short.
BATCH = 500
#: A batch that has not committed after this fails (and is retried): a central
#: that accepts and then stalls never holds the thread for long.
REPLICATION_STATEMENT_S = 10.0
#: How often an idle replicator looks at the outbox when nobody wakes it.
POLL_S = 1.0
#: A clean stop tries this long to push what is left (a killed app leaves it
#: in the outbox for the next start instead).
DRAIN_ON_STOP_S = 2.0


@dataclass(frozen=True, slots=True)
class ReplicationStatus:
    """What the replicator is doing, for the UI's health and ``doctor``."""

    health: Health
    #: Calls changed locally and not yet committed centrally.
    backlog: int
    #: Call rows pushed since start (replays of unchanged rows included).
    pushed: int = 0
    #: When the last push committed (epoch seconds), or None.
    last_push: float | None = None
    target: str = ""
    since: float = field(default_factory=time.time)


class Replicator:
    """One background thread pushing this workstation's journal to central PostgreSQL."""

    def __init__(
        self,
        journal: Journal,
        config: JournalConfig,
        agent: str,
        secret: Callable[[str], str],
        *,
        batch: int = BATCH,
        poll_s: float = POLL_S,
        backoff: Backoff | None = None,
    ) -> None:
        if not config.central:
            raise CentralError("journal.central is not set")
        self.journal = journal
        self.config = config
        self.agent = agent
        self.secret = secret
        self.batch = batch
        self.poll_s = poll_s
        self.backoff = backoff or Backoff()
        self.target = where(make_url(config.central))
        self._engine: Engine | None = None
        self._password: str | None = None
        self._checked = False
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._drain_until = 0.0
        self._lock = threading.Lock()
        self._status = ReplicationStatus(
            Health(HealthState.CONNECTING, f"connecting to {self.target}"), 0, target=self.target
        )

    # ------------------------------------------------------------ lifecycle --

    def start(self) -> None:
        if self._thread is not None:
            raise RuntimeError("replicator already started")
        self._thread = threading.Thread(target=self._run, name="journal-central", daemon=True)
        self._thread.start()

    def wake(self) -> None:
        """Something was journaled: look at the outbox now rather than at the next poll."""
        self._wake.set()

    def stop(self, drain_s: float = DRAIN_ON_STOP_S, join_s: float = 4.0) -> None:
        """Push what is left for up to ``drain_s`` if central answers, then end the thread.

        Whatever is not pushed stays in the outbox; the next start sends it.
        A push already under way may hold the thread for the connect timeout
        (3 s); ``join_s`` bounds how long the caller waits for it.
        """
        self._drain_until = time.monotonic() + drain_s
        self._stop.set()
        self._wake.set()
        if self._thread is not None:
            self._thread.join(join_s)
        self._dispose()

    def status(self) -> ReplicationStatus:
        with self._lock:
            return self._status

    # -------------------------------------------------------------- the loop --

    def _run(self) -> None:
        while True:
            # Stopping: keep pushing only while central answers and time is left;
            # an unreachable central must not hold up the app's exit.
            if self._stop.is_set() and (
                time.monotonic() >= self._drain_until
                or self.status().health.state is HealthState.RETRYING
            ):
                return
            self._wake.clear()
            try:
                pushed = self.push_once()
            except (CentralError, SecretError, SQLAlchemyError, JournalError) as exc:
                if self._stop.is_set():
                    return
                reason = describe(exc, self._password)
                self._dispose()
                self._failed(reason)
                self._stop.wait(self.backoff.next())
                continue
            except Exception as exc:  # a bug: report it, keep the thread alive
                log.exception("central journal: unexpected failure")
                self._dispose()
                self._failed(f"internal error: {type(exc).__name__}")
                self._stop.wait(self.backoff.next())
                continue
            self.backoff.reset()
            if pushed == 0:
                if self._stop.is_set():
                    return
                self._wake.wait(self.poll_s)

    def push_once(self) -> int:
        """Push one batch of the outbox; returns how many entries it cleared (0: none waiting).

        Raises on any failure, leaving the outbox as it was. Also used directly
        by tests and the benchmark (without the thread).
        """
        pending = self.journal.pending(self.batch)
        if not pending:
            self._ok(0, 0)
            return 0
        rows = [to_central(self.agent, item.row) for item in pending if item.row is not None]
        engine = self._connect()
        with engine.begin() as conn:
            if not self._checked:
                check_schema(conn)
                problem = replication_problem(login_info(conn), self.agent)
                if problem:
                    raise CentralError(problem)
                self._checked = True
            if rows:
                conn.execute(RECORD_CALLS, {"batch": batch_json(rows)})
        # Central has committed: only now may the entries go.
        self.journal.mark_replicated([item.seq for item in pending])
        self._ok(len(rows), self.journal.pending_count())
        return len(pending)

    # ------------------------------------------------------------ plumbing --

    def _connect(self) -> Engine:
        if self._engine is None:
            url = central_url(self.config, self.secret)
            self._password = url.password if isinstance(url.password, str) else None
            self._engine = create_central_engine(url, statement_timeout_s=REPLICATION_STATEMENT_S)
            self._checked = False
        return self._engine

    def _dispose(self) -> None:
        engine, self._engine = self._engine, None
        self._checked = False
        if engine is not None:
            try:
                engine.dispose()
            except Exception:  # a dead socket may complain on close
                log.debug("central journal: dispose failed", exc_info=True)

    def _ok(self, pushed: int, backlog: int) -> None:
        now = time.time()
        with self._lock:
            previous = self._status
            detail = (
                f"{self.target}: up to date"
                if backlog == 0
                else f"{self.target}: {backlog} call(s) waiting"
            )
            health = previous.health
            if health.state is not HealthState.CONNECTED or health.detail != detail:
                health = Health(HealthState.CONNECTED, detail)
                if previous.health.state is not HealthState.CONNECTED:
                    log.info("central journal: connected to %s", self.target)
            self._status = ReplicationStatus(
                health,
                backlog,
                pushed=previous.pushed + pushed,
                last_push=now if pushed else previous.last_push,
                target=self.target,
            )

    def _failed(self, reason: str) -> None:
        try:
            backlog = self.journal.pending_count()
        except JournalError:
            backlog = self.status().backlog
        with self._lock:
            previous = self._status
            detail = f"{reason}; {backlog} call(s) kept locally"
            if previous.health.state is not HealthState.RETRYING or (
                not previous.health.detail.startswith(reason)
            ):
                log.warning("central journal %s: %s; retrying", self.target, reason)
            self._status = ReplicationStatus(
                Health(HealthState.RETRYING, detail),
                backlog,
                pushed=previous.pushed,
                last_push=previous.last_push,
                target=self.target,
            )

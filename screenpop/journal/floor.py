"""The supervisor's live floor: calls ringing, on call and in wrap-up now, and missed calls
not yet called back, pushed by PostgreSQL ``LISTEN/NOTIFY``.

Why it is shaped like this:

- **No polling loop.** The shipped SQL's trigger notifies channel
  ``screenpop_calls`` (payload: the team, nothing else) whenever a call row
  is written. ``FloorWatcher`` listens on its own connection and reads a fresh
  snapshot only when one of the login's teams changed; between changes it
  sleeps in the socket wait. Notifications that pile up while a snapshot is
  read are folded into one more read.
- **Row-level security decides.** The snapshot is plain SELECTs as the
  supervisor's login: a notification for another team costs nothing and
  shows nothing (and the payload never names a call, agent or number, since
  any login in the database may LISTEN).
- **Server time.** "How long" is measured against the server's ``now()`` at
  the snapshot (``FloorSnapshot.at``), so a supervisor's PC clock that is a
  minute off does not make every call a minute longer.
- **Called back.** Outgoing calls are not journaled by any bridge, so a missed
  call counts as called back when a later call with the same number was
  answered by someone (the customer got through), when the same call was
  answered at another desk, or when an agent saved a wrap-up on the missed
  call itself (disposition). It is listed until then, for ``MISSED_WINDOW``.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

import psycopg
from sqlalchemy import Connection, Engine, text
from sqlalchemy.engine import URL

from screenpop.health import Backoff, Health, HealthState

log = logging.getLogger(__name__)

CHANNEL = "screenpop_calls"
#: A row still "ringing" or "answered" after this long lost its end event.
ACTIVE_WINDOW = timedelta(hours=12)
#: An answered call ended this recently without a saved wrap-up is "in wrap-up".
WRAPUP_WINDOW = timedelta(minutes=15)
#: Missed calls older than this leave the list even if nobody called back.
MISSED_WINDOW = timedelta(hours=24)

_ACTIVE = text(
    """
    SELECT c.agent, c.team, c.call_id, c.state, c.ringing_at, c.answered_at, c.ended_at,
           c.caller_name, c.number_received, c.number_e164, c.customer_name
    FROM screenpop.calls c
    WHERE c.ringing_at >= now() - CAST(:active AS interval)
      AND NOT c.answered_elsewhere
      AND (c.state IN ('ringing', 'answered')
           OR (c.state = 'ended' AND c.answered_at IS NOT NULL AND c.wrapped_up_at IS NULL
               AND c.ended_at >= now() - CAST(:wrapup AS interval)))
    ORDER BY c.agent, c.ringing_at
    """
)
_MISSED = text(
    """
    SELECT DISTINCT ON (m.call_id) m.agent, m.team, m.call_id, m.ringing_at, m.caller_name,
           m.number_received, m.number_e164, m.customer_name
    FROM screenpop.calls m
    WHERE m.state = 'missed'
      AND m.ringing_at >= now() - CAST(:missed AS interval)
      AND coalesce(m.disposition, '') = ''
      AND NOT EXISTS (
          SELECT 1 FROM screenpop.calls o
          WHERE o.call_id = m.call_id AND o.answered_at IS NOT NULL AND NOT o.answered_elsewhere
            AND o.state <> 'missed')
      AND NOT EXISTS (
          SELECT 1 FROM screenpop.calls b
          WHERE b.number_e164 = m.number_e164 AND b.ringing_at > m.ringing_at
            AND b.answered_at IS NOT NULL AND NOT b.answered_elsewhere AND b.state <> 'missed')
    ORDER BY m.call_id, m.ringing_at
    """
)


@dataclass(frozen=True, slots=True)
class FloorCall:
    """A call happening now at one agent's desk; ``phase`` since ``since``."""

    agent: str
    team: str
    call_id: str
    #: ``ringing``, ``on_call`` or ``wrap_up``.
    phase: str
    since: datetime
    caller_name: str
    number: str
    customer_name: str | None


@dataclass(frozen=True, slots=True)
class MissedCall:
    """A missed call nobody has called back yet."""

    agent: str
    team: str
    call_id: str
    ringing_at: datetime
    caller_name: str
    number: str
    customer_name: str | None


@dataclass(frozen=True, slots=True)
class FloorSnapshot:
    """The floor as the login may see it, at server time ``at``."""

    at: datetime
    roster: tuple[tuple[str, str], ...]
    active: tuple[FloorCall, ...]
    missed: tuple[MissedCall, ...]
    #: ``time.monotonic()`` when the snapshot was read (for ticking durations).
    read_at: float = 0.0


def _interval(delta: timedelta) -> str:
    return f"{int(delta.total_seconds())} seconds"


def read_floor(conn: Connection) -> FloorSnapshot:
    """One consistent snapshot of the floor (one read-only REPEATABLE READ transaction)."""
    from screenpop.journal.calllog import roster

    at = conn.execute(text("SELECT now()")).scalar_one()
    active = []
    for r in conn.execute(
        _ACTIVE, {"active": _interval(ACTIVE_WINDOW), "wrapup": _interval(WRAPUP_WINDOW)}
    ).mappings():
        if r["state"] == "ringing":
            phase, since = "ringing", r["ringing_at"]
        elif r["state"] == "answered":
            phase, since = "on_call", r["answered_at"] or r["ringing_at"]
        else:
            phase, since = "wrap_up", r["ended_at"]
        active.append(
            FloorCall(
                agent=str(r["agent"]),
                team=str(r["team"]),
                call_id=str(r["call_id"]),
                phase=phase,
                since=since,
                caller_name=str(r["caller_name"]),
                number=str(r["number_e164"] or r["number_received"]),
                customer_name=r["customer_name"],
            )
        )
    missed = [
        MissedCall(
            agent=str(r["agent"]),
            team=str(r["team"]),
            call_id=str(r["call_id"]),
            ringing_at=r["ringing_at"],
            caller_name=str(r["caller_name"]),
            number=str(r["number_e164"] or r["number_received"]),
            customer_name=r["customer_name"],
        )
        for r in conn.execute(_MISSED, {"missed": _interval(MISSED_WINDOW)}).mappings()
    ]
    missed.sort(key=lambda m: m.ringing_at, reverse=True)
    return FloorSnapshot(
        at=at,
        roster=tuple(roster(conn)),
        active=tuple(active),
        missed=tuple(missed),
        read_at=time.monotonic(),
    )


def conninfo(url: URL, *, statement_timeout_s: float, lock_timeout_s: float) -> dict[str, Any]:
    """psycopg connection arguments for ``url`` with screenpop's timeouts and keepalives."""
    return {
        "host": url.host,
        "port": url.port,
        "user": url.username,
        "password": url.password,
        "dbname": url.database,
        "connect_timeout": 3,
        "keepalives": 1,
        "keepalives_idle": 10,
        "keepalives_interval": 3,
        "keepalives_count": 3,
        "application_name": "screenpop floor",
        "options": (
            f"-c statement_timeout={int(statement_timeout_s * 1000)}"
            f" -c lock_timeout={int(lock_timeout_s * 1000)}"
        ),
    }


class FloorWatcher:
    """A thread that LISTENs for changes and hands each new snapshot to ``on_snapshot``.

    ``on_snapshot`` and ``on_health`` are called on the watcher's thread with
    values (a frozen snapshot, a ``Health``); the UI re-emits them as queued
    signals. A lost connection is reported and retried with back-off; after
    reconnecting it reads a snapshot at once (changes may have been missed).
    """

    def __init__(
        self,
        url: URL,
        on_snapshot: Callable[[FloorSnapshot], None],
        on_health: Callable[[Health], None] = lambda health: None,
        *,
        backoff: Backoff | None = None,
        wait_s: float = 0.5,
    ) -> None:
        self.url = url
        self.on_snapshot = on_snapshot
        self.on_health = on_health
        self.backoff = backoff or Backoff()
        self.wait_s = wait_s
        self._stop = threading.Event()
        self._refresh = threading.Event()
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        if self._thread is not None:
            raise RuntimeError("floor watcher already started")
        self._thread = threading.Thread(target=self._run, name="supervisor-floor", daemon=True)
        self._thread.start()

    def refresh(self) -> None:
        """Read a snapshot now (e.g. the durations' window moved on)."""
        self._refresh.set()

    def stop(self, join_s: float = 3.0) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(join_s)

    # ------------------------------------------------------------ the thread --

    def _run(self) -> None:
        from screenpop.journal.central import create_central_engine, describe

        engine = create_central_engine(
            self.url, statement_timeout_s=10.0, application_name="screenpop floor"
        )
        password = self.url.password if isinstance(self.url.password, str) else None
        try:
            while not self._stop.is_set():
                try:
                    self.on_health(Health(HealthState.CONNECTING, "connecting"))
                    with psycopg.connect(
                        **conninfo(self.url, statement_timeout_s=10.0, lock_timeout_s=3.0),
                        autocommit=True,
                    ) as conn:
                        conn.execute(f"LISTEN {CHANNEL}")
                        self._serve(conn, engine)
                except Exception as exc:
                    if self._stop.is_set():
                        return
                    reason = describe(exc, password)
                    log.warning("live floor: %s; retrying", reason)
                    self.on_health(Health(HealthState.RETRYING, reason))
                    engine.dispose()
                    self._stop.wait(self.backoff.next())
        finally:
            engine.dispose()

    def _serve(self, conn: psycopg.Connection[Any], engine: Engine) -> None:
        from screenpop.journal.calllog import my_teams

        # Listening first, then the snapshot: no change can fall between the two.
        with engine.connect() as sa:
            mine = frozenset(my_teams(sa))
        self._deliver(engine)
        self.on_health(Health(HealthState.CONNECTED, "listening"))
        self.backoff.reset()
        while not self._stop.is_set():
            changed = self._refresh.is_set()
            # Sleep in the socket wait until a notification (or wait_s, to look
            # at the stop flag); leave the wait at the first one of ours.
            for note in conn.notifies(timeout=0 if changed else self.wait_s):
                if note.channel == CHANNEL and note.payload in mine:
                    changed = True
                    break
            if changed:
                # Fold what else has arrived into the same read.
                for _note in conn.notifies(timeout=0):
                    pass
                self._refresh.clear()
                self._deliver(engine)

    def _deliver(self, engine: Engine) -> None:
        with engine.connect().execution_options(
            isolation_level="REPEATABLE READ", postgresql_readonly=True
        ) as sa:
            snapshot = read_floor(sa)
        self.on_snapshot(snapshot)

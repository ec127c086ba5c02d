"""One customer's last calls from the whole organisation: the door for the pop's ``history``.

Why it is shaped like this:

- **A narrow door, not a window.** An agent's login may read only its own
  rows of ``screenpop.calls`` (row-level security). The organisation's history
  of one customer comes through the DBA's SECURITY DEFINER function
  ``screenpop.customer_history(customer, max_calls, except_call)``
  (``installers/central/postgresql.sql``): one customer id in, at most 50
  calls out, one row per call, newest first. Whether other agents' notes are
  included is the organisation's setting (``screenpop.settings``), decided in
  the database, not here.
- **Checked twice.** Bad input is refused here with a ``ValueError`` before
  any round trip, and again by the function for any other client.
- **Bounded.** The reader's sessions carry short statement and lock timeouts
  (a pop never waits on a locked or slow central for long); the caller runs it
  on a worker thread with its own deadline like any other source.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from threading import Lock
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, Engine, text
from sqlalchemy.engine import URL

if TYPE_CHECKING:  # the journal's readers need no configuration layer at import
    from screenpop.config.schema import JournalConfig

#: The function's limits (kept in step with ``customer_history`` in the SQL).
MAX_CALLS = 50
MAX_CUSTOMER_ID = 256
DEFAULT_CALLS = 5
#: History is read while a call rings: fail fast rather than hold up the section.
STATEMENT_TIMEOUT_S = 2.0
LOCK_TIMEOUT_S = 1.0

_QUERY = text(
    "SELECT call_time, agent, state, disposition, notes"
    " FROM screenpop.customer_history(:customer, :max_calls, :except_call)"
)


@dataclass(frozen=True, slots=True)
class HistoryEntry:
    """One earlier call of the customer, as the card's ``history`` section lists it.

    ``state`` is the journal's (``ringing``, ``answered``, ``ended``,
    ``missed``) or ``answered_elsewhere``; the card says ``answered`` for
    ``ended`` (an earlier call that was taken is "answered" to the next agent,
    whether or not it has been hung up). ``notes`` is None when the
    organisation does not share notes (or there were none).
    """

    time: datetime
    agent: str
    state: str
    disposition: str | None
    notes: str | None

    def to_json(self) -> dict[str, Any]:
        """The card contract's shape: time (ISO 8601), agent, state, disposition, notes."""
        return {
            "time": self.time.isoformat(),
            "agent": self.agent,
            "state": "answered" if self.state == "ended" else self.state,
            "disposition": self.disposition,
            "notes": self.notes,
        }


def check_request(customer_id: str, max_calls: int) -> tuple[str, int]:
    """The arguments as the function takes them; ``ValueError`` says what is wrong."""
    if not isinstance(customer_id, str) or not customer_id.strip():
        raise ValueError("customer history needs a customer id")
    if len(customer_id) > MAX_CUSTOMER_ID:
        raise ValueError(f"a customer id is at most {MAX_CUSTOMER_ID} characters")
    if "\x00" in customer_id:
        raise ValueError("a customer id cannot contain NUL")
    if isinstance(max_calls, bool) or not isinstance(max_calls, int):
        raise ValueError("the number of calls is a whole number")
    if not 1 <= max_calls <= MAX_CALLS:
        raise ValueError(f"customer history lists 1 to {MAX_CALLS} calls (asked for {max_calls})")
    return customer_id, max_calls


def customer_history(
    conn: Connection,
    customer_id: str,
    max_calls: int = DEFAULT_CALLS,
    *,
    except_call: str | None = None,
) -> list[HistoryEntry]:
    """The customer's last ``max_calls`` calls, newest first, as this login may see them.

    ``except_call`` leaves out the call ringing now. Raises ``ValueError`` for
    bad arguments and the driver's error for what the server refuses (a login
    that is not an agent's, a missing schema).
    """
    customer_id, max_calls = check_request(customer_id, max_calls)
    rows = conn.execute(
        _QUERY, {"customer": customer_id, "max_calls": max_calls, "except_call": except_call}
    ).all()
    return [
        HistoryEntry(
            time=row.call_time,
            agent=str(row.agent),
            state=str(row.state),
            disposition=row.disposition,
            notes=row.notes,
        )
        for row in rows
    ]


class CentralHistory:
    """Reads customer history as the workstation's own central login, thread-safely.

    One small engine (one warm connection), created on first use so that a
    workstation whose central is down starts as fast as any other; every
    session carries ``STATEMENT_TIMEOUT_S`` and ``LOCK_TIMEOUT_S``.
    """

    def __init__(self, config: JournalConfig, secret: Callable[[str], str]) -> None:
        from screenpop.journal.central import CentralError

        if not config.central:
            raise CentralError("journal.central is not set")
        self.config = config
        self.secret = secret
        self._engine: Engine | None = None
        self._password: str | None = None
        self._lock = Lock()

    def _connect(self) -> Engine:
        from screenpop.journal.central import central_url, create_central_engine

        with self._lock:
            if self._engine is None:
                url: URL = central_url(self.config, self.secret)
                self._password = url.password if isinstance(url.password, str) else None
                self._engine = create_central_engine(
                    url,
                    statement_timeout_s=STATEMENT_TIMEOUT_S,
                    lock_timeout_s=LOCK_TIMEOUT_S,
                    application_name="screenpop history",
                )
            return self._engine

    def history(
        self, customer_id: str, max_calls: int = DEFAULT_CALLS, *, except_call: str | None = None
    ) -> list[HistoryEntry]:
        """``customer_history`` on a pooled connection; errors as ``describe`` words them."""
        from sqlalchemy.exc import SQLAlchemyError

        from screenpop.journal.central import CentralError, describe

        check_request(customer_id, max_calls)
        try:
            with self._connect().connect() as conn:
                return customer_history(conn, customer_id, max_calls, except_call=except_call)
        except SQLAlchemyError as exc:
            raise CentralError(describe(exc, self._password)) from None

    def close(self) -> None:
        with self._lock:
            engine, self._engine = self._engine, None
        if engine is not None:
            engine.dispose()

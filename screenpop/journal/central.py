"""The central journal in PostgreSQL: how to reach it, what it looks like, what may go there.

The schema is the DBA's (``installers/central/postgresql.sql``): screenpop
never creates or alters anything centrally, it only checks that what it needs
is there and says what is missing in words a DBA can act on. ``CALLS`` below
declares the table for reading and writing through SQLAlchemy Core; a test
reflects the shipped SQL and compares the two.

Who may see or change which row is decided by PostgreSQL's row-level
security, not here: the same code runs as an agent's login (replication: only
its own rows) and as a supervisor's (``journal export --central``: their teams).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import (
    Boolean,
    Column,
    ColumnElement,
    Connection,
    Double,
    Engine,
    Integer,
    MetaData,
    Table,
    Text,
    create_engine,
    select,
)
from sqlalchemy.dialects.postgresql import JSONB, TIMESTAMP
from sqlalchemy.engine import URL, make_url

from screenpop.config.schema import JournalConfig
from screenpop.journal.central_write import epoch_to_utc
from screenpop.journal.records import CallRecord

# One wording for driver errors across the app (never the statement or its
# bound values) and the advice that goes with it: the SQL sources' own.
from screenpop.sources.sqlerrors import advice, describe_driver_error

#: What the shipped SQL writes on the table; bumped with incompatible changes.
SCHEMA_COMMENT = "screenpop central journal, schema 1"
SETUP_HINT = "the DBA runs installers/central/postgresql.sql (see installers/central/README.md)"

_META = MetaData(schema="screenpop")
_TZ = TIMESTAMP(timezone=True)

#: ``screenpop.calls`` as the shipped SQL creates it.
CALLS = Table(
    "calls",
    _META,
    Column("agent", Text, primary_key=True),
    Column("call_id", Text, primary_key=True),
    Column("team", Text, nullable=False),
    Column("state", Text, nullable=False),
    Column("ringing_at", _TZ, nullable=False),
    Column("answered_at", _TZ),
    Column("ended_at", _TZ),
    Column("number_received", Text, nullable=False),
    Column("number_e164", Text),
    Column("caller_name", Text, nullable=False),
    Column("called", Text, nullable=False),
    Column("bridge", Text, nullable=False),
    Column("answered_by", Text),
    Column("answered_elsewhere", Boolean, nullable=False),
    Column("customer_id", Text),
    Column("customer_name", Text),
    Column("matches", Integer, nullable=False),
    Column("pop_latency_ms", Double),
    Column("failed_sections", JSONB, nullable=False),
    Column("card_json", JSONB),
    Column("disposition", Text),
    Column("notes", Text),
    Column("notes_draft", Text),
    Column("wrapped_up_at", _TZ),
    Column("updated_at", _TZ, nullable=False),
    Column("replicated_at", _TZ, nullable=False),
)

class CentralError(Exception):
    """The central journal cannot be used as configured; the message says what to do."""


# ------------------------------------------------------------- connecting --


def central_url(config: JournalConfig, secret: Callable[[str], str]) -> URL:
    """``journal.central`` with the password from the keyring, on the psycopg driver.

    Raises ``CentralError`` when central is not configured and lets
    ``SecretError`` through (it already says which keyring entry is missing).
    """
    if not config.central:
        raise CentralError("journal.central is not set")
    url = make_url(config.central).set(drivername="postgresql+psycopg")
    if config.password:
        url = url.set(password=secret(config.password))
    return url


def where(url: URL) -> str:
    """The URL as it may be shown (user, host, database; never the password)."""
    host = url.host or "local socket"
    port = f":{url.port}" if url.port else ""
    user = f"{url.username}@" if url.username else ""
    return f"{user}{host}{port}/{url.database}"


#: What every central session of screenpop carries (``create_central_engine``):
#: a statement waits at most this long for a lock others hold, then fails
#: clearly instead of hanging behind them.
LOCK_TIMEOUT_S = 3.0
#: A transaction of ours left open (a bug, a frozen window) ends after this,
#: releasing whatever it held.
IDLE_IN_TRANSACTION_S = 60.0


def create_central_engine(
    url: URL,
    *,
    statement_timeout_s: float = 30.0,
    lock_timeout_s: float = LOCK_TIMEOUT_S,
    application_name: str = "screenpop",
) -> Engine:
    """An engine for one thread: one warm connection, checked before use.

    Short connect timeout and TCP keepalives so an unreachable or silently
    dead server is noticed in seconds (the replicator then backs off). Every
    session carries a server-side ``statement_timeout`` and ``lock_timeout``
    (both required: a read or write of screenpop's answers or fails within
    seconds, whatever anyone else holds), and an idle-in-transaction timeout.
    A streamed export is fetched in batches through a server-side cursor, and
    the statement timeout applies to each batch, not to the whole export.
    """
    if not (statement_timeout_s > 0 and lock_timeout_s > 0):
        raise ValueError("the central journal is always used with a statement and a lock timeout")
    options = " ".join(
        (
            f"-c statement_timeout={int(statement_timeout_s * 1000)}",
            f"-c lock_timeout={int(lock_timeout_s * 1000)}",
            f"-c idle_in_transaction_session_timeout={int(IDLE_IN_TRANSACTION_S * 1000)}",
            # Compiling a large aggregate costs more than an interactive read gains.
            "-c jit=off",
        )
    )
    return create_engine(
        url,
        pool_size=1,
        max_overflow=1,
        pool_pre_ping=True,
        pool_recycle=3600,
        connect_args={
            "connect_timeout": 3,
            "keepalives": 1,
            "keepalives_idle": 10,
            "keepalives_interval": 3,
            "keepalives_count": 3,
            "application_name": application_name,
            "options": options,
        },
    )


def describe(exc: BaseException, password: str | None = None) -> str:
    """A database error in words with advice, never echoing SQL, values or the password."""
    if isinstance(exc, CentralError):
        message = str(exc)
    else:
        message = describe_driver_error(exc)
        low = message.lower()
        hint = advice(message)
        if "lock timeout" in low:
            hint = (
                "the central journal is locked by another session (the DBA can look in "
                "pg_stat_activity); nothing was changed, try again"
            )
        elif "statement timeout" in low:
            hint = "the central journal did not answer in time; nothing was changed, try again"
        elif "not mapped to" in message:
            hint = "the DBA maps this login to its agent in screenpop.team_members"
        elif "permission denied" in low:
            hint = "the login needs to be a member of screenpop_agent (or _supervisor)"
        if hint:
            message = f"{message} ({hint})"
    if password and password in message:
        message = message.replace(password, "***")
    return message


# -------------------------------------------------------------- reading --


def _epoch(value: datetime | None) -> float | None:
    return None if value is None else value.timestamp()


def iter_central(
    conn: Connection,
    *,
    since: float | None = None,
    agent: str | None = None,
    batch: int = 1000,
    where: Sequence[ColumnElement[bool]] = (),
    limit: int | None = None,
) -> Iterator[tuple[str, str, CallRecord]]:
    """(agent, team, call) for every central row this login may read, oldest first.

    Row-level security decides which rows those are; ``where`` (the
    supervisor's filters, ``search.central_conditions``) and ``limit`` only
    narrow them, in SQL. Streams through a server-side cursor, so a year of a
    whole floor keeps memory flat.
    """
    query = select(CALLS).order_by(CALLS.c.ringing_at, CALLS.c.agent, CALLS.c.call_id)
    if since is not None:
        query = query.where(CALLS.c.ringing_at >= epoch_to_utc(since))
    if agent is not None:
        query = query.where(CALLS.c.agent == agent)
    if where:
        query = query.where(*where)
    if limit is not None:
        query = query.limit(limit)
    result = conn.execution_options(yield_per=batch).execute(query)
    try:
        yield from _records(result)
    finally:
        # An export stopped half way (cancelled, a failed write) closes its
        # server-side cursor now rather than at garbage collection.
        result.close()


def _records(result: Any) -> Iterator[tuple[str, str, CallRecord]]:
    for row in result:
        failed = row.failed_sections if isinstance(row.failed_sections, list) else []
        record = CallRecord(
            call_id=row.call_id,
            number=row.number_received,
            e164=row.number_e164,
            caller_name=row.caller_name,
            customer_id=row.customer_id,
            customer_name=row.customer_name,
            state=row.state,
            ringing_at=row.ringing_at.timestamp(),
            answered_at=_epoch(row.answered_at),
            ended_at=_epoch(row.ended_at),
            answered_by=row.answered_by,
            disposition=row.disposition,
            notes=row.notes,
            pop_latency_ms=row.pop_latency_ms,
            failed_sections=tuple(str(name) for name in failed),
            bridge=row.bridge,
            called=row.called,
            answered_elsewhere=row.answered_elsewhere,
            matches=row.matches,
            wrapped_up_at=_epoch(row.wrapped_up_at),
            notes_draft=row.notes_draft,
        )
        yield str(row.agent), str(row.team), record

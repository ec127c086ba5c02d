"""How each database is connected and told to stop a statement at our deadline.

A deadline that only abandons a query leaves it running on the server and a
pooled connection busy, so each dialect is told to stop the work itself:
SQLite through an interrupt at the deadline and its busy timeout (``sources/sqlite.py``),
PostgreSQL through ``SET LOCAL statement_timeout`` (dies with the
transaction), MariaDB through ``SET STATEMENT max_statement_time=... FOR``
(this statement only, so nothing leaks into the pooled session), MySQL
through ``max_execution_time`` set and reset.

Connections are a desktop client's: a couple of warm ones per source, checked
before use (a laptop resumes from sleep with dead sockets), recycled hourly,
with keepalives and socket timeouts so that a silent server cannot hold a
pool thread. Bound values never appear in SQLAlchemy's log lines or in the
text of its errors (``hide_parameters``).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import Connection
from sqlalchemy.engine import URL

from screenpop.sources import sqlite


def engine_options(url: URL, source: str, timeout_s: float, pool_size: int) -> dict[str, Any]:
    """``create_engine`` keyword arguments for a source's URL (SQLite: read-only)."""
    backend = url.get_backend_name()
    connect_timeout = max(1, int(timeout_s + 0.999))
    options: dict[str, Any] = {"hide_parameters": True}
    if backend == "sqlite":
        if sqlite.own_uri(url):
            options["connect_args"] = {"check_same_thread": False}
        else:
            options["creator"] = sqlite.read_only_opener(url, source, timeout_s)
        return options
    options.update(
        pool_size=pool_size,
        max_overflow=2,
        pool_pre_ping=True,
        pool_recycle=3600,
        pool_timeout=timeout_s,
    )
    if backend == "postgresql":
        options["connect_args"] = {
            "connect_timeout": connect_timeout,
            # A dead peer (laptop moved network) is noticed in seconds rather
            # than after the kernel's two hours.
            "keepalives": 1,
            "keepalives_idle": 10,
            "keepalives_interval": 3,
            "keepalives_count": 3,
        }
    elif backend in ("mysql", "mariadb"):
        # Socket timeouts just past the deadline: the server stops the
        # statement at the deadline; these only catch a silent server (PyMySQL
        # then drops the connection, so the pool forgets it).
        options["connect_args"] = {
            "connect_timeout": connect_timeout,
            "read_timeout": timeout_s + 2.0,
            "write_timeout": timeout_s + 2.0,
        }
    return options


def is_mariadb(conn: Connection) -> bool:
    """MariaDB gets its deadline by prefixing the statement (``for_mariadb``)."""
    return conn.dialect.name in ("mysql", "mariadb") and bool(
        getattr(conn.dialect, "is_mariadb", False)
    )


def for_mariadb(sql: str, seconds: float) -> str:
    """``sql`` stopped by the server after ``seconds``, this statement only."""
    return f"SET STATEMENT max_statement_time={seconds:.3f} FOR {sql}"


@contextmanager
def server_deadline(conn: Connection, seconds: float) -> Iterator[None]:
    """Make the server stop this connection's statement after ``seconds``.

    (MariaDB's is in the statement itself: see ``for_mariadb``.)
    """
    ms = max(1, int(seconds * 1000))
    backend = conn.dialect.name
    if backend == "sqlite":
        # One deadline thread interrupts the statement ("interrupted"): no
        # thread per query, the work really stops inside the engine, and the
        # query never calls back into Python; the wait for another program's
        # lock is bounded by the same budget.
        raw = conn.connection.dbapi_connection
        assert raw is not None
        with sqlite.within(raw, seconds):
            yield
        return
    if backend == "postgresql":
        conn.exec_driver_sql(f"SET LOCAL statement_timeout = {ms}")
    elif backend in ("mysql", "mariadb") and not is_mariadb(conn):
        conn.exec_driver_sql(f"SET SESSION max_execution_time = {ms}")
        try:
            yield
        finally:
            conn.exec_driver_sql("SET SESSION max_execution_time = 0")
        return
    yield

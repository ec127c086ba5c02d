"""SQL sources: any SQLAlchemy URL, bound parameters only, deadlines on the server.

A deadline that only abandons a query leaves it running on the server and a
pooled connection busy, so each dialect is told to stop the work itself:
SQLite through its progress handler, PostgreSQL through ``SET LOCAL
statement_timeout`` (dies with the transaction), MariaDB through ``SET
STATEMENT max_statement_time=... FOR`` (this statement only, so nothing leaks
into the pooled session), MySQL through ``max_execution_time`` set and reset.

What reality adds (measured against PostgreSQL 15 and MariaDB 10.11):
an interrupted MariaDB ``SLEEP()`` may *return* instead of raising, so any
answer that arrives after the deadline counts as a timeout; the driver's own
socket timeouts are set just past the deadline so a silent server cannot hold
a pool thread; and a connection that failed in any way other than a clean
server-side timeout is invalidated rather than handed to the next lookup.
"""

from __future__ import annotations

import datetime as dt
import decimal
import logging
import re
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, event, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError, SQLAlchemyError
from sqlalchemy.pool import NullPool

from screenpop.card import Match
from screenpop.config.schema import SqlSource as SqlSourceConfig
from screenpop.sources.base import (
    LIST_SECTIONS,
    CheckResult,
    HistoryRow,
    Params,
    SourceError,
    SourceTimeout,
    deadline_after,
)
from screenpop.sources.numbers import keep_match, unique, with_derived

log = logging.getLogger(__name__)

_BIND = re.compile(r"(?<![:\w]):([a-zA-Z_]\w*)")
#: Words in driver errors that mean "the server stopped it at our deadline".
_TIMEOUT_MARKERS = (
    "interrupted",
    "statement timeout",
    "canceling statement",
    "max_statement_time",
    "maximum statement execution time",
    "query execution was interrupted",
)


_NEAR = re.compile(r" near '.*' at line \d+", re.DOTALL)
#: Days since 1970 of a date or timestamp, counted by each database ("{}" is the
#: column); other databases answer a date, converted in Python.
_EPOCH_DAY = {
    "sqlite": "CAST(julianday({}) - 2440587.5 AS INTEGER)",
    "postgresql": "(CAST({} AS DATE) - DATE '1970-01-01')",
    "mysql": "(TO_DAYS({}) - 719528)",
    "mariadb": "(TO_DAYS({}) - 719528)",
}
#: A statement's closing ";" with only blanks and comments after it.
_FINAL_SEMICOLON = re.compile(r";(?:\s|--[^\n]*|/\*.*?\*/)*\Z", re.DOTALL)


def jsonable(value: Any) -> Any:
    """Driver values (Decimal, date, bytes) as JSON-friendly Python values."""
    if isinstance(value, decimal.Decimal):
        return float(value)
    if isinstance(value, (dt.datetime, dt.date, dt.time)):
        return value.isoformat()
    if isinstance(value, (bytes, bytearray, memoryview)):
        return bytes(value).decode("utf-8", "replace")
    return value


def _describe(exc: BaseException) -> str:
    """A driver error in words, without echoing the SQL or bound values."""
    if isinstance(exc, DBAPIError) and exc.orig is not None:
        text_ = str(exc.orig).strip().splitlines()[0] if str(exc.orig).strip() else ""
        # MySQL/MariaDB quote the statement, bound values spliced in by the
        # driver (a caller's number, a customer id): never pass that on.
        text_ = _NEAR.sub(" near the quoted part of the query", text_)
        return f"{type(exc.orig).__name__}: {text_}"[:300]
    return f"{type(exc).__name__}: {str(exc).splitlines()[0] if str(exc) else ''}"[:300]


#: Driver wording -> what IT should do about it (checked in order, lower case).
_ADVICE = (
    (
        ("access denied", "password authentication failed", "authentication failed"),
        "the database refused the user name or password: check the user in the URL and "
        "the keyring entry named by 'password'",
    ),
    (
        (
            "connection refused",
            "can't connect",
            "could not connect",
            "connection timed out",
            "timeout expired",
            "name or service not known",
            "could not translate host",
            "no route to host",
        ),
        "cannot reach the database server: check host and port in the URL, that the "
        "server runs, and the firewall",
    ),
    (
        (
            "does not exist",
            "unknown database",
            "doesn't exist",
            "no such table",
            "unknown column",
            "no such column",
            "syntax",
            "undefined",
        ),
        "the query does not fit this database (table, column or syntax): fix the query "
        "in the configuration",
    ),
)


def _as_day(value: Any) -> int | None:
    """Days since 1970 from what a database answered for one (a number or a date)."""
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, int | float | decimal.Decimal):
        return int(value)
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        return (value - _EPOCH).days
    try:
        return (dt.date.fromisoformat(str(value)[:10]) - _EPOCH).days
    except ValueError:
        return None


_EPOCH = dt.date(1970, 1, 1)


def advice(described: str) -> str:
    """A hint for IT to go with a driver error (empty if none applies)."""
    low = described.lower()
    for markers, hint in _ADVICE:
        if any(m in low for m in markers):
            return hint
    return ""


class SqlSource:
    """One configured ``kind = "sql"`` source."""

    def __init__(self, cfg: SqlSourceConfig, secret: Callable[[str], str] | None = None) -> None:
        self.cfg = cfg
        self.name = cfg.name
        self.section: str = cfg.section
        self.timeout_s = cfg.timeout_ms / 1000.0
        url = make_url(cfg.url)
        #: Kept only to scrub it from any message a driver might echo.
        self._password = ""
        if cfg.password:
            if secret is None:
                raise SourceError(f"source {cfg.name}: no keyring to resolve its password")
            self._password = secret(cfg.password)
            url = url.set(password=self._password)
        self.backend = url.get_backend_name()
        self._url = url
        self.engine = self._make_engine(url)

    # ------------------------------------------------------------ plumbing --

    def _make_engine(self, url: Any) -> Engine:
        connect_timeout = max(1, int(self.timeout_s + 0.999))
        kwargs: dict[str, Any] = {}
        if self.backend == "sqlite":
            kwargs["connect_args"] = {"check_same_thread": False}
            if url.database in (None, "", ":memory:"):
                raise SourceError(f"source {self.name}: an in-memory SQLite database is empty")
        else:
            # A desktop client: a couple of warm connections, checked before use
            # (a laptop resumes from sleep with dead sockets), recycled hourly.
            kwargs.update(
                pool_size=self.cfg.pool_size,
                max_overflow=2,
                pool_pre_ping=True,
                pool_recycle=3600,
                pool_timeout=self.timeout_s,
            )
            if self.backend == "postgresql":
                kwargs["connect_args"] = {
                    "connect_timeout": connect_timeout,
                    # A dead peer (laptop moved network) is noticed in seconds
                    # rather than after the kernel's two hours.
                    "keepalives": 1,
                    "keepalives_idle": 10,
                    "keepalives_interval": 3,
                    "keepalives_count": 3,
                }
            elif self.backend in ("mysql", "mariadb"):
                # Socket timeouts just past the deadline: the server stops the
                # statement at the deadline; these only catch a silent server
                # (PyMySQL then drops the connection, so the pool forgets it).
                kwargs["connect_args"] = {
                    "connect_timeout": connect_timeout,
                    "read_timeout": self.timeout_s + 2.0,
                    "write_timeout": self.timeout_s + 2.0,
                }
        try:
            engine = create_engine(url, **kwargs)
        except (SQLAlchemyError, ImportError, ValueError) as exc:
            raise SourceError(f"source {self.name}: {_describe(exc)}") from None
        if self.backend == "sqlite":

            @event.listens_for(engine, "connect")
            def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
                cur = dbapi_conn.cursor()
                cur.execute("PRAGMA query_only = 1")  # sources are read, never written
                cur.execute("PRAGMA busy_timeout = 1000")
                cur.close()

        return engine

    @contextmanager
    def _deadline(self, conn: Connection, seconds: float) -> Iterator[None]:
        """Make the server stop this connection's statement after ``seconds``."""
        ms = max(1, int(seconds * 1000))
        if self.backend == "sqlite":
            # SQLite calls the progress handler every N virtual-machine steps;
            # a true return aborts the statement ("interrupted"). No thread per
            # query, and the work really stops inside the engine.
            raw = conn.connection.dbapi_connection
            assert raw is not None
            deadline = time.monotonic() + seconds
            raw.set_progress_handler(lambda: time.monotonic() > deadline, 2000)
            try:
                yield
            finally:
                raw.set_progress_handler(None, 0)
            return
        if self.backend == "postgresql":
            conn.exec_driver_sql(f"SET LOCAL statement_timeout = {ms}")
        elif self.backend in ("mysql", "mariadb") and not self._is_mariadb(conn):
            conn.exec_driver_sql(f"SET SESSION max_execution_time = {ms}")
            try:
                yield
            finally:
                conn.exec_driver_sql("SET SESSION max_execution_time = 0")
            return
        yield

    def _is_mariadb(self, conn: Connection) -> bool:
        """MariaDB gets its deadline by prefixing the statement (see ``_run``)."""
        return self.backend in ("mysql", "mariadb") and bool(
            getattr(conn.dialect, "is_mariadb", False)
        )

    def _scrub(self, message: str) -> str:
        """Never let a password a driver echoed reach a card, log or doctor."""
        if self._password and self._password in message:
            message = message.replace(self._password, "***")
        return message

    def _timeout(self) -> SourceTimeout:
        return SourceTimeout(
            f"{self.name} did not answer within {self.cfg.timeout_ms} ms (stopped on the server)"
        )

    def _run(
        self,
        sql: str,
        params: Params,
        *,
        many: bool,
        limit: int = 1000,
        deadline: float | None = None,
    ) -> list[dict[str, Any]]:
        keys, rows = self._execute(sql, params, limit=limit if many else 1, deadline=deadline)
        rename = self.cfg.rename
        names = [rename.get(k, k) for k in keys]
        return [dict(zip(names, map(jsonable, row), strict=True)) for row in rows]

    def _execute(
        self, sql: str, params: Params, *, limit: int, deadline: float | None
    ) -> tuple[list[str], list[tuple[Any, ...]]]:
        """Column names and rows as the driver gives them, within the deadline."""
        names = set(_BIND.findall(sql))
        params = with_derived(params)
        missing = names - set(params)
        if missing:
            raise SourceError(f"source {self.name}: no value for {', '.join(sorted(missing))}")
        bound = {k: params[k] for k in names}
        started = time.monotonic()
        if deadline is None:
            deadline = deadline_after(self.timeout_s, started)
        try:
            with self.engine.connect() as conn:
                # The deadline is the source's whole answer: a cold connection
                # (first call, after a pre-ping found it dead) and any earlier
                # statement of the same answer (``key_query``) spend from it.
                budget = deadline - time.monotonic()
                if budget <= 0.01:
                    raise self._timeout()
                statement = sql
                if self._is_mariadb(conn):
                    # This statement only: nothing leaks into the pooled session.
                    statement = f"SET STATEMENT max_statement_time={budget:.3f} FOR {sql}"
                try:
                    with self._deadline(conn, budget):
                        result = conn.execute(text(statement), bound)
                        keys = list(result.keys())
                        rows = [tuple(r) for r in result.fetchmany(limit)]
                        result.close()
                except DBAPIError as exc:
                    if self.backend != "sqlite" and not self._clean_timeout(
                        exc, time.monotonic() >= deadline - 0.05 * self.timeout_s
                    ):
                        # Whatever state the failure left the server session
                        # in, this connection is not handed to the next lookup.
                        conn.invalidate()
                    raise
                if self.backend != "sqlite" and time.monotonic() >= deadline:
                    # Late is as good as lost: the card has moved on, and an
                    # interrupted MariaDB SLEEP() returns instead of raising.
                    raise self._timeout()
        except DBAPIError as exc:
            if self._clean_timeout(exc, time.monotonic() >= deadline - 0.05 * self.timeout_s):
                raise self._timeout() from None
            raise SourceError(f"{self.name}: {self._scrub(_describe(exc))}") from None
        except SQLAlchemyError as exc:
            raise SourceError(f"{self.name}: {self._scrub(_describe(exc))}") from None
        return keys, rows

    def _clean_timeout(self, exc: DBAPIError, at_deadline: bool) -> bool:
        """The server stopped the statement at our deadline (connection still good)."""
        described = _describe(exc).lower()
        if any(m in described for m in _TIMEOUT_MARKERS):
            return True
        return exc.connection_invalidated is False and at_deadline and "timeout" in described

    # --------------------------------------------------------- the protocol --

    @property
    def can_identify(self) -> bool:
        return self.cfg.identify is not None or self.cfg.identify_account is not None

    def identify(self, params: Params, deadline: float | None = None) -> list[Match]:
        rows: list[dict[str, Any]] = []
        if params.get("account") and self.cfg.identify_account:
            rows = self._run(
                self.cfg.identify_account, params, many=True, limit=50, deadline=deadline
            )
        elif self.cfg.identify and (params.get("e164") or params.get("digits")):
            rows = self._run(self.cfg.identify, params, many=True, limit=50, deadline=deadline)
        out = []
        hidden = {"customer_id", "name", self.cfg.match_phone, self.cfg.match_country}
        for row in rows:
            if row.get("customer_id") is None:
                raise SourceError(f"{self.name}: identify query returns no customer_id column")
            if not params.get("account") and not keep_match(row, self.cfg, params):
                continue
            extra = tuple((k, str(v)) for k, v in row.items() if k not in hidden and v is not None)
            out.append(
                Match(str(row["customer_id"]), str(row.get("name") or ""), (self.name,), extra)
            )
        return unique(out)

    def _keyed(self, params: Params, deadline: float) -> Params | None:
        """``params`` plus this database's own ``:key`` (None: no such customer here)."""
        if self.cfg.key_query is None:
            return params
        rows = self._run(self.cfg.key_query, params, many=False, deadline=deadline)
        value = next(iter(rows[0].values())) if rows and rows[0] else None
        if value is None:
            return None
        return {**params, "key": str(value)}

    def fetch(self, params: Params, deadline: float | None = None) -> Any:
        if self.cfg.query is None:
            return None
        if deadline is None:
            deadline = deadline_after(self.timeout_s)
        keyed = self._keyed(params, deadline)
        if keyed is None:
            return None
        params = keyed
        if self.section in LIST_SECTIONS:
            return self._run(self.cfg.query, params, many=True, limit=200, deadline=deadline)
        rows = self._run(self.cfg.query, params, many=False, deadline=deadline)
        return rows[0] if rows else None

    def owned(self, params: Params, deadline: float | None = None) -> list[str]:
        if self.cfg.owned is None:
            return []
        if deadline is None:
            deadline = deadline_after(self.timeout_s)
        keyed = self._keyed(params, deadline)
        if keyed is None:
            return []
        rows = self._run(self.cfg.owned, keyed, many=True, limit=100_000, deadline=deadline)
        return [str(next(iter(r.values()))) for r in rows if r]

    def product_history_sql(self) -> str:
        """The ``history`` query cut down to one customer, one row per product.

        ``history`` is wrapped as a derived table and filtered on its
        ``customer_id`` (``:key`` when a ``key_query`` translates the id), so
        the database pushes the filter down to its index on the lines table
        (SQLite flattens the subquery, PostgreSQL pulls it up, MariaDB merges
        the derived table; ``tests/crosssell/test_product_history.py`` reads
        the plans). Its columns ``customer_id``, ``product``, ``description``
        and ``date`` (after ``rename``) are used. Answers: product,
        description, times bought (distinct days), first and last day bought
        as days since 1970 (counted by the database: no dates to parse per
        row); the most recently bought first.
        """
        if self.cfg.history is None:
            raise SourceError(f"source {self.name} has no 'history' query")
        quote = self.engine.dialect.identifier_preparer.quote
        source_names = {card: src for src, card in self.cfg.rename.items()}

        def col(card_name: str) -> str:
            return f"h.{quote(source_names.get(card_name, card_name))}"

        product, when = col("product"), col("date")
        day = _EPOCH_DAY.get(self.backend, "CAST({} AS DATE)").format
        bind = ":key" if self.cfg.key_query is not None else ":customer_id"
        # A final ";" (and comments after it) would end the statement early;
        # a trailing "-- comment" is harmless: ")" follows on its own line.
        inner = _FINAL_SEMICOLON.sub("", self.cfg.history.strip())
        return (
            f"SELECT {product} AS product, MAX({col('description')}) AS description, "
            f"COUNT(DISTINCT {day(when)}) AS times_bought, "
            f"{day(f'MIN({when})')} AS first_day, {day(f'MAX({when})')} AS last_day\n"
            f"FROM (\n{inner}\n) h\n"
            f"WHERE {col('customer_id')} = {bind}\n"
            f"GROUP BY {product}\n"
            f"ORDER BY MAX({when}) DESC"
        )

    def product_history(
        self, params: Params, deadline: float | None = None, limit: int = 20_000
    ) -> list[tuple[str, str, int, int, int]]:
        """The customer's purchases per product (``product_history_sql``), at most ``limit``.

        For cross-sells and reorders at pop time: the whole history with
        dates, one row per product, however many lines the customer has.
        Each row: (product, description, times bought, first day, last day),
        days since 1970; rows without a product or a date are left out.
        """
        if deadline is None:
            deadline = deadline_after(self.timeout_s)
        keyed = self._keyed(params, deadline)
        if keyed is None:
            return []
        _, rows = self._execute(self.product_history_sql(), keyed, limit=limit, deadline=deadline)
        out: list[tuple[str, str, int, int, int]] = []
        append = out.append
        for product, description, times, first, last in rows:
            if type(first) is not int or type(last) is not int:  # a date, not days
                last = _as_day(last)
                first = _as_day(first) if last is not None else None
                if last is None:
                    continue
                if first is None or first > last:
                    first = last
            if product is None:
                continue
            if type(description) is not str:
                description = "" if description is None else str(jsonable(description))
            append(
                (
                    product if type(product) is str else str(product),
                    description,
                    times if type(times) is int and times > 0 else max(int(times or 1), 1),
                    first,
                    last,
                )
            )
        return out

    def history(self) -> Iterator[HistoryRow]:
        if self.cfg.history is None:
            raise SourceError(f"source {self.name} has no 'history' query")
        # The whole history streams for minutes: not through the lookup pool,
        # whose socket timeouts sit just past a lookup's deadline.
        bulk = self.engine
        if self.backend in ("mysql", "mariadb"):
            bulk = create_engine(
                self._url, poolclass=NullPool, connect_args={"connect_timeout": 10}
            )
        try:
            with bulk.connect() as conn:
                result = conn.execution_options(stream_results=True, yield_per=10_000).execute(
                    text(self.cfg.history)
                )
                for row in result.mappings():
                    r = {self.cfg.rename.get(k, k): v for k, v in row.items()}
                    yield HistoryRow(
                        customer_id=str(r["customer_id"]),
                        product=str(r["product"]),
                        description=str(r.get("description") or ""),
                        date=str(jsonable(r.get("date")) or ""),
                        quantity=float(r.get("quantity") or 0),
                        amount=float(r.get("amount") or 0),
                    )
        except KeyError as exc:
            raise SourceError(f"{self.name}: history query lacks column {exc}") from None
        except SQLAlchemyError as exc:
            raise SourceError(f"{self.name}: {self._scrub(_describe(exc))}") from None
        finally:
            if bulk is not self.engine:
                bulk.dispose()

    def check(self, sample: Params) -> CheckResult:
        timings: dict[str, float] = {}
        try:
            t0 = time.perf_counter()
            with self.engine.connect() as conn:
                conn.execute(text("SELECT 1"))
            timings["connect"] = (time.perf_counter() - t0) * 1000
            matches: list[Match] = []
            if self.cfg.identify:
                t0 = time.perf_counter()
                matches = self.identify(sample)
                timings["identify"] = (time.perf_counter() - t0) * 1000
            if self.cfg.query:
                params = dict(sample)
                params.setdefault("customer_id", matches[0].customer_id if matches else "")
                t0 = time.perf_counter()
                self.fetch(params)
                timings["query"] = (time.perf_counter() - t0) * 1000
            if self.cfg.owned:
                t0 = time.perf_counter()
                self.owned({"customer_id": sample.get("customer_id", "")})
                timings["owned"] = (time.perf_counter() - t0) * 1000
        except SourceError as exc:
            hint = advice(str(exc))
            return CheckResult(False, str(exc) + (f" -> {hint}" if hint else ""), timings)
        except SQLAlchemyError as exc:
            described = f"{self.name}: {self._scrub(_describe(exc))}"
            hint = advice(described)
            return CheckResult(False, described + (f" -> {hint}" if hint else ""), timings)
        detail = f"{self.backend} reachable"
        if self.cfg.identify:
            detail += f"; identify found {len(matches)} for the sample number"
        return CheckResult(True, detail, timings)

    def close(self) -> None:
        self.engine.dispose()

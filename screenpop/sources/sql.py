"""SQL sources: any SQLAlchemy URL, bound parameters only, deadlines on the server.

A deadline that only abandons a query leaves it running on the server and a
pooled connection busy, so each dialect is told to stop the work itself
(``sources/dialects.py``; SQLite's own hazards in ``sources/sqlite.py``). One
deadline covers the whole answer: a cold connection and a keyed source's
``key_query`` spend from the same budget as the query.

What reality adds (measured against PostgreSQL 15 and MariaDB 10.11):
an interrupted MariaDB ``SLEEP()`` may *return* instead of raising, so any
answer that arrives after the deadline counts as a timeout; and a connection
that failed in any way other than a clean server-side timeout is invalidated
rather than handed to the next lookup.

What a card can hold is checked here, at the edge (``_cell``): a BLOB or a
non-finite number is refused naming its column; every error is a ``Reason``
(``sql.*``), a driver's words masked (``sources/sqlerrors.py``).
"""

from __future__ import annotations

import datetime as dt
import decimal
import math
import re
import time
from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING, Any

from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError, SQLAlchemyError
from sqlalchemy.pool import NullPool

from screenpop.card import Match
from screenpop.cases.rows import clean_value
from screenpop.reasons import Reason, define
from screenpop.sources import dialects, product_history, sqlite
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
from screenpop.sources.product_history import NO_HISTORY
from screenpop.sources.sqlerrors import advice, describe_driver_error, says_locked, says_timeout

if TYPE_CHECKING:
    from screenpop.sources.plugins.sql import SqlConfig as SqlSourceConfig

_BIND = re.compile(r"(?<![:\w]):([a-zA-Z_]\w*)")

TIMEOUT = define("sql.timeout", "{source} did not answer within {ms} ms (stopped on the server)")
LOCKED = define(
    "sql.locked",
    "{source}: the database file is locked by another program; gave up after {ms} ms",
)
#: A driver's own words (masked: see sqlerrors) are data, passed as ``error``.
DRIVER = define("sql.driver", "{source}: {error}")
IN_MEMORY = define("sql.in_memory", "source {source}: an in-memory SQLite database is empty")
NO_KEYRING = define("sql.no_keyring", "source {source}: no keyring to resolve its password")
NO_VALUE = define("sql.no_value", "source {source}: no value for {names}")
NO_CUSTOMER_ID = define(
    "sql.no_customer_id", "{source}: identify query returns no customer_id column"
)
HISTORY_COLUMN = define("sql.history_column", "{source}: history query lacks column {column}")
BLOB = define("sql.blob", "{source}: column {column} holds binary data (a BLOB), not text")
NOT_FINITE = define(
    "sql.not_finite", "{source}: column {column} holds {value}, not a finite number"
)


def jsonable(value: Any) -> Any:
    """Driver values (Decimal, date, bytes) as JSON-friendly Python values.

    For bulk reads that are not shown on a card (purchase history); a card's
    values go through ``SqlSource._cell``, which refuses what JSON cannot say.
    """
    if isinstance(value, decimal.Decimal):
        return float(value)
    if isinstance(value, (dt.datetime, dt.date, dt.time)):
        return value.isoformat()
    if isinstance(value, (bytes, bytearray, memoryview)):
        return bytes(value).decode("utf-8", "replace")
    return value


def _cleaned(value: Any, _column: str) -> Any:
    return clean_value(value)


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
                raise SourceError.because(Reason.of(NO_KEYRING, source=cfg.name))
            self._password = secret(cfg.password)
            url = url.set(password=self._password)
        self.backend = url.get_backend_name()
        self._url = url
        self.engine = self._make_engine(url)

    # ------------------------------------------------------------ plumbing --

    def _make_engine(self, url: Any) -> Engine:
        if self.backend == "sqlite" and sqlite.is_memory(url):
            raise SourceError.because(Reason.of(IN_MEMORY, source=self.name))
        options = dialects.engine_options(url, self.name, self.timeout_s, self.cfg.pool_size)
        try:
            engine = create_engine(url, **options)
        except (SQLAlchemyError, ImportError, ValueError) as exc:
            raise self._driver_error(exc, ()) from None
        if self.backend == "sqlite":

            @event.listens_for(engine, "connect")
            def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
                sqlite.on_connect(dbapi_conn)

        return engine

    def _scrub(self, message: str) -> str:
        """Never let a password a driver echoed reach a card, log or doctor."""
        if self._password and self._password in message:
            message = message.replace(self._password, "***")
        return message

    def _driver_error(self, exc: BaseException, values: Iterable[str]) -> SourceError:
        """A driver's error in its own words, without the password, SQL or values."""
        said = self._scrub(describe_driver_error(exc, values))
        return SourceError.because(Reason.of(DRIVER, source=self.name, error=said))

    def _timeout(self) -> SourceTimeout:
        return SourceTimeout.because(Reason.of(TIMEOUT, source=self.name, ms=self.cfg.timeout_ms))

    def _cell(self, value: Any, column: str) -> Any:
        """A value as a card may hold it; bytes and non-finite numbers are refused here.

        Refused at the edge, naming the column, so that IT knows what to fix
        in the query (``hex(photo)``, ``CASE WHEN x = 'Infinity' ...``): JSON
        has no infinity, and a BLOB is not text.
        """
        if isinstance(value, bytes | bytearray | memoryview):
            raise SourceError.because(Reason.of(BLOB, source=self.name, column=column))
        if isinstance(value, float | decimal.Decimal):
            number = float(value) if isinstance(value, decimal.Decimal) else value
            if not math.isfinite(number):
                raise SourceError.because(
                    Reason.of(NOT_FINITE, source=self.name, column=column, value=str(value)[:40])
                )
            return number
        if isinstance(value, dt.datetime | dt.date | dt.time):
            return value.isoformat()
        return value

    def _run(
        self,
        sql: str,
        params: Params,
        *,
        many: bool,
        limit: int = 1000,
        deadline: float | None = None,
    ) -> list[dict[str, Any]]:
        keys, rows = self.execute(sql, params, limit=limit if many else 1, deadline=deadline)
        names = [self.cfg.rename.get(k, k) for k in keys]
        # A service desk's odd value costs one case's field, not every case
        # (screenpop/cases/rows.py): cleaned there, not refused here.
        cell = self._cell if self.section != "cases" else _cleaned
        return [
            {name: cell(v, key) for name, key, v in zip(names, keys, row, strict=True)}
            for row in rows
        ]

    def execute(
        self, sql: str, params: Params, *, limit: int, deadline: float | None
    ) -> tuple[list[str], list[tuple[Any, ...]]]:
        """Column names and rows as the driver gives them, within the deadline.

        The one place a statement runs for a pop: bound values only, the
        server stopping the work at the deadline, errors masked.
        """
        names = set(_BIND.findall(sql))
        params = with_derived(params)
        missing = names - set(params)
        if missing:
            raise SourceError.because(Reason.of(NO_VALUE, source=self.name, names=sorted(missing)))
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
                mariadb = dialects.is_mariadb(conn)
                statement = dialects.for_mariadb(sql, budget) if mariadb else sql
                try:
                    with dialects.server_deadline(conn, budget):
                        result = conn.execute(text(statement), bound)
                        keys = [str(k) for k in result.keys()]  # noqa: SIM118 (a Result, not a dict)
                        rows = [tuple(r) for r in result.fetchmany(limit)]
                        result.close()
                except DBAPIError as exc:
                    if self.backend == "sqlite" and says_locked(str(exc.orig)):
                        waited = round((time.monotonic() - started) * 1000)
                        raise SourceTimeout.because(
                            Reason.of(LOCKED, source=self.name, ms=waited)
                        ) from None
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
            raise self._driver_error(exc, bound.values()) from None
        except SQLAlchemyError as exc:
            raise self._driver_error(exc, bound.values()) from None
        return keys, rows

    def _clean_timeout(self, exc: DBAPIError, at_deadline: bool) -> bool:
        """The server stopped the statement at our deadline (connection still good)."""
        described = describe_driver_error(exc)
        if says_timeout(described):
            return True
        return (
            exc.connection_invalidated is False and at_deadline and "timeout" in described.lower()
        )

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
                raise SourceError.because(Reason.of(NO_CUSTOMER_ID, source=self.name))
            if not params.get("account") and not keep_match(row, self.cfg, params):
                continue
            extra = tuple((k, str(v)) for k, v in row.items() if k not in hidden and v is not None)
            out.append(
                Match(str(row["customer_id"]), str(row.get("name") or ""), (self.name,), extra)
            )
        return unique(out)

    def keyed(self, params: Params, deadline: float) -> Params | None:
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
        keyed = self.keyed(params, deadline)
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
        keyed = self.keyed(params, deadline)
        if keyed is None:
            return []
        rows = self._run(self.cfg.owned, keyed, many=True, limit=100_000, deadline=deadline)
        return [str(next(iter(r.values()))) for r in rows if r]

    def product_history_sql(self) -> str:
        """``history`` cut to one customer, one row per product (``product_history``)."""
        return product_history.statement(self)

    def product_history(
        self, params: Params, deadline: float | None = None, limit: int = 20_000
    ) -> list[tuple[str, str, int, int, int]]:
        """The customer's purchases per product, for reorders and cross-sells at pop time."""
        return product_history.fetch(self, params, deadline, limit)

    def history(self) -> Iterator[HistoryRow]:
        if self.cfg.history is None:
            raise SourceError.because(Reason.of(NO_HISTORY, source=self.name))
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
            raise SourceError.because(
                Reason.of(HISTORY_COLUMN, source=self.name, column=str(exc.args[0]))
            ) from None
        except SQLAlchemyError as exc:
            raise self._driver_error(exc, ()) from None
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
            # Advice reads a driver's words; our own reasons say what to do.
            said_by_driver = exc.reason is None or exc.reason.code == DRIVER
            hint = advice(str(exc)) if said_by_driver else ""
            return CheckResult(False, str(exc) + (f" -> {hint}" if hint else ""), timings)
        except SQLAlchemyError as exc:
            described = self._driver_error(exc, sample.values()).args[0]
            hint = advice(described)
            return CheckResult(False, described + (f" -> {hint}" if hint else ""), timings)
        detail = f"{self.backend} reachable"
        if self.cfg.identify:
            detail += f"; identify found {len(matches)} for the sample number"
        return CheckResult(True, detail, timings)

    def close(self) -> None:
        self.engine.dispose()

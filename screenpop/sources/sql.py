"""SQL sources: any SQLAlchemy URL, bound parameters only, deadlines on the server.

A deadline that only abandons a query leaves it running on the server and a
pooled connection busy, so each dialect is told to stop the work itself:
SQLite through ``interrupt()``, PostgreSQL through ``statement_timeout``,
MariaDB/MySQL through ``max_statement_time``/``max_execution_time``.
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

from screenpop.card import Match
from screenpop.config.schema import SqlSource as SqlSourceConfig
from screenpop.sources.base import CheckResult, HistoryRow, Params, SourceError, SourceTimeout

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
        return f"{type(exc.orig).__name__}: {text_}"[:300]
    return f"{type(exc).__name__}: {str(exc).splitlines()[0] if str(exc) else ''}"[:300]


class SqlSource:
    """One configured ``kind = "sql"`` source."""

    def __init__(self, cfg: SqlSourceConfig, secret: Callable[[str], str] | None = None) -> None:
        self.cfg = cfg
        self.name = cfg.name
        self.section: str = cfg.section
        self.timeout_s = cfg.timeout_ms / 1000.0
        url = make_url(cfg.url)
        if cfg.password:
            if secret is None:
                raise SourceError(f"source {cfg.name}: no keyring to resolve its password")
            url = url.set(password=secret(cfg.password))
        self.backend = url.get_backend_name()
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
                kwargs["connect_args"] = {"connect_timeout": connect_timeout}
            elif self.backend in ("mysql", "mariadb"):
                kwargs["connect_args"] = {
                    "connect_timeout": connect_timeout,
                    "read_timeout": connect_timeout + 5,
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
        elif self.backend in ("mysql", "mariadb"):
            if getattr(conn.dialect, "is_mariadb", False):
                conn.exec_driver_sql(f"SET SESSION max_statement_time = {ms / 1000:.3f}")
            else:
                conn.exec_driver_sql(f"SET SESSION max_execution_time = {ms}")
        yield

    def _run(
        self, sql: str, params: Params, *, many: bool, limit: int = 1000
    ) -> list[dict[str, Any]]:
        names = set(_BIND.findall(sql))
        missing = names - set(params)
        if missing:
            raise SourceError(f"source {self.name}: no value for {', '.join(sorted(missing))}")
        bound = {k: params[k] for k in names}
        started = time.monotonic()
        try:
            with self.engine.connect() as conn, self._deadline(conn, self.timeout_s):
                result = conn.execute(text(sql), bound)
                rows = result.mappings().fetchmany(limit if many else 1)
                result.close()
        except DBAPIError as exc:
            described = _describe(exc)
            elapsed = time.monotonic() - started
            if any(m in described.lower() for m in _TIMEOUT_MARKERS) or (
                exc.connection_invalidated is False
                and elapsed >= self.timeout_s * 0.95
                and "timeout" in described.lower()
            ):
                raise SourceTimeout(
                    f"{self.name} did not answer within {self.cfg.timeout_ms} ms "
                    "(stopped on the server)"
                ) from None
            raise SourceError(f"{self.name}: {described}") from None
        except SQLAlchemyError as exc:
            raise SourceError(f"{self.name}: {_describe(exc)}") from None
        rename = self.cfg.rename
        return [{rename.get(k, k): jsonable(v) for k, v in row.items()} for row in rows]

    # --------------------------------------------------------- the protocol --

    @property
    def can_identify(self) -> bool:
        return self.cfg.identify is not None or self.cfg.identify_account is not None

    def identify(self, params: Params) -> list[Match]:
        rows: list[dict[str, Any]] = []
        if params.get("account") and self.cfg.identify_account:
            rows = self._run(self.cfg.identify_account, params, many=True, limit=50)
        elif self.cfg.identify and (params.get("e164") or params.get("digits")):
            rows = self._run(self.cfg.identify, params, many=True, limit=50)
        out = []
        for row in rows:
            if row.get("customer_id") is None:
                raise SourceError(f"{self.name}: identify query returns no customer_id column")
            extra = tuple(
                (k, str(v))
                for k, v in row.items()
                if k not in ("customer_id", "name") and v is not None
            )
            out.append(
                Match(str(row["customer_id"]), str(row.get("name") or ""), (self.name,), extra)
            )
        return out

    def fetch(self, params: Params) -> Any:
        if self.cfg.query is None:
            return None
        if self.section == "purchases":
            return self._run(self.cfg.query, params, many=True, limit=200)
        rows = self._run(self.cfg.query, params, many=False)
        return rows[0] if rows else None

    def owned(self, params: Params) -> list[str]:
        if self.cfg.owned is None:
            return []
        rows = self._run(self.cfg.owned, params, many=True, limit=100_000)
        return [str(next(iter(r.values()))) for r in rows if r]

    def history(self) -> Iterator[HistoryRow]:
        if self.cfg.history is None:
            raise SourceError(f"source {self.name} has no 'history' query")
        try:
            with self.engine.connect() as conn:
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
            raise SourceError(f"{self.name}: {_describe(exc)}") from None

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
            return CheckResult(False, str(exc), timings)
        detail = f"{self.backend} reachable"
        if self.cfg.identify:
            detail += f"; identify found {len(matches)} for the sample number"
        return CheckResult(True, detail, timings)

    def close(self) -> None:
        self.engine.dispose()

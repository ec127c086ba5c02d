"""Writing a case to the service desk: its ``open_case`` SQL INSERT or REST POST.

One write per case, on the case writer's thread (never the lookup's pools),
with its own connection so a slow service desk holds nobody else up:

* **SQL**: the declared INSERT (checked at load: one ``INSERT … VALUES`` with
  bound parameters only) in its own transaction, on a connection opened for
  the write (``NullPool``: a desk opens a handful of cases a day, and a
  stale pooled socket after a night would only fail the first one). SQLite
  sources are read only for lookups; the write opens the file for writing.
* **REST**: a POST of the body template, ``Idempotency-Key: <case_id>``, no
  redirects followed (a POST must not be replayed somewhere else), TLS and
  credentials as the source's lookups have them.

Replays are expected: the writer sends again whatever it has not marked
landed (a crash between the service desk's commit and ours). A unique-key
clash (SQLite ``UNIQUE``, PostgreSQL ``23505``, MariaDB ``1062``) or an HTTP
``409`` therefore means "already there": landed, not failed.

Failures are ``CaseWriteError``: ``transient`` when the service desk could
not be reached or was busy (try again soon), not when it refused this
statement (a missing table, a bad value: retried too, more slowly, until IT
fixes it; ``doctor`` shows the reason).
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Mapping
from enum import StrEnum
from typing import TYPE_CHECKING, Any, Protocol
from urllib.parse import quote, urlsplit

import requests
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError, IntegrityError, OperationalError, SQLAlchemyError
from sqlalchemy.pool import NullPool

from screenpop.cases.request import CaseRequest
from screenpop.sources import dialects
from screenpop.sources.sqlerrors import describe_driver_error

if TYPE_CHECKING:
    from screenpop.sources.plugins.rest import RestConfig
    from screenpop.sources.plugins.sql import SqlConfig

_FIELD = re.compile(r"\{([a-zA-Z_]\w*)\}")
#: A write may take longer than a lookup's deadline; it never blocks a pop.
WRITE_TIMEOUT_S = 10.0
#: Statuses that mean "not now" rather than "not this".
_RETRY_STATUS = frozenset({408, 425, 429, 500, 502, 503, 504})


class Landed(StrEnum):
    #: The service desk took it now.
    NEW = "new"
    #: It was already there (a replay).
    ALREADY = "already"


class CaseWriteError(Exception):
    """The service desk does not have the case; the message says why (no values in it)."""

    def __init__(self, message: str, *, transient: bool) -> None:
        super().__init__(message)
        self.transient = transient


class CaseTarget(Protocol):
    """Where cases go: one service source's ``open_case``."""

    name: str

    def write(self, request: CaseRequest) -> Landed: ...

    def close(self) -> None: ...


def _unique_clash(exc: IntegrityError) -> bool:
    """A duplicate key, as each driver says it (not a NOT NULL or foreign key)."""
    orig = exc.orig
    if getattr(orig, "sqlstate", None) == "23505":  # PostgreSQL unique_violation
        return True
    args = getattr(orig, "args", ())
    if args and args[0] == 1062:  # MySQL/MariaDB ER_DUP_ENTRY
        return True
    said = str(orig)
    return "UNIQUE constraint failed" in said or "PRIMARY KEY constraint failed" in said


class SqlCaseTarget:
    """``open_case`` of a ``kind = "sql"`` source."""

    def __init__(self, cfg: SqlConfig, secret: Callable[[str], str]) -> None:
        if cfg.open_case is None:
            raise ValueError(f"source {cfg.name} has no open_case")
        self.name = cfg.name
        self.statement = cfg.open_case
        url = make_url(cfg.url)
        self._password = ""
        if cfg.password:
            self._password = secret(cfg.password)
            url = url.set(password=self._password)
        # The lookups' connection settings (timeouts, keepalives, hidden
        # parameters), without their pool, and SQLite opened for writing.
        options = dialects.engine_options(url, cfg.name, WRITE_TIMEOUT_S, pool_size=1)
        for pooled in ("pool_size", "max_overflow", "pool_pre_ping", "pool_recycle",
                       "pool_timeout", "creator"):  # fmt: skip
            options.pop(pooled, None)
        if url.get_backend_name() == "sqlite":
            options["connect_args"] = {"timeout": WRITE_TIMEOUT_S}
        self.engine = create_engine(url, poolclass=NullPool, **options)

    def write(self, request: CaseRequest) -> Landed:
        params = request.params()
        try:
            with self.engine.begin() as conn:
                mariadb = dialects.is_mariadb(conn)
                sql = (
                    dialects.for_mariadb(self.statement, WRITE_TIMEOUT_S)
                    if mariadb
                    else self.statement
                )
                with dialects.server_deadline(conn, WRITE_TIMEOUT_S):
                    conn.execute(text(sql), params)
        except IntegrityError as exc:
            if _unique_clash(exc):
                return Landed.ALREADY
            raise self._error(exc, params, transient=False) from None
        except OperationalError as exc:
            raise self._error(exc, params, transient=True) from None
        except DBAPIError as exc:
            # A missing table or column, a value the column cannot take: the
            # statement, not the moment. A dropped connection says so itself.
            raise self._error(exc, params, transient=exc.connection_invalidated) from None
        except SQLAlchemyError as exc:
            raise self._error(exc, params, transient=True) from None
        return Landed.NEW

    def _error(
        self, exc: BaseException, params: Mapping[str, str], *, transient: bool
    ) -> CaseWriteError:
        said = describe_driver_error(exc, params.values())
        if self._password:
            said = said.replace(self._password, "***")
        return CaseWriteError(f"{self.name}: {said}", transient=transient)

    def close(self) -> None:
        self.engine.dispose()


def fill(template: Any, values: Mapping[str, str]) -> Any:
    """The body template with every ``{name}`` replaced (a bare ``"{name}"``: the value)."""
    if isinstance(template, str):
        whole = _FIELD.fullmatch(template)
        if whole:
            return values.get(whole.group(1), "")
        return _FIELD.sub(lambda m: values.get(m.group(1), ""), template)
    if isinstance(template, Mapping):
        return {k: fill(v, values) for k, v in template.items()}
    if isinstance(template, list):
        return [fill(v, values) for v in template]
    return template


class RestCaseTarget:
    """``open_case`` of a ``kind = "rest"`` source."""

    def __init__(self, cfg: RestConfig, secret: Callable[[str], str]) -> None:
        from screenpop.sources.rest import RestSource

        if cfg.open_case is None:
            raise ValueError(f"source {cfg.name} has no open_case")
        self.name = cfg.name
        self.write_cfg = cfg.open_case
        # The lookups' session: the same headers, credentials and TLS settings.
        self.source = RestSource(cfg, secret)
        base = urlsplit(cfg.query or cfg.identify or "")
        self.origin = f"{base.scheme}://{base.netloc}"

    def write(self, request: CaseRequest) -> Landed:
        values = request.params()
        path = _FIELD.sub(lambda m: quote(values.get(m.group(1), ""), safe=""), self.write_cfg.path)
        where = f"{self.name}: POST {self.write_cfg.path}"
        body = json.dumps(fill(self.write_cfg.body, values), ensure_ascii=False)
        http = self.source.http
        try:
            response = self.source.session.post(
                self.origin + path,
                data=body.encode(),
                headers={"Content-Type": "application/json", "Idempotency-Key": request.case_id},
                timeout=(WRITE_TIMEOUT_S, WRITE_TIMEOUT_S),
                verify=http.verify,
                auth=http.auth,
                allow_redirects=False,
            )
        except requests.exceptions.SSLError:
            raise CaseWriteError(f"{where}: TLS verification failed", transient=False) from None
        except requests.exceptions.RequestException as exc:
            raise CaseWriteError(
                f"{where}: cannot be reached ({type(exc).__name__})", transient=True
            ) from None
        with response:
            status = response.status_code
            if 200 <= status < 300:
                return Landed.NEW
            if status == 409:
                return Landed.ALREADY
            said = f"{status} {response.reason or ''}".strip()
            raise CaseWriteError(f"{where}: {said}", transient=status in _RETRY_STATUS)

    def close(self) -> None:
        self.source.close()


def case_target(cfg: Any, secret: Callable[[str], str]) -> CaseTarget:
    """The target for a source config with ``open_case`` (SQL or REST)."""
    from screenpop.sources.plugins.rest import RestConfig
    from screenpop.sources.plugins.sql import SqlConfig

    if isinstance(cfg, SqlConfig):
        return SqlCaseTarget(cfg, secret)
    if isinstance(cfg, RestConfig):
        return RestCaseTarget(cfg, secret)
    raise ValueError(f"source {cfg.name}: kind {cfg.kind} cannot open cases")

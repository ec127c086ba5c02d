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

import json
import math
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
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
    text,
)
from sqlalchemy.dialects.postgresql import JSONB, TIMESTAMP
from sqlalchemy.engine import URL, make_url

from screenpop.config.schema import JournalConfig
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

#: The journal columns a workstation sends (everything but the key, the team
#: the server assigns, and the server's own replicated_at).
DATA_COLUMNS = (
    "state",
    "ringing_at",
    "answered_at",
    "ended_at",
    "number_received",
    "number_e164",
    "caller_name",
    "called",
    "bridge",
    "answered_by",
    "answered_elsewhere",
    "customer_id",
    "customer_name",
    "matches",
    "pop_latency_ms",
    "failed_sections",
    "card_json",
    "disposition",
    "notes",
    "notes_draft",
    "wrapped_up_at",
    "updated_at",
)
_TIMES = frozenset({"ringing_at", "answered_at", "ended_at", "wrapped_up_at", "updated_at"})
_TEXTS = frozenset(
    {
        "state",
        "number_received",
        "number_e164",
        "caller_name",
        "called",
        "bridge",
        "answered_by",
        "customer_id",
        "customer_name",
        "disposition",
        "notes",
        "notes_draft",
    }
)


#: How a workstation writes (``installers/central/postgresql.sql``): one JSON
#: array of its calls per transaction through the SECURITY DEFINER function,
#: which files every row under the agent mapped to the login. The login holds
#: no INSERT/UPDATE on the table, so it cannot lock the table against others.
RECORD_CALLS = text("SELECT screenpop.record_calls(CAST(:batch AS jsonb))")
#: Most calls ``record_calls`` takes at once (the function refuses more).
MAX_BATCH = 1000


def _json_default(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.isoformat()
    raise TypeError(f"not JSON: {type(value).__name__}")


def batch_json(rows: Sequence[Mapping[str, Any]]) -> str:
    """``to_central`` rows as the JSON array ``record_calls`` takes (times ISO 8601).

    ``agent`` is left out: the server names it from the login. Strict JSON (a
    non-finite number would make PostgreSQL refuse the whole batch).
    """
    if len(rows) > MAX_BATCH:
        raise ValueError(f"at most {MAX_BATCH} calls per batch")
    calls = [{k: v for k, v in row.items() if k != "agent"} for row in rows]
    try:
        return _dumps(calls)
    except ValueError:  # a NaN inside an old card snapshot: null, not a stuck outbox
        return _dumps(_finite(calls))


def _dumps(value: Any) -> str:
    return json.dumps(
        value, default=_json_default, allow_nan=False, ensure_ascii=False, separators=(",", ":")
    )


def _finite(value: Any) -> Any:
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    if isinstance(value, list):
        return [_finite(item) for item in value]
    if isinstance(value, dict):
        return {key: _finite(item) for key, item in value.items()}
    return value


#: The write door's signature, for privilege checks.
RECORD_CALLS_SIGNATURE = "screenpop.record_calls(jsonb)"


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


# ---------------------------------------------------------------- checks --


@dataclass(frozen=True, slots=True)
class LoginInfo:
    """What the central database says about the login screenpop connected as."""

    login: str
    agent: str | None
    team: str | None
    supervised_teams: tuple[str, ...]
    bypasses_rls: bool
    can_replicate: bool
    can_read: bool


def check_schema(conn: Connection) -> None:
    """Raise ``CentralError`` unless the DBA's schema is there (never creates it)."""
    found = conn.execute(text("SELECT to_regclass('screenpop.calls')")).scalar()
    if found is None:
        raise CentralError(f"no table screenpop.calls in this database: {SETUP_HINT}")
    comment = conn.execute(text("SELECT obj_description('screenpop.calls'::regclass)")).scalar()
    if comment != SCHEMA_COMMENT:
        raise CentralError(
            f"screenpop.calls is not the expected schema ({comment!r}, "
            f"want {SCHEMA_COMMENT!r}): {SETUP_HINT}"
        )
    if conn.execute(text(f"SELECT to_regprocedure('{RECORD_CALLS_SIGNATURE}')")).scalar() is None:
        raise CentralError(
            f"no function {RECORD_CALLS_SIGNATURE} (the schema is from an older screenpop): "
            f"{SETUP_HINT}"
        )


def login_info(conn: Connection) -> LoginInfo:
    """Who we are centrally: mapped agent and team, supervised teams, privileges.

    Reads only what row-level security lets this login see of the mappings,
    which is exactly its own rows.
    """
    login = str(conn.execute(text("SELECT current_user")).scalar_one())
    member = None
    if _can(conn, "screenpop.team_members", "SELECT"):
        member = conn.execute(
            text("SELECT agent, team FROM screenpop.team_members WHERE login = current_user")
        ).first()
    teams: tuple[str, ...] = ()
    if _can(conn, "screenpop.supervisors", "SELECT"):
        teams = tuple(
            str(team)
            for team in conn.execute(
                text(
                    "SELECT team FROM screenpop.supervisors WHERE login = current_user"
                    " ORDER BY team"
                )
            ).scalars()
        )
    bypass = bool(
        conn.execute(
            text(
                "SELECT r.rolsuper OR r.rolbypassrls OR c.relowner = r.oid"
                " FROM pg_roles r, pg_class c"
                " WHERE r.rolname = current_user AND c.oid = 'screenpop.calls'::regclass"
            )
        ).scalar()
    )
    return LoginInfo(
        login=login,
        agent=None if member is None else str(member.agent),
        team=None if member is None else str(member.team),
        supervised_teams=teams,
        bypasses_rls=bypass,
        can_replicate=bool(
            conn.execute(
                text(
                    "SELECT to_regprocedure(:f) IS NOT NULL"
                    " AND has_function_privilege(:f, 'EXECUTE')"
                    " AND has_schema_privilege('screenpop', 'USAGE')"
                ),
                {"f": RECORD_CALLS_SIGNATURE},
            ).scalar()
        ),
        can_read=_can(conn, "screenpop.calls", "SELECT"),
    )


def _can(conn: Connection, table: str, privilege: str) -> bool:
    """One privilege (PostgreSQL answers true for a list if *any* of it is held)."""
    return bool(
        conn.execute(
            text("SELECT has_table_privilege(:table, :privilege)"),
            {"table": table, "privilege": privilege},
        ).scalar()
    )


def replication_problem(info: LoginInfo, agent: str) -> str | None:
    """Why this login cannot replicate agent ``agent``'s calls, or None."""
    if not info.can_replicate:
        return (
            f"login {info.login} may not write calls (EXECUTE on {RECORD_CALLS_SIGNATURE}): "
            f"the DBA grants it screenpop_agent (GRANT screenpop_agent TO {info.login})"
        )
    if info.agent is None:
        return (
            f"login {info.login} is not mapped to an agent in screenpop.team_members: the "
            f"DBA adds ({info.login!r}, {agent!r}, TEAM)"
        )
    if info.agent != agent:
        return (
            f"login {info.login} is mapped to agent {info.agent!r} in screenpop.team_members "
            f"but this workstation is agent {agent!r} ([agent] extension)"
        )
    return None


# -------------------------------------------------------------- writing --


def _epoch_to_utc(value: Any) -> datetime | None:
    if value is None:
        return None
    try:
        seconds = float(value)
        if not math.isfinite(seconds):
            return None
        return datetime.fromtimestamp(seconds, UTC)
    except (TypeError, ValueError, OverflowError, OSError):
        return None


def _no_nul(value: Any) -> Any:
    """PostgreSQL text and jsonb cannot hold NUL; a caller name from a bridge might."""
    if isinstance(value, str):
        return value.replace("\x00", "")
    if isinstance(value, list):
        return [_no_nul(item) for item in value]
    if isinstance(value, dict):
        return {_no_nul(key): _no_nul(item) for key, item in value.items()}
    return value


def _json(value: Any, default: Any) -> Any:
    if value is None:
        return default
    try:
        parsed = json.loads(value)
    except (TypeError, ValueError):
        return default
    # json.dumps writes NUL as \u0000: only then is the walk worth its cost.
    return _no_nul(parsed) if "\\u0000" in value else parsed


def to_central(agent: str, row: Mapping[str, Any]) -> dict[str, Any]:
    """A local journal row (``Journal.pending``) as one element of ``batch_json``.

    Values PostgreSQL would refuse are made acceptable here rather than left
    to fail the whole batch again and again: NULs are dropped from text, bad
    JSON becomes empty, impossible times become NULL (``ringing_at`` falls
    back to ``updated_at``).
    """
    out: dict[str, Any] = {"agent": agent, "call_id": _no_nul(row["call_id"])}
    for name in DATA_COLUMNS:
        value = row.get(name)
        if name in _TIMES:
            value = _epoch_to_utc(value)
        elif name in _TEXTS:
            value = _no_nul(value)
        out[name] = value
    out["failed_sections"] = _json(row.get("failed_sections"), [])
    out["card_json"] = _json(row.get("card_json"), None)
    out["answered_elsewhere"] = bool(row.get("answered_elsewhere"))
    out["matches"] = int(row.get("matches") or 0)
    latency = out["pop_latency_ms"]
    if latency is not None:
        try:
            latency = float(latency)
        except (TypeError, ValueError):
            latency = None
        out["pop_latency_ms"] = latency if latency is not None and math.isfinite(latency) else None
    for name in ("number_received", "caller_name", "called", "bridge"):
        out[name] = out[name] or ""
    out["state"] = out["state"] or "ringing"
    now = datetime.now(UTC)
    out["updated_at"] = out["updated_at"] or now
    out["ringing_at"] = out["ringing_at"] or out["updated_at"]
    return out


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
        query = query.where(CALLS.c.ringing_at >= _epoch_to_utc(since))
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

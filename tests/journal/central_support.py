"""A real central journal for tests: a throw-away PostgreSQL database set up with
the shipped ``installers/central/postgresql.sql`` by ``psql`` (as a DBA would),
real login roles mapped to agents and supervisors, and a TCP proxy a test can
switch off and on to play a central outage.

Every database and login role gets a unique name and is dropped afterwards.
The group roles ``screenpop_agent``/``screenpop_supervisor`` are the shipped
script's own (cluster-wide, shared by every run) and are left in place.
"""

from __future__ import annotations

import contextlib
import socket
import subprocess
import threading
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, text

from screenpop.config.schema import JournalConfig
from tests.peers import need, need_program, need_service

ROOT = Path(__file__).resolve().parents[2]
SQL = ROOT / "installers" / "central" / "postgresql.sql"
HOST, PORT = "127.0.0.1", 5432
#: Stored in the keyring for every login; trust auth ignores it, so tests can
#: check it never appears in any output without needing real passwords.
PASSWORD = "Cq7-never-print-me-91x"
SECRET_REF = "keyring:screenpop/central-test"


def admin_user() -> str:
    """A superuser login on the local server (root or postgres, trust auth)."""
    need_service("PostgreSQL", HOST, PORT)
    last: Exception | None = None
    for user in ("postgres", "root"):
        engine = create_engine(f"postgresql+psycopg://{user}@{HOST}:{PORT}/test")
        try:
            with engine.connect() as conn:
                conn.execute(text("SELECT 1"))
            return user
        except Exception as exc:
            last = exc
        finally:
            engine.dispose()
    need(False, f"PostgreSQL login as postgres or root ({last})")
    raise AssertionError("unreachable")


def apply_sql(database: str, user: str, path: Path = SQL) -> subprocess.CompletedProcess[str]:
    psql = need_program("psql")
    return subprocess.run(
        [
            psql,
            "-X",
            "-q",
            "-v",
            "ON_ERROR_STOP=1",
            "-h",
            HOST,
            "-p",
            str(PORT),
            "-U",
            user,
            "-d",
            database,
            "-f",
            str(path),
        ],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


@dataclass
class Central:
    """One throw-away central database and the logins made in it."""

    database: str
    admin_name: str
    admin: Engine
    prefix: str
    roles: list[str] = field(default_factory=list)

    def url(self, login: str, port: int = PORT) -> str:
        return f"postgresql+psycopg://{login}@{HOST}:{port}/{self.database}"

    def config(self, login: str, port: int = PORT) -> JournalConfig:
        return JournalConfig(central=self.url(login, port), password=SECRET_REF)

    def login(self, name: str, group: str) -> str:
        """A real LOGIN role in ``group`` (screenpop_agent / screenpop_supervisor)."""
        role = f"{self.prefix}_{name}"
        with self.admin.connect() as conn:
            conn.execute(text(f'CREATE ROLE "{role}" LOGIN IN ROLE {group}'))
        self.roles.append(role)
        return role

    def agent(self, name: str, agent: str, team: str) -> str:
        role = self.login(name, "screenpop_agent")
        with self.admin.connect() as conn:
            conn.execute(
                text("INSERT INTO screenpop.team_members VALUES (:l, :a, :t)"),
                {"l": role, "a": agent, "t": team},
            )
        return role

    def supervisor(self, name: str, *teams: str) -> str:
        role = self.login(name, "screenpop_supervisor")
        with self.admin.connect() as conn:
            for team in teams:
                conn.execute(
                    text("INSERT INTO screenpop.supervisors VALUES (:l, :t)"),
                    {"l": role, "t": team},
                )
        return role

    def engine_as(self, login: str) -> Engine:
        return create_engine(self.url(login))

    def rows(self, *columns: str) -> list[Any]:
        """Every central row as the DBA sees it (no RLS for the superuser)."""
        cols = ", ".join(columns or ("*",))
        with self.admin.connect() as conn:
            return list(
                conn.execute(text(f"SELECT {cols} FROM screenpop.calls ORDER BY agent, call_id"))
            )


@contextlib.contextmanager
def central_database(*, with_schema: bool = True) -> Iterator[Central]:
    user = admin_user()
    tag = uuid.uuid4().hex[:10]
    database = f"sp_central_{tag}"
    server = create_engine(
        f"postgresql+psycopg://{user}@{HOST}:{PORT}/test", isolation_level="AUTOCOMMIT"
    )
    with server.connect() as conn:
        conn.execute(text(f"CREATE DATABASE {database}"))
    admin = create_engine(
        f"postgresql+psycopg://{user}@{HOST}:{PORT}/{database}", isolation_level="AUTOCOMMIT"
    )
    central = Central(database, user, admin, f"sp_t{tag}")
    try:
        if with_schema:
            done = apply_sql(database, user)
            assert done.returncode == 0, done.stderr
        yield central
    finally:
        admin.dispose()
        with server.connect() as conn:
            conn.execute(text(f"DROP DATABASE IF EXISTS {database} WITH (FORCE)"))
            for role in central.roles:
                conn.execute(text(f'DROP ROLE IF EXISTS "{role}"'))
        server.dispose()


class TcpProxy:
    """Forwards a local port to PostgreSQL; ``down()`` refuses and cuts every
    connection (a central outage as the client sees it), ``up()`` restores.
    With ``forward = False`` it accepts connections and never answers: a hung
    server or a black-holed network, the outage that costs the client most."""

    def __init__(self, port: int, target: tuple[str, int] = (HOST, PORT)) -> None:
        self.port = port
        self.target = target
        self._listener: socket.socket | None = None
        self._conns: list[socket.socket] = []
        self._lock = threading.Lock()
        self.accepted = 0
        self.forward = True

    def up(self) -> None:
        listener = socket.socket()
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listener.bind((HOST, self.port))
        listener.listen(16)
        self._listener = listener
        threading.Thread(target=self._accept, args=(listener,), daemon=True).start()

    def down(self) -> None:
        listener, self._listener = self._listener, None
        if listener is not None:
            with contextlib.suppress(OSError):
                listener.shutdown(socket.SHUT_RDWR)
            listener.close()
        with self._lock:
            conns, self._conns = self._conns, []
        for conn in conns:
            with contextlib.suppress(OSError):
                conn.shutdown(socket.SHUT_RDWR)
            conn.close()

    def _accept(self, listener: socket.socket) -> None:
        while True:
            try:
                client, _ = listener.accept()
            except OSError:
                return
            if not self.forward:
                with self._lock:
                    self._conns.append(client)  # held open, never answered
                continue
            try:
                upstream = socket.create_connection(self.target, timeout=5)
            except OSError:
                client.close()
                continue
            upstream.settimeout(None)
            with self._lock:
                if self._listener is not listener:
                    client.close()
                    upstream.close()
                    return
                self._conns += [client, upstream]
                self.accepted += 1
            for a, b in ((client, upstream), (upstream, client)):
                threading.Thread(target=self._pump, args=(a, b), daemon=True).start()

    @staticmethod
    def _pump(src: socket.socket, dst: socket.socket) -> None:
        try:
            while data := src.recv(65536):
                dst.sendall(data)
        except OSError:
            pass
        finally:
            with contextlib.suppress(OSError):
                dst.shutdown(socket.SHUT_WR)


# ----------------------------------------------------- journaled call sets --


@dataclass(frozen=True)
class Spec:
    """One call as a workstation journals it (through the real ``Journal`` API)."""

    call_id: str
    at: float
    outcome: str = "answered"  # answered | missed | elsewhere | ringing | on_call | wrap_up
    number: str = "+44 20 7946 0958"
    caller: str = "Alice Example"
    customer: tuple[str, str] | None = ("17850", "Acme Ltd")
    disposition: str | None = "resolved"
    notes: str | None = None
    latency_ms: float = 5.0


def journal_calls(journal: Any, agent: str, specs: list[Spec]) -> None:
    """Ring, answer, end and wrap up ``specs`` in ``journal`` as the engine would."""
    from screenpop.events import CallEvent, CallState
    from screenpop.phone import normalise
    from tests.journal.conftest import make_card

    for s in specs:
        number = normalise(s.number, "GB")

        def event(state: CallState, ts: float, who: str = "", s: Spec = s) -> CallEvent:
            return CallEvent(s.call_id, state, s.number, s.caller, called=agent, ts=ts, agent=who)

        journal.record_event(event(CallState.RINGING, s.at), number)
        journal.record_card(s.call_id, make_card(s.number, customer=s.customer), s.latency_ms)
        if s.outcome in ("answered", "on_call", "wrap_up"):
            journal.record_event(event(CallState.ANSWERED, s.at + 4, agent), number)
            if s.outcome != "on_call":
                journal.record_event(event(CallState.ENDED, s.at + 64), number)
            if s.outcome == "answered" and s.disposition is not None:
                journal.save_wrapup(s.call_id, s.disposition, s.notes or "")
        elif s.outcome == "elsewhere":
            journal.record_outcome(
                s.call_id,
                CallState.ENDED,
                answered_by="someone-else",
                answered_elsewhere=True,
                at=s.at + 4,
            )
        elif s.outcome == "missed":
            journal.record_event(event(CallState.MISSED, s.at + 20), number)


def replicate(central: Central, login: str, agent: str, path: Path, specs: list[Spec]) -> None:
    """``specs`` journaled in a workstation journal at ``path`` and replicated as ``login``."""
    from screenpop.config.secrets import resolve
    from screenpop.journal import Journal
    from screenpop.journal.replicate import Replicator

    with Journal(path) as journal:
        journal_calls(journal, agent, specs)
        # Trust auth on the test server: no keyring needed for the password.
        rep = Replicator(journal, JournalConfig(central=central.url(login)), agent, resolve)
        try:
            while rep.push_once():
                pass
        finally:
            rep.stop(drain_s=0)


T0 = 1_772_000_000.0  # 2026-02-25T06:13:20Z
OUTCOMES = ("answered", "missed", "elsewhere", "answered", "answered")
NUMBERS = ("+44 20 7946 0958", "020 7946 0111", "+44 161 496 0000", "+358 40 1234567")
CUSTOMERS = (("17850", "Acme Ltd"), ("12583", "Zoë Trading"), None, ("99001", "Åland Oy"))


def floor_specs(agent: str, n: int = 30) -> list[Spec]:
    """30 calls per agent over 30 hours: every outcome, four numbers and customers, notes."""
    out = []
    for i in range(n):
        outcome = OUTCOMES[i % len(OUTCOMES)]
        out.append(
            Spec(
                call_id=f"{agent}-{i:02d}",
                at=T0 + i * 3600 + int(agent) % 7,
                outcome=outcome,
                number=NUMBERS[i % len(NUMBERS)],
                caller=f"Caller {agent}/{i}" if i != 7 else '=HYPERLINK("http://x","y")',
                customer=CUSTOMERS[i % len(CUSTOMERS)],
                disposition=("sale", "resolved", "follow-up")[i % 3],
                notes=f"{agent} note {i}: box damaged" if i % 4 == 0 else f"{agent} note {i}",
                latency_ms=3.0 + (i * 7 + int(agent)) % 40,
            )
        )
    return out

"""Real peers for the source tests: PostgreSQL, MariaDB and an HTTP server.

Each test gets its own PostgreSQL schema / MariaDB database with a unique
name, dropped afterwards, so tests (and engineers) never see each other's
tables. The HTTP back-office is a separate process (tests/sources/restserver.py).
"""

from __future__ import annotations

import subprocess
import sys
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import Engine

from tests.peers import need, need_service, port_open

ROOT = Path(__file__).resolve().parents[2]
PG_ADMIN = "postgresql+psycopg://{user}@127.0.0.1:5432/test"
MARIA_ADMIN = "mysql+pymysql://root@127.0.0.1:3306/test"


@dataclass
class Db:
    """A throw-away database on a real server: where to point a source, and
    an admin engine to set it up and watch the server."""

    url: str
    admin: Engine
    name: str
    backend: str


def _pg_admin() -> Engine:
    need_service("PostgreSQL", "127.0.0.1", 5432)
    last: Exception | None = None
    for user in ("root", "postgres"):
        engine = create_engine(PG_ADMIN.format(user=user), isolation_level="AUTOCOMMIT")
        try:
            with engine.connect() as conn:
                conn.execute(text("SELECT 1"))
            return engine
        except Exception as exc:
            last = exc
            engine.dispose()
    need(False, f"PostgreSQL login as root or postgres ({last})")
    raise AssertionError("unreachable")


@pytest.fixture
def pg_db() -> Iterator[Db]:
    admin = _pg_admin()
    user = admin.url.username
    schema = f"sp_{uuid.uuid4().hex[:12]}"
    with admin.connect() as conn:
        conn.execute(text(f"CREATE SCHEMA {schema}"))
    url = f"postgresql+psycopg://{user}@127.0.0.1:5432/test?options=-csearch_path%3D{schema}"
    try:
        yield Db(url, admin, schema, "postgresql")
    finally:
        with admin.connect() as conn:
            conn.execute(text(f"DROP SCHEMA {schema} CASCADE"))
        admin.dispose()


@pytest.fixture
def maria_db() -> Iterator[Db]:
    need_service("MariaDB", "127.0.0.1", 3306)
    admin = create_engine(MARIA_ADMIN, isolation_level="AUTOCOMMIT")
    name = f"sp_{uuid.uuid4().hex[:12]}"
    with admin.connect() as conn:
        conn.execute(text(f"CREATE DATABASE {name} CHARACTER SET utf8mb4"))
    try:
        yield Db(
            f"mysql+pymysql://root@127.0.0.1:3306/{name}?charset=utf8mb4", admin, name, "mysql"
        )
    finally:
        with admin.connect() as conn:
            conn.execute(text(f"DROP DATABASE {name}"))
        admin.dispose()


@dataclass
class RestServer:
    base: str
    proc: subprocess.Popen[str]


def start_rest_server(*args: str, host: str = "127.0.0.1") -> RestServer:
    """Start tests/sources/restserver.py on ``host``; its port comes on its first stdout line."""
    proc = subprocess.Popen(
        [sys.executable, "-m", "tests.sources.restserver", "--host", host, *args],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert proc.stdout is not None
    line = proc.stdout.readline().strip()
    if not line.isdigit():
        proc.kill()
        proc.wait()
        raise RuntimeError(f"test HTTP server did not start: {line!r}")
    port = int(line)
    assert port_open(host, port)
    scheme = "https" if "--tls" in args else "http"
    return RestServer(f"{scheme}://{host}:{port}", proc)


def stop_rest_server(server: RestServer) -> None:
    server.proc.terminate()
    server.proc.wait(timeout=10)
    if server.proc.stdout is not None:
        server.proc.stdout.close()


@pytest.fixture(scope="session")
def rest_server() -> Iterator[RestServer]:
    server = start_rest_server("--token", "tok-en/+?&=", "--user", "agent", "--password", "p@ss w")
    try:
        yield server
    finally:
        stop_rest_server(server)

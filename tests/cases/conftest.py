"""A service desk on every backend the cases section and its writes speak to.

``service`` is parametrised: SQLite (a file), PostgreSQL and MariaDB (a
throw-away schema/database on the real servers, reached through a ``Relay``
the test can cut) and REST (tests/cases/servicedesk.py, a separate process
stopped and started again on the same port). Each gives the ``[[source]]``
table for it, what the desk holds, and ``down()``/``up()``.

SQLite "down" is another program holding the file's write lock (the writer's
lock wait is cut to 0.3 s for the test); root ignores file modes, so a
read-only file is no outage here.
"""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
import tomllib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import create_engine, text

from screenpop.config.schema import Config
from screenpop.sources import case_write
from tests import sampledb
from tests.cases.proxy import Relay
from tests.sources.conftest import ROOT, Db, maria_db, pg_db  # noqa: F401 (fixtures)

CASES_DDL = (
    "CREATE TABLE cases (case_id VARCHAR(64) PRIMARY KEY, customer_id VARCHAR(32), "
    "product VARCHAR(64), description VARCHAR(4000), fault VARCHAR(64), status VARCHAR(16), "
    "opened VARCHAR(40), warranty_until VARCHAR(40), call_id VARCHAR(256), agent VARCHAR(64))"
)
QUERY = (
    "SELECT case_id, opened, product, description, fault, status, warranty_until FROM cases "
    "WHERE customer_id = :customer_id AND status <> 'closed' ORDER BY opened DESC"
)
OPEN_CASE = (
    "INSERT INTO cases (case_id, customer_id, product, description, fault, status, opened, "
    "call_id, agent) VALUES (:case_id, :customer_id, :product, :description, :category, "
    "'open', :opened, :call_id, :agent)"
)
#: Already at the service desk for customer 17850 before any call.
EXISTING = {
    "case_id": "SD-1001",
    "customer_id": "C-100",
    "product": "85123A",
    "description": "WHITE HANGING HEART T-LIGHT HOLDER",
    "fault": "Does not work",
    "status": "open",
    "opened": "2026-01-10T09:00:00Z",
    "warranty_until": "2099-12-31",
}


@dataclass
class Service:
    """One service desk: its source config, its cases, and an outage switch."""

    backend: str
    source: dict[str, Any]
    rows: Callable[[], list[dict[str, Any]]]
    down: Callable[[], None]
    up: Callable[[], None]
    cleanup: list[Callable[[], None]] = field(default_factory=list)

    def case_ids(self) -> list[str]:
        return sorted(str(r["case_id"]) for r in self.rows())


def _sql_service(backend: str, url: str, engine_url: str, down: Any, up: Any) -> Service:
    engine = create_engine(engine_url)
    with engine.begin() as conn:
        conn.execute(text(CASES_DDL))
        conn.execute(
            text(
                "INSERT INTO cases (case_id, customer_id, product, description, fault, status, "
                "opened, warranty_until) VALUES (:case_id, :customer_id, :product, "
                ":description, :fault, :status, :opened, :warranty_until)"
            ),
            EXISTING,
        )

    def rows() -> list[dict[str, Any]]:
        with engine.connect() as conn:
            return [dict(r._mapping) for r in conn.execute(text("SELECT * FROM cases"))]

    source = {
        "name": "service",
        "kind": "sql",
        "section": "cases",
        "url": url,
        "query": QUERY,
        "open_case": OPEN_CASE,
        "timeout_ms": 2000,
    }
    service = Service(backend, source, rows, down, up)
    service.cleanup.append(engine.dispose)
    return service


def sqlite_service(tmp: Path, monkeypatch: pytest.MonkeyPatch) -> Service:
    path = tmp / "service.db"
    holder: list[sqlite3.Connection] = []
    monkeypatch.setattr(case_write, "WRITE_TIMEOUT_S", 0.3)

    def down() -> None:
        con = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
        con.execute("BEGIN EXCLUSIVE")
        holder.append(con)

    def up() -> None:
        while holder:
            con = holder.pop()
            con.execute("ROLLBACK")
            con.close()

    service = _sql_service("sqlite", f"sqlite:///{path}", f"sqlite:///{path}", down, up)
    service.cleanup.append(up)
    return service


def relayed_service(db: Db, port: int) -> Service:
    relay = Relay(port)
    url = db.url.replace(f"127.0.0.1:{port}", f"127.0.0.1:{relay.port}")
    service = _sql_service(db.backend, url, db.url, relay.down, relay.up)
    service.cleanup.append(relay.down)
    return service


@dataclass
class DeskProcess:
    store: Path
    port: int = 0
    proc: subprocess.Popen[str] | None = None

    def start(self) -> None:
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "tests.cases.servicedesk", "--store", str(self.store)]
            + (["--port", str(self.port)] if self.port else []),
            cwd=ROOT,
            stdout=subprocess.PIPE,
            text=True,
        )
        assert self.proc.stdout is not None
        line = self.proc.stdout.readline().strip()
        assert line.isdigit(), f"service desk did not start: {line!r}"
        self.port = int(line)

    def stop(self) -> None:
        if self.proc is not None:
            self.proc.terminate()
            self.proc.wait(timeout=10)
            if self.proc.stdout is not None:
                self.proc.stdout.close()
            self.proc = None


def rest_service(tmp: Path) -> Service:
    store = tmp / "desk.json"
    store.write_text(json.dumps([EXISTING]))
    desk = DeskProcess(store)
    desk.start()
    base = f"http://127.0.0.1:{desk.port}"
    source = {
        "name": "service",
        "kind": "rest",
        "section": "cases",
        "query": base + "/customers/{customer_id}/cases",
        "items": "cases",
        "timeout_ms": 2000,
        "retries": 0,
        "open_case": {
            "path": "/cases",
            "body": {
                "case_id": "{case_id}",
                "customer_id": "{customer_id}",
                "product": "{product}",
                "description": "{description}",
                "fault": "{category}",
                "status": "open",
                "opened": "{opened}",
                "call_id": "{call_id}",
                "agent": "{agent}",
            },
        },
    }
    service = Service(
        "rest", source, lambda: list(json.loads(store.read_text())), desk.stop, desk.start
    )
    service.cleanup.append(desk.stop)
    return service


BACKENDS = ["sqlite", "postgresql", "mariadb", "rest"]


@pytest.fixture(params=BACKENDS)
def service(
    request: pytest.FixtureRequest, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[Service]:
    backend = request.param
    if backend == "sqlite":
        made = sqlite_service(tmp_path, monkeypatch)
    elif backend == "postgresql":
        made = relayed_service(request.getfixturevalue("pg_db"), 5432)
    elif backend == "mariadb":
        made = relayed_service(request.getfixturevalue("maria_db"), 3306)
    else:
        made = rest_service(tmp_path)
    try:
        yield made
    finally:
        for step in reversed(made.cleanup):
            step()


def service_config(service: Service, tmp: Path, **more: Any) -> Config:
    """The sample accounting/sales/credit sources (tests/sampledb.py) plus ``service``."""
    folder = tmp / "db"
    paths = (
        {n: folder / f"{n}.sqlite" for n in ("acct", "sales", "credit")}
        if folder.exists()
        else sampledb.build(folder)
    )
    data = tomllib.loads(sampledb.config_text(paths))
    data["source"].append(service.source)
    data.setdefault("agent", {})["locale"] = "en_GB"
    data["journal"] = {"local": str(tmp / "journal.db")}
    data.update(more)
    return Config.model_validate(data)

"""The ``cases`` section on a real card: messy service-desk rows cleaned, queued cases
of this desk shown, and ``doctor`` on the case backlog."""

from __future__ import annotations

import io
import json
import sqlite3
from pathlib import Path

import pytest

from screenpop.cases.request import CaseRequest, case_id_for
from screenpop.doctor import run_doctor
from screenpop.engine import Engine
from screenpop.journal import Journal
from tests.cases.conftest import Service, service_config, sqlite_service

NUMBER = "+358401234567"


@pytest.fixture
def desk(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Service:
    made = sqlite_service(tmp_path, monkeypatch)
    with sqlite3.connect(tmp_path / "service.db") as con:
        con.execute(
            "INSERT INTO cases (case_id, customer_id, product, description, fault, status, "
            "opened, warranty_until) VALUES ('SD-2', 'C-100', ?, ?, 'Other', 'resolved', "
            "'2025-01-01', ?)",
            (b"22423", b"\xffcake \xe2\x82\xac", float("nan")),
        )
        con.execute(
            "INSERT INTO cases (case_id, customer_id, product, description, fault, status, "
            "opened, warranty_until) VALUES ('SD-3', 'C-100', '47566', 'bunting', 'Other', "
            "'waiting', '2025-02-01', '31.12.2020')"
        )
    return made


def request(call_id: str) -> CaseRequest:
    return CaseRequest(
        case_id_for(call_id, "22423"), call_id, "C-100", "22423", "Other", "chipped",
        "2026-05-01T10:00:00Z", "agent",
    )  # fmt: skip


def test_messy_rows_and_queued_cases_on_the_card(desk: Service, tmp_path: Path) -> None:
    config = service_config(desk, tmp_path)
    engine = Engine(config, journal_path=tmp_path / "journal.db", runtime_dir=tmp_path / "run")
    engine.open_core()
    try:
        journal = engine.journal
        assert journal is not None
        journal.enqueue_case(request("call-9"), "service")
        card = engine.lookup_once(NUMBER)
    finally:
        engine.close_sources()
        engine.stop()
    section = card.to_json()["sections"]["cases"]
    json.dumps(section, allow_nan=False)
    assert section["status"] == "ok"
    assert section["source"] == "service"
    by_id = {c["case_id"]: c for c in section["data"]}
    order = [c["case_id"] for c in section["data"]]
    queued = case_id_for("call-9", "22423")
    # Queued (open) first, then the desk's open cases, closed last.
    assert order == [queued, "SD-1001", "SD-3", "SD-2"]
    assert by_id[queued]["status"] == "queued"
    assert by_id["SD-1001"]["warranty"] == "in"
    assert by_id["SD-3"]["warranty"] == "unknown"  # '31.12.2020' is not an ISO date
    assert by_id["SD-2"]["product"] == "22423"  # stored as bytes
    assert by_id["SD-2"]["description"] == "\ufffdcake €"
    assert by_id["SD-2"]["warranty_until"] is None  # a NaN (SQLite keeps it as NULL)
    assert by_id["SD-2"]["warranty"] == "unknown"


def test_doctor_reports_the_backlog_and_why(desk: Service, tmp_path: Path) -> None:
    config = service_config(desk, tmp_path)
    with Journal(tmp_path / "journal.db") as journal:
        journal.enqueue_case(request("call-7"), "service")
        journal.mark_case_failed(case_id_for("call-7", "22423"), "service: connection refused")
    out = io.StringIO()
    assert run_doctor(config, out) == 1
    line = next(x for x in out.getvalue().splitlines() if "service desk backlog" in x)
    assert line.startswith("[FAIL] service desk backlog (service): 1 case(s) kept locally")
    assert line.endswith("last try failed: service: connection refused")

    with Journal(tmp_path / "journal.db") as journal:
        journal.mark_case_landed(case_id_for("call-7", "22423"))
    out = io.StringIO()
    run_doctor(config, out)
    assert "[  ok] service desk backlog (service): every case" in out.getvalue()

"""Cases from the journal's case outbox to a real service desk, across an outage,
a restart and a replay: nothing lost, nothing written twice (every backend)."""

from __future__ import annotations

import sqlite3
import time
from pathlib import Path

from screenpop.cases.request import CaseRequest, CaseState, CaseTicket, case_id_for
from screenpop.cases.writer import CaseWriter
from screenpop.config.secrets import resolve
from screenpop.health import Backoff, HealthState
from screenpop.journal import Journal
from screenpop.sources.case_write import case_target
from tests.cases.conftest import EXISTING, Service, service_config


def request(call_id: str, product: str = "85123A") -> CaseRequest:
    return CaseRequest(
        case_id=case_id_for(call_id, product),
        call_id=call_id,
        customer_id="C-100",
        product=product,
        category="Damaged on arrival",
        description="Cracked glass; «ёлка» 🎄 and 'quotes'; DROP TABLE cases",
        opened="2026-03-31T21:30:00Z",
        agent="agent",
    )


def writer_for(journal: Journal, service: Service, tmp: Path, told: list[CaseTicket]) -> CaseWriter:
    cfg = service_config(service, tmp).case_writer()
    assert cfg is not None
    return CaseWriter(
        journal,
        case_target(cfg, resolve),
        on_change=told.append,
        backoff=Backoff(0.01, 0.05),
        refused_retry_s=0.0,
    )


def test_a_case_survives_an_outage_and_a_restart_and_lands_once(
    service: Service, tmp_path: Path
) -> None:
    path = tmp_path / "journal.db"
    told: list[CaseTicket] = []
    journal = Journal(path)
    writer = writer_for(journal, service, tmp_path, told)
    case = request("call-1")

    assert writer.has_pending()  # a new writer does not know the outbox yet
    writer.send_once()
    assert not writer.has_pending()  # nothing there: pops need not read the outbox

    service.down()
    assert journal.enqueue_case(case, "service")
    writer.wake()  # as the agent's open_case does
    assert writer.has_pending()
    writer.send_once()
    assert writer.has_pending()  # kept: the next pop lists it as queued
    backlog = journal.case_backlog()
    assert backlog.count == 1
    assert backlog.last_error  # why it did not land, for doctor and the UI
    assert writer.health().state is HealthState.RETRYING
    assert told
    assert told[-1].state is CaseState.QUEUED
    assert told[-1].error
    writer.send_once()  # still down: still kept, the UI is not told the same again
    assert journal.case_backlog().count == 1
    assert len(told) == 1

    # The app stops while the desk is down; the case is in the journal, nowhere else.
    writer.stop()
    journal.close()
    service.up()
    assert service.case_ids() == [EXISTING["case_id"]]

    journal = Journal(path)
    writer = writer_for(journal, service, tmp_path, told)
    writer.send_once()
    assert journal.case_backlog().count == 0
    assert not writer.has_pending()
    assert told[-1].state is CaseState.LANDED
    assert told[-1].case_id == case.case_id
    rows = {r["case_id"]: r for r in service.rows()}
    assert sorted(rows) == sorted([EXISTING["case_id"], case.case_id])
    landed = rows[case.case_id]
    assert landed["description"] == case.description  # bound, never spliced
    assert landed["fault"] == "Damaged on arrival"
    assert landed["customer_id"] == "C-100"
    assert writer.health().state is HealthState.CONNECTED

    # A crash between the desk's commit and ours: the writer sends it again.
    journal.close()
    with sqlite3.connect(path) as con:
        con.execute("UPDATE case_outbox SET landed_at = NULL WHERE case_id = ?", (case.case_id,))
    journal = Journal(path)
    writer = writer_for(journal, service, tmp_path, told)
    writer.send_once()
    assert journal.case_backlog().count == 0  # the clash counts as landed
    assert service.case_ids().count(case.case_id) == 1
    # The same call and product asked for again is the same case: not queued twice.
    assert not journal.enqueue_case(case, "service")
    assert journal.case_backlog().count == 0
    writer.stop()
    journal.close()


def test_the_running_writer_sends_when_the_desk_comes_back(
    service: Service, tmp_path: Path
) -> None:
    told: list[CaseTicket] = []
    journal = Journal(tmp_path / "journal.db")
    writer = writer_for(journal, service, tmp_path, told)
    service.down()
    journal.enqueue_case(request("call-2"), "service")
    journal.enqueue_case(request("call-2", "22423"), "service")
    writer.start()
    try:
        writer.wake()
        deadline = time.monotonic() + 20
        while journal.case_backlog().last_error is None:
            assert time.monotonic() < deadline
            writer._wake.wait(0.05)
        service.up()
        while journal.case_backlog().count:
            assert time.monotonic() < deadline, journal.case_backlog()
            writer._wake.wait(0.05)
    finally:
        writer.stop()
        journal.close()
    ids = service.case_ids()
    assert ids.count(case_id_for("call-2", "85123A")) == 1
    assert ids.count(case_id_for("call-2", "22423")) == 1

"""The pop's history door (issue 13): ``screenpop.customer_history`` as real agent logins.

An agent gets one customer's last calls across agents and teams, one row per
call, newest first; still cannot list other agents' calls; sees notes only
when the organisation shares them; N is limited; bad input is refused both by
the Python reader and by the function itself.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from screenpop.config.secrets import resolve
from screenpop.events import CallState
from screenpop.journal import Journal
from screenpop.journal.central import CentralError
from screenpop.journal.history import CentralHistory, HistoryEntry, customer_history
from screenpop.journal.replicate import Replicator
from tests.journal.central_support import PASSWORD, Central
from tests.journal.conftest import ev, make_card

T0 = 1_772_000_000.0  # 2026-02-25


def _desk(central: Central, tmp_path: Path, name: str, agent: str, team: str, calls: list) -> str:
    """A workstation journaling ``calls`` [(call_id, offset_s, customer, outcome, notes)]."""
    login = central.agent(name, agent, team)
    with Journal(tmp_path / f"{name}.db") as journal:
        for call_id, offset, customer, outcome, notes in calls:
            ts = T0 + offset
            journal.record_event(*ev(call_id, CallState.RINGING, ts))
            journal.record_card(
                call_id, make_card(customer=(customer, f"Customer {customer}")), 5.0
            )
            if outcome == "answered":
                journal.record_event(*ev(call_id, CallState.ANSWERED, ts + 3, agent=agent))
                journal.record_event(*ev(call_id, CallState.ENDED, ts + 60))
                journal.save_wrapup(call_id, "resolved", notes)
            elif outcome == "elsewhere":
                journal.record_outcome(
                    call_id, CallState.ENDED, answered_by="1002", answered_elsewhere=True, at=ts + 3
                )
            else:
                journal.record_event(*ev(call_id, CallState.MISSED, ts + 20))
        rep = Replicator(journal, central.config(login), agent, resolve)
        try:
            while rep.push_once():
                pass
        finally:
            rep.stop(drain_s=0)
    return login


@pytest.fixture
def org(central: Central, central_secret: str, tmp_path: Path) -> dict[str, str]:
    """Agent 1001 (north) and 1002 (south) have both talked to customer 17850."""
    return {
        "a": _desk(central, tmp_path, "a", "1001", "north", [
            ("q-1", 0, "17850", "answered", "ordered two boxes"),
            ("q-3", 200, "17850", "elsewhere", None),  # the queue rang A, B took it
            ("other-a", 300, "99999", "answered", "not this customer"),
        ]),
        "b": _desk(central, tmp_path, "b", "1002", "south", [
            ("q-2", 100, "17850", "missed", None),
            ("q-3", 200, "17850", "answered", "complained: box damaged"),
            ("q-4", 400, "17850", "answered", "refund agreed"),
            ("other-b", 500, "55555", "answered", "B's other customer"),
        ]),
    }  # fmt: skip


def _as(
    central: Central, login: str, customer: str, n: int = 5, **kw: object
) -> list[HistoryEntry]:
    engine = central.engine_as(login)
    try:
        with engine.connect() as conn:
            return customer_history(conn, customer, n, **kw)  # type: ignore[arg-type]
    finally:
        engine.dispose()


def test_an_agent_gets_one_customers_history_across_agents(
    central: Central, org: dict[str, str]
) -> None:
    entries = _as(central, org["a"], "17850")
    assert [(e.agent, e.state, e.disposition, e.notes) for e in entries] == [
        ("1002", "ended", "resolved", "refund agreed"),
        ("1002", "ended", "resolved", "complained: box damaged"),  # B's row, not A's "elsewhere"
        ("1002", "missed", None, None),
        ("1001", "ended", "resolved", "ordered two boxes"),
    ]
    assert entries[0].time == datetime.fromtimestamp(T0 + 400, UTC)
    assert entries[0].to_json() == {
        "time": "2026-02-25T06:20:00+00:00",
        "agent": "1002",
        "state": "answered",  # "ended" on the card: taken, then hung up
        "disposition": "resolved",
        "notes": "refund agreed",
    }
    # B sees the same history of the same customer.
    assert _as(central, org["b"], "17850") == entries
    # N is the caller's (up to 50); the ringing call can be left out.
    assert [e.notes for e in _as(central, org["a"], "17850", 2)] == [
        "refund agreed",
        "complained: box damaged",
    ]
    without_q4 = _as(central, org["a"], "17850", 5, except_call="q-4")
    assert without_q4[0].notes == "complained: box damaged"
    assert _as(central, org["a"], "nobody-calls") == []


def test_browsing_other_agents_calls_stays_forbidden(central: Central, org: dict[str, str]) -> None:
    engine = central.engine_as(org["a"])
    try:
        with engine.connect() as conn:
            ids = conn.execute(text("SELECT call_id FROM screenpop.calls ORDER BY 1")).scalars()
            assert list(ids) == ["other-a", "q-1", "q-3"]  # only A's own rows
            assert (
                conn.execute(
                    text("SELECT count(*) FROM screenpop.calls WHERE agent = '1002'")
                ).scalar()
                == 0
            )
            # The door gives one exact customer, never a pattern or everything.
            for attack in ("%", "' OR '1'='1", "55555' OR customer_id IS NOT NULL --"):
                assert customer_history(conn, attack, 50) == []
            # B's other customer only by its exact id, and only calls, no card or number.
            [row] = (
                conn.execute(text("SELECT * FROM screenpop.customer_history('55555', 50)"))
                .mappings()
                .all()
            )
            assert set(row) == {"call_time", "agent", "state", "disposition", "notes"}
    finally:
        engine.dispose()


def test_notes_are_hidden_when_the_organisation_says_so(
    central: Central, org: dict[str, str]
) -> None:
    with central.admin.connect() as conn:
        conn.execute(text("UPDATE screenpop.settings SET share_notes_in_history = false"))
    entries = _as(central, org["a"], "17850")
    assert len(entries) == 4
    assert {e.notes for e in entries} == {None}
    assert entries[0].disposition == "resolved"
    # An agent cannot turn it back on.
    engine = central.engine_as(org["a"])
    try:
        with pytest.raises(DBAPIError, match="permission denied"), engine.begin() as conn:
            conn.execute(text("UPDATE screenpop.settings SET share_notes_in_history = true"))
    finally:
        engine.dispose()
    with central.admin.connect() as conn:
        conn.execute(text("UPDATE screenpop.settings SET share_notes_in_history = true"))
    assert _as(central, org["a"], "17850")[0].notes == "refund agreed"


@pytest.mark.parametrize(
    ("customer", "n", "message"),
    [
        ("", 5, "customer id"),
        ("   ", 5, "customer id"),
        ("x" * 257, 5, "256 characters"),
        ("17850", 0, "1 to 50"),
        ("17850", 51, "1 to 50"),
        ("17850", -3, "1 to 50"),
    ],
)
def test_bad_input_is_refused_by_the_reader_and_the_function(
    central: Central, org: dict[str, str], customer: str, n: int, message: str
) -> None:
    with pytest.raises(ValueError, match=message):
        _as(central, org["a"], customer, n)
    engine = central.engine_as(org["a"])
    try:
        with pytest.raises(DBAPIError, match=message) as refused, engine.connect() as conn:
            conn.execute(
                text("SELECT * FROM screenpop.customer_history(:c, :n)"), {"c": customer, "n": n}
            ).all()
        assert refused.value.orig is not None
        assert refused.value.orig.sqlstate == "22023"
        with pytest.raises(DBAPIError, match="1 to 50"), engine.connect() as conn:
            conn.execute(text("SELECT * FROM screenpop.customer_history('17850', NULL)")).all()
    finally:
        engine.dispose()


def test_only_agents_logins_may_use_the_door(central: Central, org: dict[str, str]) -> None:
    sup = central.supervisor("sup", "north")  # would see team south's calls through it
    unmapped = central.login("u", "screenpop_agent")
    for login, message in ((sup, "permission denied"), (unmapped, "is not mapped to an agent")):
        engine = central.engine_as(login)
        try:
            with pytest.raises(DBAPIError, match=message), engine.connect() as conn:
                customer_history(conn, "17850")
        finally:
            engine.dispose()


def test_central_history_reads_with_the_workstations_config(
    central: Central, org: dict[str, str]
) -> None:
    reader = CentralHistory(central.config(org["a"]), resolve)
    try:
        assert len(reader.history("17850", 3)) == 3
        with pytest.raises(ValueError, match="1 to 50"):
            reader.history("17850", 500)
    finally:
        reader.close()
    # A server that refuses says why, never with the password.
    sup = central.supervisor("sup2", "north")
    reader = CentralHistory(central.config(sup), resolve)
    try:
        with pytest.raises(CentralError, match="permission denied") as refused:
            reader.history("17850")
        assert PASSWORD not in str(refused.value)
    finally:
        reader.close()

"""Replication of the journal's outbox to a real central PostgreSQL.

Everything here runs against the local server (skips on a laptop without it,
fails when CI=true): the shipped SQL applied by psql, real login roles, the
real Replicator thread, the real Engine, and a TCP proxy switched off and on
to play the central outage.
"""

from __future__ import annotations

import json
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from screenpop.card import Card, Section
from screenpop.config.schema import JournalConfig
from screenpop.config.secrets import resolve
from screenpop.events import CallEvent, CallState
from screenpop.frontend import CallInfo
from screenpop.health import Backoff, HealthState
from screenpop.journal import Journal
from screenpop.journal.central import iter_central
from screenpop.journal.export import record_to_row
from screenpop.journal.replicate import Replicator
from tests.journal.central_support import PASSWORD, Central, TcpProxy
from tests.journal.conftest import ev, make_card
from tests.peers import free_port


def wait_for(predicate: Callable[[], Any], timeout: float = 15.0, what: str = "") -> Any:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(0.02)
    raise AssertionError(f"timed out after {timeout} s waiting for {what or predicate}")


def central_rows(central: Central, login: str | None = None) -> dict[str, dict[str, Any]]:
    """call_id -> export row (with agent, team) as ``login`` reads it (admin: all rows)."""
    engine = central.admin if login is None else central.engine_as(login)
    try:
        with engine.connect() as conn:
            out = {}
            for agent, team, record in iter_central(conn):
                out[f"{agent}/{record.call_id}" if login is None else record.call_id] = {
                    "agent": agent,
                    "team": team,
                    **record_to_row(record),
                    "_raw": record,
                }
            return out
    finally:
        if login is not None:
            engine.dispose()


def assert_same_as_local(journal: Journal, rows: dict[str, dict[str, Any]], agent: str) -> None:
    """Every local call is centrally exactly once, with the same values."""
    local = {r.call_id: r for r in journal.iter_records()}
    assert set(rows) == set(local)
    for call_id, rec in local.items():
        row = rows[call_id]
        assert row["agent"] == agent
        expected = record_to_row(rec)
        assert {k: row[k] for k in expected} == expected, call_id
        raw = row["_raw"]
        for name in ("ringing_at", "answered_at", "ended_at", "wrapped_up_at"):
            mine, theirs = getattr(rec, name), getattr(raw, name)
            assert (mine is None) == (theirs is None), name
            if mine is not None:
                assert abs(mine - theirs) < 1e-5, name  # microseconds in PostgreSQL


_MADE: list[Replicator] = []


def replicator(journal: Journal, config: JournalConfig, agent: str, **kw: Any) -> Replicator:
    """A real Replicator (polling fast for the tests); stopped after the test."""
    kw.setdefault("poll_s", 0.05)
    rep = Replicator(journal, config, agent, resolve, **kw)
    _MADE.append(rep)
    return rep


@pytest.fixture(autouse=True)
def _stop_replicators() -> Iterator[None]:
    yield
    while _MADE:
        _MADE.pop().stop(drain_s=0)


# ------------------------------------------------------------ replication --


def test_call_lifecycle_ends_with_the_same_row_centrally(
    central: Central, central_secret: str, journal: Journal
) -> None:
    login = central.agent("a", "1017", "north")
    rep = replicator(journal, central.config(login), "1017")
    rep.start()

    journal.record_event(*ev("c1", CallState.RINGING, 1_760_000_000.125))
    wait_for(lambda: "c1" in central_rows(central, login), what="the ring to reach central")
    assert central_rows(central, login)["c1"]["state"] == "ringing"

    journal.record_card("c1", make_card(), 7.25)
    journal.record_event(*ev("c1", CallState.ANSWERED, 1_760_000_003.5, agent="1017"))
    journal.save_notes_draft("c1", "typing…")
    journal.record_event(*ev("c1", CallState.ENDED, 1_760_000_061.0))
    journal.save_wrapup("c1", "sale", "two boxes; call back Friday")
    rep.wake()
    wait_for(
        lambda: (
            rep.status().backlog == 0
            and central_rows(central, login)["c1"]["disposition"] == "sale"
        ),
        what="the wrap-up to reach central",
    )
    rows = central_rows(central, login)
    assert_same_as_local(journal, rows, "1017")
    row = rows["c1"]
    assert (row["team"], row["state"], row["answered_by"]) == ("north", "ended", "1017")
    assert row["failed_sections"] == ["purchases", "credit"]
    assert row["notes"] == "two boxes; call back Friday"
    assert row["_raw"].notes_draft is None
    # The card a supervisor sees is the one the agent saw.
    [(card,)] = central.rows("card_json")
    assert card == journal.card_json("c1")
    status = rep.status()
    assert status.health.state is HealthState.CONNECTED
    assert status.health.detail.endswith("up to date")
    assert journal.pending() == []


def test_replaying_the_outbox_changes_nothing(
    central: Central, central_secret: str, journal: Journal
) -> None:
    login = central.agent("a", "1017", "north")
    rep = replicator(journal, central.config(login), "1017")
    for i in range(30):
        journal.record_event(*ev(f"r{i}", CallState.RINGING, 1000.0 + i))
        journal.record_card(f"r{i}", make_card(), 3.0 + i)
    journal.save_wrapup("r3", "resolved", "ok")
    while rep.push_once():
        pass
    before = central.rows("call_id", "xmin::text", "replicated_at", "updated_at", "notes")
    assert len(before) == 30

    # A crash between the central commit and the local delete: every entry is
    # back in the outbox and gets pushed again.
    con = sqlite3.connect(journal.path)
    con.execute("INSERT INTO outbox (call_id) SELECT call_id FROM calls")
    con.commit()
    con.close()
    assert journal.pending_count() == 30
    for _ in range(2):  # and replayed twice over
        con = sqlite3.connect(journal.path)
        con.execute("INSERT OR REPLACE INTO outbox (call_id) SELECT call_id FROM calls")
        con.commit()
        con.close()
        while rep.push_once():
            pass
    assert journal.pending_count() == 0
    # Same rows, not even a new row version (xmin) or a new replicated_at.
    assert central.rows("call_id", "xmin::text", "replicated_at", "updated_at", "notes") == before
    assert_same_as_local(journal, central_rows(central, login), "1017")


def test_values_postgres_would_refuse_do_not_block_the_outbox(
    central: Central, central_secret: str, journal: Journal
) -> None:
    """A NUL in a caller name or a card would fail its batch forever; it is cleaned instead."""
    login = central.agent("a", "1017", "north")
    rep = replicator(journal, central.config(login), "1017")
    event, number = ev("nul", CallState.RINGING, 1000.0, name="Eve\x00il")
    journal.record_event(event, number)
    journal.record_card("nul", make_card(), 2.0)
    con = sqlite3.connect(journal.path)
    con.execute(
        "UPDATE calls SET card_json = ?, failed_sections = 'not json' WHERE call_id = 'nul'",
        (json.dumps({"note": "a\x00b"}),),
    )
    con.commit()
    con.close()
    journal.record_event(*ev("fine", CallState.RINGING, 1001.0))
    while rep.push_once():
        pass
    assert journal.pending_count() == 0
    rows = dict(
        (r.call_id, r)
        for r in central.rows("call_id", "caller_name", "card_json", "failed_sections")
    )
    assert rows["nul"].caller_name == "Eveil"
    assert rows["nul"].card_json == {"note": "ab"}
    assert rows["nul"].failed_sections == []
    assert "fine" in rows


def test_the_replicator_never_creates_the_schema(central_secret: str, journal: Journal) -> None:
    from tests.journal.central_support import central_database

    with central_database(with_schema=False) as bare:
        journal.record_event(*ev("c1", CallState.RINGING, 1000.0))
        rep = replicator(journal, bare.config(bare.admin_name), "1017")
        rep.start()
        status = wait_for(
            lambda: (s := rep.status()).health.state is HealthState.RETRYING and s,
            what="the replicator to report the missing schema",
        )
        assert "installers/central/postgresql.sql" in status.health.detail
        assert "1 call(s) kept locally" in status.health.detail
        assert status.backlog == 1
        rep.stop(drain_s=0)
        with bare.admin.connect() as conn:
            assert conn.execute(text("SELECT to_regnamespace('screenpop')")).scalar() is None
        assert journal.pending_count() == 1


def test_a_login_mapped_to_another_agent_is_reported_and_nothing_moves(
    central: Central, central_secret: str, journal: Journal
) -> None:
    login = central.agent("a", "1018", "north")  # the DBA typed the wrong extension
    journal.record_event(*ev("c1", CallState.RINGING, 1000.0))
    rep = replicator(journal, central.config(login), "1017")
    rep.start()
    status = wait_for(
        lambda: (s := rep.status()).health.state is HealthState.RETRYING and s,
        what="a retrying health",
    )
    assert "mapped to agent '1018'" in status.health.detail
    assert "'1017'" in status.health.detail
    assert PASSWORD not in status.health.detail
    assert central.rows() == []
    assert journal.pending_count() == 1


# ----------------------------------------------------------------- outage --


class Pops:
    """A front end that only notes when each call rang and when its card completed."""

    def __init__(self) -> None:
        self.rang: dict[str, float] = {}
        self.done: dict[str, float] = {}

    def call_ringing(self, call: CallInfo) -> None:
        self.rang[call.call_id] = time.perf_counter()

    def identified(self, call_id: str, card: Card, pending: tuple[str, ...]) -> None:
        pass

    def section_ready(self, call_id: str, name: str, section: Section) -> None:
        pass

    def card_complete(self, call_id: str, card: Card) -> None:
        self.done[call_id] = time.perf_counter()

    def call_state(self, call_id: str, state: CallState, answered_elsewhere: bool) -> None:
        pass

    def bridge_health(self, name: str, health: Any) -> None:
        pass


def _engine(tmp_path: Path, central: Central, login: str, port: int) -> Any:
    from screenpop.config.loader import load_config
    from screenpop.engine import Engine

    cfg = tmp_path / "agent.toml"
    cfg.write_text(
        '[agent]\nextension = "1017"\n'
        f'[journal]\nlocal = "{tmp_path / "journal.db"}"\n'
        f'central = "{central.url(login, port)}"\npassword = "keyring:screenpop/central-test"\n'
    )
    config = load_config(cfg, environ={}, use_user_file=False, use_machine_file=False)
    return Engine(config, runtime_dir=tmp_path / "run")


def _ring(engine: Any, pops: Pops, call_id: str, *, end: bool = True) -> float:
    """Ring (and end) one call through the engine as a bridge would; the pop's latency in s."""
    assert engine.loop is not None
    now = time.time()
    engine.loop.call_soon_threadsafe(
        engine._on_event, CallEvent(call_id, CallState.RINGING, "+442079460958", "Bob", ts=now)
    )
    wait_for(lambda: call_id in pops.done, timeout=5.0, what=f"the pop of {call_id}")
    if end:
        engine.loop.call_soon_threadsafe(
            engine._on_event, CallEvent(call_id, CallState.ENDED, "+442079460958", ts=now + 1)
        )
    return pops.done[call_id] - pops.rang[call_id]


def test_central_outage_loses_nothing_and_never_slows_a_pop(
    tmp_path: Path, central: Central, central_secret: str
) -> None:
    login = central.agent("a", "1017", "north")
    port = free_port()
    proxy = TcpProxy(port)  # not up yet: central refuses connections
    engine = _engine(tmp_path, central, login, port)
    pops = Pops()
    engine.start(pops)
    try:
        assert engine.journal is not None
        latencies = [_ring(engine, pops, f"down-{i}") for i in range(10)]
        # Journaled locally at once; the backlog waits with the reason.
        wait_for(lambda: engine.journal.pending_count() == 10, what="10 calls in the outbox")
        assert {r.call_id for r in engine.recent_calls(50)} == {f"down-{i}" for i in range(10)}
        [(name, health)] = engine.journal_health().items()
        health = wait_for(
            lambda: (
                (h := engine.journal_health()[name]).state is HealthState.RETRYING
                and "10 call(s)" in h.detail
                and h
            ),
            what="retrying health with the backlog",
        )
        assert "cannot reach" in health.detail
        assert PASSWORD not in health.detail
        assert central.rows() == []

        proxy.up()  # central is back: reached within the 5 s back-off cap, then drained
        wait_for(lambda: engine.journal.pending_count() == 0, timeout=15, what="drain")
        wait_for(lambda: engine.journal_health()[name].state is HealthState.CONNECTED)
        assert_same_as_local(engine.journal, central_rows(central, login), "1017")

        # Now a hang, the worst outage: connections accepted, never answered.
        proxy.down()
        proxy.forward = False
        proxy.up()
        latencies += [_ring(engine, pops, f"hang-{i}") for i in range(5)]
        wait_for(
            lambda: engine.journal_health()[name].state is HealthState.RETRYING,
            what="retrying after the hang",
        )
        wait_for(lambda: engine.journal.pending_count() >= 5, what="the hang's backlog")
        proxy.down()
        proxy.forward = True
        proxy.up()
        # Every call rang and ended unanswered: missed, once the events are journaled.
        wait_for(
            lambda: {r.state for r in engine.recent_calls(50)} == {"missed"},
            what="every call journaled as missed",
        )
        wait_for(lambda: engine.journal.pending_count() == 0, timeout=20, what="second drain")
        rows = central_rows(central, login)
        assert len(rows) == 15
        assert_same_as_local(engine.journal, rows, "1017")
        assert {row["state"] for row in rows.values()} == {"missed"}
        # Never waited on central: a pop here costs milliseconds; a blocked one
        # would cost the 3 s connect timeout or a back-off step.
        assert max(latencies) < 1.0, latencies
    finally:
        engine.stop()
        proxy.down()


@pytest.mark.parametrize("outage", ["refused", "hung"])
def test_clean_stop_with_central_down_is_quick_and_keeps_the_backlog(
    tmp_path: Path, central: Central, central_secret: str, outage: str
) -> None:
    login = central.agent("a", "1017", "north")
    port = free_port()
    proxy = TcpProxy(port)
    if outage == "hung":
        proxy.forward = False
        proxy.up()
    engine = _engine(tmp_path, central, login, port)
    pops = Pops()
    engine.start(pops)
    try:
        for i in range(3):
            _ring(engine, pops, f"s-{i}")
        wait_for(
            lambda: engine.journal_health()["central journal"].state is HealthState.RETRYING,
            what="the outage noticed",
        )
        started = time.monotonic()
        engine.stop()
        # Refused: at once. Hung: at most the push in flight (3 s connect timeout).
        assert time.monotonic() - started < (2.0 if outage == "refused" else 4.5)
    finally:
        engine.stop()
        proxy.down()
    with Journal(tmp_path / "journal.db") as journal:
        assert journal.pending_count() == 3
        # The next start, with central reachable, sends them.
        rep = replicator(journal, central.config(login), "1017")
        while rep.push_once():
            pass
        assert_same_as_local(journal, central_rows(central, login), "1017")


def test_clean_stop_pushes_what_is_left_when_central_answers(
    tmp_path: Path, central: Central, central_secret: str
) -> None:
    login = central.agent("a", "1017", "north")
    engine = _engine(tmp_path, central, login, 5432)
    pops = Pops()
    engine.start(pops)
    try:
        for i in range(3):
            _ring(engine, pops, f"e-{i}", end=False)
        assert engine.loop is not None
        for i in range(3):  # the hang-ups arrive just before the agent quits
            engine.loop.call_soon_threadsafe(
                engine._on_event,
                CallEvent(f"e-{i}", CallState.ENDED, "+442079460958", ts=time.time()),
            )
    finally:
        engine.stop()
    with Journal(tmp_path / "journal.db") as journal:
        assert journal.pending_count() == 0
        rows = central_rows(central, login)
        assert {row["state"] for row in rows.values()} == {"missed"}
        assert_same_as_local(journal, rows, "1017")


KILLED = """
import os, signal, sys, time
from pathlib import Path
from screenpop.config.schema import JournalConfig
from screenpop.events import CallEvent, CallState
from screenpop.journal import Journal
from screenpop.journal.replicate import Replicator
from screenpop.phone import normalise

journal = Journal(Path(sys.argv[1]))
rep = Replicator(journal, JournalConfig(central=sys.argv[2]), "1017", lambda ref: "", poll_s=0.01)
rep.start()
number = normalise("+44 20 7946 0958", "GB")
for i in range(25):
    journal.record_event(CallEvent(f"k-{i}", CallState.RINGING, "+442079460958", "Al", ts=1000.0 + i), number)
    journal.record_event(CallEvent(f"k-{i}", CallState.ENDED, "+442079460958", ts=1030.0 + i), number)
journal.save_wrapup("k-3", "sale", "killed right after")
time.sleep(0.3)  # the replicator is retrying against the dead port
os.kill(os.getpid(), signal.SIGKILL)
"""


def test_killed_app_next_start_drains(
    tmp_path: Path, central: Central, central_secret: str, repo_root: Path
) -> None:
    login = central.agent("a", "1017", "north")
    path = tmp_path / "journal.db"
    done = subprocess.run(
        [sys.executable, "-c", KILLED, str(path), central.url(login, free_port())],
        cwd=repo_root,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == -signal.SIGKILL, done.stderr
    with Journal(path) as journal:
        assert journal.pending_count() == 25
        rep = replicator(journal, central.config(login), "1017", backoff=Backoff(0.05, 0.2))
        rep.start()
        try:
            wait_for(lambda: journal.pending_count() == 0, what="the drain after the kill")
        finally:
            rep.stop()
        rows = central_rows(central, login)
        assert len(rows) == 25
        assert rows["k-3"]["disposition"] == "sale"
        assert_same_as_local(journal, rows, "1017")


# -------------------------------------------------------------------- RLS --


def _two_agents(central: Central, tmp_path: Path) -> tuple[str, str]:
    """Agents 1001 (north) and 1002 (south), each replicating two calls of its own."""
    logins = []
    for name, agent, team in (("a", "1001", "north"), ("b", "1002", "south")):
        login = central.agent(name, agent, team)
        logins.append(login)
        with Journal(tmp_path / f"{name}.db") as journal:
            journal.record_event(*ev("shared-id", CallState.RINGING, 1000.0, name=f"for {name}"))
            journal.record_event(*ev(f"own-{name}", CallState.RINGING, 1001.0))
            journal.save_wrapup(f"own-{name}", "resolved", f"{name}'s notes")
            rep = replicator(journal, central.config(login), agent)
            while rep.push_once():
                pass
    return logins[0], logins[1]


def _insert_as(agent_claimed: str) -> Any:
    return text(
        "INSERT INTO screenpop.calls (agent, call_id, state, ringing_at, updated_at)"
        f" VALUES ('{agent_claimed}', 'own-b', 'ended', now(), now())"
        " ON CONFLICT (agent, call_id) DO UPDATE SET notes = 'overwritten by a'"
    )


def _record(conn: Any, *calls: dict[str, Any]) -> int:
    """``screenpop.record_calls`` with hand-made JSON, as a hostile client would call it."""
    return int(
        conn.execute(
            text("SELECT screenpop.record_calls(CAST(:b AS jsonb))"), {"b": json.dumps(calls)}
        ).scalar_one()
    )


def test_an_agent_reads_and_writes_only_its_own_rows(
    central: Central, central_secret: str, tmp_path: Path
) -> None:
    a, _b = _two_agents(central, tmp_path)
    assert len(central.rows()) == 4  # same call id at two workstations: two rows

    engine = central.engine_as(a)
    try:
        with engine.connect() as conn:
            seen = conn.execute(text("SELECT agent, call_id FROM screenpop.calls")).all()
            assert sorted(seen) == [("1001", "own-a"), ("1001", "shared-id")]
            assert (
                conn.execute(
                    text("SELECT count(*) FROM screenpop.calls WHERE agent = '1002'")
                ).scalar()
                == 0
            )
        # No write privilege on the table at all: every write goes through
        # record_calls(), which names the agent itself.
        for statement in (
            _insert_as("1001"),
            _insert_as("1002"),
            text("UPDATE screenpop.calls SET notes = 'x' WHERE agent = '1002'"),
            text("UPDATE screenpop.calls SET team = 'south' WHERE call_id = 'own-a'"),
            text("DELETE FROM screenpop.calls"),
            text("TRUNCATE screenpop.calls"),
        ):
            with pytest.raises(DBAPIError, match="permission denied"), engine.begin() as conn:
                conn.execute(statement)
        # Claiming B's agent through the door refuses the whole batch.
        with (
            pytest.raises(DBAPIError, match="not mapped to login") as refused,
            engine.begin() as conn,
        ):
            _record(
                conn,
                {"call_id": "own-a", "notes": "sneaked in", "updated_at": "2030-01-01T00:00:00Z"},
                {"agent": "1002", "call_id": "own-b", "notes": "overwritten by a"},
            )
        assert refused.value.orig is not None
        assert refused.value.orig.sqlstate == "42501"
        # A team, agent or replicated_at in the batch is not the client's to say:
        # the row lands under A's own agent and team, B's same call id untouched.
        with engine.begin() as conn:
            assert _record(
                conn,
                {"call_id": "own-b", "team": "south", "notes": "a's own", "state": "ended",
                 "replicated_at": "2000-01-01T00:00:00Z", "ringing_at": "2026-01-01T00:00:00Z",
                 "updated_at": "2026-01-01T00:00:00Z"},
            ) == 1  # fmt: skip
        # Bad batches are refused with a reason and change nothing.
        for bad, message in (
            ({"not": "an array"}, "JSON array"),
            ([1, 2], "JSON object with a call_id"),
            ([{"call_id": ""}], "JSON object with a call_id"),
            ([{"call_id": 7}], "JSON object with a call_id"),
            ([{"call_id": "x", "ringing_at": "not a time"}], "invalid input syntax"),
            ([{"call_id": f"m{i}"} for i in range(1001)], "at most 1000 calls"),
        ):
            with pytest.raises(DBAPIError, match=message), engine.begin() as conn:
                conn.execute(
                    text("SELECT screenpop.record_calls(CAST(:b AS jsonb))"),
                    {"b": json.dumps(bad)},
                )
        # Nor reading the roster beyond its own mapping.
        with engine.connect() as conn:
            assert conn.execute(
                text("SELECT agent FROM screenpop.team_members")
            ).scalars().all() == ["1001"]
    finally:
        engine.dispose()
    rows = {(r.agent, r.call_id): r for r in central.rows("agent", "call_id", "team", "notes")}
    assert len(rows) == 5
    assert rows[("1002", "own-b")].notes == "b's notes"
    assert rows[("1002", "shared-id")].notes is None
    assert rows[("1001", "own-a")].notes == "a's notes"
    assert (rows[("1001", "own-b")].team, rows[("1001", "own-b")].notes) == ("north", "a's own")
    [(replicated,)] = [
        (r.replicated_at,) for r in central.rows("agent", "call_id", "replicated_at")
        if (r.agent, r.call_id) == ("1001", "own-b")
    ]  # fmt: skip
    assert replicated.year >= 2026


def test_an_unmapped_or_supervisor_login_cannot_write_through_the_door(
    central: Central, central_secret: str, tmp_path: Path
) -> None:
    _two_agents(central, tmp_path)
    unmapped = central.login("u", "screenpop_agent")
    sup = central.supervisor("s", "north")
    for login, message in ((unmapped, "is not mapped to an agent"), (sup, "permission denied")):
        engine = central.engine_as(login)
        try:
            with pytest.raises(DBAPIError, match=message), engine.begin() as conn:
                _record(conn, {"call_id": "x", "state": "ended"})
        finally:
            engine.dispose()
    assert len(central.rows()) == 4


def test_a_supervisor_reads_their_team_only_and_writes_nothing(
    central: Central, central_secret: str, tmp_path: Path
) -> None:
    _two_agents(central, tmp_path)
    north = central.supervisor("sup_n", "north")
    both = central.supervisor("sup_all", "north", "south")
    nobody = central.supervisor("sup_none")

    assert {(r["agent"], r["team"]) for r in central_rows(central, north).values()} == {
        ("1001", "north")
    }
    assert len(central_rows(central, north)) == 2
    engine = central.engine_as(both)
    try:
        with engine.connect() as conn:
            assert conn.execute(text("SELECT count(*) FROM screenpop.calls")).scalar() == 4
        with pytest.raises(DBAPIError, match="permission denied"), engine.begin() as conn:
            conn.execute(text("UPDATE screenpop.calls SET notes = 'edited'"))
        with pytest.raises(DBAPIError, match="permission denied"), engine.begin() as conn:
            conn.execute(_insert_as("1001"))
        with pytest.raises(DBAPIError, match="permission denied"), engine.begin() as conn:
            conn.execute(text("SELECT * FROM screenpop.settings"))
    finally:
        engine.dispose()
    engine = central.engine_as(nobody)
    try:
        with engine.connect() as conn:
            assert conn.execute(text("SELECT count(*) FROM screenpop.calls")).scalar() == 0
    finally:
        engine.dispose()


def test_supervisor_first_page_is_an_index_range_under_rls(central: Central) -> None:
    """The policy does not turn the first page into a scan and sort (the plan, not a timing;
    benchmarks/central_journal.py times it on 1M rows)."""
    north = central.supervisor("sup_n", "north")
    with central.admin.connect() as conn:
        conn.execute(
            text(
                "INSERT INTO screenpop.team_members"
                " SELECT 'login' || a, a::text, (ARRAY['north','south','east','west'])[1 + a % 4]"
                " FROM generate_series(1, 40) a"
            )
        )
        conn.execute(
            text(
                "INSERT INTO screenpop.calls (agent, call_id, state, ringing_at, updated_at)"
                " SELECT (1 + i % 40)::text, 'c' || i,"
                " (ARRAY['ringing','answered','ended','missed'])[1 + (i / 40) % 4],"
                " now() - i * interval '1 minute', now()"
                " FROM generate_series(1, 40000) i"
            )
        )
        conn.execute(text("ANALYZE screenpop.calls"))
    engine = central.engine_as(north)
    try:
        with engine.connect() as conn:
            query = (
                "SELECT call_id FROM screenpop.calls WHERE team = 'north'"
                " AND state = 'ended' AND ringing_at >= now() - interval '7 days'"
                " ORDER BY ringing_at DESC LIMIT 50"
            )
            plan = "\n".join(conn.execute(text("EXPLAIN " + query)).scalars())
            page = conn.execute(text(query)).scalars().all()
            teams = conn.execute(text("SELECT DISTINCT team FROM screenpop.calls")).scalars().all()
    finally:
        engine.dispose()
    assert "Index Scan Backward using calls_team_state_ringing" in plan, plan
    assert "Sort" not in plan, plan
    assert len(page) == 50
    assert teams == ["north"]

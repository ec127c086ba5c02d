"""Nobody can freeze the central journal for everyone (issue 15), against the real PostgreSQL.

Real agent and supervisor logins; the shipped SQL applied by psql. An agent's
login may take no table lock that blocks others: every ``LOCK TABLE`` mode but
ACCESS SHARE (what any reader holds) is refused. While an agent holds every
lock it can take, another workstation's replication and a supervisor's export
and figures finish; when a DBA's pending ACCESS EXCLUSIVE lock queues everyone
behind it, they fail clearly within their lock timeout instead of hanging.
"""

from __future__ import annotations

import json
import threading
import time
from pathlib import Path

import pytest
from sqlalchemy import Connection, text
from sqlalchemy.exc import DBAPIError

from screenpop.cli import main
from screenpop.config.secrets import resolve
from screenpop.events import CallState
from screenpop.journal import Journal
from screenpop.journal.central import LOCK_TIMEOUT_S
from screenpop.journal.replicate import Replicator
from tests.journal.central_support import PASSWORD, Central
from tests.journal.conftest import ev

MODES = (
    "ACCESS SHARE",
    "ROW SHARE",
    "ROW EXCLUSIVE",
    "SHARE UPDATE EXCLUSIVE",
    "SHARE",
    "SHARE ROW EXCLUSIVE",
    "EXCLUSIVE",
    "ACCESS EXCLUSIVE",
)


def _replicate(central: Central, tmp_path: Path, name: str, agent: str, team: str) -> str:
    login = central.agent(name, agent, team)
    with Journal(tmp_path / f"{name}.db") as journal:
        journal.record_event(*ev(f"{name}-1", CallState.RINGING, 1_700_000_000.0))
        journal.save_wrapup(f"{name}-1", "sale", f"{name} sold")
        rep = Replicator(journal, central.config(login), agent, resolve)
        try:
            while rep.push_once():
                pass
        finally:
            rep.stop(drain_s=0)
    return login


def _config(tmp_path: Path, central: Central, login: str) -> Path:
    path = tmp_path / f"{login}.toml"
    path.write_text(
        '[agent]\nextension = "sup"\n'
        f'[journal]\nlocal = "{tmp_path / "sup.db"}"\n'
        f'central = "{central.url(login)}"\npassword = "keyring:screenpop/central-test"\n'
    )
    return path


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str, float]:
    started = time.monotonic()
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err, time.monotonic() - started


@pytest.fixture
def floor(central: Central, central_secret: str, tmp_path: Path) -> dict[str, str]:
    """Agent A (north, holding locks in the tests), agent B (north, replicating), a supervisor."""
    return {
        "a": _replicate(central, tmp_path, "a", "1001", "north"),
        "b": central.agent("b", "1002", "north"),
        "sup": central.supervisor("sup", "north"),
    }


def test_an_agent_may_take_no_lock_that_blocks_others(
    central: Central, floor: dict[str, str]
) -> None:
    engine = central.engine_as(floor["a"])
    try:
        for table in ("calls", "team_members", "supervisors", "settings"):
            for mode in MODES:
                statement = f"LOCK TABLE screenpop.{table} IN {mode} MODE"
                readable = table in ("calls", "team_members") and mode == "ACCESS SHARE"
                with engine.begin() as conn:
                    if readable:  # what any reader holds: conflicts only with ACCESS EXCLUSIVE
                        conn.execute(text(statement))
                        continue
                with pytest.raises(DBAPIError, match="permission denied"), engine.begin() as conn:
                    conn.execute(text(statement))
        # Row locks need UPDATE privilege too.
        for clause in ("FOR UPDATE", "FOR NO KEY UPDATE", "FOR SHARE", "FOR KEY SHARE"):
            with pytest.raises(DBAPIError, match="permission denied"), engine.begin() as conn:
                conn.execute(text(f"SELECT * FROM screenpop.calls {clause}"))
    finally:
        engine.dispose()


def _hold_everything(conn: Connection) -> None:
    """Every lock an agent's login can take on the journal, held in one open transaction."""
    conn.execute(text("LOCK TABLE screenpop.calls IN ACCESS SHARE MODE"))
    conn.execute(text("LOCK TABLE screenpop.team_members IN ACCESS SHARE MODE"))
    # Its own rows, written through the door and left uncommitted (row locks,
    # ROW EXCLUSIVE on the table), a history read, advisory locks.
    conn.execute(
        text("SELECT screenpop.record_calls(CAST(:b AS jsonb))"),
        {"b": json.dumps([{"call_id": "a-1", "notes": "held", "state": "ended"}])},
    )
    conn.execute(text("SELECT * FROM screenpop.customer_history('17850', 5)")).all()
    conn.execute(text("SELECT pg_advisory_lock(1), pg_advisory_xact_lock(2)"))
    conn.execute(text("SELECT count(*) FROM screenpop.calls")).scalar()


def test_replication_and_supervisor_reads_go_on_while_an_agent_holds_what_it_can(
    central: Central, floor: dict[str, str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    holder = central.engine_as(floor["a"])
    conn = holder.connect()
    tx = conn.begin()
    try:
        _hold_everything(conn)

        # Another workstation of the same team replicates at once.
        with Journal(tmp_path / "b.db") as journal:
            for i in range(20):
                journal.record_event(*ev(f"b-{i}", CallState.RINGING, 1_700_000_100.0 + i))
            rep = Replicator(journal, central.config(floor["b"]), "1002", resolve)
            try:
                started = time.monotonic()
                while rep.push_once():
                    pass
                pushed_in = time.monotonic() - started
            finally:
                rep.stop(drain_s=0)
            assert journal.pending_count() == 0
        assert len([r for r in central.rows("agent") if r.agent == "1002"]) == 20

        # The supervisor's export and figures answer (the export hung before).
        config = str(_config(tmp_path, central, floor["sup"]))
        code, out, err, took = _run(
            capsys, "journal", "export", "--config", config, "--central", "--format", "json"
        )
        assert code == 0, err
        assert len(json.loads(out)) == 21
        code, out, err, took_stats = _run(
            capsys, "journal", "stats", "--config", config, "--central", "--format", "json"
        )
        assert code == 0, err
        assert json.loads(out)["groups"][0]["offered"] == 21
        # Nothing waited on A: not even one lock timeout's worth.
        assert max(pushed_in, took, took_stats) < LOCK_TIMEOUT_S, (pushed_in, took, took_stats)
    finally:
        tx.rollback()
        conn.close()
        holder.dispose()
    # A's uncommitted write never landed.
    notes = {r.call_id: r.notes for r in central.rows("call_id", "notes")}
    assert notes["a-1"] == "a sold"


def test_behind_a_queued_ddl_lock_reads_and_writes_fail_clearly_within_seconds(
    central: Central, floor: dict[str, str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A's ACCESS SHARE is harmless by itself, but a DBA's ALTER TABLE waiting behind it
    queues everyone else: screenpop's sessions then fail with the reason after their
    lock timeout, and work again once the queue clears."""
    holder = central.engine_as(floor["a"])
    conn = holder.connect()
    tx = conn.begin()
    dba_done = threading.Event()

    def dba() -> None:
        with central.admin.connect() as admin:
            admin.execute(text("BEGIN"))
            admin.execute(text("LOCK TABLE screenpop.calls IN ACCESS EXCLUSIVE MODE"))
            admin.execute(text("COMMIT"))
        dba_done.set()

    thread = threading.Thread(target=dba, daemon=True)
    try:
        _hold_everything(conn)
        thread.start()
        # Wait until the DBA's lock request is really queued.
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            with central.admin.connect() as admin:
                waiting = admin.execute(
                    text(
                        "SELECT count(*) FROM pg_locks WHERE NOT granted"
                        " AND relation = 'screenpop.calls'::regclass"
                    )
                ).scalar()
            if waiting:
                break
            time.sleep(0.05)
        assert waiting, "the DBA's lock never queued"

        config = str(_config(tmp_path, central, floor["sup"]))
        code, out, err, took = _run(capsys, "journal", "export", "--config", config, "--central")
        assert code == 1
        assert out.count("\n") <= 1  # at most the CSV header: not one row
        assert "lock timeout" in err
        assert "locked by another session" in err
        assert PASSWORD not in err
        assert LOCK_TIMEOUT_S - 0.5 < took < LOCK_TIMEOUT_S + 5, took

        with Journal(tmp_path / "b.db") as journal:
            journal.record_event(*ev("b-late", CallState.RINGING, 1_700_000_200.0))
            rep = Replicator(journal, central.config(floor["b"]), "1002", resolve)
            try:
                started = time.monotonic()
                with pytest.raises(DBAPIError, match="lock timeout"):
                    rep.push_once()
                assert time.monotonic() - started < LOCK_TIMEOUT_S + 5
                assert journal.pending_count() == 1  # kept for the next try
            finally:
                rep.stop(drain_s=0)

        # The agent lets go: the DBA gets the lock, and everything works again.
        tx.rollback()
        assert dba_done.wait(10)
        code, out, err, _ = _run(capsys, "journal", "export", "--config", config, "--central")
        assert code == 0, err
        with Journal(tmp_path / "b.db") as journal:
            rep = Replicator(journal, central.config(floor["b"]), "1002", resolve)
            try:
                while rep.push_once():
                    pass
            finally:
                rep.stop(drain_s=0)
            assert journal.pending_count() == 0
    finally:
        if tx.is_active:
            tx.rollback()
        conn.close()
        holder.dispose()
        thread.join(10)


def test_planner_estimates_do_not_tell_an_agent_how_many_calls_others_took(
    central: Central, floor: dict[str, str]
) -> None:
    with central.admin.connect() as admin:
        admin.execute(text("ALTER TABLE screenpop.calls DISABLE TRIGGER calls_guard"))
        admin.execute(
            text(
                "INSERT INTO screenpop.calls (agent, call_id, team, state, ringing_at, updated_at)"
                " SELECT '1002', 'busy-' || i, 'south', 'ended', now(), now()"
                " FROM generate_series(1, 600) i"
            )
        )
        admin.execute(text("ALTER TABLE screenpop.calls ENABLE TRIGGER calls_guard"))
        admin.execute(text("ANALYZE screenpop.calls"))

    def estimate(conn: Connection, where: str) -> str:
        plan = conn.execute(text(f"EXPLAIN SELECT * FROM screenpop.calls WHERE {where}")).scalars()
        return next(line for line in plan if "rows=" in line).split("rows=")[1].split()[0]

    engine = central.engine_as(floor["a"])
    try:
        with engine.connect() as conn:
            assert estimate(conn, "agent = '1002'") == estimate(conn, "agent = 'nobody'")
            # Nor can it read the statistics themselves.
            assert (
                conn.execute(
                    text("SELECT count(*) FROM pg_stats WHERE schemaname = 'screenpop'")
                ).scalar()
                == 0
            )
    finally:
        engine.dispose()

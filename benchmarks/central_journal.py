"""The central journal in PostgreSQL: the supervisor's first page on 1M calls, with RLS.

DESIGN budget: "supervisor: filter 1M journal rows in PostgreSQL, first page
≤ 200 ms". A throw-away database is set up with the shipped
installers/central/postgresql.sql (by psql, as a DBA would), 200 agent logins
in 10 teams and supervisor logins are created, 1M calls over a year are loaded
with COPY, and then the supervisor's first page (their team, since a date, in
a state, newest first, 50 rows) is timed as the supervisor's own login, row-
level security on, through SQLAlchemy Core as screenpop reads it.

The floor beside it is the same SQL run with psycopg as the superuser, which
row-level security does not apply to: what the page costs with no policy and
no library. Also printed: replication throughput (calls per second from a
local journal's outbox into the 1M-row table, as an agent's login with RLS
and the guard trigger on).

    .venv/bin/python benchmarks/central_journal.py                 # 1M rows, 300 runs each
    .venv/bin/python benchmarks/central_journal.py --rows 100000 --runs 50

Needs the local PostgreSQL (127.0.0.1:5432, a superuser login by trust auth:
postgres or root) and psql. Everything it creates is dropped at the end.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import random
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import psycopg

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from sqlalchemy import create_engine, select  # noqa: E402

from screenpop.config.schema import JournalConfig  # noqa: E402
from screenpop.events import CallEvent, CallState  # noqa: E402
from screenpop.journal import Journal  # noqa: E402
from screenpop.journal.central import CALLS  # noqa: E402
from screenpop.journal.replicate import Replicator  # noqa: E402
from screenpop.phone import normalise  # noqa: E402

HOST, PORT = "127.0.0.1", 5432
SQL = ROOT / "installers" / "central" / "postgresql.sql"
TEAMS = [f"team-{i:02d}" for i in range(10)]
AGENTS = 200
STATES = ["ended"] * 70 + ["missed"] * 20 + ["answered"] * 6 + ["ringing"] * 4
DISPOSITIONS = ["resolved", "follow-up", "sale", "complaint", None]

#: The supervisor's first page: their team, a state, since a date, newest first.
FIRST_PAGE = (
    "SELECT agent, call_id, state, ringing_at, number_e164, caller_name, customer_name,"
    " disposition FROM screenpop.calls"
    " WHERE team = %(team)s AND state = %(state)s AND ringing_at >= %(since)s"
    " ORDER BY ringing_at DESC LIMIT 50"
)


def superuser() -> str:
    for user in ("postgres", "root"):
        try:
            with psycopg.connect(host=HOST, port=PORT, user=user, dbname="test") as conn:
                conn.execute("SELECT 1")
            return user
        except psycopg.Error:
            continue
    raise SystemExit("no superuser login (postgres or root) on 127.0.0.1:5432")


def pct(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def timed(fn: Callable[[], Any], runs: int) -> list[float]:
    fn()  # warm: plan cache, buffers
    out = []
    for _ in range(runs):
        started = time.perf_counter()
        fn()
        out.append((time.perf_counter() - started) * 1000)
    return out


def card(rng: random.Random, customer: str) -> str:
    """A card of about the size the app journals (balance, purchases, credit, cross-sells)."""
    return json.dumps(
        {
            "customer": {"customer_id": customer, "name": f"Customer {customer}"},
            "sections": {
                "balance": {
                    "status": "ok",
                    "data": {"balance": rng.randint(0, 5000), "currency": "GBP"},
                },
                "purchases": {
                    "status": "ok",
                    "data": [
                        {
                            "date": "2011-09-15",
                            "product": f"P{rng.randint(1, 4000)}",
                            "quantity": 6,
                            "amount": 15.3,
                        }
                        for _ in range(3)
                    ],
                },
                "credit": {
                    "status": "ok",
                    "data": {"limit": 5000, "terms": ["Net 30"], "hold": False},
                },
            },
        },
        separators=(",", ":"),
    )


def copy_text(value: Any) -> str:
    if value is None:
        return "\\N"
    return str(value).replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n")


def load(conn: psycopg.Connection[Any], rows: int, seed: int = 7) -> float:
    """COPY ``rows`` calls spread over the last 365 days; returns seconds."""
    rng = random.Random(seed)
    now = datetime.now(UTC)
    started = time.perf_counter()
    columns = (
        "agent, call_id, team, state, ringing_at, answered_at, ended_at, number_received,"
        " number_e164, caller_name, called, bridge, answered_by, customer_id, customer_name,"
        " matches, pop_latency_ms, failed_sections, card_json, disposition, notes, wrapped_up_at,"
        " updated_at"
    )
    cards = [
        card(rng, str(rng.randrange(1_000_000))) for _ in range(1000)
    ]  # generating is the slow part
    # A historical bulk load as the DBA: teams given, the per-row guard and the
    # notifications off, the trigram index built once afterwards.
    conn.execute("ALTER TABLE screenpop.calls DISABLE TRIGGER calls_guard")
    conn.execute("ALTER TABLE screenpop.calls DISABLE TRIGGER calls_notify")
    conn.execute("DROP INDEX IF EXISTS screenpop.calls_text_trgm")
    with conn.cursor().copy(f"COPY screenpop.calls ({columns}) FROM STDIN") as copy:
        buf = io.StringIO()
        for i in range(rows):
            agent = rng.randrange(AGENTS)
            ring = now - timedelta(seconds=rng.uniform(0, 365 * 86400))
            state = rng.choice(STATES)
            answered = ring + timedelta(seconds=8) if state in ("answered", "ended") else None
            ended = (
                ring + timedelta(seconds=rng.uniform(30, 600))
                if state in ("ended", "missed")
                else None
            )
            customer = str(rng.randrange(1_000_000))
            disposition = rng.choice(DISPOSITIONS) if state == "ended" else None
            values = (
                f"{1000 + agent}",
                f"{i:07d}-{agent}@pbx",
                TEAMS[agent % len(TEAMS)],
                state,
                ring.isoformat(),
                answered.isoformat() if answered else None,
                ended.isoformat() if ended else None,
                f"+44207{rng.randrange(10_000_000):07d}",
                f"+44207{rng.randrange(10_000_000):07d}",
                f"Caller {i}",
                f"{1000 + agent}",
                "ami",
                f"{1000 + agent}" if answered else None,
                customer,
                f"Customer {customer}",
                1,
                round(rng.uniform(3, 20), 2),
                "[]",
                cards[i % len(cards)],
                disposition,
                "called back as promised" if disposition else None,
                (ended + timedelta(seconds=40)).isoformat() if disposition and ended else None,
                (ended or ring).isoformat(),
            )
            buf.write("\t".join(copy_text(v) for v in values))
            buf.write("\n")
            if i % 20_000 == 19_999:
                copy.write(buf.getvalue())
                buf = io.StringIO()
        copy.write(buf.getvalue())
    conn.execute("ALTER TABLE screenpop.calls ENABLE TRIGGER calls_guard")
    conn.execute("ALTER TABLE screenpop.calls ENABLE TRIGGER calls_notify")
    conn.commit()
    copied = time.perf_counter() - started
    # The shipped script creates the trigram index again (idempotent).
    done = subprocess.run(
        ["psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-h", HOST, "-U", conn.info.user,
         "-d", conn.info.dbname, "-f", str(SQL)],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    if done.returncode:
        raise SystemExit(done.stderr)
    print(
        f"COPY took {copied:.1f} s; the trigram index (calls_text_trgm) then"
        f" {time.perf_counter() - started - copied:.1f} s"
    )
    return time.perf_counter() - started


@contextlib.contextmanager
def database(admin: str, keep: bool) -> Iterator[tuple[str, str]]:
    tag = uuid.uuid4().hex[:8]
    name, prefix = f"sp_bench_{tag}", f"sp_b{tag}"
    with psycopg.connect(host=HOST, port=PORT, user=admin, dbname="test", autocommit=True) as c:
        c.execute(f"CREATE DATABASE {name}")
    try:
        yield name, prefix
    finally:
        if keep:
            print(f"kept database {name} (roles {prefix}_*)")
        else:
            with psycopg.connect(
                host=HOST, port=PORT, user=admin, dbname="test", autocommit=True
            ) as c:
                c.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
                roles = c.execute(
                    "SELECT rolname FROM pg_roles WHERE rolname LIKE %s", (prefix + "\\_%",)
                ).fetchall()
                for (role,) in roles:
                    c.execute(f'DROP ROLE "{role}"')


def replication_throughput(db: str, login: str, agent: str, calls: int) -> tuple[float, float]:
    """Seconds to fill a local journal's outbox, and calls/s pushed into the big table."""
    with tempfile.TemporaryDirectory() as tmp:
        journal = Journal(Path(tmp) / "journal.db", synchronous="NORMAL")
        number = normalise("+44 20 7946 0958", "GB")
        t0 = time.perf_counter()
        for i in range(calls):
            journal.record_event(
                CallEvent(
                    f"bench-{i}", CallState.RINGING, "+442079460958", "Bench", ts=time.time()
                ),
                number,
            )
        filled = time.perf_counter() - t0
        rep = Replicator(
            journal,
            JournalConfig(central=f"postgresql+psycopg://{login}@{HOST}:{PORT}/{db}"),
            agent,
            lambda ref: "",
        )
        t0 = time.perf_counter()
        while rep.push_once():
            pass
        elapsed = time.perf_counter() - t0
        assert journal.pending_count() == 0
        rep.stop(drain_s=0)
        journal.close()
    return filled, calls / elapsed


#: The floor for ``journal stats`` of one team: the same figures in hand-written
#: SQL as the superuser (no RLS, no SQLAlchemy), team named in WHERE.
STATS_FLOOR = (
    "SELECT agent, count(*), count(*) FILTER (WHERE answered_at IS NOT NULL AND NOT answered_elsewhere"
    " AND state <> 'missed'), count(*) FILTER (WHERE answered_elsewhere),"
    " count(*) FILTER (WHERE state = 'missed'),"
    " percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM answered_at - ringing_at)),"
    " percentile_cont(0.9) WITHIN GROUP (ORDER BY extract(epoch FROM answered_at - ringing_at)),"
    " percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM ended_at - answered_at)),"
    " percentile_cont(0.9) WITHIN GROUP (ORDER BY extract(epoch FROM ended_at - answered_at)),"
    " percentile_cont(0.5) WITHIN GROUP (ORDER BY pop_latency_ms),"
    " percentile_cont(0.95) WITHIN GROUP (ORDER BY pop_latency_ms),"
    " count(*) FILTER (WHERE wrapped_up_at IS NOT NULL),"
    " count(*) FILTER (WHERE jsonb_array_length(failed_sections) > 0),"
    " count(*) FILTER (WHERE customer_id IS NULL AND matches = 0),"
    " count(*) FILTER (WHERE matches > 1)"
    " FROM screenpop.calls WHERE team = %(team)s AND ringing_at >= %(since)s GROUP BY agent",
    "SELECT agent, disposition, count(*) FROM screenpop.calls WHERE team = %(team)s"
    " AND ringing_at >= %(since)s AND disposition IS NOT NULL GROUP BY agent, disposition",
    "SELECT agent, s, count(*) FROM screenpop.calls, jsonb_array_elements_text(failed_sections) s"
    " WHERE team = %(team)s AND ringing_at >= %(since)s GROUP BY agent, s",
)
SEARCH_FLOOR = (
    "SELECT * FROM screenpop.calls WHERE team = %(team)s AND (caller_name ILIKE %(t)s"
    " OR customer_name ILIKE %(t)s OR notes ILIKE %(t)s)"
    " ORDER BY ringing_at, agent, call_id LIMIT 50"
)


def supervisor_stats_and_search(db: str, admin: str, sup: str, runs: int) -> None:
    """``journal stats`` of one team over 30 days and ``journal export --text --limit 50``,
    both as the supervisor's login through screenpop's own code, beside the superuser floor."""
    from sqlalchemy import text as sql_text

    from screenpop.journal.export import export_central
    from screenpop.journal.search import build_filters
    from screenpop.journal.stats import compute

    since = datetime.now(UTC) - timedelta(days=30)
    filters = build_filters(since="30d")
    engine = create_engine(f"postgresql+psycopg://{sup}@{HOST}:{PORT}/{db}", pool_size=1)
    admin_conn = psycopg.connect(host=HOST, port=PORT, user=admin, dbname=db, autocommit=True)
    table: list[tuple[str, list[float], list[float]]] = []

    def stats_once() -> Any:
        with engine.connect().execution_options(
            isolation_level="REPEATABLE READ", postgresql_readonly=True
        ) as conn:
            return compute(conn, dialect="postgresql", by="agent", filters=filters)

    def stats_floor() -> None:
        with admin_conn.transaction():
            for sql in STATS_FLOOR:
                admin_conn.execute(sql, {"team": "team-03", "since": since}).fetchall()

    groups = stats_once()
    assert len(groups) == AGENTS // len(TEAMS), [g.group for g in groups]
    offered = sum(g.offered for g in groups)
    stats_runs = max(5, runs // 10)
    table.append(
        ("journal stats, 1 team, 30 days, --by agent", timed(stats_once, stats_runs),
         timed(stats_floor, stats_runs))
    )  # fmt: skip
    with engine.connect() as conn:
        conn.execute(sql_text("SELECT 1"))

    search_runs = max(5, runs // 30)
    for label, term in (
        ("export --text 'promised' --limit 50 (common)", "promised"),
        ("export --text 'Caller 99999' --limit 50 (rare)", "Caller 99999"),
    ):
        wanted = build_filters(text=term, limit=50)

        def ours(wanted: Any = wanted) -> int:
            out = io.StringIO()
            with engine.connect() as conn:
                return export_central(conn, out, fmt="json", filters=wanted)

        def floor(term: str = term) -> None:
            admin_conn.execute(SEARCH_FLOOR, {"team": "team-03", "t": f"%{term}%"}).fetchall()

        found = ours()
        table.append(
            (f"{label}: {found} rows", timed(ours, search_runs), timed(floor, search_runs))
        )
    engine.dispose()
    admin_conn.close()

    print(
        f"\nsupervisor's figures and search ({offered:,} calls of team-03 in 30 days), as the"
        " supervisor's login with RLS, through screenpop's own code (SQLAlchemy, formatting"
        " included); floor = hand-written SQL as superuser (team in WHERE, no RLS), raw psycopg"
    )
    print(f"{'':<54}{'p50 ms':>8}{'p90 ms':>8}{'max ms':>8}{'floor p50':>11}{'p90':>8}")
    for name, ms, base in table:
        print(
            f"{name:<54}{statistics.median(ms):>8.1f}{pct(ms, 90):>8.1f}{max(ms):>8.1f}"
            f"{statistics.median(base):>11.1f}{pct(base, 90):>8.1f}"
        )


def setup(db: str, prefix: str, admin: str, rows: int) -> None:
    """The shipped SQL, 200 agent logins in 10 teams, two supervisors, ``rows`` calls."""
    done = subprocess.run(
        ["psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-h", HOST, "-U", admin, "-d", db,
         "-f", str(SQL)],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    if done.returncode:
        raise SystemExit(done.stderr)
    sup_one, sup_two = f"{prefix}_sup_one", f"{prefix}_sup_two"
    with psycopg.connect(host=HOST, port=PORT, user=admin, dbname=db) as conn:
        for a in range(AGENTS):
            conn.execute(f'CREATE ROLE "{prefix}_a{a}" LOGIN IN ROLE screenpop_agent')
            conn.execute(
                "INSERT INTO screenpop.team_members VALUES (%s, %s, %s)",
                (f"{prefix}_a{a}", f"{1000 + a}", TEAMS[a % len(TEAMS)]),
            )
        conn.execute(f'CREATE ROLE "{sup_one}" LOGIN IN ROLE screenpop_supervisor')
        conn.execute(f'CREATE ROLE "{sup_two}" LOGIN IN ROLE screenpop_supervisor')
        conn.execute("INSERT INTO screenpop.supervisors VALUES (%s, 'team-03')", (sup_one,))
        conn.execute(
            "INSERT INTO screenpop.supervisors VALUES (%s, 'team-03'), (%s, 'team-04')",
            (sup_two, sup_two),
        )
        conn.commit()
        seconds = load(conn, rows)
    with psycopg.connect(host=HOST, port=PORT, user=admin, dbname=db, autocommit=True) as conn:
        conn.execute("VACUUM ANALYZE screenpop.calls")
        size = conn.execute(
            "SELECT pg_size_pretty(pg_total_relation_size('screenpop.calls'))"
        ).fetchone()
    print(
        f"loaded {rows:,} calls (200 agents, 10 teams, one year) in {seconds:.1f} s, generating"
        f" them in Python included ({rows / seconds:,.0f} rows/s); table with indexes"
        f" {size[0] if size else '?'}"
    )


def print_table(
    title: str, rows: list[tuple[str, list[float], list[float]]], budget: float
) -> None:
    print(f"\n{title}")
    print(f"{'':<72}{'p50 ms':>8}{'p99 ms':>8}{'max ms':>8}{'floor p50':>11}{'p99':>8}  budget")
    for name, ms, base in rows:
        mark = "ok" if statistics.median(ms) <= budget else "OVER"
        print(
            f"{name:<72}{statistics.median(ms):>8.1f}{pct(ms, 99):>8.1f}{max(ms):>8.1f}"
            f"{statistics.median(base):>11.1f}{pct(base, 99):>8.1f}  {budget:.0f} {mark}"
        )


def main() -> None:
    import _supervisor

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--runs", type=int, default=300)
    parser.add_argument("--page-runs", type=int, default=30, help="runs per supervisor page")
    parser.add_argument("--floor-calls", type=int, default=30, help="calls for the live floor")
    parser.add_argument(
        "--replicate", type=int, default=20_000, help="calls for the throughput run"
    )
    parser.add_argument("--keep", action="store_true", help="keep the database and roles")
    parser.add_argument(
        "--reuse", metavar="DB:PREFIX", help="measure a database kept by --keep (no load)"
    )
    parser.add_argument("--only-supervisor", action="store_true", help="the window's budgets only")
    args = parser.parse_args()

    admin = superuser()
    if args.reuse:
        db, prefix = args.reuse.split(":")
        context: Any = contextlib.nullcontext((db, prefix))
    else:
        context = database(admin, args.keep)
    with context as (db, prefix):
        if not args.reuse:
            setup(db, prefix, admin, args.rows)
        print_table(
            f"supervisor window, first page ({_supervisor.PAGE} rows) through screenpop's own code"
            " (logreads.fetch_page) as the supervisor's login with RLS, "
            f"{args.page_runs} warm runs; floor = the same page in hand-written SQL as superuser"
            " (no RLS, teams in WHERE), raw psycopg",
            _supervisor.pages(db, admin, prefix, args.page_runs),
            200,
        )
        print_table(
            "supervisor window, figures through screenpop's own code (figures.compute_figures:"
            " journal stats overall and per day, one snapshot); floor = hand-written aggregates as"
            " superuser",
            [_supervisor.figures(db, admin, prefix, max(5, args.page_runs // 2))],
            300,
        )
        screen, commit = _supervisor.live_floor(db, prefix, args.floor_calls)
        print(
            f"\nlive floor: agent's ring event handed to a real engine -> painted on the real"
            f" supervisor window (replication as the agent's login, NOTIFY, snapshot through RLS),"
            f" {len(screen)}/{args.floor_calls} calls: p50 {statistics.median(screen):.0f} ms,"
            f" p90 {pct(screen, 90):.0f} ms, max {max(screen):.0f} ms (budget 1000 ms);"
            f" floor = event -> central commit: p50 {statistics.median(commit):.0f} ms,"
            f" max {max(commit):.0f} ms"
        )
        if args.only_supervisor:
            return
        first_page_raw(db, admin, prefix, args.runs)
        supervisor_stats_and_search(db, admin, f"{prefix}_sup_one", args.runs)
        filled, rate = replication_throughput(db, f"{prefix}_a3", "1003", args.replicate)
        print(
            f"\nreplication: {args.replicate:,} calls from a local outbox into the {args.rows:,}-row"
            f" table as an agent login through screenpop.record_calls (guard and notify triggers):"
            f" {rate:,.0f} calls/s (batches of 500; filling the outbox locally took {filled:.1f} s)"
        )


def first_page_raw(db: str, admin: str, prefix: str, runs: int) -> None:
    """The earlier raw-SQL first pages (RLS cost on the index range), kept for comparison."""
    sup_one, sup_two = f"{prefix}_sup_one", f"{prefix}_sup_two"
    since = datetime.now(UTC) - timedelta(days=30)
    params = {"team": "team-03", "state": "ended", "since": since}
    year = {**params, "since": datetime.now(UTC) - timedelta(days=365)}
    both = {**year, "teams": ["team-03", "team-04"]}
    engine = create_engine(f"postgresql+psycopg://{sup_one}@{HOST}:{PORT}/{db}", pool_size=1)
    core_query = (
        select(
            *(
                CALLS.c[n]
                for n in ("agent", "call_id", "state", "ringing_at", "number_e164",
                          "caller_name", "customer_name", "disposition")
            )
        )
        .where(CALLS.c.team == "team-03", CALLS.c.state == "ended", CALLS.c.ringing_at >= since)
        .order_by(CALLS.c.ringing_at.desc())
        .limit(50)
    )  # fmt: skip
    rows: list[tuple[str, list[float], list[float]]] = []
    admin_conn = psycopg.connect(host=HOST, port=PORT, user=admin, dbname=db)

    def floor(sql: str, values: dict[str, Any]) -> list[float]:
        return timed(lambda: admin_conn.execute(sql, values).fetchall(), runs)

    with engine.connect() as conn:
        rows.append(
            (
                "1 team, state, 30 days (SQLAlchemy Core)",
                timed(lambda: conn.execute(core_query).all(), runs),
                floor(FIRST_PAGE, params),
            )
        )
    engine.dispose()
    no_team = (
        "SELECT agent, call_id, ringing_at FROM screenpop.calls WHERE state = %(state)s"
        " AND ringing_at >= %(since)s ORDER BY ringing_at DESC LIMIT 50"
    )
    any_team = no_team.replace("WHERE", "WHERE team = ANY(%(teams)s) AND")
    with psycopg.connect(host=HOST, port=PORT, user=sup_two, dbname=db) as conn:
        rows.append(
            (
                "2 teams by RLS alone, 365 days (raw SQL, no per-team merge)",
                timed(lambda: conn.execute(no_team, year).fetchall(), runs),
                floor(any_team, both),
            )
        )
    admin_conn.close()
    print(
        "\nraw SQL pages (50 rows) as the supervisor's login with RLS, for comparison with the"
        " window's query shape above"
    )
    print(f"{'':<72}{'p50 ms':>8}{'p99 ms':>8}{'max ms':>8}{'floor p50':>11}{'p99':>8}")
    for name, ms, base in rows:
        print(
            f"{name:<72}{statistics.median(ms):>8.2f}{pct(ms, 99):>8.2f}{max(ms):>8.2f}"
            f"{statistics.median(base):>11.2f}{pct(base, 99):>8.2f}"
        )


if __name__ == "__main__":
    main()

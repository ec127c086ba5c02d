"""The supervisor window's budgets, measured through screenpop's own code (for central_journal.py).

- **Pages**: ``logreads.fetch_page`` (what the window's Calls tab runs) as the
  supervisor's own login, RLS on, for filter combinations, sorts and text
  searches; floor = the same page in hand-written SQL as the superuser (no
  RLS, team named in WHERE, raw psycopg).
- **Figures**: ``figures.compute_figures`` (the Figures tab: overall and per
  day in one snapshot) of one team over 30 days; floor = the same aggregates
  hand-written, as the superuser.
- **Live floor**: a real agent engine (bridge event in, journal, outbox,
  replication as the agent's login) and the real supervisor window
  (offscreen, LISTEN/NOTIFY); the time from the event handed to the engine to
  the floor view showing the call ringing; floor = the replication alone
  (event to central commit).
"""

from __future__ import annotations

import statistics
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import psycopg
from sqlalchemy import create_engine

from screenpop.journal.calllog import LogQuery
from screenpop.journal.figures import compute_figures
from screenpop.journal.logreads import fetch_page
from screenpop.journal.search import SearchFilters, build_filters

HOST, PORT = "127.0.0.1", 5432
PAGE = 100

COLS = (
    "agent, team, call_id, state, ringing_at, answered_at, ended_at, number_received, number_e164,"
    " caller_name, called, answered_by, answered_elsewhere, customer_id, customer_name, matches,"
    " pop_latency_ms, failed_sections, disposition, notes, wrapped_up_at"
)
TEXT = "(caller_name ILIKE %(t)s OR customer_name ILIKE %(t)s OR notes ILIKE %(t)s)"


def pct(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def timed(fn: Callable[[], Any], runs: int) -> list[float]:
    fn()
    out = []
    for _ in range(runs):
        started = time.perf_counter()
        fn()
        out.append((time.perf_counter() - started) * 1000)
    return out


def _floor_sql(where: str, order: str = "ringing_at DESC, agent DESC, call_id DESC") -> str:
    return f"SELECT {COLS} FROM screenpop.calls WHERE team = ANY(%(teams)s) AND {where} ORDER BY {order} LIMIT {PAGE}"


def page_cases(now: datetime) -> list[tuple[str, str, LogQuery, str, dict[str, Any]]]:
    """(label, which supervisor, screenpop's query, floor SQL, floor params)."""
    year, month, week = (now - timedelta(days=d) for d in (365, 30, 7))
    y = {"since": year}
    f = build_filters
    return [
        ("2 teams by RLS alone, 365 days", "two", LogQuery(search=f(since="365d")),
         _floor_sql("ringing_at >= %(since)s"), y),
        ("2 teams, 365 days, state ended", "two", LogQuery(search=f(since="365d", states=["ended"])),
         _floor_sql("ringing_at >= %(since)s AND state = 'ended'"), y),
        ("1 team, 30 days", "one", LogQuery(search=f(since="30d")),
         _floor_sql("ringing_at >= %(since)s"), {"since": month}),
        ("2 teams, agent 1003, 365 days", "two", LogQuery(search=f(since="365d"), agents=("1003",)),
         _floor_sql("ringing_at >= %(since)s AND agent = '1003'"), y),
        ("2 teams, outcome missed, 365 days", "two", LogQuery(search=f(since="365d"), outcomes=("missed",)),
         _floor_sql("ringing_at >= %(since)s AND state = 'missed'"), y),
        ("2 teams, answered elsewhere (none), 365 days", "two",
         LogQuery(search=f(since="365d"), outcomes=("elsewhere",)),
         _floor_sql("ringing_at >= %(since)s AND answered_elsewhere"), y),
        ("2 teams, disposition complaint, 365 days", "two",
         LogQuery(search=f(since="365d", disposition="complaint")),
         _floor_sql("ringing_at >= %(since)s AND disposition = 'complaint'"), y),
        ("2 teams, customer id", "two", LogQuery(search=f(customer="424242")),
         _floor_sql("customer_id = '424242'"), {}),
        ("2 teams, number in national form", "two", LogQuery(search=f(number="020 7123 4567")),
         _floor_sql("number_e164 = '+442071234567'"), {}),
        ("2 teams, text common ('promised')", "two", LogQuery(search=f(text="promised")),
         _floor_sql(TEXT), {"t": "%promised%"}),
        ("2 teams, text rare ('Caller 99999')", "two", LogQuery(search=f(text="Caller 99999")),
         _floor_sql(TEXT), {"t": "%Caller 99999%"}),
        ("2 teams, text absent ('zebra')", "two", LogQuery(search=f(text="zebra")),
         _floor_sql(TEXT), {"t": "%zebra%"}),
        ("2 teams, text + missed (0 rows)", "two",
         LogQuery(search=f(text="promised"), outcomes=("missed",)),
         _floor_sql(TEXT + " AND state = 'missed'"), {"t": "%promised%"}),
        ("1 team, text + agent + 30 days + ended", "one",
         LogQuery(search=f(text="promised", since="30d", states=["ended"]), agents=("1003",)),
         _floor_sql(TEXT + " AND agent = '1003' AND ringing_at >= %(since)s AND state = 'ended'"),
         {"t": "%promised%", "since": month}),
        ("every filter at once", "one",
         LogQuery(search=f(since="365d", states=["ended"], customer="5", text="promised",
                           disposition="sale", number="020 7123 4567"),
                  agents=("1003",), outcomes=("answered",)),
         _floor_sql(TEXT + " AND agent = '1003' AND ringing_at >= %(since)s AND state = 'ended'"
                    " AND customer_id = '5' AND disposition = 'sale' AND number_e164 = '+442071234567'"),
         {"t": "%promised%", **y}),
        ("sort by customer, 2 teams, 7 days", "two", LogQuery(search=f(since="7d"), sort="customer"),
         _floor_sql("ringing_at >= %(since)s", "customer_name DESC, ringing_at DESC"), {"since": week}),
        ("sort by customer, 2 teams, 365 days", "two",
         LogQuery(search=f(since="365d"), sort="customer"),
         _floor_sql("ringing_at >= %(since)s", "customer_name DESC, ringing_at DESC"), y),
        ("sort by pop latency, 2 teams, 30 days", "two",
         LogQuery(search=f(since="30d"), sort="pop", descending=False),
         _floor_sql("ringing_at >= %(since)s", "pop_latency_ms, ringing_at"), {"since": month}),
    ]  # fmt: skip


def pages(
    db: str, admin: str, prefix: str, runs: int
) -> list[tuple[str, list[float], list[float]]]:
    now = datetime.now(UTC)
    teams = {"one": ["team-03"], "two": ["team-03", "team-04"]}
    engines = {
        name: create_engine(
            f"postgresql+psycopg://{prefix}_sup_{name}@{HOST}:{PORT}/{db}",
            pool_size=1,
            connect_args={"options": "-c jit=off"},
        )
        for name in teams
    }
    admin_conn = psycopg.connect(host=HOST, port=PORT, user=admin, dbname=db, autocommit=True)
    admin_conn.execute("SET jit = off")
    table = []
    try:
        for label, who, query, floor_sql, params in page_cases(now):
            with engines[who].connect() as conn:
                first = fetch_page(conn, query, None, PAGE)
                ms = timed(lambda conn=conn, query=query: fetch_page(conn, query, None, PAGE), runs)
                if first.after is not None:  # the next page, as a scroll asks for it
                    after = first.after
                    ms_next = timed(
                        lambda conn=conn, query=query, after=after: fetch_page(
                            conn, query, after, PAGE
                        ),
                        max(3, runs // 3),
                    )
                else:
                    ms_next = []
            values = {"teams": teams[who], **params}
            base = timed(
                lambda sql=floor_sql, v=values: admin_conn.execute(sql, v).fetchall(), runs
            )
            rows = len(first.rows)
            more = f", page 2 p50 {statistics.median(ms_next):.1f} ms" if ms_next else ""
            table.append((f"{label} [{rows} rows{more}]", ms, base))
    finally:
        admin_conn.close()
        for engine in engines.values():
            engine.dispose()
    return table


STATS_FLOOR = (
    "SELECT to_char(timezone('UTC', ringing_at), 'YYYY-MM-DD') d, count(*),"
    " count(*) FILTER (WHERE answered_at IS NOT NULL AND NOT answered_elsewhere AND state <> 'missed'),"
    " count(*) FILTER (WHERE answered_elsewhere), count(*) FILTER (WHERE state = 'missed'),"
    " percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM answered_at - ringing_at)),"
    " percentile_cont(0.9) WITHIN GROUP (ORDER BY extract(epoch FROM answered_at - ringing_at)),"
    " percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM ended_at - answered_at)),"
    " percentile_cont(0.9) WITHIN GROUP (ORDER BY extract(epoch FROM ended_at - answered_at)),"
    " percentile_cont(0.5) WITHIN GROUP (ORDER BY pop_latency_ms),"
    " percentile_cont(0.95) WITHIN GROUP (ORDER BY pop_latency_ms),"
    " count(*) FILTER (WHERE wrapped_up_at IS NOT NULL),"
    " count(*) FILTER (WHERE jsonb_array_length(failed_sections) > 0),"
    " count(*) FILTER (WHERE customer_id IS NULL AND matches = 0), count(*) FILTER (WHERE matches > 1)"
    " FROM screenpop.calls WHERE team = %(team)s AND ringing_at >= %(since)s GROUP BY ROLLUP (d)",
    "SELECT disposition, count(*) FROM screenpop.calls WHERE team = %(team)s"
    " AND ringing_at >= %(since)s AND disposition IS NOT NULL GROUP BY disposition",
    "SELECT s, count(*) FROM screenpop.calls, jsonb_array_elements_text(failed_sections) s"
    " WHERE team = %(team)s AND ringing_at >= %(since)s GROUP BY s",
)


def figures(db: str, admin: str, prefix: str, runs: int) -> tuple[str, list[float], list[float]]:
    since = datetime.now(UTC) - timedelta(days=30)
    engine = create_engine(
        f"postgresql+psycopg://{prefix}_sup_one@{HOST}:{PORT}/{db}",
        pool_size=1,
        connect_args={"options": "-c jit=off"},
    )
    query = LogQuery(search=SearchFilters(since=since.timestamp()))

    def ours() -> Any:
        with engine.connect().execution_options(
            isolation_level="REPEATABLE READ", postgresql_readonly=True
        ) as conn:
            return compute_figures(conn, query, "day")

    admin_conn = psycopg.connect(host=HOST, port=PORT, user=admin, dbname=db, autocommit=True)
    admin_conn.execute("SET jit = off")

    def floor() -> None:
        with admin_conn.transaction():
            for sql in STATS_FLOOR:
                admin_conn.execute(sql, {"team": "team-03", "since": since}).fetchall()

    try:
        result = ours()
        label = (
            f"figures, 1 team, 30 days, overall + per day ({result.total.offered:,} calls,"
            f" {len(result.series)} days)"
        )
        return label, timed(ours, runs), timed(floor, runs)
    finally:
        admin_conn.close()
        engine.dispose()


def live_floor(db: str, prefix: str, calls: int) -> tuple[list[float], list[float]]:
    """Agent event -> supervisor's screen (ms) and event -> central commit (ms), per call."""
    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication

    from screenpop.config.loader import load_config
    from screenpop.config.schema import Config, SupervisorConfig
    from screenpop.engine import Engine
    from screenpop.events import CallEvent, CallState
    from screenpop.ui.supervisor.app import open_window

    app = QApplication.instance() or QApplication(["bench"])
    with tempfile.TemporaryDirectory() as tmp:
        cfg = Path(tmp) / "agent.toml"
        cfg.write_text(
            '[agent]\nextension = "1003"\n'
            f'[journal]\nlocal = "{Path(tmp) / "journal.db"}"\n'
            f'central = "postgresql+psycopg://{prefix}_a3@{HOST}:{PORT}/{db}"\n'
        )
        config = load_config(cfg, environ={}, use_user_file=False, use_machine_file=False)
        engine = Engine(config, runtime_dir=Path(tmp) / "run")

        class Quiet:
            def __getattr__(self, name: str) -> Callable[..., None]:
                return lambda *args, **kwargs: None

        engine.start(Quiet())  # type: ignore[arg-type]
        sup = Config(
            agent={"extension": "sup", "locale": "en_GB"},  # type: ignore[arg-type]
            supervisor=SupervisorConfig(
                central=f"postgresql+psycopg://{prefix}_sup_one@{HOST}:{PORT}/{db}"
            ),
        )
        window: Any = open_window(sup)
        seen: dict[str, float] = {}

        def shown(snapshot: Any) -> None:
            for call in snapshot.active:
                if call.phase == "ringing" and call.call_id not in seen:
                    window.floor.agents.viewport().repaint()  # painted, not just in the model
                    seen[call.call_id] = time.perf_counter()

        window.floor.shown.connect(shown)

        def spin(until: Callable[[], bool], timeout: float = 10.0) -> None:
            deadline = time.monotonic() + timeout
            while not until() and time.monotonic() < deadline:
                loop = QEventLoop()
                QTimer.singleShot(5, loop.quit)
                loop.exec()

        spin(lambda: window.floor.snapshot is not None)
        screen, commit = [], []
        try:
            for i in range(calls):
                call_id = f"floor-{i}-{time.time_ns()}"
                status = engine.replication_status()
                pushed_before = status.pushed if status is not None else 0
                started = time.perf_counter()
                assert engine.loop is not None
                engine.loop.call_soon_threadsafe(
                    engine._on_event,
                    CallEvent(
                        call_id,
                        CallState.RINGING,
                        "+442079460958",
                        "Bench",
                        called="1003",
                        ts=time.time(),
                    ),
                )
                committed: list[float] = []

                def done(
                    committed: list[float] = committed,
                    pushed_before: int = pushed_before,
                    call_id: str = call_id,
                ) -> bool:
                    now_status = engine.replication_status()
                    if (
                        not committed
                        and now_status is not None
                        and now_status.pushed > pushed_before
                    ):
                        committed.append(time.perf_counter())
                    return call_id in seen

                spin(done)
                if call_id in seen:
                    screen.append((seen[call_id] - started) * 1000)
                if committed:
                    commit.append((committed[0] - started) * 1000)
                engine.loop.call_soon_threadsafe(
                    engine._on_event,
                    CallEvent(
                        call_id, CallState.ENDED, "+442079460958", called="1003", ts=time.time()
                    ),
                )
                spin(lambda: False, 0.3)
        finally:
            window.close()
            engine.stop()
            app.processEvents()
    return screen, commit

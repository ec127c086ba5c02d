"""The supervisor's reads on the real PostgreSQL with RLS, as real supervisor logins:
log pages (filters, sort, keyset paging), detail, figures, export and the live floor.

The calls are journaled through the real ``Journal`` API on three
workstations and replicated by the real ``Replicator``: agents 1001 and 1002
in team north, 1003 in team south.
"""

from __future__ import annotations

import csv
import io
import json
import threading
import time
from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text

from screenpop.cli import main
from screenpop.config.secrets import resolve
from screenpop.events import CallEvent, CallState
from screenpop.journal import Journal
from screenpop.journal.calllog import LogQuery, my_teams, roster
from screenpop.journal.central import central_url
from screenpop.journal.figures import compute_figures
from screenpop.journal.floor import FloorSnapshot, FloorWatcher
from screenpop.journal.logreads import call_detail, fetch_page
from screenpop.journal.replicate import Replicator
from screenpop.journal.search import build_filters
from screenpop.journal.stats import compute
from screenpop.journal.supervisor_export import ExportCancelled, export_figures, export_log
from screenpop.phone import normalise
from tests.journal.central_support import Central, replicate
from tests.journal.central_support import floor_specs as specs


@pytest.fixture(scope="module")
def floor_db(tmp_path_factory: pytest.TempPathFactory) -> Any:
    from tests.journal.central_support import central_database

    with central_database() as central:
        yield central


@pytest.fixture(scope="module")
def org(floor_db: Central, tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    tmp = tmp_path_factory.mktemp("desks")
    logins = {}
    for name, agent, team in (
        ("a", "1001", "north"),
        ("b", "1002", "north"),
        ("c", "1003", "south"),
    ):
        logins[agent] = floor_db.agent(name, agent, team)
        replicate(floor_db, logins[agent], agent, tmp / f"{name}.db", specs(agent))
    logins["sup_n"] = floor_db.supervisor("sup_n", "north")
    logins["sup_both"] = floor_db.supervisor("sup_both", "north", "south")
    return logins


def _sup(central: Central, login: str) -> Any:
    return central.engine_as(login)


def all_pages(conn: Any, query: LogQuery, size: int) -> list[Any]:
    rows, after, pages = [], None, 0
    while True:
        page = fetch_page(conn, query, after, size)
        rows += page.rows
        pages += 1
        assert pages < 1000
        if page.after is None:
            return rows
        after = page.after


def expected(central: Central, teams: set[str], keep: Callable[[Any], bool]) -> list[Any]:
    """The DBA's view, narrowed by hand: what RLS plus the filters must give."""
    with central.admin.connect() as conn:
        rows = conn.execute(text("SELECT * FROM screenpop.calls")).mappings().all()
    return [r for r in rows if r["team"] in teams and keep(r)]


@pytest.mark.parametrize(
    ("sort", "key"),
    [
        ("time", lambda r: (r["ringing_at"], r["agent"], r["call_id"])),
        (
            "customer",
            lambda r: (r["customer_name"] or "", r["ringing_at"], r["agent"], r["call_id"]),
        ),
        ("agent", lambda r: (r["agent"], r["ringing_at"], r["agent"], r["call_id"])),
        ("pop", lambda r: (r["pop_latency_ms"], r["ringing_at"], r["agent"], r["call_id"])),
        (
            "disposition",
            lambda r: (r["disposition"] or "", r["ringing_at"], r["agent"], r["call_id"]),
        ),
    ],
)
@pytest.mark.parametrize("descending", [True, False])
def test_pages_in_every_sort_are_the_teams_rows_in_order_without_repeats(
    floor_db: Central, org: dict[str, str], sort: str, key: Callable[[Any], Any], descending: bool
) -> None:
    engine = _sup(floor_db, org["sup_n"])
    try:
        with engine.connect() as conn:
            got = all_pages(conn, LogQuery(sort=sort, descending=descending), size=7)
    finally:
        engine.dispose()
    want = sorted(expected(floor_db, {"north"}, lambda r: True), key=key, reverse=descending)
    assert [(r.agent, r.call_id) for r in got] == [(r["agent"], r["call_id"]) for r in want]
    assert len(got) == 60
    assert {r.team for r in got} == {"north"}


def test_filters_narrow_inside_what_rls_allows(floor_db: Central, org: dict[str, str]) -> None:
    def ids(login: str, **kw: Any) -> set[tuple[str, str]]:
        engine = _sup(floor_db, org[login])
        try:
            with engine.connect() as conn:
                return {(r.agent, r.call_id) for r in all_pages(conn, LogQuery(**kw), 50)}
        finally:
            engine.dispose()

    def want(teams: set[str], keep: Callable[[Any], bool]) -> set[tuple[str, str]]:
        return {(r["agent"], r["call_id"]) for r in expected(floor_db, teams, keep)}

    both = {"north", "south"}
    assert ids("sup_both") == want(both, lambda r: True)
    assert len(ids("sup_both")) == 90
    # A team the login does not supervise: nothing, although it exists.
    assert ids("sup_n", teams=("south",)) == set()
    assert ids("sup_n", agents=("1003",)) == set()
    assert ids("sup_both", teams=("south",)) == want({"south"}, lambda r: True)
    assert ids("sup_both", agents=("1002",)) == want(both, lambda r: r["agent"] == "1002")
    # Outcomes with journal stats' definitions.
    assert ids("sup_both", outcomes=("missed",)) == want(both, lambda r: r["state"] == "missed")
    assert ids("sup_both", outcomes=("elsewhere",)) == want(both, lambda r: r["answered_elsewhere"])
    answered = ids("sup_both", outcomes=("answered",))
    assert answered == want(
        both, lambda r: r["answered_at"] and not r["answered_elsewhere"] and r["state"] != "missed"
    )
    # export's filters: number in any form, customer, disposition, text, dates.
    national = build_filters(number="020 7946 0958")
    assert ids("sup_both", search=national) == want(
        both, lambda r: r["number_e164"] == "+442079460958"
    )
    assert ids("sup_both", search=build_filters(customer="12583")) == want(
        both, lambda r: r["customer_id"] == "12583"
    )
    assert ids("sup_both", search=build_filters(text="BOX DAMAGED")) == want(
        both, lambda r: "box damaged" in (r["notes"] or "")
    )
    assert ids("sup_both", search=build_filters(text="zoë")) == want(
        both, lambda r: r["customer_name"] == "Zoë Trading"
    )
    window = build_filters(since="2026-02-25T10:00", until="2026-02-26T00:00", disposition="sale")
    assert ids("sup_n", search=window, outcomes=("answered",)) == want(
        {"north"},
        lambda r: (
            datetime(2026, 2, 25, 10, tzinfo=UTC)
            <= r["ringing_at"]
            < datetime(2026, 2, 26, tzinfo=UTC)
            and r["disposition"] == "sale"
            and r["answered_at"] is not None
            and not r["answered_elsewhere"]
            and r["state"] != "missed"
        ),
    )
    with pytest.raises(ValueError, match="sort by"):
        LogQuery(sort="ringing_at; DROP TABLE")
    with pytest.raises(ValueError, match="outcome"):
        LogQuery(outcomes=("everything",))


def test_detail_roster_and_teams_are_rls_bound(floor_db: Central, org: dict[str, str]) -> None:
    engine = _sup(floor_db, org["sup_n"])
    try:
        with engine.connect() as conn:
            detail = call_detail(conn, "1001", "1001-00")
            assert detail is not None
            assert detail.card is not None
            assert detail.card["customer"]["customer_id"] == "17850"
            assert [name for name, _at in detail.timeline] == [
                "ringing", "answered", "ended", "wrapped_up",
            ]  # fmt: skip
            assert detail.row.failed_sections == ("purchases", "credit")
            assert detail.row.notes == "1001 note 0: box damaged"
            assert call_detail(conn, "1003", "1003-00") is None  # team south
            assert roster(conn) == [("north", "1001"), ("north", "1002")]
            assert my_teams(conn) == ["north"]
    finally:
        engine.dispose()


def test_figures_are_journal_stats_for_the_same_filters(
    floor_db: Central, org: dict[str, str]
) -> None:
    engine = _sup(floor_db, org["sup_both"])
    try:
        with engine.connect().execution_options(
            isolation_level="REPEATABLE READ", postgresql_readonly=True
        ) as conn:
            filters = build_filters(since="2026-02-25")
            figures = compute_figures(conn, LogQuery(search=filters), "day")
            [cli_total] = compute(conn, dialect="postgresql", by="none", filters=filters)
            cli_days = compute(conn, dialect="postgresql", by="day", filters=filters)
            north = compute_figures(conn, LogQuery(search=filters, teams=("north",)), "hour")
    finally:
        engine.dispose()
    assert figures.total == replace(cli_total, group="all")
    assert list(figures.series) == cli_days
    assert figures.total.offered == 90
    assert north.total.offered == 60
    assert sum(g.offered for g in north.series) == 60
    assert north.total.missed == 12
    assert north.total.pop_p50_ms is not None


def _cli_export(tmp_path: Path, central: Central, login: str, *args: str) -> list[list[str]]:
    config = tmp_path / "sup.toml"
    config.write_text(
        f'[journal]\ncentral = "{central.url(login)}"\npassword = "keyring:screenpop/central-test"\n'
    )
    out = io.StringIO()
    import contextlib

    with contextlib.redirect_stdout(out):
        assert main(["journal", "export", "--config", str(config), "--central", *args]) == 0
    return list(csv.reader(io.StringIO(out.getvalue())))


def test_export_writes_the_same_rows_as_journal_export(
    floor_db: Central, org: dict[str, str], tmp_path: Path, central_secret: str
) -> None:
    from openpyxl import load_workbook

    query = LogQuery(search=build_filters(since="2026-02-25T08:00", states=["ended", "missed"]))
    engine = _sup(floor_db, org["sup_n"])
    progress: list[tuple[int, int]] = []
    try:
        with engine.connect() as conn:
            csv_done = export_log(
                conn,
                query,
                tmp_path / "log.csv",
                "csv",
                progress=lambda d, t: progress.append((d, t)),
            )
            xlsx_done = export_log(conn, query, tmp_path / "log.xlsx", "xlsx")
    finally:
        engine.dispose()
    cli = _cli_export(
        tmp_path, floor_db, org["sup_n"],
        "--since", "2026-02-25T08:00", "--state", "ended", "--state", "missed",
    )  # fmt: skip
    ours = list(csv.reader(io.StringIO((tmp_path / "log.csv").read_text(encoding="utf-8-sig"))))
    assert ours == cli
    assert csv_done.rows == xlsx_done.rows == len(cli) - 1 > 10
    assert progress[-1] == (csv_done.rows, csv_done.rows)
    caller = cli[0].index("caller_name")
    assert any(row[caller] == '\'=HYPERLINK("http://x","y")' for row in cli[1:])

    sheet = load_workbook(tmp_path / "log.xlsx")["Calls"]
    table = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert table[0] == cli[0]
    for mine, theirs in zip(table[1:], cli[1:], strict=True):
        for name, value, text_ in zip(cli[0], mine, theirs, strict=True):
            if isinstance(value, datetime):
                assert value.isoformat(timespec="milliseconds") + "Z" == text_, name
            elif isinstance(value, bool):
                assert str(value).lower() == text_, name
            elif isinstance(value, (int, float)):
                assert float(value) == float(text_), name
            else:
                assert (value or "") == text_.removeprefix("'"), name
    formula = next(c for row in sheet.iter_rows() for c in row if str(c.value).startswith("=HYP"))
    assert formula.data_type == "s"
    assert formula.quotePrefix is True


def test_cancelled_export_leaves_nothing_and_keeps_the_earlier_file(
    floor_db: Central, org: dict[str, str], tmp_path: Path
) -> None:
    target = tmp_path / "log.xlsx"
    target.write_bytes(b"earlier export")
    engine = _sup(floor_db, org["sup_both"])
    calls = {"n": 0}

    def cancel_later() -> bool:
        calls["n"] += 1
        return calls["n"] > 1

    try:
        with engine.connect() as conn, pytest.raises(ExportCancelled):
            export_log(conn, LogQuery(), target, "xlsx", cancelled=cancel_later)
    finally:
        engine.dispose()
    assert target.read_bytes() == b"earlier export"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["log.xlsx"]


def test_figures_export(floor_db: Central, org: dict[str, str], tmp_path: Path) -> None:
    from openpyxl import load_workbook

    engine = _sup(floor_db, org["sup_n"])
    try:
        with engine.connect() as conn:
            figures = compute_figures(conn, LogQuery(), "day")
    finally:
        engine.dispose()
    export_figures(figures, tmp_path / "f.csv", "csv")
    rows = list(csv.DictReader(io.StringIO((tmp_path / "f.csv").read_text(encoding="utf-8-sig"))))
    assert rows[0]["group"] == "all"
    assert int(rows[0]["offered"]) == 60
    assert sum(int(r["offered"]) for r in rows[1:]) == 60
    export_figures(figures, tmp_path / "f.xlsx", "xlsx")
    book = load_workbook(tmp_path / "f.xlsx")
    assert book.sheetnames == ["Figures", "Per day"]
    assert book["Figures"]["B2"].value == 60


# ------------------------------------------------------------- live floor --


class Snapshots:
    def __init__(self) -> None:
        self.items: list[FloorSnapshot] = []
        self.arrived = threading.Condition()

    def __call__(self, snapshot: FloorSnapshot) -> None:
        with self.arrived:
            self.items.append(snapshot)
            self.arrived.notify_all()

    def wait(
        self, predicate: Callable[[FloorSnapshot], bool], timeout: float = 15.0
    ) -> FloorSnapshot:
        deadline = time.monotonic() + timeout
        with self.arrived:
            while True:
                if self.items and predicate(self.items[-1]):
                    return self.items[-1]
                left = deadline - time.monotonic()
                if left <= 0:
                    raise AssertionError(f"no such floor snapshot; last: {self.items[-1:]}")
                self.arrived.wait(left)


def test_the_live_floor_follows_a_replicated_call(
    floor_db: Central, org: dict[str, str], tmp_path: Path, central_secret: str
) -> None:
    url = central_url(floor_db.config(org["sup_n"]), resolve)
    seen = Snapshots()
    watcher = FloorWatcher(url, seen)
    watcher.start()
    journals = {a: Journal(tmp_path / f"live-{a}.db") for a in ("1001", "1003")}
    reps = {
        a: Replicator(journals[a], floor_db.config(org[a]), a, resolve, poll_s=0.05)
        for a in journals
    }
    for rep in reps.values():
        rep.start()
    number = normalise("+44 20 7946 0958", "GB")

    def event(agent: str, call_id: str, state: CallState, who: str = "") -> None:
        journals[agent].record_event(
            CallEvent(
                call_id,
                state,
                "+442079460958",
                "Live Caller",
                called=agent,
                ts=time.time(),
                agent=who,
            ),
            number,
        )
        reps[agent].wake()

    def active(s: FloorSnapshot) -> dict[str, str]:
        return {c.call_id: c.phase for c in s.active}

    try:
        first = seen.wait(lambda s: True)
        assert {c.team for c in first.active} <= {"north"}
        assert first.roster == (("north", "1001"), ("north", "1002"))
        event("1001", "live-1", CallState.RINGING)
        seen.wait(lambda s: active(s).get("live-1") == "ringing")
        event("1001", "live-1", CallState.ANSWERED, "1001")
        seen.wait(lambda s: active(s).get("live-1") == "on_call")
        event("1001", "live-1", CallState.ENDED)
        seen.wait(lambda s: active(s).get("live-1") == "wrap_up")
        journals["1001"].save_wrapup("live-1", "resolved", "done")
        reps["1001"].wake()
        seen.wait(lambda s: "live-1" not in active(s))
        # A missed call is listed until the same number gets through.
        event("1001", "live-2", CallState.RINGING)
        event("1001", "live-2", CallState.MISSED)
        seen.wait(lambda s: "live-2" in {m.call_id for m in s.missed})
        event("1001", "live-3", CallState.RINGING)
        event("1001", "live-3", CallState.ANSWERED, "1001")
        seen.wait(lambda s: "live-2" not in {m.call_id for m in s.missed})
        # Team south's calls never show, however the floor is refreshed.
        count = len(seen.items)
        event("1003", "south-live", CallState.RINGING)
        deadline = time.monotonic() + 10
        while reps["1003"].status().backlog and time.monotonic() < deadline:
            time.sleep(0.05)
        watcher.refresh()
        seen.wait(lambda s: len(seen.items) > count)
        for snapshot in seen.items:
            assert {c.team for c in snapshot.active} <= {"north"}
            assert {m.team for m in snapshot.missed} <= {"north"}
            assert "south-live" not in active(snapshot)
    finally:
        watcher.stop()
        for rep in reps.values():
            rep.stop(drain_s=0)
        for journal in journals.values():
            journal.close()


def test_a_supervisor_page_answers_while_an_agent_holds_what_it_can(
    floor_db: Central, org: dict[str, str]
) -> None:
    holder = floor_db.engine_as(org["1001"])
    conn = holder.connect()
    tx = conn.begin()
    try:
        conn.execute(text("LOCK TABLE screenpop.calls IN ACCESS SHARE MODE"))
        conn.execute(
            text("SELECT screenpop.record_calls(CAST(:b AS jsonb))"),
            {"b": json.dumps([{"call_id": "1001-00", "notes": "held"}])},
        )
        conn.execute(text("SELECT pg_advisory_lock(1)"))
        engine = _sup(floor_db, org["sup_n"])
        try:
            started = time.monotonic()
            with engine.connect() as sup:
                page = fetch_page(sup, LogQuery(), None, 50)
            assert len(page.rows) == 50
            assert time.monotonic() - started < 3.0
        finally:
            engine.dispose()
    finally:
        tx.rollback()
        conn.close()
        holder.dispose()


@pytest.mark.parametrize("sort", ["time", "customer", "pop"])
def test_rare_text_through_the_owners_search_gives_the_same_pages(
    floor_db: Central, org: dict[str, str], monkeypatch: pytest.MonkeyPatch, sort: str
) -> None:
    """With a tiny window every partition goes through supervisor_text_search: same rows."""
    from screenpop.journal import textpage

    queries = [
        LogQuery(search=build_filters(text="box damaged"), sort=sort),
        LogQuery(search=build_filters(text="note 1", since="2026-02-25T12:00"), sort=sort),
        LogQuery(search=build_filters(text="caller 100"), outcomes=("missed",), sort=sort),
        LogQuery(search=build_filters(text="box"), agents=("1002", "1003"), sort=sort),
    ]
    engine = _sup(floor_db, org["sup_n"])
    try:
        with engine.connect() as conn:
            wide = [all_pages(conn, q, 4) for q in queries]
            monkeypatch.setattr(textpage, "WINDOW", 3)
            narrow = [all_pages(conn, q, 4) for q in queries]
    finally:
        engine.dispose()
    for a, b in zip(wide, narrow, strict=True):
        assert [(r.agent, r.call_id) for r in a] == [(r.agent, r.call_id) for r in b]
    boxes = expected(floor_db, {"north"}, lambda r: "box damaged" in (r["notes"] or ""))
    assert {(r.agent, r.call_id) for r in wide[0]} == {(r["agent"], r["call_id"]) for r in boxes}
    assert len(wide[0]) > 8
    assert {r.team for rows in narrow for r in rows} == {"north"}
    with pytest.raises(ValueError, match="at least 3"):
        LogQuery(search=build_filters(text="zz"))


def test_the_search_function_keeps_to_the_supervisors_teams(
    floor_db: Central, org: dict[str, str]
) -> None:
    from sqlalchemy.exc import DBAPIError

    def keys(login: str, *args: str) -> set[str]:
        engine = _sup(floor_db, org[login])
        try:
            with engine.connect() as conn:
                return {
                    agent
                    for agent, _call in conn.execute(
                        text("SELECT * FROM screenpop.supervisor_text_search(:t)"), {"t": "box"}
                    )
                }
        finally:
            engine.dispose()

    assert keys("sup_n") == {"1001", "1002"}
    assert keys("sup_both") == {"1001", "1002", "1003"}
    for login in ("1001",):  # an agent may not use it
        engine = _sup(floor_db, org[login])
        try:
            with pytest.raises(DBAPIError, match="permission denied"), engine.connect() as conn:
                conn.execute(text("SELECT * FROM screenpop.supervisor_text_search('box')")).all()
        finally:
            engine.dispose()
    engine = _sup(floor_db, org["sup_n"])
    try:
        for bad in ("ab", "x" * 201):
            with pytest.raises(DBAPIError, match="3 to 200"), engine.connect() as conn:
                conn.execute(
                    text("SELECT * FROM screenpop.supervisor_text_search(:t)"), {"t": bad}
                ).all()
        with engine.connect() as conn:  # wildcards are literal
            assert (
                conn.execute(
                    text("SELECT count(*) FROM screenpop.supervisor_text_search('%%%')")
                ).scalar()
                == 0
            )
    finally:
        engine.dispose()

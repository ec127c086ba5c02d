"""pytest-qt drives the real supervisor window against the real PostgreSQL with RLS."""

from __future__ import annotations

import csv
import io
import time
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QPlainTextEdit

from screenpop.config.schema import JournalConfig
from screenpop.config.secrets import resolve
from screenpop.events import CallEvent, CallState
from screenpop.journal import Journal
from screenpop.journal.replicate import Replicator
from screenpop.phone import normalise
from screenpop.ui.supervisor import log_view
from tests.journal.central_support import Central
from tests.ui.supervisor.conftest import supervisor_config

WEEK_OF_DATA = (QDate(2026, 2, 25), QDate(2026, 2, 27))


def set_period(window: Any, since: QDate, until: QDate) -> None:
    window.log.filters.since.setDate(since)
    window.log.filters.until.setDate(until)


def apply(qtbot: Any, window: Any) -> None:
    with qtbot.waitSignal(window.log.page_shown, timeout=15000):
        qtbot.mouseClick(window.log.filters.apply, Qt.MouseButton.LeftButton)


def shown(window: Any) -> list[tuple[str, str]]:
    return [(r.agent, r.call_id) for r in window.log.model.rows]


def test_filters_sort_paging_and_detail(
    qtbot: Any, central_db: Central, org: dict[str, str], open_window: Any,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    monkeypatch.setattr(log_view, "PAGE", 25)
    window = open_window(supervisor_config(central_db, org["sup_n"]))
    set_period(window, *WEEK_OF_DATA)
    apply(qtbot, window)
    model = window.log.model
    assert len(model.rows) == 25
    assert model.more
    assert "scroll for more" in window.log.status.text()
    # Scrolling to the end fetches the next pages (keyset), without repeats.
    while model.more:
        with qtbot.waitSignal(window.log.page_shown, timeout=15000):
            window.log.table.scrollToBottom()
            if model.canFetchMore(window.log.table.rootIndex()):
                model.fetchMore(window.log.table.rootIndex())
    assert len(model.rows) == 60 == len(set(shown(window)))
    assert {r.team for r in model.rows} == {"north"}
    times = [r.ringing_at for r in model.rows]
    assert times == sorted(times, reverse=True)

    # Outcome and number (national form, normalised as lookups are).
    window.log.filters.outcome.setCurrentIndex(window.log.filters.outcome.findData("missed"))
    qtbot.keyClicks(window.log.filters.number, "020 7946 0958")
    apply(qtbot, window)
    assert model.rows
    assert {(r.outcome, r.e164) for r in model.rows} == {("missed", "+442079460958")}
    window.log.filters.outcome.setCurrentIndex(0)
    window.log.filters.number.clear()
    qtbot.keyClicks(window.log.filters.text, "box damaged")
    apply(qtbot, window)
    assert model.rows
    assert all("box damaged" in (r.notes or "") for r in model.rows)
    # Bad input: a clear message, the table left as it was.
    before = shown(window)
    window.log.filters.text.setText("zz")
    qtbot.mouseClick(window.log.filters.apply, Qt.MouseButton.LeftButton)
    assert window.log.filters.error.isVisible()
    window.log.filters.text.setText("")
    window.log.filters.number.setText("not a number")
    qtbot.mouseClick(window.log.filters.apply, Qt.MouseButton.LeftButton)
    assert "not a phone number" in window.log.filters.error.text()
    assert shown(window) == before
    window.log.filters.number.setText("")

    # Sorting is the server's: click "Customer" twice (ascending, then descending).
    agent_combo = window.log.filters.agent
    agent_combo.setCurrentIndex(agent_combo.findData("1002"))
    apply(qtbot, window)
    assert {r.agent for r in model.rows} == {"1002"}
    column = [k for k, _ in log_view.COLUMNS].index("customer")
    header = window.log.table.horizontalHeader()
    with qtbot.waitSignal(window.log.page_shown, timeout=15000):
        qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=_section(header, column))
    names = [r.customer_name or "" for r in model.rows]
    assert names == sorted(names, key=str.casefold)
    assert len(set(names)) > 1
    with qtbot.waitSignal(window.log.page_shown, timeout=15000):
        qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=_section(header, column))
    assert next(r.customer_name or "" for r in model.rows) == max(names, key=str.casefold)

    # Double-click opens the detail: timeline, the card's sections, the failures.
    target = next(i for i, r in enumerate(model.rows) if r.outcome == "answered" and r.notes)
    row = model.rows[target]
    index = model.index(target, 0)
    window.log.table.scrollTo(index)
    rect = window.log.table.visualRect(index)
    # Qt 6 item views emit doubleClicked only for the index pressed before.
    qtbot.mouseClick(window.log.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    with qtbot.waitSignal(window.detail_opened, timeout=15000) as opened:
        qtbot.mouseDClick(window.log.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    detail = opened.args[0]
    qtbot.addWidget(detail)
    assert detail.timeline_texts == ["ringing", "answered", "ended", "wrapped_up"]
    assert set(detail.boxes) == {"balance", "purchases", "credit", "cross_sells"}
    assert detail.boxes["balance"].content is not None  # drawn by the pop's own widgets
    assert "800 ms" in detail.boxes["purchases"].status.text()
    assert detail.findChild(type(detail.boxes["balance"].status), "failed-credit") is not None
    assert (
        detail.findChild(type(detail.boxes["balance"].status), "failed-credit")
        .text()
        .endswith("circuit open")
    )
    notes = detail.findChild(QPlainTextEdit, "notes")
    assert notes is not None
    assert notes.toPlainText() == row.notes


def _section(header: Any, column: int) -> Any:
    from PySide6.QtCore import QPoint

    x = header.sectionViewportPosition(column) + header.sectionSize(column) // 2
    return QPoint(x, header.height() // 2)


def test_the_live_floor_follows_a_replicated_agent(
    qtbot: Any, central_db: Central, org: dict[str, str], open_window: Any, tmp_path: Path
) -> None:
    window = open_window(supervisor_config(central_db, org["sup_n"]))
    floor = window.floor
    qtbot.waitUntil(lambda: floor.snapshot is not None, timeout=15000)
    assert [r[:3] for r in floor.agent_rows()] == [
        ["1001", "north", "idle"],
        ["1002", "north", "idle"],
    ]
    journals = {a: Journal(tmp_path / f"{a}.db") for a in ("1001", "1003")}
    reps = {
        a: Replicator(
            journals[a], JournalConfig(central=central_db.url(org[a])), a, resolve, poll_s=0.05
        )
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
                "Floor Caller",
                called=agent,
                ts=time.time(),
                agent=who,
            ),
            number,
        )
        reps[agent].wake()

    def now_of(agent: str) -> str:
        return next(r[2] for r in floor.agent_rows() if r[0] == agent)

    try:
        event("1001", "f-1", CallState.RINGING)
        qtbot.waitUntil(lambda: now_of("1001") == "ringing", timeout=15000)
        event("1001", "f-1", CallState.ANSWERED, "1001")
        qtbot.waitUntil(lambda: now_of("1001") == "on call", timeout=15000)
        row = next(r for r in floor.agent_rows() if r[0] == "1001")
        assert row[4] == "Floor Caller"
        assert ":" in row[3]
        event("1001", "f-1", CallState.ENDED)
        qtbot.waitUntil(lambda: now_of("1001") == "wrap-up", timeout=15000)
        journals["1001"].save_wrapup("f-1", "resolved", "ok")
        reps["1001"].wake()
        qtbot.waitUntil(lambda: now_of("1001") == "idle", timeout=15000)
        # Missed, listed until the same number gets through.
        event("1001", "f-2", CallState.RINGING)
        event("1001", "f-2", CallState.MISSED)
        qtbot.waitUntil(lambda: any(r[1] == "1001" for r in floor.missed_rows()), timeout=15000)
        event("1001", "f-3", CallState.RINGING)
        event("1001", "f-3", CallState.ANSWERED, "1001")
        qtbot.waitUntil(lambda: not floor.missed_rows(), timeout=15000)
        # Team south's agent rings: never on this supervisor's floor.
        event("1003", "f-south", CallState.RINGING)
        qtbot.waitUntil(lambda: reps["1003"].status().backlog == 0, timeout=15000)
        window.session.refresh_floor()
        snapshots = []
        floor.shown.connect(snapshots.append)
        qtbot.waitUntil(lambda: bool(snapshots), timeout=15000)
        assert all(r[0] != "1003" for r in floor.agent_rows())
        assert all(c.team == "north" for s in snapshots for c in s.active)
    finally:
        for rep in reps.values():
            rep.stop(drain_s=0)
        for journal in journals.values():
            journal.close()


def _cli(central: Central, login: str, tmp_path: Path, *args: str) -> list[list[str]]:
    import contextlib

    from screenpop.cli import main

    config = tmp_path / "cli.toml"
    config.write_text(f'[journal]\ncentral = "{central.url(login)}"\n')
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert main(["journal", "export", "--config", str(config), "--central", *args]) == 0
    return list(csv.reader(io.StringIO(out.getvalue())))


def test_exports_have_the_same_rows_as_journal_export(
    qtbot: Any, central_db: Central, org: dict[str, str], open_window: Any, tmp_path: Path
) -> None:
    from openpyxl import load_workbook

    window = open_window(supervisor_config(central_db, org["sup_both"]))
    set_period(window, *WEEK_OF_DATA)
    window.log.filters.outcome.setCurrentIndex(window.log.filters.outcome.findData("missed"))
    apply(qtbot, window)
    with qtbot.waitSignal(window.exported, timeout=30000) as done:
        window.export_log(tmp_path / "calls.csv", "csv")
    assert done.args[0].rows == 18
    since = window.log.query.search.since
    until = window.log.query.search.until
    from screenpop.journal.export import iso_utc

    cli = _cli(central_db, org["sup_both"], tmp_path, "--state", "missed",
               "--since", iso_utc(since), "--until", iso_utc(until))  # fmt: skip
    ours = list(csv.reader(io.StringIO((tmp_path / "calls.csv").read_text(encoding="utf-8-sig"))))
    assert ours == cli
    assert len(ours) == 19
    with qtbot.waitSignal(window.exported, timeout=30000):
        window.export_log(tmp_path / "calls.xlsx", "xlsx")
    sheet = load_workbook(tmp_path / "calls.xlsx")["Calls"]
    rows = [[c.value for c in r] for r in sheet.iter_rows()]
    assert rows[0] == cli[0]
    assert [(r[0], r[2]) for r in rows[1:]] == [(r[0], r[2]) for r in cli[1:]]
    # Cancel: nothing written.
    runner = window.export_log(tmp_path / "cancelled.xlsx", "xlsx")
    runner.cancel()
    qtbot.waitUntil(
        lambda: "cancelled" in window.message.text() or (tmp_path / "cancelled.xlsx").exists(),
        timeout=15000,
    )
    if "cancelled" in window.message.text():
        assert not (tmp_path / "cancelled.xlsx").exists()
    assert not list(tmp_path.glob("*.part"))


def test_a_team_a_supervisor_sees_no_team_b_call_anywhere(
    qtbot: Any, central_db: Central, org: dict[str, str], open_window: Any, tmp_path: Path
) -> None:
    window = open_window(supervisor_config(central_db, org["sup_n"]))
    set_period(window, *WEEK_OF_DATA)
    apply(qtbot, window)
    filters = window.log.filters
    qtbot.waitUntil(lambda: filters.team.count() == 2, timeout=15000)
    assert [filters.team.itemData(i) for i in range(filters.team.count())] == ["", "north"]
    assert [filters.agent.itemData(i) for i in range(filters.agent.count())] == ["", "1001", "1002"]
    assert {r.team for r in window.log.model.rows} == {"north"}
    # Typing team B's number or text finds nothing of B's.
    filters.text.setText("1003 note")
    apply(qtbot, window)
    assert window.log.model.rows == []
    filters.text.setText("")
    apply(qtbot, window)
    # Figures: team north's calls only.
    window.tabs.setCurrentWidget(window.figures)
    qtbot.waitUntil(lambda: window.figures.figures is not None, timeout=15000)
    assert window.figures.figures.total.offered == 60
    # Export: north only.
    with qtbot.waitSignal(window.exported, timeout=30000):
        window.export_log(tmp_path / "n.csv", "csv")
    rows = list(csv.DictReader(io.StringIO((tmp_path / "n.csv").read_text(encoding="utf-8-sig"))))
    assert {r["team"] for r in rows} == {"north"}
    assert len(rows) == 60
    # Floor: roster of north only.
    qtbot.waitUntil(lambda: window.floor.snapshot is not None, timeout=15000)
    assert {r[1] for r in window.floor.agent_rows()} == {"north"}


def test_figures_tab_shows_journal_stats_and_exports_them(
    qtbot: Any, central_db: Central, org: dict[str, str], open_window: Any, tmp_path: Path
) -> None:
    window = open_window(supervisor_config(central_db, org["sup_both"]))
    set_period(window, *WEEK_OF_DATA)
    apply(qtbot, window)
    with qtbot.waitSignal(window.figures.shown, timeout=15000) as shown_:
        window.tabs.setCurrentWidget(window.figures)
    figures = shown_.args[0]
    assert figures.total.offered == 90
    assert figures.total.missed == 18
    assert sum(sum(b.values) for b in window.figures.chart.bars) == 90
    with qtbot.waitSignal(window.figures.shown, timeout=15000) as hourly:
        window.figures.bucket.setCurrentIndex(1)
    assert hourly.args[0].bucket == "hour"
    assert len(hourly.args[0].series) == 30
    with qtbot.waitSignal(window.exported, timeout=15000):
        window.export_figures(tmp_path / "f.csv", "csv")
    first = next(csv.DictReader(io.StringIO((tmp_path / "f.csv").read_text(encoding="utf-8-sig"))))
    assert (first["group"], first["offered"]) == ("all", "90")


def test_an_unreachable_central_is_said_in_words_and_the_floor_retries(
    qtbot: Any, central_db: Central, org: dict[str, str], open_window: Any
) -> None:
    from tests.peers import free_port

    config = supervisor_config(central_db, org["sup_n"])
    dead = config.model_copy(
        update={"supervisor": config.supervisor.model_copy(
            update={"central": central_db.url(org["sup_n"], port=free_port())}
        )}
    )  # fmt: skip
    window = open_window(dead)
    qtbot.waitUntil(
        lambda: "cannot reach the database server" in window.log.status.text(), timeout=20000
    )
    assert window.log.model.rows == []
    qtbot.waitUntil(lambda: "reconnecting" in window.floor.health.text(), timeout=20000)

"""The demo's service-side calls: repeat callers, an open warranty case, and
accounting really down for one call-back (its file locked by the demo bridge).

The lock is real (SQLite's own, on the built accounting.db); the lookups run
through the product's path (``screenpop lookup --json``, ``screenpop demo
--headless``).
"""

from __future__ import annotations

import asyncio
import json
import logging
import os
import shutil
import sqlite3
import subprocess
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from screenpop.bridges import demo as demo_bridge
from screenpop.bridges.demo import DemoBridgeImpl
from screenpop.bridges.registry import BridgeContext
from screenpop.cli import main
from screenpop.config.loader import user_data_dir
from screenpop.config.schema import DemoBridge
from screenpop.demo.accounts import AS_OF
from screenpop.demo.build import CONFIG_FILE, DemoSet, render_config
from screenpop.demo.outage import Outage
from screenpop.demo.scenario import DemoCall
from screenpop.events import CallEvent, CallState


def read(db: Path, sql: str, *args: object) -> list[tuple[Any, ...]]:
    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=0.2)
    try:
        return con.execute(sql, args).fetchall()
    finally:
        con.close()


def down_call(demo: DemoSet) -> tuple[int, DemoCall]:
    found = [(i, c) for i, c in enumerate(demo.calls) if c.outage]
    assert len(found) == 1
    return found[0]


# ------------------------------------------------------------ the script --


def test_the_down_call_follows_an_earlier_call_of_the_same_customer(full_demo: DemoSet) -> None:
    i, down = down_call(full_demo)
    assert down.outage == str(full_demo.accounting)
    assert len(down.customer_ids) == 1
    (customer,) = down.customer_ids
    assert down.account == customer  # keyed into the IVR
    assert down.answer
    earlier = [c for c in full_demo.calls[:i] if c.customer_ids == down.customer_ids]
    assert len(earlier) == 1
    assert earlier[0].answer
    assert not earlier[0].outage
    assert not earlier[0].account  # a different cache key from the call-back
    # Only the down-call takes anything down.
    assert sum(bool(c.outage) for c in full_demo.calls) == 1
    # Something to show as last known: accounting has a balance for them.
    ((balance,),) = read(
        full_demo.accounting, "SELECT balance FROM ar WHERE customer_id = ?", customer
    )
    assert balance > 0


def test_a_customer_with_an_open_warranty_case_calls_twice(full_demo: DemoSet) -> None:
    under = {
        r[0]
        for r in read(
            full_demo.service,
            "SELECT customer_id FROM cases WHERE status <> 'closed' AND warranty_until >= ?",
            AS_OF.isoformat(),
        )
    }
    theirs = [c for c in full_demo.calls if len(c.customer_ids) == 1 and c.customer_ids[0] in under]
    assert len(theirs) == 2
    first, second = theirs
    assert first.customer_ids == second.customer_ids
    assert not first.answer  # missed: the call-back's history shows it
    assert second.answer
    assert full_demo.calls.index(first) < full_demo.calls.index(second)


def test_some_customers_call_again_so_history_has_content(full_demo: DemoSet) -> None:
    callers = Counter(c.customer_ids for c in full_demo.calls if len(c.customer_ids) == 1)
    assert sum(n > 1 for n in callers.values()) >= 2


# --------------------------------------------------------------- the lock --


def test_accounting_is_in_rollback_mode_and_an_outage_locks_readers_out(
    full_demo: DemoSet, tmp_path: Path
) -> None:
    db = tmp_path / "accounting.db"
    shutil.copyfile(full_demo.accounting, db)
    assert read(db, "PRAGMA journal_mode") == [("delete",)]
    assert read(db, "SELECT count(*) FROM ar")[0][0] > 4000
    outage = Outage(db)
    try:
        assert outage.active
        with pytest.raises(sqlite3.OperationalError, match="database is locked"):
            read(db, "SELECT count(*) FROM ar")
    finally:
        outage.end()
    outage.end()  # twice is harmless
    assert not outage.active
    assert read(db, "SELECT count(*) FROM ar")[0][0] > 4000


def test_an_outage_of_a_missing_file_is_refused_and_creates_nothing(tmp_path: Path) -> None:
    with pytest.raises(OSError, match="cannot open"):
        Outage(tmp_path / "gone.db")
    assert list(tmp_path.iterdir()) == []


def lookup_json(config: Path, number: str, capsys: pytest.CaptureFixture[str]) -> dict[str, Any]:
    capsys.readouterr()
    assert main(["lookup", number, "--config", str(config), "--json"]) == 0
    return json.loads(capsys.readouterr().out)  # type: ignore[no-any-return]


def test_lookup_with_accounting_down_still_knows_the_caller(
    full_demo: DemoSet, capsys: pytest.CaptureFixture[str]
) -> None:
    """The real failure the down-call meets: accounting locked, the web shop identifies."""
    _, down = down_call(full_demo)
    up = lookup_json(full_demo.config, down.number, capsys)
    assert up["customer"]["customer_id"] == down.customer_ids[0]
    assert up["sections"]["balance"]["status"] == "ok"
    outage = Outage(down.outage)
    try:
        card = lookup_json(full_demo.config, down.number, capsys)
    finally:
        outage.end()
    assert card["customer"]["customer_id"] == down.customer_ids[0]
    balance = card["sections"]["balance"]
    assert balance["status"] in ("timeout", "unavailable")
    assert balance["reason_code"] == "sql.locked"
    assert [f["source"] for f in card["identify_failed"]] == ["accounting"]
    assert card["sections"]["purchases"]["status"] == "ok"


# ------------------------------------------------------------- the bridge --


def run_bridge(calls: tuple[DemoCall, ...], n: int, probe: Path | None) -> list[Any]:
    """Ring ``n`` calls; after each event, note whether ``probe`` could be read."""
    cfg = DemoBridge(kind="demo", name="demo-test", interval=0.6, ring_seconds=0.05, calls=n)
    bridge = DemoBridgeImpl(
        cfg,
        BridgeContext(extension="agent", secret=lambda ref: "", demo_calls=calls),
        first_ring_s=0.01,
        talk_s=0.05,
    )
    seen: list[Any] = []

    def readable() -> bool:
        if probe is None:
            return True
        try:
            read(probe, "SELECT count(*) FROM ar")
        except sqlite3.OperationalError:
            return False
        return True

    async def go() -> None:
        done = asyncio.Event()

        def emit(event: CallEvent) -> None:
            seen.append((event, readable()))
            if sum(e.state in (CallState.ENDED, CallState.MISSED) for e, _ in seen) == n:
                done.set()

        task = asyncio.create_task(bridge.run(emit, lambda *_: None))
        await asyncio.wait_for(done.wait(), timeout=10)
        await asyncio.sleep(0.5)  # the outage's floor passes
        seen.append(("after", readable()))
        task.cancel()
        with pytest.raises(asyncio.CancelledError):
            await task

    asyncio.run(go())
    return seen


def test_the_bridge_takes_the_department_down_while_the_call_rings(
    full_demo: DemoSet, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(demo_bridge, "OUTAGE_MIN_S", 0.3)
    db = tmp_path / "accounting.db"
    shutil.copyfile(full_demo.accounting, db)
    calls = (
        DemoCall("+441914980140", "", "up", ("12748",), True),
        DemoCall("+441914980140", "", "down", ("12748",), True, account="12748", outage=str(db)),
    )
    seen = run_bridge(calls, 2, db)
    events = [(e, ok) for e, ok in seen if isinstance(e, CallEvent)]
    first = [(e.state, ok) for e, ok in events if e.call_id.startswith("demo-1-")]
    second = [(e, ok) for e, ok in events if e.call_id.startswith("demo-2-")]
    assert first == [
        (CallState.RINGING, True),
        (CallState.ANSWERED, True),
        (CallState.ENDED, True),
    ]
    assert (second[0][0].state, second[0][1]) == (CallState.RINGING, False)  # down
    assert all(dict(e.attached) == {"account": "12748"} for e, _ in second)
    assert all(not e.attached for e, _ in events if e.call_id.startswith("demo-1-"))
    assert seen[-1] == ("after", True)  # back once the ring and the floor are over


def test_a_department_that_cannot_be_taken_down_still_rings(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    calls = (
        DemoCall("+441914980140", "", "down", ("12748",), False, outage=str(tmp_path / "x.db")),
    )
    with caplog.at_level(logging.WARNING, logger="screenpop.bridges.demo"):
        seen = run_bridge(calls, 1, None)
    assert [e.state for e, _ in seen if isinstance(e, CallEvent)] == [
        CallState.RINGING,
        CallState.MISSED,
    ]
    assert "rings with the department up" in caplog.text
    assert not (tmp_path / "x.db").exists()


# ---------------------------------------------------------- end to end --


@pytest.mark.slow
def test_demo_rings_the_down_call_for_real(full_demo: DemoSet) -> None:
    """``screenpop demo --headless`` up to the call after the down-call, journaled."""
    i, down = down_call(full_demo)
    target = user_data_dir() / "demo"
    shutil.copytree(full_demo.root, target)  # reused as it is: the stamp matches
    # Its sources at the copy (the outage locks the copy's accounting.db), and
    # short rings, so the test is quick; the interval stays above the outage's floor.
    (target / CONFIG_FILE).write_text(
        render_config(target).replace("ring_seconds = 5.0", "ring_seconds = 0.3"),
        encoding="utf-8",
    )
    n = i + 2
    res = subprocess.run(
        [sys.executable, "-m", "screenpop", "demo", "--headless", "--calls", str(n),
         "--interval", str(demo_bridge.OUTAGE_MIN_S + 0.4)],
        capture_output=True, text=True, timeout=600, env=os.environ.copy(),
    )  # fmt: skip
    assert res.returncode == 0, res.stderr[-3000:]
    pops = [json.loads(line) for line in res.stdout.splitlines()]
    assert len(pops) == n
    customer = down.customer_ids[0]
    mine = [p for p in pops if (p.get("customer") or {}).get("customer_id") == customer]
    assert len(mine) == 2
    before, during = mine
    assert before["sections"]["balance"]["status"] == "ok"
    assert during["sections"]["balance"].get("reason_code") == "sql.locked", during
    assert [f["source"] for f in during["identify_failed"]] == ["accounting"]
    # The pop shows the balance of the earlier call, marked with its time.
    last = during["sections"]["balance"]["last_known"]
    assert last["data"] == before["sections"]["balance"]["data"]
    assert "credit" not in during["sections"] or "last_known" not in during["sections"]["credit"]
    # The earlier call is in the history, from this desk's journal.
    history = during["sections"]["history"]
    assert history["source"] == "local"
    assert [h["state"] for h in history["data"]][:1] == ["answered"], history
    after = pops[-1]  # the call after the outage: accounting is back
    assert after["sections"]["balance"]["status"] == "ok", after["sections"]["balance"]
    con = sqlite3.connect(target / "journal.db")
    try:
        journaled = con.execute(
            "SELECT call_id, ringing_at, card_json, failed_sections FROM calls "
            "WHERE customer_id = ? ORDER BY ringing_at",
            (customer,),
        ).fetchall()
    finally:
        con.close()
    assert [r[0] for r in journaled] == [before["call_id"], during["call_id"]]
    snapshot = json.loads(journaled[0][2])
    assert snapshot["sections"]["balance"]["status"] == "ok"
    assert snapshot["sections"]["balance"]["data"]["balance"] > 0
    assert "balance" in json.loads(journaled[1][3])

"""``screenpop lookup NUMBER --json`` with the customer's history and last known data
(issue 13), as users' scripts run it: a real process, real SQLite sources, a
real workstation journal and, for the organisation's history, the real central
PostgreSQL set up with the shipped SQL and real agent logins.
"""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text

from screenpop.card import Card, Match, Section, Status
from screenpop.events import CallEvent, CallState
from screenpop.journal import Journal
from screenpop.phone import normalise
from tests import sampledb
from tests.journal.central_support import Central, Spec, TcpProxy, replicate
from tests.peers import free_port

OLIVER = "+442079460958"  # C-200 in the sample databases
CUSTOMER = ("C-200", "Oliver Brown")
NOW = time.time()
HOUR = 3600.0


def lookup(config: Path, number: str = OLIVER) -> dict[str, Any]:
    res = subprocess.run(
        [sys.executable, "-m", "screenpop", "lookup", number, "--config", str(config), "--json"],
        capture_output=True,
        text=True,
        timeout=60,
        env=os.environ.copy(),
    )
    assert res.returncode == 0, res.stderr
    card: dict[str, Any] = json.loads(res.stdout)
    return card


def write_config(tmp_path: Path, dbs: dict[str, Path], journal: Path, extra: str = "") -> Path:
    path = tmp_path / "agent.toml"
    body = sampledb.config_text(dbs, extra=f'\n[journal]\nlocal = "{journal}"\n{extra}')
    path.write_text(body.replace('extension = "agent"', 'extension = "1001"'), encoding="utf-8")
    return path


@pytest.fixture
def dbs(tmp_path: Path) -> dict[str, Path]:
    return sampledb.build(tmp_path / "db")


def oliver(call_id: str, at: float, outcome: str = "answered", **kw: Any) -> Spec:
    return Spec(call_id, at, outcome, number=OLIVER, customer=CUSTOMER, **kw)


# ------------------------------------------------------------------ history --


def test_history_from_this_desk_when_there_is_no_central(
    tmp_path: Path, dbs: dict[str, Path]
) -> None:
    desk = tmp_path / "desk.db"
    with Journal(desk) as journal:
        from tests.journal.central_support import journal_calls

        journal_calls(
            journal,
            "1001",
            [
                oliver("o-1", NOW - 3 * HOUR, notes="asked for a catalogue"),
                oliver("o-2", NOW - 2 * HOUR, "missed"),
                oliver("o-3", NOW - 1 * HOUR, "elsewhere"),
                Spec("x-1", NOW - 30, customer=("C-100", "Aino"), notes="someone else"),
            ],
        )
    config = write_config(tmp_path, dbs, desk, "[history]\nlimit = 3\n")
    history = lookup(config)["sections"]["history"]
    assert history["status"] == "ok"
    assert history["source"] == "local"
    assert [(e["agent"], e["state"], e["disposition"], e["notes"]) for e in history["data"]] == [
        ("someone-else", "answered_elsewhere", None, None),
        ("1001", "missed", None, None),
        ("1001", "answered", "resolved", "asked for a catalogue"),
    ]
    assert history["data"][2]["time"] == datetime.fromtimestamp(NOW - 3 * HOUR, UTC).isoformat()


def _org(central: Central, tmp_path: Path) -> tuple[str, Path]:
    """Agent 1002 (south) took Oliver's last calls; 1001 (north) is this desk."""
    a = central.agent("a", "1001", "north")
    b = central.agent("b", "1002", "south")
    replicate(
        central,
        b,
        "1002",
        tmp_path / "b.db",
        [
            oliver("b-1", NOW - 2 * HOUR, notes="box damaged, refund agreed"),
            oliver("b-2", NOW - 1 * HOUR, disposition="follow-up", notes="refund sent"),
            Spec("b-other", NOW - 600, customer=("C-300", "Greta"), notes="B's other customer"),
        ],
    )
    replicate(
        central,
        a,
        "1001",
        tmp_path / "a.db",
        [oliver("a-1", NOW - 5 * HOUR, notes="first order")],
    )
    return a, tmp_path / "a.db"


def test_history_from_central_through_the_door_not_the_table(
    central: Central, tmp_path: Path, dbs: dict[str, Path]
) -> None:
    login, desk = _org(central, tmp_path)
    config = write_config(
        tmp_path, dbs, desk, f'central = "{central.url(login)}"\n[history]\nlimit = 5\n'
    )
    history = lookup(config)["sections"]["history"]
    assert history["source"] == "central"
    assert [(e["agent"], e["disposition"], e["notes"]) for e in history["data"]] == [
        ("1002", "follow-up", "refund sent"),
        ("1002", "resolved", "box damaged, refund agreed"),
        ("1001", "resolved", "first order"),
    ]
    # The same login still cannot list other agents' calls: RLS as before.
    engine = central.engine_as(login)
    try:
        with engine.connect() as conn:
            rows = conn.execute(text("SELECT call_id FROM screenpop.calls ORDER BY 1")).scalars()
            assert list(rows) == ["a-1"]
            assert (
                conn.execute(
                    text("SELECT count(*) FROM screenpop.calls WHERE customer_id = 'C-300'")
                ).scalar()
                == 0
            )
    finally:
        engine.dispose()


def test_history_falls_back_to_this_desk_when_central_is_down_or_hangs(
    central: Central, tmp_path: Path, dbs: dict[str, Path]
) -> None:
    login, desk = _org(central, tmp_path)
    local_only = [("1001", "resolved", "first order")]

    # Down: nothing listens where central should be.
    down = write_config(tmp_path, dbs, desk, f'central = "{central.url(login, free_port())}"\n')
    started = time.monotonic()
    history = lookup(down)["sections"]["history"]
    took_down = time.monotonic() - started
    assert history["source"] == "local"
    assert [(e["agent"], e["disposition"], e["notes"]) for e in history["data"]] == local_only

    # Hung: the server accepts and never answers. The card does not wait for it.
    proxy = TcpProxy(free_port())
    proxy.forward = False
    proxy.up()
    try:
        hung = write_config(tmp_path, dbs, desk, f'central = "{central.url(login, proxy.port)}"\n')
        started = time.monotonic()
        card = lookup(hung)
        took = time.monotonic() - started
    finally:
        proxy.down()
    history = card["sections"]["history"]
    assert history["source"] == "local"
    assert [(e["agent"], e["disposition"], e["notes"]) for e in history["data"]] == local_only
    assert card["latency_ms"]["history"] < 800  # [history] timeout_ms, local included
    # Nor does the process wait for the connect timeout (3 s) before it exits.
    assert took < took_down + 2.0


# --------------------------------------------------------------- last known --


def _card(balance: float) -> Card:
    customer = Match(*CUSTOMER)
    return Card(
        number=normalise(OLIVER, "GB"),
        customer=customer,
        matches=(customer,),
        sections={
            "balance": Section(
                Status.OK, {"balance": balance, "currency": "GBP"}, source="accounting"
            ),
            "credit": Section(Status.OK, {"limit": 1000, "terms": "Net 15"}, source="credit"),
        },
    )


def _journal_card(journal: Journal, call_id: str, at: float, card: Card) -> None:
    event = CallEvent(call_id, CallState.RINGING, OLIVER, "Oliver", "1001", ts=at)
    journal.record_event(event, normalise(OLIVER, "GB"))
    journal.record_card(call_id, card, 5.0)


def test_last_known_for_a_section_whose_source_went_down(
    tmp_path: Path, dbs: dict[str, Path]
) -> None:
    desk = tmp_path / "desk.db"
    with Journal(desk) as journal:
        _journal_card(journal, "old", NOW - 30 * HOUR, _card(1.0))  # older than max_age
        _journal_card(journal, "good", NOW - 2 * HOUR, _card(42.5))
        _journal_card(journal, "broken", NOW - 1 * HOUR, _card(7.0))
    with sqlite3.connect(desk) as db:  # a damaged snapshot, newest of all
        db.execute("UPDATE calls SET card_json = '{\"sections\": [1, ' WHERE call_id = 'broken'")
    config = write_config(tmp_path, dbs, desk)
    assert "last_known" not in lookup(config)["sections"]["balance"]  # all up: none

    # Accounting's balance table and the credit database go away after those calls.
    with sqlite3.connect(dbs["acct"]) as db:
        db.execute("DROP TABLE ar")
    with sqlite3.connect(dbs["credit"]) as db:
        db.execute("DROP TABLE credit")
    sections = lookup(config)["sections"]
    balance = sections["balance"]
    assert balance["status"] == "unavailable"
    assert "ar" in balance["error"]  # the failure is still said
    assert balance["last_known"] == {
        "as_of": datetime.fromtimestamp(NOW - 2 * HOUR, UTC).isoformat(),
        "data": {"balance": 42.5, "currency": "GBP"},
    }
    assert sections["credit"]["status"] == "unavailable"
    assert "last_known" not in sections["credit"]  # never terms from stale data

    # Only snapshots younger than max_age stand in.
    younger = write_config(tmp_path, dbs, desk, "[last_known]\nmax_age_h = 1.5\n")
    assert "last_known" not in lookup(younger)["sections"]["balance"]
    with sqlite3.connect(desk) as db:
        db.execute("UPDATE calls SET card_json = 'not json' WHERE call_id = 'good'")
    assert "last_known" not in lookup(config)["sections"]["balance"]  # 30 h old is not used

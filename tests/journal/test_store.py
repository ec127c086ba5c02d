"""The journal's behaviour: how events, cards, outcomes and wrap-ups end up in a call's row."""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

import pytest

from screenpop.events import CallState
from screenpop.journal import Journal, JournalError
from tests.journal.conftest import ev, make_card


def record(journal: Journal, *args: object, **kwargs: object) -> None:
    journal.record_event(*ev(*args, **kwargs))  # type: ignore[arg-type]


def test_creates_parent_folder_and_uses_wal(journal_path: Path, journal: Journal) -> None:
    assert journal_path.exists()
    con = sqlite3.connect(journal_path)
    try:
        assert con.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    finally:
        con.close()


def test_ringing_answered_ended(journal: Journal) -> None:
    record(journal, "c1", CallState.RINGING, 1000.0)
    first = journal.get("c1")
    assert first is not None
    assert first.state == "ringing"
    assert first.ringing_at == 1000.0
    assert first.number == "+44 20 7946 0958"  # as received: the journal is protected data
    assert first.e164 == "+442079460958"
    assert (first.caller_name, first.called, first.bridge) == ("Alice Example", "agent", "demo")
    record(journal, "c1", CallState.ANSWERED, 1004.5, agent="agent-17")
    record(journal, "c1", CallState.ENDED, 1100.0)
    rec = journal.get("c1")
    assert rec is not None
    assert rec.state == "ended"
    assert (rec.ringing_at, rec.answered_at, rec.ended_at) == (1000.0, 1004.5, 1100.0)
    assert rec.answered_by == "agent-17"
    assert not rec.answered_elsewhere
    assert [e.state for e in journal.events("c1")] == ["ringing", "answered", "ended"]


def test_ringing_missed(journal: Journal) -> None:
    record(journal, "c2", CallState.RINGING, 2000.0)
    record(journal, "c2", CallState.MISSED, 2030.0)
    rec = journal.get("c2")
    assert rec is not None
    assert rec.state == "missed"
    assert rec.answered_at is None
    assert rec.ended_at == 2030.0


def test_answered_elsewhere_outcome(journal: Journal) -> None:
    record(journal, "c3", CallState.RINGING, 3000.0)
    record(journal, "c3", CallState.ANSWERED, 3005.0, agent="agent-42")
    journal.record_outcome(
        "c3", CallState.ENDED, answered_by="agent-42", answered_elsewhere=True, at=3006.0
    )
    rec = journal.get("c3")
    assert rec is not None
    assert rec.state == "ended"
    assert rec.answered_elsewhere
    assert rec.answered_by == "agent-42"
    assert rec.answered_at == 3005.0
    assert rec.ended_at == 3006.0


def test_outcome_keeps_event_times_and_overrides_state(journal: Journal) -> None:
    record(journal, "c4", CallState.RINGING, 100.0)
    record(journal, "c4", CallState.ENDED, 140.0)
    journal.record_outcome("c4", CallState.MISSED, at=150.0)
    rec = journal.get("c4")
    assert rec is not None
    assert rec.state == "missed"
    assert rec.ended_at == 140.0  # the bridge saw it end then; the core concluded later


def test_outcome_for_unknown_call_creates_row(journal: Journal) -> None:
    journal.record_outcome("ghost", CallState.MISSED, at=500.0)
    rec = journal.get("ghost")
    assert rec is not None
    assert (rec.state, rec.ringing_at, rec.ended_at) == ("missed", 500.0, 500.0)


def test_out_of_order_ended_before_ringing(journal: Journal) -> None:
    record(journal, "c5", CallState.ENDED, 110.0, number="", name="", called="")
    rec = journal.get("c5")
    assert rec is not None
    # An end with no answer seen (yet) is a missed call, until an answer says otherwise.
    assert (rec.state, rec.number, rec.caller_name) == ("missed", "", "")
    record(journal, "c5", CallState.RINGING, 100.0)
    assert journal.get("c5").state == "missed"  # type: ignore[union-attr]
    record(journal, "c5", CallState.ANSWERED, 103.0, agent="agent")
    rec = journal.get("c5")
    assert rec is not None
    # The answer (older than the end) says it was taken; a late ringing never moves it back.
    assert rec.state == "ended"
    assert (rec.ringing_at, rec.answered_at, rec.ended_at) == (100.0, 103.0, 110.0)
    # Blanks are filled in by the later events.
    assert rec.number == "+44 20 7946 0958"
    assert rec.e164 == "+442079460958"
    assert (rec.caller_name, rec.called) == ("Alice Example", "agent")
    assert [e.state for e in journal.events("c5")] == ["ended", "ringing", "answered"]


def test_duplicate_events_keep_first_times_and_values(journal: Journal) -> None:
    record(journal, "c6", CallState.RINGING, 100.0, name="First")
    record(journal, "c6", CallState.RINGING, 101.0, name="Second")
    record(journal, "c6", CallState.ENDED, 120.0)
    record(journal, "c6", CallState.ENDED, 125.0)
    rec = journal.get("c6")
    assert rec is not None
    assert (rec.ringing_at, rec.ended_at, rec.caller_name) == (100.0, 120.0, "First")
    assert len(journal.events("c6")) == 4


def test_record_card(journal: Journal) -> None:
    record(journal, "c7", CallState.RINGING, 100.0)
    card = make_card()
    journal.record_card("c7", card, 12.75)
    rec = journal.get("c7")
    assert rec is not None
    assert (rec.customer_id, rec.customer_name, rec.matches) == ("17850", "Acme Ltd", 1)
    assert rec.pop_latency_ms == 12.75
    assert rec.failed_sections == ("purchases", "credit")
    assert journal.card_json("c7") == card.to_json()
    assert journal.card_json("nope") is None


def test_record_card_unknown_customer_and_odd_data(journal: Journal) -> None:
    from datetime import date
    from decimal import Decimal

    from screenpop.card import Section, Status

    record(journal, "c8", CallState.RINGING, 100.0)
    card = make_card(customer=None)
    # Sources may hand over driver types (Decimal, date); the snapshot must not fail on them.
    card = card.with_section(
        "balance", Section(Status.OK, data={"balance": Decimal("1.50"), "on": date(2026, 1, 2)})
    )
    journal.record_card("c8", card, 3.0)
    rec = journal.get("c8")
    assert rec is not None
    assert (rec.customer_id, rec.customer_name, rec.matches) == (None, None, 0)
    snap = journal.card_json("c8")
    assert snap is not None
    assert snap["sections"]["balance"]["data"] == {"balance": 1.5, "on": "2026-01-02"}


def test_record_card_before_any_event_keeps_it(journal: Journal) -> None:
    journal.record_card("early", make_card(), 5.0)
    record(journal, "early", CallState.RINGING, 100.0)
    rec = journal.get("early")
    assert rec is not None
    assert rec.customer_id == "17850"
    assert rec.ringing_at == 100.0
    assert rec.e164 == "+442079460958"


def test_wrapup_and_drafts(journal: Journal) -> None:
    record(journal, "c9", CallState.RINGING, 100.0)
    journal.save_notes_draft("c9", "asked about inv")
    rec = journal.get("c9")
    assert rec is not None
    assert rec.notes_draft == "asked about inv"
    assert rec.notes is None
    journal.save_notes_draft("c9", "asked about invoice 4711")
    journal.save_wrapup("c9", "invoice query", "asked about invoice 4711; resent")
    rec = journal.get("c9")
    assert rec is not None
    assert rec.disposition == "invoice query"
    assert rec.notes == "asked about invoice 4711; resent"
    assert rec.notes_draft is None  # the draft became the notes
    assert rec.wrapped_up_at is not None


def test_unknown_call_id_errors(journal: Journal) -> None:
    with pytest.raises(JournalError, match="no call 'missing'"):
        journal.save_wrapup("missing", "sale", "")
    with pytest.raises(JournalError, match="no call 'missing'"):
        journal.save_notes_draft("missing", "x")
    assert journal.get("missing") is None


def _populate(journal: Journal) -> None:
    record(journal, "a", CallState.RINGING, 1000.0, number="+44 20 7946 0958", name="Alice Example")
    record(journal, "a", CallState.ANSWERED, 1004.0, agent="agent")
    record(journal, "a", CallState.ENDED, 1010.0)
    record(journal, "b", CallState.RINGING, 2000.0, number="01632 960123", name="Bob Builder")
    record(journal, "b", CallState.MISSED, 2020.0)
    record(journal, "c", CallState.RINGING, 3000.0, number="anonymous", name="")
    journal.record_card("a", make_card(customer=("17850", "Acme Ltd")), 4.0)
    journal.record_card("b", make_card("01632 960123", customer=("99", "Widgets 50% Off")), 6.0)
    journal.save_wrapup("b", "complaint", "Wants a call back about the delivery")


def test_recent_newest_first(journal: Journal) -> None:
    _populate(journal)
    assert [r.call_id for r in journal.recent()] == ["c", "b", "a"]
    assert [r.call_id for r in journal.recent(limit=2)] == ["c", "b"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("alice", ["a"]),  # caller name, any case
        ("+442079460958", ["a"]),  # E.164
        ("020 7946 0958", ["a"]),  # as a person types it
        ("7946", ["a"]),
        ("01632", ["b"]),  # as received
        ("acme", ["a"]),  # customer name
        ("17850", ["a"]),  # customer id
        ("call back", ["b"]),  # notes
        ("complaint", ["b"]),  # disposition
        ("50%", ["b"]),  # LIKE wildcards are literal
        ("%", ["b"]),
        ("_", []),
        ("anonymous", ["c"]),
        ("nobody", []),
        ("", ["c", "b", "a"]),
    ],
)
def test_search_text(journal: Journal, text: str, expected: list[str]) -> None:
    _populate(journal)
    assert [r.call_id for r in journal.search(text)] == expected


def test_search_filters_and_paging(journal: Journal) -> None:
    _populate(journal)
    assert [r.call_id for r in journal.search(since=2000.0)] == ["c", "b"]
    assert [r.call_id for r in journal.search(until=2000.0)] == ["a"]
    assert [r.call_id for r in journal.search(since=1500.0, until=2500.0)] == ["b"]
    assert [r.call_id for r in journal.search(state="missed")] == ["b"]
    assert [r.call_id for r in journal.search(state="ringing")] == ["c"]
    assert [r.call_id for r in journal.search(limit=1, offset=1)] == ["b"]
    assert [r.call_id for r in journal.search("alice", state="missed")] == []


def test_reopen_keeps_everything(journal_path: Path) -> None:
    with Journal(journal_path) as first:
        _populate(first)
        before = first.recent()
    with Journal(journal_path) as again:
        assert again.recent() == before
        record(again, "d", CallState.RINGING, 4000.0)
        assert len(again.recent()) == 4


def test_closed_journal_refuses(journal_path: Path) -> None:
    j = Journal(journal_path)
    j.close()
    j.close()  # idempotent
    with pytest.raises(JournalError, match="closed"):
        j.recent()


def test_not_a_database_is_refused_unchanged(tmp_path: Path) -> None:
    path = tmp_path / "notes.txt"
    content = b"this is not a database, just some text\n" * 200
    path.write_bytes(content)
    with pytest.raises(JournalError, match="not a screenpop journal"):
        Journal(path)
    assert path.read_bytes() == content


def test_foreign_sqlite_database_is_refused_unchanged(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT)")
    con.commit()
    con.close()
    content = path.read_bytes()
    with pytest.raises(JournalError, match=r"not a screenpop journal \(tables: customers\)"):
        Journal(path)
    assert path.read_bytes() == content


def test_newer_schema_is_refused(journal_path: Path) -> None:
    Journal(journal_path).close()
    con = sqlite3.connect(journal_path)
    con.execute("UPDATE alembic_version SET version_num = '9999'")
    con.commit()
    con.close()
    with pytest.raises(JournalError, match="'9999', newer than this screenpop"):
        Journal(journal_path)


def test_synchronous_setting_is_validated(journal_path: Path) -> None:
    with pytest.raises(ValueError, match="synchronous"):
        Journal(journal_path, synchronous="OFF")  # type: ignore[arg-type]


def test_concurrent_readers_while_writing(journal: Journal) -> None:
    """The engine writes from its thread while the GUI thread reads: no errors, no torn rows."""
    calls = 60
    done = threading.Event()
    errors: list[BaseException] = []
    reads: list[int] = []

    def writer() -> None:
        try:
            for i in range(calls):
                record(journal, f"w{i}", CallState.RINGING, 1000.0 + i)
                record(journal, f"w{i}", CallState.ANSWERED, 1000.5 + i, agent="agent")
                record(journal, f"w{i}", CallState.ENDED, 1001.0 + i)
        except BaseException as exc:
            errors.append(exc)
        finally:
            done.set()

    def reader() -> None:
        last = 0
        try:
            while not done.is_set():
                rows = journal.recent(limit=calls)
                assert len(rows) >= last  # committed calls never disappear
                last = len(rows)
                reads.append(last)
                for row in rows:
                    # A row is only ever seen whole: an answered call has its answer time.
                    assert row.state != "answered" or row.answered_at is not None
                    assert row.state != "ended" or row.ended_at is not None
                journal.search("7946", state="ended")
                if rows:
                    assert journal.get(rows[0].call_id) is not None
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=writer)] + [
        threading.Thread(target=reader) for _ in range(3)
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    assert not errors, errors
    assert reads  # the readers really ran beside the writer
    final = journal.recent(limit=1000)
    assert len(final) == calls
    assert all(r.state == "ended" for r in final)
    assert sum(len(journal.events(r.call_id)) for r in final) == calls * 3


def test_two_openers_of_a_new_journal_migrate_once(journal_path: Path) -> None:
    """The app and ``journal export`` may open a brand-new journal at the same moment."""
    barrier = threading.Barrier(4)
    opened: list[Journal] = []
    errors: list[BaseException] = []

    def open_it() -> None:
        try:
            barrier.wait(timeout=10)
            opened.append(Journal(journal_path))
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=open_it) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    try:
        assert not errors, errors
        assert len(opened) == 4
        record(opened[0], "x", CallState.RINGING, 1.0)
        assert [r.call_id for r in opened[3].recent()] == ["x"]
    finally:
        for j in opened:
            j.close()
    con = sqlite3.connect(journal_path)
    try:
        assert con.execute("SELECT count(*) FROM alembic_version").fetchone()[0] == 1
    finally:
        con.close()

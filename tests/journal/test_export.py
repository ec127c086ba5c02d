"""Supervisor export: CSV and JSON that parse back to what the journal holds."""

from __future__ import annotations

import csv
import io
import json
from datetime import UTC, datetime

import pytest

from screenpop.events import CallState
from screenpop.journal import Journal
from screenpop.journal.export import COLUMNS, export, iso_utc, parse_since
from tests.journal.conftest import ev, make_card

T0 = datetime(2026, 3, 2, 9, 15, 0, 250000, tzinfo=UTC).timestamp()


def _fill(journal: Journal) -> None:
    journal.record_event(*ev("a", CallState.RINGING, T0))
    journal.record_event(*ev("a", CallState.ANSWERED, T0 + 5, agent="agent-17"))
    journal.record_event(*ev("a", CallState.ENDED, T0 + 65))
    journal.record_card("a", make_card(), 7.5)
    journal.save_wrapup("a", "sale", 'Ordered 6 mugs, "urgent"\nsecond line, with comma')
    journal.record_event(
        *ev("b", CallState.RINGING, T0 + 3600, number="01632 960123", name='=HYPERLINK("x")')
    )
    journal.record_event(*ev("b", CallState.MISSED, T0 + 3630))


def test_csv_round_trip(journal: Journal) -> None:
    _fill(journal)
    out = io.StringIO()
    assert export(journal, out, fmt="csv") == 2
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert tuple(rows[0].keys()) == COLUMNS
    a, b = rows  # oldest first
    assert a["call_id"] == "a"
    assert a["ringing_at"] == "2026-03-02T09:15:00.250Z"
    assert datetime.fromisoformat(a["answered_at"]).timestamp() == pytest.approx(T0 + 5)
    assert a["state"] == "ended"
    assert a["number"] == "+44 20 7946 0958"  # a plain number is not escaped
    assert a["e164"] == "+442079460958"
    assert (a["customer_id"], a["customer_name"], a["matches"]) == ("17850", "Acme Ltd", "1")
    assert a["failed_sections"] == "purchases;credit"
    assert a["pop_latency_ms"] == "7.5"
    assert a["notes"] == 'Ordered 6 mugs, "urgent"\nsecond line, with comma'
    assert a["answered_elsewhere"] == "false"
    assert b["state"] == "missed"
    assert b["answered_at"] == ""
    assert b["caller_name"] == '\'=HYPERLINK("x")'  # a spreadsheet must not run it


def test_json_round_trip(journal: Journal) -> None:
    _fill(journal)
    out = io.StringIO()
    assert export(journal, out, fmt="json") == 2
    data = json.loads(out.getvalue())
    assert [row["call_id"] for row in data] == ["a", "b"]
    a = data[0]
    assert set(a) == set(COLUMNS)
    assert a["failed_sections"] == ["purchases", "credit"]
    assert a["matches"] == 1
    assert a["answered_elsewhere"] is False
    assert a["ended_at"] == iso_utc(T0 + 65)
    assert data[1]["caller_name"] == '=HYPERLINK("x")'  # JSON carries the value as is
    assert data[1]["answered_at"] is None


def test_since_and_empty(journal: Journal) -> None:
    out = io.StringIO()
    assert export(journal, out, fmt="json") == 0
    assert json.loads(out.getvalue()) == []
    out = io.StringIO()
    assert export(journal, out) == 0
    assert out.getvalue().strip() == ",".join(COLUMNS)
    _fill(journal)
    out = io.StringIO()
    assert export(journal, out, since=T0 + 1, fmt="json") == 1
    assert [row["call_id"] for row in json.loads(out.getvalue())] == ["b"]


def test_export_pages_through_many_rows(journal: Journal) -> None:
    # Ties in ring time on purpose: the keyset paging must not skip or repeat them.
    for i in range(25):
        journal.record_event(*ev(f"m{i:03d}", CallState.RINGING, T0 + (i // 10)))
    seen = [r.call_id for r in journal.iter_records(batch=7)]
    assert seen == [f"m{i:03d}" for i in range(25)]
    assert [r.call_id for r in journal.iter_records(since=T0 + 1, batch=4)] == seen[10:]
    out = io.StringIO()
    assert export(journal, out, fmt="json") == 25


def test_unknown_format(journal: Journal) -> None:
    with pytest.raises(ValueError, match="unknown export format"):
        export(journal, io.StringIO(), fmt="xml")  # type: ignore[arg-type]


def test_parse_since() -> None:
    now = datetime(2026, 3, 10, 12, 0, tzinfo=UTC)
    assert parse_since("2026-03-02", now=now) == datetime(2026, 3, 2, tzinfo=UTC).timestamp()
    assert (
        parse_since("2026-03-02T09:00", now=now) == datetime(2026, 3, 2, 9, tzinfo=UTC).timestamp()
    )
    assert (
        parse_since("2026-03-02T09:00+01:00", now=now)
        == datetime(2026, 3, 2, 8, tzinfo=UTC).timestamp()
    )
    assert parse_since("7d", now=now) == datetime(2026, 3, 3, 12, 0, tzinfo=UTC).timestamp()
    assert parse_since("12h", now=now) == datetime(2026, 3, 10, 0, 0, tzinfo=UTC).timestamp()
    with pytest.raises(ValueError, match="--since 'yesterday'"):
        parse_since("yesterday", now=now)

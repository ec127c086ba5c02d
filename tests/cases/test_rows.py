"""Warranty against the desk's today (the midnight edge in its time zone), cleaning of
what service desks really hold, open cases first, queued cases merged."""

from __future__ import annotations

import datetime as dt
import decimal
import json
from zoneinfo import ZoneInfo

import pytest

from screenpop.card import Section, Status
from screenpop.cases.rows import case_row, cases_data, parse_day, today_in, warranty
from screenpop.cases.section import cases_section

HELSINKI = ZoneInfo("Europe/Helsinki")
UTC = dt.UTC
#: 31 March 2026, 21:30 UTC: already 1 April (00:30, EEST) in Helsinki.
NEAR_MIDNIGHT = dt.datetime(2026, 3, 31, 21, 30, tzinfo=UTC)


def test_today_is_the_desks_date_not_utcs() -> None:
    assert today_in(UTC, NEAR_MIDNIGHT) == dt.date(2026, 3, 31)
    assert today_in(HELSINKI, NEAR_MIDNIGHT) == dt.date(2026, 4, 1)
    assert today_in(ZoneInfo("America/New_York"), NEAR_MIDNIGHT) == dt.date(2026, 3, 31)


def test_a_warranty_ending_today_is_in_until_the_desks_midnight() -> None:
    until = dt.date(2026, 3, 31)
    assert warranty(until, today_in(UTC, NEAR_MIDNIGHT)) == "in"
    assert warranty(until, today_in(HELSINKI, NEAR_MIDNIGHT)) == "out"
    just_before = dt.datetime(2026, 3, 31, 20, 59, 59, tzinfo=UTC)  # 23:59:59 in Helsinki
    assert warranty(until, today_in(HELSINKI, just_before)) == "in"
    assert warranty(None, dt.date(2026, 1, 1)) == "unknown"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2026-03-31", dt.date(2026, 3, 31)),
        (dt.date(2026, 3, 31), dt.date(2026, 3, 31)),
        # 22:00 UTC on the 31st is 1 April in Helsinki: the warranty runs through that day.
        ("2026-03-31T22:00:00Z", dt.date(2026, 4, 1)),
        (dt.datetime(2026, 3, 31, 22, 0, tzinfo=UTC), dt.date(2026, 4, 1)),
        ("2026-03-31T23:30:00", dt.date(2026, 3, 31)),  # no offset: the desk's own time
        ("31.03.2026", None),
        ("lifetime", None),
        ("", None),
        (float("nan"), None),
        (b"2026-03-31", None),
        (20260331, None),
        (None, None),
    ],
)
def test_warranty_dates_are_read_or_left_unknown(value: object, expected: object) -> None:
    assert parse_day(value, HELSINKI) == expected


def test_bad_values_cost_a_field_not_the_case() -> None:
    row = {
        "case_id": "SD-9",
        "opened": dt.datetime(2026, 1, 5, 10, 0),
        "product": b"85123A",
        "description": b"\xff broken \xe2\x82\xac",
        "fault": float("nan"),
        "status": "open",
        "warranty_until": "not a date",
        "cost": decimal.Decimal("NaN"),
        "refund": decimal.Decimal("12.50"),
    }
    case = case_row(row, dt.date(2026, 2, 1), HELSINKI)
    assert case["product"] == "85123A"
    assert case["description"] == "\ufffd broken €"
    assert case["fault"] is None
    assert case["cost"] is None
    assert case["refund"] == 12.5
    assert case["opened"] == "2026-01-05T10:00:00"
    assert case["warranty"] == "unknown"
    assert case["warranty_until"] == "not a date"  # what the desk said, shown as it is
    json.dumps(case, allow_nan=False)
    # A card can hold it: strict JSON, nothing refused.
    assert Section(Status.OK, [case]).data[0]["warranty"] == "unknown"


def test_open_cases_first_queued_merged_once() -> None:
    rows = [
        {"case_id": "A", "status": "closed", "warranty_until": "2020-01-01"},
        {"case_id": "B", "status": "open", "warranty_until": "2099-01-01"},
        "not a row",
        {"case_id": "C", "status": "Resolved"},
        {"case_id": "D", "status": "waiting for parts"},
    ]
    queued = [{"case_id": "Q", "status": "queued", "queued": True}, {"case_id": "B"}]
    data = cases_data(rows, dt.date(2026, 1, 1), HELSINKI, queued)
    assert [c["case_id"] for c in data] == ["Q", "B", "D", "A", "C"]
    assert [c["warranty"] for c in data if c["case_id"] in "BA"] == ["in", "out"]


def test_the_section_stands_in_for_the_sources_and_keeps_its_failure() -> None:
    derived = cases_section(HELSINKI, now=lambda: NEAR_MIDNIGHT)
    assert derived.replaces
    assert derived.needs == ("cases",)
    ok = derived.compute(
        {"cases": Section(Status.OK, [{"case_id": "X", "warranty_until": "2026-03-31"}], "svc")}
    )
    assert ok.source == "svc"
    assert ok.data[0]["warranty"] == "out"  # 1 April in Helsinki already
    failed = Section(Status.TIMEOUT, source="svc", error="no answer")
    assert derived.compute({"cases": failed}) is failed
    assert derived.compute({"cases": Section(Status.EMPTY, source="svc")}).status is Status.EMPTY

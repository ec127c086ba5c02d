"""Lookup against real SQLite sources: identify, fan out, deadlines, breaker, cache."""

from __future__ import annotations

from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from screenpop.card import Status
from screenpop.config.loader import load_config
from screenpop.derived import cross_sells
from screenpop.lookup import Lookup
from screenpop.phone import normalise
from screenpop.sources.base import SourceTimeout
from screenpop.sources.registry import build_all as build_sources
from tests import sampledb


@pytest.fixture
def pool() -> Iterator[ThreadPoolExecutor]:
    with ThreadPoolExecutor(8) as p:
        yield p


def make_lookup(tmp_path: Path, pool: ThreadPoolExecutor, **kw: object) -> Lookup:
    paths = sampledb.build(tmp_path / "db")
    cfg_file = tmp_path / "c.toml"
    cfg_file.write_text(sampledb.config_text(paths, **kw), encoding="utf-8")  # type: ignore[arg-type]
    cfg = load_config(cfg_file, environ={})
    return Lookup(build_sources(cfg), pool)


def test_one_match_fills_every_section(tmp_path: Path, pool: ThreadPoolExecutor) -> None:
    lk = make_lookup(tmp_path, pool)
    seen: list[str] = []
    card = lk.lookup(normalise("+358 40 123 4567", "GB"), on_section=lambda n, s: seen.append(n))
    assert card.customer is not None
    assert card.customer.customer_id == "C-100"
    assert card.customer.name == "Aino Jääskeläinen"
    assert card.sections["balance"].data == {
        "balance": 120.5,
        "overdue": 0.0,
        "overdue_days": 0,
        "currency": "EUR",
    }
    assert [r["product"] for r in card.sections["purchases"].data] == ["85123A", "22423"]
    assert card.sections["credit"].data["limit"] == 5000
    # no model configured: no cross-sell section at all (not an error)
    assert "cross_sells" not in card.sections
    assert sorted(seen) == ["balance", "credit", "purchases"]
    assert card.latency_ms["total"] >= card.latency_ms["identify"]


def test_unknown_and_withheld(tmp_path: Path, pool: ThreadPoolExecutor) -> None:
    lk = make_lookup(tmp_path, pool)
    unknown = lk.lookup(normalise("+44 20 7946 0000", "GB"))
    assert unknown.customer is None
    assert unknown.matches == ()
    assert unknown.sections == {}
    withheld = lk.lookup(normalise("anonymous", "GB"))
    assert withheld.customer is None
    assert withheld.number.withheld


def test_shared_number_offers_picker_and_remembers(
    tmp_path: Path, pool: ThreadPoolExecutor
) -> None:
    lk = make_lookup(tmp_path, pool)
    number = normalise("+972 50-123-4567", "GB")
    card = lk.lookup(number)
    assert card.customer is None
    assert {m.customer_id for m in card.matches} == {"C-401", "C-402"}
    lk.remember_choice(number, "C-402")
    again = lk.lookup(number, use_cache=False)
    assert again.customer is not None
    assert again.customer.customer_id == "C-402"
    assert again.sections["credit"].data["terms"] == "Net 45"


def test_ivr_account_identifies_directly(tmp_path: Path, pool: ThreadPoolExecutor) -> None:
    lk = make_lookup(tmp_path, pool)
    card = lk.lookup(normalise("anonymous", "GB"), {"account": "C-300"})
    assert card.customer is not None
    assert card.customer.name == "Greta Åström"


def test_injection_through_number_and_account_changes_nothing(
    tmp_path: Path, pool: ThreadPoolExecutor
) -> None:
    lk = make_lookup(tmp_path, pool)
    card = lk.lookup(normalise("' OR 1=1 --", "GB"), {"account": "x' OR '1'='1"})
    assert card.customer is None
    assert card.matches == ()
    # the databases still hold every customer
    assert lk.lookup(normalise("+46701234567", "GB")).customer is not None


def test_hanging_source_times_out_others_ok(tmp_path: Path, pool: ThreadPoolExecutor) -> None:
    lk = make_lookup(tmp_path, pool, credit_query=sampledb.TIMEOUT_SQL, credit_timeout_ms=300)
    card = lk.lookup(normalise("+358401234567", "GB"))
    credit = card.sections["credit"]
    assert credit.status is Status.TIMEOUT
    assert card.sections["balance"].status is Status.OK
    assert card.sections["purchases"].status is Status.OK
    # Stopped inside SQLite (interrupted at the deadline) and said by the source in
    # time for the card, not abandoned by the lookup with the query still
    # running (counting to 2e9 would hold a pool thread for minutes).
    assert credit.reason is not None
    assert credit.reason.code == "sql.timeout", credit.error
    assert "stopped on the server" in (credit.error or "")
    credit_source = next(s for s in lk.sources if s.name == "credit")
    with pytest.raises(SourceTimeout, match="did not answer within 300 ms") as err:
        credit_source.fetch({"customer_id": "C-100"})
    assert err.value.reason is not None
    assert err.value.reason.code == "sql.timeout"


def test_breaker_opens_after_repeated_failures(tmp_path: Path, pool: ThreadPoolExecutor) -> None:
    lk = make_lookup(
        tmp_path, pool, credit_query="SELECT * FROM no_such_table WHERE x = :customer_id"
    )
    number = normalise("+358401234567", "GB")
    for _ in range(3):
        card = lk.lookup(number, use_cache=False)
        assert card.sections["credit"].status is Status.UNAVAILABLE
        assert "no such table" in (card.sections["credit"].error or "")
    card = lk.lookup(number, use_cache=False)
    assert "is failing (3 errors in a row" in (card.sections["credit"].error or "")
    assert lk.breakers["credit"].state == "open"
    assert card.sections["balance"].status is Status.OK


def test_cache_makes_repeat_instant(tmp_path: Path, pool: ThreadPoolExecutor) -> None:
    lk = make_lookup(tmp_path, pool)
    number = normalise("+358401234567", "GB")
    first = lk.lookup(number)
    again = lk.lookup(number)
    assert "cache" in again.latency_ms
    assert again.customer == first.customer
    assert again.sections == first.sections


def test_cross_sells_from_a_model_exclude_what_customer_has(
    tmp_path: Path, pool: ThreadPoolExecutor
) -> None:
    from screenpop.crosssell import build_model
    from screenpop.sources.base import HistoryRow

    # Many customers buy the T-light holder with the cake stand and the bunting.
    rows = [
        HistoryRow(f"X{i}", p, d, "2011-08-01", 1, 1.0)
        for i in range(20)
        for p, d in (("85123A", "WHITE HANGING HEART T-LIGHT HOLDER"),
                     ("22423", "REGENCY CAKESTAND 3 TIER"), ("47566", "PARTY BUNTING"))
    ]
    model = build_model(rows)
    lk = make_lookup(tmp_path, pool)
    lk = Lookup(lk.sources, pool, derived=[cross_sells(model, 3, ("POST",))])
    card = lk.lookup(normalise("+358401234567", "GB"))
    section = card.sections["cross_sells"]
    assert section.status is Status.OK
    products = [s["product"] for s in section.data]
    assert "47566" in products  # bought with what C-100 has
    assert "85123A" not in products  # C-100 already has these
    assert "22423" not in products
    bunting = next(s for s in section.data if s["product"] == "47566")
    assert "by 20 customers" in bunting["reason"]

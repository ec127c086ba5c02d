"""Identification across departments: merged ids, differently keyed sources,
and each source's breaker as health."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from screenpop.card import Status
from screenpop.config.loader import load_config
from screenpop.engine import Engine
from screenpop.health import HealthState
from screenpop.phone import normalise
from tests.sources import backends


@pytest.fixture
def two_departments(tmp_path: Path) -> Path:
    """Accounting keyed by ERP id; a shop database keyed by its own cust_no."""
    erp = tmp_path / "erp"
    config = backends.sqlite_config(erp)
    shop = tmp_path / "shop.sqlite"
    with sqlite3.connect(shop) as db:
        db.execute("CREATE TABLE xref (erp_id TEXT, cust_no INTEGER)")
        db.execute("CREATE TABLE members (cust_no INTEGER, phone TEXT, tier TEXT)")
        db.execute("INSERT INTO xref VALUES ('C-100', 9001), ('C-200', 9002)")
        db.execute(
            "INSERT INTO members VALUES (9001, '+358401234567', 'gold'), "
            "(9002, '+442079460958', 'silver'), (9003, '+46701234567', 'bronze')"
        )
    config = config[: config.index('[[source]]\nname = "credit"')]
    config += f"""
[[source]]
name = "shop"
kind = "sql"
url = "sqlite:///{shop}"
section = "profile"
identify = "SELECT x.erp_id AS customer_id, m.tier FROM members m JOIN xref x ON x.cust_no = m.cust_no WHERE m.phone = :e164"
key_query = "SELECT cust_no FROM xref WHERE erp_id = :customer_id"
query = "SELECT cust_no, tier FROM members WHERE cust_no = :key"
"""
    path = tmp_path / "c.toml"
    path.write_text(config, encoding="utf-8")
    return path


@pytest.fixture
def engine(two_departments: Path) -> Iterator[Engine]:
    eng = Engine(load_config(two_departments, environ={}))
    eng.open_core(with_journal=False)
    yield eng
    for s in eng.sources:
        s.close()
    eng.stop()


def test_differently_keyed_source_merges_and_fetches_by_its_key(engine: Engine) -> None:
    assert engine.lookup is not None
    card = engine.lookup.lookup(normalise("+358401234567", "GB"))
    assert card.customer is not None
    assert card.customer.customer_id == "C-100"
    assert set(card.customer.sources) == {"accounting", "shop"}  # one customer, two departments
    assert card.customer.name == "Aino Jääskeläinen"  # the shop has no name: merged
    assert card.sections["profile"].data == {"cust_no": 9001, "tier": "gold"}
    # A shop member the ERP does not know has no key to fetch by: empty, not an error.
    card = engine.lookup.lookup(normalise("+46701234567", "GB"))
    assert card.customer is not None
    assert card.sections["profile"].status is Status.EMPTY


def test_breaker_state_is_source_health(engine: Engine, two_departments: Path) -> None:
    assert engine.lookup is not None
    number = normalise("+358401234567", "GB")
    engine.lookup.lookup(number, use_cache=False)
    assert {h.state for h in engine.source_health().values()} == {HealthState.CONNECTED}
    # break the shop database under the running engine
    shop = two_departments.parent / "shop.sqlite"
    with sqlite3.connect(shop) as db:
        db.execute("DROP TABLE members")
    for _ in range(3):
        engine.lookup.lookup(number, use_cache=False)
    health = engine.source_health()
    assert health["shop"].state is HealthState.FAILED
    assert "no such table" in health["shop"].detail
    assert health["accounting"].state is HealthState.CONNECTED


def test_ivr_account_identifies_directly(tmp_path: Path) -> None:
    """An account the caller keyed into the IVR picks one of two customers sharing a line."""
    from screenpop.lookup import Lookup
    from screenpop.sources.registry import build_all as build_sources

    path = tmp_path / "c.toml"
    path.write_text(backends.sqlite_config(tmp_path / "db"), encoding="utf-8")
    with ThreadPoolExecutor(4) as pool:
        lk = Lookup(build_sources(load_config(path, environ={})), pool)
        card = lk.lookup(normalise("", "GB"), {"account": "C-401"})
    assert card.customer is not None
    assert card.customer.name == "Dana Levi"


def test_a_source_that_could_not_be_built_says_why_in_its_code(tmp_path: Path) -> None:
    from screenpop.lookup import Lookup
    from screenpop.reasons import Reason
    from screenpop.sources.broken import BrokenSource
    from screenpop.sources.registry import build_all as build_sources
    from screenpop.sources.sql import IN_MEMORY

    path = tmp_path / "c.toml"
    path.write_text(backends.sqlite_config(tmp_path / "db"), encoding="utf-8")
    sources = [s for s in build_sources(load_config(path, environ={})) if s.name != "credit"]
    why = Reason.of(IN_MEMORY, source="credit")
    sources.append(BrokenSource("credit", "credit", why))
    with ThreadPoolExecutor(4) as pool:
        card = Lookup(sources, pool).lookup(normalise("+358401234567", "GB"))
    credit = card.sections["credit"]
    assert credit.status is Status.UNAVAILABLE
    assert credit.reason == why
    assert credit.error == "source credit: an in-memory SQLite database is empty"
    assert card.sections["balance"].status is Status.OK

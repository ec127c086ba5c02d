"""Messy legacy numbers from six countries: every intended customer, no others.

The table is built on each backend, the DBA's SQL from installers/sources/ is
applied to it as shipped (so the recipe itself is tested), and the identify
query matches the indexed tail, then phonenumbers verifies each candidate.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import text

from screenpop.config.schema import RestSource as RestConfig
from screenpop.config.schema import SqlSource as SqlConfig
from screenpop.phone import normalise
from screenpop.sources.base import Source
from screenpop.sources.numbers import tail, to_e164
from screenpop.sources.rest import RestSource
from screenpop.sources.sql import SqlSource
from tests.sources import messydata
from tests.sources.conftest import ROOT, Db, RestServer

RECIPES = ROOT / "installers" / "sources"
IDENTIFY = "SELECT id AS customer_id, name, phone, country FROM customers WHERE phone_tail = :tail"
CREATE = (
    "CREATE TABLE customers (id VARCHAR(16), name VARCHAR(100), phone VARCHAR(40), "
    "country VARCHAR(2))"
)
MATCH = {"match_phone": "phone", "match_country": "country", "match_region": "GB"}


def _statements(path: Path) -> list[str]:
    body = "\n".join(
        line for line in path.read_text().splitlines() if not line.lstrip().startswith("--")
    )
    # Statements end with ";" at the end of a line (";ext=" inside a pattern does not).
    return [s.strip() for s in re.split(r";\s*$", body, flags=re.MULTILINE) if s.strip()]


def _fill_server(db: Db, recipe: str) -> None:
    from sqlalchemy import create_engine

    engine = create_engine(db.url)
    try:
        with engine.begin() as conn:
            conn.execute(text(CREATE))
            conn.execute(
                text("INSERT INTO customers VALUES (:id, :name, :phone, :country)"),
                [
                    dict(zip(("id", "name", "phone", "country"), r, strict=True))
                    for r in messydata.ROWS
                ],
            )
            for statement in _statements(RECIPES / recipe):
                conn.exec_driver_sql(statement)
    finally:
        engine.dispose()


def _sql_source(url: str) -> SqlSource:
    cfg = SqlConfig(
        name="legacy", kind="sql", section="profile", url=url, identify=IDENTIFY, **MATCH
    )
    return SqlSource(cfg)


@pytest.fixture
def sqlite_source(tmp_path: Path) -> Iterator[Source]:
    path = tmp_path / "legacy.sqlite"
    with sqlite3.connect(path) as db:
        db.execute(CREATE)
        db.executemany("INSERT INTO customers VALUES (?, ?, ?, ?)", messydata.ROWS)
        db.executescript((RECIPES / "phone_tail.sqlite.sql").read_text())
    source = _sql_source(f"sqlite:///{path}")
    yield source
    source.close()


def _check(source: Source) -> None:
    for caller, want in messydata.CASES.items():
        number = normalise(caller, "GB")
        params = dict(number.params(), account="")
        got = {m.customer_id for m in source.identify(params)}
        assert got == want, f"{caller}: matched {sorted(got)}, want {sorted(want)}"


def test_the_data_is_a_real_trap() -> None:
    """Without verification a tail match would pop the wrong customers."""
    tails = {tail(phone) for _, _, phone, _ in messydata.ROWS}
    assert tails == {"1234567", "9460958"}  # every country shares these two
    countries = {cid.split("-")[0] for cid, *_ in messydata.ROWS}
    assert {"GB", "FI", "EE", "LT", "SE", "IL"} <= countries
    # and every stored form really is the number it claims to be
    assert to_e164("0044 20 7946 0958", "FI") == "+442079460958"
    assert to_e164("020 7946 0958 ext. 12", "GB") == "+442079460958"
    assert to_e164("972-53-123-4567", "GB") == "+972531234567"
    assert to_e164("8 612 34567", "LT") == "+37061234567"
    assert to_e164("not a number", "GB") is None


def test_sqlite_recipe_and_verification(sqlite_source: Source) -> None:
    _check(sqlite_source)


def test_sqlite_tail_is_indexed(sqlite_source: Source) -> None:
    assert isinstance(sqlite_source, SqlSource)
    with sqlite_source.engine.connect() as conn:
        plan = conn.exec_driver_sql(
            "EXPLAIN QUERY PLAN " + IDENTIFY.replace(":tail", "'1234567'")
        ).fetchall()
    assert "customers_phone_tail" in " ".join(str(r) for r in plan)


def test_postgresql_recipe_and_verification(pg_db: Db) -> None:
    _fill_server(pg_db, "phone_tail.postgresql.sql")
    source = _sql_source(pg_db.url)
    try:
        _check(source)
    finally:
        source.close()


def test_mariadb_recipe_and_verification(maria_db: Db) -> None:
    _fill_server(maria_db, "phone_tail.mariadb.sql")
    source = _sql_source(maria_db.url)
    try:
        _check(source)
        with source.engine.connect() as conn:
            plan = (
                conn.exec_driver_sql("EXPLAIN " + IDENTIFY.replace(":tail", "'1234567'"))
                .mappings()
                .all()
            )
        # usable (a 20-row table may still be scanned: the optimiser's choice)
        assert "customers_phone_tail" in (plan[0]["possible_keys"] or "")
    finally:
        source.close()


def test_rest_source_verifies_the_same_way(rest_server: RestServer) -> None:
    cfg = RestConfig(
        name="legacy",
        kind="rest",
        section="profile",
        identify=f"{rest_server.base}/messy?tail={{tail}}",
        identify_items="results",
        identify_fields={"customer_id": "id", "name": "name"},
        **MATCH,
    )
    source = RestSource(cfg)
    try:
        _check(source)
    finally:
        source.close()


def test_without_verification_the_trap_springs(sqlite_source: Source) -> None:
    """The same query without ``match_phone``: cross-country false positives."""
    assert isinstance(sqlite_source, SqlSource)
    bare = SqlSource(sqlite_source.cfg.model_copy(update={"match_phone": None}))
    try:
        params = dict(normalise("+358401234567", "GB").params(), account="")
        got = {m.customer_id for m in bare.identify(params)}
        assert {"EE-1", "LT-1", "SE-1", "IL-1"} <= got
    finally:
        bare.close()

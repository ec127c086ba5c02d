"""The sales source's ``history`` cut to one customer, on SQLite, PostgreSQL and MariaDB.

The same configured ``history`` text answers per product, with the same
figures on every backend, and each database pushes the customer filter down
to its index on the lines table (read from the query plans): the pop reads
one customer's lines, never the whole history.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import (
    Column,
    DateTime,
    Double,
    Integer,
    MetaData,
    String,
    Table,
    create_engine,
    insert,
    text,
)

from screenpop.config.schema import SqlSource as SqlSourceConfig
from screenpop.crosssell.history import iso_day
from screenpop.sources.base import SourceError
from screenpop.sources.sql import SqlSource
from tests.sources.conftest import Db, maria_db, pg_db  # noqa: F401 - fixtures

PLAIN = "SELECT customer_id, product, description, date, quantity, amount FROM sales_lines"
JOINED = (
    "SELECT l.customer_id, l.product, p.description, l.date, l.quantity, l.amount "
    "FROM sales_lines l JOIN products p ON p.product = l.product"
)
RENAMED = (
    "SELECT cust_no, sku, description, sold_at, quantity, amount FROM sales_lines2;"
    " -- a trailing comment and semicolon"
)
CUSTOMERS = 400


def lines() -> list[dict[str, Any]]:
    """400 customers; customer 7 bought A on three days (twice on one), B once."""
    out: list[dict[str, Any]] = []
    start = dt.datetime(2011, 3, 1, 9, 30)
    for c in range(1, CUSTOMERS + 1):
        for k in range(12):
            out.append(
                {"customer_id": c, "product": f"P{(c + k) % 50}", "description": f"ITEM {k}",
                 "date": start + dt.timedelta(days=(c * 7 + k * 3) % 200), "quantity": 1.0,
                 "amount": 2.5}
            )
    special = [
        ("A", dt.datetime(2011, 1, 3, 10, 0)),
        ("A", dt.datetime(2011, 1, 3, 15, 0)),
        ("A", dt.datetime(2011, 1, 24, 9, 0)),
        ("A", dt.datetime(2011, 2, 14, 8, 0)),
        ("B", dt.datetime(2011, 2, 1, 12, 0)),
    ]
    out = [r for r in out if r["customer_id"] != 7]
    for product, when in special:
        out.append({"customer_id": 7, "product": product, "description": f"ITEM {product}",
                    "date": when, "quantity": 2.0, "amount": 5.0})
    return out


def load(url: str) -> None:
    meta = MetaData()
    sales = Table(
        "sales_lines", meta,
        Column("customer_id", Integer, nullable=False),
        Column("product", String(16), nullable=False),
        Column("description", String(100), nullable=False),
        Column("date", DateTime, nullable=False),
        Column("quantity", Double, nullable=False),
        Column("amount", Double, nullable=False),
    )
    renamed = Table(
        "sales_lines2", meta,
        Column("cust_no", Integer, nullable=False),
        Column("sku", String(16), nullable=False),
        Column("description", String(100), nullable=False),
        Column("sold_at", DateTime, nullable=False),
        Column("quantity", Double, nullable=False),
        Column("amount", Double, nullable=False),
    )
    products = Table(
        "products", meta,
        Column("product", String(16), primary_key=True),
        Column("description", String(100), nullable=False),
    )
    engine = create_engine(url)
    try:
        meta.create_all(engine)
        rows = lines()
        with engine.begin() as conn:
            conn.execute(insert(sales), rows)
            conn.execute(
                insert(renamed),
                [{"cust_no": r["customer_id"], "sku": r["product"], "sold_at": r["date"],
                  "description": r["description"], "quantity": r["quantity"],
                  "amount": r["amount"]} for r in rows],
            )
            conn.execute(
                insert(products),
                [{"product": p, "description": f"PRODUCT {p}"}
                 for p in sorted({r["product"] for r in rows})],
            )
            conn.execute(text("CREATE INDEX sales_customer ON sales_lines (customer_id, date)"))
            conn.execute(text("CREATE INDEX sales2_customer ON sales_lines2 (cust_no)"))
        with engine.begin() as conn:
            if engine.dialect.name == "postgresql":
                conn.execute(text("ANALYZE"))
            elif engine.dialect.name in ("mysql", "mariadb"):
                conn.execute(text("ANALYZE TABLE sales_lines, sales_lines2, products"))
    finally:
        engine.dispose()


def source(url: str, history: str, **kw: Any) -> SqlSource:
    cfg = SqlSourceConfig(
        kind="sql", name="sales", url=url, section="purchases", history=history,
        timeout_ms=5000, **kw,
    )
    return SqlSource(cfg)


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    url = f"sqlite:///{tmp_path / 'sales.db'}"
    load(url)
    return url


@pytest.fixture(params=["sqlite", "postgresql", "mariadb"])
def url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "sqlite":
        u = f"sqlite:///{tmp_path / 'sales.db'}"
    else:
        db: Db = request.getfixturevalue("pg_db" if request.param == "postgresql" else "maria_db")
        u = db.url
    load(u)
    return u


def as_rows(got: list[tuple[str, str, int, int, int]]) -> dict[str, tuple[Any, ...]]:
    return {p: (desc, n, iso_day(first), iso_day(last)) for p, desc, n, first, last in got}


@pytest.mark.parametrize("history", [PLAIN, JOINED], ids=["plain", "joined"])
def test_one_row_per_product_with_distinct_days_and_dates(url: str, history: str) -> None:
    src = source(url, history)
    try:
        got = src.product_history({"customer_id": "7"})
    finally:
        src.close()
    rows = as_rows(got)
    desc = "PRODUCT A" if history is JOINED else "ITEM A"
    assert rows["A"][0] == desc
    assert rows["A"][1:] == (3, "2011-01-03", "2011-02-14")  # 3 January counted once
    assert rows["B"][1:] == (1, "2011-02-01", "2011-02-01")
    assert [r[0] for r in got] == ["A", "B"]  # most recently bought first
    assert all(isinstance(v, int) for r in got for v in r[2:])


def test_renamed_columns_trailing_semicolon_and_comment(url: str) -> None:
    src = source(
        url, RENAMED,
        rename={"cust_no": "customer_id", "sku": "product", "sold_at": "date"},
    )
    try:
        rows = as_rows(src.product_history({"customer_id": "7"}))
    finally:
        src.close()
    assert set(rows) == {"A", "B"}
    assert rows["A"][1] == 3


def test_key_query_binds_the_databases_own_key(sqlite_url: str) -> None:
    src = source(
        sqlite_url, PLAIN,
        key_query="SELECT CAST(:customer_id AS INTEGER) - 1000 AS key",
    )
    try:
        assert ":key" in src.product_history_sql()
        assert {r[0] for r in src.product_history({"customer_id": "1007"})} == {"A", "B"}
    finally:
        src.close()


def test_unknown_customer_and_no_history_query(sqlite_url: str) -> None:
    src = source(sqlite_url, PLAIN)
    try:
        assert src.product_history({"customer_id": "999999"}) == []
    finally:
        src.close()
    cfg = SqlSourceConfig(kind="sql", name="s", url=sqlite_url, section="purchases")
    bare = SqlSource(cfg)
    try:
        with pytest.raises(SourceError, match="no 'history' query"):
            bare.product_history({"customer_id": "7"})
    finally:
        bare.close()


def test_a_hostile_customer_id_is_a_bound_value(sqlite_url: str) -> None:
    src = source(sqlite_url, PLAIN)
    try:
        assert src.product_history({"customer_id": "7' OR '1'='1"}) == []
        assert src.product_history({"customer_id": "7); DROP TABLE sales_lines; --"}) == []
        assert len(src.product_history({"customer_id": "7"})) == 2
    finally:
        src.close()


def plan(url: str, sql: str) -> str:
    """The database's plan for ``sql`` with customer 7, as one text."""
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            if engine.dialect.name == "sqlite":
                rows = conn.execute(text("EXPLAIN QUERY PLAN " + sql), {"customer_id": "7"})
                return "\n".join(str(tuple(r)) for r in rows)
            if engine.dialect.name == "postgresql":
                # Only an index use that the pushed-down filter made possible
                # can avoid a sequential scan of the lines table.
                conn.execute(text("SET enable_seqscan = off"))
                rows = conn.execute(text("EXPLAIN " + sql), {"customer_id": "7"})
                return "\n".join(r[0] for r in rows)
            result = conn.execute(text("EXPLAIN " + sql), {"customer_id": "7"})
            keys = list(result.keys())
            return "\n".join(str(dict(zip(keys, r, strict=True))) for r in result)
    finally:
        engine.dispose()


@pytest.mark.parametrize("history", [PLAIN, JOINED], ids=["plain", "joined"])
def test_the_customer_filter_reaches_the_index(url: str, history: str) -> None:
    src = source(url, history)
    try:
        sql = src.product_history_sql()
    finally:
        src.close()
    got = plan(url, sql)
    if url.startswith("sqlite"):
        assert "USING INDEX sales_customer (customer_id=?)" in got, got
    elif url.startswith("postgresql"):
        assert "sales_customer" in got, got
        assert "Seq Scan on sales_lines" not in got, got
    else:
        # MariaDB: the derived table is merged (no <derived2> row) and the
        # lines table is read through the index by the customer.
        assert "derived" not in got, got
        sales = [line for line in got.splitlines() if "'sales_lines'" in line or "'l'" in line]
        assert sales, got
        assert all("'key': 'sales_customer'" in line for line in sales), got


def test_dates_as_text_and_late_evening_times_fall_on_their_own_day(tmp_path: Path) -> None:
    """SQLite keeps dates as text: ISO with a space or a T, with or without a time."""
    import sqlite3

    db = tmp_path / "t.db"
    con = sqlite3.connect(db)
    con.executescript(
        """
        CREATE TABLE sales_lines (customer_id TEXT, product TEXT, description TEXT, date TEXT,
            quantity REAL, amount REAL);
        INSERT INTO sales_lines VALUES ('1', 'A', 'x', '2011-12-01 23:59:59', 1, 1),
            ('1', 'A', 'x', '2011-12-02T00:00:01', 1, 1), ('1', 'A', 'x', '2011-12-02', 1, 1),
            ('1', 'B', NULL, '2011-12-05', 1, 1), ('1', NULL, 'x', '2011-12-05', 1, 1),
            ('1', 'C', 'x', NULL, 1, 1);
        """
    )
    con.commit()
    con.close()
    src = source(f"sqlite:///{db}", PLAIN)
    try:
        rows = as_rows(src.product_history({"customer_id": "1"}))
    finally:
        src.close()
    assert rows == {
        "A": ("x", 2, "2011-12-01", "2011-12-02"),
        "B": ("", 1, "2011-12-05", "2011-12-05"),
    }

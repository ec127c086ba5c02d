"""Small accounting/sales/credit SQLite databases that are not the demo's.

Tests point a config at these to prove nothing depends on the demo's files.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

CUSTOMERS = [
    # id, name, phone (E.164), balance, overdue, overdue_days, currency, limit, grade, terms, hold
    ("C-100", "Aino Jääskeläinen", "+358401234567", 120.5, 0.0, 0, "EUR", 5000, "A", "Net 30", 0),
    ("C-200", "Oliver Brown", "+442079460958", 980.0, 400.0, 75, "GBP", 1000, "C", "Net 15", 1),
    ("C-300", "Greta Åström", "+46701234567", 0.0, 0.0, 0, "SEK", 20000, "B", "Net 30", 0),
    ("C-401", "Dana Levi", "+972501234567", 50.0, 0.0, 0, "ILS", 3000, "A", "Net 30", 0),
    ("C-402", "Levi Trading Ltd", "+972501234567", 0.0, 0.0, 0, "ILS", 8000, "B", "Net 45", 0),
]
LINES = [
    ("C-100", "2011-11-02", "85123A", "WHITE HANGING HEART T-LIGHT HOLDER", 6, 15.3),
    ("C-100", "2011-10-01", "22423", "REGENCY CAKESTAND 3 TIER", 2, 25.5),
    ("C-200", "2011-09-15", "47566", "PARTY BUNTING", 4, 19.8),
]
TIMEOUT_SQL = (
    "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 2000000000) "
    "SELECT count(*) AS credit_limit FROM c"
)


def build(target: Path) -> dict[str, Path]:
    target.mkdir(parents=True, exist_ok=True)
    paths = {n: target / f"{n}.sqlite" for n in ("acct", "sales", "credit")}
    with sqlite3.connect(paths["acct"]) as db:
        db.execute("CREATE TABLE customers (id TEXT PRIMARY KEY, name TEXT, phone TEXT)")
        db.execute(
            "CREATE TABLE ar (customer_id TEXT, balance REAL, overdue REAL, "
            "overdue_days INT, currency TEXT)"
        )
        for c in CUSTOMERS:
            db.execute("INSERT INTO customers VALUES (?, ?, ?)", c[:3])
            db.execute("INSERT INTO ar VALUES (?, ?, ?, ?, ?)", (c[0], *c[3:7]))
    with sqlite3.connect(paths["sales"]) as db:
        db.execute(
            "CREATE TABLE lines (customer_id TEXT, date TEXT, product TEXT, "
            "description TEXT, quantity INT, amount REAL)"
        )
        db.executemany("INSERT INTO lines VALUES (?, ?, ?, ?, ?, ?)", LINES)
    with sqlite3.connect(paths["credit"]) as db:
        db.execute(
            "CREATE TABLE credit (customer_id TEXT, credit_limit REAL, risk_grade TEXT, "
            "terms TEXT, hold INT)"
        )
        for c in CUSTOMERS:
            db.execute("INSERT INTO credit VALUES (?, ?, ?, ?, ?)", (c[0], *c[7:]))
    for p in paths.values():
        sqlite3.connect(p).close()
    return paths


def config_text(
    paths: dict[str, Path],
    *,
    credit_query: str | None = None,
    credit_timeout_ms: int = 800,
    extra: str = "",
) -> str:
    credit_query = credit_query or (
        'SELECT credit_limit AS "limit", risk_grade, terms, hold FROM credit '
        "WHERE customer_id = :customer_id"
    )
    return f'''
[agent]
extension = "agent"
region = "GB"

[[source]]
name = "accounting"
kind = "sql"
url = "sqlite:///{paths["acct"]}"
section = "balance"
identify = "SELECT id AS customer_id, name FROM customers WHERE phone = :e164"
identify_account = "SELECT id AS customer_id, name FROM customers WHERE id = :account"
query = "SELECT balance, overdue, overdue_days, currency FROM ar WHERE customer_id = :customer_id"

[[source]]
name = "sales"
kind = "sql"
url = "sqlite:///{paths["sales"]}"
section = "purchases"
query = "SELECT date, product, description, quantity, amount FROM lines WHERE customer_id = :customer_id ORDER BY date DESC LIMIT 10"
history = "SELECT customer_id, product, description, date, quantity, amount FROM lines"
owned = "SELECT product FROM lines WHERE customer_id = :customer_id GROUP BY product ORDER BY max(date) DESC"

[[source]]
name = "credit"
kind = "sql"
url = "sqlite:///{paths["credit"]}"
section = "credit"
timeout_ms = {credit_timeout_ms}
query = """{credit_query}"""
{extra}
'''

"""A real-data sales database and the contract's configuration, for the engine-path tests."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from pathlib import Path

from screenpop.sources.base import HistoryRow

QUERY = (
    "SELECT date, product, description, quantity, amount FROM lines "
    "WHERE customer_id = :customer_id ORDER BY date DESC LIMIT 10"
)
HISTORY = "SELECT customer_id, product, description, date, quantity, amount FROM lines"
OWNED = (
    "SELECT product FROM lines WHERE customer_id = :customer_id "
    "GROUP BY product ORDER BY max(date) DESC"
)


def write_sales(path: Path, rows: Iterable[HistoryRow]) -> None:
    con = sqlite3.connect(path)
    try:
        con.executescript(
            """
            CREATE TABLE lines (customer_id TEXT NOT NULL, product TEXT NOT NULL,
                description TEXT NOT NULL, date TEXT NOT NULL, quantity REAL NOT NULL,
                amount REAL NOT NULL);
            CREATE TABLE customers (customer_id TEXT PRIMARY KEY, name TEXT NOT NULL);
            """
        )
        con.executemany(
            "INSERT INTO lines VALUES (?, ?, ?, ?, ?, ?)",
            ((r.customer_id, r.product, r.description, r.date, r.quantity, r.amount)
             for r in rows),
        )
        con.executescript(
            """
            INSERT INTO customers SELECT DISTINCT customer_id, 'Customer ' || customer_id
                FROM lines;
            CREATE INDEX lines_customer_date ON lines (customer_id, date DESC);
            """
        )
        con.commit()
    finally:
        con.close()


def config_text(
    db: Path,
    model: Path,
    *,
    as_of: str = "",
    history: str | None = HISTORY,
    owned: str | None = None,
    per_pop: str = "auto",
    extra: str = "",
) -> str:
    """The sales source as DESIGN.md shows it (``query`` and ``history``), no ``owned``."""
    lines = [
        "[agent]",
        'region = "GB"',
        "",
        "[[source]]",
        'name = "sales"',
        'kind = "sql"',
        f'url = "sqlite:///{db.as_posix()}"',
        'section = "purchases"',
        'identify_account = "SELECT customer_id, name FROM customers '
        'WHERE customer_id = :account"',
        f'query = "{QUERY}"',
        "timeout_ms = 5000",
    ]
    if history is not None:
        lines.append(f'history = "{history}"')
    if owned is not None:
        lines.append(f'owned = "{owned}"')
    lines += [
        "",
        "[crosssell]",
        f'model = "{model.as_posix()}"',
        f'as_of = "{as_of}"',
        f'per_pop = "{per_pop}"',
        extra,
    ]
    return "\n".join(lines) + "\n"

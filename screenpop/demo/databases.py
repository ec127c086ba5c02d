"""The demo's SQLite databases, written from the shipped retail data.

Quick on purpose (``screenpop demo`` waits for it): ``executemany`` in one
transaction per database, indexes after the load, and the per-line work of the
sales table done by SQLite in one ``INSERT ... SELECT``. Each file is fsynced
before the build adopts it.
"""

from __future__ import annotations

import csv
import gzip
import os
import sqlite3
from collections.abc import Iterable
from pathlib import Path

from screenpop.demo.accounts import Account
from screenpop.demo.people import Person
from screenpop.demo.service import Case


def read_csv(path: Path) -> Iterable[list[str]]:
    with gzip.open(path, "rt", encoding="utf-8", newline="") as f:
        reader = csv.reader(f)
        next(reader)  # header, checked by the derivation script
        yield from reader


def connect(path: Path) -> sqlite3.Connection:
    con = sqlite3.connect(path, isolation_level=None)
    con.execute("PRAGMA journal_mode=WAL")
    # Safe: the file is only adopted after it is closed and fsynced.
    con.execute("PRAGMA synchronous=OFF")
    return con


def write(
    path: Path, schema: str, table: str, rows: Iterable[tuple[object, ...]], indexes: str
) -> int:
    con = connect(path)
    try:
        con.executescript(schema)
        width = len(con.execute(f"PRAGMA table_info({table})").fetchall())
        marks = ", ".join("?" * width)
        con.execute("BEGIN")
        cur = con.executemany(f"INSERT INTO {table} VALUES ({marks})", rows)
        count = cur.rowcount
        con.executescript(indexes)  # commits the transaction
        finish(con)
    finally:
        con.close()
    fsync(path)
    return count


def finish(con: sqlite3.Connection) -> None:
    """Statistics for the query planner, and everything out of the WAL."""
    con.execute("PRAGMA optimize")
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")


def fsync(path: Path) -> None:
    with open(path, "rb") as f:
        os.fsync(f.fileno())


def write_accounting(path: Path, people: dict[str, Person], accounts: dict[str, Account]) -> None:
    write(
        path,
        """
        CREATE TABLE customers (
            customer_id TEXT PRIMARY KEY,
            name TEXT NOT NULL,
            country TEXT NOT NULL,
            phone_e164 TEXT NOT NULL,
            currency TEXT NOT NULL
        );
        """,
        "customers",
        ((p.customer_id, p.name, p.country, p.phone_e164, p.currency) for p in people.values()),
        "CREATE INDEX customers_phone ON customers (phone_e164);",
    )
    write(
        path,
        """
        CREATE TABLE ar (
            customer_id TEXT PRIMARY KEY REFERENCES customers (customer_id),
            balance REAL NOT NULL,
            overdue REAL NOT NULL,
            overdue_days INTEGER NOT NULL,
            currency TEXT NOT NULL
        );
        """,
        "ar",
        ((cid, a.balance, a.overdue, a.overdue_days, a.currency) for cid, a in accounts.items()),
        "",
    )
    rollback_journal(path)


def rollback_journal(path: Path) -> None:
    """Leave ``path`` in SQLite's rollback-journal mode instead of WAL.

    The demo shows a department going down by holding an exclusive lock on
    its file (``screenpop.demo.outage``), as a month-end batch job would. In
    WAL mode readers never wait for a writer's lock, so the outage would not
    be one; in rollback mode they get "database is locked", for real.
    """
    con = sqlite3.connect(path, isolation_level=None)
    try:
        mode = con.execute("PRAGMA journal_mode=DELETE").fetchone()[0]
    finally:
        con.close()
    if mode != "delete":
        raise OSError(f"{path}: could not leave WAL mode (journal_mode={mode})")
    fsync(path)


def write_directory(path: Path, people: dict[str, Person]) -> None:
    """The web shop's customer accounts (name and phone) beside its sales lines.

    The sales side knows who its customers are, so it identifies callers too:
    when accounting is down the caller is still recognised, and the pop can
    show accounting's last known balance rather than an unknown caller.
    """
    write(
        path,
        """
        CREATE TABLE customers (
            customer_id TEXT PRIMARY KEY,
            name TEXT NOT NULL,
            phone_e164 TEXT NOT NULL
        );
        """,
        "customers",
        ((p.customer_id, p.name, p.phone_e164) for p in people.values()),
        "CREATE INDEX customers_phone ON customers (phone_e164);",
    )


#: The service desk's table. ``case_id`` is unique so that a replayed write
#: of a case opened from a call (``open_case``, keyed by its idempotency
#: key) is refused rather than landing twice; the columns ``open_case`` does
#: not fill (warranty, the purchase, the closing) may be empty.
SERVICE_SCHEMA = """
CREATE TABLE cases (
    case_id TEXT NOT NULL UNIQUE,
    customer_id TEXT NOT NULL,
    product TEXT NOT NULL,
    description TEXT NOT NULL,
    fault TEXT NOT NULL,
    status TEXT NOT NULL,
    opened TEXT NOT NULL,
    warranty_until TEXT,
    invoice TEXT,
    purchased TEXT,
    closed TEXT,
    resolution TEXT,
    call_id TEXT,
    agent TEXT
);
"""


def write_service(path: Path, cases: Iterable[Case]) -> int:
    """The service desk's ``cases``; writable, as the agent's cases land here."""
    return write(
        path,
        SERVICE_SCHEMA,
        "cases",
        (
            (
                c.case_id, c.customer_id, c.product, c.description, c.fault, c.status,
                c.opened, c.warranty_until, c.invoice, c.purchased, c.closed, c.resolution,
                None, None,
            )
            for c in cases
        ),
        "CREATE INDEX cases_customer ON cases (customer_id, opened DESC);",
    )  # fmt: skip


def write_sales(path: Path, data_dir: Path) -> int:
    """Load the shipped lines into sales.db; SQLite does the per-line work.

    The CSV rows go in as text into typed staging tables (column affinity
    converts them), and one INSERT ... SELECT joins the descriptions, writes
    ISO dates and computes amounts, all in C: a Python loop over 388k lines
    would be most of the demo's start-up time.
    """
    con = connect(path)
    try:
        con.executescript(
            """
            CREATE TABLE lines (
                customer_id TEXT NOT NULL,
                invoice TEXT NOT NULL,
                product TEXT NOT NULL,
                description TEXT NOT NULL,
                date TEXT NOT NULL,
                quantity INTEGER NOT NULL,
                unit_price REAL NOT NULL,
                amount REAL NOT NULL
            );
            CREATE TEMP TABLE raw (
                customer_id TEXT, invoice TEXT, product TEXT, date TEXT,
                quantity INTEGER, unit_price REAL
            );
            CREATE TEMP TABLE products (product TEXT PRIMARY KEY, description TEXT);
            """
        )
        con.execute("BEGIN")
        con.executemany(
            "INSERT INTO temp.products VALUES (?, ?)", read_csv(data_dir / "products.csv.gz")
        )
        con.executemany(
            "INSERT INTO temp.raw VALUES (?, ?, ?, ?, ?, ?)", read_csv(data_dir / "lines.csv.gz")
        )
        count = con.execute(
            """
            INSERT INTO lines
            SELECT r.customer_id, r.invoice, r.product, coalesce(p.description, ''),
                   replace(r.date, ' ', 'T'), r.quantity, r.unit_price,
                   round(r.quantity * r.unit_price, 2)
              FROM temp.raw r LEFT JOIN temp.products p ON p.product = r.product
             ORDER BY r.rowid
            """
        ).rowcount
        con.executescript(
            """
            CREATE INDEX lines_customer_date ON lines (customer_id, date DESC);
            CREATE INDEX lines_product ON lines (product);
            -- Reorders and cross-sells read each caller's history per product:
            -- grouped and covered by the index, no look-up of every line.
            CREATE INDEX lines_customer_product ON lines (customer_id, product, date, description);
            """
        )  # commits
        con.execute("DROP TABLE temp.raw")
        finish(con)
    finally:
        con.close()
    fsync(path)
    return int(count)


def write_credit(path: Path, accounts: dict[str, Account]) -> None:
    write(
        path,
        """
        CREATE TABLE credit (
            customer_id TEXT PRIMARY KEY,
            credit_limit REAL NOT NULL,
            risk_grade TEXT NOT NULL CHECK (risk_grade IN ('A', 'B', 'C', 'D')),
            terms TEXT NOT NULL,
            hold INTEGER NOT NULL CHECK (hold IN (0, 1)),
            hold_reason TEXT NOT NULL
        );
        """,
        "credit",
        (
            (cid, a.credit_limit, a.risk_grade, a.terms, int(a.hold), a.hold_reason)
            for cid, a in accounts.items()
        ),
        "",
    )

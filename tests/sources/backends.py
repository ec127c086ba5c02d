"""The sample customers (tests/sampledb.py) on every backend, and configs for them.

The SQL is the same text on SQLite, PostgreSQL and MariaDB; the REST config
maps the HTTP server's differently shaped JSON onto the same card fields.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from sqlalchemy import (
    Column,
    Date,
    Double,
    Integer,
    MetaData,
    String,
    Table,
    create_engine,
    insert,
)

from tests import sampledb

IDENTIFY = "SELECT id AS customer_id, name FROM customers WHERE phone = :e164"
IDENTIFY_ACCOUNT = "SELECT id AS customer_id, name FROM customers WHERE id = :account"
BALANCE = "SELECT balance, overdue, overdue_days, currency FROM ar WHERE customer_id = :customer_id"
PURCHASES = (
    "SELECT date, product, description, quantity, amount FROM sales_lines "
    "WHERE customer_id = :customer_id ORDER BY date DESC LIMIT 10"
)
CREDIT = (
    'SELECT credit_limit AS "limit", risk_grade, terms, hold FROM credit '
    "WHERE customer_id = :customer_id"
)


def load_sample(url: str) -> None:
    """The sample tables in a server database (typed as a real ERP would)."""
    meta = MetaData()
    customers = Table(
        "customers",
        meta,
        Column("id", String(16), primary_key=True),
        Column("name", String(100)),
        Column("phone", String(32), index=True),
    )
    ar = Table(
        "ar",
        meta,
        Column("customer_id", String(16), index=True),
        Column("balance", Double),
        Column("overdue", Double),
        Column("overdue_days", Integer),
        Column("currency", String(3)),
    )
    lines = Table(
        "sales_lines",  # not "lines": a reserved word in MariaDB
        meta,
        Column("customer_id", String(16), index=True),
        Column("date", Date),
        Column("product", String(16)),
        Column("description", String(100)),
        Column("quantity", Integer),
        Column("amount", Double),
    )
    credit = Table(
        "credit",
        meta,
        Column("customer_id", String(16), index=True),
        Column("credit_limit", Double),
        Column("risk_grade", String(2)),
        Column("terms", String(20)),
        Column("hold", Integer),
    )
    engine = create_engine(url)
    try:
        meta.create_all(engine)
        with engine.begin() as conn:
            for c in sampledb.CUSTOMERS:
                conn.execute(insert(customers).values(id=c[0], name=c[1], phone=c[2]))
                conn.execute(
                    insert(ar).values(
                        customer_id=c[0],
                        balance=c[3],
                        overdue=c[4],
                        overdue_days=c[5],
                        currency=c[6],
                    )
                )
                conn.execute(
                    insert(credit).values(
                        customer_id=c[0], credit_limit=c[7], risk_grade=c[8], terms=c[9], hold=c[10]
                    )
                )
            for ln in sampledb.LINES:
                conn.execute(
                    insert(lines).values(
                        customer_id=ln[0],
                        date=dt.date.fromisoformat(ln[1]),
                        product=ln[2],
                        description=ln[3],
                        quantity=ln[4],
                        amount=ln[5],
                    )
                )
    finally:
        engine.dispose()


def sql_config(
    urls: dict[str, str],
    *,
    credit_query: str = CREDIT,
    credit_timeout_ms: int = 800,
    timeout_ms: int = 800,
    password: str | None = None,
) -> str:
    """Accounting, sales and credit sources, each at its own URL (``timeout_ms``
    for accounting and sales)."""
    pw = f'password = "{password}"\n' if password else ""
    return f'''
[agent]
region = "GB"

[[source]]
name = "accounting"
kind = "sql"
url = "{urls["accounting"]}"
{pw}section = "balance"
timeout_ms = {timeout_ms}
identify = "{IDENTIFY}"
identify_account = "{IDENTIFY_ACCOUNT}"
query = "{BALANCE}"

[[source]]
name = "sales"
kind = "sql"
url = "{urls["sales"]}"
{pw}section = "purchases"
timeout_ms = {timeout_ms}
query = "{PURCHASES}"

[[source]]
name = "credit"
kind = "sql"
url = "{urls["credit"]}"
{pw}section = "credit"
timeout_ms = {credit_timeout_ms}
query = """{credit_query}"""
'''


def sqlite_config(tmp: Path) -> str:
    tmp.mkdir(parents=True, exist_ok=True)
    url = f"sqlite:///{tmp / 'erp.sqlite'}"
    load_sample(url)
    return sql_config(dict.fromkeys(("accounting", "sales", "credit"), url))


def rest_config(base: str, *, credit_path: str = "/api/customers/{customer_id}/credit") -> str:
    """The same three departments behind the HTTP server, with field mapping."""
    return f'''
[agent]
region = "GB"

[[source]]
name = "accounting"
kind = "rest"
section = "balance"
identify = "{base}/api/customers?phone={{e164}}"
identify_account = "{base}/api/customers?account={{account}}"
identify_items = "results"
identify_fields = {{customer_id = "id", name = "displayName"}}
query = "{base}/api/customers/{{customer_id}}/account"
fields = {{balance = "account.balance.amount", overdue = "account.overdue.amount", overdue_days = "account.overdue.days", currency = "account.balance.currency"}}

[[source]]
name = "sales"
kind = "rest"
section = "purchases"
query = "{base}/api/customers/{{customer_id}}/orders"
items = "orders"
fields = {{date = "date", product = "sku", description = "title", quantity = "qty", amount = "total"}}

[[source]]
name = "credit"
kind = "rest"
section = "credit"
query = "{base}{credit_path}"
items = "credit"
fields = {{limit = "limit", risk_grade = "grade", terms = "terms", hold = "hold"}}
'''

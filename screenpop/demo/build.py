"""Build the embedded demo: three SQLite sources and a config that uses them.

``screenpop demo`` must work on a fresh machine with nothing but the package:
it builds an accounting, a sales and a credit database from the shipped copy
of the real retail data (``screenpop/demo/data``), invents names and numbers
(``people``), derives balances and credit terms from each customer's real
purchases, and writes ``screenpop-demo.toml`` pointing the app at them.

The build is one job with a check and a result (``DemoSet``). It is quick
(executemany in one transaction per database, indexes after the load),
idempotent (a complete demo whose stamp matches the shipped data is reused)
and atomic (everything is built in a sibling temporary directory and renamed
into place, so a crash never leaves half a demo where the app would read it).

"Today" in the demo is ``AS_OF``, the day after the last invoice, so balances
and overdue days look the same whenever the demo is built.
"""

from __future__ import annotations

import csv
import gzip
import hashlib
import json
import math
import os
import shutil
import sqlite3
import tempfile
import time
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from screenpop.demo.people import Person, make_people
from screenpop.demo.scenario import DemoCall, make_calls

DATA_DIR = Path(__file__).resolve().parent / "data"
DATA_FILES = ("lines.csv.gz", "products.csv.gz", "customers.csv.gz")
#: Bump when the schema or the derivation rules change: old demos rebuild.
BUILD_VERSION = 4
AS_OF = date(2011, 12, 10)

ACCOUNTING_DB = "accounting.db"
SALES_DB = "sales.db"
CREDIT_DB = "credit.db"
CONFIG_FILE = "screenpop-demo.toml"
STAMP_FILE = "demo-stamp.json"
CROSSSELL_MODEL = "crosssell.model"
#: What the build makes and a rebuild replaces; anything else in a demo
#: directory (the demo journal) is carried into the rebuilt one.
OWN_NAMES = frozenset(
    {ACCOUNTING_DB, SALES_DB, CREDIT_DB, CONFIG_FILE, STAMP_FILE, CROSSSELL_MODEL}
    | {
        f"{db}{suffix}"
        for db in (ACCOUNTING_DB, SALES_DB, CREDIT_DB)
        for suffix in ("-wal", "-shm")
    }
)
#: A leftover build directory older than this is from a crashed build.
STALE_BUILD_S = 3600

#: GBP -> invoicing currency, approximate 2011 averages. The data's prices
#: are pounds; these only make foreign balances look plausible.
GBP_RATES: dict[str, float] = {
    "GBP": 1.0,
    "EUR": 1.15,
    "USD": 1.60,
    "CHF": 1.42,
    "SEK": 10.4,
    "NOK": 9.0,
    "DKK": 8.6,
    "AUD": 1.55,
    "JPY": 128.0,
}
#: Currencies without minor units.
ZERO_DECIMALS = frozenset({"JPY"})


class DemoError(RuntimeError):
    """The demo cannot be built where asked; the message says why."""


@dataclass(frozen=True, slots=True)
class DemoSet:
    """A built demo: where its files are and the calls it rings."""

    root: Path
    accounting: Path
    sales: Path
    credit: Path
    config: Path
    crosssell_model: Path
    calls: tuple[DemoCall, ...]


@dataclass(frozen=True, slots=True)
class Account:
    """One customer's receivables and credit, derived from their purchases."""

    balance: float
    overdue: float
    overdue_days: int
    currency: str
    credit_limit: float
    risk_grade: str
    terms: str
    hold: bool
    hold_reason: str


# ------------------------------------------------------------------ input --


def _read_csv(path: Path) -> Iterable[list[str]]:
    with gzip.open(path, "rt", encoding="utf-8", newline="") as f:
        reader = csv.reader(f)
        next(reader)  # header, checked by the derivation script
        yield from reader


def data_digest(data_dir: Path) -> str:
    """Identity of the shipped data: a demo built from other data is stale."""
    h = hashlib.sha256(f"screenpop-demo-{BUILD_VERSION}".encode())
    for name in DATA_FILES:
        h.update(hashlib.sha256((data_dir / name).read_bytes()).digest())
    return h.hexdigest()


# ------------------------------------------------------- derived accounts --


def _h(*parts: str) -> int:
    return int.from_bytes(hashlib.sha256(":".join(parts).encode()).digest()[:8], "big")


def _nice_ceiling(value: float) -> float:
    """Round up to 1, 2, 2.5 or 5 times a power of ten: how limits are set."""
    if value <= 0:
        return 0.0
    power = 10 ** math.floor(math.log10(value))
    for step in (1, 2, 2.5, 5, 10):
        if value <= step * power:
            return float(step * power)
    return float(10 * power)


def _money(gbp: float, currency: str) -> float:
    value = gbp * GBP_RATES[currency]
    return float(round(value)) if currency in ZERO_DECIMALS else round(value, 2)


def derive_account(
    customer_id: str, currency: str, invoices: dict[str, tuple[date, float]]
) -> Account:
    """Balances and credit from the customer's real invoices.

    Every customer is given a payment habit by hash: most pay on time (their
    balance is what is not yet due), some pay late (invoices stay open some
    weeks past due), a few stopped paying (everything since is open and
    overdue). Grade and terms follow the habit and the customer's loyalty;
    the limit follows their busiest month.
    """
    habit = _h("habit", customer_id) % 100
    n_invoices = len(invoices)
    if habit < 72:
        grade = "A" if n_invoices >= 5 else "B"
    elif habit < 90:
        grade = "C"
    else:
        grade = "D"
    terms, due_days = {
        "A": ("Net 60", 60),
        "B": ("Net 30", 30),
        "C": ("Net 14", 14),
        "D": ("Pro forma only", 30),  # new orders prepaid; old ones were Net 30
    }[grade]
    if grade == "C":
        late_days = 10 + _h("late", customer_id) % 36
        stopped: date | None = None
    elif grade == "D":
        late_days = 0
        stopped = AS_OF - timedelta(days=due_days + 30 + _h("stopped", customer_id) % 121)
    else:
        late_days = 0
        stopped = None

    balance = overdue = 0.0
    oldest_due: date | None = None
    for when, total in invoices.values():
        due = when + timedelta(days=due_days)
        paid_on = due + timedelta(days=late_days)
        unpaid = paid_on >= AS_OF or (stopped is not None and when >= stopped)
        if not unpaid:
            continue
        balance += total
        if due < AS_OF:
            overdue += total
            oldest_due = due if oldest_due is None else min(oldest_due, due)
    overdue_days = (AS_OF - oldest_due).days if oldest_due else 0

    monthly: dict[str, float] = defaultdict(float)
    for when, total in invoices.values():
        monthly[when.strftime("%Y-%m")] += total
    factor = {"A": 3.0, "B": 2.0, "C": 1.0, "D": 0.5}[grade]
    limit_gbp = max(500.0, max(monthly.values(), default=0.0) * factor)
    credit_limit = _nice_ceiling(limit_gbp * GBP_RATES[currency])

    balance_c = _money(balance, currency)
    reasons = []
    if overdue_days > 60:
        reasons.append(f"overdue {overdue_days} days")
    if grade == "D" and overdue > 0:
        reasons.append("stopped paying")
    if balance_c > credit_limit:
        reasons.append("over credit limit")
    return Account(
        balance=balance_c,
        overdue=_money(overdue, currency),
        overdue_days=overdue_days,
        currency=currency,
        credit_limit=credit_limit,
        risk_grade=grade,
        terms=terms,
        hold=bool(reasons),
        hold_reason="; ".join(reasons),
    )


def invoice_totals(sales: Path) -> dict[str, dict[str, tuple[date, float]]]:
    """customer -> invoice -> (date, total in GBP), from the built sales.db."""
    out: dict[str, dict[str, tuple[date, float]]] = defaultdict(dict)
    con = sqlite3.connect(sales)
    try:
        rows = con.execute(
            "SELECT customer_id, invoice, substr(min(date), 1, 10), sum(amount) "
            "FROM lines GROUP BY customer_id, invoice ORDER BY customer_id, invoice"
        )
        for customer, invoice, day, total in rows:
            out[customer][invoice] = (date.fromisoformat(day), float(total))
    finally:
        con.close()
    return out


# ---------------------------------------------------------------- writing --


def _connect(path: Path) -> sqlite3.Connection:
    con = sqlite3.connect(path, isolation_level=None)
    con.execute("PRAGMA journal_mode=WAL")
    # Safe: the file is only adopted after it is closed and fsynced.
    con.execute("PRAGMA synchronous=OFF")
    return con


def _write(
    path: Path, schema: str, table: str, rows: Iterable[tuple[object, ...]], indexes: str
) -> int:
    con = _connect(path)
    try:
        con.executescript(schema)
        width = len(con.execute(f"PRAGMA table_info({table})").fetchall())
        marks = ", ".join("?" * width)
        con.execute("BEGIN")
        cur = con.executemany(f"INSERT INTO {table} VALUES ({marks})", rows)
        count = cur.rowcount
        con.executescript(indexes)  # commits the transaction
        _finish(con)
    finally:
        con.close()
    _fsync(path)
    return count


def _finish(con: sqlite3.Connection) -> None:
    """Statistics for the query planner, and everything out of the WAL."""
    con.execute("PRAGMA optimize")
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")


def _fsync(path: Path) -> None:
    with open(path, "rb") as f:
        os.fsync(f.fileno())


def _write_accounting(path: Path, people: dict[str, Person], accounts: dict[str, Account]) -> None:
    _write(
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
    _write(
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


def _write_sales(path: Path, data_dir: Path) -> int:
    """Load the shipped lines into sales.db; SQLite does the per-line work.

    The CSV rows go in as text into typed staging tables (column affinity
    converts them), and one INSERT ... SELECT joins the descriptions, writes
    ISO dates and computes amounts, all in C: a Python loop over 388k lines
    would be most of the demo's start-up time.
    """
    con = _connect(path)
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
            "INSERT INTO temp.products VALUES (?, ?)", _read_csv(data_dir / "products.csv.gz")
        )
        con.executemany(
            "INSERT INTO temp.raw VALUES (?, ?, ?, ?, ?, ?)", _read_csv(data_dir / "lines.csv.gz")
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
        _finish(con)
    finally:
        con.close()
    _fsync(path)
    return int(count)


def _write_credit(path: Path, accounts: dict[str, Account]) -> None:
    _write(
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


def _toml_str(text: str) -> str:
    """A TOML basic string (JSON's escapes are TOML's, bar DEL)."""
    return json.dumps(text, ensure_ascii=False).replace("\x7f", "\\u007F")


def render_config(root: Path) -> str:
    """The demo's complete config, pointing at the databases under ``root``."""

    def url(name: str) -> str:
        return _toml_str(f"sqlite:///{(root / name).as_posix()}")

    return f"""\
# screenpop demo configuration, written by `screenpop demo`.
# Sources are SQLite files built from the UCI Online Retail data
# (CC BY 4.0, Chen 2015, https://doi.org/10.24432/C5BW33; modified).

[agent]
extension = "agent"
region = "GB"

[[bridge]]
kind = "demo"
name = "demo"
interval = 8.0
ring_seconds = 5.0

[[source]]
name = "accounting"
kind = "sql"
url = {url(ACCOUNTING_DB)}
section = "balance"
identify = "SELECT customer_id, name FROM customers WHERE phone_e164 = :e164"
identify_account = "SELECT customer_id, name FROM customers WHERE customer_id = :account"
query = "SELECT balance, overdue, overdue_days, currency FROM ar WHERE customer_id = :customer_id"

[[source]]
name = "sales"
kind = "sql"
url = {url(SALES_DB)}
section = "purchases"
query = \"\"\"SELECT date, product, description, quantity, amount, 'GBP' AS currency FROM lines \
WHERE customer_id = :customer_id ORDER BY date DESC LIMIT 10\"\"\"
history = "SELECT customer_id, product, description, date, quantity, amount FROM lines"
owned = \"\"\"SELECT product FROM lines WHERE customer_id = :customer_id \
GROUP BY product ORDER BY max(date) DESC\"\"\"

[[source]]
name = "credit"
kind = "sql"
url = {url(CREDIT_DB)}
section = "credit"
query = \"\"\"SELECT credit_limit AS "limit", risk_grade, terms, hold, hold_reason \
FROM credit WHERE customer_id = :customer_id\"\"\"

[[source]]
name = "profile"
kind = "sql"
url = {url(SALES_DB)}
section = "profile"
query = \"\"\"SELECT round(sum(amount), 2) AS lifetime_value, count(DISTINCT invoice) AS orders, \
substr(min(date), 1, 10) AS first_order, substr(max(date), 1, 10) AS last_order, \
'GBP' AS currency FROM lines WHERE customer_id = :customer_id\"\"\"

[crosssell]
model = {_toml_str((root / CROSSSELL_MODEL).as_posix())}
# "Today" for due reorders and new products: the day after the last invoice.
as_of = "{AS_OF.isoformat()}"

# Credit policy (README: Credit policy and customer value). Rules only take
# terms away; a figure that is missing makes its rule apply.
[credit]
terms = ["Prepay", "Net 14", "Net 30", "Net 60"]
alias = {{ "Pro forma only" = "Prepay" }}
cap_at_agreed = true
without_data = ["Prepay"]

[[credit.rule]]
when = "hold"
allow = ["Prepay"]
reason = "account on credit hold"

[[credit.rule]]
when = "overdue_days > 60"
allow = ["Prepay"]
reason = "invoices overdue more than 60 days"

[[credit.rule]]
when = "available <= 0"
allow = ["Prepay"]
reason = "over the credit limit"

[[credit.rule]]
when = "risk_grade in ['C', 'D']"
max = "Net 14"
reason = "risk grade C or D"

[[credit.rule]]
when = "overdue_days > 30"
max = "Net 14"
reason = "invoices overdue more than 30 days"

[[credit.rule]]
when = "utilisation > 0.9"
max = "Net 30"
reason = "more than 90% of the credit limit used"

# Value tiers: revenue quantiles over the 4,324 demo customers' whole sales
# history, from `python -m screenpop.value --config screenpop-demo.toml`.
[value]
currency = "GBP"
as_of = "{AS_OF.isoformat()}"
lapsed_days = 180

[[value.tier]]
name = "Platinum"
min_revenue = 5685.07
label = "top 5% by revenue"

[[value.tier]]
name = "Gold"
min_revenue = 2004.30
label = "top 20% by revenue"

[[value.tier]]
name = "Silver"
min_revenue = 656.61
label = "top 50% by revenue"

[[value.tier]]
name = "Bronze"
min_revenue = 2.90
label = "bottom 50% by revenue"
"""


# ------------------------------------------------------------------- build --


def _demo_set(root: Path) -> DemoSet:
    return DemoSet(
        root=root,
        accounting=root / ACCOUNTING_DB,
        sales=root / SALES_DB,
        credit=root / CREDIT_DB,
        config=root / CONFIG_FILE,
        crosssell_model=root / CROSSSELL_MODEL,
        calls=make_calls(root / ACCOUNTING_DB, root / SALES_DB, root / CREDIT_DB),
    )


def is_complete(root: Path, data_dir: Path = DATA_DIR) -> bool:
    """A demo whose stamp matches the shipped data and whose files all exist."""
    try:
        stamp = json.loads((root / STAMP_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    if not isinstance(stamp, dict) or stamp.get("data") != data_digest(data_dir):
        return False
    return all(
        (root / name).is_file() for name in (ACCOUNTING_DB, SALES_DB, CREDIT_DB, CONFIG_FILE)
    )


def _build_into(work: Path, root: Path, data_dir: Path) -> None:
    _write_sales(work / SALES_DB, data_dir)
    invoices = invoice_totals(work / SALES_DB)
    countries = {row[0]: row[1] for row in _read_csv(data_dir / "customers.csv.gz")}
    people = dict(make_people(countries).by_id)
    accounts = {
        cid: derive_account(cid, people[cid].currency, invoices.get(cid, {}))
        for cid in sorted(people)
    }
    _write_accounting(work / ACCOUNTING_DB, people, accounts)
    _write_credit(work / CREDIT_DB, accounts)
    (work / CONFIG_FILE).write_text(render_config(root), encoding="utf-8")
    # The stamp goes last: its presence says everything before it is done.
    stamp = {"version": BUILD_VERSION, "data": data_digest(data_dir), "as_of": AS_OF.isoformat()}
    (work / STAMP_FILE).write_text(json.dumps(stamp, indent=1) + "\n", encoding="utf-8")


def _sweep_stale_builds(parent: Path, name: str) -> None:
    """Remove build directories a crashed build left behind."""
    cutoff = time.time() - STALE_BUILD_S
    for old in parent.glob(f".{name}.build-*"):
        try:
            if old.is_dir() and old.stat().st_mtime < cutoff:
                shutil.rmtree(old, ignore_errors=True)
        except OSError:
            pass


def _carry_over(previous: Path, root: Path) -> None:
    """Move what the app keeps beside the demo (its journal) into the new one.

    The demo directory also holds files the build does not make, such as
    ``screenpop demo``'s journal; a rebuild must never lose them. They are
    renamed, not copied, so an open SQLite file keeps working.
    """
    for entry in sorted(previous.iterdir()):
        if entry.name not in OWN_NAMES:
            os.replace(entry, root / entry.name)


def build_demo(target: Path, *, force: bool = False, data_dir: Path = DATA_DIR) -> DemoSet:
    """Build the demo in ``target`` (a directory the demo owns) and describe it.

    A complete, current demo is reused unless ``force``. Otherwise it is built
    beside ``target`` and renamed into place; files in an existing demo that
    the build does not make (the demo journal) move into the new one, and the
    old cross-sell model is dropped with the data it was learned from. An
    existing ``target`` that is not a demo directory is refused, not replaced.
    """
    root = Path(os.path.abspath(target))
    if not force and is_complete(root, data_dir):
        return _demo_set(root)
    if root.exists():
        if not root.is_dir():
            raise DemoError(f"{root} exists and is not a directory")
        foreign = sorted(p.name for p in root.iterdir() if p.name not in OWN_NAMES)
        if foreign and not (root / STAMP_FILE).is_file():
            raise DemoError(
                f"refusing to replace {root}: it is not a demo directory "
                f"(holds {', '.join(foreign[:5])})"
            )
    missing = [name for name in DATA_FILES if not (data_dir / name).is_file()]
    if missing:
        raise DemoError(f"demo data missing from {data_dir}: {', '.join(missing)}")
    root.parent.mkdir(parents=True, exist_ok=True)
    _sweep_stale_builds(root.parent, root.name)
    work = Path(tempfile.mkdtemp(prefix=f".{root.name}.build-", dir=root.parent))
    old: Path | None = None
    try:
        _build_into(work, root, data_dir)
        if root.exists():
            old = Path(tempfile.mkdtemp(prefix=f".{root.name}.old-", dir=root.parent))
            os.replace(root, old / root.name)
        os.replace(work, root)
    except BaseException:
        shutil.rmtree(work, ignore_errors=True)
        if old is not None:
            if not root.exists():
                os.replace(old / root.name, root)  # put the previous demo back
            shutil.rmtree(old, ignore_errors=True)
        raise
    if old is not None:
        try:
            _carry_over(old / root.name, root)
        except OSError as exc:
            # Keep ``old``: it still holds what could not be moved.
            raise DemoError(f"demo rebuilt, but files stayed in {old}: {exc}") from exc
        shutil.rmtree(old, ignore_errors=True)
    return _demo_set(root)

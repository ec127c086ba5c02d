"""A sales database and the contract's configuration, run as a user would.

``ConfiguredShop`` writes the purchase lines given to it (those before a
split) into a SQLite ``lines`` table indexed on the customer, writes the
configuration DESIGN.md shows for a sales source (``query`` and ``history``,
no ``owned`` unless asked), builds the model with ``screenpop crosssell
build`` and looks customers up through ``Engine.lookup_once``: the same path
as ``screenpop lookup NUMBER --json``. What it returns is what the card says.
"""

from __future__ import annotations

import contextlib
import io
import sqlite3
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from screenpop.card import Card
from screenpop.sources.base import HistoryRow

#: A number in Ofcom's drama range: customers are found by the IVR account.
NUMBER = "+441632960000"

QUERY = (
    "SELECT date, product, description, quantity, amount FROM lines "
    "WHERE customer_id = :customer_id ORDER BY date DESC LIMIT 10"
)
HISTORY = "SELECT customer_id, product, description, date, quantity, amount FROM lines"
OWNED = (
    "SELECT product FROM lines WHERE customer_id = :customer_id "
    "GROUP BY product ORDER BY max(date) DESC"
)


def write_lines(path: Path, rows: Iterable[HistoryRow]) -> int:
    """The ``lines`` table (and ``customers``) of a sales database at ``path``."""
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
        n = con.executemany(
            "INSERT INTO lines VALUES (?, ?, ?, ?, ?, ?)",
            ((r.customer_id, r.product, r.description, r.date, r.quantity, r.amount)
             for r in rows),
        ).rowcount
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
    return n


def config_text(db: Path, model: Path, as_of: str, *, owned: bool = False, top: int = 10) -> str:
    """The contract's sales source, plus ``[crosssell]`` and ``[reorders]``."""
    owned_line = f'owned = "{OWNED}"\n' if owned else ""
    return f"""
[agent]
extension = "agent"
region = "GB"

[[source]]
name = "sales"
kind = "sql"
url = "sqlite:///{db.as_posix()}"
section = "purchases"
identify_account = "SELECT customer_id, name FROM customers WHERE customer_id = :account"
query = "{QUERY}"
history = "{HISTORY}"
{owned_line}timeout_ms = 2000

[crosssell]
model = "{model.as_posix()}"
exclude = ["POST", "M"]
top = {top}
as_of = "{as_of}"
per_pop = "{'owned' if owned else 'auto'}"

[reorders]
top = 5
"""


@dataclass(frozen=True, slots=True)
class Pop:
    """What one card said: the products of its two sections, and the time it took."""

    reorders: list[str]
    cross_sells: list[str]
    total_ms: float
    statuses: tuple[str, str]


class ConfiguredShop:
    """One split's sales database, configuration and model, built through the CLI."""

    def __init__(
        self, workdir: Path, rows: Iterable[HistoryRow], as_of: str, *, owned: bool = False
    ) -> None:
        from screenpop.cli import main

        workdir.mkdir(parents=True, exist_ok=True)
        self.db = workdir / "sales.db"
        self.model = workdir / "crosssell.model"
        self.config = workdir / "screenpop.toml"
        if not self.db.exists():
            write_lines(self.db, rows)
        self.config.write_text(config_text(self.db, self.model, as_of, owned=owned), "utf-8")
        if not self.model.exists():
            t = time.perf_counter()
            with contextlib.redirect_stderr(io.StringIO()) as err:
                code = main(["crosssell", "build", "--config", str(self.config)])
            if code != 0:
                raise RuntimeError(f"crosssell build failed: {err.getvalue()}")
            self.build_s = time.perf_counter() - t
        else:
            self.build_s = 0.0

    @contextlib.contextmanager
    def engine(self) -> Iterator[Callable[[str], Pop]]:
        from screenpop.config.loader import load_config
        from screenpop.engine import Engine

        config = load_config(self.config, use_user_file=False, use_machine_file=False, environ={})
        engine = Engine(config)
        try:
            yield lambda customer_id: _pop(engine.lookup_once(NUMBER, {"account": customer_id}))
        finally:
            engine.close_sources()

    def pops(self, customers: Sequence[str]) -> dict[str, Pop]:
        with self.engine() as pop:
            return {c: pop(c) for c in customers}


def _pop(card: Card) -> Pop:
    def products(name: str) -> tuple[list[str], str]:
        section = card.sections.get(name)
        if section is None:
            return [], "absent"
        return [str(i["product"]) for i in section.data or ()], section.status.value

    r, rs = products("reorders")
    x, xs = products("cross_sells")
    return Pop(r, x, card.latency_ms.get("total", 0.0), (rs, xs))

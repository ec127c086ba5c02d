"""A customer's purchases per product, read from the sales source's ``history``
query on every pop: what reorders and cross-sells score.

``history`` is the whole sales history (the model's build reads it all); for
one caller it is wrapped as a derived table and filtered on its
``customer_id`` (``:key`` when a ``key_query`` translates the id), so the
database pushes the filter down to its index on the lines table (SQLite
flattens the subquery, PostgreSQL pulls it up, MariaDB merges the derived
table; ``tests/crosssell/test_product_history.py`` reads the plans). The
database groups per product and counts the days itself, so the pop parses no
dates and builds no dict per line: the heaviest real customer's 7,570 lines
come back as 1,319 rows.
"""

from __future__ import annotations

import datetime as dt
import decimal
import re
from typing import TYPE_CHECKING, Any

from screenpop.reasons import Reason, define
from screenpop.sources.base import Params, SourceError, deadline_after

if TYPE_CHECKING:
    from screenpop.sources.sql import SqlSource

#: Days since 1970 of a date or timestamp, counted by each database ("{}" is the
#: column); other databases answer a date, converted in Python.
_EPOCH_DAY = {
    "sqlite": "CAST(julianday({}) - 2440587.5 AS INTEGER)",
    "postgresql": "(CAST({} AS DATE) - DATE '1970-01-01')",
    "mysql": "(TO_DAYS({}) - 719528)",
    "mariadb": "(TO_DAYS({}) - 719528)",
}
#: A statement's closing ";" with only blanks and comments after it.
_FINAL_SEMICOLON = re.compile(r";(?:\s|--[^\n]*|/\*.*?\*/)*\Z", re.DOTALL)
_EPOCH = dt.date(1970, 1, 1)

NO_HISTORY = define("sql.no_history", "source {source} has no 'history' query")

#: (product, description, times bought on distinct days, first day, last day)
Row = tuple[str, str, int, int, int]


def statement(source: SqlSource) -> str:
    """The ``history`` query cut down to one customer, one row per product.

    Its columns ``customer_id``, ``product``, ``description`` and ``date``
    (after ``rename``) are used. Answers product, description, times bought
    (distinct days), first and last day bought as days since 1970; the most
    recently bought first.
    """
    cfg = source.cfg
    if cfg.history is None:
        raise SourceError.because(Reason.of(NO_HISTORY, source=source.name))
    quote = source.engine.dialect.identifier_preparer.quote
    source_names = {card: src for src, card in cfg.rename.items()}

    def col(card_name: str) -> str:
        return f"h.{quote(source_names.get(card_name, card_name))}"

    product, when = col("product"), col("date")
    day = _EPOCH_DAY.get(source.backend, "CAST({} AS DATE)").format
    bind = ":key" if cfg.key_query is not None else ":customer_id"
    # A final ";" (and comments after it) would end the statement early; a
    # trailing "-- comment" is harmless: ")" follows on its own line.
    inner = _FINAL_SEMICOLON.sub("", cfg.history.strip())
    return (
        f"SELECT {product} AS product, MAX({col('description')}) AS description, "
        f"COUNT(DISTINCT {day(when)}) AS times_bought, "
        f"{day(f'MIN({when})')} AS first_day, {day(f'MAX({when})')} AS last_day\n"
        f"FROM (\n{inner}\n) h\n"
        f"WHERE {col('customer_id')} = {bind}\n"
        f"GROUP BY {product}\n"
        f"ORDER BY MAX({when}) DESC"
    )


def fetch(
    source: SqlSource, params: Params, deadline: float | None = None, limit: int = 20_000
) -> list[Row]:
    """The customer's purchases per product (``statement``), at most ``limit`` rows,
    under the section's one deadline; rows without a product or a date are left out."""
    if deadline is None:
        deadline = deadline_after(source.timeout_s)
    keyed = source.keyed(params, deadline)
    if keyed is None:
        return []
    _, rows = source.execute(statement(source), keyed, limit=limit, deadline=deadline)
    out: list[Row] = []
    append = out.append
    for product, description, times, first, last in rows:
        if type(first) is not int or type(last) is not int:  # a date, not days
            last = _as_day(last)
            first = _as_day(first) if last is not None else None
            if last is None:
                continue
            if first is None or first > last:
                first = last
        if product is None:
            continue
        if type(description) is not str:
            description = "" if description is None else _text(description)
        append(
            (
                product if type(product) is str else str(product),
                description,
                times if type(times) is int and times > 0 else max(int(times or 1), 1),
                first,
                last,
            )
        )
    return out


def _as_day(value: Any) -> int | None:
    """Days since 1970 from what a database answered for one (a number or a date)."""
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, int | float | decimal.Decimal):
        return int(value)
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        return (value - _EPOCH).days
    try:
        return (dt.date.fromisoformat(str(value)[:10]) - _EPOCH).days
    except ValueError:
        return None


def _text(value: Any) -> str:
    """A description that is not text: bytes decoded, anything else as written."""
    if isinstance(value, bytes | bytearray | memoryview):
        return bytes(value).decode("utf-8", "replace")
    return str(value)

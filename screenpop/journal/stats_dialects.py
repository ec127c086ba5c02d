"""What differs between the local SQLite and the central PostgreSQL ``calls`` for stats.

``stats.compute`` builds every figure once, from these per-database pieces:
how seconds between two times are computed, how ``failed_sections`` is read
as a JSON array (whatever a row holds), how a day or an hour is named, and
whether the database can compute percentiles itself.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Table,
    case,
    cast,
    exists,
    extract,
    func,
    literal,
    literal_column,
    select,
    type_coerce,
)
from sqlalchemy.dialects.postgresql import JSONB


@dataclass(frozen=True)
class Shape:
    """What differs between the local SQLite and the central PostgreSQL ``calls``.

    Format strings are SQL literals (constants of ours, never user input) so
    a grouping expression compiles identically in SELECT and GROUP BY.
    """

    table: Table
    #: Seconds from ``earlier`` to ``later``.
    seconds: Callable[[Any, Any], ColumnElement[Any]]
    #: ``failed_sections`` as a JSON array whatever it holds (bad JSON → []).
    failed: Callable[[Table], ColumnElement[Any]]
    failed_count: Callable[[ColumnElement[Any]], ColumnElement[Any]]
    failed_elements: Callable[[ColumnElement[Any]], Any]
    #: Whether the JSON array holds this section name.
    failed_has: Callable[[ColumnElement[Any], str], ColumnElement[bool]]
    day: Callable[[Table], ColumnElement[Any]]
    hour: Callable[[Table], ColumnElement[Any]]
    time: Callable[[float], Any]
    has_agent: bool
    sql_percentiles: bool


def sqlite_shape() -> Shape:
    from screenpop.journal.models import Base

    table = Base.metadata.tables["calls"]

    def failed(t: Table) -> ColumnElement[Any]:
        fs = t.c.failed_sections
        empty: ColumnElement[str] = literal_column("'[]'")
        # Nested so json_type never sees invalid JSON (it would raise).
        return case(
            (
                func.json_valid(fs) == 1,
                case((func.json_type(fs) == literal_column("'array'"), fs), else_=empty),
            ),
            else_=empty,
        )

    return Shape(
        table=table,
        seconds=lambda later, earlier: later - earlier,
        failed=failed,
        failed_count=lambda arr: func.json_array_length(arr),
        failed_elements=lambda arr: func.json_each(arr).table_valued("value"),
        failed_has=_sqlite_has,
        day=lambda t: func.strftime(literal_column("'%Y-%m-%d'"), t.c.ringing_at, _UNIXEPOCH),
        hour=lambda t: func.strftime(
            literal_column("'%Y-%m-%dT%H:00'"), t.c.ringing_at, _UNIXEPOCH
        ),
        time=float,
        has_agent=False,
        sql_percentiles=False,
    )


_UNIXEPOCH: ColumnElement[str] = literal_column("'unixepoch'")


def _sqlite_has(arr: ColumnElement[Any], name: str) -> ColumnElement[bool]:
    elements = func.json_each(arr).table_valued("value")
    return exists(select(literal(1)).select_from(elements).where(elements.c.value == name))


def postgresql_shape() -> Shape:
    from datetime import UTC, datetime

    from screenpop.journal.central import CALLS

    utc: ColumnElement[str] = literal_column("'UTC'")

    def failed(t: Table) -> ColumnElement[Any]:
        fs = t.c.failed_sections
        return case(
            (func.jsonb_typeof(fs) == literal_column("'array'"), fs),
            else_=cast(literal_column("'[]'"), JSONB),
        )

    return Shape(
        table=CALLS,
        seconds=lambda later, earlier: extract("epoch", later - earlier),
        failed=failed,
        failed_count=lambda arr: func.jsonb_array_length(arr),
        failed_elements=lambda arr: func.jsonb_array_elements_text(arr).table_valued("value"),
        failed_has=lambda arr, name: type_coerce(arr, JSONB).contains([name]),
        day=lambda t: func.to_char(
            func.timezone(utc, t.c.ringing_at), literal_column("'YYYY-MM-DD'")
        ),
        hour=lambda t: func.to_char(
            func.timezone(utc, t.c.ringing_at), literal_column("'YYYY-MM-DD\"T\"HH24:00'")
        ),
        time=lambda ts: datetime.fromtimestamp(ts, UTC),
        has_agent=True,
        sql_percentiles=True,
    )

"""The figures a supervisor manages by: ``screenpop journal stats [--by day|hour|agent|none]``.

Per group (a UTC day, a UTC clock hour, an agent, or everything):

- **offered** every call journaled; **answered** answered here (an answer
  time, not by another agent, not missed); **answered elsewhere** picked up by
  another agent; **missed** never answered. Answer and missed rates are of
  offered calls.
- **time to answer** ``answered_at − ringing_at`` and **talk time**
  ``ended_at − answered_at`` of calls answered here: median and p90.
- **wrap-up completion** answered-here calls with a saved wrap-up / answered.
- **dispositions** the most frequent, with counts.
- **pop latency** p50/p95 of ``pop_latency_ms``.
- **failed sections** calls whose card had a section time out or be
  unavailable, and which sections failed most often.
- **unknown callers** no customer matched (0 matches); **multi-match**
  the number matched several customers (the agent was shown a picker).

Why it is computed like this:

- **In the database.** Counts, rates and groupings are SQL aggregates, never
  rows pulled into Python. PostgreSQL computes the percentiles too
  (``percentile_cont``). SQLite has no percentile aggregate: there one column
  is streamed in order per figure and only the values at the percentile's
  positions are kept, so memory stays flat however large the journal is;
  the interpolation is ``percentile_cont``'s, so both give the same figures.
- **One snapshot.** All queries of one report run on one read snapshot (one
  SQLite read transaction; one PostgreSQL REPEATABLE READ transaction), so the
  counts the percentile positions come from and the streamed values agree.
- **Row-level security decides.** Centrally every query runs as the
  configured login and reads only what RLS lets it read; nothing here filters
  by team. ``--by agent`` is therefore a supervisor's team (or an agent's own
  row); locally the journal is one agent's, so ``--by agent`` is refused.
"""

from __future__ import annotations

import csv
import json
import math
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal, TextIO

from sqlalchemy import (
    ColumnElement,
    Connection,
    Select,
    Table,
    and_,
    case,
    cast,
    extract,
    false,
    func,
    literal_column,
    select,
    true,
)
from sqlalchemy.dialects.postgresql import JSONB

from screenpop.journal.search import SearchFilters, conditions

Grouping = Literal["none", "day", "hour", "agent"]
GROUPINGS: tuple[str, ...] = ("none", "day", "hour", "agent")
Format = Literal["table", "csv", "json"]
#: How many dispositions / failing sections are listed per group.
TOP = 5

#: (figure name, percentile) pairs computed per group, in output order.
_PERCENTILES: tuple[tuple[str, str, float], ...] = (
    ("answer_p50_s", "answer", 0.5),
    ("answer_p90_s", "answer", 0.9),
    ("talk_p50_s", "talk", 0.5),
    ("talk_p90_s", "talk", 0.9),
    ("pop_p50_ms", "pop", 0.5),
    ("pop_p95_ms", "pop", 0.95),
)


@dataclass
class GroupStats:
    """The figures of one group (see the module docstring for each definition)."""

    group: str
    offered: int = 0
    answered: int = 0
    answered_elsewhere: int = 0
    missed: int = 0
    wrapped_up: int = 0
    failed_calls: int = 0
    unknown_callers: int = 0
    multi_match: int = 0
    answer_p50_s: float | None = None
    answer_p90_s: float | None = None
    talk_p50_s: float | None = None
    talk_p90_s: float | None = None
    pop_p50_ms: float | None = None
    pop_p95_ms: float | None = None
    top_dispositions: list[tuple[str, int]] = field(default_factory=list)
    top_failed_sections: list[tuple[str, int]] = field(default_factory=list)

    @property
    def answer_rate(self) -> float | None:
        return self.answered / self.offered if self.offered else None

    @property
    def missed_rate(self) -> float | None:
        return self.missed / self.offered if self.offered else None

    @property
    def wrapup_rate(self) -> float | None:
        return self.wrapped_up / self.answered if self.answered else None


# ----------------------------------------------------------- the dialects --


@dataclass(frozen=True)
class _Shape:
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
    day: Callable[[Table], ColumnElement[Any]]
    hour: Callable[[Table], ColumnElement[Any]]
    time: Callable[[float], Any]
    has_agent: bool
    sql_percentiles: bool


def _sqlite_shape() -> _Shape:
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

    return _Shape(
        table=table,
        seconds=lambda later, earlier: later - earlier,
        failed=failed,
        failed_count=lambda arr: func.json_array_length(arr),
        failed_elements=lambda arr: func.json_each(arr).table_valued("value"),
        day=lambda t: func.strftime(literal_column("'%Y-%m-%d'"), t.c.ringing_at, _UNIXEPOCH),
        hour=lambda t: func.strftime(
            literal_column("'%Y-%m-%dT%H:00'"), t.c.ringing_at, _UNIXEPOCH
        ),
        time=float,
        has_agent=False,
        sql_percentiles=False,
    )


_UNIXEPOCH: ColumnElement[str] = literal_column("'unixepoch'")


def _postgresql_shape() -> _Shape:
    from datetime import UTC, datetime

    from screenpop.journal.central import CALLS

    utc: ColumnElement[str] = literal_column("'UTC'")

    def failed(t: Table) -> ColumnElement[Any]:
        fs = t.c.failed_sections
        return case(
            (func.jsonb_typeof(fs) == literal_column("'array'"), fs),
            else_=cast(literal_column("'[]'"), JSONB),
        )

    return _Shape(
        table=CALLS,
        seconds=lambda later, earlier: extract("epoch", later - earlier),
        failed=failed,
        failed_count=lambda arr: func.jsonb_array_length(arr),
        failed_elements=lambda arr: func.jsonb_array_elements_text(arr).table_valued("value"),
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


# -------------------------------------------------------------- queries --


def _group_key(shape: _Shape, by: str) -> ColumnElement[Any] | None:
    """The grouping expression, or None for one group of everything."""
    t = shape.table
    if by == "none":
        return None
    if by == "day":
        return shape.day(t)
    if by == "hour":
        return shape.hour(t)
    if by == "agent":
        if not shape.has_agent:
            raise ValueError(
                "--by agent needs --central: this workstation's journal is one agent's calls"
            )
        return t.c.agent
    raise ValueError(f"--by {by!r}: use one of {', '.join(GROUPINGS)}")


class _Figures:
    """The per-call expressions every figure is built from (one place for the definitions)."""

    def __init__(self, shape: _Shape) -> None:
        c = shape.table.c
        self.answered_here = and_(
            c.answered_at.is_not(None),
            c.answered_elsewhere == false(),
            c.state != "missed",
        )
        self.elsewhere = c.answered_elsewhere == true()
        self.missed = c.state == "missed"
        self.wrapped = and_(self.answered_here, c.wrapped_up_at.is_not(None))
        self.unknown = and_(c.customer_id.is_(None), c.matches == 0)
        self.multi = c.matches > 1
        self.failed = shape.failed_count(shape.failed(shape.table)) > 0
        #: The measured values; NULL where a call does not count for the figure.
        self.values: dict[str, ColumnElement[Any]] = {
            "answer": case((self.answered_here, shape.seconds(c.answered_at, c.ringing_at))),
            "talk": case(
                (
                    and_(self.answered_here, c.ended_at.is_not(None)),
                    shape.seconds(c.ended_at, c.answered_at),
                )
            ),
            "pop": c.pop_latency_ms,
        }


def _count(cond: ColumnElement[bool]) -> ColumnElement[Any]:
    return func.count(case((cond, 1)))


def _grouped(query: Select[Any], key: ColumnElement[Any] | None) -> Select[Any]:
    return query if key is None else query.group_by(key).order_by(key)


def compute(
    conn: Connection,
    *,
    dialect: Literal["sqlite", "postgresql"],
    by: str = "none",
    filters: SearchFilters | None = None,
    where: Sequence[ColumnElement[bool]] = (),
) -> list[GroupStats]:
    """Every group's figures, groups in order; ``ValueError`` for a grouping the journal lacks.

    ``conn`` should hold one snapshot (``Journal.reader()``; a REPEATABLE READ
    transaction centrally) so that the queries of one report agree.
    """
    shape = _sqlite_shape() if dialect == "sqlite" else _postgresql_shape()
    key = _group_key(shape, by)
    # ``where``: further conditions on the same table (the supervisor window's team/agent).
    where = [*conditions(filters or SearchFilters(), shape.table, time=shape.time), *where]
    fig = _Figures(shape)
    t = shape.table
    label = (key if key is not None else literal_column("'all'")).label("grp")

    columns: list[Any] = [
        label,
        func.count().label("offered"),
        _count(fig.answered_here).label("answered"),
        _count(fig.elsewhere).label("answered_elsewhere"),
        _count(fig.missed).label("missed"),
        _count(fig.wrapped).label("wrapped_up"),
        _count(fig.failed).label("failed_calls"),
        _count(fig.unknown).label("unknown_callers"),
        _count(fig.multi).label("multi_match"),
    ]
    for name, value in fig.values.items():
        columns.append(func.count(value).label(f"n_{name}"))
    if shape.sql_percentiles:
        for name, value_name, p in _PERCENTILES:
            columns.append(
                func.percentile_cont(literal_column(repr(p)))
                .within_group(fig.values[value_name])
                .label(name)
            )
    rows = conn.execute(_grouped(select(*columns).select_from(t).where(*where), key)).all()

    groups: dict[str, GroupStats] = {}
    counts: dict[str, dict[str, int]] = {}
    for row in rows:
        m = row._mapping
        stats = GroupStats(
            group=str(m["grp"]),
            offered=int(m["offered"]),
            answered=int(m["answered"]),
            answered_elsewhere=int(m["answered_elsewhere"]),
            missed=int(m["missed"]),
            wrapped_up=int(m["wrapped_up"]),
            failed_calls=int(m["failed_calls"]),
            unknown_callers=int(m["unknown_callers"]),
            multi_match=int(m["multi_match"]),
        )
        if shape.sql_percentiles:
            for name, _value, _p in _PERCENTILES:
                value = m[name]
                setattr(stats, name, None if value is None else float(value))
        groups[stats.group] = stats
        counts[stats.group] = {name: int(m[f"n_{name}"]) for name in fig.values}

    if not shape.sql_percentiles:
        for value_name in fig.values:
            _stream_percentiles(conn, shape, key, where, fig, value_name, groups, counts)

    # Dispositions and failing sections: a few rows per group, ranked here.
    key_or_all = label
    disp = conn.execute(
        select(key_or_all, t.c.disposition, func.count().label("n"))
        .select_from(t)
        .where(*where, t.c.disposition.is_not(None), t.c.disposition != "")
        .group_by(*([key] if key is not None else []), t.c.disposition)
    ).all()
    for group, name, n in _top(disp):
        groups[group].top_dispositions.append((name, n))
    elements = shape.failed_elements(shape.failed(t))
    failing = conn.execute(
        select(key_or_all, elements.c.value, func.count().label("n"))
        .select_from(t)
        .join(elements, true())
        .where(*where)
        .group_by(*([key] if key is not None else []), elements.c.value)
    ).all()
    for group, name, n in _top(failing):
        groups[group].top_failed_sections.append((name, n))
    return list(groups.values())


def _top(rows: Iterable[Any]) -> list[tuple[str, str, int]]:
    """(group, name, count) ranked per group: most first, then by name; at most ``TOP`` each."""
    by_group: dict[str, list[tuple[str, int]]] = defaultdict(list)
    for group, name, n in rows:
        by_group[str(group)].append((str(name), int(n)))
    out = []
    for group, items in by_group.items():
        items.sort(key=lambda item: (-item[1], item[0]))
        out += [(group, name, n) for name, n in items[:TOP]]
    return out


def percentile_positions(n: int, p: float) -> tuple[int, int, float]:
    """Where ``percentile_cont(p)`` of ``n`` sorted values lies: (lower, upper, fraction)."""
    pos = p * (n - 1)
    lower = math.floor(pos)
    return lower, min(n - 1, lower + 1), pos - lower


def _stream_percentiles(
    conn: Connection,
    shape: _Shape,
    key: ColumnElement[Any] | None,
    where: Sequence[ColumnElement[bool]],
    fig: _Figures,
    value_name: str,
    groups: dict[str, GroupStats],
    counts: dict[str, dict[str, int]],
) -> None:
    """Percentiles of one figure for SQLite: one sorted column streamed, O(1) memory.

    The aggregate query already counted each group's values (``counts``), so
    the positions are known before streaming and only the values there are
    kept.
    """
    value = fig.values[value_name].label("v")
    label = (key if key is not None else literal_column("'all'")).label("grp")
    order = [key, value] if key is not None else [value]
    wanted = [(name, p) for name, vname, p in _PERCENTILES if vname == value_name]
    query = (
        select(label, value)
        .select_from(shape.table)
        .where(*where, fig.values[value_name].is_not(None))
        .order_by(*order)
    )
    current: str | None = None
    index = 0
    picks: dict[int, float] = {}
    needed: set[int] = set()

    def finish(group: str | None) -> None:
        if group is None or group not in groups:
            return
        n = counts[group][value_name]
        for name, p in wanted:
            if n == 0:
                continue
            lower, upper, frac = percentile_positions(n, p)
            if lower in picks and upper in picks:
                setattr(groups[group], name, picks[lower] + (picks[upper] - picks[lower]) * frac)

    for group_value, v in conn.execution_options(yield_per=2000).execute(query):
        group = str(group_value)
        if group != current:
            finish(current)
            current, index, picks = group, 0, {}
            n = counts.get(group, {}).get(value_name, 0)
            needed = set()
            for _name, p in wanted:
                if n:
                    lower, upper, _frac = percentile_positions(n, p)
                    needed |= {lower, upper}
        if index in needed:
            picks[index] = float(v)
        index += 1
    finish(current)


# -------------------------------------------------------------- output --

#: Output columns: (key in CSV/JSON, header in the table, kind for formatting).
COLUMNS: tuple[tuple[str, str, str], ...] = (
    ("group", "group", "text"),
    ("offered", "offered", "int"),
    ("answered", "answered", "int"),
    ("answered_elsewhere", "elsewhere", "int"),
    ("missed", "missed", "int"),
    ("answer_rate", "answer%", "rate"),
    ("missed_rate", "missed%", "rate"),
    ("answer_p50_s", "tta_p50", "seconds"),
    ("answer_p90_s", "tta_p90", "seconds"),
    ("talk_p50_s", "talk_p50", "seconds"),
    ("talk_p90_s", "talk_p90", "seconds"),
    ("wrapup_rate", "wrapup%", "rate"),
    ("pop_p50_ms", "pop_p50ms", "ms"),
    ("pop_p95_ms", "pop_p95ms", "ms"),
    ("failed_calls", "failed", "int"),
    ("unknown_callers", "unknown", "int"),
    ("multi_match", "multi", "int"),
    ("top_dispositions", "dispositions", "list"),
    ("top_failed_sections", "failing_sections", "list"),
)


def _value(stats: GroupStats, name: str) -> Any:
    return getattr(stats, name)


def _round(value: float | None, digits: int) -> float | None:
    return None if value is None else round(value, digits)


def to_json(stats: GroupStats) -> dict[str, Any]:
    """One group as a JSON object: counts, rates as fractions (0–1), seconds, milliseconds."""
    out: dict[str, Any] = {}
    for name, _header, kind in COLUMNS:
        value = _value(stats, name)
        if kind == "rate":
            value = _round(value, 4)
        elif kind in ("seconds", "ms"):
            value = _round(value, 3)
        elif name == "top_dispositions":
            value = [{"disposition": d, "calls": n} for d, n in value]
        elif name == "top_failed_sections":
            value = [{"section": s, "calls": n} for s, n in value]
        out[name] = value
    return out


def _cell(stats: GroupStats, name: str, kind: str, *, table: bool) -> str:
    """A plain cell: no thousands separators or units; seconds and ms with one decimal."""
    value = _value(stats, name)
    if value is None:
        return "-" if table else ""
    if kind == "rate":
        return f"{value * 100:.1f}" if table else f"{value:.4f}"
    if kind in ("seconds", "ms"):
        return f"{value:.1f}"
    if kind == "list":
        return (
            " ".join(f"{item}:{n}" for item, n in value)
            if table
            else ";".join(f"{item}:{n}" for item, n in value)
        )
    return str(value)


def write(
    groups: Sequence[GroupStats],
    out: TextIO,
    *,
    fmt: Format = "table",
    by: str = "none",
    since: str | None = None,
    until: str | None = None,
) -> None:
    """Write the report: an aligned table, CSV (one row per group) or one JSON document."""
    if fmt == "json":
        doc = {"by": by, "since": since, "until": until, "groups": [to_json(g) for g in groups]}
        out.write(json.dumps(doc, ensure_ascii=False, indent=1) + "\n")
        return
    if fmt == "csv":
        writer = csv.writer(out, lineterminator="\r\n")
        writer.writerow([name for name, _h, _k in COLUMNS])
        for g in groups:
            cells = [_cell(g, name, kind, table=False) for name, _h, kind in COLUMNS]
            # The group and list cells come from the data (dispositions are
            # agents' words): never let a spreadsheet evaluate them.
            writer.writerow([_safe(cell) for cell in cells])
        return
    if fmt != "table":
        raise ValueError(f"unknown stats format {fmt!r} (table, csv or json)")
    headers = [header for _n, header, _k in COLUMNS]
    body = [[_cell(g, name, kind, table=True) for name, _h, kind in COLUMNS] for g in groups]
    widths = [max(len(row[i]) for row in [headers, *body]) for i in range(len(headers))]
    for row in [headers, *body]:
        cells = []
        for i, (cell, (_n, _h, kind)) in enumerate(zip(row, COLUMNS, strict=True)):
            last = i == len(row) - 1
            if kind in ("text", "list"):
                cells.append(cell if last else cell.ljust(widths[i]))
            else:
                cells.append(cell.rjust(widths[i]))
        out.write("  ".join(cells).rstrip() + "\n")


def _safe(cell: str) -> str:
    from screenpop.journal.export import _csv_cell

    return _csv_cell(cell)

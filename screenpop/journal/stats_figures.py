"""One group's figures (``GroupStats``) and how a report of them is written.

``stats.compute`` fills the figures; ``write`` prints them as an aligned
table, CSV (cells a spreadsheet never evaluates) or one JSON document, with
the same column names in every format.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, Literal, TextIO

from screenpop.journal.spreadsheet import csv_cell

Format = Literal["table", "csv", "json"]


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
    return csv_cell(cell)

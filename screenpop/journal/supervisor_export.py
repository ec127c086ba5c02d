"""Export of the supervisor's filtered log and figures to CSV and XLSX, with progress and cancel.

Why it is shaped like this:

- **The same rows as ``journal export --central``.** The log is streamed by
  the command line's own reader (``central.iter_central``, oldest first,
  server-side cursor, flat memory) with the window's filters as conditions,
  and each row is ``export.record_to_row`` plus ``agent`` and ``team``: the
  same columns, values and order. CSV cells go through the command line's
  formula guard; CSV starts with a UTF-8 byte order mark so that a
  spreadsheet reads Finnish, Lithuanian or Hebrew names right.
- **No formula ever runs.** XLSX string cells are written as strings
  (openpyxl would take any text starting with ``=`` for a formula) and
  those starting like a formula also get Excel's quote prefix, so editing
  the cell does not turn it into one. Characters XML cannot hold are
  dropped. Times are real date-times (UTC), numbers are numbers.
- **Atomic, cancellable.** Rows go to ``NAME.part`` beside the target, which
  replaces the target only when complete; cancelling or a failure removes
  the part file and leaves any earlier export as it was. ``progress(done,
  total)`` and ``cancelled()`` are called between rows; they are the UI's
  (a worker thread calls them).
"""

from __future__ import annotations

import contextlib
import csv
import os
from collections.abc import Callable, Generator, Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any, Literal

from sqlalchemy import Connection

from screenpop.journal.calllog import LogQuery, conditions, count
from screenpop.journal.central import iter_central
from screenpop.journal.export import CENTRAL_COLUMNS, record_to_row
from screenpop.journal.figures import Figures
from screenpop.journal.spreadsheet import csv_cell
from screenpop.journal.stats import COLUMNS as STATS_COLUMNS
from screenpop.journal.stats import GroupStats, to_json

Format = Literal["csv", "xlsx"]
FORMATS: tuple[str, ...] = ("csv", "xlsx")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_TIME_COLUMNS = frozenset({"ringing_at", "answered_at", "ended_at", "wrapped_up_at"})
#: How often progress is reported (rows).
PROGRESS_EVERY = 250


class ExportCancelled(Exception):
    """The user cancelled; nothing was written."""


@dataclass(frozen=True, slots=True)
class Exported:
    """What an export wrote."""

    path: Path
    rows: int


def log_rows(conn: Connection, query: LogQuery) -> Generator[dict[str, Any]]:
    """The log's rows as ``journal export --central`` writes them (oldest first)."""
    for agent, team, record in iter_central(conn, where=conditions(query)):
        yield {"agent": agent, "team": team, **record_to_row(record)}


def _watched(
    rows: Iterable[dict[str, Any]],
    total: int,
    progress: Callable[[int, int], None],
    cancelled: Callable[[], bool],
) -> Generator[dict[str, Any]]:
    done = 0
    progress(0, total)
    for row in rows:
        if done % PROGRESS_EVERY == 0:
            if cancelled():
                raise ExportCancelled
            if done:
                progress(done, total)
        yield row
        done += 1
    if cancelled():
        raise ExportCancelled
    progress(done, max(total, done))


@contextlib.contextmanager
def _atomic(path: Path) -> Iterator[Path]:
    """A part file beside ``path`` that replaces it only when the block completes."""
    part = path.with_name(path.name + ".part")
    try:
        yield part
        os.replace(part, path)
    finally:
        with contextlib.suppress(FileNotFoundError):
            part.unlink()


def export_log(
    conn: Connection,
    query: LogQuery,
    path: Path,
    fmt: Format,
    *,
    progress: Callable[[int, int], None] = lambda done, total: None,
    cancelled: Callable[[], bool] = lambda: False,
) -> Exported:
    """Write the filtered log to ``path`` as CSV or XLSX; ``ExportCancelled`` if cancelled."""
    if fmt not in FORMATS:
        raise ValueError(f"export format {fmt!r}: csv or xlsx")
    total = count(conn, query)
    source = log_rows(conn, query)
    rows = _watched(source, total, progress, cancelled)
    try:
        with _atomic(path) as part:
            written = (
                _write_csv(rows, part, CENTRAL_COLUMNS)
                if fmt == "csv"
                else _write_xlsx({"Calls": (CENTRAL_COLUMNS, rows)}, part)
            )
    finally:
        rows.close()
        source.close()
    return Exported(path, written)


def export_figures(figures: Figures, path: Path, fmt: Format) -> Exported:
    """The period's figures (first row ``all``), then one row per day or hour, as in stats."""
    if fmt not in FORMATS:
        raise ValueError(f"export format {fmt!r}: csv or xlsx")
    columns = tuple(name for name, _header, _kind in STATS_COLUMNS)
    total = _figure_row(figures.total, "all")
    series = [_figure_row(group, group.group) for group in figures.series]
    with _atomic(path) as part:
        if fmt == "csv":
            written = _write_csv([total, *series], part, columns)
        else:
            written = _write_xlsx(
                {"Figures": (columns, [total]), f"Per {figures.bucket}": (columns, series)}, part
            )
    return Exported(path, written)


def _figure_row(stats: GroupStats, group: str) -> dict[str, Any]:
    doc = to_json(stats)
    doc["group"] = group
    for name, key in (("top_dispositions", "disposition"), ("top_failed_sections", "section")):
        doc[name] = [f"{item[key]}:{item['calls']}" for item in doc[name]]
    return doc


# ---------------------------------------------------------------- writers --


def _write_csv(rows: Iterable[dict[str, Any]], path: Path, columns: Sequence[str]) -> int:
    count_ = 0
    with path.open("w", encoding="utf-8-sig", newline="") as out:
        writer = csv.writer(out, lineterminator="\r\n")
        writer.writerow(columns)
        for row in rows:
            writer.writerow([csv_cell(row[name]) for name in columns])
            count_ += 1
    return count_


def _write_xlsx(
    sheets: dict[str, tuple[Sequence[str], Iterable[dict[str, Any]]]], path: Path
) -> int:
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font

    book = Workbook(write_only=True)
    bold = Font(bold=True)
    written = 0
    made = []
    try:
        for title, (columns, rows) in sheets.items():
            sheet = book.create_sheet(title[:31])
            made.append(sheet)
            header = []
            for name in columns:
                cell = WriteOnlyCell(sheet, value=name)
                cell.font = bold
                header.append(cell)
            sheet.append(header)
            for row in rows:
                sheet.append([_xlsx_cell(sheet, name, row[name]) for name in columns])
                written += 1
        book.save(path)
    except BaseException:
        # Cancelled or failed: close the sheets' temporary files now, not at
        # garbage collection (where openpyxl would write to a closed file).
        for sheet in made:
            with contextlib.suppress(Exception):
                if not sheet.closed:
                    sheet.close()
        raise
    return written


def _xlsx_cell(sheet: Any, name: str, value: Any) -> Any:
    """A typed cell: times as date-times, numbers as numbers, text as inert text."""
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    if value is None:
        return None
    if isinstance(value, bool) or (isinstance(value, (int, float)) and name not in _TIME_COLUMNS):
        return value
    if name in _TIME_COLUMNS and isinstance(value, str):
        parsed = datetime.fromisoformat(value.replace("Z", "+00:00")).replace(tzinfo=None)
        cell = WriteOnlyCell(sheet, value=parsed)
        cell.number_format = "yyyy-mm-dd hh:mm:ss"
        return cell
    if isinstance(value, list):
        value = ";".join(str(item) for item in value)
    text = ILLEGAL_CHARACTERS_RE.sub("", str(value))
    cell = WriteOnlyCell(sheet, value=text)
    # openpyxl takes "=..." for a formula: it is the caller's text, never one.
    cell.data_type = "s"
    if text.startswith(_FORMULA_START):
        cell.quotePrefix = True
    return cell

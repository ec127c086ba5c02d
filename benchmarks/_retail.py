"""Read the cleaned UCI Online Retail CSV for the cross-sell benchmarks.

One place that knows the file's columns and default location, so the
evaluation and the build benchmark read it the same way. Standard library
only (``csv`` + ``gzip``): 388k lines load in about a second.
"""

from __future__ import annotations

import csv
import gzip
from collections.abc import Iterator
from pathlib import Path

from screenpop.sources.base import HistoryRow

#: ``../shared/data`` relative to the repository root.
DEFAULT_DATA = (
    Path(__file__).resolve().parent.parent.parent / "shared" / "data" / "online_retail_clean.csv.gz"
)


def read_rows(path: Path = DEFAULT_DATA) -> Iterator[HistoryRow]:
    """Every line of the cleaned CSV as a ``HistoryRow`` (date kept as ISO text)."""
    with gzip.open(path, "rt", encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        for rec in reader:
            qty = float(rec["Quantity"])
            yield HistoryRow(
                customer_id=rec["CustomerID"],
                product=rec["StockCode"],
                description=rec["Description"],
                date=rec["InvoiceDate"].replace(" ", "T"),
                quantity=qty,
                amount=round(qty * float(rec["UnitPrice"]), 2),
            )

"""A small slice of the real retail data for the cross-sell tests."""

from __future__ import annotations

import csv
import gzip
import itertools
from pathlib import Path

import pytest

from screenpop.sources.base import HistoryRow
from tests.peers import need

DATA = Path(__file__).resolve().parents[3] / "shared" / "data" / "online_retail_clean.csv.gz"


@pytest.fixture(scope="session")
def real_rows() -> list[HistoryRow]:
    """The first 30,000 lines (Dec 2010 - Jan 2011) of the cleaned UCI data."""
    need(DATA.exists(), f"the shared retail data at {DATA}")
    with gzip.open(DATA, "rt", encoding="utf-8", newline="") as fh:
        return [
            HistoryRow(
                r["CustomerID"],
                r["StockCode"],
                r["Description"],
                r["InvoiceDate"].replace(" ", "T"),
                float(r["Quantity"]),
                float(r["Quantity"]) * float(r["UnitPrice"]),
            )
            for r in itertools.islice(csv.DictReader(fh), 30_000)
        ]


@pytest.fixture(scope="session")
def spring_rows() -> list[HistoryRow]:
    """The first 100,000 lines (2010-12-01 - 2011-04-11): four months, enough to fit reorders."""
    need(DATA.exists(), f"the shared retail data at {DATA}")
    with gzip.open(DATA, "rt", encoding="utf-8", newline="") as fh:
        return [
            HistoryRow(
                r["CustomerID"],
                r["StockCode"],
                r["Description"],
                r["InvoiceDate"].replace(" ", "T"),
                float(r["Quantity"]),
                round(float(r["Quantity"]) * float(r["UnitPrice"]), 2),
            )
            for r in itertools.islice(csv.DictReader(fh), 100_000)
        ]

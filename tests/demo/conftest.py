"""Fixtures for the demo's tests: one full build per session, and small slices.

A full build takes seconds, so the tests that only read it share one; the
tests that break, repeat or refuse builds use a slice of the shipped data.
"""

from __future__ import annotations

import csv
import gzip
import io
from pathlib import Path

import pytest

from screenpop.demo.build import DATA_DIR, DemoSet, build_demo

#: Countries kept whole in the slice (the scenario's foreign callers).
SLICE_COUNTRIES = {"Finland", "Sweden", "Israel", "Lithuania", "Germany", "France", "Japan"}
SLICE_UK = 40


def read_rows(path: Path) -> list[list[str]]:
    with gzip.open(path, "rt", encoding="utf-8", newline="") as f:
        return list(csv.reader(f))


def write_rows(path: Path, rows: list[list[str]]) -> None:
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(rows)
    with gzip.GzipFile(path, "wb", mtime=0) as f:
        f.write(out.getvalue().encode("utf-8"))


@pytest.fixture(scope="session")
def full_demo(tmp_path_factory: pytest.TempPathFactory) -> DemoSet:
    return build_demo(tmp_path_factory.mktemp("full") / "demo")


@pytest.fixture(scope="session")
def slice_data(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The shipped data cut to a few countries' customers and 40 UK ones."""
    out = tmp_path_factory.mktemp("slice")
    customers = read_rows(DATA_DIR / "customers.csv.gz")
    uk = [r for r in customers[1:] if r[1] == "United Kingdom"][:SLICE_UK]
    kept = [customers[0], *uk, *(r for r in customers[1:] if r[1] in SLICE_COUNTRIES)]
    ids = {r[0] for r in kept[1:]}
    lines = read_rows(DATA_DIR / "lines.csv.gz")
    kept_lines = [lines[0], *(r for r in lines[1:] if r[0] in ids)]
    write_rows(out / "customers.csv.gz", [kept[0], *sorted(kept[1:])])
    write_rows(out / "lines.csv.gz", kept_lines)
    write_rows(out / "products.csv.gz", read_rows(DATA_DIR / "products.csv.gz"))
    return out

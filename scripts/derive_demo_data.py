#!/usr/bin/env python3
"""Derive the demo's compact copy of the UCI Online Retail data.

A fresh install has no ``../shared``; ``screenpop demo`` must still build its
sources from real purchase history. This script turns the cleaned CSV
(``../shared/data/online_retail_clean.csv.gz``) into three small gzip CSVs that
ship inside the package (``screenpop/demo/data/``) plus a README that credits
the source as CC BY 4.0 requires and says what was modified.

Output is byte-for-byte reproducible: rows keep the source's order, ties are
broken by fixed rules, and gzip headers carry no timestamp or file name
(``mtime=0``), so a rerun on the same input changes nothing in git.

Usage: ``scripts/derive_demo_data.py [SOURCE_CSV_GZ] [--out DIR]``
"""

from __future__ import annotations

import argparse
import csv
import gzip
import hashlib
import io
import sys
from collections import Counter, defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DEFAULT_SOURCE = REPO.parent / "shared" / "data" / "online_retail_clean.csv.gz"
DEFAULT_OUT = REPO / "screenpop" / "demo" / "data"

SOURCE_COLUMNS = (
    "InvoiceNo",
    "StockCode",
    "Description",
    "Quantity",
    "InvoiceDate",
    "UnitPrice",
    "CustomerID",
    "Country",
)
LINES_HEADER = ("customer_id", "invoice", "product", "date", "quantity", "unit_price")
PRODUCTS_HEADER = ("product", "description")
CUSTOMERS_HEADER = ("customer_id", "country")
FILES = ("lines.csv.gz", "products.csv.gz", "customers.csv.gz")


def gzip_bytes(text: str) -> bytes:
    """Reproducible gzip: no mtime, no file name, fixed level."""
    buf = io.BytesIO()
    with gzip.GzipFile(filename="", fileobj=buf, mode="wb", compresslevel=9, mtime=0) as f:
        f.write(text.encode("utf-8"))
    return buf.getvalue()


def csv_text(header: tuple[str, ...], rows: list[tuple[str, ...]]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    return out.getvalue()


def derive(source: Path, out: Path) -> dict[str, str]:
    """Write the three files and README.md into ``out``; return name -> sha256."""
    lines: list[tuple[str, ...]] = []
    spellings: dict[str, Counter[str]] = defaultdict(Counter)
    countries: dict[str, Counter[str]] = defaultdict(Counter)
    first_seen: dict[tuple[str, str], int] = {}
    raw = hashlib.sha256()
    with gzip.open(source, "rb") as fb:
        data = fb.read()
    raw.update(data)
    reader = csv.DictReader(io.StringIO(data.decode("utf-8")))
    if tuple(reader.fieldnames or ()) != SOURCE_COLUMNS:
        raise SystemExit(f"{source}: unexpected columns {reader.fieldnames}")
    for n, row in enumerate(reader):
        customer = row["CustomerID"]
        lines.append(
            (
                customer,
                row["InvoiceNo"],
                row["StockCode"],
                row["InvoiceDate"],
                row["Quantity"],
                row["UnitPrice"],
            )
        )
        spellings[row["StockCode"]][row["Description"]] += 1
        countries[customer][row["Country"]] += 1
        first_seen.setdefault((customer, row["Country"]), n)

    # Most frequent spelling; a tie goes to the alphabetically first.
    products = [
        (code, min(counts.items(), key=lambda kv: (-kv[1], kv[0]))[0])
        for code, counts in sorted(spellings.items())
    ]
    # Eight customers appear under two countries: keep the one with more
    # lines, a tie going to the country seen first.
    customers = [
        (
            customer,
            min(
                counts.items(),
                key=lambda kv: (-kv[1], first_seen[(customer, kv[0])]),
            )[0],
        )
        for customer, counts in sorted(countries.items())
    ]

    out.mkdir(parents=True, exist_ok=True)
    payloads = {
        "lines.csv.gz": gzip_bytes(csv_text(LINES_HEADER, lines)),
        "products.csv.gz": gzip_bytes(csv_text(PRODUCTS_HEADER, products)),
        "customers.csv.gz": gzip_bytes(csv_text(CUSTOMERS_HEADER, customers)),
    }
    digests: dict[str, str] = {}
    for name, payload in payloads.items():
        tmp = out / f".{name}.tmp"
        tmp.write_bytes(payload)
        tmp.replace(out / name)
        digests[name] = hashlib.sha256(payload).hexdigest()
    readme = render_readme(
        digests,
        sizes={name: len(p) for name, p in payloads.items()},
        source_sha256=raw.hexdigest(),
        counts={
            "lines": len(lines),
            "products": len(products),
            "customers": len(customers),
            "countries": len({c for _, c in customers}),
            "invoices": len({line[1] for line in lines}),
            "two_countries": sum(len(c) > 1 for c in countries.values()),
        },
    )
    tmp = out / ".README.md.tmp"
    tmp.write_text(readme, encoding="utf-8")
    tmp.replace(out / "README.md")
    return digests


def render_readme(
    digests: dict[str, str], sizes: dict[str, int], source_sha256: str, counts: dict[str, int]
) -> str:
    rows = "\n".join(f"| `{name}` | {sizes[name]:,} | `{digests[name]}` |" for name in FILES)
    return f"""# Demo data: derived from UCI "Online Retail"

The demo customers' purchase history is real: every invoice line of a UK
online gift-ware retailer, 2010-12-01 to 2011-12-09. Names, phone numbers,
balances and credit terms are *not* in the source; `screenpop demo` generates
them deterministically from the customer numbers (`screenpop/demo/people.py`,
`screenpop/demo/build.py`).

## Source and licence

Chen, D. (2015). *Online Retail* [Dataset]. UCI Machine Learning Repository.
https://doi.org/10.24432/C5BW33. Licensed under Creative Commons Attribution
4.0 International (CC BY 4.0), https://creativecommons.org/licenses/by/4.0/.

These files are a modified version of that dataset, distributed under the
same licence.

## Modified: what was changed

Starting from the raw 541,909 lines:

1. The cleaning described in the project's shared data README: lines without
   a CustomerID, cancellation invoices, non-positive quantities or prices,
   non-product codes (`POST`, `M`, `C2`, `DOT`, `BANK CHARGES`), purchases
   fully reversed by a later cancellation, and exact duplicate lines were
   dropped; descriptions were trimmed. That cleaned file has sha256
   (uncompressed) `{source_sha256}`; the shared README
   gives the same figure for the published copy.
2. Then, by `scripts/derive_demo_data.py`:
   - the product description and the country were moved out of the lines
     into `products.csv.gz` and `customers.csv.gz`;
   - a product with several spellings keeps its most frequent one (ties: the
     alphabetically first);
   - a customer listed under two countries ({counts["two_countries"]} here) keeps the country
     of most of their lines (ties: the country seen first).

No line or customer was cut: {counts["lines"]:,} lines, {counts["invoices"]:,}
invoices, {counts["customers"]:,} customers, {counts["products"]:,} products,
{counts["countries"]} countries. Prices are pounds sterling per unit, dates
UK local time, as in the source.

## Files

| file | bytes | sha256 |
| --- | ---: | --- |
{rows}

- `lines.csv.gz`: `customer_id, invoice, product, date, quantity, unit_price`
  in the source's order.
- `products.csv.gz`: `product, description`.
- `customers.csv.gz`: `customer_id, country`.

Regenerate (byte-identical): `python scripts/derive_demo_data.py
../shared/data/online_retail_clean.csv.gz`.
"""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("source", nargs="?", type=Path, default=DEFAULT_SOURCE)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = parser.parse_args(argv)
    if not args.source.is_file():
        print(f"source not found: {args.source}", file=sys.stderr)
        return 2
    for name, digest in derive(args.source, args.out).items():
        print(f"{digest}  {name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

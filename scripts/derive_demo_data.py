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

## Generated at build time: the service desk (`service.db`)

Nothing in the source is about complaints or warranties. `screenpop demo`
derives a service desk from the real purchases (`screenpop/demo/service.py`,
written by `screenpop/demo/databases.py`), deterministically: every choice is
taken from SHA-256 of the customer number (and the purchase), so every machine
builds the same cases; "today" is the demo's `AS_OF`, 2011-12-10, the day after
the last invoice.

- **Who:** 6% of the customers (SHA-256 of the customer number, per mille
  below 60): 252 customers, 330 cases. Each has one case, some two or three,
  each about a different purchase.
- **About what:** one product on one of the customer's real invoices (`invoice`,
  `product`, `purchased` = that invoice's date). Four purchases in five are
  drawn from the goods that carry a warranty, when the customer bought any.
- **Warranty per kind of product**, recognised from the catalogue description
  (`service.KINDS`, first match wins); `warranty_until` = purchase date + period:

  | kind | recognised by | warranty |
  | --- | --- | ---: |
  | clocks, radios and scales | CLOCK, RADIO, SCALES | 730 days |
  | electric lights | LIGHTS, LAMP, LED, TORCH, LIGHT (not T-LIGHT) | 365 days |
  | furniture | CABINET, SHELF, STOOL, TABLE, CHAIR, TROLLEY, DRAWERS | 365 days |
  | tableware and kitchen | MUG, TEAPOT, BOWL, JAR, PLATE, CUP, JUG, DISH, … | 183 days |
  | bags and textiles | CUSHION, APRON, PURSE, LUNCH BAG, JUMBO BAG, HOT WATER BOTTLE, … | 183 days |
  | jewellery | NECKLACE, BRACELET, EARRINGS, BROOCH | 183 days |
  | gifts and decorations | everything else | none (`warranty_until` empty: the card says `unknown`) |

- **What went wrong:** a fault category from the demo config's
  `[cases] fault_categories`:
  "Does not work", "Damaged on arrival", "Missing parts", "Wrong item", "Other";
  weighted per kind (clocks and lights mostly do
  not work; tableware mostly arrives broken; gifts never "do not work"), and an
  English description written for that kind and category ("Half of the string
  stays dark.", "Screws and fixings missing.").
- **When:** `opened` = purchase date + 1–10 days for damage, missing parts and
  wrong items (found when unpacking), 3–62 days for "Other", and for "Does not
  work" 7 days up to 1¼ times the warranty (so some fail after it ran out);
  always before `AS_OF`. Office hours 09:00–17:00 UK time, stored as ISO-8601
  UTC (`2011-06-14T08:32:00Z`).
- **Status:** opened within 21 days of `AS_OF`: `open` or `in progress`; 22–60
  days: half still `open`/`in progress`/`waiting for parts`, half `closed`;
  older: `closed`, but for 8% `waiting for parts`. A closed case has `closed`
  (2–29 days after opening) and a `resolution` (replaced, repaired, refunded,
  exchanged, missing parts sent, goodwill voucher; "Declined: outside
  warranty" for a fault reported after the warranty ended, which happens to
  be none in this data).
- The mix on `AS_OF`: 117 cases not closed, 83 of them under warranty, 9 out
  of it, 25 without a stated warranty; 213 closed.
- `case_id` is `CS-10001` onwards in the order the cases were opened, and
  **unique**: a case the agent opens from a call (the config's `open_case`,
  keyed by its idempotency key `SP-…`) lands once, however often its write is
  replayed. Those rows leave `warranty_until`, `invoice`, `purchased`,
  `closed` and `resolution` empty and fill `call_id` and `agent`.

Table `cases`: `case_id` (unique), `customer_id`, `product`, `description`,
`fault`, `status`, `opened`, `warranty_until`, `invoice`, `purchased`, `closed`,
`resolution`, `call_id`, `agent`; indexed by customer and opening time.
`service.db` is rebuilt, like the other demo databases, only when the shipped
data or the demo's template change (or on a forced rebuild): cases opened in
the demo are then gone from it (the demo journal keeps its calls).

## Generated at build time: identification beside accounting

`sales.db` also gets a `customers` table (`customer_id`, `name`,
`phone_e164`: the invented names and numbers of `people.py`), and the demo's
`profile` source identifies callers from it. So callers are still recognised
while accounting is down, and the pop can show accounting's last known
balance instead of "unknown caller".

`accounting.db` is left in SQLite's rollback-journal mode (the others are in
WAL): the demo takes accounting down for one scripted call by holding an
exclusive lock on the file while the call rings (`screenpop/demo/outage.py`),
and only in rollback mode do readers then fail with "database is locked".
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

"""The demo's service desk (service.db): cases about real purchases, deterministic,
a mix of open and closed, in and out of warranty, and a table the contract's
``open_case`` writes to exactly once per case id.

Against the real built SQLite files of the session's full demo.
"""

from __future__ import annotations

import json
import re
import sqlite3
import string
import tomllib
from collections import Counter
from datetime import date, datetime, timedelta
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.exc import IntegrityError

from screenpop.cli import main
from screenpop.config.schema import Config, SqlSource
from screenpop.demo import build as build_mod
from screenpop.demo import service
from screenpop.demo.accounts import AS_OF
from screenpop.demo.build import DATA_DIR, DemoSet, build_demo
from screenpop.demo.faults import FAULT_CATEGORIES, KINDS, kind_of

#: The brief's contract for the service source (the demo config uses these).
CONTRACT_QUERY = (
    "SELECT case_id, opened, product, description, fault, status, warranty_until FROM cases "
    "WHERE customer_id = :customer_id AND status <> 'closed' ORDER BY opened DESC"
)
CONTRACT_OPEN_CASE = (
    "INSERT INTO cases (case_id, customer_id, product, description, fault, status, opened, "
    "call_id, agent) VALUES (:case_id, :customer_id, :product, :description, :category, "
    "'open', :opened, :call_id, :agent)"
)


def rows(db: Path, sql: str, *args: object) -> list[tuple[object, ...]]:
    con = sqlite3.connect(db)
    try:
        return con.execute(sql, args).fetchall()
    finally:
        con.close()


def cases(demo: DemoSet) -> list[dict[str, object]]:
    con = sqlite3.connect(demo.service)
    con.row_factory = sqlite3.Row
    try:
        return [dict(r) for r in con.execute("SELECT * FROM cases ORDER BY case_id")]
    finally:
        con.close()


def test_every_case_is_about_a_real_purchase_of_that_customer(full_demo: DemoSet) -> None:
    con = sqlite3.connect(full_demo.service)
    try:
        con.execute("ATTACH DATABASE ? AS sa", (str(full_demo.sales),))
        total = con.execute("SELECT count(*) FROM cases").fetchone()[0]
        real = con.execute(
            """
            SELECT count(*) FROM cases c
             WHERE EXISTS (SELECT 1 FROM sa.lines l
                            WHERE l.customer_id = c.customer_id AND l.invoice = c.invoice
                              AND l.product = c.product
                              AND substr(l.date, 1, 10) = c.purchased)
            """
        ).fetchone()[0]
        described = dict(
            con.execute(
                "SELECT DISTINCT c.product, l.description FROM cases c "
                "JOIN sa.lines l ON l.product = c.product"
            ).fetchall()
        )
    finally:
        con.close()
    assert total > 200
    assert real == total
    for case in cases(full_demo):
        purchased = date.fromisoformat(str(case["purchased"]))
        opened = datetime.fromisoformat(str(case["opened"]))
        assert str(case["opened"]).endswith("Z")
        assert purchased < opened.date() < AS_OF, case
        kind = kind_of(described[str(case["product"])])
        if kind.warranty_days is None:
            assert case["warranty_until"] is None, case
        else:
            until = purchased + timedelta(days=kind.warranty_days)
            assert case["warranty_until"] == until.isoformat(), case
        assert case["fault"] in {cat for cat, _, _ in kind.faults}


def test_the_mix_an_agent_meets(full_demo: DemoSet) -> None:
    all_cases = cases(full_demo)
    today = AS_OF.isoformat()
    open_ = [c for c in all_cases if c["status"] != "closed"]
    closed = [c for c in all_cases if c["status"] == "closed"]
    in_warranty = [c for c in open_ if c["warranty_until"] and str(c["warranty_until"]) >= today]
    out_of_warranty = [c for c in open_ if c["warranty_until"] and str(c["warranty_until"]) < today]
    unknown = [c for c in open_ if c["warranty_until"] is None]
    # The figures the data README gives.
    assert len(all_cases) == 330
    assert len({c["customer_id"] for c in all_cases}) == 252
    assert (len(open_), len(in_warranty), len(out_of_warranty), len(unknown), len(closed)) == (
        117,
        83,
        9,
        25,
        213,
    )
    assert set(Counter(c["status"] for c in all_cases)) == {
        "open",
        "in progress",
        "waiting for parts",
        "closed",
    }
    assert set(Counter(c["fault"] for c in all_cases)) == set(FAULT_CATEGORIES)
    assert all(c["closed"] and c["resolution"] for c in closed)
    assert not any(c["closed"] or c["resolution"] for c in open_)
    assert all(str(c["closed"]) < today for c in closed)
    # Plain English sentences, none empty.
    for c in all_cases:
        assert re.fullmatch(r"[A-Z][A-Za-z0-9 ,;:'.-]+\.", str(c["description"])), c
    kinds = Counter(kind_of(str(d)).name for d in described_products(full_demo))
    assert set(kinds) == {k.name for k in KINDS}  # every kind has cases


def described_products(demo: DemoSet) -> list[object]:
    con = sqlite3.connect(demo.service)
    try:
        con.execute("ATTACH DATABASE ? AS sa", (str(demo.sales),))
        return [
            r[0]
            for r in con.execute(
                "SELECT (SELECT description FROM sa.lines l WHERE l.product = c.product LIMIT 1) "
                "FROM cases c"
            )
        ]
    finally:
        con.close()


def test_data_readme_says_what_is_generated(full_demo: DemoSet) -> None:
    readme = (DATA_DIR / "README.md").read_text(encoding="utf-8")
    assert "252 customers, 330 cases" in readme
    assert "117 cases not closed, 83 of them under warranty, 9 out" in readme
    assert "25 without a stated warranty; 213 closed" in readme
    for kind in KINDS:
        days = f"{kind.warranty_days} days" if kind.warranty_days else "none"
        assert f"| {kind.name} |" in readme
        line = next(ln for ln in readme.splitlines() if ln.strip().startswith(f"| {kind.name} |"))
        assert days in line, line
    for category in FAULT_CATEGORIES:
        assert f'"{category}"' in readme


def test_derivation_is_deterministic(full_demo: DemoSet, slice_data: Path, tmp_path: Path) -> None:
    ids = [str(r[0]) for r in rows(full_demo.accounting, "SELECT customer_id FROM customers")]
    again = service.derive_cases(full_demo.sales, list(reversed(ids)))
    assert [c.case_id for c in again] == [c["case_id"] for c in cases(full_demo)]
    assert [c.description for c in again] == [c["description"] for c in cases(full_demo)]
    # Two separate builds write the same table.
    one = build_demo(tmp_path / "one", data_dir=slice_data)
    two = build_demo(tmp_path / "two", data_dir=slice_data)
    assert cases(one)
    assert cases(one) == cases(two)


def test_uk_office_hours_to_utc() -> None:
    assert service.uk_to_utc(datetime(2011, 3, 26, 10)) == datetime(2011, 3, 26, 10)
    assert service.uk_to_utc(datetime(2011, 3, 27, 10)) == datetime(2011, 3, 27, 9)
    assert service.uk_to_utc(datetime(2011, 10, 29, 10)) == datetime(2011, 10, 29, 9)
    assert service.uk_to_utc(datetime(2011, 10, 30, 10)) == datetime(2011, 10, 30, 10)


def test_kinds_from_catalogue_descriptions() -> None:
    assert kind_of("IVORY DINER WALL CLOCK").warranty_days == 730
    assert kind_of("RED TOADSTOOL LED NIGHT LIGHT").name == "electric lights"
    assert kind_of("WHITE HANGING HEART T-LIGHT HOLDER").warranty_days is None
    assert kind_of("LUNCH BAG RED RETROSPOT").name == "bags and textiles"
    assert kind_of("THE KING GIFT BAG").warranty_days is None
    # First match wins: a table lamp is a light, not furniture.
    assert kind_of("MIRRORED WALL ART TABLE LAMP").name == "electric lights"
    assert kind_of("SWEETHEART CREAM STEEL TABLE RECT").name == "furniture"


def test_contract_query_lists_open_cases_newest_first(full_demo: DemoSet) -> None:
    customer = str(
        rows(
            full_demo.service,
            "SELECT customer_id FROM cases WHERE status <> 'closed' "
            "GROUP BY customer_id HAVING count(*) > 1 ORDER BY customer_id LIMIT 1",
        )[0][0]
    )
    engine = create_engine(f"sqlite:///{full_demo.service}")
    try:
        with engine.connect() as con:
            got = [
                dict(r._mapping)
                for r in con.execute(text(CONTRACT_QUERY), {"customer_id": customer})
            ]
    finally:
        engine.dispose()
    assert len(got) > 1
    assert set(got[0]) == {
        "case_id", "opened", "product", "description", "fault", "status", "warranty_until"
    }  # fmt: skip
    assert all(r["status"] != "closed" for r in got)
    opened = [str(r["opened"]) for r in got]
    assert opened == sorted(opened, reverse=True)


def test_open_case_lands_once_per_case_id(full_demo: DemoSet, tmp_path: Path) -> None:
    """The contract's INSERT fits the table, and a replay is refused by the unique key."""
    db = tmp_path / "service.db"
    db.write_bytes(full_demo.service.read_bytes())
    params = {
        "case_id": "SP-0123456789abcdef",
        "customer_id": "17511",
        "product": "23203",
        "description": "Zip broke on the second use.",
        "category": "Does not work",
        "opened": "2011-12-10T10:00:00+00:00",
        "call_id": "demo-12-abcd",
        "agent": "agent",
    }
    engine = create_engine(f"sqlite:///{db}")
    try:
        with engine.begin() as con:
            con.execute(text(CONTRACT_OPEN_CASE), params)
        with pytest.raises(IntegrityError, match="UNIQUE"), engine.begin() as con:
            con.execute(text(CONTRACT_OPEN_CASE), {**params, "description": "again"})
        with engine.connect() as con:
            landed = [
                dict(r._mapping)
                for r in con.execute(
                    text("SELECT * FROM cases WHERE case_id = :c"), {"c": params["case_id"]}
                )
            ]
            listed = con.execute(text(CONTRACT_QUERY), {"customer_id": "17511"}).fetchall()
    finally:
        engine.dispose()
    assert len(landed) == 1
    assert landed[0]["description"] == "Zip broke on the second use."
    assert landed[0]["fault"] == "Does not work"
    assert landed[0]["status"] == "open"
    assert landed[0]["warranty_until"] is None
    assert listed[0][0] == params["case_id"]  # the newest open case first


# ------------------------------------------------- the demo's configuration --

def test_template_holds_the_contract_for_the_service_source() -> None:
    """Read as plain TOML, so it holds whether or not the schema knows the keys yet."""
    raw = tomllib.loads(
        string.Template(build_mod.template()).safe_substitute(service_url="sqlite:///service.db")
    )
    (svc,) = [s for s in raw["source"] if s["name"] == "service"]
    assert svc["kind"] == "sql"
    assert svc["section"] == "cases"
    assert svc["url"] == "sqlite:///service.db"
    assert svc["query"] == CONTRACT_QUERY
    assert svc["open_case"] == CONTRACT_OPEN_CASE
    assert raw["cases"]["fault_categories"] == list(FAULT_CATEGORIES)
    for url in (svc["open_url"], raw["crm"]["open_url"]):
        host = urlsplit(url).hostname
        assert urlsplit(url).scheme == "https"
        assert host is not None
        assert host.endswith(".example")  # RFC 2606: never anyone's server
        assert "{customer_id}" in url
    assert raw["crm"]["open_on_answer"] is False
    assert raw["cases"]["as_of"] == "${as_of}"  # the demo's today, like crosssell.as_of


def test_demo_config_declares_the_service_source(full_demo: DemoSet) -> None:
    cfg = Config.model_validate(tomllib.loads(full_demo.config.read_text(encoding="utf-8")))
    svc = next(s for s in cfg.source if s.name == "service")
    assert isinstance(svc, SqlSource)
    assert str(svc.section) == "cases"
    assert svc.url == f"sqlite:///{full_demo.service.as_posix()}"
    assert svc.query == CONTRACT_QUERY


def test_lookup_shows_the_open_warranty_case(
    full_demo: DemoSet, capsys: pytest.CaptureFixture[str]
) -> None:
    """The scripted complainer's pop: their open cases, in warranty on the demo's today."""
    under = {
        r[0]
        for r in rows(
            full_demo.service,
            "SELECT customer_id FROM cases WHERE status <> 'closed' AND warranty_until >= ?",
            AS_OF.isoformat(),
        )
    }
    call = next(c for c in full_demo.calls if c.answer and set(c.customer_ids) & under)
    capsys.readouterr()
    assert main(["lookup", call.number, "--config", str(full_demo.config), "--json"]) == 0
    card = json.loads(capsys.readouterr().out)
    section = card["sections"]["cases"]
    assert section["status"] == "ok"
    assert section["source"] == "service"
    expected = rows(
        full_demo.service,
        "SELECT case_id, warranty_until FROM cases WHERE customer_id = ? AND status <> 'closed' "
        "ORDER BY opened DESC",
        call.customer_ids[0],
    )
    assert [c["case_id"] for c in section["data"]] == [r[0] for r in expected]
    for case, (_, until) in zip(section["data"], expected, strict=True):
        assert case["warranty"] == ("in" if until and str(until) >= AS_OF.isoformat() else "out")

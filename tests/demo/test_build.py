"""Building the demo: counts that match the shipped data, working queries,
a valid config, scenario calls that identify who they say, idempotence and
atomicity."""

from __future__ import annotations

import os
import sqlite3
import tomllib
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from screenpop.config.schema import Config, SqlSource
from screenpop.demo import build as build_mod
from screenpop.demo import databases
from screenpop.demo.build import (
    CONFIG_FILE,
    DATA_DIR,
    STAMP_FILE,
    DemoError,
    DemoSet,
    build_demo,
    is_complete,
)
from screenpop.phone import normalise

from .conftest import read_rows


def scalar(db: Path, sql: str, *args: object) -> object:
    con = sqlite3.connect(db)
    try:
        return con.execute(sql, args).fetchone()[0]
    finally:
        con.close()


def test_row_counts_match_shipped_data(full_demo: DemoSet) -> None:
    customers = read_rows(DATA_DIR / "customers.csv.gz")[1:]
    lines = read_rows(DATA_DIR / "lines.csv.gz")[1:]
    assert len(customers) == 4324
    assert len(lines) == 388_364
    assert scalar(full_demo.accounting, "SELECT COUNT(*) FROM customers") == len(customers)
    assert scalar(full_demo.accounting, "SELECT COUNT(*) FROM ar") == len(customers)
    assert scalar(full_demo.credit, "SELECT COUNT(*) FROM credit") == len(customers)
    assert scalar(full_demo.sales, "SELECT COUNT(*) FROM lines") == len(lines)
    assert scalar(full_demo.sales, "SELECT COUNT(*) FROM lines WHERE description = ''") == 0
    countries = {c for _, c in customers}
    assert scalar(full_demo.accounting, "SELECT COUNT(DISTINCT country) FROM customers") == len(
        countries
    )
    revenue = sum(round(int(q) * float(p), 2) for *_, q, p in lines)
    assert scalar(full_demo.sales, "SELECT SUM(amount) FROM lines") == pytest.approx(revenue)
    # The shared README's published figure for the cleaned data.
    assert revenue == pytest.approx(8_309_524.10, abs=0.01)


def test_sales_lines_keep_the_source(full_demo: DemoSet) -> None:
    con = sqlite3.connect(full_demo.sales)
    try:
        row = con.execute("SELECT * FROM lines WHERE rowid = 1").fetchone()
        plan = " ".join(
            str(r[-1])
            for r in con.execute(
                "EXPLAIN QUERY PLAN SELECT date FROM lines WHERE customer_id = '1' "
                "ORDER BY date DESC LIMIT 10"
            )
        )
    finally:
        con.close()
    assert row == (
        "17850",
        "536365",
        "85123A",
        "WHITE HANGING HEART T-LIGHT HOLDER",
        "2010-12-01T08:26:00",
        6,
        2.55,
        15.3,
    )
    assert "lines_customer_date" in plan
    assert "TEMP B-TREE" not in plan


def test_balances_and_credit_are_plausible(full_demo: DemoSet) -> None:
    acc = full_demo.accounting
    n = scalar(acc, "SELECT COUNT(*) FROM ar")
    assert isinstance(n, int)
    zero = scalar(acc, "SELECT COUNT(*) FROM ar WHERE balance = 0")
    overdue = scalar(acc, "SELECT COUNT(*) FROM ar WHERE overdue > 0")
    assert isinstance(zero, int)
    assert isinstance(overdue, int)
    assert 0.2 * n < zero < 0.9 * n
    assert 0.02 * n < overdue < 0.3 * n
    assert scalar(acc, "SELECT COUNT(*) FROM ar WHERE overdue > balance + 0.005") == 0
    assert scalar(acc, "SELECT COUNT(*) FROM ar WHERE (overdue > 0) != (overdue_days > 0)") == 0
    holds = scalar(full_demo.credit, "SELECT COUNT(*) FROM credit WHERE hold = 1")
    assert isinstance(holds, int)
    assert 0 < holds < 0.2 * n
    assert (
        scalar(full_demo.credit, "SELECT COUNT(*) FROM credit WHERE hold = 1 AND hold_reason = ''")
        == 0
    )
    grades = scalar(full_demo.credit, "SELECT group_concat(DISTINCT risk_grade) FROM credit")
    assert isinstance(grades, str)
    assert set(grades.split(",")) == {"A", "B", "C", "D"}


def test_shared_number_has_two_customers(full_demo: DemoSet) -> None:
    con = sqlite3.connect(full_demo.accounting)
    try:
        groups = con.execute(
            "SELECT phone_e164, COUNT(*) FROM customers GROUP BY phone_e164 HAVING COUNT(*) > 1"
        ).fetchall()
    finally:
        con.close()
    assert len(groups) == 1
    assert groups[0][1] == 2


def load_config(demo: DemoSet) -> Config:
    return Config.model_validate(tomllib.loads(demo.config.read_text(encoding="utf-8")))


def test_config_validates_and_points_at_the_demo(full_demo: DemoSet) -> None:
    cfg = load_config(full_demo)
    assert cfg.agent.extension == "agent"
    assert cfg.agent.region == "GB"
    assert [b.kind for b in cfg.bridge] == ["demo"]
    sections = {s.name: s.section for s in cfg.source}
    expected = {
        "accounting": "balance", "sales": "purchases", "credit": "credit", "profile": "profile",
        "service": "cases",
    }  # fmt: skip
    assert sections == expected
    assert cfg.crosssell.model == full_demo.root / "crosssell.model"


def test_config_comes_from_the_packaged_template_whatever_the_folder(tmp_path: Path) -> None:
    """The template is a package resource; any folder name reads back as itself."""
    from importlib import resources

    packaged = resources.files("screenpop.demo") / "data" / build_mod.TEMPLATE
    assert packaged.is_file()
    assert "${accounting_url}" in packaged.read_text(encoding="utf-8")
    root = tmp_path / 'dé"mo\\ $HOME {x}'
    cfg = Config.model_validate(tomllib.loads(build_mod.render_config(root)))
    urls = {s.name: getattr(s, "url", None) for s in cfg.source}
    assert urls["accounting"] == f"sqlite:///{(root / 'accounting.db').as_posix()}"
    assert urls["profile"] == urls["sales"] == f"sqlite:///{(root / 'sales.db').as_posix()}"
    assert cfg.crosssell.model == root / "crosssell.model"
    assert cfg.value is not None
    assert cfg.value.as_of == "2011-12-10"


def run(url: str, sql: str, **params: str) -> list[dict[str, object]]:
    engine = create_engine(url)
    try:
        with engine.connect() as con:
            return [dict(r._mapping) for r in con.execute(text(sql), params)]
    finally:
        engine.dispose()


def test_config_queries_run(full_demo: DemoSet) -> None:
    cfg = load_config(full_demo)
    src = {s.name: s for s in cfg.source}
    acc, sales, credit = src["accounting"], src["sales"], src["credit"]
    assert isinstance(acc, SqlSource)
    assert isinstance(sales, SqlSource)
    assert isinstance(credit, SqlSource)
    assert acc.identify
    assert acc.identify_account
    assert acc.query
    assert sales.query
    assert sales.history
    assert sales.owned
    assert credit.query
    who = run(acc.url, acc.identify_account, account="12748")
    assert who
    assert set(who[0]) == {"customer_id", "name"}
    balance = run(acc.url, acc.query, customer_id="12748")
    assert set(balance[0]) == {"balance", "overdue", "overdue_days", "currency"}
    recent = run(sales.url, sales.query, customer_id="12748")
    assert len(recent) == 10
    assert set(recent[0]) == {"date", "product", "description", "quantity", "amount", "currency"}
    dates = [str(r["date"]) for r in recent]
    assert dates == sorted(dates, reverse=True)
    assert dates[0].startswith("2011-12-09")
    owned = run(sales.url, sales.owned, customer_id="12748")
    assert len(owned) == len({r["product"] for r in owned}) > 100
    terms = run(credit.url, credit.query, customer_id="12748")
    assert set(terms[0]) == {"limit", "risk_grade", "terms", "hold", "hold_reason"}


def test_scenario_calls_identify_who_they_say(full_demo: DemoSet) -> None:
    cfg = load_config(full_demo)
    acc = next(s for s in cfg.source if s.name == "accounting")
    assert isinstance(acc, SqlSource)
    assert acc.identify
    calls = full_demo.calls
    assert len(calls) >= 12
    for call in calls:
        number = normalise(call.number, "GB")
        if number.withheld:
            assert call.customer_ids == ()
            continue
        assert number.valid, call
        found = run(acc.url, acc.identify, **number.params())
        assert sorted(str(r["customer_id"]) for r in found) == sorted(call.customer_ids), call
    forms = [c.number for c in calls]
    assert any(f.startswith("+") and " " not in f for f in forms)
    assert any(f.startswith("00") for f in forms)
    assert any(f.startswith("tel:") for f in forms)
    assert any(f.startswith("sip:") for f in forms)
    assert any(f.startswith("0") and not f.startswith("00") for f in forms)
    assert "anonymous" in forms
    assert sum(len(c.customer_ids) == 2 for c in calls) == 1
    assert sum(not c.customer_ids and c.number != "anonymous" for c in calls) == 1
    assert any(not c.answer for c in calls)
    assert any(c.answer for c in calls)
    countries = set()
    con = sqlite3.connect(full_demo.accounting)
    try:
        for call in calls:
            for cid in call.customer_ids:
                countries.add(
                    con.execute(
                        "SELECT country FROM customers WHERE customer_id = ?", (cid,)
                    ).fetchone()[0]
                )
    finally:
        con.close()
    assert {"Finland", "Sweden", "Israel", "Lithuania", "United Kingdom"} <= countries
    held = [c for c in calls if "credit hold" in c.note]
    assert len(held) == 1
    assert (
        scalar(
            full_demo.credit,
            "SELECT hold FROM credit WHERE customer_id = ?",
            held[0].customer_ids[0],
        )
        == 1
    )


def test_scenario_is_deterministic(full_demo: DemoSet) -> None:
    assert build_demo(full_demo.root).calls == full_demo.calls


# ------------------------------------------- idempotent, atomic, careful --


def test_idempotent_and_force(slice_data: Path, tmp_path: Path) -> None:
    target = tmp_path / "demo"
    first = build_demo(target, data_dir=slice_data)
    assert is_complete(target, slice_data)
    inode = os.stat(first.accounting).st_ino
    again = build_demo(target, data_dir=slice_data)
    assert os.stat(again.accounting).st_ino == inode  # reused, not rebuilt
    assert again == first
    forced = build_demo(target, force=True, data_dir=slice_data)
    assert os.stat(forced.accounting).st_ino != inode
    assert forced.calls == first.calls
    assert sorted(p.name for p in tmp_path.iterdir()) == ["demo"]  # no leftovers


def test_stale_stamp_rebuilds(slice_data: Path, tmp_path: Path) -> None:
    target = tmp_path / "demo"
    build_demo(target, data_dir=slice_data)
    (target / STAMP_FILE).write_text('{"version": 0, "data": "old"}', encoding="utf-8")
    assert not is_complete(target, slice_data)
    build_demo(target, data_dir=slice_data)
    assert is_complete(target, slice_data)


def test_a_changed_template_rebuilds(
    slice_data: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "demo"
    build_demo(target, data_dir=slice_data)
    shipped = build_mod.template()
    monkeypatch.setattr(build_mod, "template", lambda: shipped.replace("interval = 8.0", "interval = 3.0"))
    assert not is_complete(target, slice_data)
    build_demo(target, data_dir=slice_data)
    assert "interval = 3.0" in (target / CONFIG_FILE).read_text(encoding="utf-8")


def test_crash_leaves_no_half_demo(
    slice_data: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "demo"

    def boom(*_: object) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(databases, "write_credit", boom)
    with pytest.raises(OSError, match="disk full"):
        build_demo(target, data_dir=slice_data)
    assert list(tmp_path.iterdir()) == []  # neither the target nor a build dir


def test_failed_rebuild_keeps_the_previous_demo(
    slice_data: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "demo"
    before = build_demo(target, data_dir=slice_data)
    config = (target / CONFIG_FILE).read_bytes()

    def boom(*_: object) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(databases, "write_credit", boom)
    with pytest.raises(OSError):
        build_demo(target, force=True, data_dir=slice_data)
    assert is_complete(target, slice_data)
    assert (target / CONFIG_FILE).read_bytes() == config
    assert sorted(p.name for p in tmp_path.iterdir()) == ["demo"]
    monkeypatch.undo()
    assert build_demo(target, data_dir=slice_data) == before


def test_rebuild_keeps_the_demo_journal(slice_data: Path, tmp_path: Path) -> None:
    target = tmp_path / "demo"
    demo = build_demo(target, data_dir=slice_data)
    con = sqlite3.connect(target / "journal.db")
    con.execute("PRAGMA journal_mode=WAL")
    con.execute("CREATE TABLE calls (id TEXT)")
    con.execute("INSERT INTO calls VALUES ('kept')")
    con.commit()  # left open: the running app holds its journal
    try:
        demo.crosssell_model.write_bytes(b"learned from the old data")
        build_demo(target, force=True, data_dir=slice_data)
        (target / STAMP_FILE).write_text("{}", encoding="utf-8")  # stale: rebuilt next time
        build_demo(target, data_dir=slice_data)
        con.execute("INSERT INTO calls VALUES ('still writable')")
        con.commit()
    finally:
        con.close()
    assert scalar(target / "journal.db", "SELECT group_concat(id) FROM calls") == (
        "kept,still writable"
    )
    assert not demo.crosssell_model.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["demo"]


def test_refuses_to_replace_a_foreign_directory(slice_data: Path, tmp_path: Path) -> None:
    target = tmp_path / "Documents"
    target.mkdir()
    (target / "thesis.odt").write_text("precious", encoding="utf-8")
    with pytest.raises(DemoError, match="not a demo directory"):
        build_demo(target, force=True, data_dir=slice_data)
    assert (target / "thesis.odt").read_text(encoding="utf-8") == "precious"


def test_missing_data_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(DemoError, match="demo data missing"):
        build_demo(tmp_path / "demo", data_dir=tmp_path / "nothing")
    assert not (tmp_path / "demo").exists()

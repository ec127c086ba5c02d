"""What ``doctor`` says about cross-sells and reorders: the model, what each pop reads, its cost."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from screenpop.cli import main
from screenpop.config.loader import load_config
from screenpop.crosssell.report import doctor_checks
from screenpop.sources.base import HistoryRow
from tests.crosssell.shop import OWNED, config_text, write_sales
from tests.crosssell.test_product_history import PLAIN, load
from tests.sources.conftest import Db, maria_db, pg_db  # noqa: F401 - fixtures


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory, real_rows: list[HistoryRow]) -> Path:
    root = tmp_path_factory.mktemp("doctor")
    db = root / "sales.db"
    write_sales(db, real_rows[:5000])
    (root / "c.toml").write_text(config_text(db, root / "m.model"), "utf-8")
    assert main(["crosssell", "build", "--config", str(root / "c.toml")]) == 0
    return root


def checks(root: Path, text: str) -> list[tuple[bool, str, str]]:
    path = root / "doctor.toml"
    path.write_text(text, "utf-8")
    return doctor_checks(load_config(path, environ={}, use_user_file=False))


def test_history_per_pop_with_an_index(built: Path) -> None:
    got = checks(built, config_text(built / "sales.db", built / "m.model"))
    assert [ok for ok, *_ in got] == [True, True]
    assert "5,000 lines to 2010-12-0" in got[0][2]
    assert "mode 0o644" in got[0][2]
    assert "through an index" in got[1][2]
    assert "The model keeps nothing per customer" in got[1][2]


def test_history_per_pop_without_an_index_fails(built: Path, tmp_path: Path) -> None:
    db = tmp_path / "noindex.db"
    con = sqlite3.connect(db)
    con.executescript(
        "CREATE TABLE lines (customer_id TEXT, product TEXT, description TEXT, date TEXT,"
        " quantity REAL, amount REAL)"
    )
    con.close()
    got = checks(built, config_text(db, built / "m.model"))
    ok, what, detail = got[1]
    assert not ok
    assert what == "cross-sells and reorders per pop"
    assert "Add an index on the customer column" in detail


def test_owned_only_and_neither(built: Path) -> None:
    owned = checks(built, config_text(built / "sales.db", built / "m.model", history=None,
                                      owned=OWNED))
    assert owned[1][0]
    assert "no reorders section" in owned[1][2]
    neither = checks(built, config_text(built / "sales.db", built / "m.model", history=None))
    assert not neither[1][0]
    assert "same popular products" in neither[1][2]
    forced = checks(built, config_text(built / "sales.db", built / "m.model", history=None,
                                       owned=OWNED, per_pop="history"))
    assert not forced[1][0]
    assert "no 'history' query" in forced[1][2]


def test_a_model_that_will_not_load(built: Path, tmp_path: Path) -> None:
    got = checks(built, config_text(built / "sales.db", tmp_path / "none.model"))
    assert not got[0][0]
    assert "crosssell build" in got[0][2]


@pytest.mark.parametrize("backend", ["postgresql", "mariadb"])
def test_server_databases_report_the_index(
    built: Path, request: pytest.FixtureRequest, backend: str
) -> None:
    db: Db = request.getfixturevalue("pg_db" if backend == "postgresql" else "maria_db")
    load(db.url)
    text = (
        "[[source]]\nname = \"sales\"\nkind = \"sql\"\n"
        f"url = \"{db.url}\"\nsection = \"purchases\"\n"
        f"history = \"{PLAIN}\"\n"
        f"[crosssell]\nmodel = \"{(built / 'm.model').as_posix()}\"\n"
    )
    got = checks(built, text)
    assert got[1][0], got[1]
    assert "through an index" in got[1][2]
    with db.admin.connect() as conn:
        from sqlalchemy import text as sql

        if backend == "postgresql":
            conn.execute(sql(f"DROP INDEX {db.name}.sales_customer"))
        else:
            conn.execute(sql(f"DROP INDEX sales_customer ON {db.name}.sales_lines"))
    got = checks(built, text)
    assert not got[1][0], got[1]

"""Reorders and cross-sells through the product's own path: config -> build -> engine -> card.

The configuration is the one DESIGN.md shows for a sales source (``query``
and ``history``, no ``owned``); the data are the first four months of the
real retail lines; the model is built by ``screenpop crosssell build``.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from screenpop.card import Card, Section, Status
from screenpop.cli import main
from screenpop.config.loader import load_config
from screenpop.crosssell import SalesModel
from screenpop.crosssell.history import day_of, feed_rows
from screenpop.crosssell.sections import CASES, HISTORY, cross_sells, reorders
from screenpop.engine import Engine
from screenpop.sources.base import HistoryRow
from tests.crosssell.shop import HISTORY as HISTORY_SQL
from tests.crosssell.shop import OWNED, config_text, write_sales

AS_OF = "2011-04-12"  # the day after the last line of the slice
NUMBER = "+441632960000"


@dataclass(frozen=True)
class Shop:
    db: Path
    model_path: Path
    config: Path
    model: SalesModel
    root: Path

    def write_config(self, name: str, **kw: object) -> Path:
        path = self.root / f"{name}.toml"
        path.write_text(config_text(self.db, self.model_path, **kw), "utf-8")  # type: ignore[arg-type]
        return path


@pytest.fixture(scope="module")
def shop(tmp_path_factory: pytest.TempPathFactory, spring_rows: list[HistoryRow]) -> Shop:
    root = tmp_path_factory.mktemp("shop")
    db = root / "sales.db"
    write_sales(db, spring_rows)
    model = root / "crosssell.model"
    config = root / "screenpop.toml"
    config.write_text(config_text(db, model, as_of=AS_OF), "utf-8")
    assert main(["crosssell", "build", "--config", str(config)]) == 0
    return Shop(db, model, config, SalesModel.load(model), root)


@pytest.fixture
def pop(shop: Shop) -> Iterator[PopFn]:
    engines: list[Engine] = []

    def lookup(customer_id: str, config: Path | None = None) -> Card:
        cfg = load_config(config or shop.config, environ={}, use_user_file=False)
        engine = Engine(cfg)
        engines.append(engine)
        return engine.lookup_once(NUMBER, {"account": customer_id})

    yield lookup
    for e in engines:
        e.close_sources()


PopFn = "Callable[[str, Path | None], Card]"


def truth(shop: Shop, customer_id: str) -> list[tuple[str, int, str, str]]:
    """(product, distinct days, first, last) straight from the database."""
    con = sqlite3.connect(shop.db)
    try:
        return con.execute(
            "SELECT product, COUNT(DISTINCT substr(date, 1, 10)), MIN(date), MAX(date) "
            "FROM lines WHERE customer_id = ? GROUP BY product",
            (customer_id,),
        ).fetchall()
    finally:
        con.close()


def busiest(shop: Shop, n: int, offset: int = 0) -> list[str]:
    con = sqlite3.connect(shop.db)
    try:
        rows = con.execute(
            "SELECT customer_id FROM lines GROUP BY customer_id "
            "ORDER BY COUNT(DISTINCT substr(date, 1, 10)) DESC, customer_id LIMIT ? OFFSET ?",
            (n, offset),
        ).fetchall()
    finally:
        con.close()
    return [r[0] for r in rows]


def products(card: Card, name: str) -> list[str]:
    return [str(i["product"]) for i in card.sections[name].data]


def test_contract_config_without_owned_personalises_on_the_whole_history(
    shop: Shop, pop: PopFn
) -> None:
    """The pop hands the model every product the customer bought, with its last date.

    Fails if the configuration without ``owned`` gives the model nothing (the
    card then shows the season's popular products) or only part of it.
    """
    today = day_of(AS_OF)
    popular = [s.product for s in shop.model.suggest([], top=5)]
    seen: list[list[str]] = []
    for customer in busiest(shop, 6) + busiest(shop, 3, offset=400):
        card = pop(customer)  # type: ignore[operator]
        section = card.sections["cross_sells"]
        assert section.status is Status.OK
        got = products(card, "cross_sells")
        history = truth(shop, customer)
        owned = [p for p, *_ in history]
        last = [day_of(last) or 0 for *_, last in history]
        expected = shop.model.cross_sells.suggest_days(
            owned, last, 5, ("POST", "M", "DOT", "C2", "BANK CHARGES"), today
        )
        assert got == [s.product for s in expected]
        assert not set(got) & set(owned)
        for item in section.data:
            assert item["reason_code"] in ("crosssell.bought_with", "crosssell.bought_with_one")
            assert item["reason_args"]["with_product"] in owned
        assert got != popular
        seen.append(got)
    assert len({tuple(s) for s in seen}) == len(seen)  # every customer their own


def test_reorders_on_the_card_are_the_customers_own_with_true_figures(
    shop: Shop, pop: PopFn
) -> None:
    for customer in busiest(shop, 5):
        card = pop(customer)  # type: ignore[operator]
        section = card.sections["reorders"]
        assert section.status is Status.OK
        facts = {p: (n, first, last) for p, n, first, last in truth(shop, customer)}
        states = [item["due"] for item in section.data]
        due_first = [s in ("due", "overdue") for s in states]
        assert due_first == sorted(due_first, reverse=True)  # due ones first
        assert len(section.data) == 5
        for item in section.data:
            n, first, last = facts[item["product"]]
            assert item["times_bought"] == n
            assert item["last_bought"] == last[:10]
            if n >= 2:
                span = (day_of(last) or 0) - (day_of(first) or 0)
                assert item["interval_days"] == max(1, round(span / (n - 1)))
                assert item["reason_code"].startswith("reorders.")
            else:
                assert item["interval_days"] is None
                assert item["due"] is None
                assert item["reason_code"] == "reorders.once"
            assert item["reason"]  # the English sentence for scripts
        assert card.to_json()  # strict JSON, whole card


def test_cross_sells_and_reorders_never_show_the_same_product(shop: Shop, pop: PopFn) -> None:
    for customer in busiest(shop, 10) + busiest(shop, 10, offset=800):
        card = pop(customer)  # type: ignore[operator]
        reorder = set(products(card, "reorders")) if card.sections["reorders"].ok else set()
        assert reorder.isdisjoint(products(card, "cross_sells"))


def test_products_with_an_open_case_are_not_pushed(shop: Shop) -> None:
    customer = busiest(shop, 1)[0]
    history = Section(
        Status.OK,
        data=feed_rows(
            (p, "", n, day_of(f) or 0, day_of(last) or 0) for p, n, f, last in truth(shop, customer)
        ),
    )
    re = reorders(shop.model, 5, ("POST",), AS_OF)
    cs = cross_sells(shop.model, 5, ("POST",), "history", AS_OF)
    assert re.inputs == (HISTORY, CASES)
    assert cs.inputs == (HISTORY, CASES)
    before_r = [i["product"] for i in re.compute({HISTORY: history}).data]
    before_c = [i["product"] for i in cs.compute({HISTORY: history}).data]
    cases = Section(
        Status.OK,
        data=[
            {"case_id": "1", "product": before_r[0], "status": "open"},
            {"case_id": "2", "product": before_c[0], "status": "In progress"},
            {"case_id": "3", "product": before_r[1], "status": "Closed"},
        ],
    )
    after_r = [i["product"] for i in re.compute({HISTORY: history, CASES: cases}).data]
    after_c = [i["product"] for i in cs.compute({HISTORY: history, CASES: cases}).data]
    assert before_r[0] not in after_r
    assert before_r[1] in after_r  # its case is closed
    assert before_c[0] not in after_c
    # A failed or empty cases section holds nothing back.
    failed = Section(Status.TIMEOUT, error="no answer")
    assert [i["product"] for i in re.compute({HISTORY: history, CASES: failed}).data] == before_r


def test_owned_only_desk_gets_cross_sells_and_no_reorders(shop: Shop, pop: PopFn) -> None:
    config = shop.write_config("owned", as_of=AS_OF, history=None, owned=OWNED)
    customer = busiest(shop, 1)[0]
    card = pop(customer, config)  # type: ignore[operator]
    assert "reorders" not in card.sections
    section = card.sections["cross_sells"]
    assert section.status is Status.OK
    owned = {p for p, *_ in truth(shop, customer)}
    assert not owned & set(products(card, "cross_sells"))
    assert all(i["reason_code"].startswith("crosssell.bought_with") for i in section.data)
    # Asked for, the owned query is used even beside a history query.
    both = shop.write_config(
        "both", as_of=AS_OF, history=HISTORY_SQL, owned=OWNED, per_pop="owned"
    )
    assert "reorders" not in pop(customer, both).sections  # type: ignore[operator]


def test_history_per_pop_without_a_history_query_says_so(shop: Shop, pop: PopFn) -> None:
    config = shop.write_config("nohist", as_of=AS_OF, history=None, owned=OWNED, per_pop="history")
    card = pop(busiest(shop, 1)[0], config)  # type: ignore[operator]
    for name in ("cross_sells", "reorders"):
        section = card.sections[name]
        assert section.status is Status.UNAVAILABLE
        assert section.reason is not None
        assert section.reason.code == "crosssell.no_history_query"
    assert card.sections["purchases"].status is Status.OK


def test_a_failing_history_query_fails_only_these_sections(shop: Shop, pop: PopFn) -> None:
    bad = "SELECT customer_id, product, description, date FROM no_such_table"
    config = shop.write_config("bad", as_of=AS_OF, history=bad)
    card = pop(busiest(shop, 1)[0], config)  # type: ignore[operator]
    assert card.sections["purchases"].status is Status.OK
    for name in ("cross_sells", "reorders"):
        section = card.sections[name]
        assert section.status is Status.UNAVAILABLE
        assert "no_such_table" in (section.error or "")


def test_a_missing_model_makes_both_sections_unavailable(shop: Shop, pop: PopFn) -> None:
    config = shop.root / "missing.toml"
    config.write_text(
        config_text(shop.db, shop.root / "nowhere.model", as_of=AS_OF), "utf-8"
    )
    card = pop(busiest(shop, 1)[0], config)  # type: ignore[operator]
    for name in ("cross_sells", "reorders"):
        assert card.sections[name].status is Status.UNAVAILABLE
        assert "crosssell build" in (card.sections[name].error or "")


def test_reorders_top_zero_removes_the_section(shop: Shop, pop: PopFn) -> None:
    config = shop.write_config("noreorders", as_of=AS_OF, extra="[reorders]\ntop = 0")
    card = pop(busiest(shop, 1)[0], config)  # type: ignore[operator]
    assert "reorders" not in card.sections
    assert card.sections["cross_sells"].ok


def test_lookup_json_shows_both_sections_due_first(
    shop: Shop, capsys: pytest.CaptureFixture[str]
) -> None:
    customer = busiest(shop, 1)[0]
    code = main(["lookup", NUMBER, "--account", customer, "--config", str(shop.config), "--json"])
    assert code == 0
    card = json.loads(capsys.readouterr().out)
    sections = card["sections"]
    assert sections["reorders"]["status"] == "ok"
    assert sections["cross_sells"]["status"] == "ok"
    due = [i["due"] in ("due", "overdue") for i in sections["reorders"]["data"]]
    assert any(due)
    assert due == sorted(due, reverse=True)
    for item in sections["reorders"]["data"]:
        assert {"product", "description", "last_bought", "times_bought", "interval_days", "due",
                "score", "reason", "reason_code", "reason_args"} <= item.keys()

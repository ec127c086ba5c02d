"""Reorders: ranking, due dates, reasons as codes, the fit at build time."""

from __future__ import annotations

import json

import numpy as np
import pytest

from screenpop.card import Section, Status
from screenpop.crosssell import ReorderModel, ReorderWeights, build_model
from screenpop.crosssell.history import Purchases, day_of, feed_rows, iso_day
from screenpop.crosssell.reorder_fit import fit_reorders, pair_days
from screenpop.crosssell.reorders import DEFAULT_WEIGHTS, reason
from screenpop.reasons import CATALOGUE, Reason
from screenpop.sources.base import HistoryRow


def d(iso: str) -> int:
    out = day_of(iso)
    assert out is not None
    return out


TODAY = d("2011-12-10")
#: Only the customer's own numbers count: every product term is zero.
OWN_ONLY = ReorderWeights(
    times=1.0, age=-1.0, repeat=0.0, buyers=0.0, season=0.0, intercept=0.0
)


def model(weights: ReorderWeights = OWN_ONLY, known: tuple[str, ...] = ()) -> ReorderModel:
    n = len(known)
    zeros = np.zeros(n, dtype=np.int32)
    return ReorderModel(weights, {p: i for i, p in enumerate(known)}, zeros, zeros, zeros)


def bought(*rows: tuple[str, int, str, str]) -> Purchases:
    """(product, times, first ISO date, last ISO date) rows, as the feed gives them."""
    return Purchases.of(feed_rows((p, f"DESC {p}", n, d(first), d(last)) for p, n, first, last in rows))


def test_the_interval_and_whether_it_is_due() -> None:
    got = model().rank(
        bought(
            # every 3 weeks, last 2011-11-19: expected 12-10, due now
            ("DUE", 5, "2011-08-27", "2011-11-19"),
            # every 7 days, last 2011-11-20: expected 11-27, + slack 3: overdue
            ("OVER", 9, "2011-09-25", "2011-11-20"),
            # every 30 days, last 2011-12-05: next 2012-01-04, later
            ("LATER", 4, "2011-09-06", "2011-12-05"),
            ("ONCE", 1, "2011-12-01", "2011-12-01"),
        ),
        TODAY,
        top=10,
    )
    by = {r.product: r for r in got}
    assert (by["DUE"].interval_days, by["DUE"].due, by["DUE"].next_due) == (21, "due", "2011-12-10")
    assert (by["OVER"].interval_days, by["OVER"].due) == (7, "overdue")
    assert (by["LATER"].interval_days, by["LATER"].due, by["LATER"].next_due) == (
        30, "later", "2012-01-04"
    )
    assert (by["ONCE"].interval_days, by["ONCE"].due, by["ONCE"].next_due) == (None, None, None)
    assert by["DUE"].last_bought == "2011-11-19"
    assert by["DUE"].times_bought == 5
    # Due and overdue first, each group best first.
    assert [r.due for r in got][:2] == ["overdue", "due"] or [r.due for r in got][:2] == [
        "due", "overdue"
    ]
    assert {r.due for r in got[2:]} <= {"later", None}
    scores = [r.score for r in got[:2]]
    assert scores == sorted(scores, reverse=True)


def test_reasons_are_codes_an_agent_can_hear() -> None:
    last = d("2011-12-01")
    r = reason(last, 21, "due", "2011-12-22")
    assert r == Reason.of("reorders.weeks.due", last="2011-12-01", weeks=3)
    assert r.text == "orders about every 3 weeks; last on 2011-12-01, due now"
    assert reason(last, 7, "overdue", "2011-12-08").text == (
        "orders about every 7 days; last on 2011-12-01, overdue"
    )
    later = reason(last, 91, "later", "2012-03-01")
    assert later.code == "reorders.months.later"
    assert later.arguments == {"last": "2011-12-01", "months": 3, "next": "2012-03-01"}
    assert later.text == "orders about every 3 months; last on 2011-12-01, next around 2012-03-01"
    assert reason(last, 1, "due", "2011-12-02").text == "orders about daily; last on 2011-12-01, due now"
    assert reason(last, None, None, None).text == "bought once, on 2011-12-01"
    # Every unit x state has a declared English wording (the UI translates by code).
    codes = [c for c in CATALOGUE if c.startswith("reorders.")]
    assert len(codes) == 13
    for days in (1, 2, 13, 14, 59, 60, 400):
        for state in ("due", "overdue", "later"):
            assert reason(last, days, state, "2012-01-01").code in codes
    # Never "every 1 weeks": weeks and months start at 2.
    assert reason(last, 14, "due", None).arguments["weeks"] == 2
    assert reason(last, 60, "due", None).arguments["months"] == 2


def test_card_json_is_the_contract() -> None:
    got = model().rank(bought(("A", 3, "2011-10-01", "2011-11-20")), TODAY)
    item = got[0].to_json()
    assert list(item) == [
        "product", "description", "last_bought", "times_bought", "interval_days", "due",
        "next_due", "score", "reason", "reason_code", "reason_args",
    ]
    assert item["reason_code"] == "reorders.weeks.due"
    assert 0.0 < item["score"] < 1.0
    json.dumps(item, allow_nan=False)


def test_top_exclusions_unknown_products_and_determinism() -> None:
    rows = [(f"P{i}", 2 + i % 3, "2011-06-01", f"2011-11-{10 + i % 9:02d}") for i in range(12)]
    m = model(known=("P1", "P2"))
    got = m.rank(bought(*rows), TODAY, top=5)
    assert len(got) == 5
    assert m.rank(bought(*reversed(rows)), TODAY, top=5) == got  # input order does not matter
    skip = {r.product for r in got[:2]}
    again = m.rank(bought(*rows), TODAY, top=5, exclude=skip)
    assert skip.isdisjoint(r.product for r in again)
    assert m.rank(bought(*rows), TODAY, top=0) == []
    assert m.rank(bought(), TODAY) == []
    assert len(m.rank(bought(*rows), TODAY, top=50)) == 12


def test_more_often_and_more_recently_bought_ranks_higher() -> None:
    m = model(DEFAULT_WEIGHTS)
    got = m.rank(
        bought(
            ("OFTEN", 20, "2011-01-01", "2011-12-01"),
            ("RARE", 2, "2011-01-01", "2011-12-01"),
            ("STALE", 20, "2010-12-01", "2011-03-01"),
        ),
        TODAY,
        top=3,
    )
    score = {r.product: r.score for r in got}
    assert score["OFTEN"] > score["RARE"]
    assert score["OFTEN"] > score["STALE"]


def test_product_terms_come_from_the_model() -> None:
    """Two products the customer bought alike: the staple that still sells comes first."""
    weights = ReorderWeights(
        times=1.0, age=-0.1, repeat=2.0, buyers=0.0, season=0.5, intercept=-2.0
    )
    customers = np.array([100, 100], dtype=np.int32)
    m = ReorderModel(
        weights, {"STAPLE": 0, "FAD": 1}, customers,
        np.array([80, 5], dtype=np.int32), np.array([40, 0], dtype=np.int32),
    )
    same = ("2011-06-01", "2011-11-01")
    got = m.rank(bought(("FAD", 3, *same), ("STAPLE", 3, *same), ("UNKNOWN", 3, *same)), TODAY)
    assert [r.product for r in got] == ["STAPLE", "UNKNOWN", "FAD"]


def test_feed_rows_are_columns_the_card_takes_as_they_are() -> None:
    cols = feed_rows([("A", "ITEM A", 3, d("2011-12-01"), d("2011-12-03")), ("B", "", 1, 5, 5)])
    assert Section(Status.OK, data=cols).data is cols  # nothing to freeze value by value
    p = Purchases.of(cols)
    assert list(p.products) == ["A", "B"]
    assert list(p.times) == [3, 1]
    assert [iso_day(x) for x in p.last] == ["2011-12-03", "1970-01-06"]
    assert len(Purchases.of(feed_rows([]))) == 0
    assert len(Purchases.of("not columns")) == 0
    assert len(Purchases.of([["A"], [], [], [], []])) == 0  # ragged
    with pytest.raises(ValueError, match="4 columns"):
        feed_rows([("A", "", 1, 2)])


def test_pair_days_counts_distinct_days() -> None:
    cust = np.array([0, 0, 0, 1, 0], dtype=np.int64)
    prod = np.array([1, 1, 1, 1, 0], dtype=np.int64)
    day = np.array([10, 10, 12, 11, 5], dtype=np.int64)
    c, p, n, first, last = pair_days(cust, prod, day, 2)
    assert list(zip(c, p, n, first, last, strict=True)) == [
        (0, 0, 1, 5, 5), (0, 1, 2, 10, 12), (1, 1, 1, 11, 11)
    ]


def rows_of(spec: dict[str, list[tuple[str, str]]]) -> list[HistoryRow]:
    return [
        HistoryRow(c, p, f"DESC {p}", f"{when}T10:00:00", 1.0, 1.0)
        for c, lines in spec.items()
        for p, when in lines
    ]


def test_fit_learns_that_habits_repeat() -> None:
    """Customers who bought a product often reorder it after the cut; one-offs do not."""
    rng = np.random.default_rng(3)
    spec: dict[str, list[tuple[str, str]]] = {}
    start = d("2011-01-01")
    for c in range(300):
        lines = []
        habit = f"H{c % 7}"
        for k in range(0, 330, 15):  # the habit, every 15 days all year
            lines.append((habit, iso_day(start + k + int(rng.integers(0, 3)))))
        for k in range(4):  # one-offs before the cut
            lines.append((f"O{int(rng.integers(0, 50))}", iso_day(start + 30 * k + 5)))
        spec[f"c{c}"] = lines
    weights, repeaters = fit_reorders(
        *_arrays(rows_of(spec)), horizon_days=90
    )
    assert weights.fitted
    assert weights.examples > 600
    assert weights.times > 0  # bought more often: more likely again
    assert repeaters.sum() > 0


def _arrays(rows: list[HistoryRow]) -> tuple[np.ndarray, np.ndarray, np.ndarray, int]:
    cust: dict[str, int] = {}
    prod: dict[str, int] = {}
    c = np.array([cust.setdefault(r.customer_id, len(cust)) for r in rows], dtype=np.int64)
    p = np.array([prod.setdefault(r.product, len(prod)) for r in rows], dtype=np.int64)
    day = np.array([d(r.date) for r in rows], dtype=np.int64)
    return c, p, day, len(prod)


def test_too_short_a_history_keeps_the_default_weights() -> None:
    rows = rows_of({"a": [("A", "2011-01-01"), ("A", "2011-01-20")], "b": [("A", "2011-01-05")]})
    model_ = build_model(rows)
    w = model_.reorder_weights
    assert not w.fitted
    assert (w.times, w.age, w.intercept) == (
        DEFAULT_WEIGHTS.times, DEFAULT_WEIGHTS.age, DEFAULT_WEIGHTS.intercept
    )
    got = model_.reorders.rank(bought(("A", 2, "2011-01-01", "2011-01-20")), d("2011-02-01"))
    assert got[0].product == "A"
    assert build_model([]).reorders.rank(bought(), TODAY) == []


def test_fit_on_real_data_slice(real_rows: list[HistoryRow]) -> None:
    """Dec 2010 - Jan 2011 is too short for a 90-day cut; with a 21-day horizon it fits."""
    c, p, day, n = _arrays(real_rows)
    assert not fit_reorders(c, p, day, n)[0].fitted
    w, repeaters = fit_reorders(c, p, day, n, horizon_days=21)
    assert w.fitted
    assert w.times > 0
    assert np.all(np.isfinite([w.times, w.age, w.repeat, w.buyers, w.season, w.intercept]))
    assert int(repeaters.max()) > 10


@pytest.mark.parametrize("horizon", [30, 90])
def test_weights_survive_the_model_file(horizon: int, tmp_path: object) -> None:
    from pathlib import Path

    from screenpop.crosssell import SalesModel

    rows = rows_of({f"c{i}": [("A", "2011-01-01"), ("A", "2011-05-01")] for i in range(5)})
    m = build_model(rows)
    path = Path(str(tmp_path)) / "m"
    m.save(path)
    assert SalesModel.load(path).reorder_weights == m.reorder_weights

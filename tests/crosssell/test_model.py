"""The cross-sell model: reasons, exclusions, new products, diversity, determinism."""

from __future__ import annotations

import itertools
import json
import zipfile
from collections import defaultdict
from pathlib import Path

import numpy as np
import pytest

from screenpop.crosssell import ModelError, SalesModel, Suggestion, build_model
from screenpop.crosssell.fit import FitParams, fit
from screenpop.crosssell.history import day_of
from screenpop.reasons import Reason
from screenpop.sources.base import HistoryRow

DESC = {
    "A": "WHITE HANGING HEART T-LIGHT HOLDER",
    "B": "RED HANGING HEART T-LIGHT HOLDER",
    "C": "JUMBO BAG RED RETROSPOT",
    "D": "LUNCH BAG RED RETROSPOT",
    "E": "PARTY BUNTING",
    "POST": "POSTAGE",
}


def row(cust: str, product: str, date: str = "2011-05-01", desc: str | None = None) -> HistoryRow:
    return HistoryRow(cust, product, desc or DESC[product], f"{date}T10:00:00", 1.0, 2.5)


def history() -> list[HistoryRow]:
    """Two clear co-purchase clusters, {A, B} and {C, D}, plus a popular E."""
    rows = []
    for i in range(38):  # 38 customers bought A and B
        rows += [row(f"ab{i}", "A"), row(f"ab{i}", "B"), row(f"ab{i}", "POST")]
    for i in range(12):  # 12 bought C and D
        rows += [row(f"cd{i}", "C"), row(f"cd{i}", "D")]
    for i in range(5):  # A alone, C alone
        rows += [row(f"a{i}", "A"), row(f"c{i}", "C")]
    for i in range(60):  # E is bought by many, late in the history
        rows.append(row(f"e{i}", "E", date="2011-06-20"))
    return rows


@pytest.fixture(scope="module")
def model() -> SalesModel:
    return build_model(history(), exclude=["POST"])


def with_(product: str, n: int) -> Reason:
    return Reason.of("crosssell.bought_with", with_product=product, customers=n, **{"with": DESC[product]})


def test_reason_names_the_owned_product_and_true_co_count(model: SalesModel) -> None:
    got = model.suggest(["A"], top=1)
    assert got == [
        Suggestion("B", DESC["B"], got[0].score, with_("A", 38))
    ]
    assert got[0].score > 0
    assert got[0].reason.text == f"bought with {DESC['A']} by 38 customers"
    assert model.suggest(["C"], top=1)[0].reason == with_("C", 12)


def test_owned_products_are_never_suggested(model: SalesModel) -> None:
    got = model.suggest(["A", "B", "C"], top=10)
    assert {s.product for s in got}.isdisjoint({"A", "B", "C"})
    assert got[0].product == "D"  # the neighbour of C, before popularity fill
    assert got[0].reason.code == "crosssell.bought_with"


def test_exclusion_list_at_build_and_per_call(model: SalesModel) -> None:
    assert model.description("POST") is None  # dropped before fitting
    assert all(s.product != "POST" for s in model.suggest(["A"], top=10))
    got = model.suggest(["A"], top=10, exclude=["B", "E"])
    assert {s.product for s in got}.isdisjoint({"A", "B", "E", "POST"})
    assert {s.product for s in got} == {"C", "D"}


def test_empty_owned_gives_popular_products_with_honest_reason(model: SalesModel) -> None:
    got = model.suggest([], top=2)
    assert got[0].product == "E"
    assert got[0].reason.text == "popular with 60 customers in the last 30 days"
    assert got[0].reason == Reason.of("crosssell.popular", customers=60, days=30)
    # Nothing else was bought in the 30 days before 2011-06-20: all-time counts.
    assert got[1].reason.text == "bought by 43 customers"  # A: 38 + 5
    assert got[1].product == "A"


def test_unknown_products_are_ignored(model: SalesModel) -> None:
    assert model.suggest(["NOPE", "A"], top=3) == model.suggest(["A"], top=3)
    assert model.suggest(["NOPE"], top=3) == model.suggest([], top=3)


def test_top_is_respected_and_fills_with_popular(model: SalesModel) -> None:
    got = model.suggest(["A"], top=4)
    assert len(got) == 4
    assert len({s.product for s in got}) == 4
    assert model.suggest(["A"], top=0) == []
    # More than the catalogue: everything not owned, once.
    assert sorted(s.product for s in model.suggest(["A"], top=99)) == ["B", "C", "D", "E"]


def test_recent_purchases_weigh_more(model: SalesModel) -> None:
    recent_c = {"A": "2010-12-01", "C": "2011-11-30"}
    recent_a = {"A": "2011-11-30", "C": "2010-12-01"}
    assert model.suggest(["A", "C"], top=1, last_bought=recent_c)[0].product == "D"
    assert model.suggest(["A", "C"], top=1, last_bought=recent_a)[0].product == "B"
    # Without dates a sequence is most-recent-first: a gentler per-rank decay.
    def score_of(product: str, owned: list[str]) -> float:
        return next(s.score for s in model.suggest(owned, top=2) if s.product == product)

    assert score_of("D", ["C", "A"]) > score_of("D", ["A", "C"])
    assert score_of("B", ["A", "C"]) > score_of("B", ["C", "A"])


def test_scoring_is_deterministic(model: SalesModel) -> None:
    first = model.suggest({"A", "C"}, top=4)
    assert model.suggest(frozenset({"C", "A"}), top=4) == first  # sets: order-free
    assert [model.suggest({"C", "A"}, top=4) for _ in range(3)] == [first] * 3
    again = build_model(history(), exclude=["POST"])
    assert again.suggest(["A", "C"], top=4) == model.suggest(["A", "C"], top=4)


def test_to_json_is_the_card_contract(model: SalesModel) -> None:
    s = model.suggest(["A"], top=1)[0]
    assert s.to_json() == {
        "product": "B",
        "description": DESC["B"],
        "score": s.score,
        "reason": f"bought with {DESC['A']} by 38 customers",
        "reason_code": "crosssell.bought_with",
        "reason_args": {"with_product": "A", "customers": 38, "with": DESC["A"]},
    }
    json.dumps(s.to_json())


def test_metadata_and_progress() -> None:
    seen: list[int] = []
    rows = history()
    m = build_model(rows, exclude=["POST"], progress=seen.append)
    assert seen[-1] == len(rows)
    assert m.lines == len(rows)
    assert m.customers == 38 + 12 + 10 + 60
    assert m.products == 5
    assert m.built_at.endswith("+00:00")
    assert m.info.history_end == "2011-06-20"


def test_most_frequent_spelling_wins() -> None:
    rows = [row("1", "A", desc="OLD NAME"), row("2", "A"), row("3", "A"), row("3", "B")]
    assert build_model(rows).description("A") == DESC["A"]


def test_save_load_round_trip(model: SalesModel, tmp_path: Path) -> None:
    path = tmp_path / "sub" / "crosssell.model"
    model.save(path)
    assert [p.name for p in path.parent.iterdir()] == ["crosssell.model"]  # no temp left
    loaded = SalesModel.load(path)
    assert loaded.info == model.info
    for owned in ([], ["A"], ["A", "C"], ["E", "D"]):
        assert loaded.suggest(owned, top=5) == model.suggest(owned, top=5)
    model.save(path)  # overwrite in place
    assert SalesModel.load(path).info == model.info


def test_empty_history(tmp_path: Path) -> None:
    m = build_model([])
    assert (m.lines, m.customers, m.products) == (0, 0, 0)
    assert m.suggest([], top=5) == []
    assert m.suggest(["A"], top=5) == []
    m.save(tmp_path / "m")
    assert SalesModel.load(tmp_path / "m").suggest(["A"]) == []


def test_load_errors(model: SalesModel, tmp_path: Path) -> None:
    with pytest.raises(ModelError, match="not found"):
        SalesModel.load(tmp_path / "missing")
    junk = tmp_path / "junk"
    junk.write_bytes(b"this is not a model")
    with pytest.raises(ModelError, match="corrupt"):
        SalesModel.load(junk)
    good = tmp_path / "good"
    model.save(good)
    truncated = tmp_path / "truncated"
    truncated.write_bytes(good.read_bytes()[:-200])
    with pytest.raises(ModelError):
        SalesModel.load(truncated)
    with pytest.raises(ModelError):
        SalesModel.load(tmp_path)  # a directory


def _rewrite(src: Path, dst: Path, **changes: object) -> None:
    with np.load(src, allow_pickle=False) as npz:
        arrays = {k: npz[k] for k in npz.files}
    header = json.loads(bytes(arrays["header"]).decode())
    for key, value in changes.items():
        if key in header:
            header[key] = value
        else:
            arrays[key] = np.asarray(value)
    arrays["header"] = np.frombuffer(json.dumps(header).encode(), dtype=np.uint8)
    with dst.open("wb") as fh:
        np.savez(fh, **arrays)


def test_wrong_version_or_format_or_shape(model: SalesModel, tmp_path: Path) -> None:
    good = tmp_path / "good"
    model.save(good)
    _rewrite(good, tmp_path / "v1", version=1)
    with pytest.raises(ModelError, match=r"version 1.*rebuild it"):
        SalesModel.load(tmp_path / "v1")
    _rewrite(good, tmp_path / "other", format="something-else")
    with pytest.raises(ModelError, match="not a screenpop cross-sell model"):
        SalesModel.load(tmp_path / "other")
    _rewrite(good, tmp_path / "shape", indices=np.array([99, 0], dtype=np.int32))
    with pytest.raises(ModelError, match="inconsistent"):
        SalesModel.load(tmp_path / "shape")
    with zipfile.ZipFile(tmp_path / "nohdr", "w") as zf:
        zf.writestr("products.npy", b"")
    with pytest.raises(ModelError):
        SalesModel.load(tmp_path / "nohdr")


def test_fit_matches_closed_form_ease() -> None:
    """The pruned weights are exactly the EASE solution's positive co-bought entries."""
    rng = np.random.default_rng(7)
    x = (rng.random((200, 12)) < 0.3).astype(np.float64)
    cust, prod = np.nonzero(x)
    day = np.zeros(cust.size, dtype=np.int64)
    res = fit(cust.astype(np.int64), prod.astype(np.int64), day, 200, 12, FitParams(neighbours=12))
    g = x.T @ x
    lam = FitParams().l2_per_mean_count * np.diag(g).mean()
    p = np.linalg.inv(g + lam * np.eye(12))
    b = -p / np.diag(p)
    np.fill_diagonal(b, 0)
    for k in range(12):
        sl = slice(res.indptr[k], res.indptr[k + 1])
        expect = {j: b[k, j] for j in range(12) if b[k, j] > 0 and g[k, j] >= 1 and j != k}
        got = dict(zip(res.indices[sl].tolist(), res.weights[sl].tolist(), strict=True))
        assert got.keys() == expect.keys()
        for j, w in got.items():
            assert w == pytest.approx(expect[j], rel=1e-5)
        assert res.cocounts[sl].tolist() == [int(g[k, j]) for j in res.indices[sl]]
        assert list(res.weights[sl]) == sorted(res.weights[sl], reverse=True)


def test_fit_time_weighted_matches_closed_form_and_keeps_true_counts() -> None:
    """Weights: EASE on X with entries 0.5 ** (age / half-life); co-counts stay 0/1 counts."""
    rng = np.random.default_rng(11)
    bought = rng.random((150, 10)) < 0.35
    cust, prod = np.nonzero(bought)
    day = rng.integers(0, 300, size=cust.size).astype(np.int64)
    params = FitParams(neighbours=10, train_half_life_days=60.0, l2_per_mean_count=16.0)
    res = fit(cust.astype(np.int64), prod.astype(np.int64), day, 150, 10, params)
    xw = np.zeros((150, 10))
    xw[cust, prod] = 0.5 ** ((day.max() - day) / 60.0)
    gw = xw.T @ xw
    p = np.linalg.inv(gw + 16.0 * np.diag(gw).mean() * np.eye(10))
    b = -p / np.diag(p)
    np.fill_diagonal(b, 0)
    counts = bought.T.astype(np.int64) @ bought.astype(np.int64)
    unweighted = fit(cust.astype(np.int64), prod.astype(np.int64), day, 150, 10,
                     FitParams(neighbours=10, train_half_life_days=None))
    differs = False
    for k in range(10):
        sl = slice(res.indptr[k], res.indptr[k + 1])
        expect = {j: b[k, j] for j in range(10) if b[k, j] > 0 and counts[k, j] >= 1 and j != k}
        got = dict(zip(res.indices[sl].tolist(), res.weights[sl].tolist(), strict=True))
        assert got.keys() == expect.keys()
        for j, w in got.items():
            assert w == pytest.approx(expect[j], rel=1e-5)
        assert res.cocounts[sl].tolist() == [int(counts[k, j]) for j in res.indices[sl]]
        usl = slice(unweighted.indptr[k], unweighted.indptr[k + 1])
        differs |= res.indices[sl].tolist() != unweighted.indices[usl].tolist()
    assert differs  # the weighting changes the neighbour ranking on this data


def test_time_weighting_prefers_recent_co_purchases() -> None:
    """A was bought with B long ago and with C lately, by as many customers each."""
    rows = []
    for i in range(20):
        rows += [row(f"old{i}", "A", "2010-06-01"), row(f"old{i}", "B", "2010-06-01")]
        rows += [row(f"new{i}", "A", "2011-06-01"), row(f"new{i}", "C", "2011-06-01")]
    weighted = build_model(rows)
    assert [s.product for s in weighted.suggest(["A"], top=2)] == ["C", "B"]
    assert weighted.suggest(["A"], top=1)[0].reason.text == (
        f"bought with {DESC['A']} by 20 customers"
    )
    # (C is new, first sold on the last day: no launch boost here.)
    flat = build_model(rows, params=FitParams(train_half_life_days=None, new_boost=0.0))
    got = flat.suggest(["A"], top=2)
    assert got[0].score == pytest.approx(got[1].score)  # symmetric without weighting
    with pytest.raises(ValueError, match="train_half_life_days"):
        build_model(rows, params=FitParams(train_half_life_days=0.0))


def test_real_data_slice_reasons_are_true_counts(real_rows: list[HistoryRow]) -> None:
    model = build_model(real_rows, exclude=["POST", "M"])
    bought: dict[str, set[str]] = defaultdict(set)
    last: dict[str, dict[str, str]] = defaultdict(dict)
    for r in real_rows:
        bought[r.product].add(r.customer_id)
        last[r.customer_id][r.product] = max(r.date, last[r.customer_id].get(r.product, ""))
    desc_to_code = {model.description(p): p for p in bought}
    checked = 0
    for cid in itertools.islice(sorted(last), 0, 400, 20):
        owned = last[cid]
        got = model.suggest(list(owned), top=5, last_bought=owned)
        assert len(got) == 5
        for s in got:
            assert s.product not in owned
            if s.reason.code.startswith("crosssell.bought_with"):
                args = s.reason.arguments
                other = desc_to_code[str(args["with"])]
                assert other == args["with_product"]
                assert other in owned
                n = args.get("customers", 1)
                assert n == len(bought[other] & bought[s.product])
                checked += 1
    assert checked > 20


def test_new_products_are_boosted_for_new_days() -> None:
    """A product first sold within ``new_days`` before today scores ``1 + new_boost`` times more."""
    rows = []
    for i in range(30):  # A with B, long established
        rows += [row(f"b{i}", "A", "2011-01-10"), row(f"b{i}", "B", "2011-01-10")]
    for i in range(30):  # A with N, a line launched on 2011-05-20
        rows += [row(f"n{i}", "A", "2011-05-20"), row(f"n{i}", "N", "2011-05-20", desc="NEW")]
    flat = FitParams(train_half_life_days=None)
    model = build_model(rows, params=flat)
    launch = day_of("2011-05-20")
    assert launch is not None

    def scores(today: int) -> dict[str, float]:
        got = model.cross_sells.suggest(["A"], top=2, today=today)
        return {s.product: s.score for s in got}

    soon = scores(launch + 10)  # 10 days after the launch: new
    late = scores(launch + 45)  # 45 days after: not new any more
    assert soon["B"] == pytest.approx(late["B"])
    assert soon["N"] == pytest.approx(2.0 * late["N"], rel=1e-4)
    assert scores(launch - 1)["N"] == pytest.approx(late["N"])  # "today" before the launch
    plain = build_model(rows, params=FitParams(train_half_life_days=None, new_boost=0.0))
    got = plain.cross_sells.suggest(["A"], top=2, today=launch + 10)
    assert {s.product: s.score for s in got}["N"] == pytest.approx(late["N"])


def test_suggestions_are_spread_over_kinds_of_goods() -> None:
    """B1 and B2 always go together; C goes with A on its own: the second pick is C."""
    rows = []
    for i in range(30):
        rows += [row(f"b{i}", "A"), row(f"b{i}", "B1", desc="B1"), row(f"b{i}", "B2", desc="B2")]
    for i in range(18):
        rows += [row(f"c{i}", "A"), row(f"c{i}", "C")]
    same = build_model(rows, params=FitParams(diverse_penalty=0.0))
    assert [s.product for s in same.suggest(["A"], top=2)] == ["B1", "B2"]
    spread = build_model(rows, params=FitParams(diverse_penalty=1.0))
    assert [s.product for s in spread.suggest(["A"], top=3)] == ["B1", "C", "B2"]
    # The default penalty changes nothing when nothing is alike.
    assert [s.product for s in build_model(history(), exclude=["POST"]).suggest(["A", "C"], 2)] == [
        s.product for s in build_model(
            history(), exclude=["POST"], params=FitParams(diverse_penalty=0.0)
        ).suggest(["A", "C"], 2)
    ]


def test_suggest_days_is_suggest_with_last_days(model: SalesModel) -> None:
    days = {"A": day_of("2011-01-05"), "C": day_of("2011-06-01")}
    got = model.cross_sells.suggest_days(["A", "C"], [days["A"] or 0, days["C"] or 0], top=4)
    assert got == model.suggest(["A", "C"], top=4, last_bought={"A": "2011-01-05", "C": "2011-06-01"})


def test_only_the_most_recent_owned_products_are_scored() -> None:
    """``owned_cap``: beyond it, the oldest purchases are left out of the score."""
    rows = []
    for i in range(20):
        rows += [row(f"x{i}", "A"), row(f"x{i}", "B")]
        rows += [row(f"y{i}", "C"), row(f"y{i}", "D")]
    capped = build_model(rows, params=FitParams(owned_cap=1))
    old_a = {"A": "2011-01-01", "C": "2011-05-01"}
    got = capped.suggest(["A", "C"], top=1, last_bought=old_a)
    assert got[0].product == "D"  # only C (the newer) counts ...
    both = capped.suggest(["A", "C"], top=3, last_bought=old_a)
    assert "A" not in {s.product for s in both}  # ... but A is still owned: never suggested
    assert [s.product for s in both][:2] == ["D", "B"] or both[1].reason.code != "crosssell.bought_with"

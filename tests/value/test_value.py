"""Customer value: tiers and their basis, thresholds, and the demo's real figures."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from datetime import date
from pathlib import Path

import pytest

from screenpop.card import Section, Status
from screenpop.config.loader import ConfigError, load_config
from screenpop.config.schema import ValueConfig, ValueTier
from screenpop.credit import Policy
from screenpop.demo.build import AS_OF, DemoSet, build_demo
from screenpop.derived import credit_terms, value_tier
from screenpop.lookup import Lookup
from screenpop.phone import normalise
from screenpop.reasons import Reason
from screenpop.sources.base import HistoryRow
from screenpop.sources.registry import build_all as build_sources
from screenpop.value import profile_data, profile_section, revenues, thresholds

CFG = ValueConfig(
    currency="GBP",
    as_of="2011-12-10",
    lapsed_days=180,
    tier=(
        ValueTier(name="Platinum", min_revenue=5000, min_orders=3, label="top 5% by revenue"),
        ValueTier(name="Gold", min_revenue=2000, label="top 20% by revenue"),
        ValueTier(name="Silver", min_revenue=500, label="top 50% by revenue"),
        ValueTier(name="Bronze", min_revenue=0, label="bottom 50% by revenue"),
    ),
)
TODAY = date(2011, 12, 10)


def row(ltv: float | None, orders: int, last: str | None = "2011-12-01") -> dict[str, object]:
    return {
        "lifetime_value": ltv,
        "orders": orders,
        "first_order": "2010-12-01T08:26:00",
        "last_order": last,
    }


def test_tier_and_basis() -> None:
    data = profile_data(row(7321.456, 12), CFG, TODAY)
    assert data is not None
    assert data["tier"] == "Platinum"
    assert data["lifetime_value"] == 7321.46
    assert data["currency"] == "GBP"
    assert data["orders"] == 12
    assert data["first_order"] == "2010-12-01"
    assert data["last_order"] == "2011-12-01"
    assert data["basis"] == (
        "top 5% by revenue (GBP 7,321.46 ≥ GBP 5,000.00); 12 orders; last order 9 days ago"
    )


def codes(data: dict[str, object]) -> list[str]:
    return [p["reason_code"] for p in data["basis_parts"]]  # type: ignore[attr-defined]


def test_basis_is_said_as_reason_parts() -> None:
    data = profile_data(row(7321.456, 12), CFG, TODAY)
    assert data is not None
    assert data["basis_parts"] == [
        {
            "reason_code": "value.tier_top",
            "reason_args": {
                "percent": 5,
                "tier": "Platinum",
                "threshold": 5000.0,
                "currency": "GBP",
                "revenue": 7321.46,
            },
        },
        {"reason_code": "value.orders", "reason_args": {"orders": 12}},
        {"reason_code": "value.last_order_days", "reason_args": {"days": 9}},
    ]
    # The English basis is exactly the parts, worded and joined.
    said = [Reason(p["reason_code"], tuple(p["reason_args"].items())) for p in data["basis_parts"]]
    assert "; ".join(r.text for r in said) == data["basis"]


def test_a_business_label_is_data_and_singulars_read_right() -> None:
    cfg = CFG.model_copy(
        update={
            "tier": (
                ValueTier(name="Key", min_revenue=5000, min_orders=1, label="key account"),
                ValueTier(name="Rest", min_revenue=0),
            ),
            "lapsed_days": 1,
        }
    )
    key = profile_data(row(6000.0, 1, "2011-12-09"), cfg, TODAY)
    assert key is not None
    assert (
        key["basis"] == "key account (GBP 6,000.00 ≥ GBP 5,000.00); 1 order; last order 1 day ago"
    )
    assert codes(key) == ["value.tier", "value.orders_one", "value.last_order_days_one"]
    assert key["basis_parts"][0]["reason_args"]["label"] == "key account"
    lapsed = profile_data(row(6000.0, 2, "2011-12-01"), cfg, TODAY)
    assert lapsed is not None
    assert lapsed["tier"] == "Rest"
    assert lapsed["basis"].endswith("down from Key: no order for over 1 day")
    assert codes(lapsed)[-1] == "value.lapsed_one"
    rest = profile_data(row(10.0, 1, "2011-12-10"), cfg, TODAY)
    assert rest is not None
    assert rest["basis"] == "Rest band (GBP 10.00 ≥ GBP 0.00); 1 order; last order today"
    assert codes(rest) == ["value.band", "value.orders_one", "value.last_order_today"]


def test_gated_and_below_every_tier_are_coded() -> None:
    gated = profile_data(row(9000.0, 2), CFG, TODAY)
    assert gated is not None
    assert codes(gated)[:2] == ["value.tier_top", "value.needs_orders"]
    assert gated["basis_parts"][1]["reason_args"] == {"tier": "Platinum", "orders": 3}
    below = profile_data(row(-25.0, 1), CFG, TODAY)
    assert below is not None
    assert codes(below)[0] == "value.below_every_tier_one"
    assert below["basis"].startswith(
        "below every tier (GBP -25.00 < GBP 0.00 or fewer than 1 order);"
    )
    bottom = profile_data(row(10.0, 1), CFG, TODAY)
    assert bottom is not None
    assert codes(bottom)[0] == "value.tier_bottom"


@pytest.mark.parametrize(
    ("ltv", "tier"),
    [
        (5000.0, "Platinum"),
        (4999.99, "Gold"),
        (2000.0, "Gold"),
        (499.99, "Bronze"),
        (0.0, "Bronze"),
    ],
)
def test_threshold_edges(ltv: float, tier: str) -> None:
    data = profile_data(row(ltv, 5), CFG, TODAY)
    assert data is not None
    assert data["tier"] == tier


def test_frequency_gate_keeps_one_big_order_out_of_the_top() -> None:
    data = profile_data(row(9000.0, 2), CFG, TODAY)
    assert data is not None
    assert data["tier"] == "Gold"
    assert "Platinum needs 3 orders" in data["basis"]


def test_recency_demotes_one_tier() -> None:
    # 181 days since the last order (2011-06-12 -> 2011-12-10)
    data = profile_data(row(6000.0, 10, "2011-06-12"), CFG, TODAY)
    assert data is not None
    assert data["tier"] == "Gold"
    assert data["basis"].endswith(
        "last order 181 days ago; down from Platinum: no order for over 180 days"
    )
    # exactly 180 days is not over 180
    edge = profile_data(row(6000.0, 10, "2011-06-13"), CFG, TODAY)
    assert edge is not None
    assert edge["tier"] == "Platinum"
    # the lowest tier has nowhere to go
    low = profile_data(row(10.0, 1, "2010-12-01"), CFG, TODAY)
    assert low is not None
    assert low["tier"] == "Bronze"
    # recency switched off
    off = profile_data(
        row(6000.0, 10, "2010-12-01"), CFG.model_copy(update={"lapsed_days": 0}), TODAY
    )
    assert off is not None
    assert off["tier"] == "Platinum"


def test_no_sales_is_empty_and_negative_revenue_has_no_tier() -> None:
    assert profile_data(row(None, 0, None), CFG, TODAY) is None
    refunds = profile_data(row(-25.0, 1), CFG, TODAY)
    assert refunds is not None
    assert refunds["tier"] is None
    assert refunds["basis"].startswith("below every tier (GBP -25.00 < GBP 0.00")


def test_profile_section_passes_failures_through() -> None:
    late = Section(Status.TIMEOUT, source="profile", error="late")
    assert profile_section(late, CFG, TODAY) is late
    empty = profile_section(Section(Status.OK, data=row(None, 0, None), source="p"), CFG, TODAY)
    assert empty.status is Status.EMPTY
    assert empty.source == "p"
    ok = profile_section(Section(Status.OK, data=row(600.0, 2), source="p"), CFG, TODAY)
    assert ok.data["tier"] == "Silver"


def test_thresholds_are_quantiles() -> None:
    by_customer = {f"c{i}": float(i) for i in range(1, 101)}  # revenues 1..100
    bands = thresholds(by_customer)
    assert [(b[0], b[1], b[3]) for b in bands] == [
        ("Platinum", 96.0, 5),
        ("Gold", 81.0, 15),
        ("Silver", 51.0, 30),
        ("Bronze", 1.0, 50),
    ]
    assert bands[0][2] == "top 5% by revenue"
    assert bands[-1][2] == "bottom 50% by revenue"
    with pytest.raises(ValueError, match="no sales history"):
        thresholds({})


def test_revenues_sum_lines() -> None:
    rows = [
        HistoryRow("a", "p1", "", "2011-01-01", 2, 10.0),
        HistoryRow("a", "p2", "", "2011-01-02", 1, 5.5),
        HistoryRow("b", "p1", "", "2011-01-01", -1, -3.0),
    ]
    assert revenues(rows) == {"a": 15.5, "b": -3.0}


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "v.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_config_errors_name_the_key(tmp_path: Path) -> None:
    bad_order = "[value]\n[[value.tier]]\nname = 'A'\nmin_revenue = 10\n[[value.tier]]\nname = 'B'\nmin_revenue = 20\n"
    with pytest.raises(ConfigError, match=r"value: tier\[1\].min_revenue: tiers go best first"):
        load_config(write(tmp_path, bad_order), environ={})
    with pytest.raises(ConfigError, match=r"value.as_of: .*not an ISO date"):
        load_config(write(tmp_path, "[value]\nas_of = '10/12/2011'\n"), environ={})
    with pytest.raises(ConfigError, match=r"value.tier\[0\].min_orders"):
        load_config(
            write(
                tmp_path, "[value]\n[[value.tier]]\nname = 'A'\nmin_revenue = 1\nmin_orders = -1\n"
            ),
            environ={},
        )


# ------------------------------------------------------------ real demo --


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> DemoSet:
    return build_demo(tmp_path_factory.mktemp("value-demo") / "demo")


@pytest.fixture
def pool() -> Iterator[ThreadPoolExecutor]:
    with ThreadPoolExecutor(8) as p:
        yield p


def test_demo_thresholds_match_its_history(demo: DemoSet) -> None:
    """The figures written into the demo config are the quantiles of the demo's sales."""
    cfg = load_config(demo.config, environ={})
    assert cfg.value is not None
    assert cfg.value.as_of == AS_OF.isoformat()
    con = sqlite3.connect(demo.sales)
    try:
        by_customer = dict(con.execute("SELECT customer_id, sum(amount) FROM lines GROUP BY 1"))
    finally:
        con.close()
    bands = thresholds(by_customer)
    assert [(t.name, t.min_revenue, t.label) for t in cfg.value.tier] == [
        (name, floor, label) for name, floor, label, _ in bands
    ]
    assert [count for *_, count in bands] == [217, 648, 1297, 2162]


def test_demo_lookup_shows_value_and_credit(demo: DemoSet, pool: ThreadPoolExecutor) -> None:
    cfg = load_config(demo.config, environ={})
    assert cfg.credit is not None
    assert cfg.value is not None
    lk = Lookup(
        build_sources(cfg),
        pool,
        derived=[credit_terms(Policy.from_config(cfg.credit)), value_tier(cfg.value)],
    )
    card = lk.lookup(normalise("anonymous", "GB"), {"account": "12748"})
    profile = card.sections["profile"]
    assert profile.status is Status.OK
    con = sqlite3.connect(demo.sales)
    try:
        total, orders, last = con.execute(
            "SELECT round(sum(amount), 2), count(DISTINCT invoice), substr(max(date), 1, 10) "
            "FROM lines WHERE customer_id = '12748'"
        ).fetchone()
    finally:
        con.close()
    assert profile.data["lifetime_value"] == total
    assert profile.data["orders"] == orders
    assert profile.data["last_order"] == last
    assert profile.data["currency"] == "GBP"
    assert profile.data["tier"] == "Platinum"
    assert profile.data["basis"].startswith("top 5% by revenue (GBP ")
    credit = card.sections["credit"]
    assert credit.status is Status.OK
    assert credit.data["terms"][0] == "Prepay"
    assert set(credit.data["terms"]) | {r["term"] for r in credit.data["refused"]} == {
        "Prepay",
        "Net 14",
        "Net 30",
        "Net 60",
    }
    json.dumps(card.to_json())  # the contract stays JSON


def test_demo_tier_counts(demo: DemoSet) -> None:
    """Every demo customer through value.py: the tiers agents will see (180-day lapse)."""
    cfg = load_config(demo.config, environ={})
    assert cfg.value is not None
    con = sqlite3.connect(demo.sales)
    try:
        rows = con.execute(
            "SELECT sum(amount), count(DISTINCT invoice), min(date), max(date) "
            "FROM lines GROUP BY customer_id"
        ).fetchall()
    finally:
        con.close()
    counts: dict[str | None, int] = {}
    for ltv, orders, first, last in rows:
        data = profile_data(
            {"lifetime_value": ltv, "orders": orders, "first_order": first, "last_order": last},
            cfg.value,
            AS_OF,
        )
        assert data is not None
        counts[data["tier"]] = counts.get(data["tier"], 0) + 1
    assert sum(counts.values()) == 4324
    assert None not in counts  # the lowest threshold is the smallest customer's revenue
    # the quantile bands are 217/648/1297/2162; recency moves lapsed customers down one
    assert counts == {"Platinum": 213, "Gold": 636, "Silver": 1196, "Bronze": 2279}

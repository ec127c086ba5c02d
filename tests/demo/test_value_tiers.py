"""``screenpop value tiers``: the demo's [value] table, computed from its history."""

from __future__ import annotations

import tomllib

import pytest

from screenpop.cli import main
from screenpop.config.loader import load_config
from screenpop.demo.build import DemoSet


def test_value_tiers_prints_the_demo_table(
    full_demo: DemoSet, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(["value", "tiers", "--config", str(full_demo.config)])
    out, err = capsys.readouterr()
    assert code == 0, err
    assert "4324 customers" in out
    assert 'name = "Platinum"\nmin_revenue = 5685.07' in out
    assert "[[value.tier]]  # 2162 customers" in out
    # Options not given come from the config's [value]: a re-run keeps what was decided,
    # and the table printed is the one the demo ships, tier for tier.
    printed = tomllib.loads(out)["value"]
    shipped = load_config(full_demo.config, environ={}, use_user_file=False).value
    assert shipped is not None
    assert printed["as_of"] == shipped.as_of == "2011-12-10"
    assert printed["lapsed_days"] == shipped.lapsed_days == 180
    assert [(t["name"], t["min_revenue"], t["label"]) for t in printed["tier"]] == [
        (t.name, t.min_revenue, t.label) for t in shipped.tier
    ]


def test_value_tiers_options_override_the_config(
    full_demo: DemoSet, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(["value", "tiers", "--config", str(full_demo.config), "--currency", "EUR",
                 "--as-of", "2012-01-31", "--lapsed-days", "90"])  # fmt: skip
    out, err = capsys.readouterr()
    assert code == 0, err
    printed = tomllib.loads(out)["value"]
    assert (printed["currency"], printed["as_of"], printed["lapsed_days"]) == (
        "EUR", "2012-01-31", 90,
    )  # fmt: skip


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["value"], "say `tiers`"),
        (["value", "tiers", "--as-of", "yesterday"], "not a date"),
        (["value", "tiers", "--lapsed-days", "-1"], "0 or more"),
    ],
)
def test_value_tiers_bad_usage_exit_2(
    args: list[str], message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(args) == 2
    assert message in capsys.readouterr().err


def test_value_tiers_without_a_sales_history_is_a_config_error(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["value", "tiers", "--config", "/dev/null"]) == 2
    assert "no sales source" in capsys.readouterr().err

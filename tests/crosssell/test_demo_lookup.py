"""``screenpop lookup NUMBER --json`` for a demo wholesaler: reorders (due first) and cross-sells."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from screenpop.cli import main


@pytest.mark.slow
@pytest.mark.timeout(900)
def test_demo_wholesaler_card_has_both_sections_due_reorders_first(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from screenpop.demo.build import build_demo

    demo = build_demo(tmp_path / "demo")
    assert main(["crosssell", "build", "--config", str(demo.config)]) == 0
    con = sqlite3.connect(demo.sales)
    try:
        wholesaler = con.execute(
            "SELECT customer_id FROM lines GROUP BY customer_id ORDER BY count(*) DESC LIMIT 1"
        ).fetchone()[0]
        bought = {r[0] for r in con.execute(
            "SELECT DISTINCT product FROM lines WHERE customer_id = ?", (wholesaler,)
        )}
    finally:
        con.close()
    con = sqlite3.connect(demo.accounting)
    try:
        number = con.execute(
            "SELECT phone_e164 FROM customers WHERE customer_id = ?", (wholesaler,)
        ).fetchone()[0]
    finally:
        con.close()
    capsys.readouterr()
    assert main(["lookup", number, "--config", str(demo.config), "--json"]) == 0
    card = json.loads(capsys.readouterr().out)
    assert card["customer"]["customer_id"] == wholesaler
    sections = card["sections"]
    reorders = sections["reorders"]
    cross = sections["cross_sells"]
    assert reorders["status"] == "ok"
    assert cross["status"] == "ok"
    due = [item["due"] in ("due", "overdue") for item in reorders["data"]]
    assert len(due) == 5
    assert any(due)
    assert due == sorted(due, reverse=True)  # due reorders first
    assert {item["product"] for item in reorders["data"]} <= bought
    assert not {item["product"] for item in cross["data"]} & bought
    for item in reorders["data"] + cross["data"]:
        assert item["reason"]
        assert item["reason_code"].startswith(("reorders.", "crosssell."))
        assert isinstance(item["reason_args"], dict)

"""The credit section in a lookup: waits for the balance, never the other way round."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest

from screenpop.card import Match, Section, Status
from screenpop.config.loader import load_config
from screenpop.credit import Policy
from screenpop.derived import credit_terms
from screenpop.lookup import Lookup
from screenpop.phone import normalise
from screenpop.sources.base import CheckResult, HistoryRow, Params, SourceError
from screenpop.sources.registry import build_all as build_sources
from tests import sampledb
from tests.credit.conftest import POLICY_TOML


@pytest.fixture
def pool() -> Iterator[ThreadPoolExecutor]:
    with ThreadPoolExecutor(8) as p:
        yield p


class GatedSource:
    """A source whose answer waits for ``gate`` (or fails with ``error``)."""

    def __init__(
        self, name: str, section: str, data: Any, *, timeout_s: float = 2.0, error: str = ""
    ) -> None:
        self.name = name
        self.section = section
        self.timeout_s = timeout_s
        self.data = data
        self.error = error
        self.gate = threading.Event()
        self.gate.set()

    @property
    def can_identify(self) -> bool:
        return False

    def identify(self, params: Params, deadline: float | None = None) -> list[Match]:
        return []

    def fetch(self, params: Params, deadline: float | None = None) -> Any:
        if not self.gate.wait(self.timeout_s + 1):
            return None
        if self.error:
            raise SourceError(self.error)
        return self.data

    def owned(self, params: Params, deadline: float | None = None) -> list[str]:
        return []

    def history(self) -> Iterator[HistoryRow]:
        return iter(())

    def check(self, sample: Params) -> CheckResult:
        return CheckResult(True, "", {})

    def close(self) -> None:
        pass


CREDIT = {"limit": 1000, "risk_grade": "B", "terms": "Net 30", "hold": 0, "hold_reason": ""}
BALANCE = {"balance": 250.0, "overdue": 0.0, "overdue_days": 0, "currency": "GBP"}


def run(
    tmp_path: Path, pool: ThreadPoolExecutor, sources: list[GatedSource], **kw: Any
) -> tuple[dict[str, Section], list[tuple[str, Section]]]:
    path = tmp_path / "p.toml"
    path.write_text(POLICY_TOML, encoding="utf-8")
    cfg = load_config(path, environ={})
    assert cfg.credit is not None
    lk = Lookup(sources, pool, derived=[credit_terms(Policy.from_config(cfg.credit))])
    seen: list[tuple[str, Section]] = []

    def on_section(name: str, section: Section) -> None:
        seen.append((name, section))
        hook = kw.get("on_section")
        if hook:
            hook(name, section)

    card = lk.lookup(normalise("anonymous", "GB"), customer_id="X-1", on_section=on_section)
    return card.sections, seen


def test_credit_waits_for_a_late_balance(tmp_path: Path, pool: ThreadPoolExecutor) -> None:
    credit = GatedSource("credit", "credit", CREDIT)
    balance = GatedSource("accounting", "balance", BALANCE)
    balance.gate.clear()
    timer = threading.Timer(0.2, balance.gate.set)
    timer.start()
    sections, seen = run(tmp_path, pool, [balance, credit])
    timer.join()
    assert [n for n, _ in seen] == ["balance", "credit"]  # one credit section, after balance
    final = sections["credit"]
    assert final.status is Status.OK
    assert final.data["available"] == 750.0
    assert final.data["terms"] == ["Prepay", "Net 15", "Net 30"]
    assert final.data["refused"] == [
        {
            "term": "Net 60",
            "reason": "more generous than the agreed Net 30",
            "reason_parts": [
                {"reason_code": "credit.more_generous", "reason_args": {"agreed": "Net 30"}}
            ],
        }
    ]


def test_balance_does_not_wait_for_credit(tmp_path: Path, pool: ThreadPoolExecutor) -> None:
    credit = GatedSource("credit", "credit", CREDIT)
    balance = GatedSource("accounting", "balance", BALANCE)
    credit.gate.clear()
    released_at: list[float] = []

    def release(name: str, _section: Section) -> None:
        if name == "balance":  # credit is still held back: balance came first
            released_at.append(time.monotonic())
            credit.gate.set()

    sections, seen = run(tmp_path, pool, [credit, balance], on_section=release)
    assert [n for n, _ in seen] == ["balance", "credit"]
    assert released_at
    assert sections["balance"].data == BALANCE
    assert sections["credit"].status is Status.OK
    assert sections["credit"].data["terms"] == ["Prepay", "Net 15", "Net 30"]


def test_balance_timeout_says_so_in_credit(tmp_path: Path, pool: ThreadPoolExecutor) -> None:
    credit = GatedSource("credit", "credit", CREDIT)
    balance = GatedSource("accounting", "balance", BALANCE, timeout_s=0.2)
    balance.gate.clear()
    try:
        sections, seen = run(tmp_path, pool, [credit, balance])
    finally:
        balance.gate.set()
    assert [n for n, _ in seen] == ["balance", "credit"]
    assert sections["balance"].status is Status.TIMEOUT
    final = sections["credit"]
    assert final.status is Status.TIMEOUT
    assert final.error == "cannot check terms: balance (accounting) timed out"
    assert final.reason is not None
    assert final.reason.code == "credit.unchecked.balance_timeout"
    assert final.reason.arguments == {"source": "accounting"}
    assert final.data["terms"] == ["Prepay"]
    assert final.data["limit"] == 1000.0


def test_credit_unavailable_offers_only_prepay(tmp_path: Path, pool: ThreadPoolExecutor) -> None:
    credit = GatedSource("credit", "credit", None, error="credit: no such table: credit")
    balance = GatedSource("accounting", "balance", BALANCE)
    sections, _ = run(tmp_path, pool, [credit, balance])
    final = sections["credit"]
    assert final.status is Status.UNAVAILABLE
    assert "no such table" in (final.error or "")
    assert final.data["terms"] == ["Prepay"]
    assert "Net 30" not in final.data["terms"]


def test_without_a_balance_source_credit_is_unavailable(
    tmp_path: Path, pool: ThreadPoolExecutor
) -> None:
    sections, seen = run(tmp_path, pool, [GatedSource("credit", "credit", CREDIT)])
    assert [n for n, _ in seen] == ["credit"]
    assert sections["credit"].status is Status.UNAVAILABLE
    assert sections["credit"].error == "cannot check terms: no balance source configured"


def sample_lookup(tmp_path: Path, pool: ThreadPoolExecutor, **kw: Any) -> Lookup:
    paths = sampledb.build(tmp_path / "db")
    cfg_file = tmp_path / "c.toml"
    cfg_file.write_text(sampledb.config_text(paths, extra=POLICY_TOML, **kw), encoding="utf-8")
    cfg = load_config(cfg_file, environ={})
    assert cfg.credit is not None
    return Lookup(build_sources(cfg), pool, derived=[credit_terms(Policy.from_config(cfg.credit))])


def test_real_sources_apply_the_policy(tmp_path: Path, pool: ThreadPoolExecutor) -> None:
    lk = sample_lookup(tmp_path, pool)
    aino = lk.lookup(normalise("+358401234567", "GB")).sections["credit"]
    assert aino.status is Status.OK
    assert aino.source == "credit"
    assert aino.data["limit"] == 5000.0
    assert aino.data["available"] == 4879.5
    assert aino.data["currency"] == "EUR"
    assert aino.data["terms"] == ["Prepay", "Net 15", "Net 30"]
    oliver = lk.lookup(normalise("020 7946 0958", "GB")).sections["credit"]
    assert oliver.data["hold"] is True
    assert oliver.data["risk_grade"] == "C"
    assert oliver.data["available"] == 20.0
    assert oliver.data["terms"] == ["Prepay"]
    reasons = {r["term"]: r["reason"] for r in oliver.data["refused"]}
    assert reasons["Net 15"] == "account on credit hold; invoices overdue more than 60 days"


def test_real_credit_timeout_keeps_timeout(tmp_path: Path, pool: ThreadPoolExecutor) -> None:
    lk = sample_lookup(tmp_path, pool, credit_query=sampledb.TIMEOUT_SQL, credit_timeout_ms=300)
    card = lk.lookup(normalise("+358401234567", "GB"))
    credit = card.sections["credit"]
    assert credit.status is Status.TIMEOUT
    assert "did not answer within 300 ms" in (credit.error or "")
    assert credit.data["terms"] == ["Prepay"]
    assert card.sections["balance"].status is Status.OK
    # a failed section is not cached: the next ring asks again
    assert "cache" not in lk.lookup(normalise("+358401234567", "GB")).latency_ms

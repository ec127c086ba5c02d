"""Derived sections: declared with their inputs, run as soon as those are in,
guarded by their own breaker."""

from __future__ import annotations

from collections.abc import Collection, Iterator, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest

from screenpop.card import Section, Status
from screenpop.config.loader import load_config
from screenpop.derived import Derived, cross_sells
from screenpop.lookup import Lookup
from screenpop.phone import normalise
from screenpop.sources.registry import build_all
from tests import sampledb

NUMBER = "+358401234567"  # C-100, who bought 85123A and 22423


@pytest.fixture
def pool() -> Iterator[ThreadPoolExecutor]:
    with ThreadPoolExecutor(8) as p:
        yield p


@pytest.fixture
def sources(tmp_path: Path) -> Iterator[list[Any]]:
    paths = sampledb.build(tmp_path / "db")
    cfg = tmp_path / "c.toml"
    cfg.write_text(sampledb.config_text(paths), encoding="utf-8")
    built = build_all(load_config(cfg, environ={}))
    yield built
    for s in built:
        s.close()


class BrokenModel:
    """A cross-sell model with a bug: every suggestion raises."""

    def __init__(self) -> None:
        self.calls = 0

    def suggest(
        self, owned: Collection[str], top: int = 5, exclude: Collection[str] = ()
    ) -> Sequence[Any]:
        self.calls += 1
        raise ZeroDivisionError("model bug")


def test_a_model_fault_has_its_own_breaker(sources: list[Any], pool: ThreadPoolExecutor) -> None:
    """Before: a model fault counted as a sales-source failure, and three of them
    opened the sales breaker and blanked the purchases section."""
    model = BrokenModel()
    lk = Lookup(sources, pool, derived=[cross_sells(model, 5, ())])
    for _ in range(4):
        card = lk.lookup(normalise(NUMBER, "GB"), use_cache=False)
        assert card.sections["purchases"].status is Status.OK
        assert card.sections["cross_sells"].status is Status.UNAVAILABLE
    assert lk.breakers["sales"].state == "closed"
    assert lk.derived_breakers["cross_sells"].state == "open"
    assert model.calls == 3  # the fourth pop did not call the broken model
    last = card.sections["cross_sells"]
    assert last.reason is not None
    assert last.reason.code == "source.failing"


def test_a_derived_section_runs_when_its_inputs_are_in(
    sources: list[Any], pool: ThreadPoolExecutor
) -> None:
    seen: list[Mapping[str, Section]] = []

    def compute(inputs: Mapping[str, Section]) -> Section:
        seen.append(dict(inputs))
        balance = inputs["balance"].data["balance"]
        return Section(Status.OK, data={"twice": balance * 2})

    doubled = Derived("doubled", ("balance",), compute, needs=("balance",))
    lk = Lookup(sources, pool, derived=[doubled])
    order: list[str] = []
    card = lk.lookup(normalise(NUMBER, "GB"), on_section=lambda n, s: order.append(n))
    assert card.sections["doubled"].data == {"twice": 241.0}
    assert order.index("balance") < order.index("doubled")
    assert list(seen[0]) == ["balance"]
    # the balance itself is shown: only a derived section of the same name replaces it
    assert card.sections["balance"].status is Status.OK


def test_a_derived_section_without_its_source_is_not_on_the_card(
    sources: list[Any], pool: ThreadPoolExecutor
) -> None:
    orphan = Derived("orphan", ("cases",), lambda i: Section(Status.OK, data=[1]), needs=("cases",))
    lk = Lookup(sources, pool, derived=[orphan])
    card = lk.lookup(normalise(NUMBER, "GB"))
    assert "orphan" not in card.sections
    assert "orphan" not in lk.plan.names


def test_a_section_a_card_cannot_hold_says_why(
    sources: list[Any], pool: ThreadPoolExecutor
) -> None:
    """Non-finite numbers and bytes never reach a card: the section is unavailable."""
    balance = next(s for s in sources if s.section == "balance")
    balance.fetch = lambda params, deadline=None: {"balance": float("inf"), "blob": b"\x00"}
    lk = Lookup(sources, pool)
    card = lk.lookup(normalise(NUMBER, "GB"))
    section = card.sections["balance"]
    assert section.status is Status.UNAVAILABLE
    assert section.reason is not None
    assert section.reason.code == "source.bad_data"
    assert "data.balance is not a finite number" in (section.error or "")
    assert card.sections["purchases"].status is Status.OK

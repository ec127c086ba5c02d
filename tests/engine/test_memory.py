"""The collector tuned by the engine, and start-up frozen out of its sight by the app."""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from screenpop.memory import THRESHOLDS, settle_memory


@pytest.fixture
def collector() -> Iterator[None]:
    """Whatever a test does to the collector is undone after it."""
    before = gc.get_threshold()
    gc.set_threshold(700, 10, 10)  # the interpreter's defaults
    yield
    gc.unfreeze()
    gc.set_threshold(*before)


def test_a_started_engine_collects_less_often(
    collector: None, sample_config: Path, engine_factory: Callable[..., Any]
) -> None:
    assert gc.get_threshold() == (700, 10, 10)
    engine_factory(sample_config)
    # The heaviest customer's pop went from p99 ~80 ms to ~30 ms with these
    # (benchmarks/reorders_pop.py): full collections walked all the app holds.
    assert gc.get_threshold() == THRESHOLDS
    assert THRESHOLDS[0] >= 10_000


def test_settle_memory_freezes_what_start_up_built(collector: None) -> None:
    held = [{"product": str(i)} for i in range(1000)]  # the model, the sources...
    gc.unfreeze()
    settle_memory()
    assert gc.get_freeze_count() >= len(held)
    assert gc.get_threshold() == THRESHOLDS

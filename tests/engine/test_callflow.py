"""The call flow through a real engine: cards complete whatever fails, cards are
values, and nothing grows without bound over a long shift."""

from __future__ import annotations

import gc
import json
import resource
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from screenpop.card import Card, Match, Status
from screenpop.engine import Engine
from screenpop.engine.callflow import CALL_MEMORY
from screenpop.lookup import CHOICES_KEPT, Lookup
from screenpop.phone import normalise
from tests.engine.conftest import Recorder, end, ring

Factory = Callable[..., tuple[Engine, Recorder]]


def _journaled_card(engine: Engine, call_id: str) -> dict[str, Any] | None:
    assert engine.runtime.writer is not None
    # Every write submitted so far has landed once a later no-op write has.
    engine.runtime.writer.submit(lambda j: None).result(10)
    assert engine.journal is not None
    return engine.journal.card_json(call_id)


def test_a_failing_lookup_still_completes_and_journals_the_card(
    sample_config: Path, engine_factory: Factory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Before: an exception inside the lookup left the pop's sections spinning,
    journaled no card, and ``demo --headless --calls N`` never ended."""
    engine, rec = engine_factory(sample_config)

    def broken(self: Lookup, *args: Any, **kwargs: Any) -> Card:
        raise RuntimeError("a bug in the lookup")

    monkeypatch.setattr(Lookup, "lookup", broken)
    ring(engine, "bug-1")
    card = rec.wait(lambda: rec.complete.get("bug-1"))
    assert card.customer is None
    assert card.identification_failed  # never "unknown caller" by mistake
    snapshot = _journaled_card(engine, "bug-1")
    assert snapshot is not None
    assert snapshot["identify_failed"][0]["source"] == "lookup"
    assert snapshot["identify_failed"][0]["reason_code"] == "source.internal"


def test_identify_answering_nonsense_is_a_failed_identification(
    sample_config: Path, engine_factory: Factory
) -> None:
    engine, rec = engine_factory(sample_config)
    lookup = engine.lookup
    assert lookup is not None
    accounting = next(s for s in lookup.sources if s.name == "accounting")
    accounting.identify = lambda params, deadline=None: [object()]  # type: ignore[method-assign]
    ring(engine, "odd-1")
    card = rec.wait(lambda: rec.complete.get("odd-1"))
    assert card.customer is None
    assert [f.source for f in card.identify_failed] == ["accounting"]
    assert "identify" in card.failed_sections


def test_cards_handed_out_are_snapshots(sample_config: Path, engine_factory: Factory) -> None:
    """What crosses a thread is a value: the card handed out at identification
    is not filled in later behind the front end's back."""
    engine, rec = engine_factory(sample_config)
    ring(engine, "snap-1")
    final = rec.wait(lambda: rec.complete.get("snap-1"))
    first = rec.identified_cards["snap-1"]
    assert first.sections == {}
    assert set(final.sections) == {"balance", "purchases", "credit", "history"}
    assert first is not final
    with pytest.raises(TypeError):
        final.sections["balance"] = final.sections["credit"]  # type: ignore[index]
    with pytest.raises(AttributeError):
        final.customer = None  # type: ignore[misc]
    data = final.sections["purchases"].data
    with pytest.raises((TypeError, AttributeError)):
        data[0]["product"] = "changed"
    # the strict JSON of the card round-trips
    text = json.dumps(final.to_json(), allow_nan=False)
    assert json.loads(text)["customer"]["customer_id"] == "C-100"


def test_the_cache_holds_snapshots(sample_config: Path, engine_factory: Factory) -> None:
    engine, rec = engine_factory(sample_config)
    ring(engine, "c-1")
    first = rec.wait(lambda: rec.complete.get("c-1"))
    ring(engine, "c-2")
    second = rec.wait(lambda: rec.complete.get("c-2"))
    assert "cache" in second.latency_ms
    # Every department's section from the cache; the history is read anew.
    cached = {n: s for n, s in first.sections.items() if n != "history"}
    assert {n: s for n, s in second.sections.items() if n != "history"} == cached
    assert second.sections["history"] is not first.sections["history"]
    # the cached card is the one handed out, unchanged by the second pop
    assert "cache" not in first.latency_ms


def test_a_long_shift_stays_bounded(
    sample_config: Path, engine_factory: Factory, tmp_path: Path
) -> None:
    """10,000 calls rung and ended: what the engine remembers stays capped, and
    resident memory stops growing once the caps are reached.

    The journal sits in memory-backed storage when there is some: this test is
    about what the engine keeps, not about how fast a disk syncs 30,000 writes.
    """
    shm = Path("/dev/shm")
    folder = Path(tempfile.mkdtemp(dir=shm)) if shm.is_dir() else tmp_path
    engine, rec = engine_factory(sample_config, journal_path=folder / "journal.db")
    n = 10_000

    def rss_mb() -> float:
        gc.collect()
        kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        return kib / 1024 if sys.platform != "darwin" else kib / 1024 / 1024

    base: float | None = None
    for i in range(n):
        call_id = f"shift-{i}"
        number = f"+4420794{i:05d}"  # unknown callers: the lookup is quick
        ring(engine, call_id, number)
        end(engine, call_id, number)
        if i % 500 == 499:
            rec.wait(lambda i=i: f"shift-{i}" in rec.complete, timeout=60)
            # a desk rings far slower than this loop: let the journal keep up
            assert engine.runtime.writer is not None
            engine.runtime.writer.submit(lambda j: None).result(120)
            rec.complete.clear()
            rec.identified_cards.clear()
            rec.sections.clear()
            rec.rung.clear()
            rec.states.clear()
        if i == 2_999:
            base = rss_mb()
    rec.wait(lambda: engine.flow.sizes()["received"] == 0, timeout=60)
    sizes = engine.flow.sizes()
    assert sizes["calls"] <= CALL_MEMORY
    assert sizes["cards"] <= CALL_MEMORY
    assert sizes["received"] == 0
    assert sizes["dispatcher"] <= 5000
    lookup = engine.lookup
    assert lookup is not None
    for i in range(CHOICES_KEPT + 500):
        lookup.remember_choice(normalise(f"+4420795{i:05d}", "GB"), "C-1")
    assert len(lookup.choices) == CHOICES_KEPT
    assert base is not None
    growth = rss_mb() - base
    # ru_maxrss is a high-water mark: 7,000 more calls may not raise it by much.
    assert growth < 40, f"resident memory grew {growth:.1f} MB over 7,000 calls"
    assert engine.runtime.writer is not None
    engine.runtime.writer.submit(lambda j: None).result(60)
    assert engine.journal is not None
    assert len(engine.journal.recent(limit=n + 10)) == n
    engine.stop()
    if folder != tmp_path:
        shutil.rmtree(folder, ignore_errors=True)


def test_choose_customer_returns_at_once_and_refills(
    sample_config: Path, engine_factory: Factory
) -> None:
    engine, rec = engine_factory(sample_config)
    ring(engine, "pick-1", "+972501234567")  # two customers share this number
    card = rec.wait(lambda: rec.complete.get("pick-1"))
    assert card.customer is None
    assert len(card.matches) == 2
    rec.complete.clear()
    started = time.monotonic()
    engine.choose_customer("pick-1", "C-402")
    assert time.monotonic() - started < 0.5  # it only hands the work over
    refilled = rec.wait(lambda: rec.complete.get("pick-1"))
    assert refilled.customer == Match("C-402", "Levi Trading Ltd", ("accounting",))
    assert refilled.sections["balance"].status is Status.OK

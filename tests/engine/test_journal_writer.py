"""The journal writer: in order, durable, and nothing accepted dropped while the
journal cannot write for a while (a real full disk is in tests/journal)."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from screenpop.health import Backoff, Health, HealthState
from screenpop.journal import Journal, JournalError
from screenpop.journal.writer import JournalWriter


@pytest.fixture
def journal(tmp_path: Path) -> Iterator[Journal]:
    j = Journal(tmp_path / "journal.db")
    yield j
    j.close()


class Flaky:
    """Fails the first ``times`` calls as a full disk would, then works.

    The first call waits for ``start`` (set at once unless a test holds it),
    so that a test can line writes up behind it before anything fails.
    """

    def __init__(self, times: int) -> None:
        self.times = times
        self.calls = 0
        self.gate = threading.Event()
        self.start = threading.Event()
        self.start.set()

    def __call__(self, done: list[str], name: str) -> None:
        self.start.wait(10)
        self.calls += 1
        if self.calls <= self.times:
            if self.calls == self.times:
                self.gate.wait(10)
            raise JournalError("database or disk is full", transient=True)
        done.append(name)


def fast() -> Backoff:
    return Backoff(first=0.01, cap=0.02)


def test_writes_land_in_the_order_they_were_accepted(journal: Journal) -> None:
    done: list[str] = []
    healths: list[Health] = []
    writer = JournalWriter(journal, on_health=healths.append, backoff=fast())
    flaky = Flaky(times=3)
    flaky.start.clear()
    first = writer.submit(lambda j: flaky(done, "a"), "a")
    rest = [writer.submit(lambda j, n=n: done.append(n), n) for n in "bcdef"]
    flaky.start.set()  # every write is in line before the first one fails
    # while the head of the line keeps failing, nothing overtakes it
    for _ in range(200):
        if writer.failing():
            break
        threading.Event().wait(0.01)
    assert writer.failing()
    assert writer.backlog() == 6
    assert "6 write(s) kept" in writer.health().detail  # says how many it holds
    assert done == []
    flaky.gate.set()  # "space is back"
    first.result(10)
    for f in rest:
        f.result(10)
    assert done == ["a", "b", "c", "d", "e", "f"]
    assert writer.health().state is HealthState.CONNECTED
    assert [h.state for h in healths][-1] is HealthState.CONNECTED
    assert HealthState.FAILED in [h.state for h in healths]
    assert writer.stop() == 0


def test_a_wrong_write_fails_alone(journal: Journal) -> None:
    writer = JournalWriter(journal, backoff=fast())
    bad = writer.submit(lambda j: j.save_wrapup("no-such-call", "sale", ""), "wrapup")
    good = writer.submit(lambda j: "ok", "next")
    with pytest.raises(JournalError, match="no call"):
        bad.result(10)
    assert good.result(10) == "ok"
    assert not writer.failing()
    writer.stop()


def test_wait_says_queued_while_the_journal_cannot_write(journal: Journal) -> None:
    writer = JournalWriter(journal, backoff=fast())
    flaky = Flaky(times=2)
    done: list[str] = []
    future = writer.submit(lambda j: flaky(done, "wrapup"), "wrapup")
    assert writer.wait_queued_or_done(future, timeout=10) is False  # kept, not lost
    flaky.gate.set()
    assert future.result(10) is None
    assert done == ["wrapup"]
    assert writer.wait_queued_or_done(writer.submit(lambda j: None), timeout=10) is True
    writer.stop()


def test_beyond_its_capacity_it_refuses_and_says_so(journal: Journal) -> None:
    writer = JournalWriter(journal, capacity=3, backoff=fast())
    flaky = Flaky(times=2)
    done: list[str] = []
    held = [writer.submit(lambda j: flaky(done, "a"), "a")]
    held += [writer.submit(lambda j, n=n: done.append(n), n) for n in "bc"]
    refused = writer.submit(lambda j: done.append("d"), "d")
    with pytest.raises(JournalError, match="already holds 3"):
        refused.result(1)
    flaky.gate.set()
    for f in held:
        f.result(10)
    assert done == ["a", "b", "c"]
    writer.stop()


def test_stop_writes_what_it_can_and_counts_the_rest(journal: Journal) -> None:
    writer = JournalWriter(journal, backoff=fast())
    never = Flaky(times=10**9)
    done: list[str] = []
    held = writer.submit(lambda j: never(done, "x"), "x")
    writer.submit(lambda j: done.append("y"), "y")
    assert writer.stop(drain_s=0.3) == 2
    with pytest.raises(JournalError, match="stopped"):
        held.result(1)
    late = writer.submit(lambda j: None)
    with pytest.raises(JournalError, match="stopped"):
        late.result(1)


def test_damage_found_after_start_shows_at_once(journal: Journal) -> None:
    healths: list[Health] = []
    writer = JournalWriter(journal, on_health=healths.append, backoff=fast())
    writer.damaged("the journal x is damaged (page 7); move it aside (mv x x.damaged)")
    assert writer.failing()
    assert healths[-1].state is HealthState.FAILED
    assert "mv x x.damaged" in healths[-1].detail
    writer.stop()

"""How a source's call ends up as a card section: wait for each job up to its
own deadline, and turn what it returned (or raised, or never said) into a
``Section`` that says why when there is no data.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from concurrent.futures import FIRST_COMPLETED, Future, wait
from dataclasses import dataclass
from typing import Any

from screenpop.breaker import Breaker
from screenpop.card import CardDataError, LastKnown, Match, Section, Status
from screenpop.derived import Derived
from screenpop.reasons import (
    SOURCE_ABANDONED,
    SOURCE_BAD_DATA,
    SOURCE_ERROR,
    SOURCE_FAILING,
    SOURCE_INTERNAL,
    Reason,
)
from screenpop.sources.base import Answer, Source, SourceTimeout

log = logging.getLogger(__name__)

#: (job key, future or None when its deadline passed first, ms since start, source)
DoneCallback = Callable[[str, "Future[Any] | None", float, "str | None"], None]


@dataclass(frozen=True, slots=True)
class Job:
    """One source call under way: its future, its deadline, who answers it."""

    future: Future[Any]
    deadline: float
    source: str | None


def gather(
    jobs: Mapping[str, Job],
    on_done: DoneCallback,
    started: float,
    clock: Callable[[], float],
) -> None:
    """Wait for each job up to its own deadline; report each as it ends.

    ``on_done`` gets ``None`` for a job whose deadline passed first. Never
    waits past the latest deadline.
    """
    pending = dict(jobs)
    while pending:
        now = clock()
        for key, job in list(pending.items()):
            if not job.future.done() and now >= job.deadline:
                del pending[key]
                on_done(key, None, (now - started) * 1000, job.source)
        if not pending:
            break
        waiting = {job.future for job in pending.values() if not job.future.done()}
        # Wait only when nothing is ready: a job that finished while others
        # were being reported must not sit behind a slow one's deadline.
        if waiting and len(waiting) == len(pending):
            timeout = max(0.0, min(j.deadline for j in pending.values()) - clock())
            wait(waiting, timeout=timeout, return_when=FIRST_COMPLETED)
        for key, job in list(pending.items()):
            if job.future.done():
                del pending[key]
                on_done(key, job.future, (clock() - started) * 1000, job.source)


def identify_call(source: Source, params: Mapping[str, str], deadline: float) -> list[Match]:
    return source.identify(params, deadline)


def fetch_call(source: Source, params: Mapping[str, str], deadline: float) -> Any:
    return source.fetch(params, deadline)


def failed_section(fut: Future[Any] | None, ms: float, src: str | None) -> Section:
    """A section for a job that raised or was abandoned at its deadline."""
    if fut is None:
        return Section(
            Status.TIMEOUT,
            source=src,
            reason=Reason.of(SOURCE_ABANDONED, ms=round(ms)),
            latency_ms=ms,
        )
    exc = fut.exception()
    status = Status.TIMEOUT if isinstance(exc, SourceTimeout) else Status.UNAVAILABLE
    text = str(exc) or type(exc).__name__
    reason = getattr(exc, "reason", None) or Reason.of(SOURCE_ERROR, error=text)
    return Section(status, source=src, error=text, reason=reason, latency_ms=ms)


def section_from(fut: Future[Any] | None, ms: float, src: str | None) -> Section:
    """A job's outcome as a section; data a card cannot hold makes it unavailable."""
    if fut is None or fut.exception() is not None:
        return failed_section(fut, ms, src)
    data = fut.result()
    if isinstance(data, Answer):
        data, src = data.data, data.where
    if data is None or data == [] or data == {}:
        return Section(Status.EMPTY, source=src, latency_ms=ms)
    try:
        return Section(Status.OK, data=data, source=src, latency_ms=ms)
    except CardDataError as exc:
        log.warning("source %s answered data a card cannot hold: %s", src, exc)
        return Section(
            Status.UNAVAILABLE,
            source=src,
            reason=Reason.of(SOURCE_BAD_DATA, source=src or "", what=str(exc)),
            latency_ms=ms,
        )


def run_derived(
    d: Derived, results: Mapping[str, Section], breaker: Breaker, clock: Callable[[], float]
) -> Section:
    """``d``'s section from its inputs, under its own breaker."""
    if not breaker.allow(clock()):
        return Section(
            Status.UNAVAILABLE,
            reason=Reason.of(
                SOURCE_FAILING,
                source=d.name,
                count=breaker.failures,
                seconds=round(breaker.cool_off_s),
            ),
        )
    inputs = {name: results[name] for name in d.inputs if name in results}
    latency = max((s.latency_ms for s in inputs.values()), default=0.0)
    try:
        section = d.compute(inputs)
    except Exception as exc:
        log.exception("derived section %s failed", d.name)
        breaker.record(False, type(exc).__name__, clock())
        return Section(
            Status.UNAVAILABLE,
            reason=Reason.of(SOURCE_INTERNAL, source=d.name, error=type(exc).__name__),
            latency_ms=latency,
        )
    breaker.record(True, "", clock())
    if section.latency_ms == 0.0 and latency:
        section = Section(
            section.status,
            section.data,
            section.source,
            section.error,
            latency,
            section.reason,
            section.last_known,
        )
    return section


def with_last_known(
    section: Section,
    reader: Callable[[str, str], LastKnown | None],
    customer_id: str,
    name: str,
) -> Section:
    """A failed ``section`` with the customer's last known data for it, when the
    journal has some (a reader that fails leaves the section as it was)."""
    try:
        known = reader(customer_id, name)
    except Exception:
        log.exception("reading the last known %s failed", name)
        return section
    if known is None:
        return section
    return Section(
        section.status,
        section.data,
        section.source,
        section.error,
        section.latency_ms,
        section.reason,
        known,
    )

"""A source that could not be built, standing in so the others still work."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from screenpop.card import Match
from screenpop.sources.base import CheckResult, HistoryRow, Params, SourceError


class BrokenSource:
    """Says why it cannot answer, on every call.

    Keeps a bad password in one department from taking down the others: the
    card still pops, and that section reads "unavailable: <reason>".
    """

    def __init__(self, name: str, section: str, reason: str) -> None:
        self.name = name
        self.section = section
        self.timeout_s = 0.1
        self.reason = reason

    @property
    def can_identify(self) -> bool:
        return False

    def identify(self, params: Params, deadline: float | None = None) -> list[Match]:
        raise SourceError(self.reason)

    def fetch(self, params: Params, deadline: float | None = None) -> Any:
        raise SourceError(self.reason)

    def owned(self, params: Params, deadline: float | None = None) -> list[str]:
        raise SourceError(self.reason)

    def history(self) -> Iterator[HistoryRow]:
        raise SourceError(self.reason)

    def check(self, sample: Params) -> CheckResult:
        return CheckResult(False, self.reason, {})

    def close(self) -> None:
        pass

"""A source that could not be built, standing in so the others still work."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from screenpop.card import Match
from screenpop.reasons import Reason
from screenpop.sources.base import CheckResult, HistoryRow, Params, SourceError


class BrokenSource:
    """Says why it cannot answer, on every call.

    Keeps a bad password in one department from taking down the others: the
    card still pops, and that section reads "unavailable: <reason>".
    ``reason`` is the building error's ``Reason`` when it had one (so the pop
    words it in the agent's language), else its text (a keyring's, a
    driver's own words).
    """

    def __init__(self, name: str, section: str, reason: str | Reason) -> None:
        self.name = name
        self.section = section
        # It answers at once; the budget only matters when the pool is busy,
        # and then the card should still say why, not "no answer".
        self.timeout_s = 0.8
        self.why = reason if isinstance(reason, Reason) else None
        self.reason = reason.text if isinstance(reason, Reason) else reason

    @property
    def can_identify(self) -> bool:
        return False

    def _error(self) -> SourceError:
        return SourceError.because(self.why) if self.why else SourceError(self.reason)

    def identify(self, params: Params, deadline: float | None = None) -> list[Match]:
        raise self._error()

    def fetch(self, params: Params, deadline: float | None = None) -> Any:
        raise self._error()

    def owned(self, params: Params, deadline: float | None = None) -> list[str]:
        raise self._error()

    def history(self) -> Iterator[HistoryRow]:
        raise self._error()

    def check(self, sample: Params) -> CheckResult:
        return CheckResult(False, self.reason, {})

    def close(self) -> None:
        pass

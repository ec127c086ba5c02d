"""Sentences for the agent, said as a code and its arguments.

The core never words what it tells an agent: a cross-sell's "bought with X by
38 customers", a credit refusal, a source's error, the basis of a value tier
are each a ``Reason`` (a code such as ``crosssell.bought_with`` plus
arguments). The front end words it in the agent's language from the code; the
card JSON carries both the code (``reason_code``/``reason_args``) and the
English sentence (``reason``) for scripts. Every code is declared once, here
or in the module that raises it, with ``define(code, english)``, so a test can
check that each one has a translation in the UI.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

#: A reason's argument: JSON scalars, or a tuple of them (a list of names).
Arg = str | int | float | bool | None | tuple[str | int | float, ...]

#: code -> English template (``str.format`` fields named after the arguments).
CATALOGUE: dict[str, str] = {}


class ReasonError(ValueError):
    """A reason with an unknown code or arguments its template cannot take."""


def define(code: str, english: str) -> str:
    """Declare ``code`` with its English wording; returns the code.

    Declaring the same code twice with another wording is a programming error.
    """
    known = CATALOGUE.get(code)
    if known is not None and known != english:
        raise ReasonError(f"reason {code!r} declared twice with different wording")
    CATALOGUE[code] = english
    return code


def _arg(name: str, value: Any) -> Arg:
    if isinstance(value, list | tuple):
        return tuple(_scalar(name, v) for v in value)  # type: ignore[misc]
    return _scalar(name, value)


def _scalar(name: str, value: Any) -> str | int | float | bool | None:
    if value is None or isinstance(value, str | bool | int):
        return value
    if isinstance(value, float):
        if not math.isfinite(value):
            raise ReasonError(f"reason argument {name} is not a finite number")
        return value
    return str(value)


class _Args(dict[str, Any]):
    """Template arguments: lists read as "a, b, c"; a missing one stays visible."""

    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


@dataclass(frozen=True, slots=True)
class Reason:
    """One sentence for the agent: ``code`` and its ``args``; ``text`` in English."""

    code: str
    args: tuple[tuple[str, Arg], ...] = ()

    @classmethod
    def of(cls, code: str, **args: Any) -> Reason:
        if code not in CATALOGUE:
            raise ReasonError(f"unknown reason code {code!r}")
        return cls(code, tuple((k, _arg(k, v)) for k, v in args.items()))

    @property
    def arguments(self) -> dict[str, Arg]:
        return dict(self.args)

    @property
    def text(self) -> str:
        """The English sentence (scripts, logs, and any UI without a translation)."""
        template = CATALOGUE.get(self.code, self.code)
        values = _Args()
        for key, value in self.args:
            values[key] = ", ".join(str(v) for v in value) if isinstance(value, tuple) else value
        try:
            return template.format_map(values)
        except (ValueError, TypeError, IndexError):
            return template

    def to_json(self, key: str = "reason") -> dict[str, Any]:
        """``{key: text, "reason_code": code, "reason_args": {...}}`` (lists as arrays)."""
        return {
            key: self.text,
            "reason_code": self.code,
            "reason_args": {k: list(v) if isinstance(v, tuple) else v for k, v in self.args},
        }

    @classmethod
    def from_json(cls, obj: Mapping[str, Any]) -> Reason | None:
        """The reason a card JSON object carries, or None (an older card, or none)."""
        code = obj.get("reason_code")
        args = obj.get("reason_args")
        if not isinstance(code, str) or not isinstance(args, Mapping):
            return None
        try:
            return cls(code, tuple((str(k), _arg(str(k), v)) for k, v in args.items()))
        except ReasonError:
            return None


# Reasons the card itself gives (sources' and the lookup's own words).
SOURCE_ERROR = define("source.error", "{error}")
SOURCE_TIMEOUT = define("source.timeout", "no answer within {ms} ms")
SOURCE_ABANDONED = define(
    "source.abandoned", "no answer within {ms} ms (abandoned; could not be stopped)"
)
SOURCE_FAILING = define(
    "source.failing", "{source} is failing ({count} errors in a row); retrying in {seconds} s"
)
SOURCE_BAD_DATA = define(
    "source.bad_data", "{source} answered something a card cannot hold: {what}"
)
SOURCE_INTERNAL = define("source.internal", "{source}: internal error ({error})")
SECTION_NO_ANSWER = define("section.no_answer", "no answer")

"""``[cases]``: complaints and warranty cases opened from a call, and the zone "today" is in.

The cases themselves come from a ``[[source]]`` with ``section = "cases"``;
the statement that writes one is that source's ``open_case``. What is the
call centre's own choice lives here: the fault categories the agent picks
from, and which source writes when several could.
"""

from __future__ import annotations

import datetime as dt

from pydantic import Field, field_validator

from screenpop.config.fields import Strict


def check_time_zone(value: str) -> str:
    """An IANA zone name the system knows (``Europe/Helsinki``); empty = the desk's own."""
    if not value:
        return ""
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    try:
        ZoneInfo(value)
    except (ZoneInfoNotFoundError, ValueError):
        raise ValueError(
            f"unknown time zone {value!r} (use an IANA name such as Europe/Helsinki, "
            "or leave it empty for this computer's own zone)"
        ) from None
    return value


class CasesConfig(Strict):
    """``[cases]``: opening a complaint or warranty case from a call."""

    fault_categories: tuple[str, ...] = (
        "Does not work",
        "Damaged on arrival",
        "Missing parts",
        "Wrong item",
        "Other",
    )
    """The fault categories the agent picks from (the service desk's own words: not
    translated); bound as ``:category``."""
    source: str = ""
    """The source whose ``open_case`` writes new cases; empty = the one cases source
    that has ``open_case``."""
    max_description: int = Field(default=4000, ge=100, le=100_000)
    """Longest fault description accepted from the agent (characters)."""
    as_of: str = ""
    """"Today" for warranty (ISO date); empty = today on the desk's calendar (the
    demo's data end in 2011)."""

    @field_validator("as_of")
    @classmethod
    def _as_of(cls, value: str) -> str:
        if value:
            try:
                dt.date.fromisoformat(value)
            except ValueError:
                raise ValueError(f"not an ISO date (YYYY-MM-DD): {value!r}") from None
        return value

    @field_validator("fault_categories")
    @classmethod
    def _categories(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        cleaned = tuple(c.strip() for c in value)
        if not cleaned or any(not c for c in cleaned):
            raise ValueError("fault_categories needs at least one, none empty")
        if len(set(cleaned)) != len(cleaned):
            raise ValueError("fault_categories has the same category twice")
        return cleaned

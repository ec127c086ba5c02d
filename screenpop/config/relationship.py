"""``[history]``, ``[last_known]`` and ``[crm]``: the customer's earlier calls on the pop,
yesterday's data when a department is down, and the CRM one click away.

Kept apart from ``schema`` (which only names the tables) so that what these
keys mean and how their values are checked sits in one place. The ``open_url``
template check is shared with every ``[[source]]`` table (``SourceBase``).
"""

from __future__ import annotations

import re
from typing import Annotated
from urllib.parse import urlsplit

from pydantic import AfterValidator, Field

from screenpop.config.credentials import http_url_credentials
from screenpop.config.fields import Strict

#: What an ``open_url`` may say, each value URL-encoded when the link is made
#: (``screenpop/crm.py``): the customer's id and name, the caller's number
#: (E.164, else the digits as received) and this desk's ``agent.extension``.
OPEN_URL_FIELDS = frozenset({"customer_id", "name", "number", "extension"})
_FIELD = re.compile(r"\{([^{}]*)\}")


def check_open_url(url: str | None) -> str | None:
    """An http(s) link template: a literal scheme and host, ``{known}`` fields in the rest.

    ``javascript:``, ``file:`` and every other scheme are refused: the link is
    opened by the desktop with the agent's rights, so it may only ever be a
    web page. A field in the host would let a customer record choose the
    site; a credential in it would end up in browser history.
    """
    if url is None or url == "":
        return None
    stripped = url.strip()
    parts = urlsplit(stripped)
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        scheme = f"{parts.scheme}: " if parts.scheme else ""
        raise ValueError(
            f"{scheme}only http:// and https:// links can be opened "
            "(e.g. https://erp.example/customers/{customer_id})"
        )
    if "{" in parts.netloc or "}" in parts.netloc:
        raise ValueError("the host of a link is fixed: fields may only stand in its path or query")
    credentials = http_url_credentials(stripped)
    if credentials:
        raise ValueError(credentials)
    names = _FIELD.findall(stripped)
    unknown = set(names) - OPEN_URL_FIELDS
    if unknown:
        raise ValueError(
            f"unknown field(s) {', '.join('{' + n + '}' for n in sorted(unknown))}; "
            f"use {', '.join('{' + f + '}' for f in sorted(OPEN_URL_FIELDS))}"
        )
    rest = _FIELD.sub("", stripped)
    if "{" in rest or "}" in rest:
        raise ValueError("a field is written {name}; braces may not stand alone")
    return stripped


#: A link template (see ``check_open_url``).
OpenUrl = Annotated[str | None, AfterValidator(check_open_url)]


class HistoryConfig(Strict):
    """``[history]``: the customer's earlier calls on the pop (the ``history`` section)."""

    enabled: bool = True
    """Show the section on every identified card: from the central journal
    (``journal.central``, the organisation's calls) or, when that is not set or
    not answering, from this desk's journal, marked "this desk only"."""
    limit: int = Field(default=5, ge=1, le=50)
    """How many earlier calls to show, newest first (the call ringing now is never one)."""
    timeout_ms: int = Field(default=800, gt=0, le=60_000)
    """The section's deadline. The central journal gets all of it but the last
    150 ms (a quarter, if less), kept for this desk's journal when central does not
    answer."""


class LastKnownConfig(Strict):
    """``[last_known]``: a failed section shows the customer's data from an earlier card."""

    max_age_h: float = Field(default=24.0, ge=0, le=24 * 366)
    """How old (hours) an earlier card may be for its data to stand in, clearly
    marked with its time, for a section that timed out or is unavailable; 0 turns
    it off. Credit terms are never offered from an earlier card."""


class CrmConfig(Strict):
    """``[crm]``: the customer in the CRM or ERP, one click away from the pop."""

    open_url: OpenUrl = None
    """The customer's page, e.g. ``https://erp.example/customers/{customer_id}``.
    Fields: ``{customer_id}``, ``{name}``, ``{number}`` (the caller's, E.164) and
    ``{extension}`` (this desk's), each URL-encoded; http and https only. A
    ``[[source]]`` may have an ``open_url`` of its own; the pop offers each."""
    open_on_answer: bool = False
    """Open the customer's page in the default browser when the agent answers
    (the global ``open_url``, else the first source's); needs an ``open_url``."""

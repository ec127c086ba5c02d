"""What every source's config shares, and the check every source runs."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from pydantic import Field, field_validator

from screenpop.config.fields import SectionName, Strict, check_region
from screenpop.config.plugins import CheckContext, Verdict
from screenpop.config.relationship import OpenUrl

if TYPE_CHECKING:
    from screenpop.sources.base import Source


class SourceBase(Strict):
    """The keys of every ``[[source]]`` table."""

    name: str
    """The source's name in the card (``source``), the logs and ``doctor``; unique."""
    kind: str
    """The source kind: how the back-office is reached."""
    section: SectionName
    """The card section this source fills."""
    timeout_ms: int = Field(default=800, gt=0, le=60_000)
    """The source's deadline for a whole answer; its work is stopped when it passes."""
    rename: dict[str, str] = Field(default_factory=dict)
    """Map this source's column (field) names to the card's (``{cust_no = "customer_id"}``)."""
    open_url: OpenUrl = None
    """This department's page of the customer (``https://crm.example/c/{customer_id}``;
    the fields of ``crm.open_url``), offered on the pop beside the global one."""
    match_phone: str | None = None
    """Messy legacy numbers: the identify result's column holding the number as typed;
    every candidate row is parsed and kept only if it is the caller's number."""
    match_country: str | None = None
    """Column with the row's ISO country, for numbers stored without one."""
    match_region: str | None = None
    """Region for stored numbers without a country code when there is no
    ``match_country``; empty = the caller's own region."""

    @field_validator("match_region")
    @classmethod
    def _match_region(cls, value: str | None) -> str | None:
        return check_region(value)


def check_source(
    create: Callable[[Any, Callable[[str], str]], Source], cfg: Any, ctx: CheckContext
) -> Verdict:
    """Build the source and run each configured query once with the sample number.

    A source that cannot be built (a missing secret, a driver not installed)
    fails its check with the reason, like the stand-in the engine would use.
    """
    from screenpop.config.secrets import SecretError
    from screenpop.sources.base import SourceError

    try:
        source = create(cfg, ctx.secret)
    except (SourceError, SecretError, ValueError) as exc:
        return Verdict(False, str(exc))
    try:
        result = source.check(ctx.sample)
    finally:
        source.close()
    timing = ", ".join(f"{k} {v:.0f} ms" for k, v in result.timings_ms.items())
    return Verdict(result.ok, result.detail + (f" [{timing}]" if timing else ""))

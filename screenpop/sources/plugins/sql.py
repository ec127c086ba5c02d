"""The ``sql`` source plugin: any database SQLAlchemy speaks to."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Literal

from pydantic import Field, field_validator, model_validator

from screenpop.config.credentials import database_url
from screenpop.config.fields import Insert, Query, SecretRef
from screenpop.config.plugins import CheckContext, Plugin, Verdict
from screenpop.sources.plugins.base import SourceBase, check_source

if TYPE_CHECKING:
    from screenpop.sources.base import Source


class SqlConfig(SourceBase):
    """``kind = "sql"``: queries with bound parameters against a database URL."""

    kind: Literal["sql"]
    url: str
    """Any SQLAlchemy URL (``sqlite:///…``, ``postgresql+psycopg://USER@HOST/DB``,
    ``mysql+pymysql://…``), without a password, in the user info or the query."""
    password: SecretRef = None
    """The database login's password."""
    identify: Query = None
    """Query returning ``customer_id, name`` for a number (``:e164``, ``:national``,
    ``:digits``, ``:tail``); sources with it take part in identification, rows with
    the same ``customer_id`` merge."""
    identify_account: Query = None
    """Query returning ``customer_id, name`` for an IVR-entered ``:account``."""
    query: Query = None
    """The section's data for ``:customer_id`` (first row; every row for ``purchases``)."""
    history: Query = None
    """Sales sources: every purchase line, for the cross-sell model and value tiers."""
    owned: Query = None
    """Sales sources: the customer's products, most recent first (never suggested;
    recency weights the suggestions)."""
    key_query: Query = None
    """A department keyed differently: maps ``:customer_id`` to this database's own key
    (first column of the first row), bound as ``:key`` in ``query`` and ``owned``."""
    pool_size: int = Field(default=2, ge=1, le=32)
    """Warm connections kept for a server database."""
    open_case: Insert = None
    """``section = "cases"`` only: the one ``INSERT … VALUES`` that opens a case from a
    call, bound parameters only (``:case_id``, ``:customer_id``, ``:product``,
    ``:category``, ``:description``, ``:opened``, ``:call_id``, ``:agent``); make
    ``case_id`` unique in the table so that a replayed write is a no-op."""

    @model_validator(mode="after")
    def _open_case_on_cases(self) -> SqlConfig:
        if self.open_case is not None and self.section != "cases":
            raise ValueError('open_case belongs to a source with section = "cases"')
        return self

    @field_validator("url")
    @classmethod
    def _url(cls, value: str) -> str:
        database_url(value)
        return value


def _create(cfg: SqlConfig, secret: Callable[[str], str]) -> Source:
    from screenpop.sources.sql import SqlSource

    return SqlSource(cfg, secret)


def check(cfg: SqlConfig, ctx: CheckContext) -> Verdict:
    return check_source(_create, cfg, ctx)


PLUGIN = Plugin("sql", SqlConfig, check, _create)

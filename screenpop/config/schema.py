"""Every configuration key, declared once with its type, default and meaning.

The TOML file is a contract (DESIGN.md): unknown keys are errors naming the
key's path, secrets are only ever ``keyring:SERVICE/NAME`` references, a
credential in a URL or a header is refused, and a query that splices text is
refused here, at load, not at the first call.

The ``[[bridge]]`` and ``[[source]]`` tables belong to their plugins: each
kind's model lives in its declaration module and the unions below are built
from the registries (``screenpop/config/plugins.py`` says why). This module
holds the tables that are the application's own. Each field's docstring is its
description in the README's configuration reference (``scripts/config_reference.py``).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from pydantic import Field, field_validator, model_validator

from screenpop.bridges.plugins.ami import AmiConfig
from screenpop.bridges.plugins.baresip import BaresipConfig
from screenpop.bridges.plugins.base import BridgeBase
from screenpop.bridges.plugins.demo import DemoConfig as DemoBridgeConfig
from screenpop.bridges.plugins.mqtt import MqttConfig
from screenpop.bridges.plugins.notify import NotifyConfig
from screenpop.bridges.plugins.tcpjson import TcpJsonConfig
from screenpop.bridges.plugins.webhook import WebhookConfig
from screenpop.bridges.registry import REGISTRY as BRIDGES
from screenpop.config.cases import CasesConfig, check_time_zone
from screenpop.config.credentials import database_url
from screenpop.config.fields import (
    BIND_PARAMS,
    SECRET_PREFIX,
    SecretRef,
    SectionName,
    Strict,
    check_query,
    check_region,
    secret_ref,
)
from screenpop.config.policies import CreditPolicy, CreditRule, ValueConfig, ValueTier
from screenpop.config.relationship import CrmConfig, HistoryConfig, LastKnownConfig
from screenpop.sources.plugins.base import SourceBase
from screenpop.sources.plugins.rest import RestAuth, RestConfig, check_url_template
from screenpop.sources.plugins.sql import SqlConfig
from screenpop.sources.registry import REGISTRY as SOURCES

# The names the runtime modules and tests import; each model's home is its
# plugin module, and a new kind needs no name here.
DemoBridge = DemoBridgeConfig
NotifyBridge = NotifyConfig
BaresipBridge = BaresipConfig
AmiBridge = AmiConfig
TcpJsonBridge = TcpJsonConfig
WebhookBridge = WebhookConfig
MqttBridge = MqttConfig
SqlSource = SqlConfig
RestSource = RestConfig

__all__ = [
    "BIND_PARAMS",
    "SECRET_PREFIX",
    "AmiBridge",
    "BaresipBridge",
    "BridgeBase",
    "Config",
    "CreditPolicy",
    "CreditRule",
    "DemoBridge",
    "MqttBridge",
    "NotifyBridge",
    "RestAuth",
    "RestSource",
    "SectionName",
    "SourceBase",
    "SqlSource",
    "Strict",
    "TcpJsonBridge",
    "ValueConfig",
    "ValueTier",
    "WebhookBridge",
    "check_query",
    "check_url_template",
    "secret_ref",
]

if TYPE_CHECKING:
    # The type checker sees the common base; code that needs a kind's own keys
    # narrows with isinstance on the plugin's model.
    BridgeConfig = BridgeBase
    SourceConfig = SourceBase
else:
    BridgeConfig = BRIDGES.config_union()
    SourceConfig = SOURCES.config_union()


class AgentConfig(Strict):
    """``[agent]``: who this workstation is and how it reads numbers."""

    extension: str = "agent"
    """Who this workstation is; matched against events' ``called``/``agent``."""
    region: str = "GB"
    """Default region for national numbers (ISO 3166)."""
    locale: str = ""
    """BCP 47 locale for numbers, money and dates (``fi_FI``, ``he_IL``); empty = the
    system's."""
    time_zone: str = ""
    """IANA time zone of the desk (``Europe/Helsinki``): "today" for warranty; empty =
    this computer's own zone."""
    dispositions: tuple[str, ...] = (
        "resolved",
        "follow-up",
        "sale",
        "complaint",
        "wrong number",
    )
    """The wrap-up choices."""

    @field_validator("region")
    @classmethod
    def _region(cls, value: str) -> str:
        region = check_region(value)
        if region is None:
            raise ValueError("empty region (use an ISO 3166 code such as GB)")
        return region

    @field_validator("time_zone")
    @classmethod
    def _time_zone(cls, value: str) -> str:
        return check_time_zone(value)


class CrossSellConfig(Strict):
    """``[crosssell]``: the model learned from what customers buy together."""

    model: Path | None = None
    """Where ``crosssell build`` writes the model and the app reads it."""
    exclude: tuple[str, ...] = ("POST", "M", "DOT", "C2", "BANK CHARGES")
    """Products never suggested (postage, manual lines, fees)."""
    top: int = Field(default=5, ge=1, le=50)
    """Suggestions per pop."""
    per_pop: Literal["auto", "history", "owned"] = "auto"
    """What each pop hands the model (cross-sells and reorders): ``history`` = the
    sales source's ``history`` cut to the customer (every product with its dates),
    ``owned`` = its ``owned`` query (products only: no reorders), ``auto`` = history
    when the sales source has one, else owned."""
    as_of: str = ""
    """"Today" for due reorders and new products (ISO date); empty = the real today
    (the demo's data end in 2011)."""

    @field_validator("as_of")
    @classmethod
    def _as_of(cls, value: str) -> str:
        if value:
            from datetime import date

            try:
                date.fromisoformat(value)
            except ValueError:
                raise ValueError(f"not an ISO date (YYYY-MM-DD): {value!r}") from None
        return value


class ReordersConfig(Strict):
    """``[reorders]``: products the customer is likely to order again soon."""

    top: int = Field(default=5, ge=0, le=50)
    """How many to show; 0 = no reorders section."""


class JournalConfig(Strict):
    """``[journal]``: where every call is recorded."""

    local: Path | None = None
    """The local journal (SQLite); empty = ``journal.db`` in the user data folder."""
    central: str | None = None
    """The central PostgreSQL the journal replicates to
    (``postgresql+psycopg://LOGIN@HOST/DATABASE``, no password in it)."""
    password: SecretRef = None
    """The central login's password."""

    @field_validator("central")
    @classmethod
    def _central(cls, value: str | None) -> str | None:
        """A PostgreSQL URL without a credential; refused here rather than at the first push."""
        if not value:
            return None
        url = database_url(value)
        if url.get_backend_name() != "postgresql" or url.get_driver_name() not in (
            "psycopg",
            "psycopg2",  # the dialect's default name for plain postgresql://
        ):
            raise ValueError(
                "the central journal is PostgreSQL: postgresql+psycopg://USER@HOST/DATABASE"
            )
        if not url.database:
            raise ValueError("central names no database: postgresql+psycopg://USER@HOST/DATABASE")
        return value


class SupervisorConfig(Strict):
    """``[supervisor]``: the supervisor's own central login for ``screenpop supervisor``
    (screenpop/ui/supervisor); when set, the agent app's tray offers the window too."""

    central: str | None = None
    """The supervisor's own login to the central journal (same rules as
    ``journal.central``); empty = ``journal.central``."""
    password: SecretRef = None
    """That login's password."""

    @field_validator("central")
    @classmethod
    def _central(cls, value: str | None) -> str | None:
        """The same rules as ``journal.central`` (PostgreSQL, no password in the URL)."""
        from pydantic import ValidationError

        try:
            return JournalConfig(central=value).central
        except ValidationError as exc:
            raise ValueError(str(exc.errors()[0]["msg"]).removeprefix("Value error, ")) from None


class UiConfig(Strict):
    """``[ui]``: the pop window."""

    linger_s: float = Field(default=4.0, ge=0)
    """Seconds the shrunk pop stays after the call ends; 0 closes it at once."""
    shortcut_open: str = "Ctrl+Alt+P"
    """Global shortcut: open the current card."""
    shortcut_dismiss: str = "Ctrl+Alt+D"
    """Global shortcut: dismiss the pop."""


class DemoCommandConfig(Strict):
    """``[demo]``: whether ``screenpop demo`` may run here (IT may lock it off)."""

    enabled: bool = True
    """``false`` turns the demo off: ``screenpop demo`` and ``kind = "demo"`` bridges are
    refused. Lock it (``lock = ["demo"]``) so that an agent cannot turn it back on."""


class Config(Strict):
    """The whole configuration, every layer merged."""

    agent: AgentConfig = AgentConfig()
    """Who this workstation is."""
    bridge: tuple[BridgeConfig, ...] = ()
    """The telephony sides calls come from, each a ``[[bridge]]`` table."""
    source: tuple[SourceConfig, ...] = ()
    """The back-offices the card is filled from, each a ``[[source]]`` table."""
    crosssell: CrossSellConfig = CrossSellConfig()
    """The cross-sell model."""
    reorders: ReordersConfig = ReordersConfig()
    """Reorders that are due."""
    journal: JournalConfig = JournalConfig()
    """The call journal."""
    supervisor: SupervisorConfig = SupervisorConfig()
    """The supervisor's window (``screenpop supervisor``)."""
    ui: UiConfig = UiConfig()
    """The pop window."""
    history: HistoryConfig = HistoryConfig()
    """The customer's earlier calls on the pop."""
    last_known: LastKnownConfig = LastKnownConfig()
    """Earlier data for a section whose department is down."""
    crm: CrmConfig = CrmConfig()
    """The customer's page in the CRM or ERP."""
    demo: DemoCommandConfig = DemoCommandConfig()
    """The embedded demo."""
    credit: CreditPolicy | None = None
    """The credit policy; absent = the credit source's record is shown as it is."""
    value: ValueConfig | None = None
    """Customer value tiers for the profile section; absent = the profile as queried."""
    cases: CasesConfig = CasesConfig()
    """Complaint and warranty cases opened from a call."""
    locked: tuple[str, ...] = ()
    """Keys IT locked in the machine-wide file (dotted paths); set by the loader."""

    @model_validator(mode="after")
    def _whole(self) -> Config:
        names = [s.name for s in self.source]
        dupes = {n for n in names if names.count(n) > 1}
        if dupes:
            raise ValueError(f"duplicate source name(s): {', '.join(sorted(dupes))}")
        if not self.demo.enabled:
            for i, b in enumerate(self.bridge):
                if b.kind == "demo":
                    raise ValueError(
                        f"bridge[{i}]: the demo is turned off on this machine "
                        "(demo.enabled = false)"
                    )
        writers = [s.name for s in self.source if getattr(s, "open_case", None) is not None]
        if self.cases.source and self.cases.source not in writers:
            raise ValueError(
                f'cases.source: no source {self.cases.source!r} with section = "cases" '
                "and open_case"
            )
        if not self.cases.source and len(writers) > 1:
            raise ValueError(
                f"sources {', '.join(writers)} all have open_case: name the one that "
                "writes in cases.source"
            )
        if self.crm.open_on_answer and not (
            self.crm.open_url or any(s.open_url for s in self.source)
        ):
            raise ValueError("crm.open_on_answer needs an open_url (in [crm] or a [[source]])")
        return self

    def case_writer(self) -> Any | None:
        """The source config whose ``open_case`` writes new cases, or None."""
        for s in self.source:
            if getattr(s, "open_case", None) is not None and (
                not self.cases.source or s.name == self.cases.source
            ):
                return s
        return None

    def sources_for(self, section: str) -> list[Any]:
        return [s for s in self.source if s.section == section]

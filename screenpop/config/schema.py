"""Every configuration key, declared once with its type, default and meaning.

The TOML file is a contract (DESIGN.md): unknown keys are errors naming the
key's path, secrets are only ever ``keyring:SERVICE/NAME`` references, and a
query that splices text is refused here, at load, not at the first call.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Annotated, Any, Literal, Union

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator
from sqlalchemy.engine import make_url

SECRET_PREFIX = "keyring:"
_SECRET_REF = re.compile(r"^keyring:[^/\s]+/[^\s]+$")
#: Text splicing in query templates: Python format fields, %-formatting,
#: ``$1``/``${x}`` placeholders, f-string-like braces. Only ``:name`` binds.
_SPLICE = re.compile(r"\{[^}]*\}|%\(?[a-zA-Z_]*\)?[sd]|\$\{?\w+\}?")
_BIND = re.compile(r"(?<![:\w]):([a-zA-Z_]\w*)")
BIND_PARAMS = frozenset({"e164", "national", "digits", "tail", "customer_id", "account", "key"})
#: REST URL templates: ``{name}`` placeholders (values are URL-encoded), nothing else.
_URL_FIELD = re.compile(r"\{([^{}]*)\}")

SectionName = Literal["balance", "purchases", "credit", "profile"]


class Strict(BaseModel):
    """Unknown keys are errors; values are checked strictly."""

    model_config = ConfigDict(extra="forbid", frozen=True, coerce_numbers_to_str=True)


def secret_ref(value: str | None, key: str) -> str | None:
    """Refuse a plaintext secret; accept ``keyring:SERVICE/NAME`` or nothing."""
    if value is None or value == "":
        return None
    if not _SECRET_REF.match(value):
        raise ValueError(
            f"{key} must be a keyring reference like 'keyring:screenpop/NAME', "
            "not a plaintext secret (store it with `screenpop secret set screenpop/NAME`)"
        )
    return value


def check_query(sql: str | None) -> str | None:
    """Refuse templates that splice text; allow only the known bound names."""
    if sql is None:
        return None
    if _SPLICE.search(sql):
        raise ValueError(
            "query splices text into SQL; use bound parameters "
            f"({', '.join(':' + p for p in sorted(BIND_PARAMS))}) only"
        )
    unknown = set(_BIND.findall(sql)) - BIND_PARAMS
    if unknown:
        raise ValueError(f"unknown bound parameter(s): {', '.join(sorted(unknown))}")
    return sql


class AgentConfig(Strict):
    extension: str = "agent"
    region: str = "GB"
    #: BCP 47 locale for numbers, money and dates; empty = the system's.
    locale: str = ""
    dispositions: tuple[str, ...] = (
        "resolved",
        "follow-up",
        "sale",
        "complaint",
        "wrong number",
    )

    @field_validator("region")
    @classmethod
    def _region(cls, value: str) -> str:
        import phonenumbers

        if value.upper() not in phonenumbers.SUPPORTED_REGIONS:
            raise ValueError(f"unknown region {value!r} (use an ISO 3166 code such as GB)")
        return value.upper()


# ---------------------------------------------------------------- bridges --


class BridgeBase(Strict):
    name: str = ""

    @property
    def label(self) -> str:
        return self.name or str(getattr(self, "kind", "bridge"))


class DemoBridge(BridgeBase):
    kind: Literal["demo"]
    #: Seconds between demo rings.
    interval: float = Field(default=8.0, gt=0)
    #: Seconds a demo call rings before it is answered or missed.
    ring_seconds: float = Field(default=5.0, gt=0)
    calls: int = Field(default=0, ge=0)  # 0 = forever


class NotifyBridge(BridgeBase):
    """``screenpop notify`` hands calls in through a local socket."""

    kind: Literal["notify"]
    #: Seconds after which a notified call with no further news is ended.
    ring_timeout: float = Field(default=45.0, gt=0)


class BaresipBridge(BridgeBase):
    kind: Literal["baresip"]
    host: str = "127.0.0.1"
    port: int = Field(default=4444, ge=1, le=65535)


class AmiBridge(BridgeBase):
    kind: Literal["ami"]
    host: str = "127.0.0.1"
    port: int = Field(default=5038, ge=1, le=65535)
    username: str = "screenpop"
    secret: str | None = None
    #: Only calls towards these agent channels/extensions; empty = agent.extension.
    agents: tuple[str, ...] = ()
    #: Call back (Originate): the agent's phone channel rung first, e.g. "PJSIP/777";
    #: empty = the first of ``agents`` (a bare extension gets "PJSIP/").
    originate_channel: str = ""
    #: Dialplan context the called-back number is dialled in.
    originate_context: str = "from-internal"

    @field_validator("secret")
    @classmethod
    def _secret(cls, value: str | None) -> str | None:
        return secret_ref(value, "secret")


class TcpJsonBridge(BridgeBase):
    kind: Literal["tcp-json"]
    host: str = "127.0.0.1"
    port: int = Field(default=8448, ge=1, le=65535)
    framing: Literal["netstring", "lines"] = "netstring"
    #: connect = we dial the peer (kamailio evapi); listen = peers dial us.
    mode: Literal["connect", "listen"] = "connect"


class WebhookBridge(BridgeBase):
    kind: Literal["webhook"]
    listen: str = "127.0.0.1:8765"
    secret: str | None = None
    max_body: int = Field(default=16 * 1024, gt=0, le=1024 * 1024)
    max_age_s: int = Field(default=300, gt=0)

    @field_validator("secret")
    @classmethod
    def _secret(cls, value: str | None) -> str | None:
        return secret_ref(value, "secret")

    @field_validator("listen")
    @classmethod
    def _listen(cls, value: str) -> str:
        host, _, port = value.rpartition(":")
        if not host or not port.isdigit() or not 0 < int(port) < 65536:
            raise ValueError("listen must be HOST:PORT, e.g. 127.0.0.1:8765")
        return value


class MqttBridge(BridgeBase):
    kind: Literal["mqtt"]
    url: str = "mqtt://127.0.0.1:1883"
    topic: str = "screenpop/agents/{extension}/calls"
    username: str | None = None
    password: str | None = None
    client_id: str = ""
    qos: int = Field(default=1, ge=0, le=2)
    ca_file: Path | None = None
    cert_file: Path | None = None
    key_file: Path | None = None
    insecure: bool = False

    @field_validator("password")
    @classmethod
    def _password(cls, value: str | None) -> str | None:
        return secret_ref(value, "password")

    @field_validator("url")
    @classmethod
    def _url(cls, value: str) -> str:
        if not re.match(r"^mqtts?://[^/@:]+(:\d+)?/?$", value):
            raise ValueError(
                "url must be mqtt://HOST[:PORT] or mqtts://HOST[:PORT] (credentials go in "
                "username/password)"
            )
        return value


BridgeConfig = Annotated[
    Union[
        DemoBridge, NotifyBridge, BaresipBridge, AmiBridge, TcpJsonBridge, WebhookBridge, MqttBridge
    ],
    Field(discriminator="kind"),
]

# ---------------------------------------------------------------- sources --


class SourceBase(Strict):
    name: str
    section: SectionName
    timeout_ms: int = Field(default=800, gt=0, le=60_000)
    #: Map this source's column names to the card's (e.g. {cust_no = "customer_id"}).
    rename: dict[str, str] = Field(default_factory=dict)
    #: Messy legacy numbers: the identify result's column (field) holding the
    #: number as typed. Every candidate row is parsed and kept only if it is
    #: the caller's number (see screenpop/sources/numbers.py).
    match_phone: str | None = None
    #: Column (field) with the row's ISO country, for numbers stored without one.
    match_country: str | None = None
    #: Region for stored numbers without a country code when there is no
    #: ``match_country`` (default: the caller's own region).
    match_region: str | None = None

    @field_validator("match_region")
    @classmethod
    def _match_region(cls, value: str | None) -> str | None:
        import phonenumbers

        if value is not None and value.upper() not in phonenumbers.SUPPORTED_REGIONS:
            raise ValueError(f"unknown region {value!r} (use an ISO 3166 code such as FI)")
        return value.upper() if value else None


class SqlSource(SourceBase):
    kind: Literal["sql"]
    url: str
    password: str | None = None
    identify: str | None = None
    query: str | None = None
    #: Identify by an IVR-entered account (``:account``) from the event.
    identify_account: str | None = None
    #: Sales sources: the whole history, for the cross-sell model.
    history: str | None = None
    #: Sales sources: the products a customer already has (cross-sell exclusion).
    owned: str | None = None
    #: A department keyed differently: maps the card's ``:customer_id`` to this
    #: database's own key (first column of the first row), bound as ``:key``
    #: in ``query`` and ``owned``.
    key_query: str | None = None
    pool_size: int = Field(default=2, ge=1, le=32)

    @field_validator("password")
    @classmethod
    def _password(cls, value: str | None) -> str | None:
        return secret_ref(value, "password")

    @field_validator("identify", "query", "identify_account", "history", "owned", "key_query")
    @classmethod
    def _query(cls, value: str | None) -> str | None:
        return check_query(value)

    @field_validator("url")
    @classmethod
    def _url(cls, value: str) -> str:
        try:
            url = make_url(value)
        except Exception as exc:  # sqlalchemy raises ArgumentError
            raise ValueError(f"not a database URL: {exc}") from None
        if url.password:
            raise ValueError(
                "url contains a password; put it in the keyring and set "
                "password = 'keyring:SERVICE/NAME'"
            )
        return value


def check_url_template(url: str | None) -> str | None:
    """A REST URL template: http(s), only ``{known}`` placeholders, no secrets."""
    if url is None:
        return None
    from urllib.parse import urlsplit

    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise ValueError(f"{url!r} is not an http:// or https:// URL")
    if "@" in parts.netloc:
        raise ValueError("URL contains credentials; use auth with a keyring reference")
    names = _URL_FIELD.findall(url)
    unknown = set(names) - BIND_PARAMS
    if unknown:
        raise ValueError(
            f"unknown placeholder(s) {', '.join('{' + n + '}' for n in sorted(unknown))}; "
            f"use {', '.join('{' + p + '}' for p in sorted(BIND_PARAMS))}"
        )
    if "{" in parts.netloc or "{" in _URL_FIELD.sub("", url) or "}" in _URL_FIELD.sub("", url):
        raise ValueError("placeholders may only stand in the path or query, each as {name}")
    return url


class RestAuth(Strict):
    """How a REST source proves who it is; the secret always comes from the keyring."""

    kind: Literal["basic", "bearer", "header"]
    #: ``basic``: the user name (not a secret).
    username: str | None = None
    #: ``header``: the header carrying the key.
    header: str = "X-API-Key"
    #: Password (basic), token (bearer) or key (header): ``keyring:SERVICE/NAME``.
    secret: str

    @field_validator("secret")
    @classmethod
    def _secret(cls, value: str) -> str:
        ref = secret_ref(value, "auth.secret")
        if ref is None:
            raise ValueError("auth.secret is required (keyring:SERVICE/NAME)")
        return ref

    @model_validator(mode="after")
    def _username(self) -> RestAuth:
        if self.kind == "basic" and not self.username:
            raise ValueError("auth kind 'basic' needs a username")
        return self


class RestSource(SourceBase):
    """A back-office behind an HTTP JSON API (GET only)."""

    kind: Literal["rest"]
    #: URL templates; ``{e164}``, ``{national}``, ``{digits}``, ``{tail}``,
    #: ``{account}``, ``{customer_id}`` are URL-encoded into them.
    identify: str | None = None
    identify_account: str | None = None
    query: str | None = None
    #: Dotted path to the list of matches in the identify answer ("" = the answer).
    identify_items: str = ""
    #: Card key -> dotted path in each match.
    identify_fields: dict[str, str] = Field(
        default_factory=lambda: {"customer_id": "customer_id", "name": "name"}
    )
    #: Dotted path to the section's object (or list, for purchases) in the answer.
    items: str = ""
    #: Card key -> dotted path in the object (or each list item); empty = as is.
    fields: dict[str, str] = Field(default_factory=dict)
    auth: RestAuth | None = None
    #: TLS certificate verification: true, or the path of a CA bundle (PEM).
    verify: bool | Path = True
    #: Extra request headers (not secrets: those go in auth).
    headers: dict[str, str] = Field(default_factory=dict)
    #: Retries after a connection error or a 503, within the same deadline.
    retries: int = Field(default=2, ge=0, le=5)
    #: Answers larger than this are refused (read stops there).
    max_bytes: int = Field(default=1024 * 1024, gt=0, le=64 * 1024 * 1024)
    #: A 404 answer means "this system knows nothing" (empty) or is an error.
    not_found: Literal["empty", "error"] = "error"

    @field_validator("identify", "identify_account", "query")
    @classmethod
    def _url(cls, value: str | None) -> str | None:
        return check_url_template(value)

    @field_validator("headers")
    @classmethod
    def _headers(cls, value: dict[str, str]) -> dict[str, str]:
        for name in value:
            if name.lower() in ("authorization", "proxy-authorization", "cookie"):
                raise ValueError(f"header {name!r} carries a secret; use auth instead")
        return value


SourceConfig = Annotated[Union[SqlSource, RestSource], Field(discriminator="kind")]

# ---------------------------------------------------------------- the rest --


class CrossSellConfig(Strict):
    model: Path | None = None
    exclude: tuple[str, ...] = ("POST", "M", "DOT", "C2", "BANK CHARGES")
    top: int = Field(default=5, ge=1, le=50)
    #: What each pop hands the model (cross-sells and reorders): "history" =
    #: the sales source's ``history`` cut to the customer (every product with
    #: its dates), "owned" = its ``owned`` query (products only: no reorders),
    #: "auto" = history when the sales source has one, else owned.
    per_pop: Literal["auto", "history", "owned"] = "auto"
    #: "Today" for due reorders and new products (ISO date); empty = the real
    #: today. The demo's data ends in 2011.
    as_of: str = ""

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

    #: How many to show; 0 = no reorders section.
    top: int = Field(default=5, ge=0, le=50)


class JournalConfig(Strict):
    local: Path | None = None
    #: The central PostgreSQL the journal replicates to (screenpop/journal/replicate.py).
    central: str | None = None
    password: str | None = None

    @field_validator("password")
    @classmethod
    def _password(cls, value: str | None) -> str | None:
        return secret_ref(value, "password")

    @field_validator("central")
    @classmethod
    def _central(cls, value: str | None) -> str | None:
        """A PostgreSQL URL without a password; refused here rather than at the first push."""
        if not value:
            return None
        try:
            url = make_url(value)
        except Exception as exc:  # sqlalchemy raises ArgumentError
            raise ValueError(f"not a database URL: {exc}") from None
        if url.get_backend_name() != "postgresql" or url.get_driver_name() not in (
            "psycopg",
            "psycopg2",  # the dialect's default name for plain postgresql://
        ):
            raise ValueError(
                "the central journal is PostgreSQL: postgresql+psycopg://USER@HOST/DATABASE"
            )
        if url.password:
            raise ValueError(
                "url contains a password; put it in the keyring and set "
                "password = 'keyring:SERVICE/NAME'"
            )
        if not url.database:
            raise ValueError("central names no database: postgresql+psycopg://USER@HOST/DATABASE")
        return value


class UiConfig(Strict):
    #: Seconds the pop stays (shrunk) after the call ends; 0 closes at once.
    linger_s: float = Field(default=4.0, ge=0)
    shortcut_open: str = "Ctrl+Alt+P"
    shortcut_dismiss: str = "Ctrl+Alt+D"


# ------------------------------------------------------ credit and value --


class CreditRule(Strict):
    """One ``[[credit.rule]]``: when ``when`` holds, take terms away (screenpop/credit.py).

    Exactly one effect: ``allow`` (only these), ``max`` (nothing more generous
    than this) or ``deny`` (not these). ``reason`` is what the agent reads.
    """

    when: str
    allow: tuple[str, ...] | None = None
    max: str | None = None
    deny: tuple[str, ...] | None = None
    reason: str = Field(min_length=1)

    @field_validator("when")
    @classmethod
    def _when(cls, value: str) -> str:
        from screenpop.credit import parse_condition

        parse_condition(value)  # PolicyError is a ValueError: reported at rule[i].when
        return value

    @model_validator(mode="after")
    def _one_effect(self) -> CreditRule:
        given = [k for k in ("allow", "max", "deny") if getattr(self, k) is not None]
        if len(given) != 1:
            has = f" (has {', '.join(given)})" if given else ""
            raise ValueError(f"a rule needs exactly one of allow, max, deny{has}")
        return self


class CreditPolicy(Strict):
    """``[credit]``: the terms agents may offer, restricted by rules."""

    #: Every term the business uses, most restrictive first.
    terms: tuple[str, ...] = ("Prepay", "Net 15", "Net 30", "Net 60")
    #: The credit source's names for terms, as policy terms ({"Pro forma only" = "Prepay"}).
    alias: dict[str, str] = Field(default_factory=dict)
    #: Never offer more than the customer's agreed terms (the credit record's ``terms``).
    cap_at_agreed: bool = True
    #: Offered when the credit record or the balance is missing (timed out, unavailable).
    without_data: tuple[str, ...] = ()
    rule: tuple[CreditRule, ...] = ()

    @model_validator(mode="after")
    def _known_terms(self) -> CreditPolicy:
        if not self.terms or any(not t.strip() for t in self.terms):
            raise ValueError(
                "terms: list every term, most restrictive first, e.g. ['Prepay', 'Net 30']"
            )
        folded = [t.strip().casefold() for t in self.terms]
        if len(set(folded)) != len(folded):
            raise ValueError("terms: a term is listed twice")
        known = ", ".join(self.terms)

        def check(where: str, names: tuple[str, ...]) -> None:
            for name in names:
                if name.strip().casefold() not in folded:
                    raise ValueError(f"{where}: unknown term {name!r} (credit.terms: {known})")

        for i, r in enumerate(self.rule):
            for key in ("allow", "max", "deny"):
                value = getattr(r, key)
                if value is not None:
                    check(f"rule[{i}].{key}", (value,) if isinstance(value, str) else value)
        check("without_data", self.without_data)
        for name, term in self.alias.items():
            check(f"alias.{name}", (term,))
        return self


class ValueTier(Strict):
    """One ``[[value.tier]]``, best first: the least a customer needs to be in it."""

    name: str = Field(min_length=1)
    min_revenue: float
    min_orders: int = Field(default=1, ge=0)
    #: What the threshold stands for, said to the agent ("top 5% by revenue").
    label: str = ""


class ValueConfig(Strict):
    """``[value]``: lifetime value and the value tier on the ``profile`` section."""

    #: Currency of the sales amounts (the profile query may return its own ``currency``).
    currency: str = "GBP"
    #: "Today" for recency (ISO date); empty = the real today. The demo's data ends in 2011.
    as_of: str = ""
    #: No order for more than this many days: one tier down. 0 = recency ignored.
    lapsed_days: int = Field(default=365, ge=0)
    tier: tuple[ValueTier, ...] = ()

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

    @model_validator(mode="after")
    def _ordered(self) -> ValueConfig:
        names = [t.name.casefold() for t in self.tier]
        if len(set(names)) != len(names):
            raise ValueError("tier: a tier name is used twice")
        for i in range(1, len(self.tier)):
            if self.tier[i].min_revenue > self.tier[i - 1].min_revenue:
                raise ValueError(
                    f"tier[{i}].min_revenue: tiers go best first, so "
                    f"{self.tier[i].min_revenue} must not exceed tier[{i - 1}]'s "
                    f"{self.tier[i - 1].min_revenue}"
                )
        return self


class Config(Strict):
    agent: AgentConfig = AgentConfig()
    bridge: tuple[BridgeConfig, ...] = ()
    source: tuple[SourceConfig, ...] = ()
    crosssell: CrossSellConfig = CrossSellConfig()
    reorders: ReordersConfig = ReordersConfig()
    journal: JournalConfig = JournalConfig()
    ui: UiConfig = UiConfig()
    #: The credit policy; absent = the credit source's record is shown as it is.
    credit: CreditPolicy | None = None
    #: Customer value tiers for the profile section; absent = the profile as queried.
    value: ValueConfig | None = None
    #: Keys IT locked in the machine-wide file (dotted paths); set by the loader.
    locked: tuple[str, ...] = ()

    @model_validator(mode="after")
    def _unique_names(self) -> Config:
        names = [s.name for s in self.source]
        dupes = {n for n in names if names.count(n) > 1}
        if dupes:
            raise ValueError(f"duplicate source name(s): {', '.join(sorted(dupes))}")
        return self

    def sources_for(self, section: str) -> list[Any]:
        return [s for s in self.source if s.section == section]

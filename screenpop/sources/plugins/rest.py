"""The ``rest`` source plugin: a back-office behind an HTTP JSON API (GET only)."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, Literal
from urllib.parse import urlsplit

from pydantic import AfterValidator, Field, field_validator, model_validator

from screenpop.config.credentials import header_credentials, http_url_credentials
from screenpop.config.fields import BIND_PARAMS, CASE_PARAMS, RequiredSecretRef, Strict
from screenpop.config.plugins import CheckContext, Plugin, Verdict
from screenpop.sources.plugins.base import SourceBase, check_source

if TYPE_CHECKING:
    from screenpop.sources.base import Source

#: REST URL templates: ``{name}`` placeholders (values are URL-encoded), nothing else.
_URL_FIELD = re.compile(r"\{([^{}]*)\}")


def check_url_template(url: str | None) -> str | None:
    """A REST URL template: http(s), only ``{known}`` placeholders, no credentials."""
    if url is None:
        return None
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise ValueError("not an http:// or https:// URL")
    credentials = http_url_credentials(url)
    if credentials:
        raise ValueError(credentials)
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


#: An http(s) URL template (see ``check_url_template``).
UrlTemplate = Annotated[str | None, AfterValidator(check_url_template)]


def _case_template(text: str, where: str) -> None:
    """A text of the ``open_case`` template: ``{name}`` placeholders of case values only."""
    unknown = set(_URL_FIELD.findall(text)) - CASE_PARAMS
    if unknown:
        raise ValueError(
            f"{where}: unknown placeholder(s) "
            f"{', '.join('{' + n + '}' for n in sorted(unknown))}; "
            f"use {', '.join('{' + p + '}' for p in sorted(CASE_PARAMS))}"
        )
    rest = _URL_FIELD.sub("", text)
    if "{" in rest or "}" in rest:
        raise ValueError(f"{where}: a placeholder stands as {{name}}, nothing else in braces")


def _check_body(value: Any, where: str = "body") -> None:
    if isinstance(value, str):
        _case_template(value, where)
    elif isinstance(value, dict):
        for key, item in value.items():
            _check_body(item, f"{where}.{key}")
    elif isinstance(value, list):
        for i, item in enumerate(value):
            _check_body(item, f"{where}[{i}]")
    elif not isinstance(value, bool | int | float) and value is not None:
        raise ValueError(f"{where}: not a JSON value")


class RestCaseWrite(Strict):
    """``open_case`` of a REST cases source: one POST of a JSON body per case."""

    path: str
    """Path POSTed to on the host of the source's ``query`` (``/cases``); ``{name}``
    placeholders are URL-encoded case values."""
    body: dict[str, Any]
    """The JSON body; in its texts ``{case_id}``, ``{customer_id}``, ``{product}``,
    ``{category}``, ``{description}``, ``{opened}``, ``{call_id}``, ``{agent}`` are
    replaced by the case's values (a text that is only a placeholder becomes the value
    itself). Sent with the header ``Idempotency-Key: <case_id>``."""

    @field_validator("path")
    @classmethod
    def _path(cls, value: str) -> str:
        if not value.startswith("/") or value.startswith("//") or "?" in value or "#" in value:
            raise ValueError("path is a path on the source's host, like /cases")
        _case_template(value, "path")
        return value

    @field_validator("body")
    @classmethod
    def _body(cls, value: dict[str, Any]) -> dict[str, Any]:
        _check_body(value)
        if "case_id" not in _placeholders(value):
            raise ValueError("body must carry {case_id} (the idempotency key)")
        return value


def _placeholders(value: Any) -> set[str]:
    if isinstance(value, str):
        return set(_URL_FIELD.findall(value))
    if isinstance(value, dict):
        return set().union(*(_placeholders(v) for v in value.values()))
    if isinstance(value, list):
        return set().union(*(_placeholders(v) for v in value))
    return set()


class RestAuth(Strict):
    """How a REST source proves who it is; the secret always comes from the keyring."""

    kind: Literal["basic", "bearer", "header"]
    """``basic`` (user name and password), ``bearer`` (a token) or ``header`` (a key
    in a header of its own)."""
    username: str | None = None
    """``basic``: the user name (not a secret)."""
    header: str = "X-API-Key"
    """``header``: the header carrying the key."""
    secret: RequiredSecretRef
    """Password (basic), token (bearer) or key (header)."""

    @model_validator(mode="after")
    def _complete(self) -> RestAuth:
        if self.kind == "basic" and not self.username:
            raise ValueError("auth kind 'basic' needs a username")
        return self


class RestConfig(SourceBase):
    """``kind = "rest"``: GET requests to URL templates, JSON answers mapped to the card."""

    kind: Literal["rest"]
    identify: UrlTemplate = None
    """URL template answering the matches for a number; ``{e164}``, ``{national}``,
    ``{digits}``, ``{tail}`` are URL-encoded into it."""
    identify_account: UrlTemplate = None
    """URL template answering the matches for an IVR-entered ``{account}``."""
    query: UrlTemplate = None
    """URL template answering the section's data for ``{customer_id}``."""
    identify_items: str = ""
    """Dotted path to the list of matches in the identify answer; empty = the answer."""
    identify_fields: dict[str, str] = Field(
        default_factory=lambda: {"customer_id": "customer_id", "name": "name"}
    )
    """Card key -> dotted path in each match."""
    items: str = ""
    """Dotted path to the section's object (or list, for purchases) in the answer."""
    fields: dict[str, str] = Field(default_factory=dict)
    """Card key -> dotted path in the object (or each list item); empty = as it is."""
    auth: RestAuth | None = None
    """How the source logs in (``{ kind = "bearer", secret = "keyring:…" }``)."""
    verify: bool | Path = True
    """TLS certificate verification: true, or the path of a CA bundle (PEM)."""
    headers: dict[str, str] = Field(default_factory=dict)
    """Extra request headers; none may carry a credential (those go in ``auth``)."""
    retries: int = Field(default=2, ge=0, le=5)
    """Retries after a connection error or a 503, within the same deadline."""
    max_bytes: int = Field(default=1024 * 1024, gt=0, le=64 * 1024 * 1024)
    """Answers larger than this are refused (the read stops there)."""
    not_found: Literal["empty", "error"] = "error"
    """What a 404 answer means: this system knows nothing (``empty``), or an error."""
    open_case: RestCaseWrite | None = None
    """``section = "cases"`` only: how a case opened from a call is POSTed
    (``{ path = "/cases", body = { id = "{case_id}", … } }``); a ``409`` answer means
    it is already there."""

    @model_validator(mode="after")
    def _open_case_on_cases(self) -> RestConfig:
        if self.open_case is not None:
            if self.section != "cases":
                raise ValueError('open_case belongs to a source with section = "cases"')
            if not (self.query or self.identify):
                raise ValueError("open_case needs query (or identify): its host is POSTed to")
        return self

    @field_validator("headers")
    @classmethod
    def _headers(cls, value: dict[str, str]) -> dict[str, str]:
        found = header_credentials(value.items())
        if found:
            raise ValueError(
                f"header(s) {', '.join(repr(n) for n in found)} carry a credential; use "
                'auth = { kind = "header", header = "...", secret = "keyring:SERVICE/NAME" } '
                "(or basic, bearer)"
            )
        return value


def _create(cfg: RestConfig, secret: Callable[[str], str]) -> Source:
    from screenpop.sources.rest import RestSource

    return RestSource(cfg, secret)


def check(cfg: RestConfig, ctx: CheckContext) -> Verdict:
    return check_source(_create, cfg, ctx)


PLUGIN = Plugin("rest", RestConfig, check, _create)

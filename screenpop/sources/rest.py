"""REST sources: a back-office behind an HTTP JSON API, read with ``requests``.

The same contract as SQL sources (identify, the section's data, a deadline).
How one GET is made safe (the deadline, retries, redirects kept on the host,
the size cap, strict JSON, errors without secrets) is ``httpget``; this module
is the source: URL templates, credentials from the keyring, and mapping the
answer's fields onto the card's.

* **Bound values are URL-encoded** into the template (``quote(value,
  safe="")``), so a caller-controlled value can never add a path segment,
  a query parameter or a fragment.
* **Secrets from the keyring** (basic, bearer, API-key header), never in a
  message, and never sent to another host (see ``httpget``).
* **TLS verified** by default, against the system store or a CA bundle.
* **Only what a card can hold**: a ``NaN`` or ``Infinity`` in a field the
  card uses is refused, naming the field.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable, Iterator, Mapping
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

import requests
from requests.auth import HTTPBasicAuth

from screenpop.card import Match
from screenpop.reasons import Reason, define
from screenpop.sources.base import (
    LIST_SECTIONS,
    CheckResult,
    HistoryRow,
    Params,
    SourceError,
    deadline_after,
)
from screenpop.sources.httpget import NOT_FOUND, HttpGet, NonFinite, shown
from screenpop.sources.numbers import keep_match, unique, with_derived

if TYPE_CHECKING:
    from screenpop.sources.plugins.rest import RestConfig as RestSourceConfig

_FIELD = re.compile(r"\{([a-zA-Z_]\w*)\}")
#: Items read from a list answer (identify matches, purchase lines).
_MAX_ITEMS = 200

NO_KEYRING = define("rest.no_keyring", "source {source}: no keyring to resolve auth.secret")
NOT_OBJECT = define("rest.not_object", "{source}: answer is not an object; configure 'fields'")
NO_CUSTOMER_ID = define(
    "rest.no_customer_id", "{source}: identify answer has no customer_id at '{path}'"
)
NO_HISTORY = define("rest.no_history", "source {source}: REST sources have no purchase history")
NOT_FINITE = define(
    "rest.not_finite", "{source}: {url} answered {value} at {field}, not a finite number"
)


def dotted(doc: Any, path: str) -> Any:
    """``doc`` at ``a.b.0.c`` (list indices allowed); ``None`` where it is absent."""
    if not path:
        return doc
    node = doc
    for part in path.split("."):
        if isinstance(node, Mapping):
            node = node.get(part)
        elif isinstance(node, list) and part.lstrip("-").isdigit():
            index = int(part)
            node = node[index] if -len(node) <= index < len(node) else None
        else:
            return None
        if node is None:
            return None
    return node


class RestSource:
    """One configured ``kind = "rest"`` source."""

    def __init__(self, cfg: RestSourceConfig, secret: Callable[[str], str] | None = None) -> None:
        self.cfg = cfg
        self.name = cfg.name
        self.section: str = cfg.section
        self.timeout_s = cfg.timeout_ms / 1000.0
        self.session = requests.Session()
        self.session.headers.update({"Accept": "application/json", **cfg.headers})
        self.session.headers["User-Agent"] = "screenpop"
        secret_value = ""
        auth: HTTPBasicAuth | None = None
        if cfg.auth is not None:
            if secret is None:
                raise SourceError.because(Reason.of(NO_KEYRING, source=cfg.name))
            secret_value = secret(cfg.auth.secret)
            if cfg.auth.kind == "basic":
                assert cfg.auth.username is not None
                auth = HTTPBasicAuth(cfg.auth.username, secret_value)
            elif cfg.auth.kind == "bearer":
                self.session.headers["Authorization"] = f"Bearer {secret_value}"
            else:
                self.session.headers[cfg.auth.header] = secret_value
        verify = cfg.verify
        self.verify: bool | str = str(verify) if not isinstance(verify, bool) else verify
        self.http = HttpGet(
            cfg.name,
            self.session,
            timeout_ms=cfg.timeout_ms,
            retries=cfg.retries,
            max_bytes=cfg.max_bytes,
            verify=self.verify,
            auth=auth,
            secret=secret_value,
        )

    # ------------------------------------------------------------ plumbing --

    @staticmethod
    def expand(template: str, params: Mapping[str, str]) -> str:
        """The URL with every ``{name}`` replaced by its URL-encoded value."""
        return _FIELD.sub(lambda m: quote(params.get(m.group(1), ""), safe=""), template)

    def get(self, template: str, params: Params, deadline: float | None = None) -> Any:
        """GET the expanded template under the deadline; the parsed JSON, or
        ``None`` for a 404 when ``not_found = "empty"``."""
        url = self.expand(template, with_derived(params))
        if deadline is None:
            deadline = deadline_after(self.timeout_s)
        return self.http.json(
            url, template, deadline, not_found_empty=self.cfg.not_found == "empty"
        )

    def _items(self, doc: Any, path: str) -> list[Any]:
        node = dotted(doc, path)
        if node is None:
            return []
        if isinstance(node, list):
            return node[:_MAX_ITEMS]
        return [node]

    def _plain(self, value: Any, where: str, template: str) -> Any:
        """A value from the answer as the card holds it; a non-finite number is refused."""
        if isinstance(value, NonFinite):
            if self.section == "cases":  # cleaned per case (screenpop/cases/rows.py)
                return None
            raise self.http.fail(NOT_FINITE, url=shown(template), field=where, value=value.text)
        if isinstance(value, dict):
            return {str(k): self._plain(v, f"{where}.{k}", template) for k, v in value.items()}
        if isinstance(value, list):
            return [self._plain(v, f"{where}[{i}]", template) for i, v in enumerate(value)]
        return value

    def _mapped(self, item: Any, fields: Mapping[str, str], template: str) -> dict[str, Any]:
        if not fields:
            if not isinstance(item, Mapping):
                raise SourceError.because(Reason.of(NOT_OBJECT, source=self.name))
            out = {str(k): self._plain(v, str(k), template) for k, v in item.items()}
        else:
            out = {
                key: self._plain(dotted(item, path), path, template) for key, path in fields.items()
            }
        rename = self.cfg.rename
        return {rename.get(k, k): v for k, v in out.items()}

    # --------------------------------------------------------- the protocol --

    @property
    def can_identify(self) -> bool:
        return self.cfg.identify is not None or self.cfg.identify_account is not None

    def identify(self, params: Params, deadline: float | None = None) -> list[Match]:
        template: str | None = None
        if params.get("account") and self.cfg.identify_account:
            template = self.cfg.identify_account
        elif self.cfg.identify and (params.get("e164") or params.get("digits")):
            template = self.cfg.identify
        if template is None:
            return []
        derived = with_derived(params)
        if any(not derived.get(n) for n in _FIELD.findall(template)):
            return []  # a value the template needs is missing: never ask with a blank
        doc = self.get(template, params, deadline)
        fields = dict(self.cfg.identify_fields)
        for key in (self.cfg.match_phone, self.cfg.match_country):
            if key:
                fields.setdefault(key, key)
        hidden = {"customer_id", "name", self.cfg.match_phone, self.cfg.match_country}
        out: list[Match] = []
        for item in self._items(doc, self.cfg.identify_items):
            row = self._mapped(item, fields, template)
            if row.get("customer_id") is None:
                raise SourceError.because(
                    Reason.of(
                        NO_CUSTOMER_ID,
                        source=self.name,
                        path=fields.get("customer_id", "customer_id"),
                    )
                )
            if not params.get("account") and not keep_match(row, self.cfg, params):
                continue
            extra = tuple((k, str(v)) for k, v in row.items() if k not in hidden and v is not None)
            name = str(row.get("name") or "")
            out.append(Match(str(row["customer_id"]), name, (self.name,), extra))
        return unique(out)

    def fetch(self, params: Params, deadline: float | None = None) -> Any:
        if self.cfg.query is None:
            return None
        doc = self.get(self.cfg.query, params, deadline)
        if doc is None:
            return None
        items = [
            self._mapped(i, self.cfg.fields, self.cfg.query)
            for i in self._items(doc, self.cfg.items)
        ]
        if self.section in LIST_SECTIONS:
            return items
        return items[0] if items else None

    def owned(self, params: Params, deadline: float | None = None) -> list[str]:
        return []

    def history(self) -> Iterator[HistoryRow]:
        raise SourceError.because(Reason.of(NO_HISTORY, source=self.name))

    def check(self, sample: Params) -> CheckResult:
        timings: dict[str, float] = {}
        matches: list[Match] = []
        try:
            if self.cfg.identify:
                t0 = time.perf_counter()
                matches = self.identify(sample)
                timings["identify"] = (time.perf_counter() - t0) * 1000
            if self.cfg.query:
                params = dict(sample)
                params["customer_id"] = matches[0].customer_id if matches else "0"
                t0 = time.perf_counter()
                try:
                    self.fetch(params)
                except SourceError as exc:
                    # a made-up customer may well be unknown
                    if exc.reason is None or exc.reason.code != NOT_FOUND:
                        raise
                timings["query"] = (time.perf_counter() - t0) * 1000
        except SourceError as exc:
            return CheckResult(False, str(exc), timings)
        detail = "reachable"
        if self.verify is False:
            detail += "; WARNING: TLS verification is off (verify = false)"
        if self.cfg.identify:
            detail += f"; identify found {len(matches)} for the sample number"
        return CheckResult(True, detail, timings)

    def close(self) -> None:
        self.session.close()

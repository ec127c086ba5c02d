"""REST sources: a back-office behind an HTTP JSON API, read with ``requests``.

The same contract as SQL sources (identify, the section's data, a deadline),
with HTTP's own hazards handled on purpose:

* **Bound values are URL-encoded** into the template (``quote(value,
  safe="")``), so a caller-controlled value can never add a path segment,
  a query parameter or a fragment.
* **The deadline is the whole call** (``timeout_ms``), not per attempt or per
  socket read: every connect, every wait for headers and every body read gets
  only what is left, and a server that trickles its answer is cut when the
  deadline passes. Closing the connection is how an HTTP client "stops the
  work on the server": the server sees the peer gone.
* **Retries only where safe**: we only ever GET (idempotent), and only retry
  a connection that failed before any answer or a ``503`` (the server said
  "not now"), with a short back-off that never runs past the deadline.
* **Answers are capped** at ``max_bytes``: read as a stream and refused the
  moment they pass it, whatever ``Content-Length`` claimed.
* **Secrets from the keyring** (basic, bearer, API-key header), never in a
  message: errors name the source, the URL template and the status, not the
  URL with the caller's number in it, and never a header.
* **TLS verified** by default, against the system store or a CA bundle.
"""

from __future__ import annotations

import json
import logging
import re
import time
from collections.abc import Callable, Iterator, Mapping
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

import requests
from requests.auth import HTTPBasicAuth

from screenpop.card import Match
from screenpop.sources.base import (
    LIST_SECTIONS,
    CheckResult,
    HistoryRow,
    Params,
    SourceError,
    SourceTimeout,
    deadline_after,
)
from screenpop.sources.numbers import keep_match, unique, with_derived
from screenpop.sources.sql import jsonable

if TYPE_CHECKING:
    from screenpop.sources.plugins.rest import RestConfig as RestSourceConfig

log = logging.getLogger(__name__)

_FIELD = re.compile(r"\{([a-zA-Z_]\w*)\}")
#: Statuses worth another attempt within the deadline (the server said "later").
_RETRY_STATUS = frozenset({503})
_BACKOFF_S = 0.05
_CHUNK = 16 * 1024
#: Items read from a list answer (identify matches, purchase lines).
_MAX_ITEMS = 200
_REASONS = {
    401: "refused our credentials (401): check the keyring entry named by auth.secret",
    403: "does not allow this (403): the account lacks permission for this resource",
    404: "has no such resource (404): check the URL template",
}


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


def _plain(value: Any) -> Any:
    """Only JSON scalars and containers reach the card."""
    if isinstance(value, (dict, list, str, int, float, bool)) or value is None:
        return value
    return jsonable(value)


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
        self._secret = ""
        self._auth: HTTPBasicAuth | None = None
        if cfg.auth is not None:
            if secret is None:
                raise SourceError(f"source {cfg.name}: no keyring to resolve auth.secret")
            self._secret = secret(cfg.auth.secret)
            if cfg.auth.kind == "basic":
                assert cfg.auth.username is not None
                self._auth = HTTPBasicAuth(cfg.auth.username, self._secret)
            elif cfg.auth.kind == "bearer":
                self.session.headers["Authorization"] = f"Bearer {self._secret}"
            else:
                self.session.headers[cfg.auth.header] = self._secret
        verify = cfg.verify
        self.verify: bool | str = str(verify) if not isinstance(verify, bool) else verify

    # ------------------------------------------------------------ plumbing --

    @staticmethod
    def expand(template: str, params: Mapping[str, str]) -> str:
        """The URL with every ``{name}`` replaced by its URL-encoded value."""
        return _FIELD.sub(lambda m: quote(params.get(m.group(1), ""), safe=""), template)

    def _scrub(self, message: str) -> str:
        if self._secret and self._secret in message:
            message = message.replace(self._secret, "***")
        return message

    def _fail(self, template: str, why: str) -> SourceError:
        return SourceError(self._scrub(f"{self.name}: {_host(template)} {why}"))

    def _timeout(self) -> SourceTimeout:
        return SourceTimeout(
            f"{self.name} did not answer within {self.cfg.timeout_ms} ms (connection closed)"
        )

    def get(self, template: str, params: Params, deadline: float | None = None) -> Any:
        """GET the expanded template under the deadline; the parsed JSON, or
        ``None`` for a 404 when ``not_found = "empty"``."""
        url = self.expand(template, with_derived(params))
        if deadline is None:
            deadline = deadline_after(self.timeout_s)
        attempt = 0
        while True:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise self._timeout()
            try:
                response = self.session.get(
                    url,
                    timeout=(remaining, remaining),
                    stream=True,
                    verify=self.verify,
                    auth=self._auth,
                    allow_redirects=True,
                )
            except requests.exceptions.SSLError:
                raise self._fail(
                    template,
                    "failed TLS verification: its certificate is not trusted (set verify = "
                    '"/path/to/ca.pem" for a private CA)',
                ) from None
            except (requests.exceptions.ConnectTimeout, requests.exceptions.ReadTimeout):
                raise self._timeout() from None
            except requests.exceptions.ConnectionError as exc:
                # Nothing was answered: safe to try again while time is left.
                if attempt < self.cfg.retries and self._pause(attempt, deadline):
                    attempt += 1
                    continue
                raise self._fail(template, f"cannot be reached ({_why(exc)})") from None
            except requests.exceptions.RequestException as exc:
                raise self._fail(template, f"request failed ({type(exc).__name__})") from None
            with response:
                status = response.status_code
                if (
                    status in _RETRY_STATUS
                    and attempt < self.cfg.retries
                    and self._pause(attempt, deadline, response.headers.get("Retry-After"))
                ):
                    attempt += 1
                    continue
                if status == 404 and self.cfg.not_found == "empty":
                    return None
                if status >= 400:
                    reason = _REASONS.get(status)
                    if reason is None:
                        kind = "server error" if status >= 500 else "refused the request"
                        reason = f"{kind} ({status} {response.reason or ''})".replace(" )", ")")
                    raise self._fail(template, reason)
                body = self._read(response, deadline, template)
            try:
                return json.loads(body)
            except (ValueError, UnicodeDecodeError):
                raise self._fail(
                    template, f"did not answer valid JSON ({len(body)} bytes)"
                ) from None

    def _pause(self, attempt: int, deadline: float, retry_after: str | None = None) -> bool:
        """Back off before another attempt; False when that would pass the deadline."""
        pause = _BACKOFF_S * (2**attempt)
        if retry_after is not None and retry_after.strip().isdigit():
            pause = max(pause, float(retry_after))
        if time.monotonic() + pause >= deadline:
            return False
        time.sleep(pause)
        return True

    def _read(self, response: requests.Response, deadline: float, template: str) -> bytes:
        """The body, within the deadline and ``max_bytes`` (never more is read)."""
        limit = self.cfg.max_bytes
        declared = response.headers.get("Content-Length", "")
        if declared.isdigit() and int(declared) > limit:
            raise self._fail(template, f"answered {int(declared)} bytes, more than {limit}")
        raw = response.raw
        sock = getattr(getattr(raw, "connection", None), "sock", None)
        buf = bytearray()
        try:
            while True:
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    raise self._timeout()
                if sock is not None:
                    sock.settimeout(remaining)  # each read gets only what is left
                chunk = raw.read1(_CHUNK, decode_content=True)
                if not chunk:
                    break
                buf += chunk
                if len(buf) > limit:
                    raise self._fail(template, f"answered more than {limit} bytes; read stopped")
        except SourceError:
            raise
        except (TimeoutError, requests.exceptions.Timeout):
            raise self._timeout() from None
        except Exception as exc:  # urllib3 wraps socket timeouts and resets variously
            if "timed out" in str(exc).lower():
                raise self._timeout() from None
            raise self._fail(template, f"broke off its answer ({type(exc).__name__})") from None
        return bytes(buf)

    def _items(self, doc: Any, path: str) -> list[Any]:
        node = dotted(doc, path)
        if node is None:
            return []
        if isinstance(node, list):
            return node[:_MAX_ITEMS]
        return [node]

    def _mapped(self, item: Any, fields: Mapping[str, str]) -> dict[str, Any]:
        if not fields:
            if not isinstance(item, Mapping):
                raise SourceError(f"{self.name}: answer is not an object; configure 'fields'")
            out = {str(k): _plain(v) for k, v in item.items()}
        else:
            out = {key: _plain(dotted(item, path)) for key, path in fields.items()}
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
            row = self._mapped(item, fields)
            if row.get("customer_id") is None:
                raise SourceError(
                    f"{self.name}: identify answer has no customer_id at "
                    f"{fields.get('customer_id', 'customer_id')!r}"
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
        items = [self._mapped(i, self.cfg.fields) for i in self._items(doc, self.cfg.items)]
        if self.section in LIST_SECTIONS:
            return items
        return items[0] if items else None

    def owned(self, params: Params, deadline: float | None = None) -> list[str]:
        return []

    def history(self) -> Iterator[HistoryRow]:
        raise SourceError(f"source {self.name}: REST sources have no purchase history")

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
                    if "(404)" not in str(exc):  # a made-up customer may well be unknown
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


def _host(template: str) -> str:
    """The template as IT wrote it (placeholders, not the caller's values)."""
    return template.split("?", 1)[0]


def _why(exc: BaseException) -> str:
    text = str(exc)
    for marker, words in (
        ("Connection refused", "connection refused: is the service running on that port?"),
        ("Name or service not known", "unknown host name"),
        ("No route to host", "no route to host"),
        ("RemoteDisconnected", "the server closed the connection without answering"),
        ("Connection reset", "the connection was reset"),
    ):
        if marker in text:
            return words
    return type(exc).__name__

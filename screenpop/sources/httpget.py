"""One HTTP GET for a REST source: under a deadline, kept on its host, strict JSON.

The hazards of HTTP, each handled on purpose:

* **The deadline is the whole call**, not per attempt or per socket read:
  every connect, every wait for headers and every body read gets only what
  is left, and a server that trickles its answer is cut when the deadline
  passes. Closing the connection is how an HTTP client "stops the work on the
  server": the server sees the peer gone.
* **Retries only where safe**: we only ever GET (idempotent), and only retry
  a connection that failed before any answer or a ``503`` (the server said
  "not now"), with a short back-off that never runs past the deadline.
* **Redirects stay on the configured host.** ``requests`` strips only
  ``Authorization`` when a redirect leaves the host, so an API key in its own
  header (``auth.kind = "header"``) followed a ``302`` to anyone. We follow
  redirects ourselves and refuse any that leaves the scheme, host and port
  IT configured (``http`` to ``https`` on the same host is allowed): no
  credential, and no caller's number in a URL, ever goes to another host.
* **Answers are capped** at ``max_bytes``: read as a stream and refused the
  moment they pass it, whatever ``Content-Length`` claimed.
* **Strict JSON**: ``NaN``, ``Infinity`` and numbers too large for a float
  (``1e999``) are not JSON a card can carry; they parse as ``NonFinite`` and
  the source refuses them by the field they sit in.
* **Nothing secret in a message**: errors name the source, the URL template
  as IT wrote it and the status, never the URL with the caller's values, and
  never a header.
"""

from __future__ import annotations

import json
import math
import time
from typing import Any
from urllib.parse import urljoin, urlsplit

import requests
from requests.auth import HTTPBasicAuth

from screenpop.reasons import Reason, define
from screenpop.sources.base import SourceError, SourceTimeout

TIMEOUT = define("rest.timeout", "{source} did not answer within {ms} ms (connection closed)")
UNTRUSTED = define(
    "rest.tls_untrusted",
    "{source}: {url} failed TLS verification: its certificate is not trusted "
    '(set verify = "/path/to/ca.pem" for a private CA)',
)
UNREACHABLE = define("rest.unreachable", "{source}: {url} cannot be reached ({error})")
REFUSED = define(
    "rest.connection_refused",
    "{source}: {url} cannot be reached (connection refused: is the service running on that port?)",
)
UNKNOWN_HOST = define("rest.unknown_host", "{source}: {url} cannot be reached (unknown host name)")
NO_ROUTE = define("rest.no_route", "{source}: {url} cannot be reached (no route to host)")
CLOSED = define(
    "rest.closed_unanswered",
    "{source}: {url} cannot be reached (the server closed the connection without answering)",
)
RESET = define("rest.reset", "{source}: {url} cannot be reached (the connection was reset)")
REQUEST_FAILED = define("rest.request_failed", "{source}: {url} request failed ({error})")
UNAUTHORISED = define(
    "rest.unauthorised",
    "{source}: {url} refused our credentials (401): check the keyring entry named by auth.secret",
)
FORBIDDEN = define(
    "rest.forbidden",
    "{source}: {url} does not allow this (403): the account lacks permission for this resource",
)
NOT_FOUND = define(
    "rest.not_found", "{source}: {url} has no such resource (404): check the URL template"
)
#: ``status`` is the code and the server's own reason phrase ("502 Bad Gateway").
SERVER_ERROR = define("rest.server_error", "{source}: {url} server error ({status})")
CLIENT_ERROR = define("rest.client_error", "{source}: {url} refused the request ({status})")
INVALID_JSON = define(
    "rest.invalid_json", "{source}: {url} did not answer valid JSON ({size} bytes)"
)
TOO_BIG_DECLARED = define(
    "rest.too_big_declared", "{source}: {url} answered {size} bytes, more than {limit}"
)
TOO_BIG = define("rest.too_big", "{source}: {url} answered more than {limit} bytes; read stopped")
BROKE_OFF = define("rest.broke_off", "{source}: {url} broke off its answer ({error})")
#: ``target`` is where it pointed: scheme, host and port only (no path or values).
REDIRECT_ELSEWHERE = define(
    "rest.redirect_elsewhere",
    "{source}: {url} redirected to another host ({target}); not followed, so that no "
    "credential or caller's number leaves the configured host",
)
TOO_MANY_REDIRECTS = define(
    "rest.too_many_redirects", "{source}: {url} redirected more than {limit} times"
)

#: Statuses worth another attempt within the deadline (the server said "later").
_RETRY_STATUS = frozenset({503})
_BACKOFF_S = 0.05
_CHUNK = 16 * 1024
MAX_REDIRECTS = 5
_STATUS_REASONS = {401: UNAUTHORISED, 403: FORBIDDEN, 404: NOT_FOUND}
_WHY = (
    ("Connection refused", REFUSED),
    ("Name or service not known", UNKNOWN_HOST),
    ("No route to host", NO_ROUTE),
    ("RemoteDisconnected", CLOSED),
    ("Connection reset", RESET),
)


class NonFinite:
    """A number JSON cannot carry (``NaN``, ``Infinity``, ``1e999``), as it was written."""

    __slots__ = ("text",)

    def __init__(self, text: str) -> None:
        self.text = text

    def __repr__(self) -> str:
        return f"NonFinite({self.text!r})"


def _float(text: str) -> float | NonFinite:
    number = float(text)
    return number if math.isfinite(number) else NonFinite(text)


def strict_json(body: bytes) -> Any:
    """``body`` parsed; non-finite numbers come back as ``NonFinite`` (never a float)."""
    return json.loads(body, parse_constant=NonFinite, parse_float=_float)


def shown(template: str) -> str:
    """The URL template as IT wrote it, up to its query (placeholders, not values)."""
    return template.split("?", 1)[0]


def _origin(url: str) -> tuple[str, str, int | None]:
    parts = urlsplit(url)
    default = {"http": 80, "https": 443}.get(parts.scheme)
    return parts.scheme, (parts.hostname or "").lower(), parts.port or default


def same_host(configured: str, target: str) -> bool:
    """Whether a redirect to ``target`` stays where IT pointed the source.

    Same scheme, host and port; or the same host upgraded from ``http`` to
    ``https`` on its default port (never the other way: that would send the
    credentials in clear).
    """
    was, now = _origin(configured), _origin(target)
    if was == now:
        return True
    return was[0] == "http" and now == ("https", was[1], 443) and was[2] == 80


class HttpGet:
    """GETs for one source: its session, credentials, limits and words for failure."""

    def __init__(
        self,
        source: str,
        session: requests.Session,
        *,
        timeout_ms: int,
        retries: int,
        max_bytes: int,
        verify: bool | str,
        auth: HTTPBasicAuth | None,
        secret: str,
    ) -> None:
        self.source = source
        self.session = session
        self.timeout_ms = timeout_ms
        self.retries = retries
        self.max_bytes = max_bytes
        self.verify = verify
        self.auth = auth
        self._secret = secret

    def fail(self, code: str, **args: Any) -> SourceError:
        """An error said as ``code``; no argument may carry the secret."""
        clean = {
            k: v.replace(self._secret, "***") if self._secret and isinstance(v, str) else v
            for k, v in args.items()
        }
        return SourceError.because(Reason.of(code, source=self.source, **clean))

    def timeout(self) -> SourceTimeout:
        return SourceTimeout.because(Reason.of(TIMEOUT, source=self.source, ms=self.timeout_ms))

    def json(self, url: str, template: str, deadline: float, *, not_found_empty: bool) -> Any:
        """GET ``url`` under the deadline: the parsed JSON, or ``None`` for a 404
        when ``not_found_empty``. ``template`` is what errors show."""
        where = shown(template)
        attempt = 0
        while True:
            try:
                response = self._follow(url, where, deadline)
            except requests.exceptions.ConnectionError as exc:
                # Nothing was answered: safe to try again while time is left.
                if attempt < self.retries and self._pause(attempt, deadline):
                    attempt += 1
                    continue
                raise self._unreachable(where, exc) from None
            with response:
                status = response.status_code
                if (
                    status in _RETRY_STATUS
                    and attempt < self.retries
                    and self._pause(attempt, deadline, response.headers.get("Retry-After"))
                ):
                    attempt += 1
                    continue
                if status == 404 and not_found_empty:
                    return None
                if status >= 400:
                    code = _STATUS_REASONS.get(status)
                    if code is not None:
                        raise self.fail(code, url=where)
                    said = f"{status} {response.reason or ''}".strip()
                    raise self.fail(
                        SERVER_ERROR if status >= 500 else CLIENT_ERROR, url=where, status=said
                    )
                body = self._read(response, deadline, where)
            try:
                return strict_json(body)
            except (ValueError, UnicodeDecodeError):
                raise self.fail(INVALID_JSON, url=where, size=len(body)) from None

    def _follow(self, url: str, where: str, deadline: float) -> requests.Response:
        """The answer at ``url``, following redirects only while they stay on its host."""
        target = url
        for _hop in range(MAX_REDIRECTS + 1):
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise self.timeout()
            try:
                response = self.session.get(
                    target,
                    timeout=(remaining, remaining),
                    stream=True,
                    verify=self.verify,
                    auth=self.auth,
                    allow_redirects=False,
                )
            except requests.exceptions.SSLError:
                raise self.fail(UNTRUSTED, url=where) from None
            except (requests.exceptions.ConnectTimeout, requests.exceptions.ReadTimeout):
                raise self.timeout() from None
            except requests.exceptions.ConnectionError:
                raise
            except requests.exceptions.RequestException as exc:
                raise self.fail(REQUEST_FAILED, url=where, error=type(exc).__name__) from None
            if not response.is_redirect:
                return response
            location = urljoin(target, response.headers["Location"])
            response.close()
            if not same_host(url, location):
                scheme, host, port = _origin(location)
                raise self.fail(REDIRECT_ELSEWHERE, url=where, target=f"{scheme}://{host}:{port}")
            target = location
        raise self.fail(TOO_MANY_REDIRECTS, url=where, limit=MAX_REDIRECTS)

    def _unreachable(self, where: str, exc: BaseException) -> SourceError:
        text = str(exc)
        for marker, code in _WHY:
            if marker in text:
                return self.fail(code, url=where)
        return self.fail(UNREACHABLE, url=where, error=type(exc).__name__)

    def _pause(self, attempt: int, deadline: float, retry_after: str | None = None) -> bool:
        """Back off before another attempt; False when that would pass the deadline."""
        pause = _BACKOFF_S * (2**attempt)
        if retry_after is not None and retry_after.strip().isdigit():
            pause = max(pause, float(retry_after))
        if time.monotonic() + pause >= deadline:
            return False
        time.sleep(pause)
        return True

    def _read(self, response: requests.Response, deadline: float, where: str) -> bytes:
        """The body, within the deadline and ``max_bytes`` (never more is read)."""
        limit = self.max_bytes
        declared = response.headers.get("Content-Length", "")
        if declared.isdigit() and int(declared) > limit:
            raise self.fail(TOO_BIG_DECLARED, url=where, size=int(declared), limit=limit)
        raw = response.raw
        sock = getattr(getattr(raw, "connection", None), "sock", None)
        buf = bytearray()
        try:
            while True:
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    raise self.timeout()
                if sock is not None:
                    sock.settimeout(remaining)  # each read gets only what is left
                chunk = raw.read1(_CHUNK, decode_content=True)
                if not chunk:
                    break
                buf += chunk
                if len(buf) > limit:
                    raise self.fail(TOO_BIG, url=where, limit=limit)
        except SourceError:
            raise
        except (TimeoutError, requests.exceptions.Timeout):
            raise self.timeout() from None
        except Exception as exc:  # urllib3 wraps socket timeouts and resets variously
            if "timed out" in str(exc).lower():
                raise self.timeout() from None
            raise self.fail(BROKE_OFF, url=where, error=type(exc).__name__) from None
        return bytes(buf)

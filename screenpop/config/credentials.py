"""Credentials may only come from the keyring: refuse them in URLs and headers.

DESIGN's contract is that a secret never lives in a file. A password is easy
to smuggle past a ``password`` key, though: in a database URL's user info
(``postgresql://u:pw@db/x``) or its query (``?password=``, MySQL's
``?passwd=``, ODBC's ``odbc_connect=...PWD=...``), in a REST URL
(``?api_key=...``) or in a plain request header (``X-API-Key``). A file IT
ships machine-wide is readable by every agent, so each of these is refused
at load with the key's path, and the value is never repeated in the message.

The rules are by name, case-insensitive, ignoring ``-``, ``_`` and ``.``:

* a URL query parameter is a credential when its name contains ``password``,
  ``passwd``, ``passphrase``, ``pwd``, ``secret``, ``token``, ``apikey``,
  ``accesskey``, ``privatekey``, ``subscriptionkey``, ``credential``,
  ``authorization``, ``signature`` or ``sessionid``, or is exactly ``pass``,
  ``pw``, ``key``, ``sig``, ``auth``, ``basicauth``, ``httpauth`` or ``oauth``.
  File paths (``sslkey``, ``passfile``) and policies (``require_auth``) are not
  credentials and pass;
* a header is a credential when it is ``Authorization``,
  ``Proxy-Authorization`` or ``Cookie``, its name ends in ``key`` or contains
  ``token``, ``secret``, ``password``, ``passwd``, ``auth`` or ``credential``,
  or its value starts with an authentication scheme (``Bearer x``, ``Basic x``).

Pure functions; SQLAlchemy's URL parser is imported only when a database URL
is checked, so a configuration without one never loads it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TYPE_CHECKING
from urllib.parse import parse_qsl, urlsplit

if TYPE_CHECKING:
    from sqlalchemy.engine import URL

_PARAM_PARTS = (
    "password",
    "passwd",
    "passphrase",
    "pwd",
    "secret",
    "token",
    "apikey",
    "accesskey",
    "privatekey",
    "subscriptionkey",
    "credential",
    "authorization",
    "signature",
    "sessionid",
)
_PARAM_NAMES = frozenset({"pass", "pw", "key", "sig", "auth", "basicauth", "httpauth", "oauth"})
_HEADER_NAMES = frozenset({"authorization", "proxyauthorization", "cookie", "setcookie"})
_HEADER_PARTS = ("token", "secret", "password", "passwd", "auth", "credential")
#: A header value that is itself an authentication (RFC 9110 ``auth-scheme credentials``).
_AUTH_VALUE = re.compile(r"^\s*(basic|bearer|digest|token|negotiate|ntlm|apikey)\s+\S", re.I)
#: A connection string inside a parameter (ODBC ``odbc_connect``, a DSN).
_EMBEDDED = re.compile(r"(?:^|[;&?\s])\s*(pwd|password|passwd)\s*=", re.I)
#: ``{name}`` placeholder of a REST URL template, standing for the call's data.
_PLACEHOLDER = re.compile(r"^\{[A-Za-z_]\w*\}$")

KEYRING_HINT = "put it in the keyring and set password = 'keyring:SERVICE/NAME'"


def _normal(name: str) -> str:
    return re.sub(r"[^a-z0-9]", "", name.lower())


def is_credential_param(name: str) -> bool:
    """Whether a URL query parameter of this name carries a credential."""
    n = _normal(name)
    return n in _PARAM_NAMES or any(part in n for part in _PARAM_PARTS)


def is_credential_header(name: str, value: str = "") -> bool:
    """Whether a request header of this name (or this value) carries a credential."""
    n = _normal(name)
    return (
        n in _HEADER_NAMES
        or n.endswith("key")
        or any(part in n for part in _HEADER_PARTS)
        or bool(_AUTH_VALUE.match(value))
    )


def credential_params(pairs: Iterable[tuple[str, str]]) -> list[str]:
    """The names of the pairs that carry a credential, by name or by an embedded one."""
    return [name for name, value in pairs if is_credential_param(name) or _EMBEDDED.search(value)]


def database_url(value: str) -> URL:
    """Parse a SQLAlchemy URL and refuse any credential in it.

    The error never quotes the URL: SQLAlchemy's own parse error does, and a
    malformed URL may still hold a password.
    """
    from sqlalchemy.engine import make_url

    try:
        url = make_url(value)
    except Exception:  # sqlalchemy raises ArgumentError, or ValueError for a bad port
        raise ValueError(
            "not a database URL (dialect+driver://USER@HOST[:PORT]/DATABASE)"
        ) from None
    if url.password:
        raise ValueError(f"url contains a password; {KEYRING_HINT}")
    pairs: list[tuple[str, str]] = []
    for name, values in url.query.items():
        for v in (values,) if isinstance(values, str) else values:
            pairs.append((name, v))
    found = credential_params(pairs)
    if found:
        raise ValueError(
            f"url carries a credential in its query ({', '.join(sorted(set(found)))}); "
            + KEYRING_HINT
        )
    return url


def http_url_credentials(url: str) -> str | None:
    """Why an http(s) URL (template) carries a credential, or None.

    A query parameter whose whole value is one ``{placeholder}`` carries the
    caller's data, not a secret, and passes (``?key={customer_id}``).
    """
    parts = urlsplit(url)
    if "@" in parts.netloc:
        return "URL contains credentials (user info); use auth with a keyring reference"
    pairs = [
        (name, value)
        for name, value in parse_qsl(parts.query, keep_blank_values=True)
        if not _PLACEHOLDER.match(value)
    ]
    found = credential_params(pairs)
    if found:
        return (
            f"URL carries a credential in its query ({', '.join(sorted(set(found)))}); "
            "send it with auth (kind basic, bearer or header) and a keyring reference"
        )
    return None


def header_credentials(headers: Iterable[tuple[str, str]]) -> list[str]:
    """Names of the headers that carry a credential (their values are not repeated)."""
    return [name for name, value in headers if is_credential_header(name, value)]

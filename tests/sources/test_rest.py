"""REST sources against a real HTTP server process on 127.0.0.1."""

from __future__ import annotations

import json
import subprocess
import time
import uuid
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any
from urllib.parse import quote, unquote

import pytest
import requests

from screenpop.card import Status
from screenpop.config.loader import load_config
from screenpop.config.schema import RestSource as RestConfig
from screenpop.lookup import Lookup
from screenpop.phone import normalise
from screenpop.sources.base import SourceError, SourceTimeout
from screenpop.sources.registry import build_all as build_sources
from screenpop.sources.rest import RestSource, dotted
from tests.peers import need_program
from tests.sources import backends
from tests.sources.conftest import RestServer, start_rest_server, stop_rest_server

TOKEN = "tok-en/+?&="  # the server's (see conftest): characters that need care


def source(base: str, query: str, **kw: Any) -> RestSource:
    cfg = RestConfig(name="credit", kind="rest", section="credit", query=base + query, **kw)
    return RestSource(cfg)


def count(server: RestServer, key: str) -> int:
    return int(requests.get(f"{server.base}/count/{key}", timeout=5).json()["count"])


def test_dotted_paths() -> None:
    doc = {"a": {"b": [{"c": 1}, {"c": 2}]}, "n": None}
    assert dotted(doc, "a.b.1.c") == 2
    assert dotted(doc, "a.b.-1.c") == 2
    assert dotted(doc, "a.x.c") is None
    assert dotted(doc, "a.b.9") is None
    assert dotted(doc, "n.x") is None
    assert dotted(doc, "") is doc


def test_values_are_url_encoded_into_the_template(rest_server: RestServer) -> None:
    src = source(rest_server.base, "/echo/{customer_id}?acct={account}&n={e164}")
    evil = "C-1/../../admin?x=1&y=2#frag %2F"
    data = src.fetch({"customer_id": evil, "account": "a&b=c", "e164": "+4420"})
    path, _, query = data["path"].partition("?")
    # one path segment, decoded back to exactly the value; nothing added to the query
    assert path.count("/") == 2
    assert unquote(path.rsplit("/", 1)[1]) == evil
    assert [unquote(p.partition("=")[2]) for p in query.split("&")] == ["a&b=c", "+4420"]


@pytest.mark.parametrize(
    ("kind", "extra", "header", "expected"),
    [
        ("bearer", {}, "authorization", f"Bearer {TOKEN}"),
        ("header", {"header": "X-API-Key"}, "api_key", TOKEN),
        ("basic", {"username": "agent"}, "authorization", None),
    ],
)
def test_auth_from_the_keyring(
    rest_server: RestServer,
    memory_keyring: dict[tuple[str, str], str],
    kind: str,
    extra: dict[str, str],
    header: str,
    expected: str | None,
) -> None:
    memory_keyring[("screenpop", "api")] = "p@ss w" if kind == "basic" else TOKEN
    from screenpop.config.secrets import resolve

    cfg = RestConfig(
        name="credit",
        kind="rest",
        section="credit",
        query=rest_server.base + "/secure/api/customers/{customer_id}/credit",
        items="credit",
        auth={"kind": kind, "secret": "keyring:screenpop/api", **extra},
    )
    src = RestSource(cfg, resolve)
    assert src.fetch({"customer_id": "C-100"})["limit"] == 5000.0
    echo = RestSource(
        cfg.model_copy(update={"query": rest_server.base + "/echo", "items": ""}), resolve
    )
    seen = echo.fetch({"customer_id": "C-100"})[header]
    if expected is not None:
        assert seen == expected
    else:
        assert seen.startswith("Basic ")


def test_wrong_secret_gives_401_advice_without_the_secret(
    rest_server: RestServer, memory_keyring: dict[tuple[str, str], str]
) -> None:
    from screenpop.config.secrets import resolve

    memory_keyring[("screenpop", "api")] = "wrong-token-Zq9"
    cfg = RestConfig(
        name="credit",
        kind="rest",
        section="credit",
        query=rest_server.base + "/secure/api/customers/{customer_id}/credit",
        auth={"kind": "bearer", "secret": "keyring:screenpop/api"},
    )
    with pytest.raises(SourceError) as err:
        RestSource(cfg, resolve).fetch({"customer_id": "C-100"})
    assert "401" in str(err.value)
    assert "keyring" in str(err.value)
    assert "wrong-token-Zq9" not in str(err.value)


@pytest.mark.parametrize(
    ("status", "words"),
    [(401, "credentials"), (403, "permission"), (404, "no such resource"), (500, "server error")],
)
def test_http_errors_say_what_is_wrong(rest_server: RestServer, status: int, words: str) -> None:
    with pytest.raises(SourceError) as err:
        source(rest_server.base, f"/status/{status}").fetch({"customer_id": "C-100"})
    assert str(status) in str(err.value)
    assert words in str(err.value)
    assert not isinstance(err.value, SourceTimeout)


def test_not_found_can_mean_empty(rest_server: RestServer) -> None:
    src = source(rest_server.base, "/api/customers/{customer_id}/credit", not_found="empty")
    assert src.fetch({"customer_id": "NOBODY"}) is None


def test_malformed_json(rest_server: RestServer) -> None:
    with pytest.raises(SourceError, match="did not answer valid JSON"):
        source(rest_server.base, "/malformed").fetch({"customer_id": "C-100"})


def sent(server: RestServer, key: str) -> int:
    """Bytes the server got out before the answer with ``key`` ended (waits for the end)."""
    return int(requests.get(f"{server.base}/sent/{key}", timeout=40).json()["sent"])


@pytest.mark.parametrize("declared", ["0", "1"])
def test_huge_answer_is_cut_at_max_bytes(rest_server: RestServer, declared: str) -> None:
    key = uuid.uuid4().hex
    src = source(
        rest_server.base, f"/huge?declared={declared}&tag={key}", max_bytes=100_000, timeout_ms=5000
    )
    with pytest.raises(SourceError, match="100000") as err:
        src.fetch({"customer_id": "C-100"})
    assert not isinstance(err.value, SourceTimeout)
    # Stopped early, not after 50 MB: the server could hand over no more than
    # what the kernel's socket buffers hold once we hung up.
    assert sent(rest_server, key) < 25 * 1024 * 1024


@pytest.mark.parametrize(
    ("path", "timeout_ms", "would_take_s"),
    [
        ("/hang", 300, 30),
        ("/slow/10000/api/customers/C-100/credit", 300, 10),
        ("/trickle", 400, 10),
    ],
)
def test_deadline_is_the_whole_call(
    rest_server: RestServer, path: str, timeout_ms: int, would_take_s: float
) -> None:
    key = uuid.uuid4().hex
    src = source(rest_server.base, f"{path}?tag={key}", timeout_ms=timeout_ms)
    started = time.monotonic()
    with pytest.raises(SourceTimeout) as err:
        src.fetch({"customer_id": "C-100"})
    elapsed = time.monotonic() - started
    assert err.value.reason is not None
    assert err.value.reason.code == "rest.timeout"
    # Never before the deadline; and given up at it, not when the server is
    # done (a bound this generous holds on a loaded machine).
    assert elapsed >= timeout_ms / 1000
    assert elapsed < would_take_s / 2, f"{elapsed:.3f} s"
    if path == "/trickle":
        # Total, not per read: a byte every 100 ms never trips a per-read
        # timeout, so only a deadline for the whole call stops it early.
        assert sent(rest_server, key) < 50


def test_retries_a_503_within_the_deadline(rest_server: RestServer) -> None:
    key = uuid.uuid4().hex
    src = source(
        rest_server.base, f"/flaky/{key}/2/api/customers/{{customer_id}}/credit", items="credit"
    )
    assert src.fetch({"customer_id": "C-100"})["limit"] == 5000.0
    assert count(rest_server, key) == 3


def test_retries_a_dropped_connection(rest_server: RestServer) -> None:
    key = uuid.uuid4().hex
    src = source(
        rest_server.base, f"/drop/{key}/1/api/customers/{{customer_id}}/credit", items="credit"
    )
    assert src.fetch({"customer_id": "C-100"})["limit"] == 5000.0
    assert count(rest_server, key) == 2


def test_gives_up_after_retries_and_never_retries_other_errors(rest_server: RestServer) -> None:
    key = uuid.uuid4().hex
    src = source(rest_server.base, f"/flaky/{key}/10/x", retries=2)
    with pytest.raises(SourceError, match="503"):
        src.fetch({"customer_id": "C-100"})
    assert count(rest_server, key) == 3
    # a 500 may have done something: asked once only
    with pytest.raises(SourceError, match="500"):
        source(rest_server.base, "/status/500", retries=3).fetch({})


def test_unreachable_server(rest_server: RestServer) -> None:
    src = source("http://127.0.0.1:1", "/x", retries=1)
    with pytest.raises(SourceError, match="connection refused"):
        src.fetch({"customer_id": "C-100"})


@pytest.fixture(scope="module")
def tls_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[RestServer, Path]]:
    openssl = need_program("openssl")
    d = tmp_path_factory.mktemp("tls")
    subprocess.run(
        [openssl, "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
         "-keyout", str(d / "key.pem"), "-out", str(d / "cert.pem"),
         "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1"],
        check=True, capture_output=True,
    )  # fmt: skip
    server = start_rest_server("--tls", str(d / "cert.pem"), str(d / "key.pem"))
    try:
        yield server, d / "cert.pem"
    finally:
        stop_rest_server(server)


def test_tls_verified_by_default_and_with_a_ca_bundle(tls_server: tuple[RestServer, Path]) -> None:
    server, ca = tls_server
    query = "/api/customers/{customer_id}/credit"
    with pytest.raises(SourceError, match="not trusted"):
        source(server.base, query).fetch({"customer_id": "C-100"})
    trusted = source(server.base, query, items="credit", verify=ca)
    assert trusted.fetch({"customer_id": "C-100"})["terms"] == "Net 30"


def test_hanging_rest_source_never_delays_the_others(
    tmp_path: Path, rest_server: RestServer
) -> None:
    """SQL accounting and sales answer at once while REST credit hangs."""
    config = backends.sqlite_config(tmp_path / "db")
    rest = backends.rest_config(rest_server.base, credit_path="/hang")
    credit = rest[rest.index('name = "credit"') :].replace(
        "section", "timeout_ms = 400\nsection", 1
    )
    sql_without_credit = config[: config.index('[[source]]\nname = "credit"')]
    cfg_file = tmp_path / "c.toml"
    cfg_file.write_text(sql_without_credit + "[[source]]\n" + credit, encoding="utf-8")
    sources = build_sources(load_config(cfg_file, environ={}))
    arrived: list[str] = []
    with ThreadPoolExecutor(8) as pool:
        lk = Lookup(sources, pool)
        card = lk.lookup(
            normalise("+358401234567", "GB"), on_section=lambda name, _s: arrived.append(name)
        )
    assert card.sections["balance"].status is Status.OK
    assert card.sections["purchases"].status is Status.OK
    assert card.sections["credit"].status is Status.TIMEOUT
    # The others arrive first (in order of arrival, no clock); the hanging one
    # is given up by the source itself at its deadline, not abandoned.
    assert arrived[-1] == "credit"
    assert sorted(arrived[:-1]) == ["balance", "purchases"]
    credit = card.sections["credit"]
    assert credit.reason is not None
    assert credit.reason.code == "rest.timeout"
    assert "connection closed" in (credit.error or "")
    json.dumps(card.to_json())


@pytest.fixture(scope="module")
def other_host() -> Iterator[RestServer]:
    """A second server on another loopback address: another host, as far as HTTP knows."""
    server = start_rest_server(host="127.0.0.2")
    try:
        yield server
    finally:
        stop_rest_server(server)


def header_source(base: str, path: str, memory_keyring: dict[tuple[str, str], str]) -> RestSource:
    """Through the config a user writes: an API key in its own header, from the keyring."""
    from screenpop.config.secrets import resolve

    memory_keyring[("screenpop", "api")] = TOKEN
    cfg = RestConfig(
        name="credit",
        kind="rest",
        section="credit",
        query=base + path,
        auth={"kind": "header", "header": "X-API-Key", "secret": "keyring:screenpop/api"},
    )
    return RestSource(cfg, resolve)


def test_an_api_key_never_follows_a_redirect_to_another_host(
    rest_server: RestServer,
    other_host: RestServer,
    memory_keyring: dict[tuple[str, str], str],
) -> None:
    key = uuid.uuid4().hex
    # /flaky/KEY/0/ counts every request that reaches the other host.
    elsewhere = f"{other_host.base}/flaky/{key}/0/echo"
    src = header_source(
        rest_server.base, f"/redirect?to={quote(elsewhere, safe='')}", memory_keyring
    )
    with pytest.raises(SourceError) as err:
        src.fetch({"customer_id": "C-100"})
    assert count(other_host, key) == 0  # nothing, and so no key, went there
    assert err.value.reason is not None
    assert err.value.reason.code == "rest.redirect_elsewhere"
    assert err.value.reason.arguments["target"] == f"{other_host.base}"
    assert "another host" in str(err.value)
    assert TOKEN not in str(err.value)


@pytest.mark.parametrize("name", ["localhost"])
def test_another_name_for_the_same_machine_is_another_host(
    rest_server: RestServer, memory_keyring: dict[tuple[str, str], str], name: str
) -> None:
    key = uuid.uuid4().hex
    elsewhere = rest_server.base.replace("127.0.0.1", name) + f"/flaky/{key}/0/echo"
    src = header_source(
        rest_server.base, f"/redirect?to={quote(elsewhere, safe='')}", memory_keyring
    )
    with pytest.raises(SourceError, match="another host"):
        src.fetch({"customer_id": "C-100"})
    assert count(rest_server, key) == 0


def test_a_redirect_on_the_same_host_keeps_working(
    rest_server: RestServer, memory_keyring: dict[tuple[str, str], str]
) -> None:
    here = "/secure/api/customers/C-100/credit"
    src = header_source(rest_server.base, f"/redirect?to={quote(here, safe='')}", memory_keyring)
    assert src.fetch({"customer_id": "C-100"})["credit"]["limit"] == 5000.0
    loop = header_source(
        rest_server.base, "/redirect?to=%2Fredirect%3Fto%3D%252Fecho", memory_keyring
    )
    assert loop.fetch({})["api_key"] == TOKEN  # two hops, same host: the key goes along


def test_redirects_in_a_circle_end(
    rest_server: RestServer, memory_keyring: dict[tuple[str, str], str]
) -> None:
    src = header_source(rest_server.base, "/loop", memory_keyring)
    with pytest.raises(SourceError) as err:
        src.fetch({})
    assert err.value.reason is not None
    assert err.value.reason.code == "rest.too_many_redirects"

"""Credentials in URLs and headers are refused at load: key path named, value never echoed.

A password in a database URL's query (``?password=``, MySQL's ``?passwd=``)
was accepted and sent to the server; a REST ``?api_key=`` and a plaintext
``X-API-Key`` header were accepted too (issue 15). Every case goes through
the loader as a user's file would, and the command line exits 2.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from screenpop.config.credentials import is_credential_header, is_credential_param
from screenpop.config.loader import ConfigError, load_config

SECRET = "Hunter2-Zq9"  # must never appear in a message


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "c.toml"
    path.write_text(text, encoding="utf-8")
    return path


def refused(tmp_path: Path, text: str, key: str) -> str:
    with pytest.raises(ConfigError) as err:
        load_config(write(tmp_path, text), environ={}, use_user_file=False)
    message = str(err.value)
    assert f"{key}: " in message, message
    assert SECRET not in message
    return message


def sql(url: str) -> str:
    return f'[[source]]\nname = "erp"\nkind = "sql"\nsection = "balance"\nurl = "{url}"\n'


def rest(extra: str) -> str:
    return f'[[source]]\nname = "crm"\nkind = "rest"\nsection = "balance"\n{extra}\n'


@pytest.mark.parametrize(
    "url",
    [
        f"postgresql+psycopg://erp@db/erp?password={SECRET}",
        f"postgresql+psycopg://erp@db/erp?sslmode=require&PassWord={SECRET}",
        f"postgresql+psycopg://erp@db/erp?sslpassword={SECRET}",
        f"mysql+pymysql://erp@db/erp?charset=utf8mb4&passwd={SECRET}",
        f"mysql+pymysql://erp@db/erp?PASSWD={SECRET}",
        f"mssql+pyodbc://erp@db/erp?pwd={SECRET}",
        f"mssql+pyodbc:///?odbc_connect=DRIVER%3DX%3BUID%3Derp%3BPWD%3D{SECRET}",
        f"postgresql+psycopg://erp:{SECRET}@db/erp",
    ],
)
def test_sql_source_url_with_a_credential_is_refused(tmp_path: Path, url: str) -> None:
    message = refused(tmp_path, sql(url), "source[0].url")
    assert "keyring" in message


@pytest.mark.parametrize(
    "url",
    [
        f"postgresql+psycopg://agent@db/screenpop?password={SECRET}",
        f"postgresql+psycopg://agent@db/screenpop?Password={SECRET}&sslmode=require",
        f"postgresql://agent@db/screenpop?sslpassword={SECRET}",
    ],
)
def test_central_journal_url_with_a_credential_is_refused(tmp_path: Path, url: str) -> None:
    refused(tmp_path, f'[journal]\ncentral = "{url}"\n', "journal.central")


def test_a_malformed_url_is_not_echoed(tmp_path: Path) -> None:
    """SQLAlchemy's own parse error quotes the URL, password and all."""
    message = refused(tmp_path, sql(f"postgresql://erp:{SECRET}@db:notaport/erp"), "source[0].url")
    assert "not a database URL" in message


@pytest.mark.parametrize(
    "url",
    [
        "sqlite:///erp.db?mode=ro",
        "postgresql+psycopg://erp@db/erp?sslmode=verify-full&sslkey=/etc/k.pem&passfile=/p",
        "postgresql+psycopg://erp@db/erp?require_auth=scram-sha-256&application_name=screenpop",
        "mysql+pymysql://erp@db/erp?charset=utf8mb4&ssl_key=/etc/k.pem",
    ],
)
def test_ordinary_url_parameters_pass(tmp_path: Path, url: str) -> None:
    cfg = load_config(write(tmp_path, sql(url)), environ={}, use_user_file=False)
    assert getattr(cfg.source[0], "url", None) == url


@pytest.mark.parametrize(
    "param",
    ["api_key", "apikey", "API-KEY", "access_token", "token", "key", "auth", "client_secret",
     "X-Amz-Credential", "sig", "password"],
)  # fmt: skip
def test_rest_url_with_a_credential_is_refused(tmp_path: Path, param: str) -> None:
    url = f"https://crm.example/api/c/{{customer_id}}?page=1&{param}={SECRET}"
    message = refused(tmp_path, rest(f'query = "{url}"'), "source[0].query")
    assert "auth" in message


def test_rest_identify_user_info_is_refused(tmp_path: Path) -> None:
    url = f"https://me:{SECRET}@crm.example/api/find?phone={{e164}}"
    refused(tmp_path, rest(f'identify = "{url}"'), "source[0].identify")


def test_a_placeholder_value_is_not_a_credential(tmp_path: Path) -> None:
    url = "https://crm.example/api/find?key={customer_id}&page=1"
    cfg = load_config(write(tmp_path, rest(f'query = "{url}"')), environ={}, use_user_file=False)
    assert getattr(cfg.source[0], "query", None) == url


@pytest.mark.parametrize(
    ("header", "value"),
    [
        ("X-API-Key", SECRET),
        ("x-api-key", SECRET),
        ("Authorization", f"Bearer {SECRET}"),
        ("Proxy-Authorization", f"Basic {SECRET}"),
        ("Cookie", f"session={SECRET}"),
        ("X-Auth-Token", SECRET),
        ("Private-Token", SECRET),
        ("X-Client-Secret", SECRET),
        ("Ocp-Apim-Subscription-Key", SECRET),
        ("X-Password", SECRET),
        ("X-Forwarded-User", f"Bearer {SECRET}"),  # a credential by its value
    ],
)
def test_rest_header_with_a_credential_is_refused(tmp_path: Path, header: str, value: str) -> None:
    text = rest(
        'query = "https://crm.example/c/{customer_id}"\n'
        f'headers = {{ "Accept-Language" = "en", "{header}" = "{value}" }}'
    )
    message = refused(tmp_path, text, "source[0].headers")
    assert repr(header) in message
    assert 'auth = { kind = "header"' in message


def test_ordinary_headers_pass(tmp_path: Path) -> None:
    text = rest(
        'query = "https://crm.example/c/{customer_id}"\n'
        'headers = { "Accept-Language" = "fi", "X-Tenant" = "north", "User-Agent" = "sp" }\n'
        'auth = { kind = "header", header = "X-API-Key", secret = "keyring:screenpop/crm" }'
    )
    cfg = load_config(write(tmp_path, text), environ={}, use_user_file=False)
    assert getattr(cfg.source[0], "headers", None) == {
        "Accept-Language": "fi", "X-Tenant": "north", "User-Agent": "sp"
    }


def test_mqtt_url_query_is_refused(tmp_path: Path) -> None:
    text = f'[[bridge]]\nkind = "mqtt"\nurl = "mqtt://broker?password={SECRET}"\n'
    refused(tmp_path, text, "bridge[0].url")


def test_credential_in_the_environment_is_refused(tmp_path: Path) -> None:
    env = {"SCREENPOP_JOURNAL__CENTRAL": f"postgresql+psycopg://a@db/j?passwd={SECRET}"}
    with pytest.raises(ConfigError) as err:
        load_config(None, environ=env, use_user_file=False)
    assert "environment: journal.central: " in str(err.value)
    assert SECRET not in str(err.value)


def test_cli_exits_2_naming_the_key_and_never_the_value(tmp_path: Path) -> None:
    path = write(tmp_path, sql(f"mysql+pymysql://erp@db/erp?passwd={SECRET}"))
    for args in (["doctor"], ["lookup", "+442079460958", "--json"]):
        res = subprocess.run(
            [sys.executable, "-m", "screenpop", *args, "--config", str(path)],
            capture_output=True, text=True, timeout=60, env=os.environ.copy(),
        )  # fmt: skip
        assert res.returncode == 2, res.stderr
        assert "source[0].url: url carries a credential in its query (passwd)" in res.stderr
        assert SECRET not in res.stdout + res.stderr
        assert res.stdout == ""


@pytest.mark.parametrize(
    ("name", "credential"),
    [("password", True), ("sslkey", False), ("passfile", False), ("require_auth", False),
     ("Access-Token", True), ("author", False), ("page", False), ("sessionid", True)],
)  # fmt: skip
def test_parameter_names(name: str, credential: bool) -> None:
    assert is_credential_param(name) is credential


@pytest.mark.parametrize(
    ("name", "value", "credential"),
    [("Accept", "application/json", False), ("X-Api-Key", "x", True),
     ("X-Request-Id", "Token abc", True), ("X-Mode", "fast", False)],
)  # fmt: skip
def test_header_names(name: str, value: str, credential: bool) -> None:
    assert is_credential_header(name, value) is credential

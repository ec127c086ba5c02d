"""``[history]``, ``[last_known]``, ``[crm]`` and a source's ``open_url``: defaults, and
bad values refused at load with the key's path and a reason (issue 13)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from screenpop.card import Card, Match
from screenpop.config.loader import ConfigError, load_config
from screenpop.crm import CrmLinks
from screenpop.phone import normalise

SQL = """
[[source]]
name = "accounting"
kind = "sql"
url = "sqlite:///x.db"
section = "balance"
"""


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def test_defaults() -> None:
    cfg = load_config(environ={})
    assert (cfg.history.enabled, cfg.history.limit, cfg.history.timeout_ms) == (True, 5, 800)
    assert cfg.last_known.max_age_h == 24
    assert (cfg.crm.open_url, cfg.crm.open_on_answer) == (None, False)


@pytest.mark.parametrize(
    ("toml", "message"),
    [
        ("[history]\nlimit = 0\n", r"history\.limit"),
        ("[history]\nlimit = 51\n", r"history\.limit"),
        ("[last_known]\nmax_age_h = -1\n", r"last_known\.max_age_h"),
        ('[crm]\nopen_url = "javascript:alert(1)"\n', r"crm\.open_url: .*javascript: only http"),
        ('[crm]\nopen_url = "file:///etc/passwd"\n', r"crm\.open_url: .*file: only http"),
        ('[crm]\nopen_url = "JavaScript://x/%0aalert(1)"\n', r"crm\.open_url: .*only http"),
        ('[crm]\nopen_url = "erp.example/c/{customer_id}"\n', r"crm\.open_url: .*only http"),
        ('[crm]\nopen_url = "https://{customer_id}.example/"\n', r"crm\.open_url: .*host"),
        ('[crm]\nopen_url = "https://u:pw@erp.example/c"\n', r"crm\.open_url: .*credentials"),
        ('[crm]\nopen_url = "https://erp.example/{who}"\n', r"crm\.open_url: .*unknown field"),
        ('[crm]\nopen_url = "https://erp.example/{customer_id"\n', r"crm\.open_url: .*braces"),
        ("[crm]\nopen_on_answer = true\n", r"open_on_answer needs an open_url"),
        (SQL + 'open_url = "file:///c/{customer_id}"\n', r"source\[0\]\.open_url: .*file:"),
    ],
)
def test_bad_values_are_refused_with_the_key(tmp_path: Path, toml: str, message: str) -> None:
    f = write(tmp_path / "c.toml", toml)
    with pytest.raises(ConfigError, match=message):
        load_config(f, environ={})


def test_the_command_line_refuses_a_javascript_link_and_changes_nothing(tmp_path: Path) -> None:
    f = write(tmp_path / "c.toml", '[crm]\nopen_url = "javascript:alert(document.cookie)"\n')
    res = subprocess.run(
        [sys.executable, "-m", "screenpop", "lookup", "+442079460958", "--config", str(f)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert res.returncode == 2
    assert "crm.open_url" in res.stderr
    assert "only http:// and https://" in res.stderr
    assert res.stdout == ""


def test_links_are_the_templates_with_every_value_encoded(tmp_path: Path) -> None:
    f = write(
        tmp_path / "c.toml",
        '[agent]\nextension = "17 b"\n'
        '[crm]\nopen_url = "https://erp.example/c/{customer_id}?n={name}&tel={number}"\n'
        + SQL
        + 'open_url = "http://acct.example/{extension}/{customer_id}"\n',
    )
    crm = CrmLinks.from_config(load_config(f, environ={}))
    who = Match("../17850?x=1", "Zoë & Co")
    card = Card(normalise("+44 20 7946 0958", "GB"), who, (who,))
    assert [(link.source, link.url) for link in crm.links(card)] == [
        ("", "https://erp.example/c/..%2F17850%3Fx%3D1?n=Zo%C3%AB%20%26%20Co&tel=%2B442079460958"),
        ("accounting", "http://acct.example/17%20b/..%2F17850%3Fx%3D1"),
    ]
    assert crm.links(Card(normalise("+44 20 7946 0958", "GB"))) == ()  # no customer
    assert crm.on_answer(card) is None  # open_on_answer is off

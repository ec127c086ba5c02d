"""Layered config: each error names the key; secrets only by keyring reference."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from screenpop.config import loader
from screenpop.config.loader import ConfigError, load_config, machine_config_path, user_config_path

SQL = """
[[source]]
name = "accounting"
kind = "sql"
url = "sqlite:///x.db"
section = "balance"
"""


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_defaults_without_any_file() -> None:
    cfg = load_config(environ={})
    assert cfg.agent.region == "GB"
    assert cfg.bridge == ()


def test_unknown_key_names_its_path(tmp_path: Path) -> None:
    f = write(tmp_path / "c.toml", SQL + 'qurey = "SELECT 1"\n')
    with pytest.raises(ConfigError, match=r"source\[0\]\.qurey: unknown key"):
        load_config(f, environ={})


def test_unknown_top_level_and_nested(tmp_path: Path) -> None:
    f = write(tmp_path / "c.toml", "[agent]\nextenson = '1'\n")
    with pytest.raises(ConfigError, match=r"agent\.extenson: unknown key"):
        load_config(f, environ={})


def test_bad_region(tmp_path: Path) -> None:
    f = write(tmp_path / "c.toml", "[agent]\nregion = 'XX'\n")
    with pytest.raises(ConfigError, match=r"agent\.region: .*unknown region"):
        load_config(f, environ={})


@pytest.mark.parametrize(
    "line",
    ['password = "hunter2"', 'password = "keyring:"', 'password = "keyring:nosep"'],
)
def test_plaintext_secret_refused(tmp_path: Path, line: str) -> None:
    f = write(tmp_path / "c.toml", SQL + line + "\n")
    with pytest.raises(ConfigError, match=r"source\[0\]\.password: .*keyring"):
        load_config(f, environ={})


def test_password_in_url_refused(tmp_path: Path) -> None:
    f = write(tmp_path / "c.toml", SQL.replace("sqlite:///x.db", "postgresql://u:pw@db/erp"))
    with pytest.raises(ConfigError, match=r"source\[0\]\.url: .*password"):
        load_config(f, environ={})


def test_webhook_secret_must_be_keyring(tmp_path: Path) -> None:
    f = write(tmp_path / "c.toml", '[[bridge]]\nkind = "webhook"\nsecret = "s3cr3t"\n')
    with pytest.raises(ConfigError, match=r"bridge\[0\]\.secret"):
        load_config(f, environ={})


@pytest.mark.parametrize(
    "query",
    [
        "SELECT * FROM ar WHERE id = '{customer_id}'",
        "SELECT * FROM ar WHERE id = '%s'",
        "SELECT * FROM ar WHERE id = %(customer_id)s",
        "SELECT * FROM ar WHERE id = ${customer_id}",
    ],
)
def test_splicing_query_refused_at_load(tmp_path: Path, query: str) -> None:
    f = write(tmp_path / "c.toml", SQL + f'query = "{query}"\n')
    with pytest.raises(ConfigError, match=r"source\[0\]\.query: query splices text"):
        load_config(f, environ={})


def test_unknown_bind_parameter_refused(tmp_path: Path) -> None:
    f = write(tmp_path / "c.toml", SQL + 'query = "SELECT 1 WHERE x = :name"\n')
    with pytest.raises(ConfigError, match="unknown bound parameter"):
        load_config(f, environ={})


def test_postgres_cast_is_not_a_parameter(tmp_path: Path) -> None:
    f = write(
        tmp_path / "c.toml",
        SQL + 'query = "SELECT balance::text FROM ar WHERE id = :customer_id"\n',
    )
    assert load_config(f, environ={}).source[0].query is not None


def test_layers_and_environment(tmp_path: Path) -> None:
    write(machine_config_path(), "[agent]\nregion = 'FI'\nextension = 'm'\n")
    write(user_config_path(), "[agent]\nextension = 'u'\n")
    f = write(tmp_path / "c.toml", "[ui]\nlinger_s = 1\n")
    cfg = load_config(f, environ={"SCREENPOP_AGENT__EXTENSION": "1017"})
    assert cfg.agent.region == "FI"  # machine
    assert cfg.agent.extension == "1017"  # environment beats user file
    assert cfg.ui.linger_s == 1


def test_locked_key_keeps_machine_value(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    write(
        machine_config_path(),
        "lock = ['agent.region', 'journal']\n[agent]\nregion = 'SE'\n"
        "[journal]\nlocal = '/srv/journal.db'\n",
    )
    f = write(tmp_path / "c.toml", "[agent]\nregion = 'GB'\n[journal]\nlocal = '/tmp/mine.db'\n")
    cfg = load_config(f, environ={"SCREENPOP_AGENT__REGION": "US"})
    assert cfg.agent.region == "SE"
    assert str(cfg.journal.local) == "/srv/journal.db"
    assert cfg.locked == ("agent.region", "journal")
    assert "locked" in caplog.text


def test_only_machine_file_may_lock(tmp_path: Path) -> None:
    f = write(tmp_path / "c.toml", "lock = ['agent']\n")
    with pytest.raises(ConfigError, match="only the machine-wide file"):
        load_config(f, environ={})


def test_bad_toml_names_file(tmp_path: Path) -> None:
    f = write(tmp_path / "c.toml", "[agent\n")
    with pytest.raises(ConfigError, match=r"c\.toml: not valid TOML"):
        load_config(f, environ={})


def test_duplicate_source_names(tmp_path: Path) -> None:
    f = write(tmp_path / "c.toml", SQL + SQL)
    with pytest.raises(ConfigError, match="duplicate source"):
        load_config(f, environ={})


@pytest.mark.skipif(sys.platform != "linux", reason="the Linux managed path")
def test_managed_file_is_a_fixed_path_whatever_the_session_says(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Ubuntu GNOME puts /etc/xdg/xdg-ubuntu first in XDG_CONFIG_DIRS; IT's file
    # must still be the one that applies.
    monkeypatch.setenv("XDG_CONFIG_DIRS", "/etc/xdg/xdg-ubuntu:/etc/xdg")
    monkeypatch.delenv("SCREENPOP_MACHINE_CONFIG")
    monkeypatch.delitem(sys.modules, loader.TEST_SEAM)  # what the product sees
    assert loader.managed_config_path() == Path("/etc/xdg/screenpop/screenpop.toml")
    assert machine_config_path() == Path("/etc/xdg/screenpop/screenpop.toml")


def test_installed_managed_file_cannot_be_escaped_by_the_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    managed = write(tmp_path / "etc" / "screenpop.toml",
                    "lock = ['journal']\n[journal]\nlocal = '/srv/journal.db'\n")
    monkeypatch.setattr(loader, "managed_config_path", lambda: managed)
    # The agent points the override at a file of their own, without locks.
    mine = write(tmp_path / "mine.toml", "[journal]\nlocal = '/tmp/mine.db'\n")
    monkeypatch.setenv("SCREENPOP_MACHINE_CONFIG", str(mine))
    cfg = load_config(None, environ={"SCREENPOP_JOURNAL__LOCAL": "/tmp/env.db"},
                      use_user_file=False)
    assert str(cfg.journal.local) == "/srv/journal.db"
    assert cfg.locked == ("journal",)
    assert "SCREENPOP_MACHINE_CONFIG ignored" in caplog.text
    # Without the managed file installed, the override is honoured (tests, unmanaged PCs).
    managed.unlink()
    cfg = load_config(None, environ={}, use_user_file=False)
    assert str(cfg.journal.local) == "/tmp/mine.db"

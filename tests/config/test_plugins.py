"""Plugins own their config and their check: one shape for bridges and sources (issue 10).

Adding a kind used to mean editing the schema's union, the registry, doctor's
kind switch and the module. Now the registry lists declaration modules; the
schema, doctor and the engine go through it.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
import typing
from pathlib import Path

import pytest

from screenpop.bridges import registry as bridges
from screenpop.config.loader import ConfigError, load_config
from screenpop.config.plugins import Plugin
from screenpop.config.schema import Config
from screenpop.sources import registry as sources

HEAVY = ("aiohttp", "aiomqtt", "requests", "numpy", "scipy", "psycopg", "pymysql", "PySide6")

EVERY_KIND = """
[[bridge]]
kind = "demo"
[[bridge]]
kind = "notify"
[[bridge]]
kind = "baresip"
[[bridge]]
kind = "ami"
secret = "keyring:screenpop/ami"
[[bridge]]
kind = "tcp-json"
[[bridge]]
kind = "webhook"
secret = "keyring:screenpop/webhook"
[[bridge]]
kind = "mqtt"
password = "keyring:screenpop/mqtt"
[[source]]
name = "erp"
kind = "sql"
url = "postgresql+psycopg://erp@127.0.0.1:1/erp"
password = "keyring:screenpop/erp"
section = "balance"
[[source]]
name = "crm"
kind = "rest"
section = "credit"
query = "http://127.0.0.1:1/c/{customer_id}"
auth = { kind = "bearer", secret = "keyring:screenpop/crm" }
"""


@pytest.mark.parametrize("registry", [bridges.REGISTRY, sources.REGISTRY])
def test_every_listed_module_declares_its_kind(registry: object) -> None:
    assert isinstance(registry, type(bridges.REGISTRY))
    for kind in registry.kinds:
        plugin = registry.plugin(kind)
        assert isinstance(plugin, Plugin)
        assert plugin.kind == kind
        assert typing.get_args(plugin.config.model_fields["kind"].annotation) == (kind,)


def test_schema_accepts_exactly_the_registered_kinds(tmp_path: Path) -> None:
    path = tmp_path / "c.toml"
    path.write_text(EVERY_KIND, encoding="utf-8")
    cfg = load_config(path, environ={}, use_user_file=False)
    assert [b.kind for b in cfg.bridge] == list(bridges.MODULES)
    assert [s.kind for s in cfg.source] == list(sources.MODULES)
    for b in cfg.bridge:
        assert isinstance(b, bridges.REGISTRY.plugin(b.kind).config)
    path.write_text('[[bridge]]\nkind = "fax"\n', encoding="utf-8")
    with pytest.raises(ConfigError, match=r"bridge\[0\]: .*'fax'.*'demo'.*'mqtt'"):
        load_config(path, environ={}, use_user_file=False)


def test_unknown_kind_asked_of_a_registry_names_the_known_ones() -> None:
    with pytest.raises(ValueError, match=r"unknown source kind 'ldap' .*sql, rest"):
        sources.REGISTRY.plugin("ldap")


def run(code: str, *extra_path: Path) -> subprocess.CompletedProcess[str]:
    env = os.environ.copy()
    env["PYTHONPATH"] = os.pathsep.join([*map(str, extra_path), env.get("PYTHONPATH", "")])
    return subprocess.run([sys.executable, "-c", textwrap.dedent(code)], capture_output=True,
                          text=True, timeout=60, env=env)  # fmt: skip


def test_loading_a_config_of_every_kind_imports_no_runtime_library(tmp_path: Path) -> None:
    path = tmp_path / "c.toml"
    path.write_text(EVERY_KIND, encoding="utf-8")
    res = run(f"""
        import sys
        from pathlib import Path
        from screenpop.config.loader import load_config
        load_config(Path({str(path)!r}), environ={{}}, use_user_file=False)
        print(sorted(m for m in {HEAVY!r} if m in sys.modules))
        print("screenpop.bridges.mqtt" in sys.modules, "screenpop.sources.sql" in sys.modules)
    """)
    assert res.stdout.split("\n")[:2] == ["[]", "False False"], res.stdout + res.stderr


def test_a_config_without_databases_does_not_load_sqlalchemy(tmp_path: Path) -> None:
    path = tmp_path / "c.toml"
    path.write_text('[[bridge]]\nkind = "baresip"\n[journal]\nlocal = "/tmp/j.db"\n')
    res = run(f"""
        import sys
        from pathlib import Path
        from screenpop.config.loader import load_config
        load_config(Path({str(path)!r}), environ={{}}, use_user_file=False)
        print("sqlalchemy" in sys.modules)
    """)
    assert res.stdout.strip() == "False", res.stdout + res.stderr


def test_a_new_kind_is_one_module_and_one_registry_line(tmp_path: Path) -> None:
    """A kind the application has never heard of: validated, checked by doctor."""
    (tmp_path / "fax_plugin.py").write_text(textwrap.dedent('''
        from typing import Literal
        from screenpop.bridges.plugins.base import BridgeBase
        from screenpop.config.fields import SecretRef
        from screenpop.config.plugins import Plugin, Verdict

        class FaxConfig(BridgeBase):
            kind: Literal["fax"]
            number: str
            """The fax line."""
            secret: SecretRef = None
            """The fax gateway's key."""

        def check(cfg, ctx):
            return Verdict(False, f"no paper in {cfg.number}")

        def create(cfg, ctx):
            raise NotImplementedError

        PLUGIN = Plugin("fax", FaxConfig, check, create)
    '''), encoding="utf-8")
    config = tmp_path / "c.toml"
    config.write_text(
        '[[bridge]]\nkind = "fax"\nnumber = "+4420"\nsecret = "keyring:screenpop/fax"\n'
        '[journal]\nlocal = "' + str(tmp_path / "j.db") + '"\n',
        encoding="utf-8",
    )
    res = run(f"""
        import screenpop.bridges.registry as r
        r.MODULES["fax"] = "fax_plugin"
        from screenpop.cli import main
        raise SystemExit(main(["doctor", "--config", {str(config)!r}]))
    """, tmp_path)
    assert res.returncode == 1, res.stdout + res.stderr
    assert "[FAIL] bridge fax (fax): no paper in +4420" in res.stdout
    assert "[FAIL] secret bridge[0] fax.secret: " in res.stdout  # found without being told


def test_doctor_finds_secrets_nested_in_any_plugin(memory_keyring: dict[object, str]) -> None:
    from screenpop.doctor import _secret_refs

    cfg = Config.model_validate(
        {
            "source": [
                {"name": "crm", "kind": "rest", "section": "credit",
                 "auth": {"kind": "header", "secret": "keyring:screenpop/crm"}},
            ],
            "bridge": [{"kind": "mqtt", "password": "keyring:screenpop/mqtt"}],
            "journal": {"password": "keyring:screenpop/central"},
        }
    )  # fmt: skip
    assert list(_secret_refs(cfg)) == [
        ("bridge[0] mqtt.password", "keyring:screenpop/mqtt"),
        ("source crm.auth.secret", "keyring:screenpop/crm"),
        ("journal.password", "keyring:screenpop/central"),
    ]


def test_doctor_reports_every_plugin_through_its_check(tmp_path: Path) -> None:
    path = tmp_path / "c.toml"
    path.write_text(EVERY_KIND + f'[journal]\nlocal = "{tmp_path / "j.db"}"\n', encoding="utf-8")
    res = subprocess.run([sys.executable, "-m", "screenpop", "doctor", "--config", str(path)],
                         capture_output=True, text=True, timeout=120,
                         env=os.environ.copy())  # fmt: skip
    out = res.stdout
    assert res.returncode == 1, out + res.stderr
    assert "[  ok] bridge demo (demo): local" in out
    assert "[FAIL] bridge baresip (baresip): cannot reach 127.0.0.1:4444" in out
    assert "[  ok] bridge webhook (webhook): listens on 127.0.0.1:8765" in out
    assert "[FAIL] source erp (balance): " in out
    assert "[FAIL] source crm (credit): " in out
    assert "[FAIL] secret source crm.auth.secret: " in out

"""``screenpop demo`` under IT's machine-wide configuration (issue 15).

The demo loaded its config without the machine-wide layer, so an agent could
add a central journal login or a listener on 0.0.0.0 to the demo's file (which
they can edit) and run them whatever IT locked. Now it is a command like any
other, and IT can lock it off.
"""

from __future__ import annotations

import dataclasses
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from screenpop.cli.demo import check_allowed, demo_config
from screenpop.config.errors import ConfigError
from screenpop.config.loader import machine_config_path, user_data_dir
from screenpop.demo.build import DemoSet


def machine(text: str) -> None:
    path = machine_config_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


@pytest.fixture
def demo(full_demo: DemoSet, tmp_path: Path) -> DemoSet:
    """The session's demo with a config file of its own, for this test to edit."""
    config = tmp_path / "screenpop-demo.toml"
    shutil.copy(full_demo.config, config)
    return dataclasses.replace(full_demo, config=config)


def test_locked_off_demo_exits_2_and_builds_nothing() -> None:
    machine("lock = ['demo']\n[demo]\nenabled = false\n")
    res = subprocess.run(
        [sys.executable, "-m", "screenpop", "demo", "--headless", "--calls", "1"],
        capture_output=True, text=True, timeout=60, env=os.environ.copy(),
    )  # fmt: skip
    assert res.returncode == 2, res.stderr
    assert "demo.enabled: the demo is locked off by IT on this machine" in res.stderr
    assert not (user_data_dir() / "demo").exists()


def test_the_agent_cannot_turn_a_locked_demo_back_on(monkeypatch: pytest.MonkeyPatch) -> None:
    machine("lock = ['demo.enabled']\n[demo]\nenabled = false\n")
    monkeypatch.setenv("SCREENPOP_DEMO__ENABLED", "true")
    with pytest.raises(ConfigError, match="locked off by IT"):
        check_allowed()


def test_an_unlocked_off_switch_is_a_default(monkeypatch: pytest.MonkeyPatch) -> None:
    machine("[demo]\nenabled = false\n")
    with pytest.raises(ConfigError, match="the demo is turned off"):
        check_allowed()
    monkeypatch.setenv("SCREENPOP_DEMO__ENABLED", "true")
    check_allowed()


def test_demo_bridge_refused_where_the_demo_is_off(tmp_path: Path) -> None:
    """IT's switch also covers a demo bridge in an ordinary config (`screenpop run`)."""
    from screenpop.config.loader import load_config

    machine("lock = ['demo']\n[demo]\nenabled = false\n")
    own = tmp_path / "agent.toml"
    own.write_text('[[bridge]]\nkind = "demo"\n', encoding="utf-8")
    with pytest.raises(ConfigError, match=r"bridge\[0\]: the demo is turned off"):
        load_config(own, use_user_file=False)


def test_machine_locks_hold_in_the_demo(demo: DemoSet) -> None:
    machine(
        "lock = ['agent.region', 'ui']\n[agent]\nregion = 'SE'\n[ui]\nlinger_s = 9\n"
    )
    with demo.config.open("a", encoding="utf-8") as f:
        f.write("\n[ui]\nlinger_s = 0\n")
    config = demo_config(demo, calls=3, interval=None)
    assert config.agent.region == "SE"  # the demo's file says GB
    assert config.ui.linger_s == 9
    assert config.locked == ("agent.region", "ui")
    (bridge,) = config.bridge
    assert getattr(bridge, "calls", None) == 3


def test_a_listener_added_to_the_demo_file_is_refused(demo: DemoSet) -> None:
    with demo.config.open("a", encoding="utf-8") as f:
        f.write('\n[[bridge]]\nkind = "webhook"\nlisten = "0.0.0.0:8765"\n'
                'secret = "keyring:screenpop/webhook"\n')  # fmt: skip
    with pytest.raises(ConfigError, match=r"bridge\[1\]: the demo rings only its own calls"):
        demo_config(demo, calls=0, interval=None)


def test_the_demo_never_replicates(demo: DemoSet) -> None:
    """Neither a central login added to the demo's file nor IT's central journal
    receives the demo's made-up calls."""
    with demo.config.open("a", encoding="utf-8") as f:
        f.write('\n[journal]\ncentral = "postgresql+psycopg://agent@db/journal"\n'
                'password = "keyring:screenpop/central"\n')  # fmt: skip
    assert demo_config(demo, calls=0, interval=None).journal.central is None
    machine(
        "lock = ['journal']\n[journal]\ncentral = 'postgresql+psycopg://desk@central/j'\n"
    )
    config = demo_config(demo, calls=0, interval=None)
    assert config.journal.central is None
    assert config.journal.password is None


@pytest.mark.parametrize("key", ["bridge", "source"])
def test_locks_that_replace_the_demos_own_parts_stop_it(demo: DemoSet, key: str) -> None:
    if key == "bridge":
        machine("lock = ['bridge']\n[[bridge]]\nkind = 'webhook'\nlisten = '0.0.0.0:8765'\n")
    else:
        machine(
            "lock = ['source']\n[[source]]\nname = 'erp'\nkind = 'sql'\n"
            "url = 'postgresql+psycopg://desk@erp/erp'\nsection = 'balance'\n"
        )
    with pytest.raises(ConfigError, match=f"{key}: locked by the machine-wide configuration"):
        demo_config(demo, calls=0, interval=None)


@pytest.mark.slow
def test_demo_command_rings_and_journals(full_demo: DemoSet) -> None:
    """The newcomer's path end to end, with a machine-wide file present."""
    import json
    import sqlite3

    machine("lock = ['agent.region']\n[agent]\nregion = 'GB'\n[ui]\nlinger_s = 1\n")
    target = user_data_dir() / "demo"
    shutil.copytree(full_demo.root, target)  # reused as it is: the stamp matches
    res = subprocess.run(
        [sys.executable, "-m", "screenpop", "demo", "--headless", "--calls", "2",
         "--interval", "0.3"],
        capture_output=True, text=True, timeout=300, env=os.environ.copy(),
    )  # fmt: skip
    assert res.returncode == 0, res.stderr[-3000:]
    pops = [json.loads(line) for line in res.stdout.splitlines()]
    assert len(pops) == 2
    assert all(set(p["sections"]) >= {"balance", "purchases", "credit"} for p in pops)
    con = sqlite3.connect(target / "journal.db")
    try:
        assert con.execute("SELECT count(*) FROM calls").fetchone()[0] == 2
    finally:
        con.close()

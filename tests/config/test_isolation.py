"""Every test is kept from the desk's real machine-wide config and its real keyring.

On a desk with the .deb installed, /etc/xdg/screenpop/screenpop.toml is a
fixed path the loader reads whatever the environment says, so every test read
IT's real locks; and a test could read or write the agent's real keyring
(issue 10). tests/conftest.py isolates both, in process and in subprocesses.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import keyring
import pytest

from screenpop.config import loader


def python(code: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          timeout=60, env=os.environ.copy())  # fmt: skip


def screenpop(*args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "screenpop", *args], capture_output=True,
                          text=True, timeout=60, input=stdin, env=os.environ.copy())  # fmt: skip


def test_the_managed_path_is_the_tests_own(tmp_path_factory: pytest.TempPathFactory) -> None:
    managed = loader.managed_config_path()
    assert managed != Path("/etc/xdg/screenpop/screenpop.toml")
    assert str(managed).startswith(str(tmp_path_factory.getbasetemp()))
    assert not managed.exists()
    # ... and in a subprocess, where monkeypatching cannot reach.
    res = python("from screenpop.config.loader import managed_config_path as m; print(m())")
    assert res.stdout.strip() == str(managed), res.stderr


def test_a_subprocess_obeys_the_tests_managed_file() -> None:
    """The seam moves the managed file itself: its locks hold over SCREENPOP_MACHINE_CONFIG."""
    managed = loader.managed_config_path()
    managed.parent.mkdir(parents=True)
    managed.write_text("lock = ['agent.region']\n[agent]\nregion = 'SE'\n", encoding="utf-8")
    Path(os.environ["SCREENPOP_MACHINE_CONFIG"]).write_text(
        "[agent]\nregion = 'FI'\n", encoding="utf-8"
    )
    res = screenpop("doctor")
    assert "[  ok] locked keys: agent.region" in res.stdout, res.stdout + res.stderr
    assert "SCREENPOP_MACHINE_CONFIG ignored" in res.stderr


def test_every_test_has_an_empty_in_memory_keyring(memory_keyring: dict[object, str]) -> None:
    assert type(keyring.get_keyring()).__name__ == "MemoryKeyring"
    assert memory_keyring == {}
    keyring.set_password("screenpop", "leak-check", "x")
    assert memory_keyring == {("screenpop", "leak-check"): "x"}


def test_the_previous_tests_secret_is_gone() -> None:
    assert keyring.get_password("screenpop", "leak-check") is None


def test_a_subprocess_never_reaches_the_desks_keyring() -> None:
    res = screenpop("secret", "set", "screenpop/isolation-check", stdin="s3cret\n")
    assert res.returncode == 1
    assert "keyring.backends.fail.Keyring" in res.stderr


@pytest.mark.real_keyring
def test_real_keyring_marker_keeps_the_sessions_backend() -> None:
    assert type(keyring.get_keyring()).__name__ != "MemoryKeyring"

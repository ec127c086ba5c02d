"""scripts/demo installs what the app needs; scripts/test (bootstrap ``test``) the rest.

A newcomer trying the demo waited for kamailio, baresip, sipp, PostgreSQL,
MariaDB, gnome-keyring and trayer to install before seeing a pop (issue 10).
The bootstrap runs here for real on a copy of the scripts, with a PATH shim
for ``dpkg-query`` that records which packages it is asked about.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
TEST_PEERS = {"kamailio", "baresip-core", "sip-tester", "mosquitto", "postgresql",
              "mariadb-server", "gnome-keyring", "trayer", "xvfb", "binutils"}  # fmt: skip


def listed(name: str) -> set[str]:
    lines = (ROOT / "scripts" / "apt" / name).read_text(encoding="utf-8").splitlines()
    return {ln.split()[0] for ln in lines if ln.strip() and not ln.lstrip().startswith("#")}


def test_app_list_holds_no_test_peer() -> None:
    app = listed("app.txt")
    assert {"libgl1", "libxcb-cursor0", "fonts-dejavu-core"} <= app
    assert app & TEST_PEERS == set()
    tests = set().union(*(listed(p.name) for p in (ROOT / "scripts" / "apt").glob("test-*.txt")))
    assert tests >= TEST_PEERS


@pytest.fixture
def checkout(tmp_path: Path) -> Path:
    """The scripts and apt lists in a checkout of their own, with a ready .venv."""
    repo = tmp_path / "repo"
    shutil.copytree(ROOT / "scripts", repo / "scripts")
    shutil.copy2(ROOT / "pyproject.toml", repo / "pyproject.toml")
    (repo / ".venv" / "bin").mkdir(parents=True)
    (repo / ".venv" / "bin" / "python").symlink_to(sys.executable)
    for stamp in (".screenpop-installed", ".screenpop-installed-app"):
        (repo / ".venv" / stamp).touch()
    shim = tmp_path / "bin"
    shim.mkdir()
    (shim / "dpkg-query").write_text(
        '#!/bin/sh\nfor a; do last=$a; done\necho "$last" >> "$DPKG_LOG"\n'
        'printf "install ok installed"\n',
        encoding="utf-8",
    )
    (shim / "dpkg-query").chmod(0o755)
    return repo


def bootstrap(repo: Path, *args: str) -> tuple[subprocess.CompletedProcess[str], set[str]]:
    log = repo.parent / "dpkg.log"
    log.unlink(missing_ok=True)
    env = dict(os.environ, PATH=f"{repo.parent / 'bin'}:{os.environ['PATH']}",
               DPKG_LOG=str(log), SCREENPOP_SKIP_SERVICES="1")  # fmt: skip
    res = subprocess.run(["bash", str(repo / "scripts" / "bootstrap.sh"), *args],
                         capture_output=True, text=True, timeout=120, env=env)  # fmt: skip
    asked = set(log.read_text().split()) if log.exists() else set()
    return res, asked


def test_app_mode_asks_only_for_the_apps_packages(checkout: Path) -> None:
    res, asked = bootstrap(checkout, "app")
    assert res.returncode == 0, res.stderr
    assert res.stdout.strip() == f"{checkout}/.venv"
    assert asked == listed("app.txt")


def test_test_mode_is_the_default_and_asks_for_everything(checkout: Path) -> None:
    res, asked = bootstrap(checkout)
    assert res.returncode == 0, res.stderr
    assert TEST_PEERS | listed("app.txt") <= asked


def test_bad_mode_is_refused(checkout: Path) -> None:
    res, asked = bootstrap(checkout, "everything")
    assert res.returncode == 2
    assert "usage: scripts/bootstrap.sh [app|test]" in res.stderr
    assert asked == set()


def test_the_demo_script_bootstraps_the_app_only() -> None:
    demo = (ROOT / "scripts" / "demo").read_text(encoding="utf-8")
    assert "bash scripts/bootstrap.sh app" in demo
    test = (ROOT / "scripts" / "test").read_text(encoding="utf-8")
    assert "bash scripts/bootstrap.sh test" in test
    assert "exec bash scripts/test" in (ROOT / ".ci" / "run").read_text(encoding="utf-8")

"""The bundle and the .deb, each built once per test session by the project's own scripts.

``scripts/build-bundle`` (PyInstaller, ~1.5-2.5 min on 2 cores) and
``installers/deb/build-deb`` (uncompressed here: the content is what is tested,
and xz would add minutes). Without PyInstaller, objdump or dpkg-deb the tests
skip on a laptop and fail in CI (``tests/peers.py``).

``SCREENPOP_TEST_BUNDLE=DIR`` reuses a bundle built before (the directory
holding ``screenpop`` and ``_internal``) while working on these tests.
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from tests import sampledb
from tests.peers import need, need_program

ROOT = Path(__file__).resolve().parents[2]
#: Read at import: the autouse fixture in tests/conftest.py clears SCREENPOP_* per test.
PREBUILT = os.environ.get("SCREENPOP_TEST_BUNDLE", "")
#: Where scripts/demo-model keeps the demo's model between sessions (the real
#: user cache, read before tests/conftest.py points XDG_CACHE_HOME elsewhere).
BUILD_CACHE = Path(
    os.environ.get("SP_BUILD_CACHE")
    or Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "screenpop-build"
)


@pytest.fixture(scope="session")
def bundle(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The onedir bundle's directory (``screenpop`` + ``_internal``)."""
    if PREBUILT:
        return Path(PREBUILT)
    need((ROOT / ".venv" / "bin" / "pyinstaller").exists(), "PyInstaller in .venv (dev extras)")
    need_program("objdump")
    out = tmp_path_factory.mktemp("bundle")
    res = subprocess.run(
        [
            "bash",
            str(ROOT / "scripts" / "build-bundle"),
            "--dist",
            str(out / "dist"),
            "--work",
            str(out / "work"),
        ],
        capture_output=True,
        text=True,
        timeout=900,
        env={**os.environ, "SP_BUILD_CACHE": str(BUILD_CACHE)},
    )
    assert res.returncode == 0, res.stderr[-5000:]
    exe = Path(res.stdout.strip().splitlines()[-1])
    assert exe == out / "dist" / "screenpop" / "screenpop"
    return exe.parent


@pytest.fixture(scope="session")
def deb(bundle: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    need_program("dpkg-deb")
    out = tmp_path_factory.mktemp("deb")
    res = subprocess.run(
        [
            "bash",
            str(ROOT / "installers" / "deb" / "build-deb"),
            "--bundle",
            str(bundle),
            "--out",
            str(out),
            "--compress",
            "none",
        ],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert res.returncode == 0, res.stderr[-5000:]
    return Path(res.stdout.strip().splitlines()[-1])


@pytest.fixture
def agent_config(tmp_path: Path) -> Path:
    """Three SQLite sources (tests/sampledb), a notify bridge and a journal in tmp_path."""
    paths = sampledb.build(tmp_path / "db")
    path = tmp_path / "agent.toml"
    path.write_text(
        sampledb.config_text(
            paths,
            extra=f'\n[[bridge]]\nkind = "notify"\n\n[journal]\nlocal = "{tmp_path / "journal.db"}"\n',
        ),
        encoding="utf-8",
    )
    return path


@pytest.fixture
def app_env() -> dict[str, str]:
    """This test's isolated environment (tests/conftest.py) for the bundle's processes."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON")}
    env["QT_QPA_PLATFORM"] = "offscreen"
    return env

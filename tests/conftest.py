"""Fixtures for every test: no real user directories, no real keyring, no display."""

from __future__ import annotations

import os
import sys
import types
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

# Timing is for benchmarks, not tests: on a loaded 2-core CI box one example
# can take longer than hypothesis' default 200 ms deadline without any bug.
settings.register_profile(
    "screenpop", deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.load_profile("screenpop")


#: Seams: see screenpop/config/loader.py (managed_config_path) and tests/seams/.
SEAM_MODULE = "_screenpop_test_seam"
SEAM_ENV = "_SCREENPOP_TEST_MANAGED_CONFIG"
SEAMS_DIR = Path(__file__).resolve().parent / "seams"


@pytest.fixture(autouse=True)
def _isolated_dirs(
    request: pytest.FixtureRequest,
    tmp_path_factory: pytest.TempPathFactory,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Keep every test away from the developer's real config, data, sockets and IT's locks.

    The machine-wide file is a fixed path while it is installed (a desk with
    the .deb has /etc/xdg/screenpop/screenpop.toml, locks and all), so the
    XDG variables cannot move it: the loader's test seam does, in this
    interpreter and, through ``tests/seams/sitecustomize.py``, in every
    ``python -m screenpop`` a test starts.
    """
    home = tmp_path_factory.mktemp("home")
    for var, sub in (
        ("XDG_CONFIG_HOME", "config"),
        ("XDG_DATA_HOME", "data"),
        ("XDG_CACHE_HOME", "cache"),
        ("XDG_STATE_HOME", "state"),
        ("XDG_RUNTIME_DIR", "run"),
    ):
        path = home / sub
        path.mkdir(mode=0o700)
        monkeypatch.setenv(var, str(path))
    for var in list(os.environ):
        if var.startswith("SCREENPOP_"):
            monkeypatch.delenv(var)
    monkeypatch.setenv("SCREENPOP_MACHINE_CONFIG", str(home / "machine.toml"))
    managed = home / "managed" / "screenpop.toml"  # absent unless a test writes it
    seam = types.ModuleType(SEAM_MODULE)
    seam.managed_config = str(managed)  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, SEAM_MODULE, seam)
    monkeypatch.setenv(SEAM_ENV, str(managed))
    pythonpath = os.environ.get("PYTHONPATH")
    monkeypatch.setenv(
        "PYTHONPATH", str(SEAMS_DIR) + (os.pathsep + pythonpath if pythonpath else "")
    )
    # Subprocesses never reach the desk's keyring either; a test that gives one
    # a keyring sets its own backend (tests/bridges/file_keyring.py).
    if request.node.get_closest_marker("real_keyring") is None:
        monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")
    else:
        monkeypatch.delenv("PYTHON_KEYRING_BACKEND", raising=False)


@pytest.fixture(autouse=True)
def _isolated_keyring(
    request: pytest.FixtureRequest, _isolated_dirs: None
) -> Iterator[dict[tuple[str, str], str]]:
    """An in-memory keyring for every test, empty at its start.

    A test marked ``real_keyring`` gets the backend the session would pick,
    chosen afresh (keyring caches its first choice per process).
    """
    import keyring
    import keyring.core
    from keyring.backend import KeyringBackend

    if request.node.get_closest_marker("real_keyring") is not None:
        previous = keyring.get_keyring()
        keyring.core.init_backend()
        try:
            yield {}
        finally:
            keyring.set_keyring(previous)
        return

    store: dict[tuple[str, str], str] = {}

    class MemoryKeyring(KeyringBackend):
        priority = 1  # type: ignore[assignment]

        def get_password(self, service: str, username: str) -> str | None:
            return store.get((service, username))

        def set_password(self, service: str, username: str, password: str) -> None:
            store[(service, username)] = password

        def delete_password(self, service: str, username: str) -> None:
            store.pop((service, username), None)

    previous = keyring.get_keyring()
    keyring.set_keyring(MemoryKeyring())
    try:
        yield store
    finally:
        keyring.set_keyring(previous)


@pytest.fixture
def memory_keyring(_isolated_keyring: dict[tuple[str, str], str]) -> dict[tuple[str, str], str]:
    """The in-memory keyring's contents, to put secrets in or look at them."""
    return _isolated_keyring


@pytest.fixture
def repo_root() -> Path:
    return Path(__file__).resolve().parent.parent

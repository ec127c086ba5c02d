"""Layered TOML configuration: defaults < machine < user < --config < environment.

IT ships the machine-wide file and may lock keys in it (``lock = ["journal",
"agent.region"]``): a locked key keeps the machine's value whatever a later
layer says, and the override is logged, so an agent cannot point the journal
elsewhere. Every error names the file and the key's dotted path.
"""

from __future__ import annotations

import difflib
import logging
import os
import sys
import tomllib
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import platformdirs
from pydantic import ValidationError

from screenpop.config.errors import ConfigError
from screenpop.config.schema import Config

__all__ = ["ConfigError", "load_config", "machine_config_path", "user_config_path"]

log = logging.getLogger(__name__)

APP = "screenpop"
ENV_PREFIX = "SCREENPOP_"
#: ``SCREENPOP_*`` variables that are not configuration keys: what reads them and why.
#: Anything else that is not ``SCREENPOP_SECTION__KEY`` of a known section is
#: ignored with a warning, never an error: a variable meant for another tool
#: must not stop every command.
NOT_CONFIG: dict[str, str] = {
    "SCREENPOP_CONFIG": "the configuration file used when --config is not given",
    "SCREENPOP_MACHINE_CONFIG": (
        "the machine-wide file, where IT has not installed the managed one (tests, "
        "unmanaged PCs)"
    ),
    "SCREENPOP_RESOURCES": "the folder of icons, style sheet and translations (the UI)",
    "SCREENPOP_SKIP_APT": "scripts/bootstrap.sh: 1 = do not install Debian packages",
    "SCREENPOP_SKIP_SERVICES": "scripts/bootstrap.sh: 1 = do not start the test databases",
    "SCREENPOP_TEST_BUNDLE": "tests/installers: the built bundle to test",
}


#: See ``managed_config_path``.
TEST_SEAM = "_screenpop_test_seam"


def managed_config_path() -> Path:
    """Where IT installs the machine-wide file: a fixed place per OS.

    Never derived from the session's environment: ``$XDG_CONFIG_DIRS`` (which
    platformdirs reads, and whose first entry is ``/etc/xdg/xdg-ubuntu`` on
    Ubuntu GNOME) and ``%PROGRAMDATA%`` are the user's to change, and locks a
    user can move away from are no locks.

    The one exception is the test suite's: ``tests/conftest.py`` plants the
    module ``TEST_SEAM`` in every test interpreter (directly, and through
    ``tests/seams/sitecustomize.py`` in subprocesses) so that no test reads
    the real locks of the desk it runs on. No variable alone moves the path:
    planting a module takes running code in the interpreter, which a user who
    can do that could do to any lock, and the PyInstaller bundle IT installs
    reads no ``PYTHONPATH``.
    """
    seam = sys.modules.get(TEST_SEAM)
    if seam is not None:
        return Path(seam.managed_config)
    if sys.platform == "win32":
        # platformdirs asks Windows for the known folder (not %PROGRAMDATA%).
        return Path(platformdirs.site_config_dir(APP, appauthor=False)) / "screenpop.toml"
    if sys.platform == "darwin":
        return Path("/Library/Application Support") / APP / "screenpop.toml"
    return Path("/etc/xdg") / APP / "screenpop.toml"


def machine_config_path() -> Path:
    """The machine-wide file in effect.

    ``$SCREENPOP_MACHINE_CONFIG`` points elsewhere for tests and unmanaged
    machines; where IT has installed the managed file it is ignored, so its
    locks hold whatever the user's environment says.
    """
    managed = managed_config_path()
    override = os.environ.get("SCREENPOP_MACHINE_CONFIG")
    if not override or Path(override) == managed:
        return managed
    if managed.is_file():
        log.warning(
            "SCREENPOP_MACHINE_CONFIG ignored: the managed %s is installed and applies", managed
        )
        return managed
    return Path(override)


def user_config_path() -> Path:
    return Path(platformdirs.user_config_dir(APP)) / "screenpop.toml"


def user_data_dir() -> Path:
    return Path(platformdirs.user_data_dir(APP))


def read_toml(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as fh:
            return tomllib.load(fh)
    except FileNotFoundError:
        raise ConfigError(f"{path}: file not found") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: not valid TOML: {exc}") from None
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read: {exc.strerror}") from None


def merge(base: Mapping[str, Any], over: Mapping[str, Any]) -> dict[str, Any]:
    """Tables merge key by key; arrays (of bridges, sources) replace wholesale."""
    out = dict(base)
    for key, value in over.items():
        if isinstance(value, Mapping) and isinstance(out.get(key), Mapping):
            out[key] = merge(out[key], value)
        else:
            out[key] = value
    return out


def _get(data: Mapping[str, Any], dotted: str) -> tuple[bool, Any]:
    node: Any = data
    for part in dotted.split("."):
        if not isinstance(node, Mapping) or part not in node:
            return False, None
        node = node[part]
    return True, node


def _set(data: dict[str, Any], dotted: str, value: Any) -> None:
    parts = dotted.split(".")
    node = data
    for part in parts[:-1]:
        node = node.setdefault(part, {})
    node[parts[-1]] = value


def _delete(data: dict[str, Any], dotted: str) -> None:
    parts = dotted.split(".")
    node: Any = data
    for part in parts[:-1]:
        node = node.get(part)
        if not isinstance(node, dict):
            return
    node.pop(parts[-1], None)


def config_sections() -> tuple[str, ...]:
    """The top-level tables a ``SCREENPOP_SECTION__KEY`` variable may set."""
    return tuple(name for name in Config.model_fields if name != "locked")


def env_layer(environ: Mapping[str, str]) -> dict[str, Any]:
    """``SCREENPOP_AGENT__EXTENSION=17`` -> ``{"agent": {"extension": 17}}``.

    Values are read as TOML scalars when they parse as one (numbers, booleans,
    quoted strings, arrays), else taken as plain strings. A variable of a known
    section is configuration, and an unknown key in it is an error like one in
    a file; the variables in ``NOT_CONFIG`` are skipped; any other
    ``SCREENPOP_*`` variable is skipped with a warning that names the sections.
    """
    sections = config_sections()
    out: dict[str, Any] = {}
    for name, raw in sorted(environ.items()):
        if not name.startswith(ENV_PREFIX) or name in NOT_CONFIG:
            continue
        parts = [p.lower() for p in name[len(ENV_PREFIX) :].split("__")]
        if parts[0] not in sections:
            close = difflib.get_close_matches(parts[0], sections, n=1)
            hint = f" (did you mean SCREENPOP_{close[0].upper()}__…?)" if close else ""
            log.warning(
                "environment: %s is not a configuration variable%s; ignored. Configuration "
                "variables are SCREENPOP_SECTION__KEY, SECTION one of %s",
                name,
                hint,
                ", ".join(sections),
            )
            continue
        dotted = ".".join(parts)
        try:
            value: Any = tomllib.loads(f"v = {raw}")["v"]
        except tomllib.TOMLDecodeError:
            value = raw
        _set(out, dotted, value)
    return out


def format_validation(exc: ValidationError, origin: str) -> str:
    """One line per problem, each naming the key's path (``source[1].query``)."""
    lines = []
    for err in exc.errors():
        parts: list[str] = []
        loc = list(err["loc"])
        for i, item in enumerate(loc):
            if isinstance(item, int):
                parts[-1] = f"{parts[-1]}[{item}]" if parts else f"[{item}]"
            elif (
                i > 0
                and isinstance(loc[i - 1], int)
                and parts
                and parts[-1].startswith(("bridge[", "source["))
            ):
                # the discriminated-union tag (sql, rest, baresip...) is not a key
                continue
            else:
                parts.append(str(item))
        path = ".".join(parts) or "(top level)"
        msg = err["msg"].removeprefix("Value error, ")
        if err["type"] == "extra_forbidden":
            msg = "unknown key"
        lines.append(f"{origin}: {path}: {msg}")
    return "\n".join(lines)


def load_config(
    path: Path | None = None,
    *,
    environ: Mapping[str, str] | None = None,
    use_user_file: bool = True,
    use_machine_file: bool = True,
) -> Config:
    """Load and validate every layer; raise ``ConfigError`` naming the key."""
    environ = os.environ if environ is None else environ
    layers: list[tuple[str, dict[str, Any]]] = []
    locked: list[str] = []
    machine: dict[str, Any] = {}
    machine_origin: str | None = None
    if use_machine_file:
        mpath = machine_config_path()
        if mpath.is_file():
            machine_origin = str(mpath)
            machine = read_toml(mpath)
            lock = machine.pop("lock", [])
            if not isinstance(lock, list) or not all(isinstance(k, str) for k in lock):
                raise ConfigError(f"{mpath}: lock: must be a list of dotted key names")
            locked = lock
            layers.append((str(mpath), machine))
    if use_user_file:
        upath = user_config_path()
        if upath.is_file():
            layers.append((str(upath), read_toml(upath)))
    if path is None and environ.get("SCREENPOP_CONFIG"):
        path = Path(environ["SCREENPOP_CONFIG"])
    if path is not None:
        layers.append((str(path), read_toml(path)))
    env = env_layer(environ)
    if env:
        layers.append(("environment", env))

    merged: dict[str, Any] = {}
    for origin, layer in layers:
        is_machine = machine_origin is not None and origin == machine_origin
        if "lock" in layer and not is_machine:
            raise ConfigError(f"{origin}: lock: only the machine-wide file may lock keys")
        layer = dict(layer)
        if not is_machine:
            for key in locked:
                present, _ = _get(layer, key)
                if present:
                    log.warning("%s: %s is locked by the machine-wide config; ignored", origin, key)
                    layer = merge({}, layer)
                    _delete(layer, key)
        # Validate each layer on its own first so the error names the file.
        try:
            Config.model_validate(merge(merged, layer))
        except ValidationError as exc:
            raise ConfigError(format_validation(exc, origin)) from None
        merged = merge(merged, layer)
    for key in locked:
        present, value = _get(machine, key)
        if present:
            _set(merged, key, value)
    merged["locked"] = tuple(locked)
    try:
        return Config.model_validate(merged)
    except ValidationError as exc:
        raise ConfigError(format_validation(exc, "configuration")) from None

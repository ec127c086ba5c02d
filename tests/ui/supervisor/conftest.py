"""The supervisor window against the real PostgreSQL with RLS: one central database for
the module, three replicated workstations (1001 and 1002 in team north, 1003 in south)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from screenpop.config.schema import Config, JournalConfig, SupervisorConfig
from tests.journal.central_support import Central, central_database, floor_specs, replicate


@pytest.fixture(scope="module")
def central_db() -> Iterator[Central]:
    with central_database() as central:
        yield central


@pytest.fixture(scope="module")
def org(central_db: Central, tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    tmp = tmp_path_factory.mktemp("desks")
    logins = {}
    for name, agent, team in (
        ("a", "1001", "north"),
        ("b", "1002", "north"),
        ("c", "1003", "south"),
    ):
        logins[agent] = central_db.agent(name, agent, team)
        replicate(central_db, logins[agent], agent, tmp / f"{name}.db", floor_specs(agent))
    logins["sup_n"] = central_db.supervisor("sup_n", "north")
    logins["sup_both"] = central_db.supervisor("sup_both", "north", "south")
    return logins


def supervisor_config(central: Central, login: str, locale: str = "en_GB") -> Config:
    """A config whose [supervisor] names ``login`` (trust auth: no keyring entry needed)."""
    return Config(
        agent={"extension": "sup", "locale": locale},  # type: ignore[arg-type]
        supervisor=SupervisorConfig(central=central.url(login)),
        journal=JournalConfig(),
    )


@pytest.fixture
def open_window(qtbot: Any) -> Iterator[Any]:
    """Opens a started supervisor window for a config; closes it after the test."""
    from screenpop.ui.supervisor.app import open_window as make

    made: list[Any] = []

    def opener(config: Config) -> Any:
        window = make(config)
        qtbot.addWidget(window)
        made.append(window)
        qtbot.waitUntil(
            lambda: len(window.log.model.rows) > 0 or window.log.status.text() != "", timeout=15000
        )
        return window

    yield opener
    for window in made:
        window.close()


def export_path(tmp_path: Path, name: str) -> Path:
    return tmp_path / name

"""``screenpop supervisor [--config F]``: the command line's door to the window."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from screenpop.cli import main
from tests.journal.central_support import Central


def test_without_a_supervisor_login_it_is_a_configuration_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    config = tmp_path / "s.toml"
    config.write_text('[agent]\nextension = "x"\n')
    assert main(["supervisor", "--config", str(config)]) == 2
    err = capsys.readouterr().err
    assert "supervisor.central is not set" in err
    config.write_text('[supervisor]\ncentral = "postgresql+psycopg://sup:pw@db/screenpop"\n')
    assert main(["supervisor", "--config", str(config)]) == 2
    err = capsys.readouterr().err
    assert "supervisor.central" in err
    assert "pw@" not in err


def test_a_missing_keyring_entry_is_said_in_words(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], memory_keyring: Any, qapp: Any
) -> None:
    config = tmp_path / "s.toml"
    config.write_text(
        '[supervisor]\ncentral = "postgresql+psycopg://sup@127.0.0.1/screenpop"\n'
        'password = "keyring:screenpop/not-stored"\n'
    )
    assert main(["supervisor", "--config", str(config)]) == 1
    err = capsys.readouterr().err
    assert "screenpop secret set screenpop/not-stored" in err


def test_the_command_opens_the_window_as_the_configured_login(
    tmp_path: Path, central_db: Central, org: dict[str, str], qapp: Any
) -> None:
    config = tmp_path / "s.toml"
    config.write_text(f'[supervisor]\ncentral = "{central_db.url(org["sup_n"])}"\n')
    seen: list[str] = []

    def close_when_shown() -> None:
        windows = [
            w for w in QApplication.topLevelWidgets() if w.objectName() == "supervisor-window"
        ]
        visible = [w for w in windows if w.isVisible()]
        if (
            visible
            and visible[0].log.query is not None
            and not visible[0].log.model.loading
            and (visible[0].log.status.text() not in ("", "Loading…"))
        ):
            seen.append(visible[0].windowTitle())
            visible[0].close()
        else:
            QTimer.singleShot(50, close_when_shown)

    QTimer.singleShot(50, close_when_shown)
    assert main(["supervisor", "--config", str(config)]) == 0
    assert seen
    assert org["sup_n"] in seen[0]

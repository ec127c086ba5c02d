"""``SCREENPOP_*`` variables: configuration only as SCREENPOP_SECTION__KEY (issue 10).

Setting ``SCREENPOP_RESOURCES`` (read by the UI) made every command fail with
``environment: resources: unknown key``, and any other ``SCREENPOP_*``
variable stopped every command with exit 2.
"""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from screenpop.config.loader import NOT_CONFIG, ConfigError, load_config


def test_documented_non_config_variables_are_skipped_silently(
    caplog: pytest.LogCaptureFixture,
) -> None:
    environ = dict.fromkeys(NOT_CONFIG, "/somewhere")
    environ.pop("SCREENPOP_CONFIG")  # names a file to read: tested with the loader
    environ.pop("SCREENPOP_MACHINE_CONFIG")
    cfg = load_config(None, environ=environ, use_user_file=False)
    assert cfg.agent.extension == "agent"
    assert "SCREENPOP_" not in caplog.text


def test_resources_variable_does_not_stop_a_command() -> None:
    env = dict(os.environ, SCREENPOP_RESOURCES="/opt/screenpop/resources")
    res = subprocess.run(
        [sys.executable, "-m", "screenpop", "lookup", "+14155550123", "--json"],
        capture_output=True, text=True, timeout=60, env=env,
    )  # fmt: skip
    assert res.returncode == 0, res.stderr
    assert "SCREENPOP_RESOURCES" not in res.stderr


def test_other_variables_are_ignored_with_a_warning(caplog: pytest.LogCaptureFixture) -> None:
    environ = {
        "SCREENPOP_LOG_DIR": "/tmp/x",
        "SCREENPOP_AGENTT__EXTENSION": "17",  # a typo of a section
        "SCREENPOP_LOCKED": "['agent']",  # set by the loader, never by a variable
        "SCREENPOP_AGENT__EXTENSION": "1017",
    }
    cfg = load_config(None, environ=environ, use_user_file=False)
    assert cfg.agent.extension == "1017"
    assert cfg.locked == ()
    assert "SCREENPOP_LOG_DIR is not a configuration variable" in caplog.text
    assert "SCREENPOP_AGENTT__EXTENSION is not a configuration variable (did you mean " \
        "SCREENPOP_AGENT__…?)" in caplog.text
    assert "SCREENPOP_LOCKED is not a configuration variable" in caplog.text
    assert "agent, bridge, source" in caplog.text  # says what the sections are


def test_unknown_key_of_a_known_section_is_still_an_error() -> None:
    with pytest.raises(ConfigError, match=r"environment: agent\.extenson: unknown key"):
        load_config(None, environ={"SCREENPOP_AGENT__EXTENSON": "17"}, use_user_file=False)


def test_cli_warns_and_runs() -> None:
    env = dict(os.environ, SCREENPOP_FOO="1", SCREENPOP_DEMO__ENABLED="false")
    res = subprocess.run(
        [sys.executable, "-m", "screenpop", "lookup", "+14155550123"],
        capture_output=True, text=True, timeout=60, env=env,
    )  # fmt: skip
    assert res.returncode == 0, res.stderr
    assert "SCREENPOP_FOO is not a configuration variable" in res.stderr
    assert "Customer unknown caller" in res.stdout

"""``screenpop supervisor``: the supervisor's window on the central journal, in
its own process (the agent app's tray opens the same window in its own)."""

from __future__ import annotations

import argparse
import sys

from screenpop.cli.config import load_config


def cmd_supervisor(args: argparse.Namespace) -> int:
    """Run the window until it is closed; the process's exit code."""
    from screenpop.config.errors import ConfigError
    from screenpop.config.secrets import SecretError
    from screenpop.journal.central import CentralError
    from screenpop.ui.app import application
    from screenpop.ui.supervisor.app import open_window

    config = load_config(args.config)
    app = application(config.agent.locale)
    try:
        window = open_window(config)
    except CentralError as exc:
        raise ConfigError(str(exc)) from None
    except SecretError as exc:
        print(f"screenpop supervisor: {exc}", file=sys.stderr)
        return 1
    app.setQuitOnLastWindowClosed(True)
    code = app.exec()
    del window
    return int(code)

"""The command line (a contract, see DESIGN.md): ``screenpop.cli:main``.

Exit codes: 0 ok, 2 bad usage or configuration (clear message, nothing
changed), 1 any other failure. ``--json`` output is one JSON document on
stdout; logs go to stderr.

One module per family of commands, each imported only when its command runs:
``parser`` (the grammar), ``app`` (run, lookup), ``demo``, ``journal``
(export, stats), ``maintenance`` (doctor, secret, crosssell, value) and
``card_text`` (the card for a terminal). ``notify``, run by softphones on
every ring, imports nothing beyond the standard library and its client.
"""

from __future__ import annotations

import argparse
import importlib
import logging
import sys
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from screenpop.cli.parser import EXIT_FAIL, EXIT_OK, EXIT_USAGE, UsageError, build_parser
from screenpop.config.errors import ConfigError

if TYPE_CHECKING:
    from screenpop.config.schema import Config

__all__ = ["EXIT_FAIL", "EXIT_OK", "EXIT_USAGE", "UsageError", "build_parser", "main"]

log = logging.getLogger("screenpop")

#: command -> (module under screenpop.cli, function)
COMMANDS: dict[str, tuple[str, str]] = {
    "run": ("app", "cmd_run"),
    "demo": ("demo", "cmd_demo"),
    "lookup": ("app", "cmd_lookup"),
    "journal": ("journal", "cmd_journal"),
    "doctor": ("maintenance", "cmd_doctor"),
    "secret": ("maintenance", "cmd_secret"),
    "crosssell": ("maintenance", "cmd_crosssell"),
    "value": ("maintenance", "cmd_value"),
    "supervisor": ("supervisor", "cmd_supervisor"),
}


def setup_logging(verbose: int, default: int = logging.WARNING) -> None:
    level = default if verbose == 0 else (logging.INFO if verbose == 1 else logging.DEBUG)
    logging.basicConfig(
        level=level, stream=sys.stderr, format="%(asctime)s %(levelname)s %(name)s: %(message)s"
    )


def cmd_notify(args: argparse.Namespace) -> int:
    from screenpop.notify_client import NotifyError, default_runtime_dir, send

    try:
        call_id = send(
            default_runtime_dir(),
            args.number,
            name=args.name,
            call_id=args.call_id,
            event=args.event,
            attached={"account": args.account} if args.account else None,
        )
    except NotifyError as exc:
        print(f"screenpop notify: {exc}", file=sys.stderr)
        return EXIT_FAIL
    print(call_id)
    return EXIT_OK


def _command(name: str) -> Callable[[argparse.Namespace], int]:
    if name == "notify":
        return cmd_notify
    module, function = COMMANDS[name]
    command: Callable[[argparse.Namespace], int] = getattr(
        importlib.import_module(f"screenpop.cli.{module}"), function
    )
    return command


def _build_crosssell(config: Config, *, quiet: bool = False) -> int:
    """``crosssell build`` on a loaded config (benchmarks call it directly)."""
    from screenpop.cli.maintenance import build_crosssell

    return build_crosssell(config, quiet=quiet)


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except UsageError as exc:
        print(exc, file=sys.stderr)
        return EXIT_USAGE
    command = args.command or "run"
    if command == "run" and args.command is None:
        args.config, args.headless = None, False
    quiet_default = logging.INFO if command in ("run", "demo") else logging.WARNING
    setup_logging(args.verbose, quiet_default)
    try:
        return _command(command)(args)
    except UsageError as exc:
        print(exc, file=sys.stderr)
        return EXIT_USAGE
    except ConfigError as exc:
        print(f"screenpop: configuration error:\n{exc}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        return EXIT_FAIL
    except Exception as exc:
        log.debug("failure", exc_info=True)
        print(f"screenpop: {type(exc).__name__}: {exc}", file=sys.stderr)
        return EXIT_FAIL

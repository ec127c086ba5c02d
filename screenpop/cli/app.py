"""``screenpop run`` and ``screenpop lookup``: the agent app, and one lookup."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from screenpop.cli.card_text import render_card
from screenpop.cli.config import load_config
from screenpop.cli.parser import EXIT_FAIL, EXIT_OK

if TYPE_CHECKING:
    from screenpop.config.schema import Config


def cmd_run(args: argparse.Namespace) -> int:
    config = load_config(args.config)
    return run_app(config, headless=args.headless)


def run_app(
    config: Config,
    *,
    headless: bool,
    journal_path: Path | None = None,
    demo_calls: tuple[Any, ...] = (),
    done_after: int | None = None,
) -> int:
    """The engine with a window, or headless printing one JSON line per pop."""
    from screenpop.bridges.notify import AlreadyRunning
    from screenpop.engine import Engine
    from screenpop.journal import JournalError

    engine = Engine(config, journal_path=journal_path, demo_calls=demo_calls)
    try:
        # The single-instance lock and the journal first, before any window:
        # another instance or a damaged journal is one clear line, not a traceback.
        engine.prepare()
    except AlreadyRunning as exc:
        print(f"screenpop: {exc}", file=sys.stderr)
        return EXIT_FAIL
    except JournalError as exc:
        print(f"screenpop: {str(exc).splitlines()[0]}", file=sys.stderr)
        return EXIT_FAIL
    try:
        if headless:
            from screenpop.headless import run_headless

            return run_headless(engine, sys.stdout, done_after)
        from screenpop.ui.app import run_gui

        return run_gui(engine, config)
    except AlreadyRunning as exc:
        print(f"screenpop: {exc}", file=sys.stderr)
        return EXIT_FAIL


def cmd_lookup(args: argparse.Namespace) -> int:
    from screenpop.engine import Engine

    config = load_config(args.config)
    engine = Engine(config)
    try:
        card = engine.lookup_once(args.number, {"account": args.account} if args.account else None)
    finally:
        engine.close_sources()
    if args.json:
        print(json.dumps(card.to_json(), ensure_ascii=False, indent=2))
    else:
        print(render_card(card.to_json()))
    return EXIT_OK

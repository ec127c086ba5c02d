"""``screenpop run`` and ``screenpop lookup``: the agent app, and one lookup."""

from __future__ import annotations

import argparse
import json
import logging
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from screenpop.cli.card_text import render_card
from screenpop.cli.config import load_config
from screenpop.cli.parser import EXIT_FAIL, EXIT_OK

if TYPE_CHECKING:
    from screenpop.config.schema import Config
    from screenpop.remote.spawn import Spawned


def cmd_run(args: argparse.Namespace) -> int:
    spawned = None
    if not args.headless:
        from screenpop.remote.spawn import spawn

        # The engine process imports the engine while this one reads the
        # configuration and loads Qt (benchmarks/cold_start.py).
        spawned = spawn()
    config = load_config(args.config)
    return run_app(config, headless=args.headless, spawned=spawned)


def run_app(
    config: Config,
    *,
    headless: bool,
    journal_path: Path | None = None,
    demo_calls: tuple[Any, ...] = (),
    done_after: int | None = None,
    spawned: Spawned | None = None,
) -> int:
    """The engine with a window, or headless printing one JSON line per pop.

    With a window the engine runs in a process of its own
    (``screenpop.remote``): its workers then never hold the interpreter
    lock the window needs (``benchmarks/burst.py``). Headless, nothing waits
    on a GUI thread, and the engine runs in this process.
    """
    from screenpop.bridges.notify import AlreadyRunning
    from screenpop.journal import JournalError

    if headless:
        from screenpop.engine import Engine

        core: Any = Engine(config, journal_path=journal_path, demo_calls=demo_calls)
    else:
        from screenpop.remote.client import RemoteCore
        from screenpop.remote.wire import EngineSpec

        spec = EngineSpec(
            config,
            journal_path=journal_path,
            demo_calls=demo_calls,
            log_level=logging.getLogger().getEffectiveLevel(),
        )
        core = RemoteCore(spec, spawned=spawned)
        core.launch()  # the engine starts while this process loads Qt
        import screenpop.ui.app  # noqa: F401  (Qt loads while the engine starts)
    try:
        # The single-instance lock and the journal first, before any window:
        # another instance or a damaged journal is one clear line, not a traceback.
        core.prepare()
    except AlreadyRunning as exc:
        print(f"screenpop: {exc}", file=sys.stderr)
        return EXIT_FAIL
    except JournalError as exc:
        print(f"screenpop: {str(exc).splitlines()[0]}", file=sys.stderr)
        return EXIT_FAIL
    try:
        if headless:
            from screenpop.headless import run_headless

            return run_headless(core, sys.stdout, done_after)
        from screenpop.ui.app import run_gui

        return run_gui(core, config)
    except AlreadyRunning as exc:
        print(f"screenpop: {exc}", file=sys.stderr)
        return EXIT_FAIL
    finally:
        core.stop()


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

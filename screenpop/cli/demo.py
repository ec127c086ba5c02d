"""``screenpop demo``: the embedded demo, under IT's machine-wide configuration.

The demo is a command like any other: its configuration is the demo's file
as the ``--config`` layer over the machine-wide file, and IT's locks hold. So
an agent cannot use the demo's file (which they can edit) to run what the
machine forbids, and IT can turn the demo off (``[demo] enabled = false``,
locked). What the demo keeps for itself: its calls are made up, so they are
journaled in the demo's own folder and never replicated to the central
journal; it rings only its own calls (no other bridge, so no listener); and it
refuses to start where the locks replace the demo's own bridge or sources (it
would no longer be the demo).
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from screenpop.cli.config import load_config
from screenpop.cli.parser import UsageError
from screenpop.config.errors import ConfigError

if TYPE_CHECKING:
    from screenpop.config.schema import Config
    from screenpop.demo.build import DemoSet


def check_allowed() -> None:
    """Refuse before anything is built when the machine turns the demo off.

    Reads the machine-wide file and the environment only (not
    ``$SCREENPOP_CONFIG``, which is not the demo's file).
    """
    environ = {k: v for k, v in os.environ.items() if k != "SCREENPOP_CONFIG"}
    machine = load_config(None, environ=environ, use_user_file=False)
    if not machine.demo.enabled:
        how = "locked off by IT" if _locked(machine, "demo.enabled") else "turned off"
        raise ConfigError(f"demo.enabled: the demo is {how} on this machine")


def _locked(config: Config, key: str) -> bool:
    return any(key == lock or key.startswith(lock + ".") for lock in config.locked)


def demo_config(demo: DemoSet, *, calls: int, interval: float | None) -> Config:
    """The demo's file over the machine-wide layer; the demo bridge set to ``calls``.

    The demo rings its own made-up calls and nothing else: a bridge added to
    its file (a listener on 0.0.0.0, say) is refused, and so is a machine
    whose locks replace the demo's bridge or sources. Its journal never
    replicates, wherever ``journal.central`` was set.
    """
    from screenpop.config.loader import read_toml

    config = load_config(demo.config, use_user_file=False)
    if not any(b.kind == "demo" for b in config.bridge) or _locked(config, "bridge"):
        raise ConfigError(
            "bridge: locked by the machine-wide configuration; the demo needs its own demo "
            "bridge and cannot run on this machine"
        )
    for i, b in enumerate(config.bridge):
        if b.kind != "demo":
            raise ConfigError(
                f"{demo.config}: bridge[{i}]: the demo rings only its own calls; remove the "
                f"{b.kind} bridge (use `screenpop run --config` for real calls)"
            )
    own = read_toml(demo.config)
    own_sources = {(s.get("name"), s.get("url")) for s in own.get("source", [])}
    got_sources = {(s.name, getattr(s, "url", None)) for s in config.source}
    if not own_sources <= got_sources:
        raise ConfigError(
            "source: locked by the machine-wide configuration; the demo needs its own "
            "sources and cannot run on this machine"
        )
    bridges = []
    for b in config.bridge:
        update: dict[str, Any] = {"calls": calls}
        if interval is not None:
            update["interval"] = interval
        bridges.append(b.model_copy(update=update))
    journal = config.journal.model_copy(update={"central": None, "password": None})
    return config.model_copy(update={"bridge": tuple(bridges), "journal": journal})


def cmd_demo(args: argparse.Namespace) -> int:
    from screenpop.cli.app import run_app
    from screenpop.config.loader import user_data_dir
    from screenpop.demo.build import build_demo

    if args.calls < 0:
        raise UsageError("--calls must be 0 (forever) or more")
    if args.interval is not None and not args.interval > 0:
        raise UsageError("--interval must be more than 0 seconds")
    check_allowed()
    target = user_data_dir() / "demo"
    print(f"screenpop demo: preparing demo data in {target} ...", file=sys.stderr)
    demo = build_demo(target)
    config = demo_config(demo, calls=args.calls, interval=args.interval)
    model = config.crosssell.model
    if model is not None and not Path(model).exists():
        from screenpop.demo.build import DATA_DIR

        # The installed bundles ship the demo's model (they leave scipy out).
        shipped = DATA_DIR / "crosssell.model"
        if shipped.is_file():
            import shutil

            shutil.copyfile(shipped, model)
        else:
            from screenpop.cli.maintenance import build_crosssell

            print("screenpop demo: learning cross-sells from the demo sales ...", file=sys.stderr)
            build_crosssell(config, quiet=True)
    return run_app(
        config,
        headless=args.headless,
        journal_path=target / "journal.db",
        demo_calls=tuple(demo.calls),
        done_after=args.calls or None,
    )

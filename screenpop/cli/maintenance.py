"""What IT and the business run now and then: ``doctor``, ``secret set``,
``crosssell build`` and ``value tiers``."""

from __future__ import annotations

import argparse
import getpass
import sys
import time
from typing import TYPE_CHECKING

from screenpop.cli.config import load_config
from screenpop.cli.parser import EXIT_FAIL, EXIT_OK, UsageError
from screenpop.config.errors import ConfigError

if TYPE_CHECKING:
    from screenpop.config.schema import Config
    from screenpop.sources.base import Source


def cmd_doctor(args: argparse.Namespace) -> int:
    from screenpop.doctor import run_doctor

    config = load_config(args.config)
    return run_doctor(config, sys.stdout)


def cmd_secret(args: argparse.Namespace) -> int:
    from screenpop.config.secrets import SecretError, split_ref, store

    if args.secret_command != "set":
        raise UsageError("screenpop secret: say `set SERVICE/NAME`")
    try:
        split_ref(args.ref)
    except SecretError as exc:
        raise UsageError(f"screenpop secret set: {exc}") from None
    if sys.stdin.isatty():
        value = getpass.getpass(f"Secret for {args.ref}: ")
    else:
        value = sys.stdin.readline().rstrip("\r\n")
    try:
        store(args.ref, value)
    except SecretError as exc:
        print(f"screenpop secret: {exc}", file=sys.stderr)
        return EXIT_FAIL
    print(f"stored {args.ref} in the keyring", file=sys.stderr)
    return EXIT_OK


def _sales_source(config: Config) -> Source:
    """The first sales source with a ``history`` query, built (only that one)."""
    from screenpop.sources.registry import create

    sales = [s for s in config.source if s.section == "purchases" and getattr(s, "history", None)]
    if not sales:
        raise ConfigError("source: no sales source (section = 'purchases') with a 'history' query")
    return create(sales[0])


def build_crosssell(config: Config, *, quiet: bool = False) -> int:
    """Learn the model of cross-sells and reorders from the sales history and write it."""
    from tqdm import tqdm

    if config.crosssell.model is None:
        raise ConfigError("crosssell.model: set where the model is written")
    try:
        import scipy  # noqa: F401  (the fit needs it; the agent bundles leave it out)
    except ImportError:
        print(
            "screenpop crosssell build: needs scipy, which the installed agent app leaves out. "
            "Build the model where screenpop is installed with pip (`pip install screenpop`, "
            "e.g. on a server), then point crosssell.model at the file.",
            file=sys.stderr,
        )
        return EXIT_FAIL
    from screenpop.crosssell.build import BuildError, build

    started = time.perf_counter()
    try:
        with tqdm(unit=" lines", unit_scale=True, disable=quiet, file=sys.stderr) as bar:
            model = build(
                config,
                progress=lambda n: bar.update(n - bar.n),
                phase=lambda text: None if quiet else tqdm.write(text, file=sys.stderr),
            )
    except BuildError as exc:
        raise ConfigError(str(exc)) from None
    if not quiet:
        from screenpop.crosssell.report import build_summary

        print(build_summary(model, config, time.perf_counter() - started), file=sys.stderr)
    return EXIT_OK


def cmd_crosssell(args: argparse.Namespace) -> int:
    if args.crosssell_command != "build":
        raise UsageError("screenpop crosssell: say `build`")
    return build_crosssell(load_config(args.config))


def cmd_value(args: argparse.Namespace) -> int:
    """``value tiers``: thresholds from the whole sales history, as a ``[value]`` table.

    Computed once and reviewed like any policy rather than on every
    workstation (``screenpop/value.py`` says why). Options not given come from
    the configuration's ``[value]``, so a re-run keeps what was decided.
    """
    from datetime import date

    from screenpop.sources.base import SourceError
    from screenpop.value import render_toml, revenues, thresholds

    if args.value_command != "tiers":
        raise UsageError("screenpop value: say `tiers`")
    if args.lapsed_days is not None and args.lapsed_days < 0:
        raise UsageError("screenpop value tiers: --lapsed-days must be 0 or more")
    if args.as_of:
        try:
            date.fromisoformat(args.as_of)
        except ValueError:
            raise UsageError(
                f"screenpop value tiers: --as-of {args.as_of!r} is not a date (YYYY-MM-DD)"
            ) from None
    config = load_config(args.config)
    current = config.value
    currency = args.currency or (current.currency if current else "GBP")
    lapsed = args.lapsed_days if args.lapsed_days is not None else (
        current.lapsed_days if current else 365
    )
    as_of = args.as_of if args.as_of is not None else (current.as_of if current else "")
    source = _sales_source(config)
    try:
        by_customer = revenues(source.history())
        bands = thresholds(by_customer)
    except (SourceError, ValueError) as exc:
        print(f"screenpop value tiers: cannot compute tiers: {exc}", file=sys.stderr)
        return EXIT_FAIL
    finally:
        source.close()
    sys.stdout.write(
        render_toml(
            bands, currency=currency, customers=len(by_customer), lapsed_days=lapsed, as_of=as_of
        )
    )
    return EXIT_OK

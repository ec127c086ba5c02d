"""The command line (a contract, see DESIGN.md).

Exit codes: 0 ok, 2 bad usage or configuration (clear message, nothing
changed), 1 any other failure. ``--json`` output is one JSON document on
stdout; logs go to stderr.
"""

from __future__ import annotations

import argparse
import getpass
import json
import logging
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from screenpop import __version__
from screenpop.config.errors import ConfigError

if TYPE_CHECKING:
    from screenpop.config.schema import Config

log = logging.getLogger("screenpop")

EXIT_OK, EXIT_FAIL, EXIT_USAGE = 0, 1, 2


class UsageError(Exception):
    """Bad arguments: exit 2."""


class ArgumentParser(argparse.ArgumentParser):
    def error(self, message: str) -> Any:  # argparse would exit itself
        raise UsageError(f"{self.prog}: {message}")


def _add_config(p: argparse.ArgumentParser) -> None:
    p.add_argument("--config", type=Path, metavar="FILE", help="TOML configuration file")


def build_parser() -> ArgumentParser:
    parser = ArgumentParser(prog="screenpop", description="Call-centre screen pop.")
    parser.add_argument("--version", action="version", version=f"screenpop {__version__}")
    parser.add_argument("-v", "--verbose", action="count", default=0, help="more logging on stderr")
    sub = parser.add_subparsers(dest="command", parser_class=ArgumentParser)

    p = sub.add_parser("run", help="the agent app")
    _add_config(p)
    p.add_argument("--headless", action="store_true", help="no window; one JSON line per pop")

    p = sub.add_parser("demo", help="the embedded demo on the real retail data")
    p.add_argument("--headless", action="store_true")
    p.add_argument("--calls", type=int, default=0, metavar="N", help="stop after N calls")
    p.add_argument("--interval", type=float, default=None, help="seconds between demo rings")

    p = sub.add_parser("lookup", help="one lookup, printed as a card")
    p.add_argument("number")
    _add_config(p)
    p.add_argument("--json", action="store_true", help="print the card object")
    p.add_argument("--account", default="", help="an IVR-entered account number")

    p = sub.add_parser("notify", help="hand a call to the running instance")
    p.add_argument("number")
    p.add_argument("--name", default="")
    p.add_argument("--call-id", default="")
    p.add_argument("--event", default="ringing", choices=["ringing", "answered", "ended", "missed"])
    p.add_argument("--account", default="", help="IVR-entered account number")

    p = sub.add_parser("journal", help="the call journal")
    jsub = p.add_subparsers(dest="journal_command", parser_class=ArgumentParser)
    e = jsub.add_parser("export", help="journal rows for supervisors")
    _add_config(e)
    e.add_argument(
        "--since",
        default=None,
        metavar="D",
        help="date, ISO date-time (UTC unless an offset), or 7d/12h",
    )
    e.add_argument("--format", choices=["csv", "json"], default="csv")
    e.add_argument(
        "--central",
        action="store_true",
        help="read the central PostgreSQL journal as the configured login (row-level "
        "security decides which agents' calls it sees)",
    )
    e.add_argument("--agent", default=None, metavar="X", help="with --central: one agent only")
    _add_search(e)

    st = jsub.add_parser("stats", help="the figures supervisors manage by")
    _add_config(st)
    st.add_argument(
        "--central",
        action="store_true",
        help="the central PostgreSQL journal as the configured login (row-level security "
        "decides which agents' calls count)",
    )
    st.add_argument("--since", default=None, metavar="D", help="from D (as for export)")
    st.add_argument("--until", default=None, metavar="D", help="before D (as --since)")
    st.add_argument(
        "--by",
        choices=["day", "agent", "hour", "none"],
        default="none",
        help="one row per UTC day, per agent (--central only), per UTC clock hour, or one",
    )
    st.add_argument("--format", choices=["table", "csv", "json"], default="table")

    p = sub.add_parser("doctor", help="check config, sources, bridges, keyring")
    _add_config(p)

    p = sub.add_parser("secret", help="secrets in the OS keyring")
    ssub = p.add_subparsers(dest="secret_command", parser_class=ArgumentParser)
    s = ssub.add_parser("set", help="store a secret (prompt, or stdin when not a terminal)")
    s.add_argument("ref", metavar="SERVICE/NAME")

    p = sub.add_parser("crosssell", help="the cross-sell model")
    csub = p.add_subparsers(dest="crosssell_command", parser_class=ArgumentParser)
    b = csub.add_parser("build", help="rebuild it from the sales source")
    _add_config(b)
    return parser


def _add_search(e: argparse.ArgumentParser) -> None:
    """``journal export``'s search filters (all in SQL, combined with AND)."""
    e.add_argument("--until", default=None, metavar="D", help="rang before D (as --since)")
    e.add_argument(
        "--state",
        action="append",
        default=None,
        metavar="S",
        help="ringing, answered, ended or missed (repeat for several)",
    )
    e.add_argument("--customer", default=None, metavar="ID", help="one customer id")
    e.add_argument(
        "--number",
        default=None,
        metavar="N",
        help="the caller's number in any form (national, +44..., 0044...)",
    )
    e.add_argument("--disposition", default=None, metavar="X", help="one wrap-up disposition")
    e.add_argument(
        "--text",
        default=None,
        metavar="T",
        help="case-insensitive, literal substring of caller name, customer name or notes",
    )
    e.add_argument("--limit", type=int, default=None, metavar="N", help="at most N rows")


def setup_logging(verbose: int, default: int = logging.WARNING) -> None:
    level = default if verbose == 0 else (logging.INFO if verbose == 1 else logging.DEBUG)
    logging.basicConfig(
        level=level, stream=sys.stderr, format="%(asctime)s %(levelname)s %(name)s: %(message)s"
    )


# ------------------------------------------------------------------ commands --


def load_config(path: Path | None = None, **kwargs: Any) -> Config:
    """The loader, imported on first use: ``notify`` never needs the schema."""
    from screenpop.config.loader import load_config as load

    return load(path, **kwargs)


def cmd_run(args: argparse.Namespace) -> int:
    config = load_config(args.config)
    return _run_app(config, headless=args.headless)


def _run_app(
    config: Config,
    *,
    headless: bool,
    journal_path: Path | None = None,
    demo_calls: tuple[Any, ...] = (),
    done_after: int | None = None,
) -> int:
    from screenpop.bridges.notify import AlreadyRunning
    from screenpop.engine import Engine

    engine = Engine(config, journal_path=journal_path, demo_calls=demo_calls)
    try:
        if headless:
            from screenpop.headless import run_headless

            return run_headless(engine, sys.stdout, done_after)
        from screenpop.ui.app import run_gui

        return run_gui(engine, config)
    except AlreadyRunning as exc:
        print(f"screenpop: {exc}", file=sys.stderr)
        return EXIT_FAIL


def cmd_demo(args: argparse.Namespace) -> int:
    from screenpop.demo.build import build_demo

    if args.calls < 0:
        raise UsageError("--calls must be 0 (forever) or more")
    from screenpop.config.loader import user_data_dir

    target = user_data_dir() / "demo"
    print(f"screenpop demo: preparing demo data in {target} ...", file=sys.stderr)
    demo = build_demo(target)
    config = load_config(demo.config, use_user_file=False, use_machine_file=False)
    bridges = []
    for b in config.bridge:
        if b.kind == "demo":
            update: dict[str, Any] = {"calls": args.calls}
            if args.interval is not None:
                update["interval"] = args.interval
            b = b.model_copy(update=update)
        bridges.append(b)
    config = config.model_copy(update={"bridge": tuple(bridges)})
    model = config.crosssell.model
    if model is not None and not Path(model).exists():
        print("screenpop demo: learning cross-sells from the demo sales ...", file=sys.stderr)
        _build_crosssell(config, quiet=True)
    return _run_app(
        config,
        headless=args.headless,
        journal_path=target / "journal.db",
        demo_calls=tuple(demo.calls),
        done_after=args.calls or None,
    )


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


def render_card(card: dict[str, Any]) -> str:
    """The card as plain text for a terminal."""
    num = card["number"]
    lines = [f"Number   {num['received']}  ->  {num['e164'] or '(not a valid number)'}"]
    cust = card["customer"]
    if cust:
        lines.append(f"Customer {cust['name']} (#{cust['customer_id']})")
    elif card["matches"]:
        lines.append(f"Customer one of {len(card['matches'])}:")
        lines += [f"         - {m['name']} (#{m['customer_id']})" for m in card["matches"]]
    else:
        lines.append("Customer unknown caller")
    for name, sec in card["sections"].items():
        head = f"{name:<12}"
        if sec["status"] != "ok":
            lines.append(
                f"{head}{sec['status']}" + (f": {sec['error']}" if sec.get("error") else "")
            )
            continue
        data = sec["data"]
        if isinstance(data, list | tuple):
            lines.append(f"{head}{len(data)} item(s)")
            for row in data[:10]:
                lines.append("    " + "  ".join(str(v) for v in row.values()))
        else:
            lines.append(head + ", ".join(f"{k}={v}" for k, v in data.items()))
    lat = card["latency_ms"]
    if "total" in lat:
        lines.append(f"(looked up in {lat['total']:.1f} ms)")
    return "\n".join(lines)


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


def cmd_journal(args: argparse.Namespace) -> int:
    from screenpop.journal.search import build_filters

    if args.journal_command not in ("export", "stats"):
        raise UsageError("screenpop journal: say `export` or `stats`")
    prog = f"screenpop journal {args.journal_command}"
    if args.journal_command == "export" and args.agent is not None and not args.central:
        raise UsageError(f"{prog}: --agent needs --central")
    if args.journal_command == "stats" and args.by == "agent" and not args.central:
        raise UsageError(
            f"{prog}: --by agent needs --central (this workstation's journal is one agent's calls)"
        )
    config = load_config(args.config)
    search: dict[str, Any] = {}
    if args.journal_command == "export":
        search = {
            "states": args.state,
            "customer": args.customer,
            "number": args.number,
            "disposition": args.disposition,
            "text": args.text,
            "limit": args.limit,
        }
    try:
        filters = build_filters(
            since=args.since, until=args.until, region=config.agent.region, **search
        )
    except ValueError as exc:
        raise UsageError(f"{prog}: {exc}") from None
    if args.central:
        return _central(config, args, filters)
    journal = _open_local_journal(config)
    try:
        if args.journal_command == "stats":
            return _stats_local(journal, args, filters)
        from screenpop.journal.export import export

        export(journal, sys.stdout, fmt=args.format, filters=filters)
    finally:
        journal.close()
    return EXIT_OK


def _open_local_journal(config: Config) -> Any:
    from screenpop.journal import Journal
    from screenpop.paths import default_journal_path

    path = Path(config.journal.local) if config.journal.local else default_journal_path()
    if not path.exists():
        raise ConfigError(f"journal {path} does not exist (no calls recorded on this workstation)")
    return Journal(path)


def _stats_local(journal: Any, args: argparse.Namespace, filters: Any) -> int:
    """``journal stats`` on this workstation's journal: computed first, then written."""
    from screenpop.journal.stats import compute, write

    with journal.reader() as conn:
        groups = compute(conn, dialect="sqlite", by=args.by, filters=filters)
    write(groups, sys.stdout, fmt=args.format, by=args.by, since=args.since, until=args.until)
    return EXIT_OK


def _central(config: Config, args: argparse.Namespace, filters: Any) -> int:
    """``journal export|stats --central``: what the configured login may read (RLS decides)."""
    from sqlalchemy.exc import SQLAlchemyError

    from screenpop.config.secrets import SecretError, resolve
    from screenpop.journal.central import (
        CentralError,
        central_url,
        check_schema,
        create_central_engine,
        describe,
        where,
    )
    from screenpop.journal.export import export_central
    from screenpop.journal.stats import compute, write

    prog = f"screenpop journal {args.journal_command}"
    if not config.journal.central:
        raise ConfigError(
            "journal.central: not set; --central reads the central journal named there "
            '(central = "postgresql+psycopg://LOGIN@HOST/DATABASE")'
        )
    try:
        url = central_url(config.journal, resolve)
    except SecretError as exc:
        print(f"{prog}: {exc}", file=sys.stderr)
        return EXIT_FAIL
    password = url.password if isinstance(url.password, str) else None
    engine = create_central_engine(url, statement_timeout_s=0)
    try:
        if args.journal_command == "export":
            with engine.connect() as conn:
                check_schema(conn)
                export_central(
                    conn, sys.stdout, agent=args.agent, fmt=args.format, filters=filters
                )
            return EXIT_OK
        # One snapshot for all of the report's queries, read-only.
        with engine.connect().execution_options(
            isolation_level="REPEATABLE READ", postgresql_readonly=True
        ) as conn:
            check_schema(conn)
            groups = compute(conn, dialect="postgresql", by=args.by, filters=filters)
        write(groups, sys.stdout, fmt=args.format, by=args.by, since=args.since, until=args.until)
    except (CentralError, SQLAlchemyError) as exc:
        print(f"{prog}: central journal {where(url)}: {describe(exc, password)}", file=sys.stderr)
        return EXIT_FAIL
    finally:
        engine.dispose()
    return EXIT_OK


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


def _build_crosssell(config: Config, *, quiet: bool = False) -> int:
    from tqdm import tqdm

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
    return _build_crosssell(load_config(args.config))


def cmd_doctor(args: argparse.Namespace) -> int:
    from screenpop.doctor import run_doctor

    config = load_config(args.config)
    return run_doctor(config, sys.stdout)


COMMANDS = {
    "run": cmd_run,
    "demo": cmd_demo,
    "lookup": cmd_lookup,
    "notify": cmd_notify,
    "journal": cmd_journal,
    "doctor": cmd_doctor,
    "secret": cmd_secret,
    "crosssell": cmd_crosssell,
}


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
        return COMMANDS[command](args)
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

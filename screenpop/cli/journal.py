"""``screenpop journal export|stats``: the journal for supervisors, local or central."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from screenpop.cli.config import load_config
from screenpop.cli.parser import EXIT_FAIL, EXIT_OK, UsageError
from screenpop.config.errors import ConfigError

if TYPE_CHECKING:
    from screenpop.config.schema import Config


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
        create_central_engine,
        describe,
        where,
    )
    from screenpop.journal.central_checks import check_schema
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
    # Every central session has its timeouts (journal/central.py): an export
    # answers or fails clearly while an agent holds a lock.
    engine = create_central_engine(url)
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

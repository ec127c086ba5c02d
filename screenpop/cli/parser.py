"""The command line's grammar (a contract, see DESIGN.md) and its usage errors.

Standard library only: ``screenpop notify`` runs on every ring of softphones
that start a command, and must not pay for more than parsing its arguments.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from screenpop import __version__

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

    _add_journal(sub)

    p = sub.add_parser("supervisor", help="the supervisor's window on the central journal")
    _add_config(p)

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

    p = sub.add_parser("value", help="customer value tiers")
    vsub = p.add_subparsers(dest="value_command", parser_class=ArgumentParser)
    t = vsub.add_parser(
        "tiers", help="compute tier thresholds from the sales history; print the [value] table"
    )
    _add_config(t)
    t.add_argument("--currency", default=None, metavar="C",
                   help="currency of the sales amounts (default: value.currency, else GBP)")
    t.add_argument("--as-of", default=None, metavar="D",
                   help="'today' for recency, YYYY-MM-DD (default: value.as_of)")
    t.add_argument("--lapsed-days", type=int, default=None, metavar="N",
                   help="no order for N days: one tier down (default: value.lapsed_days, "
                   "else 365)")  # fmt: skip
    return parser


def _add_journal(sub: Any) -> None:
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

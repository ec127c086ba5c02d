"""``screenpop doctor``: check everything an installation depends on, in words
an IT person can act on. Exit 1 when anything is wrong.

Each bridge and source is checked by its own plugin (``check`` in its
declaration module, through the registries): this module knows no kind.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TextIO

import phonenumbers

from screenpop.config.fields import secret_refs
from screenpop.config.plugins import CheckContext
from screenpop.config.schema import Config
from screenpop.config.secrets import SecretError, backend_name, resolve
from screenpop.phone import normalise


def _secret_refs(config: Config) -> Iterator[tuple[str, str]]:
    """(where, ref) for every keyring reference in the configuration, whatever the
    plugin: fields declared ``SecretRef`` are found in every model, nested ones too."""
    for i, b in enumerate(config.bridge):
        for key, ref in secret_refs(b):
            yield f"bridge[{i}] {b.label}.{key}", ref
    for s in config.source:
        for key, ref in secret_refs(s):
            yield f"source {s.name}.{key}", ref
    for key, ref in secret_refs(config.journal):
        yield f"journal.{key}", ref


def _sample(region: str) -> dict[str, str]:
    """Bound parameters of the region's example number: what source checks look up."""
    example = phonenumbers.example_number(region)
    number = normalise(
        phonenumbers.format_number(example, phonenumbers.PhoneNumberFormat.E164) if example else "",
        region,
    )
    return dict(number.params(), account="", customer_id="")


def _check_central(
    config: Config, backlog: int | None, report: Callable[[bool, str, str], None]
) -> None:
    """The central journal as the workstation's login: reachable, schema there,
    allowed to replicate this agent's calls, and subject to row-level security.

    Only reads; never creates anything centrally. Messages name what to do and
    never carry the password (drivers' echoes are scrubbed).
    """
    from sqlalchemy.exc import SQLAlchemyError

    from screenpop.journal.central import (
        CentralError,
        central_url,
        create_central_engine,
        describe,
        where,
    )
    from screenpop.journal.central_checks import check_schema, login_info, replication_problem

    what = "central journal"
    try:
        url = central_url(config.journal, resolve)
    except SecretError as exc:
        report(False, what, f"cannot log in without its password: {exc}")
        return
    password = url.password if isinstance(url.password, str) else None
    engine = create_central_engine(url, statement_timeout_s=5.0)
    try:
        started = time.perf_counter()
        with engine.connect() as conn:
            elapsed = (time.perf_counter() - started) * 1000
            check_schema(conn)
            info = login_info(conn)
    except (CentralError, SQLAlchemyError) as exc:
        report(False, what, f"{where(url)}: {describe(exc, password)}")
        return
    finally:
        engine.dispose()
    report(True, what, f"{where(url)} reachable in {elapsed:.0f} ms, schema present")
    problem = replication_problem(info, config.agent.extension)
    if problem and info.supervised_teams:
        problem += (
            f" (it supervises {', '.join(info.supervised_teams)}: fine for "
            "`journal export --central`, not for a workstation)"
        )
    report(
        problem is None,
        "central journal login",
        problem or f"{info.login} replicates agent {info.agent!r} of team {info.team!r}",
    )
    if info.bypasses_rls:
        report(
            False,
            "central journal security",
            f"login {info.login} bypasses row-level security (superuser, BYPASSRLS or the "
            "table's owner) and could read and change every agent's calls: give the "
            "workstation its own login in screenpop_agent",
        )
    if backlog is not None:
        report(True, "central journal backlog", f"{backlog} call(s) waiting to be sent")


def _check_case_backlog(path: Path, source: str, report: Callable[[bool, str, str], None]) -> None:
    """Cases opened from calls that have not reached the service desk, and why.

    A backlog with no error is cases on their way (the app sends them within
    seconds); one whose last try failed is a service desk that is down or a
    statement it refuses, and is a problem until it drains.
    """
    from screenpop.journal.errors import JournalError
    from screenpop.journal.store import Journal

    what = f"service desk backlog ({source})"
    try:
        with Journal(path, check="none") as journal:
            backlog = journal.case_backlog()
    except JournalError as exc:
        report(False, what, str(exc))
        return
    if backlog.count == 0:
        report(True, what, "every case opened from a call has reached the service desk")
        return
    oldest = backlog.oldest_created_at or time.time()
    detail = (
        f"{backlog.count} case(s) kept locally, the oldest for {_age(time.time() - oldest)}"
    )
    if backlog.last_error:
        detail += f"; last try failed: {backlog.last_error}"
    report(backlog.last_error is None, what, detail)


def _age(seconds: float) -> str:
    seconds = max(0.0, seconds)
    if seconds < 120:
        return f"{seconds:.0f} s"
    if seconds < 7200:
        return f"{seconds / 60:.0f} min"
    if seconds < 172800:
        return f"{seconds / 3600:.1f} h"
    return f"{seconds / 86400:.1f} days"


def run_doctor(config: Config, out: TextIO) -> int:
    problems = 0

    def report(ok: bool, what: str, detail: str) -> None:
        nonlocal problems
        problems += 0 if ok else 1
        out.write(f"[{'ok' if ok else 'FAIL':>4}] {what}: {detail}\n")

    report(True, "config", f"{len(config.bridge)} bridge(s), {len(config.source)} source(s)")
    if config.locked:
        report(True, "locked keys", ", ".join(config.locked))

    refs = list(_secret_refs(config))
    report(True, "keyring", backend_name())
    for where, ref in refs:
        try:
            resolve(ref)
            report(True, f"secret {where}", f"{ref} present")
        except SecretError as exc:
            report(False, f"secret {where}", str(exc))

    from screenpop.bridges import registry as bridges
    from screenpop.sources import registry as sources

    ctx = CheckContext(
        extension=config.agent.extension, secret=resolve, sample=_sample(config.agent.region)
    )
    for s in config.source:
        verdict = sources.check(s, ctx)
        report(verdict.ok, f"source {s.name} ({s.section})", verdict.detail)
    for b in config.bridge:
        verdict = bridges.check(b, ctx)
        report(verdict.ok, f"bridge {b.label} ({b.kind})", verdict.detail)

    if config.crosssell.model is not None:
        # The model, and what each pop reads for cross-sells and reorders with its cost.
        from screenpop.crosssell.report import doctor_checks

        for ok, what, detail in doctor_checks(config):
            report(ok, what, detail)

    from screenpop.journal.checkup import checkup
    from screenpop.paths import default_journal_path

    # Opened with the full integrity check, one durable write, a scratch write
    # beside it and the free space: "[ok] journal" means calls can be journaled.
    path = Path(config.journal.local) if config.journal.local else default_journal_path()
    try:
        journal_check = checkup(path)
        report(journal_check.ok, "journal", journal_check.detail)
        backlog = journal_check.backlog
    except OSError as exc:
        report(False, "journal", f"{path}: {exc}")
        backlog = None

    if config.journal.central:
        _check_central(config, backlog, report)

    writer = config.case_writer()
    if writer is not None and backlog is not None:
        _check_case_backlog(path, writer.name, report)

    out.write(f"{problems} problem(s) found\n" if problems else "all checks passed\n")
    return 1 if problems else 0

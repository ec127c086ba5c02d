"""What ``crosssell build`` prints when it is done (and ``doctor`` can reuse)."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from screenpop.config.schema import Config
    from screenpop.crosssell.modelfile import SalesModel


def peak_memory_mb() -> float | None:
    """This process's peak resident memory, where the OS says it (None on Windows)."""
    try:
        import resource
    except ImportError:
        return None
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


def build_summary(model: SalesModel, config: Config, seconds: float) -> str:
    """Where the model went, what it learned from, and what the build cost."""
    info = model.info
    path = Path(str(config.crosssell.model))
    size = path.stat().st_size / 1e6
    mode = oct(path.stat().st_mode & 0o777)
    w = model.reorder_weights
    if w.fitted:
        reorders = (
            f"reorders fitted on {w.examples:,} customer-product pairs "
            f"({w.positives:,} bought again within {w.horizon_days} days)"
        )
    else:
        reorders = (
            f"reorders use the default weights (the history is too short to learn from: "
            f"it needs more than {w.horizon_days} days and active customers)"
        )
    peak = peak_memory_mb()
    memory = f", peak memory {peak:,.0f} MB" if peak is not None else ""
    return (
        f"model written to {path} ({size:.1f} MB, mode {mode}, owner uid "
        f"{path.stat().st_uid if hasattr(os, 'getuid') else '-'}) in {seconds:.1f} s{memory}\n"
        f"  {info.lines:,} lines to {info.history_end}, {info.customers:,} customers, "
        f"{info.products:,} products; {reorders}"
    )


Check = tuple[bool, str, str]


def doctor_checks(config: Config) -> list[Check]:
    """What ``doctor`` says about cross-sells and reorders: (ok, what, detail) lines.

    The model (when built, from what, whether reorders learned their own
    weights) and what each pop reads from the sales source, with its cost:
    the query's plan (does the database reach the customer's lines through an
    index?) and its time for doctor's sample customer.
    """
    from screenpop.crosssell.sections import per_pop

    out: list[Check] = []
    if config.crosssell.model is None:
        return out
    out.extend(_model_checks(config))
    choice, sales = per_pop(config)
    if sales is None:
        out.append((True, "cross-sells per pop", "no sales source: no cross-sells or reorders"))
        return out
    cfg = next(s for s in config.source if s.name == sales)
    has_history = cfg.kind == "sql" and getattr(cfg, "history", None) is not None
    has_owned = getattr(cfg, "owned", None) is not None
    if choice == "history" and not has_history:
        out.append((False, "cross-sells per pop", f"crosssell.per_pop = 'history' but source "
                    f"{sales} has no 'history' query: cross-sells and reorders unavailable"))
        return out
    if choice == "owned" and not has_owned:
        out.append((False, "cross-sells per pop", f"source {sales} has neither 'history' nor "
                    "'owned': every caller gets the same popular products and no reorders"))
        return out
    if choice == "owned":
        out.append((True, "cross-sells per pop", (
            f"the 'owned' query of {sales}: products only, no dates, so no reorders section and "
            "cross-sells weigh products by the order it returns (most recent first is best); "
            "with a 'history' query each pop reads the customer's whole history with dates "
            "instead (reorders, and cross-sells weighted by recency)")))
        return out
    out.extend(_history_checks(config, sales, has_owned))
    return out


def _model_checks(config: Config) -> list[Check]:
    from datetime import UTC, datetime

    from screenpop.crosssell.modelfile import SalesModel
    from screenpop.crosssell.values import ModelError

    path = Path(str(config.crosssell.model))
    try:
        model = SalesModel.load(path)
    except ModelError as exc:
        return [(False, "cross-sell model", str(exc))]
    info = model.info
    w = model.reorder_weights
    age = ""
    try:
        built = datetime.fromisoformat(info.built_at)
        age = f", {(datetime.now(UTC) - built).days} day(s) ago"
    except ValueError:
        pass
    mode = stat_mode(path)
    reorders = (
        f"reorders fitted on {w.examples:,} pairs" if w.fitted
        else "reorders with default weights (history too short to fit)"
    )
    return [(True, "cross-sell model", (
        f"{path} ({path.stat().st_size / 1e6:.1f} MB, mode {mode}): built {info.built_at}{age} "
        f"from {info.lines:,} lines to {info.history_end}, {info.products:,} products; "
        f"{reorders}"))]


def stat_mode(path: Path) -> str:
    return oct(path.stat().st_mode & 0o777)


def _history_checks(config: Config, sales: str, has_owned: bool) -> list[Check]:
    import time

    from sqlalchemy import text

    from screenpop.sources.base import SourceError
    from screenpop.sources.registry import build_all

    cfg = next(s for s in config.source if s.name == sales)
    source = build_all(config.model_copy(update={"source": (cfg,)}))[0]
    what = "cross-sells and reorders per pop"
    try:
        sql = source.product_history_sql()  # type: ignore[attr-defined]
        # "0" reads as a number and as text: no customer, any column type.
        params = {"customer_id": "0", "key": "0"}
        bound = {k: v for k, v in params.items() if f":{k}" in sql}
        with source.engine.connect() as conn:  # type: ignore[attr-defined]
            plan = _plan(conn, source.backend, sql, bound, text)  # type: ignore[attr-defined]
        t = time.perf_counter()
        source.product_history(params)  # type: ignore[attr-defined]
        ms = (time.perf_counter() - t) * 1000
    except (SourceError, Exception) as exc:  # a driver's own error types vary
        # The driver's first line only: never the statement or its values.
        said = str(getattr(exc, "orig", None) or exc).strip().splitlines()
        return [(False, what, f"the history of {sales} cut to one customer fails: "
                 f"{type(getattr(exc, 'orig', None) or exc).__name__}: "
                 f"{said[0] if said else ''}"[:300])]
    finally:
        source.close()
    owned = (
        ". The 'owned' query is not used: with crosssell.per_pop = 'owned' a pop would read "
        "products only, at about the same cost, with no dates (no reorders section, "
        "cross-sells weighed by the order it returns)" if has_owned else ""
    )
    cost = (
        f"each pop reads the 'history' of source {sales} cut to the customer, one row per "
        f"product with how often and when: {ms:.0f} ms for a customer with no purchases; "
        f"the heaviest real customer (7,570 lines, 1,319 products) takes 10-20 ms on SQLite "
        f"(benchmarks/reorders_pop.py). The model keeps nothing per customer{owned}"
    )
    if plan is None:
        return [(True, what, cost + "; plan not checked on this database")]
    if not plan:
        return [(False, what, cost + "; but the database reads the whole lines table for it "
                 "(no index on the customer column): every pop will read every line. "
                 "Add an index on the customer column of the lines table")]
    return [(True, what, cost + "; the database reaches the customer's lines through an index")]


def _plan(conn: Any, backend: str, sql: str, bound: dict[str, str], text: Any) -> bool | None:
    """Whether the plan reaches the lines by an index (None: cannot tell here)."""
    if backend == "sqlite":
        rows = conn.execute(text("EXPLAIN QUERY PLAN " + sql), bound).fetchall()
        details = [str(r[-1]) for r in rows]
        return any(d.startswith("SEARCH") and "=?" in d for d in details)
    if backend == "postgresql":
        # A small table is read whole even with an index; forbidding that
        # shows whether an index could serve the customer's filter at all.
        with conn.begin():
            conn.execute(text("SET LOCAL enable_seqscan = off"))
            rows = conn.execute(text("EXPLAIN " + sql), bound).fetchall()
        plan = "\n".join(str(r[0]) for r in rows)
        return "Index Cond" in plan or "Recheck Cond" in plan
    if backend in ("mysql", "mariadb"):
        result = conn.execute(text("EXPLAIN " + sql), bound)
        keys = list(result.keys())
        rows = [dict(zip(keys, r, strict=True)) for r in result]
        # The first row is the table the customer filter drives; an index it
        # could use is listed even when a small table is read whole.
        first = rows[0] if rows else {}
        return bool(first.get("possible_keys")) and "derived" not in str(first.get("table"))
    return None

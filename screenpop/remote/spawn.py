"""Starting the engine process: ``spawn`` (the app's half; ``host`` is the other).

A module of its own, light to import: ``multiprocessing`` imports it in the
engine process to find ``_engine_main``, which then imports the engine.
"""

from __future__ import annotations

import multiprocessing
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from multiprocessing.connection import Connection
    from multiprocessing.process import BaseProcess


def _engine_main(conn: Connection) -> None:
    """The engine process's entry: imported there only, so that the app's own
    process never imports the engine, its sources and their drivers. It
    imports the engine at once, before it knows its spec."""
    from screenpop.remote.host import serve

    serve(conn)


@dataclass(frozen=True)
class Spawned:
    """An engine process started before the app read its configuration (``spawn``)."""

    process: BaseProcess
    conn: Connection


def spawn() -> Spawned:
    """Start an engine process that imports the engine and waits for its spec.

    ``screenpop run`` calls it first thing, so the engine's imports overlap
    the app's reading of its configuration and loading of Qt; an app that
    then does not run (a bad configuration) just exits, and so does this
    process (its pipe closes).
    """
    context = multiprocessing.get_context("spawn")  # never fork a process with threads
    ours, theirs = context.Pipe(duplex=True)
    # Daemonic: should the app ever exit without ``stop()``, the engine is
    # ended with it rather than waited for (it would wait for the end of a
    # pipe the app still holds while exiting).
    process = context.Process(
        target=_engine_main, args=(theirs,), name="screenpop-engine", daemon=True
    )
    process.start()
    theirs.close()
    return Spawned(process, ours)

"""Can this workstation journal calls right now? ``doctor``'s look at the local journal.

Opening the journal is not enough to say yes: on a full disk a journal opens,
and even one small write may still succeed (SQLite reuses the space of its
``-wal`` file after a checkpoint), while the next card that needs a new
block fails. So the checkup:

1. opens the journal with the full integrity check (``quick_check`` to the
   end: doctor has the time the app's start does not);
2. commits one real write to it, fsynced like every journal write, that
   leaves nothing behind (``Journal.probe_write``);
3. writes, fsyncs and removes a scratch file of ``PROBE_BYTES`` beside it:
   the file system must find new blocks (a full disk or a quota says no);
4. reads the free space, and fails below ``MIN_FREE_BYTES``.

Each failure says what is wrong and where, in words IT can act on.
"""

from __future__ import annotations

import errno
import os
import shutil
import time
from dataclasses import dataclass
from pathlib import Path

from screenpop.journal.errors import JournalError
from screenpop.journal.store import Journal

#: Below this much free space the journal is reported failing: a busy desk
#: journals a few MB a day (every call keeps its card).
MIN_FREE_BYTES = 20 * 1024 * 1024
#: The scratch write that proves the disk still has blocks to give.
PROBE_BYTES = 1024 * 1024


@dataclass(frozen=True, slots=True)
class Checkup:
    """The verdict: ``ok`` and one sentence; ``backlog`` when the journal could be read."""

    ok: bool
    detail: str
    free_bytes: int | None = None
    backlog: int | None = None


def _size(n: int) -> str:
    for unit, scale in (("GB", 1 << 30), ("MB", 1 << 20), ("KB", 1 << 10)):
        if n >= scale:
            return f"{n / scale:.1f} {unit}"
    return f"{n} bytes"


def _free(path: Path) -> int | None:
    try:
        return shutil.disk_usage(path.parent).free
    except OSError:
        return None


def _with_room(detail: str, path: Path) -> str:
    """``detail`` plus the free space, and the likely cause when the disk is full."""
    free = _free(path)
    if free is None:
        return detail
    if free < PROBE_BYTES:
        return f"{detail} (the disk is full: {_size(free)} free; free some space)"
    return f"{detail} ({_size(free)} free)"


def _scratch_write(folder: Path, name: str) -> None:
    """``PROBE_BYTES`` written, fsynced and removed: raises ``OSError`` when the disk says no."""
    probe = folder / f".{name}.doctor-probe-{os.getpid()}"
    fd = os.open(probe, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        block = b"\0" * 65536
        left = PROBE_BYTES
        while left > 0:
            left -= os.write(fd, block[: min(left, len(block))])
        os.fsync(fd)
    finally:
        os.close(fd)
        probe.unlink(missing_ok=True)


def checkup(path: Path, *, min_free: int = MIN_FREE_BYTES) -> Checkup:
    """Open, check, write and measure the journal at ``path`` (created if missing)."""
    try:
        journal = Journal(path, check="full")
    except JournalError as exc:
        return Checkup(False, _with_room(str(exc).splitlines()[0], path), _free(path))
    try:
        backlog = journal.pending_count()
        started = time.perf_counter()
        try:
            journal.probe_write()
        except JournalError as exc:
            detail = f"{path}: cannot write: {str(exc).splitlines()[0]}"
            return Checkup(False, _with_room(detail, path), _free(path), backlog)
        write_ms = (time.perf_counter() - started) * 1000
    finally:
        journal.close()
    free = shutil.disk_usage(path.parent).free
    try:
        _scratch_write(path.parent, path.name)
    except OSError as exc:
        full = exc.errno in (errno.ENOSPC, errno.EDQUOT)
        why = "the disk is full" if full else f"cannot write beside it ({exc.strerror or exc})"
        return Checkup(
            False,
            f"{path}: {why}, {_size(free)} free; calls are kept in memory and retried "
            "until there is room: free some space",
            free,
            backlog,
        )
    if free < min_free:
        return Checkup(
            False,
            f"{path}: only {_size(free)} free on its disk (at least {_size(min_free)} "
            "wanted): free some space before the journal runs out",
            free,
            backlog,
        )
    return Checkup(
        True,
        f"{path}: sound, durable write in {write_ms:.0f} ms, {_size(free)} free",
        free,
        backlog,
    )

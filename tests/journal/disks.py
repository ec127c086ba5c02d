"""Real small file systems for the full-disk tests: a tmpfs of a few MB, filled on demand.

Mounting needs root (CI runs as root). Without it the tests skip on a
laptop and fail when ``CI=true`` (``tests.peers.need``).
"""

from __future__ import annotations

import contextlib
import errno
import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

from tests.peers import need


@contextlib.contextmanager
def tmpfs(where: Path, size: str = "8m") -> Iterator[Path]:
    """A tmpfs of ``size`` mounted at ``where`` for the duration."""
    where.mkdir(parents=True, exist_ok=True)
    mount = shutil.which("mount") or "/bin/mount"
    done = subprocess.run(
        [mount, "-t", "tmpfs", "-o", f"size={size},mode=0755", "tmpfs", str(where)],
        capture_output=True,
        text=True,
        check=False,
    )
    need(done.returncode == 0, f"a tmpfs mount (root): {done.stderr.strip()}")
    try:
        yield where
    finally:
        umount = shutil.which("umount") or "/bin/umount"
        if subprocess.run([umount, str(where)], capture_output=True, check=False).returncode:
            subprocess.run([umount, "-l", str(where)], capture_output=True, check=False)


def fill(disk: Path, leave: int = 0) -> Path:
    """Write a filler file until the disk has at most ``leave`` bytes free; returns it."""
    filler = disk / "filler"
    block = b"\xa5" * 65536
    fd = os.open(filler, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
    try:
        while shutil.disk_usage(disk).free > leave:
            room = shutil.disk_usage(disk).free - leave
            try:
                os.write(fd, block[: max(1, min(len(block), room))])
            except OSError as exc:
                if exc.errno != errno.ENOSPC:
                    raise
                break
        os.fsync(fd)
    finally:
        os.close(fd)
    return filler

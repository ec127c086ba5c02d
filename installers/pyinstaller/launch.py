"""Entry point of the PyInstaller bundle: the same ``main`` as the ``screenpop`` script.

The windowed Windows executable (``screenpop.exe``) starts with no standard
streams (``sys.stderr is None``): its log would be lost, so it goes to
``screenpop.log`` in the user's log folder (platformdirs:
``%LOCALAPPDATA%\\screenpop\\Logs``), the previous run's kept as
``screenpop.log.1``. The console twin (``screenpop-cli.exe``) and the Linux
executable keep stdout and stderr as they are.
"""

import multiprocessing
import os
import sys

# The agent app runs its engine in a second process started from this same
# executable (screenpop.remote): that process must run the engine, not this
# script, and must not touch the log file (first, before anything else).
multiprocessing.freeze_support()


def _log_to_file() -> None:
    import platformdirs

    folder = platformdirs.user_log_dir("screenpop", appauthor=False)
    os.makedirs(folder, exist_ok=True)
    path = os.path.join(folder, "screenpop.log")
    if os.path.exists(path):
        os.replace(path, path + ".1")
    stream = open(path, "a", encoding="utf-8", buffering=1)  # noqa: SIM115 (lives as long as the process)
    if sys.stderr is None:
        sys.stderr = stream
    if sys.stdout is None:
        sys.stdout = stream


if sys.stderr is None or sys.stdout is None:
    try:
        _log_to_file()
    except OSError:
        pass  # no log folder: run without a log rather than not at all

from screenpop.cli import main  # noqa: E402

raise SystemExit(main())

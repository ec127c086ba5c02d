"""Where screenpop keeps the agent's own files (per user, from platformdirs).

The data folder holds the journal (callers' numbers, names, notes), the demo
data and models the agent builds: it is the agent's alone. ``user_data_dir``
creates it 0700 whatever the umask, and tightens one an older screenpop left
readable by others (only a folder this user owns; on Windows the folder under
``%LOCALAPPDATA%`` already carries the user's own ACL).
"""

from __future__ import annotations

import os
import stat
import sys
from pathlib import Path

import platformdirs

APP = "screenpop"
#: The agent's data folder: nobody else may list or enter it.
PRIVATE_DIR_MODE = 0o700


def user_data_dir() -> Path:
    """The agent's data folder (journal, demo data, models), created private if missing."""
    path = Path(platformdirs.user_data_dir(APP))
    private_folder(path)
    return path


def private_folder(path: Path) -> None:
    """Make ``path`` exist as a folder only its owner can enter (parents as the OS makes them)."""
    path.mkdir(parents=True, exist_ok=True)
    if sys.platform == "win32":
        return
    info = path.stat()
    if info.st_uid == os.getuid() and stat.S_IMODE(info.st_mode) != PRIVATE_DIR_MODE:
        # chmod after mkdir: the mode given to mkdir is cut by the umask.
        os.chmod(path, PRIVATE_DIR_MODE)


def default_journal_path() -> Path:
    return user_data_dir() / "journal.db"

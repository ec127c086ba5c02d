"""Where screenpop keeps the agent's own files (per user, from platformdirs)."""

from __future__ import annotations

from pathlib import Path

import platformdirs

APP = "screenpop"


def user_data_dir() -> Path:
    """The agent's data folder: journal, demo data, models the agent builds."""
    return Path(platformdirs.user_data_dir(APP))


def default_journal_path() -> Path:
    return user_data_dir() / "journal.db"

"""The journal is the agent's alone: another OS user on the same PC cannot read it.

With a second real OS user (``screenpop-other``, created when missing; that
needs root): on a laptop without it the tests skip, with ``CI=true`` they fail.
Every journal here lives under a folder that others may enter (0755), as a
home folder often is, so only screenpop's own modes keep them out; a control
file left readable proves the other user could read it otherwise.
"""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from screenpop import paths
from screenpop.events import CallState
from screenpop.journal import Journal
from tests.journal.conftest import ev
from tests.peers import need, need_program

OTHER = "screenpop-other"


@pytest.fixture(scope="module")
def other_user() -> str:
    """A second, unprivileged OS user (created if missing)."""
    runuser = need_program("runuser")
    exists = subprocess.run(["id", "-u", OTHER], capture_output=True, check=False)
    if exists.returncode != 0:
        useradd = shutil.which("useradd") or "/usr/sbin/useradd"
        made = subprocess.run(
            [useradd, "-M", "-s", "/usr/sbin/nologin", OTHER], capture_output=True, check=False
        )
        need(made.returncode == 0, f"a second OS user {OTHER!r} (useradd needs root)")
    need(os.geteuid() == 0, f"running commands as {OTHER!r} (runuser needs root)")
    return runuser


def as_other(runuser: str, *argv: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [runuser, "-u", OTHER, "--", *argv],
        capture_output=True,
        text=True,
        errors="replace",  # ``cat`` of a database that could be read
        check=False,
    )


@pytest.fixture
def open_parent() -> Iterator[Path]:
    """A folder every user may enter (like a 0755 home), outside pytest's private tmp."""
    path = Path(tempfile.mkdtemp(prefix="screenpop-private-", dir="/tmp"))
    os.chmod(path, 0o755)
    try:
        yield path
    finally:
        shutil.rmtree(path, ignore_errors=True)


@pytest.fixture
def loose_umask() -> Iterator[None]:
    """The loosest umask a desk could have: screenpop must not depend on it."""
    previous = os.umask(0)
    try:
        yield
    finally:
        os.umask(previous)


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def _assert_control_readable(runuser: str, folder: Path) -> None:
    control = folder / "control.txt"
    control.write_text("readable on purpose\n")
    os.chmod(control, 0o644)
    seen = as_other(runuser, "cat", str(control))
    assert seen.returncode == 0, f"the other user cannot read even a 0644 file: {seen.stderr}"


def test_new_journal_folder_and_files_are_private(
    other_user: str, open_parent: Path, loose_umask: None
) -> None:
    _assert_control_readable(other_user, open_parent)
    folder = open_parent / "data" / "screenpop"
    path = folder / "journal.db"
    with Journal(path) as journal:
        journal.record_event(*ev("secret-call", CallState.RINGING, 1.0, name="Private Person"))
        files = [path, path.with_name("journal.db-wal"), path.with_name("journal.db-shm")]
        assert all(f.exists() for f in files)
        assert mode(folder) == 0o700
        assert mode(folder.parent) == 0o700  # every folder the journal created
        assert [mode(f) for f in files] == [0o600] * 3
        listing = as_other(other_user, "ls", str(folder))
        assert listing.returncode != 0
        assert "Permission denied" in listing.stderr
        for f in files:
            read = as_other(other_user, "cat", str(f))
            assert read.returncode != 0
            assert "Permission denied" in read.stderr


def test_journal_in_a_shared_folder_is_still_private(
    other_user: str, open_parent: Path, loose_umask: None
) -> None:
    """A configured path whose folder others may enter: the files themselves say no."""
    path = open_parent / "journal.db"
    with Journal(path) as journal:
        journal.record_event(*ev("secret-call", CallState.RINGING, 1.0, name="Private Person"))
        assert mode(open_parent) == 0o755  # not ours to change
        for f in (path, path.with_name("journal.db-wal"), path.with_name("journal.db-shm")):
            assert mode(f) == 0o600, f
            read = as_other(other_user, "cat", str(f))
            assert read.returncode != 0, f"{OTHER} read {f}"
            assert "Permission denied" in read.stderr


def test_an_older_readable_journal_is_tightened(other_user: str, open_parent: Path) -> None:
    path = open_parent / "journal.db"
    with Journal(path) as journal:
        journal.record_event(*ev("old-call", CallState.RINGING, 1.0))
    os.chmod(path, 0o644)  # as screenpop before this fix left it
    assert as_other(other_user, "cat", str(path)).returncode == 0
    with Journal(path):
        assert mode(path) == 0o600
        assert as_other(other_user, "cat", str(path)).returncode != 0
        assert mode(path.with_name("journal.db-wal")) == 0o600


def test_user_data_dir_is_private(
    other_user: str, open_parent: Path, monkeypatch: pytest.MonkeyPatch, loose_umask: None
) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(open_parent / "share"))
    made = paths.user_data_dir()
    assert made == open_parent / "share" / "screenpop"
    assert mode(made) == 0o700
    journal = paths.default_journal_path()
    assert journal.parent == made
    os.chmod(made, 0o755)  # an older screenpop's folder
    assert as_other(other_user, "ls", str(made)).returncode == 0
    assert mode(paths.user_data_dir()) == 0o700
    assert as_other(other_user, "ls", str(made)).returncode != 0


def test_a_foreign_file_keeps_its_mode(open_parent: Path) -> None:
    """Refused files are left exactly as they were, mode included."""
    from screenpop.journal import JournalError

    path = open_parent / "notes.txt"
    path.write_text("not a journal\n" * 100)
    os.chmod(path, 0o644)
    with pytest.raises(JournalError):
        Journal(path)
    assert mode(path) == 0o644

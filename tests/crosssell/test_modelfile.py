"""The model file: written atomically, readable by every desk, refused when wrong."""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest

from screenpop.crosssell import ModelError, SalesModel, build_model
from screenpop.sources.base import HistoryRow


def rows() -> list[HistoryRow]:
    out = []
    for i in range(30):
        for p in ("A", "B"):
            out.append(HistoryRow(f"c{i}", p, f"ITEM {p}", "2011-05-01T10:00:00", 1.0, 1.0))
            out.append(HistoryRow(f"c{i}", p, f"ITEM {p}", "2011-08-01T10:00:00", 1.0, 1.0))
    return out


@pytest.fixture(scope="module")
def model() -> SalesModel:
    return build_model(rows())


@pytest.fixture
def umask() -> Iterator[None]:
    old = os.umask(0o022)
    os.umask(old)
    yield
    os.umask(old)


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX modes")
@pytest.mark.parametrize(("mask", "mode"), [(0o022, 0o644), (0o027, 0o640), (0o077, 0o600)])
def test_the_file_gets_the_mode_of_any_new_file_of_its_owner(
    model: SalesModel, tmp_path: Path, umask: None, mask: int, mode: int
) -> None:
    """Not mkstemp's private 0600: the desks (other OS users) must be able to read it."""
    os.umask(mask)
    path = tmp_path / "crosssell.model"
    model.save(path)
    assert stat.S_IMODE(path.stat().st_mode) == mode
    model.save(path)  # replacing keeps it so
    assert stat.S_IMODE(path.stat().st_mode) == mode


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="needs root")
def test_another_os_user_can_read_what_the_build_wrote(model: SalesModel, umask: None) -> None:
    os.umask(0o022)
    shared = Path(tempfile.mkdtemp(prefix="screenpop-model-"))
    try:
        shared.chmod(0o755)
        path = shared / "crosssell.model"
        model.save(path)
        cat = shutil.which("cat")
        assert cat is not None
        got = subprocess.run(
            [cat, str(path)], user="nobody", capture_output=True, check=False, timeout=30
        )
        assert got.returncode == 0, got.stderr
        assert got.stdout == path.read_bytes()
    finally:
        shutil.rmtree(shared)


def test_a_failed_write_leaves_the_old_model_and_no_temporary_file(
    model: SalesModel, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "crosssell.model"
    model.save(path)
    before = path.read_bytes()

    def full_disk(*_a: object, **_k: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(np, "savez_compressed", full_disk)
    with pytest.raises(OSError, match="No space left"):
        model.save(path)
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["crosssell.model"]
    assert SalesModel.load(path).info == model.info


def test_round_trip_keeps_both_models(model: SalesModel, tmp_path: Path) -> None:
    path = tmp_path / "a" / "b" / "crosssell.model"
    model.save(path)
    loaded = SalesModel.load(path)
    assert loaded.info == model.info
    assert loaded.reorder_weights == model.reorder_weights
    assert loaded.suggest(["A"], top=3) == model.suggest(["A"], top=3)
    np.testing.assert_array_equal(loaded.repeaters, model.repeaters)


def test_a_file_that_is_not_a_model_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ModelError, match=r"not found.*crosssell build"):
        SalesModel.load(tmp_path / "missing")
    bad = tmp_path / "bad"
    bad.write_bytes(b"\x00" * 100)
    with pytest.raises(ModelError, match="corrupt"):
        SalesModel.load(bad)


def test_inconsistent_reorder_arrays_are_refused(model: SalesModel, tmp_path: Path) -> None:
    path = tmp_path / "m"
    model.save(path)
    with np.load(path, allow_pickle=False) as npz:
        arrays = {k: npz[k] for k in npz.files}
    arrays["repeaters"] = arrays["customers"] + 1  # more repeat buyers than buyers
    with (tmp_path / "n").open("wb") as fh:
        np.savez(fh, **arrays)
    with pytest.raises(ModelError, match="inconsistent reorder"):
        SalesModel.load(tmp_path / "n")

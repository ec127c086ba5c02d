"""The derivation script: reproducible bytes, documented choices, honest README."""

from __future__ import annotations

import csv
import gzip
import hashlib
import importlib.util
import io
from pathlib import Path
from types import ModuleType

import pytest

from tests.peers import need

REPO = Path(__file__).resolve().parents[2]
SHARED = REPO.parent / "shared" / "data" / "online_retail_clean.csv.gz"
HEADER = "InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country"
SLICE = """\
536365,85123A,WHITE HANGING HEART T-LIGHT HOLDER,6,2010-12-01 08:26:00,2.55,17850,United Kingdom
536365,71053,WHITE METAL LANTERN,6,2010-12-01 08:26:00,3.39,17850,United Kingdom
536366,85123A,CREAM HANGING HEART T-LIGHT HOLDER,6,2010-12-01 08:28:00,2.55,12431,Australia
536367,85123A,WHITE HANGING HEART T-LIGHT HOLDER,4,2010-12-02 09:00:00,2.55,12431,Belgium
536368,85123A,CREAM HANGING HEART T-LIGHT HOLDER,1,2010-12-03 09:00:00,2.95,12431,Belgium
536369,22752,"SET 7 BABUSHKA NESTING BOXES",2,2010-12-03 10:00:00,7.65,12348,Finland
536370,22752,SET 7 BABUSHKA NESTING BOXES ,2,2010-12-04 10:00:00,7.65,12348,Finland
"""


def load_script() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "derive_demo_data", REPO / "scripts" / "derive_demo_data.py"
    )
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def write_source(path: Path, body: str) -> None:
    with gzip.open(path, "wt", encoding="utf-8") as f:
        f.write(HEADER + "\n" + body)


def rows(path: Path) -> list[list[str]]:
    with gzip.open(path, "rt", encoding="utf-8", newline="") as f:
        return list(csv.reader(f))


def test_rerun_gives_identical_bytes(tmp_path: Path) -> None:
    derive = load_script().derive
    src = tmp_path / "src.csv.gz"
    write_source(src, SLICE)
    first = derive(src, tmp_path / "a")
    second = derive(src, tmp_path / "b")
    assert first == second
    for name in (*first, "README.md"):
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes()
    # gzip header: no mtime (bytes 4..7), no file name flag.
    head = (tmp_path / "a" / "lines.csv.gz").read_bytes()[:10]
    assert head[4:8] == b"\0\0\0\0"
    assert head[3] & 0x08 == 0


def test_contents_and_tie_rules(tmp_path: Path) -> None:
    derive = load_script().derive
    src = tmp_path / "src.csv.gz"
    write_source(src, SLICE)
    digests = derive(src, tmp_path / "out")
    out = tmp_path / "out"
    lines = rows(out / "lines.csv.gz")
    assert lines[0] == ["customer_id", "invoice", "product", "date", "quantity", "unit_price"]
    assert len(lines) == 1 + SLICE.count("\n")
    assert lines[1] == ["17850", "536365", "85123A", "2010-12-01 08:26:00", "6", "2.55"]
    products = dict(rows(out / "products.csv.gz")[1:])
    # 2 x WHITE vs 2 x CREAM: a tie goes to the alphabetically first.
    assert products["85123A"] == "CREAM HANGING HEART T-LIGHT HOLDER"
    assert products["22752"] == "SET 7 BABUSHKA NESTING BOXES"
    customers = dict(rows(out / "customers.csv.gz")[1:])
    assert customers == {"12348": "Finland", "12431": "Belgium", "17850": "United Kingdom"}
    readme = (out / "README.md").read_text(encoding="utf-8")
    assert "CC BY 4.0" in readme
    assert "10.24432/C5BW33" in readme
    assert "Chen, D. (2015)" in readme
    assert "## Modified" in readme
    for name, digest in digests.items():
        assert hashlib.sha256((out / name).read_bytes()).hexdigest() == digest
        assert digest in readme


def test_shipped_readme_matches_shipped_files(repo_root: Path) -> None:
    data = repo_root / "screenpop" / "demo" / "data"
    readme = (data / "README.md").read_text(encoding="utf-8")
    total = 0
    for name in ("lines.csv.gz", "products.csv.gz", "customers.csv.gz"):
        payload = (data / name).read_bytes()
        total += len(payload)
        assert hashlib.sha256(payload).hexdigest() in readme, name
    assert total < 4 * 1024 * 1024


@pytest.mark.slow
def test_full_derivation_reproduces_shipped_files(tmp_path: Path, repo_root: Path) -> None:
    need(SHARED.is_file(), f"the shared retail data at {SHARED}")
    load_script().derive(SHARED, tmp_path)
    data = repo_root / "screenpop" / "demo" / "data"
    for name in ("lines.csv.gz", "products.csv.gz", "customers.csv.gz", "README.md"):
        assert (tmp_path / name).read_bytes() == (data / name).read_bytes(), name


def test_main_refuses_missing_source(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert load_script().main([str(tmp_path / "nope.csv.gz"), "--out", str(tmp_path)]) == 2
    assert "not found" in capsys.readouterr().err
    assert not list(tmp_path.iterdir())


def test_unexpected_columns_refused(tmp_path: Path) -> None:
    src = tmp_path / "bad.csv.gz"
    with gzip.open(src, "wt", encoding="utf-8") as f:
        f.write(io.StringIO("a,b\n1,2\n").getvalue())
    with pytest.raises(SystemExit, match="unexpected columns"):
        load_script().derive(src, tmp_path / "out")

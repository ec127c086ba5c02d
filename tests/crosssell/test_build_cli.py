"""``screenpop crosssell build``: one model for cross-sells and reorders, or a clear refusal."""

from __future__ import annotations

from pathlib import Path

import pytest

from screenpop.cli import main
from screenpop.crosssell import SalesModel
from screenpop.sources.base import HistoryRow
from tests.crosssell.shop import HISTORY, config_text, write_sales


def test_build_writes_one_model_and_says_what_it_cost(
    tmp_path: Path, real_rows: list[HistoryRow], capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import screenpop.crosssell.build as build_module

    monkeypatch.setattr(build_module, "PROGRESS_EVERY", 7_000)
    db = tmp_path / "sales.db"
    write_sales(db, real_rows)
    model = tmp_path / "out" / "crosssell.model"
    cfg = tmp_path / "c.toml"
    cfg.write_text(config_text(db, model), "utf-8")
    assert main(["crosssell", "build", "--config", str(cfg)]) == 0
    err = capsys.readouterr().err
    assert f"model written to {model}" in err
    assert "peak memory" in err
    assert "30,000 lines to 2011-01-09" in err
    assert "30.0k lines" in err  # the progress bar counted every line once ...
    assert "58.0k" not in err  # ... not 7k + 14k + 21k + ...
    assert "fitting cross-sells: 965 customers x 2,474 products" in err
    assert "fitting reorders" in err
    loaded = SalesModel.load(model)
    assert loaded.lines == 30_000
    assert loaded.cross_sells.description("85123A") == "WHITE HANGING HEART T-LIGHT HOLDER"


@pytest.mark.parametrize(
    ("model_line", "history", "message"),
    [
        (False, True, "crosssell.model: set where the model is written"),
        (True, False, "no sales source (section = 'purchases') with a 'history' query"),
    ],
)
def test_a_configuration_that_cannot_build_exits_2_and_writes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], model_line: bool, history: bool,
    message: str,
) -> None:
    db = tmp_path / "sales.db"
    write_sales(db, [])
    model = tmp_path / "crosssell.model"
    text = config_text(db, model, history=HISTORY if history else None)
    if not model_line:
        text = text.replace(f'model = "{model.as_posix()}"\n', "")
    cfg = tmp_path / "c.toml"
    cfg.write_text(text, "utf-8")
    assert main(["crosssell", "build", "--config", str(cfg)]) == 2
    assert message in capsys.readouterr().err
    assert not model.exists()


def test_a_failing_history_query_exits_1_and_keeps_the_old_model(
    tmp_path: Path, real_rows: list[HistoryRow], capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "sales.db"
    write_sales(db, real_rows[:2000])
    model = tmp_path / "crosssell.model"
    good = tmp_path / "good.toml"
    good.write_text(config_text(db, model), "utf-8")
    assert main(["crosssell", "build", "--config", str(good)]) == 0
    before = model.read_bytes()
    bad = tmp_path / "bad.toml"
    bad.write_text(config_text(db, model, history="SELECT customer_id FROM missing"), "utf-8")
    assert main(["crosssell", "build", "--config", str(bad)]) == 1
    assert "missing" in capsys.readouterr().err
    assert model.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []

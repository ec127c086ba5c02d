"""``journal export`` search filters on the local journal: each alone, combined, escaped, refused."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from screenpop.cli import main
from screenpop.journal import Journal
from screenpop.journal.export import COLUMNS
from screenpop.journal.search import build_filters
from tests.journal.known_calls import fill

ALL = ["c1", "c2", "c3", "c4", "c5", "c6", "c7"]


@pytest.fixture
def config(tmp_path: Path) -> Path:
    """A config whose local journal holds the seven known calls."""
    path = tmp_path / "journal.db"
    with Journal(path) as journal:
        fill(journal)
    cfg = tmp_path / "screenpop.toml"
    cfg.write_text(f'[agent]\nregion = "GB"\n[journal]\nlocal = "{path}"\n')
    return cfg


def export(capsys: pytest.CaptureFixture[str], config: Path, *args: str) -> list[str]:
    """Call ids ``journal export --format json`` prints (oldest first); fails on non-zero exit."""
    code = main(["journal", "export", "--config", str(config), "--format", "json", *args])
    out, err = capsys.readouterr()
    assert code == 0, err
    return [row["call_id"] for row in json.loads(out)]


def refused(capsys: pytest.CaptureFixture[str], config: Path, *args: str) -> str:
    code = main(["journal", "export", "--config", str(config), *args])
    out, err = capsys.readouterr()
    assert code == 2, (out, err)
    assert out == ""
    return err


def test_no_filter_is_the_whole_journal_with_the_same_columns(
    capsys: pytest.CaptureFixture[str], config: Path
) -> None:
    assert export(capsys, config) == ALL
    main(["journal", "export", "--config", str(config), "--format", "json", "--limit", "1"])
    [row] = json.loads(capsys.readouterr().out)
    assert tuple(row) == COLUMNS


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["--since", "2026-03-03"], ["c6", "c7"]),
        (["--until", "2026-03-02T10:00"], ["c1", "c2", "c3"]),  # until is exclusive
        (["--since", "2026-03-02T09:10", "--until", "2026-03-02T10:00:01"], ["c2", "c3", "c4"]),
        (["--state", "missed"], ["c4", "c7"]),
        (["--state", "missed", "--state", "ended"], ALL[:4] + ALL[4:]),
        (["--state", "ringing"], []),
        (["--customer", "17850"], ["c1", "c5"]),
        (["--customer", "1785"], []),  # exact, not a prefix
        (["--number", "+442079460958"], ["c1", "c5"]),
        (["--number", "020 7946 0958"], ["c1", "c5"]),  # national form, region GB
        (["--number", "0044 20 7946 0958"], ["c1", "c5"]),  # 00 international prefix
        (["--number", "(020) 7946-0006"], ["c6"]),
        (["--disposition", "sale"], ["c1", "c6"]),
        (["--disposition", "SALE"], []),  # dispositions are codes: exact
        (["--text", "acme"], ["c1", "c5"]),  # customer name, any case
        (["--text", "BROWN"], ["c2"]),  # caller name and customer name
        (["--text", "refund"], ["c2"]),  # notes
        (["--text", "50%"], ["c1"]),  # literal %, not "500"
        (["--text", "item_code"], ["c6"]),
        (["--text", "m_g"], []),  # "_" is literal, not any character ("mug")
        (["--text", "%"], ["c1"]),
        (["--text", "zoë"], ["c6"]),
        (["--limit", "2"], ["c1", "c2"]),
        (["--limit", "0"], []),
    ],
)
def test_each_filter_alone(
    capsys: pytest.CaptureFixture[str], config: Path, args: list[str], expected: list[str]
) -> None:
    assert export(capsys, config, *args) == sorted(expected)


def test_filters_combine_with_and(capsys: pytest.CaptureFixture[str], config: Path) -> None:
    assert export(capsys, config, "--customer", "17850", "--state", "ended") == ["c1", "c5"]
    assert export(
        capsys, config, "--customer", "17850", "--disposition", "sale", "--text", "mugs"
    ) == ["c1"]
    assert export(capsys, config, "--number", "02079460958", "--since", "2026-03-02T09:01") == [
        "c5"
    ]
    assert export(capsys, config, "--state", "missed", "--since", "2026-03-03") == ["c7"]
    assert export(capsys, config, "--state", "ended", "--text", "a", "--limit", "2") == [
        "c1",
        "c2",
    ]
    assert export(capsys, config, "--disposition", "sale", "--text", "refund") == []
    assert export(capsys, config, "--until", "2026-03-03", "--customer", "30003") == []


def test_csv_keeps_its_header_with_filters(
    capsys: pytest.CaptureFixture[str], config: Path
) -> None:
    assert main(["journal", "export", "--config", str(config), "--text", "nobody"]) == 0
    assert capsys.readouterr().out == ",".join(COLUMNS) + "\r\n"


INJECTIONS = [
    "' OR '1'='1",
    "x' OR 1=1 --",
    "'; DROP TABLE calls; --",
    '" OR ""="',
    "%' OR customer_id LIKE '%",
    "\\' OR 1=1 --",
]


@pytest.mark.parametrize("attack", INJECTIONS)
@pytest.mark.parametrize("flag", ["--customer", "--disposition", "--text"])
def test_injection_through_a_text_filter_finds_nothing_and_changes_nothing(
    capsys: pytest.CaptureFixture[str], config: Path, tmp_path: Path, flag: str, attack: str
) -> None:
    assert export(capsys, config, flag, attack) == []
    assert export(capsys, config) == ALL  # the table is intact
    con = sqlite3.connect(tmp_path / "journal.db")
    try:
        assert con.execute("SELECT count(*) FROM calls").fetchone() == (7,)
    finally:
        con.close()


@pytest.mark.parametrize("attack", INJECTIONS)
@pytest.mark.parametrize("flag", ["--number", "--since", "--until", "--state", "--limit"])
def test_injection_through_a_typed_filter_is_refused(
    capsys: pytest.CaptureFixture[str], config: Path, flag: str, attack: str
) -> None:
    refused(capsys, config, flag, attack)
    assert export(capsys, config) == ALL


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--state", "ringin"], "--state 'ringin': use one of ringing, answered, ended, missed"),
        (["--since", "yesterday"], "--since 'yesterday'"),
        (["--until", "soon"], "--until 'soon'"),
        (["--since", "2026-03-03", "--until", "2026-03-02"], "is not after --since"),
        (["--since", "2026-03-03", "--until", "2026-03-03"], "is not after --since"),
        (["--limit", "-1"], "--limit -1: must be 0 or more"),
        (["--limit", "ten"], "invalid int value"),
        (["--number", "not a number"], "--number 'not a number' is not a phone number"),
        (["--text", "   "], "--text needs some text"),
        (["--text", "x" * 201], "longer than 200"),
        (["--customer", ""], "--customer needs a customer id"),
    ],
)
def test_bad_values_exit_2_with_nothing_on_stdout(
    capsys: pytest.CaptureFixture[str], config: Path, args: list[str], message: str
) -> None:
    assert message in refused(capsys, config, *args)
    assert message in refused(capsys, config, "--format", "json", *args)


def test_build_filters_normalises_the_number_with_the_region() -> None:
    assert build_filters(number="020 7946 0958", region="GB").e164 == "+442079460958"
    assert build_filters(number="(415) 555-0123", region="US").e164 == "+14155550123"
    assert build_filters(number="00 1 415 555 0123", region="GB").e164 == "+14155550123"
    assert build_filters(states=["ended", "ended", "missed"]).states == ("ended", "missed")

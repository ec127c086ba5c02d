"""``journal stats``: exact figures from the known calls, locally and from the real central
PostgreSQL (where row-level security decides whose calls count).

Expected values are worked out by hand from the table in ``known_calls.py``;
percentiles interpolate like PostgreSQL's ``percentile_cont``: p of n sorted
values lies at position p·(n−1).
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import pytest

from screenpop.card import Card, Match, Section, SourceFailure, Status
from screenpop.cli import main
from screenpop.config.secrets import resolve
from screenpop.events import CallState
from screenpop.journal import Journal
from screenpop.journal.replicate import Replicator
from screenpop.journal.stats import percentile_positions
from screenpop.phone import normalise
from screenpop.reasons import SOURCE_INTERNAL, Reason
from tests.journal.central_support import SECRET_REF, Central
from tests.journal.conftest import ev
from tests.journal.known_calls import T0, fill

#: Everything: answered here c1 c2 c3 c6, elsewhere c5, missed c4 c7.
#: answer s [2, 4, 6, 10]: p50 at 1.5 → 5.0, p90 at 2.7 → 6 + 0.7·4 = 8.8
#: talk s [30, 60, 90, 120]: p50 → 75.0, p90 → 90 + 0.7·30 = 111.0
#: pop ms [10 … 60]: p50 at 2.5 → 35.0, p95 at 4.75 → 50 + 0.75·10 = 57.5
ALL = {
    "group": "all",
    "offered": 7,
    "answered": 4,
    "answered_elsewhere": 1,
    "missed": 2,
    "answer_rate": 0.5714,
    "missed_rate": 0.2857,
    "answer_p50_s": 5.0,
    "answer_p90_s": 8.8,
    "talk_p50_s": 75.0,
    "talk_p90_s": 111.0,
    "wrapup_rate": 0.75,
    "pop_p50_ms": 35.0,
    "pop_p95_ms": 57.5,
    "failed_calls": 3,
    "unknown_callers": 2,
    "multi_match": 1,
    "top_dispositions": [
        {"disposition": "sale", "calls": 2},
        {"disposition": "resolved", "calls": 1},
    ],
    "top_failed_sections": [
        {"section": "credit", "calls": 2},
        {"section": "purchases", "calls": 2},
    ],
}
#: 2 March: c1–c5. answer [2, 4, 10]: p50 4, p90 at 1.8 → 4 + 0.8·6 = 8.8;
#: talk [30, 60, 120]: 60, 60 + 0.8·60 = 108; pop [10 … 50]: 30, 40 + 0.8·10 = 48.
DAY1 = {
    "group": "2026-03-02",
    "offered": 5,
    "answered": 3,
    "answered_elsewhere": 1,
    "missed": 1,
    "answer_rate": 0.6,
    "missed_rate": 0.2,
    "answer_p50_s": 4.0,
    "answer_p90_s": 8.8,
    "talk_p50_s": 60.0,
    "talk_p90_s": 108.0,
    "wrapup_rate": 0.6667,
    "pop_p50_ms": 30.0,
    "pop_p95_ms": 48.0,
    "failed_calls": 2,
    "unknown_callers": 1,
    "multi_match": 1,
    "top_dispositions": [
        {"disposition": "resolved", "calls": 1},
        {"disposition": "sale", "calls": 1},
    ],
    "top_failed_sections": [
        {"section": "purchases", "calls": 2},
        {"section": "credit", "calls": 1},
    ],
}
#: 3 March: c6 answered (6 s, 90 s talk, pop 60, credit failed, sale), c7 missed unknown.
DAY2 = {
    "group": "2026-03-03",
    "offered": 2,
    "answered": 1,
    "answered_elsewhere": 0,
    "missed": 1,
    "answer_rate": 0.5,
    "missed_rate": 0.5,
    "answer_p50_s": 6.0,
    "answer_p90_s": 6.0,
    "talk_p50_s": 90.0,
    "talk_p90_s": 90.0,
    "wrapup_rate": 1.0,
    "pop_p50_ms": 60.0,
    "pop_p95_ms": 60.0,
    "failed_calls": 1,
    "unknown_callers": 1,
    "multi_match": 0,
    "top_dispositions": [{"disposition": "sale", "calls": 1}],
    "top_failed_sections": [{"section": "credit", "calls": 1}],
}
#: 2 March 10:00–11:00: c4 missed (pop 40, multi, purchases) and c5 elsewhere (pop 50).
HOUR10 = {
    "group": "2026-03-02T10:00",
    "offered": 2,
    "answered": 0,
    "answered_elsewhere": 1,
    "missed": 1,
    "answer_rate": 0.0,
    "missed_rate": 0.5,
    "answer_p50_s": None,
    "answer_p90_s": None,
    "talk_p50_s": None,
    "talk_p90_s": None,
    "wrapup_rate": None,
    "pop_p50_ms": 45.0,
    "pop_p95_ms": 49.5,
    "failed_calls": 1,
    "unknown_callers": 0,
    "multi_match": 1,
    "top_dispositions": [],
    "top_failed_sections": [{"section": "purchases", "calls": 1}],
}
EMPTY = {
    **{key: None for key in ALL},
    "group": "all",
    "offered": 0,
    "answered": 0,
    "answered_elsewhere": 0,
    "missed": 0,
    "failed_calls": 0,
    "unknown_callers": 0,
    "multi_match": 0,
    "top_dispositions": [],
    "top_failed_sections": [],
}


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def stats_json(capsys: pytest.CaptureFixture[str], config: Path, *args: str) -> dict[str, Any]:
    code, out, err = run(
        capsys, "journal", "stats", "--config", str(config), "--format", "json", *args
    )
    assert code == 0, err
    doc: dict[str, Any] = json.loads(out)  # one document, nothing else on stdout
    return doc


@pytest.fixture
def local_config(tmp_path: Path) -> Path:
    path = tmp_path / "journal.db"
    with Journal(path) as journal:
        fill(journal)
    cfg = tmp_path / "screenpop.toml"
    cfg.write_text(f'[agent]\nregion = "GB"\n[journal]\nlocal = "{path}"\n')
    return cfg


# ------------------------------------------------------------------ local --


def test_local_figures_overall(capsys: pytest.CaptureFixture[str], local_config: Path) -> None:
    doc = stats_json(capsys, local_config)
    assert doc == {"by": "none", "since": None, "until": None, "groups": [ALL]}


def test_local_figures_by_day_and_hour(
    capsys: pytest.CaptureFixture[str], local_config: Path
) -> None:
    assert stats_json(capsys, local_config, "--by", "day")["groups"] == [DAY1, DAY2]
    hours = stats_json(capsys, local_config, "--by", "hour")["groups"]
    assert [h["group"] for h in hours] == [
        "2026-03-02T09:00",
        "2026-03-02T10:00",
        "2026-03-03T09:00",
    ]
    assert hours[1] == HOUR10
    assert hours[2] == {**DAY2, "group": "2026-03-03T09:00"}


def test_local_since_until(capsys: pytest.CaptureFixture[str], local_config: Path) -> None:
    doc = stats_json(capsys, local_config, "--since", "2026-03-03", "--until", "2026-03-04")
    assert (doc["since"], doc["until"]) == ("2026-03-03", "2026-03-04")
    assert doc["groups"] == [{**DAY2, "group": "all"}]
    assert stats_json(capsys, local_config, "--until", "2026-03-03")["groups"] == [
        {**DAY1, "group": "all"}
    ]
    # Nothing in range: one group of zeros overall, no groups by day.
    assert stats_json(capsys, local_config, "--since", "2027-01-01")["groups"] == [EMPTY]
    assert stats_json(capsys, local_config, "--since", "2027-01-01", "--by", "day")["groups"] == []


def test_table_is_aligned_and_plain(capsys: pytest.CaptureFixture[str], local_config: Path) -> None:
    code, out, _ = run(capsys, "journal", "stats", "--config", str(local_config), "--by", "day")
    assert code == 0
    header, day1, day2 = out.splitlines()
    assert header.split() == [
        "group", "offered", "answered", "elsewhere", "missed", "answer%", "missed%", "tta_p50",
        "tta_p90", "talk_p50", "talk_p90", "wrapup%", "pop_p50ms", "pop_p95ms", "failed",
        "unknown", "multi", "dispositions", "failing_sections",
    ]  # fmt: skip
    assert day1.split() == [
        "2026-03-02", "5", "3", "1", "1", "60.0", "20.0", "4.0", "8.8", "60.0", "108.0", "66.7",
        "30.0", "48.0", "2", "1", "1", "resolved:1", "sale:1", "purchases:2", "credit:1",
    ]  # fmt: skip
    assert day2.split()[:8] == ["2026-03-03", "2", "1", "0", "1", "50.0", "50.0", "6.0"]
    # Right-aligned numbers: every figure column ends at the same place on each line.
    for name in ("offered", "pop_p95ms", "multi"):
        end = header.index(name) + len(name)
        for line in (day1, day2):
            assert line[end - 1] != " "
            assert line[end] == " "


def test_csv_one_row_per_group(capsys: pytest.CaptureFixture[str], local_config: Path) -> None:
    code, out, _ = run(
        capsys, "journal", "stats", "--config", str(local_config), "--by", "hour", "--format", "csv"
    )
    assert code == 0
    rows = list(csv.DictReader(io.StringIO(out)))
    assert [r["group"] for r in rows] == [
        "2026-03-02T09:00",
        "2026-03-02T10:00",
        "2026-03-03T09:00",
    ]
    ten = rows[1]
    assert (ten["offered"], ten["answer_rate"], ten["missed_rate"]) == ("2", "0.0000", "0.5000")
    assert (ten["answer_p50_s"], ten["wrapup_rate"], ten["pop_p95_ms"]) == ("", "", "49.5")
    assert ten["top_failed_sections"] == "purchases:1"
    assert rows[0]["top_dispositions"] == "resolved:1;sale:1"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--by", "agent"], "--by agent needs --central"),
        (["--by", "week"], "invalid choice: 'week'"),
        (["--since", "tomorrow"], "--since 'tomorrow'"),
        (["--until", "2026-13-01"], "--until '2026-13-01'"),
        (["--since", "2026-03-03", "--until", "2026-03-01"], "is not after --since"),
        (["--format", "xml"], "invalid choice: 'xml'"),
        (["--since", "' OR 1=1 --"], '--since "\' OR 1=1 --"'),
    ],
)
def test_bad_stats_values_exit_2_with_nothing_on_stdout(
    capsys: pytest.CaptureFixture[str], local_config: Path, args: list[str], message: str
) -> None:
    code, out, err = run(capsys, "journal", "stats", "--config", str(local_config), *args)
    assert (code, out) == (2, "")
    assert message in err


def test_percentile_positions_match_percentile_cont() -> None:
    assert percentile_positions(1, 0.9) == (0, 0, 0.0)
    assert percentile_positions(4, 0.5) == (1, 2, 0.5)
    lower, upper, frac = percentile_positions(6, 0.95)
    assert (lower, upper) == (4, 5)
    assert frac == pytest.approx(0.75)


# ---------------------------------------------------------------- central --


def _replicate_known_calls(
    central: Central, tmp_path: Path, name: str, agent: str, team: str
) -> None:
    """The seven known calls journaled on agent ``agent``'s workstation and replicated."""
    login = central.agent(name, agent, team)
    with Journal(tmp_path / f"{name}.db") as journal:
        fill(journal)
        rep = Replicator(journal, central.config(login), agent, resolve)
        try:
            while rep.push_once():
                pass
        finally:
            rep.stop(drain_s=0)
        assert journal.pending_count() == 0


def _central_config(tmp_path: Path, central: Central, login: str) -> Path:
    path = tmp_path / f"{login}.toml"
    path.write_text(
        f'[agent]\nextension = "supervisor"\n[journal]\nlocal = "{tmp_path / "unused.db"}"\n'
        f'central = "{central.url(login)}"\npassword = "{SECRET_REF}"\n'
    )
    return path


def test_central_figures_equal_the_local_ones(
    tmp_path: Path, central: Central, central_secret: str, capsys: pytest.CaptureFixture[str]
) -> None:
    _replicate_known_calls(central, tmp_path, "a", "1001", "north")
    sup = central.supervisor("sup", "north")
    config = _central_config(tmp_path, central, sup)
    assert stats_json(capsys, config, "--central")["groups"] == [ALL]
    assert stats_json(capsys, config, "--central", "--by", "day")["groups"] == [DAY1, DAY2]
    hours = stats_json(capsys, config, "--central", "--by", "hour")["groups"]
    assert hours[1] == HOUR10
    doc = stats_json(capsys, config, "--central", "--since", "2026-03-03")
    assert doc["groups"] == [{**DAY2, "group": "all"}]
    code, out, _ = run(capsys, "journal", "stats", "--config", str(config), "--central")
    assert code == 0
    assert out.splitlines()[1].split()[:8] == ["all", "7", "4", "1", "2", "57.1", "28.6", "5.0"]


def test_central_by_agent_is_what_rls_lets_the_login_read(
    tmp_path: Path, central: Central, central_secret: str, capsys: pytest.CaptureFixture[str]
) -> None:
    _replicate_known_calls(central, tmp_path, "a", "1001", "north")
    _replicate_known_calls(central, tmp_path, "b", "1002", "north")
    _replicate_known_calls(central, tmp_path, "c", "1003", "south")
    assert len(central.rows("agent")) == 21  # the DBA sees all three agents

    north = _central_config(tmp_path, central, central.supervisor("sn", "north"))
    groups = stats_json(capsys, north, "--central", "--by", "agent")["groups"]
    assert [g["group"] for g in groups] == ["1001", "1002"]
    assert groups[0] == {**ALL, "group": "1001"}
    assert stats_json(capsys, north, "--central")["groups"][0]["offered"] == 14

    both = _central_config(tmp_path, central, central.supervisor("sb", "north", "south"))
    groups = stats_json(capsys, both, "--central", "--by", "agent")["groups"]
    assert [g["group"] for g in groups] == ["1001", "1002", "1003"]

    # An agent's own login: only itself, whatever it asks for.
    agent_login = next(r for r in central.roles if r.endswith("_c"))
    own = _central_config(tmp_path, central, agent_login)
    groups = stats_json(capsys, own, "--central", "--by", "agent")["groups"]
    assert groups == [{**ALL, "group": "1003"}]

    # A supervisor of no team sees nothing at all.
    none = _central_config(tmp_path, central, central.supervisor("sx"))
    assert stats_json(capsys, none, "--central", "--by", "agent")["groups"] == []
    assert stats_json(capsys, none, "--central")["groups"] == [EMPTY]


def test_central_export_filters(
    tmp_path: Path, central: Central, central_secret: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """The same search filters on the central journal, inside what RLS allows."""
    _replicate_known_calls(central, tmp_path, "a", "1001", "north")
    _replicate_known_calls(central, tmp_path, "c", "1003", "south")
    config = _central_config(tmp_path, central, central.supervisor("sn", "north"))

    def ids(*args: str) -> list[tuple[str, str]]:
        code, out, err = run(
            capsys, "journal", "export", "--config", str(config), "--central", "--format", "json",
            *args,
        )  # fmt: skip
        assert code == 0, err
        return [(row["agent"], row["call_id"]) for row in json.loads(out)]

    assert len(ids()) == 7
    assert ids("--state", "missed") == [("1001", "c4"), ("1001", "c7")]
    assert ids("--number", "0044 20 7946 0958") == [("1001", "c1"), ("1001", "c5")]
    assert ids("--customer", "17850", "--state", "ended") == [("1001", "c1"), ("1001", "c5")]
    assert ids("--disposition", "sale", "--since", "2026-03-03") == [("1001", "c6")]
    assert ids("--text", "ACME", "--until", "2026-03-02T10:00") == [("1001", "c1")]
    assert ids("--text", "50%") == [("1001", "c1")]
    assert ids("--text", "m_g") == []
    assert ids("--text", "zoë") == [("1001", "c6")]
    assert ids("--limit", "3") == [("1001", "c1"), ("1001", "c2"), ("1001", "c3")]
    # Another team's agent by name, or an injection: nothing, and nothing changed.
    assert ids("--agent", "1003") == []
    for attack in ("' OR '1'='1", "'; DELETE FROM screenpop.calls; --", "%' OR team LIKE '%"):
        assert ids("--text", attack) == []
        assert ids("--customer", attack) == []
        assert ids("--disposition", attack) == []
    assert len(central.rows("agent")) == 14
    code, out, err = run(
        capsys, "journal", "export", "--config", str(config), "--central", "--limit", "-5"
    )
    assert (code, out) == (2, "")
    assert "--limit -5" in err


# ------------------------------------------- identification that failed --


def _identify_calls(journal: Journal) -> None:
    """u1 an unknown caller (identification worked, 0 matches); f1 identification failed
    (the accounting database was down: the caller may be on file); k1 a known customer."""
    reason = Reason.of(SOURCE_INTERNAL, source="accounting", error="no such table: customers")
    failed = Card(
        normalise("020 7946 0101", "GB"),
        identify_failed=(SourceFailure("accounting", reason.text, reason),),
    )
    unknown = Card(normalise("020 7946 0102", "GB"))
    known = Card(
        normalise("020 7946 0103", "GB"),
        customer=Match(customer_id="17850", name="Acme Ltd"),
        matches=[Match(customer_id="17850", name="Acme Ltd")],
        sections={"balance": Section(Status.OK, data={"balance": 1.0}, source="accounting")},
    )
    for i, (call, c) in enumerate((("f1", failed), ("u1", unknown), ("k1", known))):
        journal.record_event(*ev(call, CallState.RINGING, T0 + i, number=c.number.received))
        journal.record_card(call, c, 5.0)
    assert journal.get("f1").failed_sections == ("identify",)  # type: ignore[union-attr]


IDENTIFY_FIGURES = {"offered": 3, "failed_calls": 1, "unknown_callers": 1}


def _figures(group: dict[str, Any]) -> dict[str, Any]:
    return {key: group[key] for key in IDENTIFY_FIGURES}


def test_failed_identification_is_failed_not_unknown(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "journal.db"
    with Journal(path) as journal:
        _identify_calls(journal)
    cfg = tmp_path / "screenpop.toml"
    cfg.write_text(f'[agent]\nregion = "GB"\n[journal]\nlocal = "{path}"\n')
    [group] = stats_json(capsys, cfg)["groups"]
    assert _figures(group) == IDENTIFY_FIGURES
    assert group["top_failed_sections"] == [{"section": "identify", "calls": 1}]


def test_failed_identification_centrally_too(
    tmp_path: Path, central: Central, central_secret: str, capsys: pytest.CaptureFixture[str]
) -> None:
    login = central.agent("i", "1001", "north")
    with Journal(tmp_path / "i.db") as journal:
        _identify_calls(journal)
        rep = Replicator(journal, central.config(login), "1001", resolve)
        try:
            while rep.push_once():
                pass
        finally:
            rep.stop(drain_s=0)
    config = _central_config(tmp_path, central, central.supervisor("si", "north"))
    [group] = stats_json(capsys, config, "--central")["groups"]
    assert _figures(group) == IDENTIFY_FIGURES
    assert group["top_failed_sections"] == [{"section": "identify", "calls": 1}]

"""What the configuration refuses about cases, at load, with the key named."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from screenpop.config.errors import ConfigError
from screenpop.config.loader import load_config

GOOD_SQL = (
    "INSERT INTO cases (case_id, customer_id, product, fault, status) "
    "VALUES (:case_id, :customer_id, :product, :category, 'open; not -- a SELECT')"
)


def load(tmp_path: Path, text: str) -> Any:
    path = tmp_path / "agent.toml"
    path.write_text(text, encoding="utf-8")
    return load_config(path, environ={})


def sql_source(open_case: str, section: str = "cases", name: str = "service") -> str:
    return f'''
[[source]]
name = "{name}"
kind = "sql"
section = "{section}"
url = "sqlite:///service.db"
open_case = """{open_case}"""
'''


def test_a_single_insert_with_bound_parameters_is_accepted(tmp_path: Path) -> None:
    config = load(tmp_path, sql_source(GOOD_SQL) + '[cases]\nfault_categories = ["Broken"]\n')
    writer = config.case_writer()
    assert writer is not None
    assert writer.open_case == GOOD_SQL
    assert config.cases.fault_categories == ("Broken",)
    assert config.agent.time_zone == ""


@pytest.mark.parametrize(
    ("statement", "said"),
    [
        ("INSERT INTO c (a) VALUES (:case_id); DELETE FROM c", "no ';'"),
        ("INSERT INTO c (a) VALUES (:case_id) -- comment", "comment"),
        ("INSERT INTO c (a) VALUES (:case_id) /* x */", "comment"),
        ("INSERT INTO c (a) SELECT :case_id", "INSERT INTO … VALUES"),
        ("INSERT INTO c (a, b) VALUES (:case_id, (SELECT max(b) FROM c))", "SELECT"),
        ("UPDATE c SET a = :case_id", "INSERT INTO … VALUES"),
        ("DELETE FROM c WHERE a = :case_id", "INSERT INTO … VALUES"),
        ("INSERT INTO c (a) VALUES ('{description}')", "splices text"),
        ("INSERT INTO c (a) VALUES (%(case_id)s)", "splices text"),
        ("INSERT INTO c (a) VALUES ($1)", "splices text"),
        ("INSERT INTO c (a) VALUES (:product)", ":case_id"),
        ("INSERT INTO c (a, b) VALUES (:case_id, :e164)", "unknown bound parameter(s): e164"),
    ],
)
def test_anything_but_one_insert_with_bound_parameters_is_refused(
    tmp_path: Path, statement: str, said: str
) -> None:
    with pytest.raises(ConfigError) as info:
        load(tmp_path, sql_source(statement))
    assert "open_case" in str(info.value)
    assert said in str(info.value)


def test_open_case_only_on_a_cases_source(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match='section = "cases"'):
        load(tmp_path, sql_source(GOOD_SQL, section="purchases"))


def test_two_writers_need_cases_source_and_it_must_exist(tmp_path: Path) -> None:
    two = sql_source(GOOD_SQL) + sql_source(GOOD_SQL, name="other")
    with pytest.raises(ConfigError, match=r"cases\.source"):
        load(tmp_path, two)
    assert load(tmp_path, two + '[cases]\nsource = "other"\n').case_writer().name == "other"
    with pytest.raises(ConfigError, match="no source 'nope'"):
        load(tmp_path, sql_source(GOOD_SQL) + '[cases]\nsource = "nope"\n')


@pytest.mark.parametrize(
    ("table", "said"),
    [
        ('{ path = "/cases", body = { id = "{case_id}", who = "{e164}" } }', "{e164}"),
        ('{ path = "/cases", body = { text = "{description}" } }', "{case_id}"),
        ('{ path = "https://elsewhere.example/cases", body = { id = "{case_id}" } }', "path"),
        ('{ path = "/cases/{case_id", body = { id = "{case_id}" } }', "placeholder"),
        ('{ path = "/cases", body = { id = "{case_id}" }, method = "PUT" }', "method"),
    ],
)
def test_rest_open_case_templates_are_checked(tmp_path: Path, table: str, said: str) -> None:
    text = f"""
[[source]]
name = "service"
kind = "rest"
section = "cases"
query = "https://desk.example/customers/{{customer_id}}/cases"
open_case = {table}
"""
    with pytest.raises(ConfigError) as info:
        load(tmp_path, text)
    assert said in str(info.value)


def test_time_zone_and_categories_are_checked(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="unknown time zone 'Mars/Olympus'"):
        load(tmp_path, '[agent]\ntime_zone = "Mars/Olympus"\n')
    assert load(tmp_path, '[agent]\ntime_zone = "Europe/Helsinki"\n').agent.time_zone
    with pytest.raises(ConfigError, match="at least one"):
        load(tmp_path, "[cases]\nfault_categories = []\n")
    with pytest.raises(ConfigError, match="twice"):
        load(tmp_path, '[cases]\nfault_categories = ["A", " A"]\n')

"""The README's configuration reference is generated from the schema, and kept so.

It had drifted: ``max_body``, ``max_age_s``, ``ring_timeout``, ``client_id``
and ``insecure`` were missing (issue 10).
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from pydantic import BaseModel

from screenpop.config.fields import Strict
from screenpop.config.reference import BEGIN, END, UndocumentedField, field_doc, render
from screenpop.config.schema import Config

ROOT = Path(__file__).resolve().parents[2]


def block() -> str:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    return readme.split(BEGIN, 1)[1].split(END, 1)[0]


def test_readme_reference_is_current() -> None:
    """Fails when a key, type, default or description changed without regenerating."""
    assert block().strip() == render().strip(), "run scripts/config_reference.py"
    res = subprocess.run([sys.executable, str(ROOT / "scripts" / "config_reference.py"),
                          "--check"], capture_output=True, text=True, timeout=60)  # fmt: skip
    assert res.returncode == 0, res.stderr


def test_check_mode_fails_on_a_stale_readme(tmp_path: Path) -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    stale = tmp_path / "README.md"
    stale.write_text(readme.replace("| `max_age_s` |", "| `max_age` |"), encoding="utf-8")
    script = str(ROOT / "scripts" / "config_reference.py")
    res = subprocess.run([sys.executable, script, "--check", "--readme", str(stale)],
                         capture_output=True, text=True, timeout=60)  # fmt: skip
    assert res.returncode == 1
    assert "stale" in res.stderr
    subprocess.run([sys.executable, script, "--readme", str(stale)], check=True, timeout=60)
    assert stale.read_text(encoding="utf-8") == readme


def models() -> list[tuple[str, type[BaseModel]]]:
    """Every model a config file can hold, plugins' included."""
    from screenpop.bridges.registry import REGISTRY as BRIDGES
    from screenpop.config.reference import _models_in
    from screenpop.sources.registry import REGISTRY as SOURCES

    out: list[tuple[str, type[BaseModel]]] = []
    todo: list[type[BaseModel]] = [Config] + [p.config for p in BRIDGES.plugins()]
    todo += [p.config for p in SOURCES.plugins()]
    while todo:
        model = todo.pop()
        if any(m is model for _, m in out):
            continue
        out.append((model.__name__, model))
        for info in model.model_fields.values():
            todo += _models_in(info.annotation)
    return out


@pytest.mark.parametrize(("name", "model"), models())
def test_every_key_is_in_the_reference_with_its_description(
    name: str, model: type[BaseModel]
) -> None:
    text = block()
    for key in model.model_fields:
        if model is Config:  # the top level: one table each (``locked`` is the loader's)
            if key != "locked":
                table = f"[[{key}]]" if key in ("bridge", "source") else f"[{key}]"
                assert f"**`{table}`**" in text, f"[{key}] missing from the README"
            continue
        assert f"| `{key}` |" in text, f"{name}.{key} missing from the README"
        doc = field_doc(model, key).replace("``", "`").replace("|", "\\|")
        assert doc in text


def test_keys_that_had_drifted_are_documented() -> None:
    text = block()
    for key in ("max_body", "max_age_s", "ring_timeout", "client_id", "insecure"):
        assert f"| `{key}` |" in text


def test_a_field_without_a_docstring_is_refused() -> None:
    class Careless(Strict):
        documented: int = 1
        """Says what it is."""
        forgotten: int = 2

    assert field_doc(Careless, "documented") == "Says what it is."
    with pytest.raises(UndocumentedField, match=r"Careless\.forgotten has no docstring"):
        field_doc(Careless, "forgotten")

"""The shape of the code, checked: no import cycles between any two modules of
screenpop, and no module over ~400 lines without a reason written at its top.

import-linter (run by scripts/test) checks the layers; a cycle can run through
packages that are layered as a whole (the config's building blocks sit below
the plugins, its assembled schema above them), so cycles are checked here
module by module, imports inside functions included.
"""

from __future__ import annotations

import sys
from pathlib import Path

import grimp

ROOT = Path(__file__).resolve().parent.parent / "screenpop"
#: Lines a module may have before it must say at its top why it is longer
#: ("~400": a docstring paragraph more is not a reason to split a module).
LONG = 410
#: The words a long module's docstring uses to say why.
WHY_LONG = "Why this module is long"


def _cycles(graph: grimp.ImportGraph) -> list[list[str]]:
    """Strongly connected groups of more than one module (Tarjan)."""
    sys.setrecursionlimit(max(sys.getrecursionlimit(), 10_000))
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    counter = [0]

    def visit(v: str) -> None:
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on_stack.add(v)
        for w in graph.find_modules_directly_imported_by(v):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            group = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                group.append(w)
                if w == v:
                    break
            if len(group) > 1:
                found.append(sorted(group))

    for module in sorted(graph.modules):
        if module not in index:
            visit(module)
    return found


def test_no_import_cycles_between_modules() -> None:
    graph = grimp.build_graph("screenpop", exclude_type_checking_imports=True)
    assert _cycles(graph) == []


def test_no_module_is_long_without_a_reason() -> None:
    long = []
    for path in sorted(ROOT.rglob("*.py")):
        text = path.read_text(encoding="utf-8")
        lines = text.count("\n")
        head = text[:3000]
        if lines > LONG and WHY_LONG not in head:
            long.append(f"{path.relative_to(ROOT.parent)} ({lines} lines)")
    assert long == [], "modules over ~400 lines without a reason at their top"

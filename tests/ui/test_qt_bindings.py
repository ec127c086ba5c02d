"""The Qt bindings we ship must not corrupt the interpreter.

PySide6 6.12.0 on CPython 3.11 drops one reference to ``None`` on every C++
call returning ``void``; after a few thousand calls CPython aborts with
"none_dealloc: deallocating None". pyproject.toml excludes that release; this
test fails if a build with the defect is installed again.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject


def test_void_calls_do_not_leak_none_references() -> None:
    probe = QObject()
    before = sys.getrefcount(None)
    for _ in range(1000):
        probe.setObjectName("probe")
    lost = before - sys.getrefcount(None)
    assert lost < 50, f"{lost} references to None lost in 1000 void Qt calls"

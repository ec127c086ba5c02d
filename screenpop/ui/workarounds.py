"""Work around defects of the Qt bindings that would otherwise crash the app.

WORKAROUND for a refcount defect measured in PySide6/shiboken6 6.12.0 on
CPython 3.11 (no upstream report found yet; reproduce with
``tests/ui/test_workarounds.py``): every call of a C++
method returning ``void`` (``QWidget.show()``, ``QObject.setObjectName()``
...) or ``nullptr`` drops one reference to ``None`` that it never took.
``None`` starts with a few thousand references, so after a few thousand such
calls CPython aborts with "none_dealloc: deallocating None". From CPython 3.12
``None`` is immortal (PEP 683) and the defect is harmless.

The fix measures the leak once at import (100 calls of a void method) and, if
there is one, gives ``None`` 2**48 extra references: at one leak per call that
outlasts any process. Nothing is done where nothing leaks.
"""

from __future__ import annotations

import ctypes
import logging
import sys

from PySide6.QtCore import QObject

log = logging.getLogger(__name__)

#: Headroom granted to ``None``'s reference count when the bindings leak.
NONE_HEADROOM = 1 << 48
_PROBE_CALLS = 100


def none_leak_per_call() -> float:
    """References to ``None`` lost per void Qt call (0 when the bindings are sound)."""
    probe = QObject()
    before = sys.getrefcount(None)
    for _ in range(_PROBE_CALLS):
        probe.setObjectName("probe")
    after = sys.getrefcount(None)
    return max(0.0, (before - after) / _PROBE_CALLS)


def protect_none() -> bool:
    """Grant ``None`` headroom if Qt calls leak its references; True if done."""
    if sys.version_info >= (3, 12):
        return False  # immortal None: a leak cannot reach zero
    leak = none_leak_per_call()
    if leak < 0.5:
        return False
    refcnt = ctypes.c_ssize_t.from_address(id(None))
    refcnt.value += NONE_HEADROOM
    log.debug("Qt bindings leak %.1f None reference(s) per call; headroom granted", leak)
    return True


PROTECTED = protect_none()

"""Keeps a test's ``python -m screenpop`` subprocess away from the desk's real locks.

``tests/conftest.py`` puts this directory first on ``PYTHONPATH`` and names a
per-test path in ``_SCREENPOP_TEST_MANAGED_CONFIG``; Python imports this file
at start-up, and it plants the seam ``screenpop.config.loader`` looks for
(``TEST_SEAM``): the machine-wide file is then that path, not
``/etc/xdg/screenpop/screenpop.toml`` of a desk where the .deb is installed.
Standard library only, so every subprocess (``notify`` included) stays light.
"""

import os
import sys
import types

_path = os.environ.get("_SCREENPOP_TEST_MANAGED_CONFIG")
if _path:
    _seam = types.ModuleType("_screenpop_test_seam")
    _seam.managed_config = _path  # type: ignore[attr-defined]
    sys.modules["_screenpop_test_seam"] = _seam

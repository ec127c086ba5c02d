"""A burst of 100 ringing calls within 1 s against the real engine and the real pop.

The benchmark is ``benchmarks/_burst.py`` (its docstring says what it measures
and how); this entry imports it only when run, because ``multiprocessing``
imports the entry script again in every process it starts (the engine, the
ringer): those must load what they would load in the real app, not Qt.

    .venv/bin/python benchmarks/burst.py --load 2 --rounds 5
"""

import sys
from pathlib import Path

if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    from benchmarks._burst import main

    sys.exit(main())

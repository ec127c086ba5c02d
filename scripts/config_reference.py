#!/usr/bin/env python3
"""Write the README's configuration reference from the schema.

    .venv/bin/python scripts/config_reference.py          # rewrite the block in README.md
    .venv/bin/python scripts/config_reference.py --check  # exit 1 when README.md is stale

Every key, type, default and description comes from the models (the
docstring under each field; screenpop/config/reference.py); the README keeps
the block between its markers and nothing else is touched.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from screenpop.config.reference import render, replace_block  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only say whether it is stale")
    parser.add_argument("--readme", type=Path, default=ROOT / "README.md")
    args = parser.parse_args(argv)
    readme = args.readme.read_text(encoding="utf-8")
    updated = replace_block(readme, render())
    if args.check:
        if updated != readme:
            print(f"{args.readme}: configuration reference is stale; run "
                  "scripts/config_reference.py", file=sys.stderr)  # fmt: skip
            return 1
        return 0
    if updated != readme:
        tmp = args.readme.with_suffix(".md.tmp")
        tmp.write_text(updated, encoding="utf-8")
        tmp.replace(args.readme)
        print(f"{args.readme}: configuration reference updated", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

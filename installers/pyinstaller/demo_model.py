"""Build the demo's cross-sell model once, at bundle-build time, for the bundles.

The agent bundles leave scipy out (it only *fits* the model); ``screenpop
demo`` then copies this shipped model instead of fitting one. It is exactly
what the demo would build on first start: the demo's own databases and config,
through ``screenpop crosssell build``'s code. The model file is the same on
every OS (a versioned .npz), so the Windows bundle gets the one built here.

    .venv/bin/python installers/pyinstaller/demo_model.py OUT_FILE
"""

import shutil
import sys
import tempfile
from pathlib import Path

from screenpop.cli import _build_crosssell
from screenpop.cli.config import load_config
from screenpop.demo.build import build_demo


def main(out: Path) -> int:
    with tempfile.TemporaryDirectory() as tmp:
        demo = build_demo(Path(tmp) / "demo")
        config = load_config(demo.config, use_user_file=False, use_machine_file=False)
        assert config.crosssell.model is not None
        rc = _build_crosssell(config, quiet=True)
        if rc != 0:
            return rc
        out.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(config.crosssell.model, out.with_suffix(".tmp"))
        out.with_suffix(".tmp").replace(out)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(Path(sys.argv[1])))

"""Entry point of the PyInstaller bundle: the same ``main`` as the ``screenpop`` script."""

from screenpop.cli import main

raise SystemExit(main())

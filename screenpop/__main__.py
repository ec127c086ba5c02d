"""Allow ``python -m screenpop``."""

from screenpop.cli import main

raise SystemExit(main())

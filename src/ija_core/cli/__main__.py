"""``python -m ija_core.cli``."""

from ija_core.cli import main

raise SystemExit(main())

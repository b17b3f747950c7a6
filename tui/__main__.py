"""`python -m tui` runs the same command line as `reclaim`."""

from tui.cli import main

raise SystemExit(main())

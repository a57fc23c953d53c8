"""`python -m parallax` runs the command-line interface."""

from parallax.cli.main import main

raise SystemExit(main())

"""Entry point of the frozen app: the same `variorum` command as the installed package."""

from variorum.cli import main

raise SystemExit(main())

"""The ``variorum`` command: ``variorum compare …`` for scripts; anything else opens the desktop app."""

from __future__ import annotations

import logging
import sys
from collections.abc import Sequence

from variorum import logs
from variorum.app_args import VERBOSE

# Subcommands for scripts: name -> module with ``main(argv) -> int``.
SUBCOMMANDS = {
    "compare": "variorum.cli_compare",
    "notes": "variorum.cli_notes",
    "batch": "variorum.cli_batch",
}
EXIT_BUG = 70  # sysexits' EX_SOFTWARE: something went wrong inside the program

log = logging.getLogger(__name__)


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    options = args[: args.index("--")] if "--" in args else args
    verbose = VERBOSE in options
    logs.configure(verbose=verbose)
    try:
        kept = [a for a in options if a != VERBOSE] + args[len(options):]
        if kept and kept[0] in SUBCOMMANDS:
            import importlib

            return importlib.import_module(SUBCOMMANDS[kept[0]]).main(kept[1:])
        if {"--install-desktop", "--uninstall-desktop"} & set(kept):
            from variorum.desktop_integration import main as desktop_main

            return desktop_main(kept)
        return _app_main(args)  # the app's parser knows --verbose
    except Exception as exc:  # a bug: the traceback goes to the log, the user gets one line
        logs.log_bug(log, "Unexpected error", exc)
        print(logs.bug_notice(exc), file=sys.stderr)
        return EXIT_BUG


def _app_main(args: list[str]) -> int:
    from variorum.app_args import parser

    parser().parse_known_args(args)  # --help and --version answer here, before Qt is loaded
    from variorum.ui.app import main as app_main

    return app_main(args)

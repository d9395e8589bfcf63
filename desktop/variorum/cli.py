"""The ``variorum`` command: ``variorum compare …`` for scripts; anything else opens the desktop app."""

from __future__ import annotations

import sys
from collections.abc import Sequence

from variorum.app_args import VERBOSE, VERSION

# Subcommands for scripts: name -> module with ``main(argv) -> int``.
SUBCOMMANDS = {
    "compare": "variorum.cli_compare",
    "notes": "variorum.cli_notes",
    "batch": "variorum.cli_batch",
}
DESKTOP_OPTIONS = {"--install-desktop", "--uninstall-desktop"}
HELP = {"-h", "--help"}
EXIT_BUG = 70  # sysexits' EX_SOFTWARE: something went wrong inside the program


def _answer_version() -> None:
    """``variorum --version`` as argparse answers it, without building the parser: importing argparse and what
    it needs to print is most of the command's start-up (on a terminal too narrow for the line, argparse wraps it:
    the parser answers then)."""
    from variorum.cli_width import terminal_columns

    if terminal_columns() - 2 >= len(VERSION):
        sys.stdout.write(VERSION + "\n")
        raise SystemExit(0)


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if args == ["--version"]:
        _answer_version()
    options = args[: args.index("--")] if "--" in args else args
    verbose = VERBOSE in options
    kept = [a for a in options if a != VERBOSE] + args[len(options):]
    command = SUBCOMMANDS.get(kept[0]) if kept else None
    desktop = command is None and bool(DESKTOP_OPTIONS & set(kept))
    if command is None and not desktop:
        from variorum.app_args import parser

        parser().parse_known_args(args)  # --help and --version answer here, before the log or Qt is loaded
    if not HELP & set(options):  # with -h the command's parser prints its help (or a usage error) and exits
        from variorum import logs

        logs.configure(verbose=verbose)
    try:
        if command is not None:
            import importlib

            return importlib.import_module(command).main(kept[1:])
        if desktop:
            from variorum.desktop_integration import main as desktop_main

            return desktop_main(kept)
        from variorum.ui.app import main as app_main

        return app_main(args)  # the app's parser knows --verbose
    except Exception as exc:  # a bug: the traceback goes to the log, the user gets one line
        import logging

        from variorum import logs

        logs.log_bug(logging.getLogger(__name__), "Unexpected error", exc)
        print(logs.bug_notice(exc), file=sys.stderr)
        return EXIT_BUG

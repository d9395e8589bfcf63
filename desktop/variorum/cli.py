"""The ``variorum`` command: ``variorum compare …`` for scripts; anything else opens the desktop app."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from variorum import __version__

# Subcommands for scripts: name -> module with ``main(argv) -> int``.
SUBCOMMANDS = {
    "compare": "variorum.cli_compare",
    "notes": "variorum.cli_notes",
}


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if args and args[0] in SUBCOMMANDS:
        import importlib

        return importlib.import_module(SUBCOMMANDS[args[0]]).main(args[1:])
    if {"--install-desktop", "--uninstall-desktop"} & set(args):
        from variorum.desktop_integration import main as desktop_main

        return desktop_main(args)
    return _app_main(args)


def _app_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="variorum",
        description="Compare versions of an article side by side. "
                    "Commands for scripts: 'variorum compare FILE…' (a report) and 'variorum notes …' "
                    "(reconciliation notes); each has --help.",
    )
    p.add_argument("--version", action="version", version=f"variorum {__version__}")
    p.add_argument("--demo", action="store_true", help="open the bundled demo case")
    p.add_argument("--install-desktop", action="store_true",
                   help="add Variorum to your application menu and 'Open with' (for you only), then exit")
    p.add_argument("--uninstall-desktop", action="store_true", help="remove what --install-desktop added, then exit")
    p.add_argument("files", nargs="*", metavar="FILE_OR_DIR", help="versions to open")
    return p


def _app_main(args: list[str]) -> int:
    from variorum.ui.app import main as app_main

    return app_main(args)

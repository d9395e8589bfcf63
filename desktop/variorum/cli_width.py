"""The width the command's help is wrapped to, worked out as argparse does, without importing ``shutil``.

argparse asks ``shutil.get_terminal_size()`` for it, and importing ``shutil`` loads the compression modules
(``bz2``, ``lzma``, ``zlib``) too: a fifth of what ``variorum compare --help`` imports. The same answer here:
``$COLUMNS`` when it is a positive number, else the width of the terminal standard output goes to, else 80.
"""

from __future__ import annotations

import os
import sys

TYPE_CHECKING = False  # typing.TYPE_CHECKING, without importing typing before --help has answered
if TYPE_CHECKING:
    import argparse

FALLBACK_COLUMNS = 80


def terminal_columns() -> int:
    """``shutil.get_terminal_size().columns``."""
    try:
        columns = int(os.environ["COLUMNS"])
    except (KeyError, ValueError):
        columns = 0
    if columns > 0:
        return columns
    try:
        return os.get_terminal_size(sys.__stdout__.fileno()).columns or FALLBACK_COLUMNS  # type: ignore[union-attr]
    except (AttributeError, ValueError, OSError):
        return FALLBACK_COLUMNS


def help_formatter(prog: str) -> argparse.HelpFormatter:
    """argparse's own help formatter, given the width it would have looked up (``formatter_class=`` this)."""
    import argparse

    return argparse.HelpFormatter(prog, width=terminal_columns() - 2)

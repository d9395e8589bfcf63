"""The desktop app's command line, Qt-free so ``variorum --version`` and ``--help`` answer without loading Qt."""

from __future__ import annotations

from variorum import __version__

TYPE_CHECKING = False  # typing.TYPE_CHECKING, without importing typing before --version has answered
if TYPE_CHECKING:
    import argparse

VERBOSE = "--verbose"
VERSION = f"variorum {__version__}"


def _size(text: str) -> tuple[int, int]:
    import argparse

    width, sep, height = text.lower().partition("x")
    if not (sep and width.isdigit() and height.isdigit()) or int(width) < 200 or int(height) < 150:
        raise argparse.ArgumentTypeError(f"not a window size such as 1280x720: {text!r}")
    return int(width), int(height)


def parser() -> argparse.ArgumentParser:
    import argparse

    from variorum.cli_width import help_formatter

    p = argparse.ArgumentParser(
        prog="variorum", formatter_class=help_formatter,
        description="Compare versions of an article side by side. "
                    "Commands for scripts: 'variorum compare FILE…' (a report) and 'variorum notes …' "
                    "(reconciliation notes); each has --help.",
        epilog="Qt options such as -style Fusion are passed on to Qt.",
    )
    p.add_argument("--version", action="version", version=VERSION)
    p.add_argument(VERBOSE, action="store_true",
                   help="also print the log to stderr (works with the commands too: variorum --verbose compare …)")
    p.add_argument("--demo", action="store_true", help="open the bundled demo case")
    p.add_argument("--screenshot", metavar="PATH",
                   help="open the files (or --demo), save the window as a PNG once the comparison is shown, exit")
    p.add_argument("--url", metavar="URL",
                   help="for a web archive (.warc, .warc.gz, .wacz) of many pages: open the captures of this page "
                        "without asking which (needed with --screenshot)")
    p.add_argument("--size", metavar="WIDTHxHEIGHT", type=_size,
                   help="the window's size, e.g. 1280x720 (default for --screenshot: 1560x940)")
    p.add_argument("--dark", action="store_true",
                   help="use a dark palette whatever the system's (also VARIORUM_THEME=dark)")
    p.add_argument("--install-desktop", action="store_true",
                   help="add Variorum to your application menu and 'Open with' (for you only), then exit")
    p.add_argument("--uninstall-desktop", action="store_true", help="remove what --install-desktop added, then exit")
    p.add_argument("files", nargs="*", metavar="FILE_OR_DIR", help="versions to open")
    return p

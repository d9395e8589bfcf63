"""Variorum: compare versions of a news article and flag the discrepancies that matter."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("variorum")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.1.0"

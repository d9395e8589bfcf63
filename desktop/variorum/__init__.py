"""Variorum: compare versions of a news article and flag the discrepancies that matter."""

__version__ = "0.1.0"

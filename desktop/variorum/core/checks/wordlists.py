"""Word lists written in the source as one string: the checks' stop words, units, count words and the like."""

from __future__ import annotations


def word_set(words: str) -> frozenset[str]:
    """A set of words written as one string, separated by white space."""
    return frozenset(words.split())

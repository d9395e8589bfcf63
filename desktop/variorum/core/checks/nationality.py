"""Nationality words ("polish", "swedish", "american"): a person's nationality restated is a changed claim.

The words are CLDR's, shipped as a word list (see :mod:`variorum.core.checks.cldr_names`).
"""

from __future__ import annotations

import re

from variorum.core.checks.cldr_names import demonyms

_WORD = re.compile(r"[^\W\d_]+")


def nationalities(text: str) -> set[str]:
    """The nationality words a passage holds, hyphenated compounds split ("polish-swedish" → polish, swedish)."""
    known = demonyms()
    return {w for w in _WORD.findall(text.casefold()) if w in known}


def nationality_changed(before: str, after: str) -> bool:
    """Whether two wordings of one place state different nationalities (both state one)."""
    a, b = nationalities(before), nationalities(after)
    return bool(a) and bool(b) and a != b

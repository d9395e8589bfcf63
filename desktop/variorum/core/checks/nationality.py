"""Nationality words ("polish", "swedish", "american"): a person's nationality restated is a changed claim.

The words come from CLDR through Babel: the English names of languages that share their first letters with a
country's ("polish" / "poland", "swedish" / "sweden"), a few nationalities whose language is named otherwise, and
the adjectives regular endings make of country names ("kenya" → "kenyan", "brazil" → "brazilian", "china" →
"chinese", "pakistan" → "pakistani").
"""

from __future__ import annotations

import re
from functools import lru_cache

from variorum.core.checks.wordlists import word_set

_PREFIX = 3
_MIN_LANGUAGE = 5  # shorter language names ("mono", "ewe") are English words too


_OTHERS = word_set("american british english french dutch irish welsh scottish swiss thai lao")
_WORD = re.compile(r"[^\W\d_]+")


def _derived(country: str) -> set[str]:
    stem = country[:-1] if country[-1] in "aeiouy" else country
    return {country + "n", country + "an", country + "ian", country + "i", stem + "an", stem + "ian", stem + "ese",
            stem + "i"}


@lru_cache(maxsize=1)
def demonyms() -> frozenset[str]:
    from babel import Locale  # CLDR's names are read on the first edit that may change a nationality

    english = Locale("en")
    countries = {t.casefold() for t in english.territories.values() if t.isalpha()}
    prefixes = {c[:_PREFIX] for c in countries}
    languages = {n.casefold() for n in english.languages.values() if n.isalpha() and len(n) >= _MIN_LANGUAGE}
    named = {w for w in languages if w[:_PREFIX] in prefixes}
    return frozenset(named | _OTHERS | {d for c in countries for d in _derived(c)})


def nationalities(text: str) -> set[str]:
    """The nationality words a passage holds, hyphenated compounds split ("polish-swedish" → polish, swedish)."""
    known = demonyms()
    return {w for w in _WORD.findall(text.casefold()) if w in known}


def nationality_changed(before: str, after: str) -> bool:
    """Whether two wordings of one place state different nationalities (both state one)."""
    a, b = nationalities(before), nationalities(after)
    return bool(a) and bool(b) and a != b

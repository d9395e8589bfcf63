"""The anchor text of a link, even when a copy kept only the bare URL.

A PDF extraction or a plain-text copy often keeps a link's URL but not its anchor; when the URL's slug spells a
passage of the same text ("Related article: Belarus Opposition Urges…" and ``/belarus-opposition-urges-…``), that
passage is the anchor.
"""

from __future__ import annotations

import re
from functools import lru_cache

from variorum.core.checks.analysis import TextAnalysis
from variorum.core.metadata import slug_words
from variorum.core.model import Link, Version
from variorum.core.normalize import word_key
from variorum.core.quick_dataclass import dataclass

MIN_SLUG_WORDS = 3


@dataclass(frozen=True)
class Anchor:
    text: str
    start: int
    end: int
    from_slug: bool  # the anchor was found by matching the URL's slug to the text


def is_bare(link: Link) -> bool:
    return link.text.strip() == link.url.strip() or link.text.strip().startswith(("http://", "https://", "www."))


@lru_cache(maxsize=256)  # keyed by a URL's few slug words: small, bounded, the same in every run
def _slug_pattern(words: tuple[str, ...]) -> re.Pattern[str]:
    """The slug's words as a passage: whole words, anything but letters and digits between them. The pattern
    starts with the first word and looks back from its end for a letter before it (a lookbehind first would be
    tried at every position of the text)."""
    first = re.escape(words[0])
    return re.compile(first + r"(?<!\w" + first + ")" + "".join(r"[\W_]+" + re.escape(w) for w in words[1:])
                      + r"(?![\w])", re.IGNORECASE)


def anchor_of(version: Version, link: Link, text: TextAnalysis | None = None) -> Anchor | None:
    """The anchor text of ``link`` in ``version``: its own text, or the passage its URL's slug spells (searched
    once per run in ``text``, the run's reading of the version's text, when given)."""
    if not is_bare(link):
        return Anchor(link.text, link.start, link.end, False)
    words = tuple(slug_words(link.url))
    if len(words) < MIN_SLUG_WORDS:
        return None
    pattern = _slug_pattern(words)
    for m in text.matches(pattern) if text is not None else pattern.finditer(version.text):
        if link.start <= m.start() < link.end:  # the URL itself
            continue
        return Anchor(m.group(), m.start(), m.end(), True)
    return None


def anchor_key(text: str) -> str:
    """Anchor texts compared without case, punctuation or markup."""
    return word_key(text)

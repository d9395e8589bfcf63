"""How a version relates to the base: another version of the same article, related coverage, or unrelated.

Same-article versions share long runs of words (word 3-gram containment). Related articles share few runs of
words but many salient terms: names, numbers and dates of the same story.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from variorum.core.model import Relation
from variorum.core.tokens import content_tokens

SAME_ARTICLE_MIN = 0.35
RELATED_MIN_SHARED_TERMS = 3
RELATED_MIN_TERM_OVERLAP = 0.12

_SENTENCE_END = re.compile(r"[.!?:\n\"“”]$")


@dataclass(frozen=True)
class Profile:
    shingles: frozenset[tuple[str, ...]]
    terms: frozenset[str]
    words: int


def profile(text: str) -> Profile:
    tokens = content_tokens(text)
    words = [t.key for t in tokens if t.is_word]
    shingles = frozenset(tuple(words[i:i + 3]) for i in range(max(0, len(words) - 2)))
    terms: set[str] = set()
    prev_raw = "\n"
    for t in tokens:
        raw = t.raw
        is_number = raw[:1].isdigit() and len(raw) >= 2
        is_name = raw[:1].isupper() and len(raw) > 2 and not _SENTENCE_END.search(prev_raw)
        if is_number or is_name:
            terms.add(t.key)
        prev_raw = raw
    return Profile(shingles, frozenset(terms), len(words))


def containment(a: Profile, b: Profile) -> float:
    if not a.shingles or not b.shingles:
        return 0.0
    return len(a.shingles & b.shingles) / min(len(a.shingles), len(b.shingles))


def classify(base: Profile, other: Profile) -> Relation:
    sim = containment(base, other)
    if sim >= SAME_ARTICLE_MIN:
        return Relation("same-article", round(sim, 3))
    shared = base.terms & other.terms
    overlap = len(shared) / min(len(base.terms), len(other.terms)) if base.terms and other.terms else 0.0
    if len(shared) >= RELATED_MIN_SHARED_TERMS and overlap >= RELATED_MIN_TERM_OVERLAP:
        return Relation("related", round(sim, 3))
    return Relation("unrelated", round(sim, 3))


def pick_base(profiles: dict[str, Profile]) -> str | None:
    """The most complete version of the article most versions are about.

    Versions are grouped by same-article similarity; the largest group wins (ties: the one loaded first) and
    its longest member becomes the base.
    """
    ids = list(profiles)
    if not ids:
        return None
    best_group: list[str] = []
    for vid in ids:
        group = [o for o in ids if o == vid or containment(profiles[vid], profiles[o]) >= SAME_ARTICLE_MIN]
        if len(group) > len(best_group):
            best_group = group
    return max(best_group, key=lambda v: (profiles[v].words, -ids.index(v)))

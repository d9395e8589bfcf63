"""How a version relates to the base: another version of the same article, related coverage, or unrelated.

Same-article versions share long runs of words (word 3-gram containment). Related articles share few runs of
words but many salient terms: names, numbers and dates of the same story.
"""

from __future__ import annotations

import functools
import re
from array import array
from collections.abc import Sequence
from itertools import filterfalse

from variorum.core.lazy_regex import LazyPattern
from variorum.core.model import Relation
from variorum.core.normalize import normalize_text
from variorum.core.quick_dataclass import dataclass

SAME_ARTICLE_MIN = 0.35
RELATED_MIN_SHARED_TERMS = 3
RELATED_MIN_TERM_OVERLAP = 0.12
COMPLETE_TOLERANCE = 0.05  # lengths within 5% of the longest count as equally complete
PROFILE_STRETCH = 1 << 16  # characters of text read at a time into words

_WORD = re.compile(r"\w+")
_ISO_DATE = LazyPattern(r"\d{4}(-\d{2}(-\d{2})?)?(?!\d)")
# A capitalised word (a name, most often) or a figure; group 1 is set when it opens a sentence.
_SALIENT = LazyPattern(r"(^|[.!?:\"“”\n]\s*)?\b([A-Z][\w'’-]{2,}|\d[\d.,%]*\d%?)", re.MULTILINE)


@dataclass(frozen=True)
class Profile:
    text: str
    # the distinct hashes of its word 3-grams, in an array of machine integers (8 bytes each, where a set of
    # Python integers takes about 70): the profiles of a case live as long as its comparison
    shingles: array[int]
    words: int

    @functools.cached_property
    def terms(self) -> frozenset[str]:
        """Names and figures; needed only for versions that are not the same article."""
        return frozenset(m.group(2).casefold() for m in _SALIENT.finditer(self.text)
                         if m.group(1) is None or m.group(2)[0].isdigit())


def profile(text: str, normalized: str | None = None, *, paragraphs: Sequence[str] | None = None,
            seen: Seen | None = None) -> Profile:
    """``normalized`` may be given when the caller already has the text in normal form, or ``paragraphs``: its
    paragraphs' normal forms, which joined by spaces make it. With ``paragraphs``, ``seen`` (one dict for all the
    versions of a run, empty at first) keeps the 3-grams inside each paragraph of the first version profiled, so
    that a paragraph another version shares is not read into words again: profile the shortest version first,
    and what is kept is as small as it can be."""
    if paragraphs is not None:
        hashes, words = _paragraph_shingle_hashes(paragraphs, {} if seen is None else seen)
    else:
        hashes, words = _shingle_hashes(normalize_text(text) if normalized is None else normalized)
    return Profile(text, array("q", hashes), words)


def _add_shingles(hashes: set[int], tail: list[str], normalized: str) -> tuple[list[str], int]:
    """Add the hashes of the word 3-grams of ``normalized`` to ``hashes``, the first ones continuing ``tail`` (the
    last words before it, at most two); read a stretch at a time (cut at a space, which no word holds) so that the
    words of a long text are never all held at once. Returns the new tail and the number of words read."""
    count = start = 0
    while start < len(normalized):
        end = normalized.find(" ", start + PROFILE_STRETCH)
        end = len(normalized) if end < 0 else end
        words = tail + _WORD.findall(normalized, start, end)
        hashes.update(map(hash, zip(words, words[1:], words[2:], strict=False)))
        count += len(words) - len(tail)
        tail = words[-2:]
        start = end
    return tail, count


def _shingle_hashes(normalized: str) -> tuple[set[int], int]:
    """The hashes of the word 3-grams of ``normalized`` and its number of words."""
    hashes: set[int] = set()
    _tail, count = _add_shingles(hashes, [], normalized)
    return hashes, count


# a paragraph's normal form -> the hashes of the 3-grams inside it (8 bytes each), its first two and last two
# words, its word count
Seen = dict[str, tuple["array[int]", list[str], list[str], int]]


def _paragraph_shingle_hashes(paragraphs: Sequence[str], seen: Seen) -> tuple[set[int], int]:
    """:func:`_shingle_hashes` of the paragraphs joined by spaces (no word runs across a space), each paragraph
    ``seen`` gives taken from there; ``seen`` is filled with the paragraphs of the text profiled first."""
    fill = not seen
    hashes: set[int] = set()
    tail: list[str] = []
    count = 0
    for key in paragraphs:
        known = seen.get(key)
        if known is None and fill and len(key) <= PROFILE_STRETCH:
            words = _WORD.findall(key)
            inside = array("q", set(map(hash, zip(words, words[1:], words[2:], strict=False))))
            known = seen[key] = (inside, words[:2], words[-2:], len(words))
        if known is None:
            tail, n = _add_shingles(hashes, tail, key)
            count += n
            continue
        inside, first, last, n = known
        if n:
            across = tail + first  # the 3-grams that run from the words before into this paragraph
            hashes.update(map(hash, zip(across, across[1:], across[2:], strict=False)))
            hashes.update(inside)
            tail = (tail + last)[-2:]
            count += n
    return hashes, count


def shared_count(a: Sequence[int], b: Sequence[int]) -> int:
    """How many values two collections of distinct values share; only the smaller is held as a set, for the
    time of the count."""
    small, large = (a, b) if len(a) <= len(b) else (b, a)
    if not small:
        return 0
    return len(set(small).intersection(large))


def containment(a: Profile, b: Profile) -> float:
    if not a.shingles or not b.shingles:
        return 0.0
    return shared_count(a.shingles, b.shingles) / min(len(a.shingles), len(b.shingles))


class _Overlaps:
    """:func:`containment` for many pairs of versions of one article, each version kept as its differences from
    the first: versions that share most of their 3-grams are compared by the few they do not share, so measuring
    every pair of 200 versions costs about as much as reading them once. The counts are exact.

    The reference is the smallest version, held as a set only while the differences are taken: what each
    version lacks of it is then at most its size, and a long text compared with a short one is never held twice.
    """

    def __init__(self, profiles: dict[str, Profile]) -> None:
        self.profiles = profiles
        reference = set(min(profiles.values(), key=lambda p: len(p.shingles)).shingles)
        self.reference_size = len(reference)
        self.delta = {vid: (array("q", reference.difference(p.shingles)),
                            array("q", filterfalse(reference.__contains__, p.shingles)))
                      for vid, p in profiles.items()}

    def shared(self, a: str, b: str) -> int:
        """How many 3-grams versions ``a`` and ``b`` share: directly, or from what each lacks of the reference
        and what each adds to it (|A ∩ B| = |R| - |R - A| - |R - B| + |(R - A) ∩ (R - B)| + |(A - R) ∩ (B - R)|),
        whichever is less work."""
        sa, sb = self.profiles[a].shingles, self.profiles[b].shingles
        (lost_a, added_a), (lost_b, added_b) = self.delta[a], self.delta[b]
        if min(len(lost_a), len(lost_b)) + min(len(added_a), len(added_b)) >= min(len(sa), len(sb)):
            return shared_count(sa, sb)
        return (self.reference_size - len(lost_a) - len(lost_b) + shared_count(lost_a, lost_b)
                + shared_count(added_a, added_b))

    def containment(self, a: str, b: str) -> float:
        sa, sb = self.profiles[a].shingles, self.profiles[b].shingles
        if not sa or not sb:
            return 0.0
        return self.shared(a, b) / min(len(sa), len(sb))


def classify(base: Profile, other: Profile) -> Relation:
    sim = containment(base, other)
    if sim >= SAME_ARTICLE_MIN:
        return Relation("same-article", round(sim, 3))
    shared = base.terms & other.terms
    overlap = len(shared) / min(len(base.terms), len(other.terms)) if base.terms and other.terms else 0.0
    if len(shared) >= RELATED_MIN_SHARED_TERMS and overlap >= RELATED_MIN_TERM_OVERLAP:
        return Relation("related", round(sim, 3))
    return Relation("unrelated", round(sim, 3))


def pick_base(profiles: dict[str, Profile], dates: dict[str, str | None] | None = None) -> str | None:
    """The most complete version of the article most versions are about.

    Versions are grouped by same-article similarity; the largest group wins (ties: the one loaded first). Within
    it, the versions whose length is within ``COMPLETE_TOLERANCE`` of the longest are equally complete; of
    these the one with the earliest known date (``dates``: an ISO date or date-time per id) is the base, else
    the first in ``profiles`` (load order). An original edition, not whichever reprint gained a few words.
    """
    ids = list(profiles)
    if not ids:
        return None
    # containment is symmetric: each pair of versions is measured once (half the work of asking each version
    # about every other), and by what the two versions do not share when that is less
    overlaps = _Overlaps(profiles)
    alike: dict[str, set[str]] = {vid: {vid} for vid in ids}
    for i, vid in enumerate(ids):
        for o in ids[i + 1:]:
            if overlaps.containment(vid, o) >= SAME_ARTICLE_MIN:
                alike[vid].add(o)
                alike[o].add(vid)
    best_group: list[str] = []
    for vid in ids:
        group = [o for o in ids if o in alike[vid]]
        if len(group) > len(best_group):
            best_group = group
    longest = max(profiles[v].words for v in best_group)
    complete = [v for v in best_group if profiles[v].words >= longest * (1 - COMPLETE_TOLERANCE)]
    known = {v: d for v in complete if (d := iso_date((dates or {}).get(v)))}
    if known:
        return min(known, key=lambda v: (known[v], ids.index(v)))
    return complete[0]


def iso_date(value: str | None) -> str | None:
    """The ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` a date begins with (they sort as text), or None."""
    match = _ISO_DATE.match(value or "")
    return match.group(0) if match else None

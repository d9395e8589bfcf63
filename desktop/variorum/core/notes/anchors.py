"""Text anchors: the W3C Web Annotation TextQuoteSelector (exact + prefix + suffix) and finding it again.

A quote also remembers the sha256 of the version it was taken from and its code-point ``start``/``end``
(a TextPositionSelector). When the text has changed, :func:`locate` looks for the words again, in order:
the same position, then the exact words (the occurrence whose surrounding words match best), then an
approximate match (rapidfuzz). If none is good enough it returns None: the note is orphaned, never guessed.
"""

from __future__ import annotations

from typing import Literal

from variorum.core.quick_dataclass import dataclass

CONTEXT_CHARS = 32  # prefix/suffix length, as hypothes.is and the W3C examples use
MIN_FUZZY_CHARS = 8  # shorter quotes are only re-found exactly: a fuzzy match of a few letters means nothing
FUZZY_CUTOFF = 85.0  # 0..100; an approximate match this good is trusted on its own
CONTEXT_SUPPORTED_CUTOFF = 70.0  # a weaker one only if the words around it match the prefix/suffix this well
MAX_OCCURRENCES = 2000

Method = Literal["position", "quote", "fuzzy"]


@dataclass(frozen=True)
class TextQuote:
    """A stretch of one version's text, with enough context to find it again after edits."""

    exact: str
    prefix: str
    suffix: str
    sha256: str  # the version the words were taken from
    start: int  # code points into that version's text
    end: int

    def to_json(self) -> dict:
        return {"exact": self.exact, "prefix": self.prefix, "suffix": self.suffix, "sha256": self.sha256,
                "start": self.start, "end": self.end}

    @classmethod
    def from_json(cls, data: dict) -> TextQuote:
        return cls(exact=str(data.get("exact", "")), prefix=str(data.get("prefix", "")),
                   suffix=str(data.get("suffix", "")), sha256=str(data.get("sha256", "")),
                   start=int(data.get("start", 0)), end=int(data.get("end", 0)))


@dataclass(frozen=True)
class Located:
    """Where a quote sits in a text now, and how it was found."""

    start: int
    end: int
    method: Method
    score: float  # 100 for exact matches


def quote_from(text: str, start: int, end: int, sha256: str, context: int = CONTEXT_CHARS) -> TextQuote:
    """The selector for ``text[start:end]`` (offsets clamped to the text)."""
    start = max(0, min(start, len(text)))
    end = max(start, min(end, len(text)))
    return TextQuote(exact=text[start:end], prefix=text[max(0, start - context):start],
                     suffix=text[end:end + context], sha256=sha256, start=start, end=end)


def _context_score(q: TextQuote, text: str, start: int, end: int) -> float:
    """How well the words around ``text[start:end]`` match the quote's prefix and suffix (0..100)."""
    from rapidfuzz import fuzz  # loaded when a note is looked for again, not when a report lists notes

    scores = []
    if q.prefix:
        scores.append(fuzz.ratio(q.prefix, text[max(0, start - len(q.prefix)):start]))
    if q.suffix:
        scores.append(fuzz.ratio(q.suffix, text[end:end + len(q.suffix)]))
    return sum(scores) / len(scores) if scores else 0.0


def _occurrences(needle: str, text: str) -> list[int]:
    hits: list[int] = []
    i = text.find(needle)
    while i != -1 and len(hits) < MAX_OCCURRENCES:
        hits.append(i)
        i = text.find(needle, i + 1)
    return hits


def locate(q: TextQuote, text: str) -> Located | None:
    """Find the quote in ``text``: same position, else exact words by context, else approximate, else None."""
    n = len(q.exact)
    if n == 0:
        return _locate_insertion_point(q, text)
    if q.start >= 0 and text[q.start:q.start + n] == q.exact:
        return Located(q.start, q.start + n, "position", 100.0)
    hits = _occurrences(q.exact, text)
    if hits:
        best = max(hits, key=lambda s: (_context_score(q, text, s, s + n), -abs(s - q.start)))
        return Located(best, best + n, "quote", 100.0)
    if n < MIN_FUZZY_CHARS:
        return None
    from rapidfuzz import fuzz

    found = fuzz.partial_ratio_alignment(q.exact, text, score_cutoff=CONTEXT_SUPPORTED_CUTOFF)
    if found is None or found.dest_end <= found.dest_start:
        return None
    start, end = _trim_to_words(text, found.dest_start, found.dest_end)
    if found.score < FUZZY_CUTOFF and _context_score(q, text, start, end) < CONTEXT_SUPPORTED_CUTOFF:
        return None
    return Located(start, end, "fuzzy", float(found.score))


def _locate_insertion_point(q: TextQuote, text: str) -> Located | None:
    """An empty quote (a point between words) is found by its context alone."""
    if not q.prefix and not q.suffix:
        return None
    if text[max(0, q.start - len(q.prefix)):q.start] == q.prefix and text[q.start:q.start + len(q.suffix)] == q.suffix:
        return Located(q.start, q.start, "position", 100.0)
    hits = _occurrences(q.prefix + q.suffix, text)
    if not hits:
        return None
    best = min(hits, key=lambda s: abs(s + len(q.prefix) - q.start)) + len(q.prefix)
    return Located(best, best, "quote", 100.0)


def _trim_to_words(text: str, start: int, end: int) -> tuple[int, int]:
    """Widen an approximate match to whole words and drop surrounding spaces."""
    while start > 0 and text[start - 1].isalnum() and text[start].isalnum():
        start -= 1
    while end < len(text) and text[end - 1].isalnum() and text[end].isalnum():
        end += 1
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end

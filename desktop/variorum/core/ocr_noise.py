"""Differences that are only uncertain OCR readings.

Text recognition misreads: a smudge becomes a "§", a faint "8" becomes a "3". When every word that differs, on
each side read by OCR, is a low-confidence reading, the difference is more likely the recognition's than the
article's: it is classed cosmetic, category ``ocr``, so it raises no name or number finding (and stays listed with
the cosmetic differences for anyone who wants to check it against the image). Words a difference's span merely
carries along (the same word on both sides) do not count.

A reading the engine only doubted (confidence from :data:`GARBLED_BELOW` up to the low-confidence mark: a clean
word with one uncertain letter) excuses a difference only when it could be a misreading of the other side's words,
a letter or so in four changed ("sald" for "said", "18" for "10"); a doubtful "lvanov" where the other side has
"Lavrov" is another name, and stays a change. Below :data:`GARBLED_BELOW` the engine read noise, whatever it
reads.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import replace

from variorum.core.model import Difference, OcrWord, Span, Version
from variorum.core.normalize import normalize_token

CATEGORY = "ocr"
# Below this confidence (Tesseract's 0-100) a reading is noise: smudges and specks read as letters come out here.
GARBLED_BELOW = 50.0
CHARS_PER_MISREAD = 4  # a misreading changes at most about one character in this many


def words_in(words: Sequence[OcrWord], start: int, end: int) -> list[OcrWord]:
    """The recognised words overlapping ``[start, end)`` (``words`` in text order)."""
    i = max(0, bisect_right([w.start for w in words], start) - 1)
    out = []
    for w in words[i:]:
        if w.start >= end:
            break
        if w.end > start:
            out.append(w)
    return out


def _uncertain(version: Version, span: Span, counterpart: Span) -> bool | None:
    """True when the span's words that the counterpart lacks are all uncertain readings, False when one is certain,
    None when the side says nothing (not read by OCR, or no word of its own)."""
    if not version.ocr or span.start >= span.end:
        return None
    shared = {normalize_token(t) for t in counterpart.text.split()}
    own = [w for w in words_in(version.ocr, span.start, span.end)
           if normalize_token(version.text[w.start:w.end]) not in shared]
    if not own:
        return None
    mine = {normalize_token(version.text[w.start:w.end]) for w in own}
    theirs = [t for t in dict.fromkeys(normalize_token(t) for t in counterpart.text.split()) if t not in mine]
    return all(w.low_confidence and (w.conf < GARBLED_BELOW or _misreading(version.text[w.start:w.end], theirs))
               for w in own)


def _misreading(reading: str, theirs: list[str]) -> bool:
    """Whether a doubtful reading could be the recognition's mistake for one of the other side's words (or for
    several run together): nothing there to mistake it for, or one of them a few characters off."""
    if not theirs:
        return True
    from rapidfuzz.distance import Levenshtein  # loaded only when a doubtful reading is weighed

    word = normalize_token(reading).casefold()
    return any(Levenshtein.distance(word, t.casefold()) <= max(1, -(-len(t) // CHARS_PER_MISREAD))
               for t in (*theirs, "".join(theirs)))


def only_ocr_noise(d: Difference, base: Version, other: Version) -> bool:
    verdicts = [v for v in (_uncertain(base, d.base, d.other), _uncertain(other, d.other, d.base)) if v is not None]
    return bool(verdicts) and all(verdicts)


def reclassify(differences: Sequence[Difference], base: Version, other: Version) -> list[Difference]:
    """The differences, with substantive ones made only of uncertain OCR readings classed cosmetic (``ocr``)."""
    if not base.ocr and not other.ocr:
        return list(differences)
    return [replace(d, cosmetic=True, category=CATEGORY)
            if not d.cosmetic and d.kind != "move" and only_ocr_noise(d, base, other) else d
            for d in differences]

"""A list whose entries were put in another order: which entries' figures really changed.

"Mays (660), and Bonds (658)" → "Bonds (668), and Mays (660)" reorders two entries and changes one figure. Read as
one change of words it looks like two figures changing; read entry by entry (matched on their words, figures left
out) only Bonds's 658 → 668 changed, and Mays's 660 did not.
"""

from __future__ import annotations

import re

from variorum.core.lazy_regex import LazyPattern
from variorum.core.normalize import normalize_text

Span = tuple[int, int]
# what separates a list's entries: a comma or semicolon (with a following "and"/"or"), or "and"/"or" alone
_SEPARATOR = re.compile(r"\s*[,;]\s*(?:(?:and|or)\s+)?|\s+(?:and|or)\s+")
_LETTERS = LazyPattern(r"[^\W\d_]+")
_DIGIT = LazyPattern(r"\d")


def _entries(text: str) -> list[Span]:
    out: list[Span] = []
    at = 0
    for m in [*_SEPARATOR.finditer(text), None]:
        end = m.start() if m is not None else len(text)
        piece = text[at:end]
        if piece.strip():
            lead = len(piece) - len(piece.lstrip())
            out.append((at + lead, at + len(piece.rstrip())))
        if m is not None:
            at = m.end()
    return out


def _key(entry: str) -> tuple[str, ...]:
    return tuple(_LETTERS.findall(normalize_text(entry)))


def _figures(entry: str) -> list[str]:
    return re.findall(r"\d+(?:[.,]\d+)*", entry)


def reordered_entries(before: str, after: str) -> list[tuple[Span, Span]] | None:
    """When ``after`` lists the entries of ``before`` in another order, the spans (in ``before``, in ``after``) of
    the entries whose figures differ, possibly none; None when the two texts are not one list reordered."""
    a, b = _entries(before), _entries(after)
    if len(a) < 2 or len(a) != len(b):
        return None
    keys_a = [_key(before[s:e]) for s, e in a]
    keys_b = [_key(after[s:e]) for s, e in b]
    if not all(keys_a) or len(set(keys_a)) != len(keys_a) or sorted(keys_a) != sorted(keys_b) or keys_a == keys_b:
        return None
    if not any(_DIGIT.search(before[s:e]) for s, e in a):
        return None
    where = {k: span for k, span in zip(keys_b, b, strict=True)}
    changed = []
    for k, (s, e) in zip(keys_a, a, strict=True):
        t, u = where[k]
        if _figures(before[s:e]) != _figures(after[t:u]):
            changed.append(((s, e), (t, u)))
    return changed

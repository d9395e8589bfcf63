"""Month names used as dates, told apart from the words they share with the language ("may", "march").

Lower-cased text (a wiki export, a transcript) writes "on the may 2013 list" and "the council may vote" alike: the
month is the one next to a day or a year, or after a word that introduces a time ("in may", "since march"). A
month written in a date is part of a figure (the number check compares it), never a modal verb (the claim check
leaves it alone).
"""

from __future__ import annotations

import re

from variorum.core.metadata.dates import MONTH_NAMES

MONTHS = tuple(name.lower() for name in MONTH_NAMES)
_NAME = r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?" \
        r"|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
# a month name with a day or a year after it, a day before it, or a word of time before it
_IN_DATE = re.compile(
    rf"\b(?P<a>{_NAME})\b(?=\.?\s*(?:\d{{1,2}}(?:st|nd|rd|th)?\b|,?\s*\d{{4}}\b))"
    rf"|\d(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<b>{_NAME})\b"
    rf"|\b(?:in|since|until|till|during|early|late|mid|from|through|before|after)[\s-]+(?P<c>{_NAME})\b"
    rf"(?!\s+(?:be|have|not)\b)",
    re.IGNORECASE)
# Every name the pattern takes starts with one of these, and no character the pattern takes for one of their
# letters (case ignored, "ſ" for "s") folds to anything else: a passage whose case-folded form holds none of them
# names no month, and is not searched.
_FIRST_THREE = tuple(name[:3] for name in MONTHS)
_FOLDED_AT_MOST = 4096  # characters folded for that look (a longer passage is searched directly)


def month_spans(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int, int]]:
    """(start, end, month number) of every month name inside [start, end) of ``text`` that is used as a date
    (its context outside the range is read too)."""
    stop = len(text) if end is None else end
    lo, hi = max(0, start - 16), min(len(text), stop + 16)
    if hi - lo <= _FOLDED_AT_MOST:
        folded = text[lo:hi].casefold()
        if not any(name in folded for name in _FIRST_THREE):
            return []
    out = []
    for m in _IN_DATE.finditer(text, lo, hi):
        group = next(g for g in "abc" if m.group(g))
        s, e = m.span(group)
        if start <= s and e <= stop:
            out.append((s, e, _number(m.group(group))))
    return out


def _number(name: str) -> int:
    name = name.casefold()  # as the pattern reads it: "ſept" (a long s) is September
    return next(i for i, full in enumerate(MONTHS, start=1) if full.startswith(name[:3]))


def without_months(text: str, start: int, end: int) -> str:
    """``text[start:end]`` with the month names used as dates blanked out."""
    spans = month_spans(text, start, end)
    if not spans:  # most passages: no list of their characters to make and join again
        return text[start:end]
    chars = list(text[start:end])
    for s, e, _ in spans:
        chars[s - start:e - start] = " " * (e - s)
    return "".join(chars)


def months_in(text: str, start: int, end: int) -> list[int]:
    """The months [start, end) of ``text`` names as dates, in order."""
    return [n for _, _, n in month_spans(text, start, end)]

"""``name-changed``: a person or place name spelled differently in aligned passages ("Petersen" / "Peterson").

A spelling variant is a capitalised word replaced by a capitalised word at most two letters away (and at most a
third of its length). A name replaced by a different name ("Lavrov" → "Peskov"), a word and its derivative
("Belarus" → "Belarusian"), a possessive, and weekday or month names are not spelling variants.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterator

from rapidfuzz.distance import Levenshtein

from variorum.core.checks.changes import changes
from variorum.core.checks.context import Context
from variorum.core.model import Finding
from variorum.core.normalize import normalize_chars

_WORD = re.compile(r"[^\W\d_][\w'’-]*")
_CALENDAR = {n.lower() for n in (*calendar.day_name, *calendar.month_name) if n}


def _base(word: str) -> str:
    return re.sub(r"['’]s$", "", normalize_chars(word))


def spelling_variant(a: str, b: str) -> bool:
    a, b = _base(a), _base(b)
    if not (a[:1].isupper() and b[:1].isupper()) or min(len(a), len(b)) < 4:
        return False
    la, lb = a.lower(), b.lower()
    if la == lb or la.startswith(lb) or lb.startswith(la) or la in _CALENDAR or lb in _CALENDAR:
        return False
    distance = Levenshtein.distance(la, lb)
    return distance <= 2 and distance * 3 <= min(len(la), len(lb))


def name_pairs(before: str, after: str) -> list[tuple[str, str]]:
    """The differently spelled names when ``before`` → ``after`` is only a respelling of names, else []."""
    wa, wb = _WORD.findall(before), _WORD.findall(after)
    if not wa or len(wa) != len(wb) or len(wa) > 4:
        return []
    pairs = [(x, y) for x, y in zip(wa, wb, strict=True) if _base(x).lower() != _base(y).lower()]
    if pairs and all(spelling_variant(x, y) for x, y in pairs):
        return pairs
    return []


def check(ctx: Context) -> Iterator[Finding]:
    if ctx.base is None:
        return
    for ch in changes(ctx, lambda d: bool(name_pairs(d.base.text, d.other.text)), replaces_only=True):
        pairs = name_pairs(ch.base_text, ch.other_text)
        spelled = "; ".join(f"'{x}' in {ctx.base_id}, '{y}' in {', '.join(ch.versions)}" for x, y in pairs)
        yield ctx.finding("name-changed", "medium", f"A name is spelled differently: {spelled}.", ch.evidence(ctx))

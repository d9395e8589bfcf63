"""``name-changed``: a person or place name spelled differently in aligned passages ("Petersen" / "Peterson").

A spelling variant is a capitalised word replaced by a capitalised word at most two letters away (and at most a
third of its length). A name that changes form by gaining or losing a hyphenated part ("Okafor" →
"Okafor-Smith") or a middle initial or generational suffix ("Ee W. Durbin III" → "Ee Durbin"), inside or beside
a quotation too, is a changed name rather than a changed quotation. A name
replaced by a different name ("Lavrov" → "Peskov"), a word and its derivative ("Belarus" → "Belarusian"), a
possessive, and weekday or month names are not spelling variants.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from rapidfuzz.distance import Levenshtein

from variorum.core.checks.changes import changes
from variorum.core.checks.context import Context, join_ids
from variorum.core.lazy_regex import LazyPattern
from variorum.core.metadata.dates import MONTH_NAMES, WEEKDAYS
from variorum.core.model import Difference, Finding
from variorum.core.normalize import normalize_chars

_WORD = re.compile(r"[^\W\d_][\w'’-]*")
_COMMON = frozenset(re.findall(r"\w+", """the then they them their there these those this that than what when where which while with
will would were your yours ours here have having been being does done some same such only over under into onto
from after before about above again also even ever every many most much more must once other others"""))
_CALENDAR = {n.lower() for n in (*WEEKDAYS, *MONTH_NAMES)}


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


def form_variant(a: str, b: str) -> bool:
    """Whether one capitalised name is the other with a hyphenated part added ("Okafor" / "Okafor-Smith")."""
    a, b = _base(a), _base(b)
    short_, long_ = sorted((a, b), key=len)
    parts = re.split(r"[-\u2010\u2011]", long_)
    return (len(parts) > 1 and short_ in parts and short_[:1].isupper() and len(short_) >= 3
            and all(p[:1].isupper() for p in parts))


# what a person's name can gain or lose and stay the same name: a middle initial ("W."), a generational suffix
# ("Jr.", "III")
_INITIAL = LazyPattern(r"(?<![\w.])[A-Z]\.(?=\s|$)")
_SUFFIX = LazyPattern(r",?\s*\b(?:Jr|Sr)\b\.?|(?<=\w)\s+(?:II|III|IV)\b")


def _without_initials(text: str) -> list[str]:
    return _WORD.findall(_SUFFIX.sub(" ", _INITIAL.sub(" ", text)))


def initials_variant(before: str, after: str) -> bool:
    """Whether a name only gains or loses middle initials and generational suffixes ("Ee W. Durbin III" /
    "Ee Durbin"): the words left are the same capitalised names, at most four."""
    if before.strip() == after.strip():
        return False
    a, b = _without_initials(before), _without_initials(after)
    return (a == b and 0 < len(a) <= 4 and all(w[:1].isupper() for w in a)
            and (_WORD.findall(before) != a or _WORD.findall(after) != b))


def name_pairs(before: str, after: str, common: frozenset[str] = frozenset()) -> list[tuple[str, str]]:
    """The differently spelled names when ``before`` → ``after`` is only a respelling of names, else [].

    ``common`` holds words the texts also use in lower case: a capitalised "Then" / "They" at the start of a
    sentence is an ordinary word, not a name.
    """
    wa, wb = _WORD.findall(before), _WORD.findall(after)
    if wa and wb and len(wa) != len(wb) and initials_variant(before, after) \
            and all(w.lower() not in common for w in _without_initials(before)):
        return [(before.strip(), after.strip())]
    if not wa or len(wa) != len(wb) or len(wa) > 4:
        return []
    pairs = [(x, y) for x, y in zip(wa, wb, strict=True) if _base(x).lower() != _base(y).lower()]
    if pairs and all((spelling_variant(x, y) or form_variant(x, y)) and _base(x).lower() not in common
                     and _base(y).lower() not in common for x, y in pairs):
        return pairs
    return []


def common_words(ctx: Context) -> frozenset[str]:
    """Every word the versions of the article write in lower case, and the commonest words (made once per run)."""
    return ctx.once("common words", lambda: ctx.lower_case_words | _COMMON)


def changes_name(ctx: Context, d: Difference) -> bool:
    """Whether a difference writes a name differently (:func:`name_pairs`), asked once per run (the quote and
    name checks both ask it)."""
    return ctx.once("changes a name", lambda: bool(name_pairs(d.base.text, d.other.text, common_words(ctx))), d)


def check(ctx: Context) -> Iterator[Finding]:
    if ctx.base is None:
        return
    common = common_words(ctx)
    for ch in changes(ctx, lambda d: changes_name(ctx, d), replaces_only=True):
        pairs = name_pairs(ch.base_text, ch.other_text, common)
        spelled = "; ".join(f"'{x}' in {ctx.base_id}, '{y}' in {join_ids(ch.versions)}" for x, y in pairs)
        how = "written differently" if initials_variant(ch.base_text, ch.other_text) else "spelled differently"
        yield ctx.finding("name-changed", "medium", f"A name is {how}: {spelled}.", ch.evidence(ctx))

"""Figures with what they count, and sentences that say the same thing in other words.

When a sentence is rewritten around its figures ("iraq fields at least 59 infantry, 21 mechanized and 19 armored
divisions" → "the iraqi army fields at least 11 infantry, 3 mechanized and 3 armored divisions"), the paragraph no
longer reads as the same words, yet its figures are the same facts: each figure is compared with the figure of the
other wording that counts the same thing (the word after it: "infantry", "brigades"; "%" or a currency sign), and
only between sentences that share most of their words. "12 km" never meets "12 injured", and a passage whose
figures all count other things than the figures it replaces ("fell 35 per cent" → "106,000 demonstrators") states
something else rather than changing a figure.
"""

from __future__ import annotations

import re
from collections import Counter
from decimal import Decimal

from variorum.core.checks.wordlists import word_set
from variorum.core.lazy_regex import LazyPattern
from variorum.core.normalize import normalize_text
from variorum.core.quick_dataclass import dataclass

_FIGURE = LazyPattern(r"(?<![\w.,])(?P<cur>[$€£¥])?\s?(?P<num>\d+(?:[.,]\d+)*)(?P<pct>\s?%|\s(?:per\s?cent|percent)\b)?"
                      r"(?:\s?(?P<scale>thousand|million|billion|trillion|bn)\b)?(?![\w-])", re.IGNORECASE)
_WORD_AFTER = LazyPattern(r"[\s(]*([^\W\d_][\w'-]*)")
_NUMBER_WORDS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
                 "ten": 10, "eleven": 11, "twelve": 12, "dozen": 12, "twenty": 20, "hundred": 100}


_SCALES = {"thousand": 3, "million": 6, "billion": 9, "trillion": 12, "bn": 9}
# words that follow a figure without naming what it counts (a list of years, a clause)
_NOT_UNITS = word_set("""a an and or but nor the to of in on at by for from with as than per is are was were be
been has have had that which who when while if so it its this these those there their his her our your
new more most less least about some other each all both only just also he she it they we you i him them""")
# words that say little about what a sentence asserts, left out when sentences are compared
_STOP = word_set("""the a an and or but nor to of in on at by for from with as than is are was were be been has
have had that which who this these those there their its it his her they them he she we you our your not no
into over under about after before also then so such said says""")
SENTENCE_MIN_WORDS = 3
SENTENCE_SHARED = 0.6


@dataclass(frozen=True)
class Figure:
    start: int
    end: int
    value: Decimal
    unit: str


def _unit(text: str, m: re.Match[str]) -> str | None:
    if m.group("pct"):
        return "%"
    if m.group("cur"):
        return m.group("cur")
    after = _WORD_AFTER.match(text, m.end())
    if after is None:
        return None
    word = after.group(1).lower()
    return None if word in _NOT_UNITS else word


def _value(m: re.Match[str]) -> Decimal | None:
    raw = m.group("num")
    if re.fullmatch(r"\d{1,3}(,\d{3})+(\.\d+)?", raw):
        raw = raw.replace(",", "")
    elif "," in raw:
        return None  # "80-100,000", "1,5": no single value to compare
    try:
        value = Decimal(raw)
    except ArithmeticError:
        return None
    scale = m.group("scale")
    return (value * Decimal(10) ** _SCALES[scale.lower()] if scale else value).normalize()


def figures(text: str, start: int, end: int) -> list[Figure]:
    """The figures written inside [start, end) of ``text`` that name what they count (read past ``end``)."""
    out = []
    for m in _FIGURE.finditer(text, start, end):
        value, unit = _value(m), _unit(text, m)
        if value is not None and unit is not None and text[m.start() - 1:m.start()] not in ("-", "/"):
            num_start = m.start("cur") if m.group("cur") else m.start("num")
            out.append(Figure(num_start, m.end("num"), value, unit))
    for m in re.finditer(r"\b(" + "|".join(_NUMBER_WORDS) + r")\b", text[start:end], re.IGNORECASE):
        s, e = start + m.start(), start + m.end()
        after = _WORD_AFTER.match(text, e)
        word = after.group(1).lower() if after else ""
        if word and word not in _NOT_UNITS:
            out.append(Figure(s, e, Decimal(_NUMBER_WORDS[m.group(1).lower()]), word))
    return sorted(out, key=lambda f: f.start)


def unit_changes(before: list[Figure], after: list[Figure]) -> list[tuple[Figure, Figure]]:
    """Pairs (figure before, figure after) that count the same thing with different values: for each unit stated
    once on each side, or the same number of times in the same order, the figures whose values differ."""
    out = []
    units_before = Counter(f.unit for f in before)
    units_after = Counter(f.unit for f in after)
    for unit, n in units_before.items():
        if units_after.get(unit) != n:
            continue  # counted a different number of times: no telling which is which
        olds = [f for f in before if f.unit == unit]
        news = [f for f in after if f.unit == unit]
        if sorted(f.value for f in olds) == sorted(f.value for f in news):
            continue
        out += [(a, b) for a, b in zip(olds, news, strict=True) if a.value != b.value]
    return out


def count_other_things(text_a: str, a: list[Figure], text_b: str, b: list[Figure]) -> bool:
    """Whether two wordings' figures all name what they count and no unit is on both sides ("revenue fell 35 per
    cent" / "106,000 demonstrators"): one statement replaced by another, not a figure changed."""
    if not a or not b or {f.unit for f in a} & {f.unit for f in b}:
        return False
    return all(len(figs) == len(_FIGURE.findall(t)) for figs, t in ((a, text_a), (b, text_b)))


def sentence_span(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence (or line) holding [start, end)."""
    dot = text.rfind(". ", 0, start)
    s = max(dot + 2 if dot >= 0 else 0, text.rfind("\n", 0, start) + 1)
    stops = [i for i in (text.find(". ", end), text.find("\n", end)) if i >= 0]
    return s, (min(stops) + 1 if stops else len(text))


def _content_words(text: str) -> Counter[str]:
    return Counter(w for w in re.findall(r"[^\W\d_]{3,}", normalize_text(text)) if w not in _STOP)


def same_sentence(a: str, b: str) -> bool:
    """Whether two sentences say the same thing in other words: most content words of the shorter are in the
    longer (at least three of them)."""
    wa, wb = _content_words(a), _content_words(b)
    small, large = (wa, wb) if sum(wa.values()) <= sum(wb.values()) else (wb, wa)
    total = sum(small.values())
    return total >= SENTENCE_MIN_WORDS and sum((small & large).values()) >= SENTENCE_SHARED * total

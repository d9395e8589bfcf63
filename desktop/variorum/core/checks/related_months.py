"""Related coverage dating the same event in different months: "in May, the agency tapped three of those companies"
against "In July, NASA awarded the first three contracts" is a ``fact-conflict`` a fact-checker must settle.

A month named without a day ("in May", "since July 2019") is compared only between sentences that clearly tell the
same event: they count the same number of things ("three") and share at least two other content words, and they
are said of no two different people or places. When the other story also gives the first one's month for that
event, or the years differ, there is no conflict.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from variorum.core.checks.context import Context
from variorum.core.checks.facts import SENTENCE_WORDS, capitalised_within, context_words, subjects_around
from variorum.core.checks.wordlists import word_set
from variorum.core.metadata.dates import MONTH_NAMES
from variorum.core.model import Evidence, Finding, Version
from variorum.core.quick_dataclass import dataclass

MIN_SHARED_WORDS = 2
_MONTHS = list(MONTH_NAMES)  # English whatever the process's locale (calendar.month_name follows it)
_MONTH_ONLY = re.compile(r"\b(?:[Ii]n|[Ss]ince|[Bb]y|[Uu]ntil|[Ee]arly|[Ll]ate|[Mm]id-?|[Pp]ast|[Ll]ast)\s+(?P<month>"
                         + "|".join(_MONTHS) + r")\b(?!\s+\d{1,2}\b)(?:,?\s+(?P<year>\d{4})\b)?")

_COUNT_WORDS = word_set("""two three four five six seven eight nine ten eleven twelve dozen""")
_NUMBER = re.compile(r"\b(?:\d+(?:[.,]\d+)*|[A-Za-z]+)\b")


@dataclass(frozen=True)
class MonthMention:
    month: str
    year: str | None
    start: int
    end: int
    words: frozenset[str]  # the content words of its sentence
    counts: frozenset[str]  # the numbers its sentence states ("three", "14")
    subjects: frozenset[str]


def _sentence(text: str, start: int, end: int) -> str:
    lead = max(text.rfind(". ", 0, start), text.rfind("\n", 0, start)) + 1
    stops = [i for i in (text.find(". ", end), text.find("\n", end)) if i >= 0]
    return text[lead:min(stops) if stops else len(text)]


def month_mentions(text: str) -> list[MonthMention]:
    out = []
    capitalised: frozenset[str] | None = None  # read from the text once, at its first month
    for m in _MONTH_ONLY.finditer(text):
        if capitalised is None:
            capitalised = capitalised_within(text)
        start, end = m.start("month"), m.end()
        counts = frozenset(w.lower() for w in _NUMBER.findall(_sentence(text, start, end))
                           if w.lower() in _COUNT_WORDS or (w[0].isdigit() and w != m.group("year")))
        out.append(MonthMention(m.group("month"), m.group("year"), start, end,
                                context_words(text, start, end, SENTENCE_WORDS), counts,
                                subjects_around(text, start, end, capitalised=capitalised)))
    return out


def _same_event(x: MonthMention, y: MonthMention) -> bool:
    if x.year and y.year and x.year != y.year:
        return False
    if x.subjects and y.subjects and not x.subjects & y.subjects:
        return False
    return bool(x.counts & y.counts) and len((x.words & y.words) - x.counts) >= MIN_SHARED_WORDS


def month_conflicts(ctx: Context, a: Version, b: Version) -> Iterator[Finding]:
    """The events two related stories date in different months."""
    in_a, in_b = month_mentions(a.text), month_mentions(b.text)
    # the mentions the other story dates in the same month for the same event: no conflict for them
    agreed_a = {x for x in in_a if any(z.month == x.month and _same_event(x, z) for z in in_b)}
    agreed_b = {y for y in in_b if any(z.month == y.month and _same_event(z, y) for z in in_a)}
    seen: set[tuple[str, str]] = set()
    for x in in_a:
        if x in agreed_a:
            continue
        for y in in_b:
            if x.month == y.month or y in agreed_b or (x.month, y.month) in seen or not _same_event(x, y):
                continue
            seen.add((x.month, y.month))
            about = ", ".join(sorted(x.counts & y.counts) + sorted((x.words & y.words) - x.counts)[:4])
            yield ctx.finding(
                "fact-conflict", "high",
                f"{a.id} and {b.id} date what looks like the same event in different months (both passages "
                f"mention {about}): {a.id} says '{a.text[x.start:x.end]}', {b.id} says '{b.text[y.start:y.end]}', "
                "and neither gives the other's month for it.",
                [Evidence(a.id, x.start, x.end, a.text[x.start:x.end]),
                 Evidence(b.id, y.start, y.end, b.text[y.start:y.end])])

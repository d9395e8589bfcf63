"""The facts a text states — names, dates, figures and quotations — each with its first place in the text.

Used to compare related coverage (other outlets' articles on the same story) on facts rather than words.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass, field
from decimal import Decimal

from variorum.core.checks.analysis import TextAnalysis
from variorum.core.normalize import normalize_text

CONTEXT_WORDS = 6
_NAME = re.compile(r"\b(?:[A-Z][a-z]+(?:['’-][A-Za-z]+)*|[A-Z]{2,6})\b")
_SENTENCE_START = re.compile(r"(?:^|[.!?:\"“”«»‘’•|]\s*|\n\s*)$")
_CALENDAR = {n for n in (*calendar.day_name, *calendar.month_name, *calendar.month_abbr) if n}
_FIGURE = re.compile(r"(?<![\w.,/])(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(\s*(?:%|percent\b|per cent\b))?(?![\w/])")


def _words(text: str) -> list[str]:
    return text.split()


_SENTENCE_WORDS = frozenset(_words("""a an the this that these those it its he she they we i in on at by for from as but and or
if when while after before during with without there here what who how why our his her their some many most"""))
_STOP = frozenset(_words("""
about above after again against also among because been before being below between both could does doing down
during each from further have having here into just more most once only other over same should some such than that
their them then there these they this those through under until very were what when where which while will with
would your said says told according year years just last next week month first time"""))


@dataclass(frozen=True)
class Mention:
    key: str  # what two mentions must share to state the same fact
    shown: str  # how the fact reads in a message
    start: int
    end: int
    context: frozenset[str] = field(default=frozenset())  # nearby content words, for conflicts
    subjects: frozenset[str] = field(default=frozenset())  # names in the same sentence: whose fact it is


@dataclass(frozen=True)
class Facts:
    names: dict[str, Mention]
    dates: list[Mention]
    figures: list[Mention]
    quotes: list[Mention]


def _context(text: str, start: int, end: int) -> frozenset[str]:
    """The content words next to a mention (six words either side, within its sentence): what it is about."""
    dot = max(text.rfind(". ", 0, start), text.rfind("\n", 0, start))
    stops = [i for i in (text.find(". ", end), text.find("\n", end)) if i >= 0]
    before = re.findall(r"\w+", normalize_text(text[dot + 1:start]))[-CONTEXT_WORDS:]
    after = re.findall(r"\w+", normalize_text(text[end:min(stops) if stops else len(text)]))[:CONTEXT_WORDS]
    return frozenset(w.rstrip("s") for w in before + after if len(w) >= 4 and w.isalpha() and w not in _STOP)


def _subjects(text: str, start: int, end: int) -> frozenset[str]:
    """Names in the clause that holds a mention ("…, while Kolesnik had 10%" → kolesnik): whose fact it is."""
    lead = max(text.rfind(c, 0, start) for c in ".,;:(\n") + 1
    stops = [i for i in (text.find(c, end) for c in ".,;:)\n") if i >= 0]
    for clause in (text[lead:start], text[end:min(stops) if stops else len(text)]):
        names = {w.casefold() for w in re.findall(r"\b[A-Z][a-z]{2,}\b", clause)
                 if w not in _CALENDAR and w.lower() not in _SENTENCE_WORDS and w.lower() not in _STOP}
        if names:
            return frozenset(names)
    return frozenset()


def _names(text: str, common: frozenset[str]) -> dict[str, Mention]:
    """Runs of capitalised words that are not common words capitalised ("Foreign Minister" is not a name)."""
    tokens = []
    for m in _NAME.finditer(text):
        word = re.sub(r"['’]s$", "", m.group())
        if word in _CALENDAR or (len(word) < 3 and not word.isupper()) or word.lower() in common:
            continue
        if _SENTENCE_START.search(text[max(0, m.start() - 3):m.start()]) and word.lower() in _SENTENCE_WORDS:
            continue
        tokens.append((m.start(), m.start() + len(word), word))
    names: dict[str, Mention] = {}
    run: list[tuple[int, int, str]] = []
    for tok in [*tokens, None]:
        if tok is not None and run and re.fullmatch(r"[ \t]+", text[run[-1][1]:tok[0]]):
            run.append(tok)
            continue
        if run:
            shown = " ".join(w for _, _, w in run)
            names.setdefault(shown.casefold(), Mention(shown.casefold(), shown, run[0][0], run[-1][1]))
        run = [tok] if tok is not None else []
    return names


def extract(analysis: TextAnalysis, article_date: dt.date | None, common: frozenset[str] = frozenset()) -> Facts:
    """The facts a text states; ``common`` adds words other texts write in lower case (not names either)."""
    text = analysis.text
    names = _names(text, analysis.lower_case_words | common)
    dates: list[Mention] = []
    date_spans: list[tuple[int, int]] = []
    for d in analysis.dates:
        resolved = d.resolved(article_date)
        date_spans.append((d.start, d.end))
        if resolved is None:
            continue
        shown = f"{resolved.day} {resolved.strftime('%b')} {resolved.year}"
        dates.append(Mention(resolved.isoformat(), shown, d.start, d.end, _context(text, d.start, d.end),
                             _subjects(text, d.start, d.end)))
    figures: list[Mention] = []
    for m in _FIGURE.finditer(text):
        if any(s <= m.start() < e for s, e in date_spans):
            continue
        raw, unit = m.group(1), "%" if m.group(2) else ""
        value = Decimal(raw.replace(",", "")).normalize()
        if not unit and (value < 10 or (1800 <= value <= 2100 and "." not in raw and "," not in raw)):
            continue  # small counts and years say too little on their own
        shown = f"{raw}{unit}"
        figures.append(Mention(f"{value}{unit}", shown, m.start(), m.end(), _context(text, m.start(), m.end()),
                               _subjects(text, m.start(), m.end())))
    quotes = []
    for q in analysis.quotations.quotes:
        inner = text[q.inner[0]:q.inner[1]]
        norm = normalize_text(inner)
        if len(norm.split()) >= 5:
            quotes.append(Mention(norm, inner, q.start, q.end))
    return Facts(names, dates, figures, quotes)

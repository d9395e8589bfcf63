"""The facts a text states — names, dates, figures and quotations — each with its first place in the text.

Used to compare related coverage (other outlets' articles on the same story) on facts rather than words. Only
specific facts count: a figure with its unit or counted noun ("28 people", "10 minutes", "$250,000", "80%"), not a
bare number; a date, with or without its year; a quotation; a person's name (one the text also calls by surname
alone, or gives a title such as "Dr."), not a country, a region or a capitalised common word.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import field
from decimal import Decimal

from variorum.core.checks.analysis import TextAnalysis
from variorum.core.checks.cldr_names import territories
from variorum.core.checks.quotations import SPEECH_VERBS, TITLES
from variorum.core.checks.wordlists import word_set
from variorum.core.metadata.dates import MONTH_NAMES, WEEKDAYS
from variorum.core.normalize import normalize_text
from variorum.core.quick_dataclass import dataclass

CONTEXT_WORDS = 6
SENTENCE_WORDS = 40
_NAME = re.compile(r"\b(?:[A-Z][a-z]{0,2}[A-Z][a-z]+|[A-Z][a-z]+(?:['’-][A-Za-z]+)*|[A-Z]{2,6})\b")  # McDonald too
_SENTENCE_START = re.compile(r"(?:^|[.!?:\"“”«»‘’•|]\s*|\n\s*)$")
# units written against the figure ("30fps", "12km", "5GB"); not "5pm" (a time) nor "2nd" (an ordinal)
ATTACHED_UNITS = "fps|km|kg|mm|cm|mph|kph|kmh|gb|mb|tb|kb|mw|gw|kw|kwh|ms|hz|khz|mhz|ghz|lbs?|oz|ft|ml"
_CALENDAR = {*WEEKDAYS, *MONTH_NAMES, *(n[:3] for n in MONTH_NAMES)}  # English, whatever the locale
_FIGURE = re.compile(r"(?<![\w.,/:])(?P<currency>[$£€]\s?)?(?P<raw>\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)"
                     r"(?:(?<=\d)(?P<abbr>bn|tn|m)(?=\W|$))?"
                     r"(?:(?<=\d)(?P<attached>(?i:" + ATTACHED_UNITS + r"))(?=\W|$))?"
                     r"(?P<percent>\s*(?:%|percent\b|per cent\b))?(?![\w/:])")
_ABBREVIATED = {"m": "million", "bn": "billion", "tn": "trillion"}  # "$2.6bn", "£40m"
_SCALE = re.compile(r"[ \t]+(million|billion|trillion|thousand)\b", re.IGNORECASE)
_SCALES = {"thousand": 10 ** 3, "million": 10 ** 6, "billion": 10 ** 9, "trillion": 10 ** 12}
# the counted noun: the next word (a hyphenated "-year-old" too), unless it is a word that counts nothing
_UNIT = re.compile(r"(?:-|[ \t]+(?:more |other |new |additional )?)([a-z][a-z]+(?:-[a-z]+)*)")
_OLD = re.compile(r"[ \t-]old\b")
# nouns that count people as such: "162 people" / "162 passengers and crew" / "162 on board" are one count
_PEOPLE = frozenset(("people", "person", "passenger", "individual"))
_ABOARD = re.compile(r"[ \t]+(?:on[ \t]+board|aboard)\b")
_TITLES = re.compile(r"\b(?:" + "|".join(sorted(TITLES)) + r")\.?\s+$")


_SENTENCE_WORDS = word_set("""a an the this that these those it its he she they we i in on at by for from as but and or
if when while after before during with without there here what who how why our his her their some many most""")
_STOP = word_set("""
about above after again against also among because been before being below between both could does doing down
during each from further have having here into just more most once only other over same should some such than that
their them then there these they this those through under until very were what when where which while will with
would your said says told according year years just last next week month first time""")


@dataclass(frozen=True)
class Mention:
    key: str  # what two mentions must share to state the same fact
    shown: str  # how the fact reads in a message
    start: int
    end: int
    context: frozenset[str] = field(default=frozenset())  # nearby content words, for conflicts
    subjects: frozenset[str] = field(default=frozenset())  # names in the same sentence: whose fact it is
    unit: str = ""  # a figure's unit or counted noun, singular ("person", "minute", "%", "$")
    events: frozenset[str] = field(default=frozenset())  # what happened to what is counted ("detained")
    value: str = ""  # a figure's value, scale applied ("2600000000" for "$2.6bn")
    sentence: frozenset[str] = field(default=frozenset())  # the content words of a figure's whole sentence


_NOT_UNITS = (_STOP - word_set("year years week month time")) | _SENTENCE_WORDS | word_set("""of to and or but in on at by for from with than as is are
was were be has had have per a an the up down out off over into about around nearly almost some more less percent
cent am pm""")
_NOT_EVENTS = word_set("estimated reported expected believed confirmed said needed used added based presumed "
                       "alleged suspected")


def _singular(word: str) -> str:
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith("s") and not word.endswith("ss") and len(word) > 3:
        return word[:-1]
    return word


# a person's age without "-year-old": "aged 39", "at the age of 56", "who is 39", "when she was 49", and a bare
# number set off by commas after a name or a noun ("Jolie, 39, said"; "The ambassador, 39, said")
_AGE_BEFORE = re.compile(r"(?:\baged|\bat the age of|\bwho is(?: now| currently)?|\b(?:he|she) was|"
                         r"\b(?:he|she) is(?: now| currently)?)\s+(?:just |only |about )?$", re.IGNORECASE)
_AGE_APPOSITION = re.compile(r"\b[A-Za-z][A-Za-z'’-]+,\s$")
_AGE_AFTER = re.compile(r"(?:,|\.(?:\s|$)|\s+and\b|\s*$)")
_MAX_AGE = 120


def _age(text: str, m: re.Match[str]) -> bool:
    """Whether a bare whole number is a person's age, as the words before it write one."""
    raw = m.group("raw")
    if not raw.isdigit() or not 0 < int(raw) <= _MAX_AGE or m.group("currency") or m.group("percent"):
        return False
    before = text[max(0, m.start() - 30):m.start()]
    if _AGE_BEFORE.search(before):
        return _AGE_AFTER.match(text, m.end()) is not None
    return _AGE_APPOSITION.search(before) is not None and text.startswith(",", m.end())


def _unit(text: str, m: re.Match[str]) -> tuple[str, int]:
    """A figure's unit (singular, lower case) and where the figure's phrase ends: "%" and "$" for percentages and
    amounts, else the counted noun after it ("25 million people" → "person"), or "" when none follows."""
    end = m.end()
    scale = _SCALE.match(text, end)
    if scale:
        end = scale.end()
    if m.group("percent"):
        return "%", end
    if m.group("currency"):
        return "$", end
    if m.group("attached"):
        return _singular(m.group("attached").lower()), end  # as "30 fps" is counted
    if _age(text, m):
        return "year-old", end
    aboard = _ABOARD.match(text, end)
    if aboard:  # "with 239 on board": people
        return "person", aboard.end()
    unit = _UNIT.match(text, end)
    if unit is None or unit.group(1) in _NOT_UNITS:
        return "", end
    word = re.sub(r"^(\w+-old)-.+$", r"\1", unit.group(1))  # "43-year-old-man" is a "43-year-old"
    old = _OLD.match(text, unit.end())
    if word in ("year", "month", "week", "day") and old:  # "a 55-year old man" is a "55-year-old" one
        return f"{word}-old", old.end()
    return ("person" if _singular(word) in _PEOPLE else _singular(word)), unit.end()


def _events(text: str, start: int, end: int) -> frozenset[str]:
    """Past participles within three words of a figure ("police detained 3,000" / "200 were injured"): what
    happened to what it counts."""
    # within the figure's sentence: "… at the age of 56. She praised …" did not praise the 56
    before = re.findall(r"[a-z]+", re.split(r"[.!?]\s", text[max(0, start - 40):start])[-1].lower())[-3:]
    after = re.findall(r"[a-z]+", re.split(r"[.!?](?:\s|$)", text[end:end + 40])[0].lower())[:3]
    return frozenset(w for w in before + after if w.endswith("ed") and len(w) > 4 and w not in _NOT_EVENTS)


@dataclass(frozen=True)
class Facts:
    names: dict[str, Mention]
    dates: list[Mention]
    figures: list[Mention]
    quotes: list[Mention]


def context_words(text: str, start: int, end: int, words: int = CONTEXT_WORDS) -> frozenset[str]:
    """The content words next to a mention (six words either side, within its sentence): what it is about."""
    dot = max(text.rfind(". ", 0, start), text.rfind("\n", 0, start))
    stops = [i for i in (text.find(". ", end), text.find("\n", end)) if i >= 0]
    before = re.findall(r"\w+", normalize_text(text[dot + 1:start]))[-words:]
    after = re.findall(r"\w+", normalize_text(text[end:min(stops) if stops else len(text)]))[:words]
    return frozenset(w.rstrip("s") for w in before + after if len(w) >= 4 and w.isalpha() and w not in _STOP)


def subjects_around(text: str, start: int, end: int, *, sentence: bool = False,
                    common: frozenset[str] = frozenset(),
                    capitalised: frozenset[str] | None = None) -> frozenset[str]:
    """Names in the clause that holds a mention ("…, while Kolesnik had 10%" → kolesnik): whose fact it is.
    With ``sentence``, the names of the whole sentence around it (a count's subject is often further away).
    Words in ``common`` (written in lower case elsewhere: "Flight QZ8501") are not names, nor is a word capitalised
    only where it opens a sentence ("Nearly a day after …"); ``capitalised`` is :func:`capitalised_within` of the
    text, when the caller has it (else it is read when needed)."""
    cuts, stops_at = (".\n", ".\n") if sentence else (".,;:(\n", ".,;:)\n")
    lead = max(text.rfind(c, 0, start) for c in cuts) + 1
    stops = [i for i in (text.find(c, end) for c in stops_at) if i >= 0]
    found: set[str] = set()
    for at, stop in ((lead, start), (end, min(stops) if stops else len(text))):
        names = {m.group().casefold() for m in _CAPITALISED.finditer(text, at, stop)
                 if m.group() not in _CALENDAR and m.group().lower() not in _SENTENCE_WORDS
                 and m.group().lower() not in _STOP and m.group().lower() not in common
                 and not (_opens_sentence(text, m.start())
                          and m.group() not in (capitalised := _or_within(capitalised, text)))}
        if names and not sentence:
            return frozenset(names)
        found |= names
    return frozenset(found)


_CAPITALISED = re.compile(r"\b[A-Z][a-z]{2,}\b")


def _opens_sentence(text: str, pos: int) -> bool:
    return bool(_SENTENCE_START.search(text[max(0, pos - 3):pos]))


def capitalised_within(text: str) -> frozenset[str]:
    """The capitalised words a text writes somewhere other than at the start of a sentence."""
    return frozenset(m.group() for m in _CAPITALISED.finditer(text) if not _opens_sentence(text, m.start()))


def _or_within(capitalised: frozenset[str] | None, text: str) -> frozenset[str]:
    return capitalised_within(text) if capitalised is None else capitalised


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


_SPEECH_AFTER = re.compile(r"\s*(?:,[^,.\n]{1,40},\s*)?" + SPEECH_VERBS.pattern, re.IGNORECASE)
_PLACE_BEFORE = re.compile(r"\b(?:in|of|from|near|at|to)\s+(?:the\s+)?$")
_SPEECH_BEFORE = re.compile(r"\b(?:said|says|told|according to|asked|added|wrote)\s+$", re.IGNORECASE)


def is_person(name: str, text: str) -> bool:
    """Whether a capitalised name reads as a person's: it carries a title ("Dr. Lena Ortiz", "President X"), or
    is a full name that speaks ("Maria Kolesnik said", "said Carla Webb") or whose surname the text also uses
    alone. A country, a region, a place ending in one ("Inner Mongolia") or a name the text puts after "in" or
    "of" ("in New York") is not a person; an institution that speaks ("the Kremlin said") is not one either."""
    words = name.split()
    places = territories()
    if name.casefold() in places or words[-1].casefold() in places:
        return False
    mentions = list(re.finditer(r"\b" + re.escape(name) + r"\b", text))
    if any(_PLACE_BEFORE.search(text[max(0, m.start() - 10):m.start()]) for m in mentions):
        return False
    if _TITLES.search(words[0] + " "):
        return len(words) > 1
    for m in mentions:
        if _TITLES.search(text[max(0, m.start() - 12):m.start()]):
            return True
        if len(words) > 1 and (_SPEECH_AFTER.match(text, m.end())
                               or _SPEECH_BEFORE.search(text[max(0, m.start() - 20):m.start()])):
            return True
    if len(words) > 1:  # the surname alone, not inside another run of capitalised words ("Bank Amphitheatre")
        alone = re.compile(r"\b" + re.escape(words[-1]) + r"\b(?!\s+[A-Z])")
        return any(not _preceded_by_capitalised(text, m.start()) for m in alone.finditer(text))
    return False


def _preceded_by_capitalised(text: str, pos: int) -> bool:
    """Whether the word before ``pos`` (in the same sentence) is capitalised."""
    before = text[max(0, pos - 40):pos]
    if not before[-1:].isspace():
        return False
    before = before.rstrip()
    last = re.search(r"([\w'’.-]+)$", before)
    return bool(last and last.group(1)[:1].isupper() and not re.search(r"[.!?:]$", before))


# a share written in words, of something: "nearly one-third of Europe's population" (not "a third case")
_FRACTION = re.compile(r"\b(?:(?P<num>one|a|two|three|four)[- ](?P<den>half|thirds?|quarters?|fifths?|tenths?)|"
                       r"(?P<half>half))(?=\s+of\b)", re.IGNORECASE)
_NUMERATORS = {"one": 1, "a": 1, "two": 2, "three": 3, "four": 4}
_DENOMINATORS = {"half": 2, "third": 3, "quarter": 4, "fifth": 5, "tenth": 10}


def _fractions(text: str, date_spans: list[tuple[int, int]], common: frozenset[str],
               capitalised: frozenset[str]) -> list[Mention]:
    """Shares written as fractions in words, as percentages ("one-third of" → 33.3%)."""
    out: list[Mention] = []
    for m in _FRACTION.finditer(text):
        if any(s <= m.start() < e for s, e in date_spans):
            continue
        num = _NUMERATORS[m.group("num").lower()] if m.group("num") else 1
        den = _DENOMINATORS[(m.group("den") or "half").lower().rstrip("s")]
        if num >= den:
            continue
        value = (Decimal(100 * num) / den).quantize(Decimal("0.1")).normalize()
        out.append(Mention(f"{value}%", m.group(), m.start(), m.end(), context_words(text, m.start(), m.end()),
                           subjects_around(text, m.start(), m.end(), common=common, capitalised=capitalised), "%", _events(text, m.start(), m.end()),
                           value=f"{value}", sentence=context_words(text, m.start(), m.end(), SENTENCE_WORDS)))
    return out


def extract(analysis: TextAnalysis, article_date: dt.date | None, common: frozenset[str] = frozenset()) -> Facts:
    """The facts a text states; ``common`` adds words other texts write in lower case (not names either)."""
    text = analysis.text
    common = analysis.lower_case_words | common
    names = _names(text, common)
    capitalised = capitalised_within(text)  # read once for every mention's subjects
    dates: list[Mention] = []
    date_spans: list[tuple[int, int]] = []
    for d in analysis.dates:
        resolved = d.resolved(article_date)
        date_spans.append((d.start, d.end))
        if resolved is None:
            if d.year_given:
                continue
            # a year-less date in a text whose own date is unknown: its month and day still say something
            key, shown = d.date.strftime("--%m-%d"), f"{d.date.day} {d.date.strftime('%b')}"
        else:
            key, shown = resolved.isoformat(), f"{resolved.day} {resolved.strftime('%b')} {resolved.year}"
        dates.append(Mention(key, shown, d.start, d.end, context_words(text, d.start, d.end),
                             subjects_around(text, d.start, d.end, common=common, capitalised=capitalised)))
    figures: list[Mention] = []
    for m in _FIGURE.finditer(text):
        if any(s <= m.start() < e for s, e in date_spans) or (m.group("abbr") and not m.group("currency")):
            continue  # "100m" is a distance, "$100m" an amount
        raw = m.group("raw")
        unit, end = _unit(text, m)
        if not unit or (unit not in "%$" and 1800 <= int(float(raw.replace(",", ""))) <= 2100 and "," not in raw):
            continue  # a bare number says too little on its own; "in 1998 alone" is a year
        value = Decimal(raw.replace(",", "")).normalize()
        scale = _SCALE.match(text, m.end())
        if m.group("abbr") and m.group("currency"):
            value = (value * _SCALES[_ABBREVIATED[m.group("abbr")]]).normalize()
        elif scale:
            value = (value * _SCALES[scale.group(1).lower()]).normalize()
        shown = text[m.start():end] if unit != "%" else f"{raw}%"
        # a count is about what its whole sentence is about: "a jury … deliberated for less than 10 minutes"
        count = unit not in "%$"
        figures.append(Mention(f"{value}{unit}", shown, m.start(), m.end(),
                               context_words(text, m.start(), end, SENTENCE_WORDS if count else CONTEXT_WORDS),
                               subjects_around(text, m.start(), m.end(), sentence=count, common=common,
                                               capitalised=capitalised), unit,
                               _events(text, m.start(), end), value=f"{value}",
                               sentence=context_words(text, m.start(), end, SENTENCE_WORDS)))
    figures += _fractions(text, date_spans, common, capitalised)
    quotes = []
    for q in analysis.quotations.quotes:
        inner = text[q.inner[0]:q.inner[1]]
        norm = normalize_text(inner)
        if len(norm.split()) >= 5:
            quotes.append(Mention(norm, inner, q.start, q.end))
    return Facts(names, dates, figures, quotes)

"""Dates written in running text and dates carried by URLs.

Mentions are found with one pattern per written form ("August 19, 2020", "19 Aug 2020", "Aug. 9",
"2020-08-19"), optionally introduced by a weekday ("Wednesday, August 20, 2020"); the matched words are read
by python-dateutil. A mention without a year keeps ``year_given = False`` so a caller can infer the year from
the article's own date.
"""

from __future__ import annotations

import bisect
import contextlib
import datetime as dt
import re
from collections.abc import Iterator
from functools import lru_cache

from variorum.core.lazy_regex import LazyPattern
from variorum.core.normalize import URL_IN_TEXT
from variorum.core.quick_dataclass import dataclass

_MONTH = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
          r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?")
# Monday … Sunday, as dateutil and datetime number them; English, as the month names (calendar.day_name follows
# the process's locale, which the app sets from the user's environment)
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_WEEKDAY = r"(?:" + "|".join(WEEKDAYS) + r")"
_YEAR = r"(?:1[89]|20)\d\d"
_DAY = r"(?:0?[1-9]|[12]\d|3[01])(?:st|nd|rd|th)?"

_MENTION = re.compile(
    rf"""
    (?:(?P<weekday>{_WEEKDAY}),?[ \t]+(?:the[ \t]+)?)?
    (?:
        (?P<md>{_MONTH}[ \t]+{_DAY})(?:,?[ \t]+(?P<md_year>{_YEAR}))?        # August 19, 2020 · Aug. 9
      | (?P<dm>{_DAY}[ \t]+(?:of[ \t]+)?{_MONTH})(?:,?[ \t]+(?P<dm_year>{_YEAR}))?   # 19 Aug 2020 · 2 September
      | (?P<iso>{_YEAR}-[01]\d-[0-3]\d)                                   # 2020-08-19
    )
    (?![\w-])
    """,
    re.VERBOSE,
)
# Where a mention can begin: a weekday's or month's first three letters, or a digit (of a day or a year).
# ``_MENTION`` is tried only there. The candidates are found by their first character, a character class the
# regex engine scans for quickly (an alternation of the words and [0-9] it tries at every position).
_MENTION_WORDS = (*(w[:3] for w in WEEKDAYS), "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct",
                  "Nov", "Dec")
_WEEKDAY_NAME = LazyPattern(_WEEKDAY)
_MENTION_FIRST = LazyPattern("[0-9" + "".join(sorted({w[0] for w in _MENTION_WORDS})) + "]")


@dataclass(frozen=True)
class DateMention:
    """A date written in text: where it is, what it says, and the weekday written with it (if any)."""

    start: int
    end: int
    text: str
    date: dt.date  # with year 2000 placeholder when ``year_given`` is False
    year_given: bool
    weekday: str | None = None
    weekday_start: int | None = None

    def resolved(self, reference: dt.date | None) -> dt.date | None:
        """The date with its year filled in from ``reference`` (the article's date) when the text omits it."""
        if self.year_given:
            return self.date
        if reference is None:
            return None
        return infer_year(self.date.month, self.date.day, reference)


def year_candidates(month: int, day: int, reference: dt.date, *, within_days: int = 200) -> list[dt.date]:
    """The dates a year-less "month day" can mean in an article of ``reference`` date, nearest first."""
    out = []
    for year in (reference.year - 1, reference.year, reference.year + 1):
        try:
            candidate = dt.date(year, month, day)
        except ValueError:
            continue
        if abs((candidate - reference).days) <= within_days:
            out.append(candidate)
    return sorted(out, key=lambda d: abs((d - reference).days))


def infer_year(month: int, day: int, reference: dt.date) -> dt.date | None:
    """A year-less date read in an article of ``reference`` date: the nearest such day, before or after."""
    candidates = year_candidates(month, day, reference)
    return candidates[0] if candidates else None


# The month names a mention is written with (see _MONTH), by number: the dates dateutil would read from them are
# built directly, so that an article's "2 September" or "2020-08-19" costs no import of dateutil.
MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
                "November", "December")
_MONTH_NUMBERS = {name: n for n, full in enumerate(MONTH_NAMES, 1) for name in (full, full[:3])} | {"Sept": 9}


def _plain_date(cleaned: str, year: int) -> dt.date | None:
    """The date of a day and a month name in either order, or of an ISO date, when it names a real day; else
    None, and dateutil reads it."""
    parts = cleaned.split()
    if len(parts) == 2:
        day, month = (parts[0], parts[1]) if parts[0].isdigit() else (parts[1], parts[0])
        number = _MONTH_NUMBERS.get(month)
        if number is not None and day.isascii() and day.isdigit():
            with contextlib.suppress(ValueError):
                return dt.date(year, number, int(day))
    elif len(parts) == 1 and len(cleaned) == 10 and cleaned[4] == cleaned[7] == "-":
        digits = cleaned.replace("-", "")
        if digits.isascii() and digits.isdigit() and 1 <= int(cleaned[5:7]) <= 12:
            with contextlib.suppress(ValueError):
                return dt.date(int(cleaned[:4]), int(cleaned[5:7]), int(cleaned[8:]))
    return None


@lru_cache(maxsize=4096)  # keyed by the few words of one date: small, bounded, the same in every run
def _parse(words: str, year: str | None) -> dt.date | None:
    cleaned = re.sub(r"(?<=\d)(st|nd|rd|th)\b", "", words.replace(".", " ")).replace(" of ", " ")
    plain = _plain_date(cleaned, int(year) if year else 2000)
    if plain is not None:
        return plain
    default = dt.datetime(int(year) if year else 2000, 1, 1)
    try:
        from dateutil import parser as date_parser  # imported when a date is read
        when = date_parser.parse(cleaned, default=default)
    except (ValueError, OverflowError):
        return None
    return when.date()


def find_dates(text: str) -> list[DateMention]:
    """Every date mention in ``text`` (dates inside URLs are left to :func:`url_date`)."""
    return _dates(text, _mentions(text))


def find_weekday_dates(text: str) -> list[DateMention]:
    """The mentions :func:`find_dates` finds with a weekday written before the date ("Wednesday, August 20"),
    looked for only where a weekday's name is written."""
    return _dates(text, _weekday_mentions(text))


def _dates(text: str, mentions: Iterator[re.Match[str]]) -> list[DateMention]:
    matches = list(mentions)
    if not matches:  # no addresses to look for
        return []
    url_spans = [m.span() for m in URL_IN_TEXT.finditer(text)]
    url_starts = [s for s, _ in url_spans]
    out: list[DateMention] = []
    for m in matches:
        i = bisect.bisect_right(url_starts, m.start()) - 1
        if i >= 0 and m.start() < url_spans[i][1]:
            continue
        if m.group("iso"):
            words, year = m.group("iso"), m.group("iso")[:4]
        elif m.group("md"):
            words, year = m.group("md"), m.group("md_year")
        else:
            words, year = m.group("dm"), m.group("dm_year")
        date = _parse(words, year)
        if date is None:
            continue
        out.append(DateMention(m.start(), m.end(), m.group(), date, year is not None, m.group("weekday"),
                               m.start("weekday") if m.group("weekday") else None))
    return out


def _mentions(text: str) -> Iterator[re.Match[str]]:
    """``_MENTION.finditer(text)``, with the pattern tried only where a mention can begin."""
    end = 0
    for first in _MENTION_FIRST.finditer(text):
        pos = first.start()
        if pos < end or not (text[pos] <= "9" or text.startswith(_MENTION_WORDS, pos)):
            continue
        m = _MENTION.match(text, pos)
        if m:
            end = m.end()
            yield m


def _weekday_mentions(text: str) -> Iterator[re.Match[str]]:
    """The matches of :func:`_mentions` that start with a weekday. A mention with a weekday starts at the weekday's
    name, which no other mention holds (they are made of month names, digits and "of"): skipping the others
    skips none of these."""
    end = 0
    for first in _WEEKDAY_NAME.finditer(text):
        pos = first.start()
        if pos < end:
            continue
        m = _MENTION.match(text, pos)
        if m and m.group("weekday"):
            end = m.end()
            yield m


def parse_date(text: str) -> dt.date | None:
    """A whole string read as one date (for loader values such as ``2020-08-19T10:00:00Z``), else None."""
    try:
        from dateutil import parser as date_parser  # imported when a date is read
        return date_parser.isoparse(text.strip()).date()
    except (ValueError, OverflowError):
        pass
    try:
        from dateutil import parser as date_parser  # imported when a date is read
        return date_parser.parse(text.strip()).date()
    except (ValueError, OverflowError):
        return None


# --- dates in URLs ----------------------------------------------------------------------------------------------

_URL_DATE_PATTERNS = (
    LazyPattern(rf"/(?P<y>{_YEAR})/(?P<m>0?[1-9]|1[0-2])/(?P<d>0?[1-9]|[12]\d|3[01])(?=/|$|[?#])"),
    LazyPattern(rf"(?<![\d])(?P<y>{_YEAR})-(?P<m>0[1-9]|1[0-2])-(?P<d>0[1-9]|[12]\d|3[01])(?!\d)"),
    LazyPattern(rf"(?<![\w])(?P<y>{_YEAR})(?P<m>0[1-9]|1[0-2])(?P<d>0[1-9]|[12]\d|3[01])(?![\d])"),
    LazyPattern(rf"/(?P<y>{_YEAR})/(?P<m>0?[1-9]|1[0-2])(?=/)"),  # month precision: /2020/08/slug
)


@dataclass(frozen=True)
class UrlDate:
    date: dt.date
    precision: str  # "day" | "month"
    start: int  # offsets of the date inside the URL string
    end: int

    def label(self) -> str:
        return format_date(self.date) if self.precision == "day" else self.date.strftime("%B %Y")


def url_date(url: str) -> UrlDate | None:
    """The publication date a URL path carries (``/2025/02/21/``, ``2025-02-21``, ``20250221``), if any."""
    cut = re.match(r"[a-z][a-z0-9+.-]*://[^/]*", url, re.IGNORECASE)
    offset = cut.end() if cut else 0
    path = url[offset:]
    for i, pattern in enumerate(_URL_DATE_PATTERNS):
        m = pattern.search(path)
        if not m:
            continue
        day = int(m.group("d")) if "d" in m.re.groupindex else 1
        try:
            date = dt.date(int(m.group("y")), int(m.group("m")), day)
        except ValueError:
            continue
        return UrlDate(date, "month" if i == 3 else "day", offset + m.start(), offset + m.end())
    return None


def format_date(date: dt.date) -> str:
    """How dates read in messages: ``19 Aug 2020``."""
    return f"{date.day} {date.strftime('%b')} {date.year}"

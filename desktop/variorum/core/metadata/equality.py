"""When two versions give the same value for a metadata field, however differently they write it.

One rule per field. The checks that report a field differing between versions of an article and the metadata
table's ≠ marker both ask these functions, so a value the table marks is a value the checks report, and a value
the checks accept is never marked.

- **title**: compared by its words only (case, punctuation, quotation marks, markup and surrounding space do not
  count). A site name set off by a separator ("Headline | Site Name", "Headline - Site") is ignored beside the
  longer headline both share, so two different headlines under one site name still differ. A headline cut short
  with an ellipsis ("Dam bursts after heavy…") agrees with a headline it begins (three words at least).
- **published / modified**: the calendar days each value can name must overlap. A bare date names its day; a
  timestamp without a UTC offset names the day it is written on; a timestamp with an offset is an instant, and
  names every day that instant falls on somewhere (UTC−12 to UTC+14), so ``2020-08-20T23:30-04:00`` agrees with
  ``2020-08-21`` (the same evening, read in Europe) but not with ``2020-08-23``.
- **byline**: the same authors in any order, each compared by its words, without a leading "By".
- **credits**: the same set of credits, each compared by its words.
- **url**: the same target, as :func:`~variorum.core.metadata.links.url_key` reads it: the scheme, the host's
  letter case, ``www.``, a trailing ``/``, the fragment, tracking parameters (``utm_*``, ``fbclid``, ``gclid``…),
  the order of the other query parameters and surrounding space, quotes or angle brackets do not count; the
  path's letter case does (servers tell ``/About`` from ``/about``). The same rule tells a web archive's pages
  apart and picks the one a user names (``variorum compare capture.wacz --url URL``).
- **links**: the same set of targets, each compared as a URL.

A value that is missing is not compared here: an absent field is not a different one.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from typing import Any

from variorum.core.lazy_regex import LazyPattern
from variorum.core.metadata.dates import parse_date
from variorum.core.metadata.links import url_key
from variorum.core.model import Link
from variorum.core.normalize import word_key
from variorum.core.quick_dataclass import dataclass

__all__ = ["same_title", "same_date", "same_byline", "same_credits", "same_url", "same_links", "agree",
           "date_days", "byline_key", "credit_key", "title_parts"]

# --- title ------------------------------------------------------------------------------------------------------

_SEPARATOR = LazyPattern(r"\s+(?:\||-|–|—|::|·|•)\s+")
_CUT = LazyPattern(r"(?:…|\.\.\.)[\s\"'”’»)]*$")  # an ellipsis ending the text, quotes or a bracket after it
MIN_CUT_WORDS = 3  # a shortened headline agrees with a longer one only when it keeps this many words


@dataclass(frozen=True)
class _Part:
    key: str
    cut: bool  # the text ends in an ellipsis: shortened to fit

    @classmethod
    def of(cls, text: str) -> _Part:
        return cls(word_key(text), bool(_CUT.search(text)))

    def matches(self, other: _Part) -> bool:
        if self.key == other.key:
            return True
        shorter, longer = (self, other) if len(self.key) < len(other.key) else (other, self)
        return (shorter.cut and len(shorter.key.split()) >= MIN_CUT_WORDS
                and longer.key.startswith(shorter.key))


def _parts(title: str) -> list[_Part]:
    return [p for p in (_Part.of(t) for t in _SEPARATOR.split(title)) if p.key]


def title_parts(title: str) -> list[str]:
    """The comparison keys of a title's parts ("Headline | Site" → [headline, site])."""
    return [p.key for p in _parts(title)]


def same_title(a: str, b: str) -> bool:
    """The same headline, whatever site names either carries or however it is cut short."""
    whole_a, whole_b = _Part.of(a), _Part.of(b)
    if whole_a.matches(whole_b):
        return True
    pa, pb = _parts(a), _parts(b)
    shared = [p for p in pa if any(p.matches(q) for q in pb)]
    rest = [p for p in pa if p not in shared] + [q for q in pb if not any(q.matches(p) for p in pa)]
    # what is left once the shared parts are set aside may only be site names: short parts beside a shared
    # headline at least as long
    return bool(shared) and all(len(p.key.split()) < max(len(s.key.split()) for s in shared) for p in rest)


# --- dates ------------------------------------------------------------------------------------------------------

_EARLIEST_ZONE = dt.timedelta(hours=-12)
_LATEST_ZONE = dt.timedelta(hours=14)
_QUOTES = " \t\n\"'“”‘’"


def date_days(value: str) -> frozenset[dt.date]:
    """The calendar days a date or timestamp can name (see the module's rule); empty when it is no date."""
    text = value.strip(_QUOTES)
    try:
        from dateutil import parser as date_parser  # imported when a date is read
        when = date_parser.isoparse(text)
    except (ValueError, OverflowError):
        day = parse_date(text) if text else None
        return frozenset({day} if day else ())
    if when.tzinfo is None or when.utcoffset() is None:
        return frozenset({when.date()})
    utc = when.astimezone(dt.UTC).replace(tzinfo=None)
    first, last = (utc + _EARLIEST_ZONE).date(), (utc + _LATEST_ZONE).date()
    return frozenset(first + dt.timedelta(days=n) for n in range((last - first).days + 1))


def same_date(a: str, b: str) -> bool:
    """Two dates or timestamps that can name the same calendar day."""
    return bool(date_days(a) & date_days(b))


# --- byline and credits -----------------------------------------------------------------------------------------

_NAME_SEPARATOR = LazyPattern(r"\s*(?:,|&|\band\b)\s*")
_BY = LazyPattern(r"(?i)^by\s+")


def byline_key(byline: str) -> str:
    """Authors without order, case or "By": "Jane Doe and John Roe" and "John Roe, Jane Doe" give one key."""
    names = _NAME_SEPARATOR.split(_BY.sub("", byline.strip(_QUOTES)))
    return "|".join(sorted(k for k in (word_key(n) for n in names) if k))


def same_byline(a: str, b: str) -> bool:
    return byline_key(a) == byline_key(b)


def credit_key(credit: str) -> str:
    """A credit by its words ("Photo: EFE / EPA" and "photo: EFE/EPA" give one key)."""
    return word_key(credit)


def same_credits(a: Iterable[str], b: Iterable[str]) -> bool:
    return {credit_key(c) for c in a} == {credit_key(c) for c in b}


# --- addresses --------------------------------------------------------------------------------------------------

def same_url(a: str, b: str) -> bool:
    return url_key(a) == url_key(b)


def same_links(a: Iterable[Link], b: Iterable[Link]) -> bool:
    """The same set of link targets (their anchor texts and places are the link checks' business)."""
    return {url_key(link.url) for link in a} == {url_key(link.url) for link in b}


# --- by field name ----------------------------------------------------------------------------------------------

_RULES: dict[str, Callable[[Any, Any], bool]] = {
    "title": same_title,
    "published": same_date,
    "modified": same_date,
    "byline": same_byline,
    "credits": same_credits,
    "url": same_url,
    "links": same_links,
}


def agree(field: str) -> Callable[[Any, Any], bool]:
    """The rule for the metadata field named ``field`` (a :class:`~variorum.core.model.Metadata` attribute)."""
    return _RULES[field]

"""Dates found in documents, normalised to ISO-8601 with python-dateutil."""

from __future__ import annotations

import warnings
from datetime import datetime

from variorum.core.lazy_regex import LazyPattern

_TRAILING_NOTE = LazyPattern(r"\s*\([^()]*\)\s*$")
_ZONE_OFFSET = LazyPattern(r"\s*\b(?:GMT|UTC)\s*([+-]\d{1,2}(?::?\d{2})?)\b")
_HAS_TIME = LazyPattern(r"\d{1,2}:\d{2}")
_DEFAULT_A = datetime(2000, 1, 1)
_DEFAULT_B = datetime(2001, 2, 2)


def iso_date(value: object) -> str | None:
    """``YYYY-MM-DD`` for a date, a full ISO timestamp when the value carries a time; None if not a full date.

    A value that names no day (``"2017"``, ``"September 2017"``) or is not a date at all gives None.
    """
    if isinstance(value, datetime):
        return value.isoformat()
    if not isinstance(value, str):
        return None
    s = " ".join(value.split())
    if not s or len(s) > 64 or not any(c.isdigit() for c in s):
        return None
    s = _TRAILING_NOTE.sub("", s)  # "… GMT+0300 (Moscow Standard Time)"
    # "GMT+0300" means three hours ahead of UTC (as browsers write it); dateutil would read it the POSIX way
    s = _ZONE_OFFSET.sub(r" \1", s)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # an unknown zone name ("MSK") leaves the time without a zone
            from dateutil import parser as date_parser  # imported when a date is read
            a = date_parser.parse(s, default=_DEFAULT_A)
            b = date_parser.parse(s, default=_DEFAULT_B)
    except (ValueError, OverflowError, TypeError):
        return None
    if a.date() != b.date() or not 1000 <= a.year <= 9999:
        return None  # year, month and day must all come from the value itself
    if _HAS_TIME.search(s):
        return a.isoformat()
    return a.date().isoformat()

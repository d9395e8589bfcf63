"""``weekday-mismatch``: a weekday written next to a date that falls on another day.

Only a weekday attached to a date is checked ("Wednesday, August 20, 2020", "on Sunday, Aug. 9"). A bare weekday
("the Kremlin said Wednesday") names the day of an event, not the article's date, and is never flagged. When the
date has no year, the year is taken from the article's date; such findings are medium, not high.
"""

from __future__ import annotations

from collections.abc import Iterator

from variorum.core.checks.context import Context
from variorum.core.metadata import format_date
from variorum.core.metadata.dates import WEEKDAYS, year_candidates
from variorum.core.model import Evidence, Finding


def check(ctx: Context) -> Iterator[Finding]:
    groups: dict[tuple[str, str, str], list[Evidence]] = {}
    details: dict[tuple[str, str, str], tuple[str, str, bool, str]] = {}
    for v in ctx.readable:
        reference = None
        for m in ctx.text(v.id).weekday_dates:
            if m.weekday is None:
                continue
            if not m.year_given and reference is None:
                article = ctx.article_date(v.id)
                if article is None:
                    continue
                reference = article
            date = m.resolved(reference.date if reference else None)
            if date is None:
                continue
            actual = WEEKDAYS[date.weekday()]
            if actual == m.weekday:
                continue
            if not m.year_given and reference is not None and any(WEEKDAYS[c.weekday()] == m.weekday for c in
                                        year_candidates(m.date.month, m.date.day, reference.date)):
                continue  # right for a neighbouring year: the text may mean that one
            key = (" ".join(m.text.split()), date.isoformat(), m.weekday)
            groups.setdefault(key, []).append(Evidence(v.id, m.start, m.end, m.text))
            how = "" if m.year_given or reference is None else (f" The date has no year; it is read as {date.year}, from the article's "
                                           f"date, {reference.describe()}.")
            details.setdefault(key, (format_date(date), actual, m.year_given, how))
    for key, ev in groups.items():
        text, _iso, written = key
        shown, actual, year_given, how = details[key]
        yield ctx.finding("weekday-mismatch", "high" if year_given else "medium",
                          f"'{text}' does not add up: {shown} was a {actual}, not a {written}.{how}", ev)

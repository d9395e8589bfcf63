"""``date-mismatch``: versions of one article stating different publication dates, or a date missing from some.

The date of a version is what it states for itself: its loader's published metadata, its dateline, or the date
in its original URL. Different dates are a contradiction of fact (high); a date some versions lack is low. Dates agree
as :func:`variorum.core.metadata.equality.same_date` says (the metadata table's rule too): a timestamp with a time
zone agrees with every day it falls on somewhere. A date the page around an extracted article shows is not missing
from that page.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from variorum.core.checks.context import Context
from variorum.core.checks.fields import FieldValue, compare_field
from variorum.core.metadata import format_date
from variorum.core.metadata.equality import date_days, same_date
from variorum.core.model import Evidence, Finding


def check(ctx: Context) -> Iterator[Finding]:
    values: dict[str, FieldValue] = {}
    for v in ctx.group:
        own = ctx.own_date(v.id)
        if own is None:
            continue
        ev = own.evidence or Evidence(v.id, 0, 0, "")
        # a loader's timestamp is compared as written (its time zone counts); a dateline or URL names one day
        stated = v.metadata.published if own.source.endswith("metadata") and v.metadata.published else \
            own.date.isoformat()
        days = date_days(stated) or {own.date}
        # a date read from the text (a dateline, an "Original url:" line), not from the format's metadata
        in_text = own.evidence is not None and own.evidence.end > own.evidence.start and \
            not own.source.endswith("metadata")
        values[v.id] = FieldValue(format_date(own.date), frozenset(d.isoformat() for d in days), ev, stated,
                                  in_text)

    def text_has(vid: str, val: FieldValue) -> bool:
        days = [dt.date.fromisoformat(k) for k in val.keys]
        if any(ctx.locate_date(vid, d) is not None for d in days):
            return True
        page = ctx.page(vid)  # the page around an extracted article ("Posted on June 5, 2023")
        return page is not None and any(m.year_given and m.date in days for m in page.dates)

    yield from compare_field(ctx, kind="date-mismatch", label="publication date", values=values, conflict="high",
                             text_has=text_has, same=lambda a, b: same_date(a.stated, b.stated))
    yield from compare_field(ctx, kind="date-mismatch", label="date of the last update", values=_updated(ctx),
                             conflict="medium", text_has=text_has, absence_counts=False)


def _updated(ctx: Context) -> dict[str, FieldValue]:
    """The day each version's text says it was last updated, for the versions that say so."""
    values: dict[str, FieldValue] = {}
    for v in ctx.group:
        line = ctx.meta(v.id).modified
        if line is None:
            continue
        f = line.found
        values[v.id] = FieldValue(format_date(line.date), frozenset({line.date.isoformat()}),
                                  Evidence(v.id, f.start, f.end, v.text[f.start:f.end]), f.value, True)
    return values

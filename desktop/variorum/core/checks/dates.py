"""``date-mismatch``: versions of one article stating different publication dates, or a date missing from some.

The date of a version is what it states for itself: its loader's published metadata, its dateline, or the date
in its original URL. Different dates are a contradiction of fact (high); a date some versions lack is low.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from variorum.core.checks.context import Context
from variorum.core.checks.fields import FieldValue, compare_field
from variorum.core.metadata import format_date, parse_date
from variorum.core.model import Evidence, Finding


def check(ctx: Context) -> Iterator[Finding]:
    values: dict[str, FieldValue] = {}
    for v in ctx.group:
        own = ctx.own_date(v.id)
        if own is None:
            continue
        ev = own.evidence or Evidence(v.id, 0, 0, "")
        keys = {own.date}
        if "T" in (v.metadata.published or "") and own.source.endswith("metadata"):
            # a timestamp: the calendar day depends on the time zone it is read in
            keys |= {own.date - dt.timedelta(days=1), own.date + dt.timedelta(days=1)}
        values[v.id] = FieldValue(f"{format_date(own.date)}", frozenset(d.isoformat() for d in keys), ev)

    def text_has(vid: str, val: FieldValue) -> bool:
        dates = [parse_date(k) for k in val.keys]
        return any(d is not None and ctx.locate_date(vid, d) is not None for d in dates)

    yield from compare_field(ctx, kind="date-mismatch", label="publication date", values=values, conflict="high",
                             text_has=text_has)

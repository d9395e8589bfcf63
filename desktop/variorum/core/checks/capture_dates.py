"""``date-after-capture``: a capture that holds something dated after the capture itself.

A web archive's capture (a WARC record's ``WARC-Date``, a saved Wayback or archive.today page's timestamp) fixes
the latest moment its content can come from. A link to a page dated after that moment, an original URL dated after
it, or a publication date after it cannot be in an honest capture: the file was altered or its capture time is
mislabelled. Each is its own high-severity finding. Versions without a capture time are never looked at; a date
on the capture's own day or the next (time zones) is not a contradiction.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from variorum.core.checks.context import Context, evidence, short
from variorum.core.checks.url_dates import MAX_EVIDENCE, MAX_SEPARATE, SLACK, later_than
from variorum.core.metadata import UrlDate, format_date, parse_date, url_date, url_key
from variorum.core.model import Evidence, Finding, Link, Version

KIND = "date-after-capture"


def capture_date(v: Version) -> dt.date | None:
    """The day a version was captured (UTC), when it came from a web archive with a capture time."""
    capture = v.metadata.capture
    return parse_date(capture.time) if capture is not None and capture.time else None


def check(ctx: Context) -> Iterator[Finding]:
    for v in ctx.readable:
        captured = capture_date(v)
        if captured is None:
            continue
        when = f"{format_date(captured)} ({v.metadata.capture.time})" if v.metadata.capture else format_date(captured)
        yield from _own_url(ctx, v, captured, when)
        yield from _published(ctx, v, captured, when)
        yield from _links(ctx, v, captured, when)


def _own_url(ctx: Context, v: Version, captured: dt.date, when: str) -> Iterator[Finding]:
    urls = [u for u in dict.fromkeys((v.metadata.url, v.metadata.capture.target_uri if v.metadata.capture else None))
            if u]
    for url in urls:
        ud = url_date(url)
        if ud is None or not later_than(ud, captured):
            continue
        pos = v.text.find(url)
        ev = [evidence(v, pos, pos + len(url))] if pos >= 0 else [Evidence(v.id, 0, 0, "")]
        yield ctx.finding(KIND, "high",
                          f"The original URL of {v.id} ({short(url, 90)}) carries the date {ud.label()}, but the "
                          f"capture was made on {when}. A capture cannot hold a page published after it was "
                          f"taken: the file was altered or its capture time is mislabelled.", ev)
        return


def _published(ctx: Context, v: Version, captured: dt.date, when: str) -> Iterator[Finding]:
    own = ctx.own_date(v.id)
    if own is None or own.date <= captured + SLACK:
        return
    ev = [own.evidence] if own.evidence is not None else [Evidence(v.id, 0, 0, "")]
    yield ctx.finding(KIND, "high",
                      f"{v.id} states the publication date {own.describe()}, but the capture was made on {when}. "
                      f"A capture cannot hold an article published after it was taken: the file was altered or "
                      f"its capture time is mislabelled.", ev)


def _links(ctx: Context, v: Version, captured: dt.date, when: str) -> Iterator[Finding]:
    own = {url_key(u) for u in (v.metadata.url, v.metadata.capture.target_uri if v.metadata.capture else None) if u}
    later: list[tuple[Link, UrlDate]] = []
    for link in v.metadata.links:
        ud = url_date(link.url)
        if ud is not None and url_key(link.url) not in own and later_than(ud, captured):
            later.append((link, ud))
    if len(later) <= MAX_SEPARATE:
        for link, ud in later:
            what = f"'{short(link.text)}' ({short(link.url, 90)})" if link.text and link.text != link.url else \
                short(link.url, 90)
            yield ctx.finding(KIND, "high",
                              f"The link {what} in {v.id} points to a URL dated {ud.label()}, but the capture was "
                              f"made on {when}. A capture cannot link a page published after it was taken: the "
                              f"file was altered or its capture time is mislabelled.",
                              [evidence(v, link.start, link.end)])
        return
    dates = sorted(ud.date for _, ud in later)
    span = format_date(dates[0]) if dates[0] == dates[-1] else f"{format_date(dates[0])} to {format_date(dates[-1])}"
    yield ctx.finding(KIND, "high",
                      f"{len(later)} links in {v.id} point to URLs dated after the capture ({span}), but the capture "
                      f"was made on {when}. A capture cannot link pages published after it was taken: the file was "
                      f"altered or its capture time is mislabelled.",
                      [evidence(v, link.start, link.end) for link, _ in later[:MAX_EVIDENCE]])

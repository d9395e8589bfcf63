"""``url-date-mismatch``: a date inside a URL that contradicts the article's own date.

A link to a page dated after the article (``/2025/02/21/`` in a piece dated 19 Aug 2020) cannot have been in the
article when it was published: the link was changed later, or points to the wrong page. The article's date may
come from another version of the same article (a PDF copy has no dateline, the Markdown copy does). Links to
older pages are normal and never flagged; so are links dated no later than the article's last update, whether its
metadata gives it or the article says so in an edit note ("**2025-09-05 edit:** …", "Updated on March 3, 2024").
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator

from variorum.core.checks.anchors import anchor_key, anchor_of, is_bare
from variorum.core.checks.context import ArticleDate, Context, evidence, short
from variorum.core.lazy_regex import LazyPattern
from variorum.core.metadata import UrlDate, format_date, parse_date, url_date, url_key
from variorum.core.model import Evidence, Finding, Version

SLACK = dt.timedelta(days=1)
MAX_SEPARATE = 3  # more later-dated links than this in one version make one finding (a page's link list)
MAX_EVIDENCE = 20  # time zones: a page dated the next day is not a contradiction
# a word saying the article was changed on the date it stands next to
_EDIT_WORD = LazyPattern(r"\b(?:edit(?:ed|s)?|updated?|updates|revised|correction|amended)\b", re.IGNORECASE)
_EDIT_REACH = 16  # characters between the date and that word


def later_than(ud: UrlDate, limit: dt.date) -> bool:
    if ud.precision == "day":
        return ud.date > limit + SLACK
    return (ud.date.year, ud.date.month) > (limit.year, limit.month)


def edit_dates(ctx: Context, vid: str) -> list[dt.date]:
    """Dates the article gives for its own later edits: a full date right beside "edit", "updated", "correction"."""
    text = ctx.version(vid).text
    return [m.date for m in ctx.text(vid).dates if m.year_given and (
        _EDIT_WORD.search(text[max(0, m.start - _EDIT_REACH):m.start])
        or _EDIT_WORD.search(text[m.end:m.end + _EDIT_REACH]))]


def _limit(ctx: Context, v: Version, article: ArticleDate) -> dt.date:
    modified = parse_date(v.metadata.modified) if v.metadata.modified else None
    return max([article.date, *([modified] if modified else []), *edit_dates(ctx, v.id)])


def check(ctx: Context) -> Iterator[Finding]:
    for v in ctx.readable:
        article = ctx.article_date(v.id)
        yield from _canonical(ctx, v)
        if article is None:
            continue
        canonical = url_key(v.metadata.url) if v.metadata.url else None
        later = []
        limit = _limit(ctx, v, article)
        for link in v.metadata.links:
            ud = url_date(link.url)
            if ud is None or url_key(link.url) == canonical or not later_than(ud, limit):
                continue
            if v.furniture_at(link.start, link.end) is not None:
                continue  # a box of newer stories beside the article: the page was saved later, not edited
            later.append((link, ud))
        if len(later) <= MAX_SEPARATE:
            for link, ud in later:
                yield _finding(ctx, v, link, ud, article)
        else:
            yield _many(ctx, v, later, article)


def _finding(ctx: Context, v: Version, link, ud: UrlDate, article: ArticleDate) -> Finding:
    anchor = anchor_of(v, link, ctx.text(v.id))
    # the dated link, then where the article's date was read, then the anchor and the same link elsewhere
    ev: list[Evidence] = [evidence(v, link.start, link.end)]
    if article.evidence is not None:
        ev.append(article.evidence)
    if anchor is not None and anchor.from_slug:
        ev.append(evidence(v, anchor.start, anchor.end))
    if anchor is not None:
        key = anchor_key(anchor.text)
        for other in ctx.group:
            if other.id == v.id:
                continue
            for ol in other.metadata.links:
                if not is_bare(ol) and anchor_key(ol.text) == key:
                    ev.append(evidence(other, ol.start, ol.end))
                    break
    confirmed = ctx.confirmations(article)
    ev += [e for e, _ in confirmed if e not in ev]
    also = f"; {' and '.join(what for _, what in confirmed)} give{'s' if len(confirmed) == 1 else ''} the same date" \
        if confirmed else ""
    what = f"The link '{short(anchor.text)}'" if anchor is not None else f"The link {short(link.url, 90)}"
    where = "" if anchor is None or not anchor.from_slug else f" (its URL {short(link.url, 90)})"
    message = (f"{what}{where} in {v.id} points to a URL dated {ud.label()}, but the article is dated "
               f"{article.describe(also)}. A page published after the article cannot have been linked from it when "
               f"it appeared: the link was changed later or points to the wrong page.")
    return ctx.finding("url-date-mismatch", "high", message, ev)


def _many(ctx: Context, v: Version, later: list, article: ArticleDate) -> Finding:
    dates = sorted(ud.date for _, ud in later)
    ev = [evidence(v, link.start, link.end) for link, _ in later[:MAX_EVIDENCE]]
    if article.evidence is not None:
        ev.insert(1, article.evidence)
    span = format_date(dates[0]) if dates[0] == dates[-1] else f"{format_date(dates[0])} to {format_date(dates[-1])}"
    message = (f"{len(later)} links in {v.id} point to URLs dated after the article ({span}), but the article is "
               f"dated {article.describe()}. Links to pages published later were added or changed after the "
               f"article appeared (a saved page's list of newer stories, or a wrong link).")
    return ctx.finding("url-date-mismatch", "high", message, ev)


def _canonical(ctx: Context, v: Version) -> Iterator[Finding]:
    """The date in a version's own original URL against its own dateline."""
    tm = ctx.meta(v.id)
    if not v.metadata.url or tm.published is None:
        return
    ud = url_date(v.metadata.url)
    if ud is None or ud.precision != "day" or abs((ud.date - tm.published.date).days) <= SLACK.days:
        return
    f = tm.published.found
    ev = [evidence(v, f.start, f.end)]
    pos = v.text.find(v.metadata.url)
    if pos >= 0:
        ev.insert(0, evidence(v, pos, pos + len(v.metadata.url)))
    yield ctx.finding("url-date-mismatch", "high",
                      f"The original URL of {v.id} carries the date {ud.label()}, but its dateline says "
                      f"{format_date(tm.published.date)}.", ev)

"""Pages saved from a web archive's viewer: the Wayback Machine and archive.today.

Such a page is the archived article wrapped in the archive's own furniture: a toolbar or header, playback scripts
and styles, and every link rewritten to point into the archive (``https://web.archive.org/web/<timestamp>/<original
address>``, ``https://archive.ph/o/<id>/<original address>``). :func:`unwrap` recognises the archive, removes its
furniture from the parsed page, restores every link to its original address (so link checks see the real targets)
and reads when the archive captured the page and from where.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace
from datetime import datetime

from variorum.core.model import Capture, Metadata
from variorum.core.quick_dataclass import dataclass

WAYBACK = "Wayback Machine"
ARCHIVE_TODAY = "archive.today"
_ARCHIVE_TODAY_HOSTS = r"archive\.(?:today|ph|is|li|vn|fo|md)"
# /web/<timestamp><modifier>/<original>, on web.archive.org or relative to it
_WAYBACK_LINK = re.compile(r"^(?:(?:https?:)?//(?:web\.|wayback\.)?archive\.org)?/web/(\d{4,14})(?:[a-z]{2}_|\*)?/+"
                           r"(.+)$", re.IGNORECASE)
# archive.today: /o/<id>/<original> (an out-link) or /<yyyy.mm.dd-hhmmss>/<original>
_ARCHIVE_TODAY_LINK = re.compile(rf"^(?:https?:)?//(?:[\w-]+\.)?{_ARCHIVE_TODAY_HOSTS}/(?:o/[\w-]+|(\d{{4}}\.\d\d\.\d\d-"
                                 r"\d{6}))/(.+)$", re.IGNORECASE)
_ARCHIVE_TODAY_HOST = re.compile(rf"^(?:https?:)?//(?:[\w-]+\.)?{_ARCHIVE_TODAY_HOSTS}(?:/|$)", re.IGNORECASE)
_WOMBAT = re.compile(r"__wm\.wombat\(\s*[\"']([^\"']*)[\"']\s*,\s*[\"'](\d{8,14})[\"']")
_ARCHIVED_ON = re.compile(r"FILE ARCHIVED ON (\d\d:\d\d:\d\d) ([A-Z][a-z]{2}) (\d\d?), (\d{4})")
_ARCHIVED_UTC = re.compile(r"(\d\d?) ([A-Z][a-z]{2}) (\d{4}) (\d\d:\d\d(?::\d\d)?) UTC")
_WAYBACK_FURNITURE_IDS = ("wm-ipp-base", "wm-ipp", "wm-ipp-print", "donato", "wm-capinfo", "wm-btns")
_ARCHIVE_TODAY_FURNITURE_IDS = ("HEADER", "hashtags", "FOOTER")
_ARCHIVE_STATIC = re.compile(r"(?:web-static\.archive\.org|archive\.org/(?:_static|includes)/|^/_static/)",
                             re.IGNORECASE)
_LINK_ATTRS = ("href", "src", "action", "cite", "data-src")
# archive.today describes its capture, not the article, in the page head: dated with the capture, addressed to
# the archive. These are its record, not the article's metadata.
_ARCHIVE_TODAY_META = frozenset({"article:modified_time", "article:published_time", "datemodified", "datepublished",
                                 "og:url", "url", "og:site_name", "description", "og:description"})


@dataclass(frozen=True)
class Archived:
    """What the archive's furniture said: which archive, when it captured the page, and the page's address."""

    source: str
    time: str | None  # ISO-8601 UTC ``…Z``
    original_url: str | None


def _wayback_time(stamp: str) -> str | None:
    stamp = stamp.ljust(14, "0")
    try:
        when = datetime.strptime(stamp, "%Y%m%d%H%M%S")
    except ValueError:
        return None
    return when.strftime("%Y-%m-%dT%H:%M:%SZ")


def _with_scheme(url: str) -> str:
    url = re.sub(r"^(https?):/+", r"\1://", url, flags=re.IGNORECASE)
    return url if re.match(r"^[a-z][a-z0-9+.-]*:", url, re.IGNORECASE) else "http://" + url.lstrip("/")


def original_url(url: str) -> str | None:
    """The original address inside a Wayback or archive.today link, or None for any other link."""
    url = url.strip()
    m = _WAYBACK_LINK.match(url) or _ARCHIVE_TODAY_LINK.match(url)
    return _with_scheme(m.group(2)) if m else None


def _kind(tree, source: str) -> str | None:
    if any(tree.get_element_by_id(i, None) is not None for i in ("wm-ipp-base", "wm-ipp")) \
            or _WOMBAT.search(source) or "WAYBACK TOOLBAR INSERT" in source or _ARCHIVED_ON.search(source):
        return WAYBACK
    header = tree.get_element_by_id("HEADER", None)
    canonical = [link.get("href") or "" for link in tree.iter("link") if (link.get("rel") or "").lower()
                 in ("canonical", "bookmark")]
    if (header is not None and any(_ARCHIVE_TODAY_HOST.match(a.get("href") or a.get("action") or "")
                                   for a in header.iter("a", "form"))) \
            or any(_ARCHIVE_TODAY_HOST.match(href) for href in canonical):
        return ARCHIVE_TODAY
    return None


def _remove(el) -> None:
    """Drop an element but keep the text that follows it (its tail belongs to the parent)."""
    parent = el.getparent()
    if parent is None:
        return
    if el.tail and el.tail.strip():
        prev = el.getprevious()
        if prev is not None:
            prev.tail = (prev.tail or "") + el.tail
        else:
            parent.text = (parent.text or "") + el.tail
    parent.remove(el)


def _wayback_details(source: str, stamps: Counter) -> tuple[str | None, str | None]:
    """The capture time and address from the playback script, else the archive's closing comment, else the
    timestamp most links carry (the archive dates every link of a page with the page's own capture)."""
    m = _WOMBAT.search(source)
    if m:
        return _wayback_time(m.group(2)), m.group(1) or None
    c = _ARCHIVED_ON.search(source)
    if c:
        when = datetime.strptime(f"{c.group(4)} {c.group(2)} {c.group(3)} {c.group(1)}", "%Y %b %d %H:%M:%S")
        return when.strftime("%Y-%m-%dT%H:%M:%SZ"), None
    return (_wayback_time(stamps.most_common(1)[0][0]) if stamps else None), None


def _archive_today_details(header) -> tuple[str | None, str | None]:
    when = url = None
    if header is None:
        return None, None
    for t in header.iter("time"):
        stamp = t.get("datetime")
        if stamp:
            when = stamp.strip().replace("+00:00", "Z")
            break
    if when is None:
        m = _ARCHIVED_UTC.search(header.text_content())
        if m:
            seconds = m.group(4) if m.group(4).count(":") == 2 else m.group(4) + ":00"
            parsed = datetime.strptime(f"{m.group(3)} {m.group(2)} {m.group(1)} {seconds}", "%Y %b %d %H:%M:%S")
            when = parsed.strftime("%Y-%m-%dT%H:%M:%SZ")
    for el in header.iter("input", "a"):
        value = (el.get("value") if el.tag == "input" else el.get("href")) or ""
        if re.match(r"^https?://", value) and not _ARCHIVE_TODAY_HOST.match(value):
            url = original_url(value) or value
            break
    return when, url


def _drop_archive_today_head(tree) -> str | None:
    """Remove archive.today's description of its capture from the head; returns the capture time it gives."""
    when = None
    for m in list(tree.iter("meta")):
        key = (m.get("property") or m.get("itemprop") or m.get("name") or "").strip().lower()
        if key in _ARCHIVE_TODAY_META or _ARCHIVE_TODAY_HOST.match(m.get("content") or ""):
            if key == "article:modified_time":
                when = m.get("content")
            _remove(m)
    for link in list(tree.iter("link")):
        if _ARCHIVE_TODAY_HOST.match(link.get("href") or ""):
            _remove(link)
    return when


def _restore_links(tree) -> Counter:
    """Every archive link back to its original address; returns how often each Wayback timestamp appeared."""
    stamps: Counter = Counter()
    for el in tree.iter():
        if not isinstance(el.tag, str):
            continue
        for attr in _LINK_ATTRS:
            value = el.get(attr)
            if not value:
                continue
            m = _WAYBACK_LINK.match(value.strip())
            if m and el.tag == "a":
                stamps[m.group(1)] += 1
            restored = original_url(value)
            if restored:
                el.set(attr, restored)
    return stamps


def unwrap(tree, source: str) -> Archived | None:
    """Strip a saved archive page (``tree``, parsed with lxml.html from ``source``) down to the archived page;
    None for any other page."""
    kind = _kind(tree, source)
    if kind is None:
        return None
    header = tree.get_element_by_id("HEADER", None) if kind == ARCHIVE_TODAY else None
    details: tuple[str | None, str | None] = (None, None)
    if kind == ARCHIVE_TODAY:
        when, url = _archive_today_details(header)
        stated = _drop_archive_today_head(tree)
        details = (when or stated, url)
    for ident in (_WAYBACK_FURNITURE_IDS if kind == WAYBACK else _ARCHIVE_TODAY_FURNITURE_IDS):
        el = tree.get_element_by_id(ident, None)
        if el is not None:
            _remove(el)
    for el in list(tree.iter("script", "link", "style", "noscript")):
        address = el.get("src") or el.get("href") or ""
        if el.tag in ("script", "noscript") or _ARCHIVE_STATIC.search(address):
            _remove(el)
    stamps = _restore_links(tree)
    when, url = _wayback_details(source, stamps) if kind == WAYBACK else details
    return Archived(kind, when, (original_url(url) or url) if url else None)


def with_capture(meta: Metadata, archived: Archived | None) -> Metadata:
    """The page's metadata with the archive's capture, its address falling back to the one the archive gives."""
    if archived is None:
        return meta
    capture = Capture(time=archived.time, target_uri=archived.original_url, source=archived.source)
    own = meta.url and not _ARCHIVE_TODAY_HOST.match(meta.url) and "archive.org/" not in meta.url
    if own or not archived.original_url:
        return replace(meta, capture=capture)
    return replace(meta, capture=capture, url=archived.original_url,
                   sources=meta.sources + (("url", f"{archived.source} capture"),))

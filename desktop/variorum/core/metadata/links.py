"""Links written in text: Markdown ``[text](url)``, ``<https://…>`` and bare URLs, with code-point offsets.

For a Markdown link the offsets are those of the anchor text; for a bare or bracketed URL they are those of
the URL itself (its anchor text is the URL).
"""

from __future__ import annotations

import bisect
import re
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from variorum.core.lazy_regex import LazyPattern
from variorum.core.model import Link

# Each pattern starts with the characters it needs (a look back before the first would be tried at every position
# of the text, and so would a group of alternatives that does not start each with a character)
_MD_LINK = LazyPattern(r"\[(?<!!\[)(?P<text>[^\]\n]{1,300})\]\((?P<url>[^)\s]*)(?:\s+\"[^\"]*\")?\)")
_ANGLE_URL = LazyPattern(r"<(?P<url>(?:https?|ftp)://[^\s<>]+)>")
_BARE_URL = LazyPattern(r"(?:https?://|ftp://|www\.)[^\s<>()\[\]\"“”‘’]+[^\s<>()\[\]\"“”‘’.,;:!?'*_]")


def find_links(text: str) -> list[Link]:
    """Every link in ``text``, in reading order."""
    links: list[Link] = []
    taken: list[tuple[int, int]] = []  # spans already read as links, in text order
    # each pattern needs a literal its text may lack: then it is not run over the whole text
    for m in _MD_LINK.finditer(text) if "](" in text else ():
        links.append(Link(m.group("text"), m.group("url"), m.start("text"), m.end("text")))
        taken.append(m.span())
    angle = [m for m in _ANGLE_URL.finditer(text) if not _inside(m.start(), taken)] if "://" in text else []
    for m in angle:
        links.append(Link(m.group("url"), m.group("url"), m.start("url"), m.end("url")))
    taken = sorted(taken + [m.span() for m in angle])
    for m in _BARE_URL.finditer(text) if "://" in text or "www." in text else ():
        if not _inside(m.start(), taken):
            url = m.group()
            links.append(Link(url, url if "://" in url else "http://" + url, m.start(), m.end()))
    links.sort(key=lambda link: link.start)
    return links


def _inside(pos: int, spans: list[tuple[int, int]]) -> bool:
    """Whether ``pos`` falls in one of ``spans`` (sorted, not overlapping)."""
    i = bisect.bisect_right(spans, (pos, float("inf"))) - 1
    return i >= 0 and spans[i][0] <= pos < spans[i][1]


def merge_links(primary: tuple[Link, ...], extra: list[Link]) -> tuple[Link, ...]:
    """The loader's links, plus those found in the text that overlap none of them."""
    out = list(primary)
    spans = sorted((p.start, p.end) for p in primary)
    starts = [s for s, _ in spans]
    for link in extra:
        i = bisect.bisect_left(starts, link.end)  # spans from i on start after the link
        # anchors do not nest, so only the few spans starting just before the link can overlap it
        if not any(s < link.end and link.start < e for s, e in spans[max(0, i - 3):i]):
            out.append(link)
    out.sort(key=lambda link: (link.start, link.end))
    return tuple(out)


# query parameters that say how a reader arrived (campaign tags, click ids), not which page they reached
_TRACKING = LazyPattern(r"^(?:utm_|mc_|_hs|fbclid$|gclid$|dclid$|gbraid$|wbraid$|msclkid$|yclid$|twclid$|igshid$|"
                        r"mkt_tok$|ref$|ref_src$)")
_WRAPPING = " \t\n\"'<>“”‘’"  # around a URL copied from prose: spaces, quotes, angle brackets


def is_placeholder(url: str) -> bool:
    """A target that goes nowhere: ``#``, empty, ``javascript:`` — the mark of a link lost in copying."""
    u = url.strip().lower()
    return u in {"", "#", "/", "about:blank"} or u.startswith(("javascript:", "#"))


def url_key(url: str) -> str:
    """A URL in comparable form: scheme, host case, ``www.``, trailing slash, fragment, tracking parameters, the
    order of the other parameters and surrounding quotes or angle brackets ignored."""
    url = url.strip(_WRAPPING)
    if is_placeholder(url):
        return "#"
    parts = urlsplit(url if "://" in url else "http://" + url)
    host = parts.netloc.lower().removeprefix("www.")
    query = urlencode(sorted((k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True)
                             if not _TRACKING.match(k.lower())))
    return urlunsplit(("", host, parts.path.rstrip("/"), query, "")).lstrip("/")


def slug_words(url: str) -> list[str]:
    """The words of a URL's last path segment (``/belarus-opposition-urges-eu-a71199`` → belarus opposition…).

    Trailing numeric or article-id parts (``a71199``, ``12345``) and file extensions are left out.
    """
    if is_placeholder(url):
        return []
    path = urlsplit(url if "://" in url else "http://" + url).path.rstrip("/")
    segment = path.rsplit("/", 1)[-1]
    segment = re.sub(r"\.(html?|php|aspx?|shtml)$", "", segment, flags=re.IGNORECASE)
    words = [w for w in re.split(r"[-_+.]+", segment.lower()) if w]
    while words and re.fullmatch(r"[a-z]?\d+", words[-1]):
        words.pop()
    return words

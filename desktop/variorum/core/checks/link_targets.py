"""``link-target-mismatch``: the same anchor text pointing to different targets in versions of one article.

A real URL in one version and a placeholder (``#``) in another is a link lost in copying (low severity: the
target is known from the other version); two different real targets is a contradiction (medium). Links only one
version has are not compared: plain-text copies drop links as a matter of course. Two targets with the same path,
query and fragment on different hosts, one of them the page's own address or a placeholder host ("fakehost",
"localhost", "example.com"), are one relative link resolved against two bases (a saved copy and an extraction),
not a changed target.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator
from urllib.parse import urlsplit

from variorum.core.checks.anchors import anchor_key, anchor_of
from variorum.core.checks.context import Context, evidence, short
from variorum.core.metadata import is_placeholder, url_key
from variorum.core.model import Evidence, Finding, Severity

_PLACEHOLDER_HOSTS = frozenset({"", "fakehost", "localhost", "127.0.0.1", "example.com", "example.org", "example.net"})


def _host_and_rest(url: str) -> tuple[str, str]:
    parts = urlsplit(url.strip() if "://" in url else "http://" + url.strip())
    host = (parts.hostname or "").removeprefix("www.")
    return host, f"{parts.path.rstrip('/')}?{parts.query}#{parts.fragment}"


def _resolved_against_another_base(urls: Iterable[str], own_hosts: set[str]) -> bool:
    """Whether targets differ only by host, every host but one being the page's own or a placeholder: a relative
    link resolved against different base addresses, the same target."""
    split = {_host_and_rest(u) for u in urls}
    hosts = {h for h, _ in split}
    if len({rest for _, rest in split}) != 1 or len(hosts) < 2:
        return False
    return len(hosts - own_hosts - _PLACEHOLDER_HOSTS) <= 1 and bool(hosts & (own_hosts | _PLACEHOLDER_HOSTS))


def check(ctx: Context) -> Iterator[Finding]:
    own_hosts = {_host_and_rest(v.metadata.url)[0] for v in ctx.group if v.metadata.url} - {""}
    # anchor key -> version id -> [(url, evidence of the anchor, evidence of the URL)]
    table: dict[str, dict[str, list[tuple[str, list[Evidence]]]]] = defaultdict(lambda: defaultdict(list))
    anchors: dict[str, str] = {}
    for v in ctx.group:
        for link in v.metadata.links:
            anchor = anchor_of(v, link, ctx.text(v.id))
            if anchor is None:
                continue
            key = anchor_key(anchor.text)
            if len(key) < 2:
                continue
            anchors.setdefault(key, anchor.text)
            ev = [evidence(v, anchor.start, anchor.end)]
            if anchor.from_slug:
                ev.append(evidence(v, link.start, link.end))
            table[key][v.id].append((link.url, ev))
    for key, per_version in table.items():
        if len(per_version) < 2:
            continue
        # only anchors that point to one target within each version can be compared
        targets = {vid: {url_key(u) for u, _ in entries} for vid, entries in per_version.items()}
        if any(len(t) != 1 for t in targets.values()):
            continue
        distinct = {next(iter(t)) for t in targets.values()}
        if len(distinct) < 2:
            continue
        shown = {vid: entries[0][0] for vid, entries in per_version.items()}
        real = {k for k in distinct if k != "#"}
        if len(real) == len(distinct) and _resolved_against_another_base(shown.values(), own_hosts):
            continue
        severity: Severity = "low" if len(real) == 1 else "medium"
        parts = []
        for vid, url in shown.items():
            parts.append(f"a placeholder '{url or '#'}' in {vid}" if is_placeholder(url) else f"{short(url, 90)} "
                         f"in {vid}")
        message = f"The link '{short(anchors[key])}' points to " + ", ".join(parts[:-1]) + f" but to {parts[-1]}."
        if severity == "low":
            message += " The placeholder is a link lost in copying; the real target is known from the other version."
        ev = [e for entries in per_version.values() for e in entries[0][1]]
        yield ctx.finding("link-target-mismatch", severity, message, ev)

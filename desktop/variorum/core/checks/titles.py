"""``title-mismatch``: versions of one article carrying different titles, or a title missing from some.

Titles are compared without case, punctuation, quotation style or markup, and a site name appended after a
separator ("… | The Daily") is ignored, so a page title and the article's heading agree.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from variorum.core.checks.anchors import anchor_key
from variorum.core.checks.context import Context
from variorum.core.checks.fields import FieldValue, compare_field
from variorum.core.model import Evidence, Finding, Version

_SEPARATOR = re.compile(r"\s+(?:\||-|–|—|::|·|•)\s+")


def title_keys(title: str) -> frozenset[str]:
    keys = {anchor_key(title)}
    parts = _SEPARATOR.split(title)
    if len(parts) > 1:
        keys.add(anchor_key(" ".join(parts[:-1])))  # "Headline | Site"
        keys.add(anchor_key(" ".join(parts[1:])))  # "Site | Headline"
    return frozenset(k for k in keys if k)


def _evidence(ctx: Context, v: Version, title: str) -> Evidence:
    found = ctx.meta(v.id).title
    if found is not None and found.value == title:
        return Evidence(v.id, found.start, found.end, v.text[found.start:found.end])
    pos = v.text.find(title)
    return Evidence(v.id, pos, pos + len(title), title) if pos >= 0 else Evidence(v.id, 0, 0, "")


def check(ctx: Context) -> Iterator[Finding]:
    values = {v.id: FieldValue(v.metadata.title, title_keys(v.metadata.title), _evidence(ctx, v, v.metadata.title))
              for v in ctx.group if v.metadata.title and title_keys(v.metadata.title)}

    def text_has(vid: str, val: FieldValue) -> bool:
        text = anchor_key(ctx.version(vid).text[:5000])
        return any(k in text for k in val.keys)

    yield from compare_field(ctx, kind="title-mismatch", label="title", values=values, conflict="medium",
                             text_has=text_has)

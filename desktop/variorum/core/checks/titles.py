"""``title-mismatch``: versions of one article carrying different titles, or a title missing from some.

Titles are compared without case, punctuation, quotation style or markup, and a site name set off by a
separator ("… | The Daily") is ignored, so a page title and the article's heading agree — but two headlines
under the same site name do not.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from variorum.core.checks.anchors import anchor_key
from variorum.core.checks.context import Context
from variorum.core.checks.fields import FieldValue, compare_field, field_evidence
from variorum.core.model import Finding

_SEPARATOR = re.compile(r"\s+(?:\||-|–|—|::|·|•)\s+")


def title_parts(title: str) -> list[str]:
    """The comparison keys of a title's parts ("Headline | Site" → [headline, site])."""
    return [k for k in (anchor_key(p) for p in _SEPARATOR.split(title)) if k]


def title_keys(title: str) -> frozenset[str]:
    """The whole title and each of its parts: a paragraph equal to any of them is the title, not a passage."""
    return frozenset({anchor_key(title), *title_parts(title)} - {""})


def titles_agree(a: str, b: str) -> bool:
    """Same headline, whatever site names either carries ("Headline | Site" agrees with "Headline")."""
    if anchor_key(a) == anchor_key(b):
        return True
    pa, pb = title_parts(a), title_parts(b)
    shared = [p for p in pa if p in pb]
    rest = [p for p in pa if p not in pb] + [p for p in pb if p not in pa]
    # what is left once the shared parts are set aside may only be site names: short parts beside a shared
    # headline at least as long
    return bool(shared) and all(len(p.split()) < max(len(s.split()) for s in shared) for p in rest)


def check(ctx: Context) -> Iterator[Finding]:
    values = {v.id: FieldValue(v.metadata.title, frozenset({anchor_key(v.metadata.title)}),
                               field_evidence(ctx, v, "title", v.metadata.title))
              for v in ctx.group if v.metadata.title and anchor_key(v.metadata.title)}

    def text_has(vid: str, val: FieldValue) -> bool:
        """The version's text has the title's headline (a part that is not also part of its own title)."""
        own = set(title_parts(ctx.version(vid).metadata.title or ""))
        text = anchor_key(ctx.version(vid).text[:5000])
        return any(part in text for part in title_parts(val.shown) if part not in own)

    yield from compare_field(ctx, kind="title-mismatch", label="title", values=values, conflict="medium",
                             text_has=text_has, same=lambda a, b: titles_agree(a.shown, b.shown))

"""``title-mismatch``: versions of one article carrying different titles, or a title missing from some.

Titles agree as :func:`variorum.core.metadata.equality.same_title` says (the metadata table's rule too): without
case, punctuation, quotation style or markup; a site name set off by a separator ("… | The Daily") is ignored, so a
page title and the article's heading agree — but two headlines under the same site name do not; a headline cut short
with an ellipsis agrees with the headline it begins.

A web page's text opens with its headline because the extractor put the page's heading there: that does not make a
plain-text copy of the article, which has no place for a title, expected to state it.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache

from variorum.core.checks.anchors import anchor_key
from variorum.core.checks.context import Context
from variorum.core.checks.fields import FieldValue, compare_field, field_evidence, found_in_text
from variorum.core.metadata.equality import same_title, title_parts
from variorum.core.model import Finding


@lru_cache(maxsize=64)  # every paragraph of a version is held against the same few titles
def title_keys(title: str) -> frozenset[str]:
    """The whole title and each of its parts: a paragraph equal to any of them is the title, not a passage."""
    return frozenset({anchor_key(title), *title_parts(title)} - {""})


def check(ctx: Context) -> Iterator[Finding]:
    values = {v.id: FieldValue(v.metadata.title, frozenset({anchor_key(v.metadata.title)}),
                               field_evidence(ctx, v, "title", v.metadata.title),
                               in_text=v.format != "html" and found_in_text(ctx, v, "title", v.metadata.title))
              for v in ctx.group if v.metadata.title and anchor_key(v.metadata.title)}

    def text_has(vid: str, val: FieldValue) -> bool:
        """The version's text has the title's headline (a part that is not also part of its own title)."""
        own = set(title_parts(ctx.version(vid).metadata.title or ""))
        text = anchor_key(ctx.version(vid).text[:5000])
        return any(part in text for part in title_parts(val.shown) if part not in own)

    yield from compare_field(ctx, kind="title-mismatch", label="title", values=values, conflict="medium",
                             text_has=text_has, same=lambda a, b: same_title(a.shown, b.shown))

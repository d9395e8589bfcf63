"""``byline-mismatch``: versions of one article credited to different authors, or a byline missing from some.

A byline the page around an extracted article shows ("Posted on … by Jane Roe") is not missing from that page.
Bylines agree as :func:`variorum.core.metadata.equality.same_byline` says (the metadata table's rule too): the same
authors in any order, without case, punctuation or "By".
"""

from __future__ import annotations

from collections.abc import Iterator

from variorum.core.checks.context import Context
from variorum.core.checks.fields import FieldValue, compare_field, field_evidence, found_in_text
from variorum.core.metadata.equality import byline_key, same_byline
from variorum.core.model import Finding


def check(ctx: Context) -> Iterator[Finding]:
    values = {v.id: FieldValue(v.metadata.byline, frozenset({byline_key(v.metadata.byline)}),
                               field_evidence(ctx, v, "byline", v.metadata.byline),
                               in_text=found_in_text(ctx, v, "byline", v.metadata.byline))
              for v in ctx.group if v.metadata.byline and byline_key(v.metadata.byline)}

    def text_has(vid: str, val: FieldValue) -> bool:
        # the article's text, or the page around it ("Posted on … by Jane Roe" that the extractor left out)
        texts = [ctx.text(vid)] + [p for p in [ctx.page(vid)] if p is not None]
        return any(all(name in t.words for key in val.keys for name in key.split("|")) for t in texts)

    yield from compare_field(ctx, kind="byline-mismatch", label="byline", values=values, conflict="medium",
                             text_has=text_has, same=lambda a, b: same_byline(a.shown, b.shown))

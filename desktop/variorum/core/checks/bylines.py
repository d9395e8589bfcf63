"""``byline-mismatch``: versions of one article credited to different authors, or a byline missing from some."""

from __future__ import annotations

import re
from collections.abc import Iterator

from variorum.core.checks.anchors import anchor_key
from variorum.core.checks.context import Context
from variorum.core.checks.fields import FieldValue, compare_field, field_evidence
from variorum.core.model import Finding


def byline_key(byline: str) -> str:
    """Authors without order, case or "By": "Jane Doe and John Roe" == "John Roe, Jane Doe"."""
    names = re.split(r"\s*(?:,|&|\band\b)\s*", re.sub(r"(?i)^by\s+", "", byline.strip()))
    return "|".join(sorted(anchor_key(n) for n in names if anchor_key(n)))


def check(ctx: Context) -> Iterator[Finding]:
    values = {v.id: FieldValue(v.metadata.byline, frozenset({byline_key(v.metadata.byline)}),
                               field_evidence(ctx, v, "byline", v.metadata.byline))
              for v in ctx.group if v.metadata.byline and byline_key(v.metadata.byline)}

    def text_has(vid: str, val: FieldValue) -> bool:
        text = anchor_key(ctx.version(vid).text)
        return all(name in text for key in val.keys for name in key.split("|"))

    yield from compare_field(ctx, kind="byline-mismatch", label="byline", values=values, conflict="medium",
                             text_has=text_has)

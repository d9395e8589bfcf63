"""Differences inside page furniture are set aside: shown, never counted as substantive.

An embedded post swapped for another, a sidebar that changed, a newsletter box one copy lacks: such differences are
real but say nothing about the article. They are kept as cosmetic differences of category ``furniture`` (the pane
can still show them), so no check reads them and they are not counted among the substantive differences.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from variorum.core.model import Difference, Span, Version

FURNITURE = "furniture"


def _in_furniture(version: Version, span: Span) -> bool:
    return span.end > span.start and version.furniture_at(span.start, span.end) is not None


def set_aside_furniture(differences: Iterable[Difference], base: Version, other: Version) -> list[Difference]:
    """``differences`` with those lying in furniture on every side that has text marked cosmetic."""
    out = []
    for d in differences:
        sides = [(v, s) for v, s in ((base, d.base), (other, d.other)) if s.end > s.start]
        if not d.cosmetic and sides and all(_in_furniture(v, s) for v, s in sides):
            d = replace(d, cosmetic=True, category=FURNITURE)
        out.append(d)
    return out

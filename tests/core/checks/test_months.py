import random
from pathlib import Path

import pytest

from variorum.core.checks import months
from variorum.core.checks.months import month_spans, months_in, without_months

DATA = Path(__file__).resolve().parents[2] / "data"


def _searched(text, start, end):
    """What month_spans gives when the pattern is searched in every passage."""
    lo, hi = max(0, start - 16), min(len(text), end + 16)
    out = []
    for m in months._IN_DATE.finditer(text, lo, hi):
        group = next(g for g in "abc" if m.group(g))
        s, e = m.span(group)
        if start <= s and e <= end:
            out.append((s, e, months._number(m.group(group))))
    return out


@pytest.mark.parametrize("text, expected", [
    ("the may 2013 list", [5]),
    ("published MAY 2013", [5]),
    ("due ſept. 5 at noon", [9]),  # a long s: the pattern, ignoring case, reads it as an "s"
    ("since March the council may vote", [3]),
    ("the council may vote on 3 june", [6]),
    ("nothing dated here at all", []),
])
def test_months_used_as_dates_are_found_in_any_case(text, expected):
    assert months_in(text, 0, len(text)) == expected


def test_a_passage_without_month_names_is_left_as_it_is():
    text = "The council may vote, 12 members said."
    assert without_months(text, 0, len(text)) == text
    assert without_months("in may 2013 the", 0, 15) == "in     2013 the"


def test_month_spans_are_those_of_searching_every_passage():
    rng = random.Random(15)
    texts = [p.read_text(encoding="utf-8", errors="replace") for p in sorted(DATA.glob("real*/*/*.txt"))]
    assert texts
    for text in texts:
        for _ in range(30):
            start = rng.randrange(len(text) + 1)
            end = min(len(text), start + rng.choice((0, 1, 5, 30, 200, 5000)))
            assert month_spans(text, start, end) == _searched(text, start, end)

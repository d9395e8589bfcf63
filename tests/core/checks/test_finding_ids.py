"""A finding's id hashes what it cites in the order of the strings "sha:start:end:text", without making them (a
passage of megabytes was copied into one to be hashed)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from variorum.core.checks.context import _AsJoined

_HEADS = st.builds(lambda who, start, end: f"{who}:{start}:{end}:", st.sampled_from(["a" * 64, "b" * 64, "v1", "v1:p2"]),
                   st.integers(0, 120), st.integers(0, 120))


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(_HEADS, st.text(alphabet="ab:1 ", max_size=6)), max_size=8))
def test_cited_passages_sort_as_their_joined_strings_do(cited):
    assert [h + t for h, t in sorted(cited, key=_AsJoined)] == sorted(h + t for h, t in cited)

"""The written form of an anchor (command line, reports, the notes list) is read in one place."""

from __future__ import annotations

import pytest

from variorum.core.notes import Anchor, AnchorRef, TextQuote, read_anchor, ref_of


@pytest.mark.parametrize("text, ref", [
    ("case", AnchorRef("case")),
    (" finding:f12 ", AnchorRef("finding", "f12")),
    ("difference:d3-7", AnchorRef("difference", "d3-7")),
    ("version:v2", AnchorRef("version", "v2")),
    ("quote:v10:4-30", AnchorRef("quote", "v10", 4, 30)),
])
def test_written_forms_are_read_and_written_back_alike(text, ref):
    assert read_anchor(text) == ref
    assert str(ref) == text.strip()


@pytest.mark.parametrize("text", ["", "finding:", "quote:v1:4", "quote:said Wednesday", "note:n1", "v2"])
def test_what_is_not_an_anchor_reads_as_none(text):
    assert read_anchor(text) is None


def test_a_stored_anchor_is_named_by_the_ids_of_the_open_comparison():
    quote = TextQuote(exact="said", prefix="", suffix="", sha256="abc", start=4, end=8)
    assert ref_of(Anchor("quote", quote=quote), {"abc": "v3"}) == AnchorRef("quote", "v3", 4, 8)
    assert ref_of(Anchor("quote", quote=quote, slot=2), {}, {2: "v1"}) == AnchorRef("quote", "v1", 4, 8)
    assert str(ref_of(Anchor("version", ref="abcdef0123456789"), {})) == "version:sha256:abcdef012345"
    assert ref_of(Anchor("finding", ref="f1"), {}) == AnchorRef("finding", "f1")

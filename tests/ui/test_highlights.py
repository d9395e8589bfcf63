"""What the panes highlight and say about it, computed from a comparison (no window needed)."""

from variorum.core.compare import compare_versions
from variorum.core.load import load_pasted
from variorum.ui.panes.highlights import describe_at, pane_spans, stops


def _compare():
    a = load_pasted("The turnout was 80% on Sunday, officials said.\\n\\nA second paragraph follows here.",
                    version_id="v1", label="a")
    b = load_pasted("The turnout was 85% on Sunday, officials said.\\n\\nA second paragraph follows here.",
                    version_id="v2", label="b")
    return compare_versions([a, b])


def test_the_base_and_the_compared_version_highlight_their_own_side():
    c = _compare()
    other = next(v.id for v in c.versions if v.id != c.base)
    (stop,) = stops(c, other, show_cosmetic=False)
    d = stop.difference
    assert pane_spans(c, c.base, other, False) == [(d.base.start, d.base.end, "replace")]
    assert pane_spans(c, other, other, False) == [(d.other.start, d.other.end, "replace")]


def test_hovering_a_highlight_says_what_changed():
    c = _compare()
    other = next(v.id for v in c.versions if v.id != c.base)
    d = c.differences_for(other, cosmetic=False)[0]
    text = describe_at(c, other, d.other.start, other, False)
    assert d.other.text in text and d.base.text in text and "number" in text
    assert describe_at(c, other, 0, other, False) is None

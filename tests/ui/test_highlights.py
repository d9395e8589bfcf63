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


def _read_by_ocr(text: str, doubtful: set[str]):
    """``text`` as a screenshot's OCR would give it: every word sure except ``doubtful`` ones (confidence 30)."""
    import re
    from dataclasses import replace

    from variorum.core.model import OcrWord

    v = load_pasted(text, version_id="v2", label="screenshot.png")
    words = tuple(OcrWord(m.start(), m.end(), 10 * i, 20, 9, 12, 30.0 if m.group() in doubtful else 96.0)
                  for i, m in enumerate(re.finditer(r"\S+", text)))
    return replace(v, format="image", ocr=words)


def test_uncertain_ocr_readings_are_marked_under_the_differences():
    text = "The turnout was 80% on Sunday, officials said.\n\nA second paragraph follows here."
    shot = _read_by_ocr(text.replace("80%", "85%"), {"Sunday,", "follows"})
    c = compare_versions([load_pasted(text, version_id="v1", label="a"), shot])
    (d,) = c.differences_for("v2", cosmetic=False)
    sunday, follows = shot.text.index("Sunday,"), shot.text.index("follows")
    assert pane_spans(c, "v2", "v2", False) == [(sunday, sunday + 7, "uncertain"), (follows, follows + 7, "uncertain"),
                                                (d.other.start, d.other.end, "replace")]
    assert pane_spans(c, "v1", "v2", False) == [(d.base.start, d.base.end, "replace")]  # typed text: sure
    said = describe_at(c, "v2", sunday + 1, "v2", False)
    assert said == "“Sunday,” is an uncertain OCR reading (confidence 30%): check it against the image"
    assert describe_at(c, "v2", shot.text.index("officials"), "v2", False) is None

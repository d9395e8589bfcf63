"""Positions carried from one version to another through the paragraph alignment."""

from variorum.core.compare import compare_versions
from variorum.core.load import load_pasted
from variorum.ui.panes.alignment_map import AlignmentMap

PARAS = [f"Paragraph {i} says something different about topic number {i}." for i in range(12)]
INSERTED = "A completely new paragraph about rainfall statistics in the northern provinces."


def test_an_inserted_paragraph_shifts_the_mapping():
    short = load_pasted("\n\n".join(PARAS), version_id="v1", label="short")
    longer = load_pasted("\n\n".join(PARAS[:3] + [INSERTED] + PARAS[3:]), version_id="v2", label="longer")
    c = compare_versions([short, longer], )
    other = "v1" if c.base == "v2" else "v2"
    amap = AlignmentMap(c)
    base_text, other_text = c.version(c.base).text, c.version(other).text
    for n in (2, 7, 11):
        start = base_text.index(f"Paragraph {n} ")
        mapped = amap.from_base(other, start)
        assert other_text[mapped:].startswith(f"Paragraph {n} ")
        assert amap.to_base(other, mapped) == start
        assert amap.map(other, mapped, c.base) == start

"""Scrolling one pane brings the aligned paragraph of every other pane level with it."""

from __future__ import annotations

import pytest
from app_helpers import make_window, open_and_wait

PARAS = [f"Paragraph {i}: the council met on day {i} and discussed item {i} of the budget at length, "
         f"with questions from members about costs, dates and the contractors involved." for i in range(60)]
EXTRA = [f"Inserted passage {k} about an unrelated harbour project and its many delays." for k in range(6)]


@pytest.fixture
def window(qtbot, tmp_path):
    w = make_window(qtbot, tmp_path, 1200, 700)
    yield w
    w.runner.invalidate()
    w.runner.wait()


def test_scrolling_keeps_aligned_paragraphs_level(qtbot, window, tmp_path):
    longer = tmp_path / "longer.txt"
    shorter = tmp_path / "shorter.txt"
    longer.write_text("\n\n".join(PARAS[:5] + EXTRA + PARAS[5:]), encoding="utf-8")
    shorter.write_text("\n\n".join(PARAS), encoding="utf-8")
    open_and_wait(qtbot, window, [longer, shorter])
    qtbot.waitUntil(window.panes.settled, timeout=5000)  # filler space fitted to the panes' final width
    c = window.comparison
    other = next(v.id for v in c.versions if v.id != c.base)
    base_pane, other_pane = window.panes.pane(c.base), window.panes.pane(other)
    base_text, other_text = c.version(c.base).text, c.version(other).text

    target = base_text.index("Paragraph 30:")
    bar = base_pane.editor.verticalScrollBar()
    block = base_pane.editor.document().findBlock(base_pane.to_qt(target))
    bar.setValue(block.firstLineNumber())  # as the user's wheel or scroll bar does
    # What the user sees once the window has settled (filler lines are re-measured after a layout change).
    qtbot.waitUntil(lambda: base_text[base_pane.top_offset():].startswith("Paragraph 30:")
                    and other_text[other_pane.top_offset():].startswith("Paragraph 30:"), timeout=2000)
    # And the other way round.
    target = other_text.index("Paragraph 45:")
    other_pane.editor.verticalScrollBar().setValue(other_pane.editor.document().findBlock(other_pane.to_qt(target)).firstLineNumber())
    qtbot.waitUntil(lambda: base_text[base_pane.top_offset():].startswith("Paragraph 45:"), timeout=2000)


def test_related_coverage_scrolls_on_its_own(qtbot, window, tmp_path):
    longer, shorter, other = tmp_path / "a.txt", tmp_path / "b.txt", tmp_path / "c.txt"
    longer.write_text("\n\n".join(PARAS[:5] + EXTRA + PARAS[5:]), encoding="utf-8")
    shorter.write_text("\n\n".join(PARAS), encoding="utf-8")
    other.write_text("\n\n".join(f"Weather note {i}: rain spread north overnight with winds near the coast and "
                                 f"cooler air behind the front, forecasters said on day {i}." for i in range(80)),
                     encoding="utf-8")
    open_and_wait(qtbot, window, [longer, shorter, other])
    c = window.comparison
    assert c.relations["v3"].kind != "same-article"
    related = window.panes.pane("v3")
    base_pane = window.panes.pane(c.base)
    base_bar = base_pane.editor.verticalScrollBar()
    base_bar.setValue(base_bar.maximum() // 2)
    where = base_bar.value()
    assert where > 0 and related.editor.verticalScrollBar().value() == 0
    related.editor.verticalScrollBar().setValue(5)
    assert base_bar.value() == where

"""A text too large to highlight inline is shown plain, and its pane says so; other panes keep their highlights."""

from __future__ import annotations

import random

from app_helpers import make_window, open_and_wait, painted_kinds

from variorum.ui.panes.large_text import MAX_HIGHLIGHTED_LINE_CHARS, NOT_HIGHLIGHTED


def test_a_huge_single_line_is_shown_without_highlights_and_the_pane_says_so(qtbot, tmp_path):
    words = ["the", "minister", "said", "on", "Tuesday", "that", "reform", "would", "go", "ahead", "in", "Zurich"]
    rng = random.Random(5)
    line = " ".join(rng.choice(words) for _ in range(MAX_HIGHLIGHTED_LINE_CHARS // 4))
    (tmp_path / "a.txt").write_text("The minister said on Tuesday that reform would go ahead.\n")
    (tmp_path / "b.txt").write_text("The minister said on Monday that reform would go ahead.\n")
    (tmp_path / "c.txt").write_text(line + "\n")
    window = make_window(qtbot, tmp_path)
    open_and_wait(qtbot, window, [tmp_path / "a.txt", tmp_path / "b.txt", tmp_path / "c.txt"])
    by_label = {pane.version.label: pane for pane in window.panes.panes()}
    huge = by_label["c.txt"]
    assert huge.large_notice.isVisible() and huge.large_notice.text() == NOT_HIGHLIGHTED
    assert painted_kinds(huge) == []
    assert huge.text_length() == len(line) + 1  # the whole text is shown
    others = [by_label["a.txt"], by_label["b.txt"]]
    assert not any(p.large_notice.isVisible() for p in others)
    assert any(painted_kinds(p) for p in others)

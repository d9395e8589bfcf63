"""Bring a place in each pane to the same line of the screen, so aligned passages read level across the panes.

Panes scroll by whole lines and every header has the same height, so putting each place on the same row of its
pane puts them within one line of each other on screen. The row is a third of the way down (context above, the
change and what follows below), higher when a place is near the top of its text and cannot be scrolled down to
it.
"""

from __future__ import annotations

from collections.abc import Mapping

from variorum.ui.panes.diff_pane import DiffPane


def level_panes(places: Mapping[DiffPane, int]) -> None:
    """Scroll each pane so the line holding its code-point offset is on one shared row."""
    if not places:
        return
    for pane in places:
        pane.lay_out()
    lines = {pane: pane.line_of(offset) for pane, offset in places.items()}
    rows = min(pane.visible_lines() for pane in places)
    row = min(rows // 3, min(lines.values()))
    # Near the end a pane cannot scroll as far as wanted: move the row down for every pane instead.
    row = max(row, max(line - pane.editor.verticalScrollBar().maximum() for pane, line in lines.items()))
    row = max(0, min(row, rows - 1))
    for pane, line in lines.items():
        pane.set_top_line(line - row)

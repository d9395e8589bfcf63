"""Bring a place in each pane to the same line of the screen, so aligned passages read level across the panes;
measure the filler space that keeps shared paragraphs level, and where a pane must scroll to stay level.

Panes scroll by whole lines and every header has the same height, so putting each place on the same row of its
pane puts them within one line of each other on screen. The row is a third of the way down (context above, the
change and what follows below), higher when a place is near the top of its text and cannot be scrolled down to
it.
"""

from __future__ import annotations

import bisect
from collections.abc import Generator, Mapping

from variorum.ui.panes.diff_pane import DiffPane
from variorum.ui.panes.fillers import filler_lines


def level_panes(places: Mapping[DiffPane, tuple[int, int]]) -> None:
    """Scroll each pane so the line where its (start, end) range starts is on one shared row (an empty range:
    the top of any filler space there)."""
    if not places:
        return
    for pane in places:
        pane.lay_out()
    lines = {pane: pane.line_of(s, empty=e <= s) for pane, (s, e) in places.items()}
    rows = min(pane.visible_lines() for pane in places)
    row = min(rows // 3, min(lines.values()))
    # Near the end a pane cannot scroll as far as wanted: move the row down for every pane instead.
    row = max(row, max(line - pane.editor.verticalScrollBar().maximum() for pane, line in lines.items()))
    row = max(0, min(row, rows - 1))
    for pane, line in lines.items():
        pane.set_top_line(line - row)


def measuring_fillers(rows: list[dict[str, int]],
                      panes: Mapping[str, DiffPane]) -> Generator[None, None, dict[str, dict[int, int]]]:
    """The filler lines that bring each row of paragraphs level, measured in the panes as they are laid out (a
    generator that pauses between blocks laid out and between panes; its value is the filler lines)."""
    offsets: dict[str, list[int]] = {}
    for row in rows:
        for vid, at in row.items():
            offsets.setdefault(vid, []).append(at)
    tops: dict[str, dict[int, float]] = {}
    for vid, wanted in offsets.items():
        yield from panes[vid].laying_out()
        tops[vid] = dict(zip(wanted, panes[vid].text_tops(wanted), strict=True))
        yield
    unit = max((panes[vid].filler_height() for vid in offsets), default=0)
    return filler_lines(rows, tops, unit)


def shared_rows(rows: list[dict[str, int]], a: str, b: str) -> tuple[list[int], list[int]]:
    """The offsets, in ``a`` and in ``b``, of the rows of paragraphs both have (two parallel lists)."""
    both = [(r[a], r[b]) for r in rows if a in r and b in r]
    return [x for x, _y in both], [y for _x, y in both]


def line_level_with(driver: DiffPane, pane: DiffPane, shared: tuple[list[int], list[int]], mapped: int) -> int:
    """The top line for ``pane`` that keeps it level with ``driver``: the same distance from the last paragraph
    both have kept level (``shared``: see :func:`shared_rows`; above the first, the panes start level too);
    without any, the line of ``mapped``."""
    driver.lay_out()
    pane.lay_out()
    top_line = driver.top_line()
    ours, theirs = shared
    if not ours:
        return pane.line_of(mapped)
    at = driver.lines_of(ours)
    k = bisect.bisect_right(at, top_line) - 1
    return top_line if k < 0 else pane.line_of(theirs[k]) + top_line - at[k]


def line_opposite(driver: DiffPane, driver_line: int, pane: DiffPane, shared: tuple[list[int], list[int]]) -> int | None:
    """The line of ``pane`` that stands level with ``driver``'s line ``driver_line``, counted back from the first
    paragraph both keep level at or below it (filler space stands just before such a paragraph), else on from
    the last one above it; None when they keep none level (``shared``: see :func:`shared_rows`)."""
    ours, theirs = shared
    if not ours:
        return None
    at = driver.lines_of(ours)
    k = bisect.bisect_left(at, driver_line)
    if k < len(at):
        return pane.line_of(theirs[k]) - (at[k] - driver_line)
    return pane.line_of(theirs[-1]) + driver_line - at[-1]

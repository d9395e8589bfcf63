"""Filler space: empty lines opposite a passage other versions have, so aligned paragraphs stay level.

Anchors are the base paragraphs that lined-up versions have (paired through their alignment): in each, the panes
that have the paragraph get enough empty lines just before it to start it level with the lowest of them. Heights are measured in pixels (a line holding a symbol from a fallback font is taller than the
others), so they are recomputed when the panes change width. Pure Python: the panes say where their lines are.
"""

from __future__ import annotations

from collections.abc import Mapping

from variorum.core.model import Comparison


def _line_start(text: str, offset: int) -> int:
    return text.rfind("\n", 0, offset) + 1


def anchors(comparison: Comparison, version_ids: list[str]) -> list[dict[str, int]]:
    """Rows of paragraphs to keep level, in reading order: for each base paragraph that one or more of the listed
    versions have, the line start of it in the base and in each of those versions."""
    base = comparison.base
    if base is None:
        return []
    others = [vid for vid in version_ids if vid != base and vid in comparison.alignments]
    found: dict[int, dict[str, int]] = {}
    for vid in others:
        text = comparison.version(vid).text
        for pair in comparison.alignments[vid].paragraphs:
            if pair.base is not None and pair.other is not None:
                found.setdefault(pair.base[0], {}).setdefault(vid, _line_start(text, pair.other[0]))
    base_text = comparison.version(base).text
    rows: list[dict[str, int]] = []
    last: dict[str, int] = {}
    for start in sorted(found):
        at = _line_start(base_text, start)
        if at <= last.get(base, -1):
            continue
        row = {base: at, **{vid: o for vid, o in found[start].items() if o > last.get(vid, -1)}}
        if len(row) > 1:
            rows.append(row)
            last.update(row)
    return rows


def filler_lines(rows: list[dict[str, int]], tops: Mapping[str, Mapping[int, float]],
                 line_height: float) -> dict[str, dict[int, int]]:
    """Per version: anchor offset -> empty lines to show before it. ``tops`` are the pixel positions of the
    anchors in each pane as they would be without filler lines; a filler line is ``line_height`` tall. In each
    row, the versions that have the paragraph are brought down to the lowest of them."""
    out: dict[str, dict[int, int]] = {vid: {} for vid in tops}
    if line_height <= 0:
        return out
    shift = {vid: 0.0 for vid in tops}  # height of the filler lines added so far in each pane
    for row in rows:
        where = {vid: tops[vid][at] + shift[vid] for vid, at in row.items()}
        target = max(where.values())
        for vid, y in where.items():
            lines = round((target - y) / line_height)
            if lines > 0:
                out[vid][row[vid]] = lines
                shift[vid] += lines * line_height
    return out

"""Selecting a variation place in every pane: each version's reading, and the base's span."""

from __future__ import annotations

from variorum.core.model import Place
from variorum.ui.panes.highlights import Stop
from variorum.ui.panes.view import PanesView


def place_ranges(place: Place, shown: set[str]) -> dict[str, tuple[int, int]]:
    """The range to select in each shown pane: where that version reads the place."""
    return {v: (s, e) for r in place.readings for v, s, e in r.spans if v in shown}


def select_place(panes: PanesView, place: Place) -> str:
    """Select ``place`` in every pane, mark it on the overview strip, and say what it is (for the status bar)."""
    panes.select_ranges(place_ranges(place, {p.version_id for p in panes.panes()}))
    panes.mark_current(Stop(place.start, place.end))
    readings = " | ".join(f"{', '.join(r.versions)}: “{' '.join(r.text.split())[:50] or '(absent)'}”"
                          for r in place.readings)
    n = len(place.differing)
    return f"{n} version{' differs' if n == 1 else 's differ'} here: {readings}"

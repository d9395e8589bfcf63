"""What the overview strip marks along the base text, as fractions of its length: a tick per stop of Alt+Down
in the colour of its kind, and a notch where a note's words are (a note in another version of the same article
is carried to the base through the alignment; related coverage does not line up with the base, so its notes
are not marked).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from PySide6.QtGui import QColor

from variorum.core.model import Comparison
from variorum.ui.palette import mark_colour
from variorum.ui.panes.alignment_map import AlignmentMap
from variorum.ui.panes.highlights import Stop, is_word_diffed
from variorum.ui.panes.note_marks import NoteMark


def stop_ticks(stops: Sequence[Stop], length: int, dark: bool) -> list[tuple[float, float, QColor]]:
    """A tick per stop of a base text ``length`` code points long: (fraction start, fraction end, colour)."""
    marks = []
    for s in stops:
        d = s.difference
        key: str
        if d is not None:
            key = "cosmetic" if d.cosmetic else d.kind
        else:
            key = "fact-shared" if s.finding is not None and s.finding.severity == "info" else "fact-conflict"
        marks.append((s.start / length, s.end / length, mark_colour(key, dark)))
    return marks


def note_notches(comparison: Comparison | None, ranges: Mapping[str, Sequence[NoteMark]],
                 alignment: AlignmentMap | None) -> list[tuple[float, float]]:
    """Where the notes' words sit along the base text (fractions), from the note ranges of each version."""
    c = comparison
    base = c.base_version if c else None
    if c is None or c.base is None or base is None or not base.text or alignment is None:
        return []
    n = len(base.text)
    marks = []
    for vid, marked in ranges.items():
        if vid != c.base and not is_word_diffed(c, vid):
            continue  # related coverage does not line up with the base
        for start, end, _text in marked:
            if vid != c.base:
                start, end = alignment.map(vid, start, c.base), alignment.map(vid, end, c.base)
            marks.append((start / n, max(start, end) / n))
    return marks

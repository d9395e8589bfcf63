"""Where a finding's evidence, or a note's words, are in each pane: what to select, where to scroll, what to say.

Every piece of evidence is selected in its version's pane; a pane showing a version the finding cites nothing in
says so in its header ("no evidence in this version") and, when it lines up with the base word by word, is
scrolled to the place that corresponds to the evidence, so it stays level with the others. Pure Python.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import field

from variorum.core.counterpart import Counterparts
from variorum.core.model import Finding
from variorum.core.quick_dataclass import dataclass

NO_EVIDENCE = "no evidence in this version"


@dataclass
class Places:
    ranges: dict[str, list[tuple[int, int]]] = field(default_factory=dict)  # version -> ranges to select
    level_at: dict[str, tuple[int, int]] = field(default_factory=dict)  # version -> range to bring level (nothing
    # selected there; empty where the version lacks the text)
    notices: dict[str, str] = field(default_factory=dict)  # version -> what its header says


def finding_places(finding: Finding, shown: Iterable[str], exact: Counterparts) -> Places:
    places = Places()
    for e in finding.evidence:
        if e.end > e.start and (e.start, e.end) not in places.ranges.get(e.version, []):
            places.ranges.setdefault(e.version, []).append((e.start, e.end))
    _fill_the_rest(places, shown, exact)
    return places


def word_places(version_id: str, start: int, end: int, shown: Iterable[str], exact: Counterparts) -> Places:
    """A note on words of one version: those words, and the words that read there in every version that lines up."""
    places = Places(ranges={version_id: [(start, end)]})
    for vid in shown:
        if vid == version_id:
            continue
        there = exact.between(version_id, start, end, vid) if exact.has(version_id) else None
        if there is not None and there[1] > there[0]:
            places.ranges[vid] = [there]
    _fill_the_rest(places, shown, exact)
    return places


def _fill_the_rest(places: Places, shown: Iterable[str], exact: Counterparts) -> None:
    """Panes with nothing to select: say so, and find the place level with the evidence where they line up."""
    sources = [(vid, r[0]) for vid, r in places.ranges.items() if exact.has(vid)]
    for vid in shown:
        if vid in places.ranges:
            continue
        places.notices[vid] = NO_EVIDENCE
        if not exact.has(vid):
            continue
        for src, (s, e) in sources:
            there = exact.between(src, s, e, vid)
            if there is not None:
                places.level_at[vid] = there
                break

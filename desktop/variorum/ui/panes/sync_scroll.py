"""Panes that read level: scrolling one brings the others' aligned paragraphs beside it, and a selection made
in several panes (a difference, a finding's evidence) is brought to the same line of the screen in each.

Mixed into :class:`~variorum.ui.panes.view.PanesView`, whose panes it reads; the comparison and its alignment
are read from the session. The rows of paragraphs kept level by filler space (set when the filler space is
fitted) are what scrolling together follows; the overview strip's outline of the visible part follows the base
pane.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import cast

from PySide6.QtWidgets import QScrollArea

from variorum.core.model import Comparison
from variorum.ui.panes.alignment_map import AlignmentMap, alignment_for
from variorum.ui.panes.diff_pane import DiffPane
from variorum.ui.panes.evidence import Places, word_places
from variorum.ui.panes.highlights import is_word_diffed
from variorum.ui.panes.leveller import level_panes, line_level_with, line_opposite, shared_rows
from variorum.ui.panes.overview import OverviewStrip
from variorum.ui.session import Session


class SyncedScrolling:
    """Reads the open case from the session each time (it holds none of it): the comparison, its position map,
    the compared version and whether cosmetic differences are shown."""

    _session: Session
    overview: OverviewStrip
    scroll_area: QScrollArea
    _panes: dict[str, DiffPane]
    _queue: list[str]  # panes still to be filled
    _syncing: bool
    _anchor_rows: list[dict[str, int]]  # paragraphs kept level by filler space: version -> offset
    _shared_rows: dict[tuple[str, str], tuple[list[int], list[int]]]  # of two versions, in each

    @property
    def comparison(self) -> Comparison | None:
        return self._session.comparison

    @property
    def alignment(self) -> AlignmentMap | None:
        """The comparison's position map (built once per comparison, with it)."""
        c = self._session.comparison
        return alignment_for(c) if c is not None else None

    @property
    def compared(self) -> str | None:
        return self._session.compared

    @property
    def show_cosmetic(self) -> bool:
        return self._session.show_cosmetic

    def _aligned(self, version_id: str) -> bool:
        """The base and the versions of the same article scroll together; related coverage is another text
        whose paragraphs do not line up, so it scrolls on its own."""
        c = self.comparison
        return c is not None and (version_id == c.base or is_word_diffed(c, version_id))

    def _set_anchor_rows(self, rows: list[dict[str, int]]) -> None:
        self._anchor_rows = rows
        self._shared_rows = {}

    def _shared(self, a: str, b: str) -> tuple[list[int], list[int]]:
        """The rows of paragraphs kept level that versions ``a`` and ``b`` both have, remembered."""
        if (a, b) not in self._shared_rows:
            self._shared_rows[a, b] = shared_rows(self._anchor_rows, a, b)
        return self._shared_rows[a, b]

    def _sync_from(self, version_id: str) -> None:
        if self._syncing or self.alignment is None or self.comparison is None or self.comparison.base is None:
            return
        driver = self._panes.get(version_id)
        if driver is None or not self._aligned(version_id):
            self._update_view_mark()
            return
        self._syncing = True
        try:
            top = driver.top_offset()
            for vid, pane in self._panes.items():
                if vid != version_id and self._aligned(vid):
                    mapped = self.alignment.map(version_id, top, vid)
                    pane.set_top_line(line_level_with(driver, pane, self._shared(version_id, vid), mapped))
        finally:
            self._syncing = False
        self._update_view_mark()

    def sync_to(self, version_id: str) -> None:
        """Bring every pane level with ``version_id``'s pane."""
        self._sync_from(version_id)

    def _update_view_mark(self) -> None:
        c = self.comparison
        base = c.base if c else None
        pane = self._panes.get(base) if base else None
        if pane is not None and base not in self._queue:
            self.overview.set_view(*pane.visible_fraction())

    def _level_after_fitting(self, driver: DiffPane | None, top: int | None) -> None:
        """After filler space changed: keep the difference or finding the user is on level, else bring the panes
        level with the base pane at ``top``, where it was."""
        c = self.comparison
        current = {pane: pane.selected_range() for pane in self._panes.values()
                   if pane.marked_ranges() or pane.editor.marker is not None}
        if current:  # the user is on a difference or a finding: keep it level
            self._syncing = True
            try:
                self._level(current)
            finally:
                self._syncing = False
        elif driver is not None and top and c is not None and c.base is not None:
            driver.scroll_to_offset(top)
            self._sync_from(c.base)

    # --- selections brought level ---------------------------------------------------------------------------
    def select_ranges(self, ranges: Mapping[str, tuple[int, int] | Sequence[tuple[int, int]]], *,
                      level_at: Mapping[str, tuple[int, int]] | None = None, notices: Mapping[str, str] | None = None) -> None:
        """Select the range (or ranges: the first is the selection, the rest are marked with it) in each pane
        named; other panes lose their selection. The first range of every pane, and the offsets of
        ``level_at`` (panes with nothing to select: the range that reads there, empty where
        the pane lacks it), are brought to the same line of the screen. ``notices``
        are shown in the panes' headers (others show none)."""
        notices = notices or {}
        level: dict[DiffPane, tuple[int, int]] = {}
        self._syncing = True
        try:
            for vid, pane in self._panes.items():
                pane.set_notice(notices.get(vid, ""))
                wanted = ranges.get(vid)
                if wanted:
                    first, *rest = _as_pairs(wanted)
                    pane.select(*first, scroll=False, also=tuple(rest))
                    level[pane] = first
                else:
                    pane.clear_selection()
                    if level_at and vid in level_at:
                        level[pane] = level_at[vid]
            self._level(level)
        finally:
            self._syncing = False
        self._update_view_mark()

    def _level(self, places: Mapping[DiffPane, tuple[int, int]]) -> None:
        """Bring the places to one line of the screen. A pane that lacks the text (an empty place) shows filler
        space opposite it, and that space may stand opposite several passages: the line of it opposite the
        passage is the one brought level (its mark drawn there), so the paragraphs around stay level too."""
        level_panes(places)
        base = self.comparison.base if self.comparison is not None else None
        texts = [pane for pane, (s, e) in places.items() if e > s and self._aligned(pane.version_id)]
        driver = next((pane for pane in texts if pane.version_id == base), texts[0] if texts else None)
        if driver is None:
            return
        driver_line = driver.line_of(places[driver][0])
        row = driver_line - driver.top_line()
        for pane, (start, end) in places.items():
            lines = pane.filler_before(start) if end <= start and self._aligned(pane.version_id) else 0
            if lines < 2:  # no filler space, or one line of it: the place itself is opposite
                continue
            opposite = line_opposite(driver, driver_line, pane, self._shared(driver.version_id, pane.version_id))
            if opposite is None:
                continue
            top = pane.line_of(start, empty=True)
            line = max(top, min(top + lines - 1, opposite))
            pane.set_top_line(line - row)
            if pane.editor.marker is not None:
                pane.editor.set_marker(pane.place_qt(start, empty=True) + line - top)

    def select_places(self, places: Places) -> None:
        self.select_ranges(places.ranges, level_at=places.level_at, notices=places.notices)

    def select_words(self, version_id: str, start: int, end: int) -> None:
        """Select words of one version and the words that read there in every pane that lines up with it."""
        if self.alignment is None:
            return
        self.select_places(word_places(version_id, start, end, list(self._panes), self.alignment.exact))

    def scroll_pane_into_view(self, version_id: str) -> None:
        pane = self._panes.get(version_id)
        if pane is not None:
            self.scroll_area.ensureWidgetVisible(pane, 0, 0)


def _as_pairs(wanted: tuple[int, int] | Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """One (start, end) pair, or a sequence of them, as a list of pairs."""
    if isinstance(wanted[0], int):
        return [cast(tuple[int, int], wanted)]
    return list(cast(Sequence[tuple[int, int]], wanted))

"""The side-by-side view: one :class:`DiffPane` per visible version, an overview strip, synchronised scrolling.

Panes sit in a splitter inside a horizontal scroll area, so eight or more versions stay usable: each pane keeps a
minimum width and the view scrolls sideways. Texts are put into the panes, laid out and measured for filler
space in short slices of event-loop turns (:mod:`~variorum.ui.panes.slices`), so a large case never freezes the
window; ``shown`` is emitted when every pane has its text, highlights and filler space.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from typing import cast

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QHBoxLayout, QLabel, QScrollArea, QSplitter, QWidget

from variorum.core.model import Comparison
from variorum.ui.palette import Role, is_dark, mark_colour
from variorum.ui.panes.alignment_map import AlignmentMap, alignment_for
from variorum.ui.panes.diff_pane import PANE_MIN_WIDTH, DiffPane
from variorum.ui.panes.evidence import Places, word_places
from variorum.ui.panes.fillers import anchors
from variorum.ui.panes.highlights import Stop, describe_at, is_word_diffed, pane_spans, stops
from variorum.ui.panes.leveller import level_panes, line_level_with, measuring_fillers, shared_rows
from variorum.ui.panes.note_marks import note_ranges
from variorum.ui.panes.overview import OverviewStrip
from variorum.ui.panes.pane_header import role_of
from variorum.ui.panes.slices import SlicedWork
from variorum.ui.session import Session


class PanesView(QWidget):
    clicked = Signal(str, int)  # version id, code-point offset
    textSelected = Signal(str, int, int)  # version id, start, end of a selection the user made (empty: cleared)
    shown = Signal()  # every visible pane has its text and highlights
    jumpRequested = Signal(float)  # a click on the overview strip, as a fraction of the base text

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.comparison: Comparison | None = None
        self.alignment: AlignmentMap | None = None
        self.compared: str | None = None
        self.show_cosmetic = False
        self._panes: dict[str, DiffPane] = {}
        self._queue: list[str] = []
        self._filled: set[str] = set()
        self._colours: dict[str, QColor] = {}
        self._syncing = False
        self._note_ranges: dict[str, list[tuple[int, int, str]]] = {}  # start, end, what the note says
        self.context_actions: list = []  # QActions offered in every pane's context menu (e.g. "Add note…")
        self.same_as: dict[str, list[str]] = {}  # version id → identical versions shown in its pane
        self.fit_all = False  # True: every pane fits in the window; False: panes keep a readable width

        self._anchor_rows: list[dict[str, int]] = []  # paragraphs kept level by filler space: version -> offset
        self._shared_rows: dict[tuple[str, str], tuple[list[int], list[int]]] = {}  # of two versions, in each
        self._stops: tuple[tuple, list[Stop]] | None = None  # the stops, and what they were made for
        self._work = SlicedWork(self)  # filling the panes, then fitting their filler space
        self._filling = False  # the work is filling the panes for a new comparison (``shown`` follows)
        self._refit = False  # the widths changed while filler space was being fitted: fit it again
        self._refill = QTimer(self)
        self._refill.setSingleShot(True)
        self._refill.setInterval(150)
        self._refill.timeout.connect(self.apply_fillers)
        self._splitter = QSplitter(Qt.Orientation.Horizontal)
        self._splitter.splitterMoved.connect(lambda _pos, _index: self._refill.start())
        self._splitter.setChildrenCollapsible(False)
        self._splitter.setHandleWidth(6)
        self.scroll_area = QScrollArea(self)
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.scroll_area.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll_area.setWidget(self._splitter)
        self.overview = OverviewStrip(self)
        self.overview.jumpRequested.connect(self.jumpRequested)

        self.empty = QLabel(self)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        self.empty.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.empty.hide()

        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.empty, 1)
        layout.addWidget(self.scroll_area, 1)
        layout.addWidget(self.overview)

    # --- following the open case ----------------------------------------------------------------------------
    def follow(self, session: Session) -> None:
        """Show the session's case and keep up with it: versions, compared version, cosmetic toggle, notes."""
        self._session = session
        session.comparisonChanged.connect(self._show_session)
        session.versionsChanged.connect(self._show_session)
        session.currentChanged.connect(self._on_compared)
        session.cosmeticChanged.connect(lambda show: self.set_highlighting(self.compared, show))
        session.notesChanged.connect(self._on_notes)

    def _show_session(self) -> None:
        s = self._session
        if s.comparison is not None:
            self.same_as = s.identical()
            self.set_comparison(s.comparison, s.colours(), s.visible_ids(), s.hidden_ids(), s.compared,
                                s.show_cosmetic)

    def _on_compared(self) -> None:
        compared = self._session.compared
        self.set_highlighting(compared, self.show_cosmetic)
        if compared:
            self.scroll_pane_into_view(compared)

    def _on_notes(self) -> None:
        s = self._session
        self.set_note_ranges(note_ranges(s.notes, s.comparison if s.is_final() else None))

    # --- building -----------------------------------------------------------------------------------------
    def panes(self) -> list[DiffPane]:
        return [w for i in range(self._splitter.count()) if isinstance(w := self._splitter.widget(i), DiffPane)]

    def pane(self, version_id: str) -> DiffPane | None:
        return self._panes.get(version_id)

    def is_filling(self) -> bool:
        """The panes are being filled for the comparison on show (``shown`` follows)."""
        return self._filling

    def set_comparison(self, comparison: Comparison, colours: dict[str, QColor], order: list[str],
                       hidden: set[str], compared: str | None, show_cosmetic: bool) -> None:
        """Show ``comparison``: panes for the versions in ``order`` not in ``hidden``, filled incrementally.

        When the panes already show these versions (their texts were shown while the comparison ran), they
        are kept and only the highlights are added, block by block."""
        self._set_anchor_rows([])
        self.comparison = comparison
        self.alignment = alignment_for(comparison)  # its word-exact maps were built with the comparison
        self.compared = compared
        self.show_cosmetic = show_cosmetic
        known = {v.id for v in comparison.versions}
        visible = [vid for vid in order if vid in known and vid not in hidden]
        made = list(self._panes)  # panes may still be coming in from the previous call
        same = made == visible[:len(made)] and all(self._panes[vid].version is comparison.version(vid)
                                                   for vid in made)
        if not same:
            self._rebuild(comparison, colours, visible)
        for vid, pane in self._panes.items():
            pane.set_colour(colours.get(vid, pane.colour))
            pane.set_role(self._role(vid, compared), emphasised=vid == compared)
        self._queue = list(visible)
        self._show_empty_state(comparison, visible)
        self._update_overview()
        self._filling = True
        self._work.start(self._fill(), done=self._on_filled)

    def _role(self, vid: str, compared: str | None) -> str:
        c = self.comparison
        assert c is not None, "panes are labelled only for a comparison"
        role = role_of(c, vid, compared)
        same = [f"{o}  {c.version(o).label}" for o in self.same_as.get(vid, [])]
        return f"= {', '.join(same)} · {role}" if same else role

    def set_fit_all(self, fit: bool) -> None:
        """Fit every pane in the window (narrow panes) or keep each readable and scroll sideways."""
        self.fit_all = fit
        for pane in self._panes.values():
            pane.setMinimumWidth(0 if fit else PANE_MIN_WIDTH)
        count = len(set(self._panes) | set(self._queue))
        self._splitter.setMinimumWidth(0 if fit else count * (PANE_MIN_WIDTH + self._splitter.handleWidth()))
        self._splitter.setSizes([1000] * self._splitter.count())

    def _show_empty_state(self, comparison: Comparison, visible: list[str]) -> None:
        if visible:
            message = ""
        elif any(v.ok for v in comparison.versions):
            message = "Every version is hidden. Tick one in the Versions list to show it."
        elif comparison.versions:
            message = ("None of these files could be read, so there is nothing to compare.\n"
                       "The Versions list says what went wrong with each one.")
        else:
            message = "No versions yet."
        self.empty.setText(message)
        self.empty.setVisible(bool(message))
        self.scroll_area.setVisible(not message)

    def _rebuild(self, comparison: Comparison, colours: dict[str, QColor], visible: list[str]) -> None:
        """Forget the old panes; new ones are created one per event-loop turn by :meth:`_fill_next`."""
        for pane in self._panes.values():
            pane.hide()
            pane.setParent(None)
            pane.deleteLater()
        self._panes = {}
        self._filled = set()
        self._colours = colours
        self._splitter.setMinimumWidth(0 if self.fit_all else len(visible) * (PANE_MIN_WIDTH
                                                                              + self._splitter.handleWidth()))

    def _create(self, vid: str) -> DiffPane:
        c = self.comparison
        assert c is not None, "panes are built only for a comparison"
        pane = DiffPane(c.version(vid), self._colours.get(vid, Role.NEUTRAL.colour(False)))
        pane.set_role(self._role(vid, self.compared), emphasised=vid == self.compared)
        pane.clicked.connect(self.clicked)
        pane.textSelected.connect(self.textSelected)
        pane.tooltip_for = lambda offset, vid=vid: self.describe_at(vid, offset)
        pane.scrolled.connect(self._sync_from)
        pane.context_actions = self.context_actions
        if self.fit_all:
            pane.setMinimumWidth(0)
        pane.set_note_ranges([(s, e) for s, e, _t in self._note_ranges.get(vid, [])])
        self._splitter.addWidget(pane)
        self._panes[vid] = pane
        return pane

    def _fill(self) -> Iterator[None]:
        """Create and fill the panes (a step each), then fit their filler space."""
        c = self.comparison
        assert c is not None, "panes are filled only for a comparison"
        while self._queue:
            vid = self._queue[0]
            pane = self._panes.get(vid)
            if pane is None:  # create it in this step, fill it in the next: two short steps, not one long
                self._create(vid)
                yield
                continue
            self._queue.pop(0)
            if vid in self._filled:
                pane.set_spans(self._spans(vid))
            else:
                pane.set_text(c.version(vid).text, self._spans(vid))
                self._filled.add(vid)
            yield
        self._splitter.setSizes([1000] * self._splitter.count())
        yield from self._fitting()

    def _on_filled(self) -> None:
        self._filling = False
        self._update_overview()
        self.shown.emit()

    def apply_fillers(self) -> None:
        """Empty lines opposite the passages other versions have, so aligned paragraphs start on the same line
        in every pane of the same article; the panes keep their place in the text. Measured in slices (see
        :meth:`settled`)."""
        if self.comparison is None or self._queue or not self._panes:
            return
        if self._work.active():
            self._refit = True  # the work under way fits the filler space again at its end
            return
        self._work.start(self._fitting())

    def _fitting(self) -> Iterator[None]:
        self._refit = False
        yield from self._fit()
        while self._refit:
            self._refit = False
            yield from self._fit()

    def _fit(self) -> Iterator[None]:
        c = self.comparison
        if c is None or not self._panes:
            return
        ids = [vid for vid in self._panes if c.base is not None and self._aligned(vid) and c.version(vid).ok]
        rows = anchors(c, ids) if len(ids) > 1 else []
        yield
        for pane in self._panes.values() if c.base is not None else ():  # exact line numbers: all laid out
            yield from pane.laying_out()
        lines = yield from measuring_fillers(rows, self._panes)
        self._set_anchor_rows(rows)
        changed = [vid for vid, pane in self._panes.items() if pane.fillers() != lines.get(vid, {})]
        if changed:
            driver = self._panes.get(c.base) if c.base else None
            top = driver.top_offset() if driver is not None else None
            for vid in changed:
                pane = self._panes[vid]
                at = pane.top_offset() if pane.top_line() else None
                pane.set_fillers(lines.get(vid, {}))
                if at is not None:
                    pane.scroll_to_offset(at)  # it stays where it was while the others are fitted
                yield
            for pane in self._panes.values():
                yield from pane.laying_out()
            self._level_after_fitting(driver, top)
        for a, driver in self._panes.items():  # what scrolling together reads at every step, remembered
            for b in self._panes:
                if a != b and self._aligned(a) and self._aligned(b):
                    driver.lines_of(self._shared(a, b)[0])
                    yield

    def _level_after_fitting(self, driver: DiffPane | None, top: int | None) -> None:
        c = self.comparison
        current = {pane: pane.selected_range() for pane in self._panes.values()
                   if pane.marked_ranges() or pane.editor.marker is not None}
        if current:  # the user is on a difference or a finding: keep it level
            self._syncing = True
            try:
                level_panes(current)
            finally:
                self._syncing = False
        elif driver is not None and top and c is not None and c.base is not None:
            driver.scroll_to_offset(top)
            self._sync_from(c.base)

    def _set_anchor_rows(self, rows: list[dict[str, int]]) -> None:
        self._anchor_rows = rows
        self._shared_rows = {}

    def _shared(self, a: str, b: str) -> tuple[list[int], list[int]]:
        """The rows of paragraphs kept level that versions ``a`` and ``b`` both have, remembered."""
        if (a, b) not in self._shared_rows:
            self._shared_rows[a, b] = shared_rows(self._anchor_rows, a, b)
        return self._shared_rows[a, b]

    def settled(self) -> bool:
        """Every pane has its text and highlights, and its filler space fits the present width."""
        return not self._queue and not self._work.active() and not self._refill.isActive()

    def resizeEvent(self, event) -> None:  # noqa: N802
        super().resizeEvent(event)
        self._refill.start()  # line counts change with the width

    def _spans(self, vid: str) -> list[tuple[int, int, str]]:
        if self.comparison is None:
            return []
        return pane_spans(self.comparison, vid, self.compared, self.show_cosmetic)

    def set_note_ranges(self, ranges: dict[str, list[tuple[int, int, str]]]) -> None:
        """Mark the words that carry a note, per version, in the panes and (for the base) the overview strip;
        each range comes with what the note says, shown when the pointer rests on it."""
        self._note_ranges = {vid: list(r) for vid, r in ranges.items()}
        for vid, pane in self._panes.items():
            pane.set_note_ranges([(s, e) for s, e, _t in self._note_ranges.get(vid, [])])
        self._update_note_marks()

    def _update_note_marks(self) -> None:
        c = self.comparison
        base = c.base_version if c else None
        if c is None or c.base is None or base is None or not base.text or self.alignment is None:
            self.overview.set_note_marks([])
            return
        n = len(base.text)
        marks = []
        for vid, ranges in self._note_ranges.items():
            if vid != c.base and not is_word_diffed(c, vid):
                continue  # related coverage does not line up with the base
            for start, end, _text in ranges:
                if vid != c.base:
                    start, end = self.alignment.map(vid, start, c.base), self.alignment.map(vid, end, c.base)
                marks.append((start / n, max(start, end) / n))
        self.overview.set_note_marks(marks)

    def set_highlighting(self, compared: str | None, show_cosmetic: bool) -> None:
        """Change the compared version or the cosmetic toggle: only highlights and headers change."""
        if self.comparison is None:
            return
        cosmetic_changed = show_cosmetic != self.show_cosmetic
        self.compared, self.show_cosmetic = compared, show_cosmetic
        for vid, pane in self._panes.items():
            pane.set_role(self._role(vid, compared), emphasised=vid == compared)
            if vid in self._queue:
                continue  # filled later with the new spans
            if cosmetic_changed or vid == self.comparison.base:
                pane.set_spans(self._spans(vid))
        self._update_overview()

    def changeEvent(self, event) -> None:  # noqa: N802
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            self._update_overview()  # the strip's colours follow light or dark

    def describe_at(self, version_id: str, offset: int) -> str | None:
        """What is highlighted at ``offset`` in a pane, in words (the tooltip over a highlight)."""
        c = self.comparison
        if c is None or c.base is None:
            return None
        notes = [t for s, e, t in self._note_ranges.get(version_id, []) if s <= offset < e]
        parts = [describe_at(c, version_id, offset, self.compared, self.show_cosmetic)] + notes[:3]
        return "\n\n".join(p for p in parts if p) or None

    # --- overview and selection -----------------------------------------------------------------------------
    def stops(self) -> list[Stop]:
        """Where Alt+Down stops (remembered for the comparison, compared version and cosmetic choice on show)."""
        if self.comparison is None:
            return []
        key = (self.comparison, self.compared, self.show_cosmetic)
        if self._stops is None or any(a is not b for a, b in zip(self._stops[0], key, strict=True)):
            self._stops = key, stops(self.comparison, self.compared, self.show_cosmetic)
        return list(self._stops[1])

    def _update_overview(self) -> None:
        c = self.comparison
        base = c.base_version if c else None
        if base is None or not base.text:
            self.overview.set_marks([])
            return
        n = len(base.text)
        dark = is_dark(self.palette())
        marks = []
        for s in self.stops():
            d = s.difference
            key: str
            if d is not None:
                key = "cosmetic" if d.cosmetic else d.kind
            else:
                key = "fact-shared" if s.finding is not None and s.finding.severity == "info" else "fact-conflict"
            marks.append((s.start / n, s.end / n, mark_colour(key, dark)))
        self.overview.set_marks(marks)
        self._update_note_marks()
        self._update_view_mark()

    def _update_view_mark(self) -> None:
        c = self.comparison
        base = c.base if c else None
        pane = self._panes.get(base) if base else None
        if pane is not None and base not in self._queue:
            self.overview.set_view(*pane.visible_fraction())

    def mark_current(self, stop: Stop | None) -> None:
        base = self.comparison.base_version if self.comparison else None
        if stop is None or base is None or not base.text:
            self.overview.set_current(None)
            return
        n = len(base.text)
        self.overview.set_current((stop.start / n, stop.end / n))

    def select_ranges(self, ranges: Mapping[str, tuple[int, int] | Sequence[tuple[int, int]]], *,
                      level_at: Mapping[str, int] | None = None, notices: Mapping[str, str] | None = None) -> None:
        """Select the range (or ranges: the first is the selection, the rest are marked with it) in each pane
        named; other panes lose their selection. The first range of every pane, and the offsets of
        ``level_at`` (panes with nothing to select), are brought to the same line of the screen. ``notices``
        are shown in the panes' headers (others show none)."""
        notices = notices or {}
        level: dict[DiffPane, tuple[int, int]] = {}
        self._syncing = True
        try:
            for vid, pane in self._panes.items():
                pane.set_notice(notices.get(vid, ""))
                wanted = ranges.get(vid)
                if wanted:
                    first, *rest = _spans(wanted)
                    pane.select(*first, scroll=False, also=tuple(rest))
                    level[pane] = first
                else:
                    pane.clear_selection()
                    if level_at and vid in level_at:
                        level[pane] = (level_at[vid], level_at[vid] + 1)
            level_panes(level)
        finally:
            self._syncing = False
        self._update_view_mark()

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

    # --- synchronised scrolling ----------------------------------------------------------------------------
    def _aligned(self, version_id: str) -> bool:
        """The base and the versions of the same article scroll together; related coverage is another text
        whose paragraphs do not line up, so it scrolls on its own."""
        c = self.comparison
        return c is not None and (version_id == c.base or is_word_diffed(c, version_id))

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


def _spans(wanted: tuple[int, int] | Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """One (start, end) pair, or a sequence of them, as a list of pairs."""
    if isinstance(wanted[0], int):
        return [cast(tuple[int, int], wanted)]
    return list(cast(Sequence[tuple[int, int]], wanted))

"""The side-by-side view: one :class:`DiffPane` per visible version, an overview strip, synchronised scrolling.

Panes sit in a splitter inside a horizontal scroll area, so eight or more versions stay usable: each pane keeps a
minimum width and the view scrolls sideways. Texts are put into the panes, laid out and measured for filler
space in short slices of event-loop turns (:mod:`~variorum.ui.panes.filling`), so a large case never freezes the
window; ``shown`` is emitted when every pane has its text, highlights and filler space. Scrolling together and
selections brought level are in :mod:`~variorum.ui.panes.sync_scroll`, the overview strip's marks in
:mod:`~variorum.ui.panes.overview_marks`.
"""

from __future__ import annotations

import weakref
from collections.abc import Iterator

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QHBoxLayout, QLabel, QScrollArea, QSplitter, QWidget

from variorum.core.model import Comparison
from variorum.ui.palette import is_dark
from variorum.ui.panes.alignment_map import forget_alignments
from variorum.ui.panes.diff_pane import PANE_MIN_WIDTH, DiffPane
from variorum.ui.panes.filling import PaneFilling
from variorum.ui.panes.highlights import Stop, describe_at, stops
from variorum.ui.panes.note_marks import note_ranges
from variorum.ui.panes.overview import OverviewStrip
from variorum.ui.panes.overview_marks import note_notches, stop_ticks
from variorum.ui.panes.slices import SlicedWork
from variorum.ui.session import Session


class PanesView(PaneFilling, QWidget):
    clicked = Signal(str, int)  # version id, code-point offset
    textSelected = Signal(str, int, int)  # version id, start, end of a selection the user made (empty: cleared)
    shown = Signal()  # every visible pane has its text and highlights
    jumpRequested = Signal(float)  # a click on the overview strip, as a fraction of the base text

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session = session  # the open case: what the panes show is read from it when they are drawn
        self._drawn_cosmetic = session.show_cosmetic  # whether the highlights drawn include cosmetic ones
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
        # the stops, and what they were made for (the comparison by a weak reference: it is the session's)
        self._stops: tuple[tuple, list[Stop]] | None = None
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

        session.comparisonChanged.connect(self._draw)
        session.versionsChanged.connect(self._draw)
        session.currentChanged.connect(self._on_compared)
        session.cosmeticChanged.connect(lambda _show: self.set_highlighting())
        session.notesChanged.connect(self._on_notes)
        session.closed.connect(self._on_closed)

    # --- following the open case ----------------------------------------------------------------------------
    def _on_compared(self) -> None:
        self.set_highlighting()
        if self.compared:
            self.scroll_pane_into_view(self.compared)

    def _on_notes(self) -> None:
        s = self._session
        self.set_note_ranges(note_ranges(s.notes, s.comparison if s.is_final() else None))

    def _on_closed(self) -> None:
        """Nothing of the closed case stays: the work on its panes stops, and its position map is let go."""
        self._work.cancel()
        self._queue, self._filling, self._stops = [], False, None
        forget_alignments()

    # --- building -----------------------------------------------------------------------------------------
    def panes(self) -> list[DiffPane]:
        return [w for i in range(self._splitter.count()) if isinstance(w := self._splitter.widget(i), DiffPane)]

    def pane(self, version_id: str) -> DiffPane | None:
        return self._panes.get(version_id)

    def text_to_read(self) -> QWidget | None:
        """The text of the compared version's pane (else the base's, else the first shown), scrolled into view:
        where the keyboard focus goes when it comes to the texts."""
        c = self.comparison
        if c is None:
            return None
        for vid in (self.compared, c.base, *(v.id for v in c.versions)):
            pane = self._panes.get(vid) if vid is not None else None
            if pane is not None and pane.isVisible():
                self.scroll_pane_into_view(pane.version_id)
                return pane.editor
        return None

    def is_filling(self) -> bool:
        """The panes are being filled for the comparison on show (``shown`` follows)."""
        return self._filling

    def _draw(self) -> None:
        """Show the session's comparison: panes for its shown versions, filled incrementally from the next
        event-loop turn on (a comparison that comes with its versions changed is drawn once)."""
        if self._session.comparison is not None:
            self._filling = True
            self._work.start(self._drawing(), done=self._on_filled)

    def _drawing(self) -> Iterator[None]:
        """The panes for the session's comparison, then their texts and highlights. When the panes already show
        these versions (their texts were shown while the comparison ran), they are kept and only the highlights
        are added, block by block."""
        s = self._session
        comparison = s.comparison
        if comparison is None:
            return
        self.same_as = s.identical()
        colours, compared = s.colours(), s.compared
        self._set_anchor_rows([])
        self._drawn_cosmetic = s.show_cosmetic
        hidden = s.hidden_ids()
        known = {v.id for v in comparison.versions}
        visible = [vid for vid in s.visible_ids() if vid in known and vid not in hidden]
        made = list(self._panes)  # panes may still be coming in from the previous call
        same = made == visible[:len(made)] and all(self._panes[vid].version is comparison.version(vid)
                                                   for vid in made)
        if not same:
            self._rebuild(colours, visible)
        for vid, pane in self._panes.items():
            pane.set_colour(colours.get(vid, pane.colour))
            pane.set_role(self._role(vid, compared), emphasised=vid == compared)
        self._queue = list(visible)
        self._show_empty_state(comparison, visible)
        self._update_overview()
        yield
        yield from self._fill()

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

    def _on_filled(self) -> None:
        self._filling = False
        self._update_overview()
        self.shown.emit()

    def resizeEvent(self, event) -> None:  # noqa: N802
        super().resizeEvent(event)
        self._refill.start()  # line counts change with the width

    def set_note_ranges(self, ranges: dict[str, list[tuple[int, int, str]]]) -> None:
        """Mark the words that carry a note, per version, in the panes and (for the base) the overview strip;
        each range comes with what the note says, shown when the pointer rests on it."""
        self._note_ranges = {vid: list(r) for vid, r in ranges.items()}
        for vid, pane in self._panes.items():
            pane.set_note_ranges([(s, e) for s, e, _t in self._note_ranges.get(vid, [])])
        self._update_note_marks()

    def _update_note_marks(self) -> None:
        self.overview.set_note_marks(note_notches(self.comparison, self._note_ranges, self.alignment))

    def set_highlighting(self) -> None:
        """The compared version or the cosmetic toggle changed: only highlights and headers change."""
        c = self.comparison
        if c is None:
            return
        compared, show_cosmetic = self.compared, self.show_cosmetic
        cosmetic_changed = show_cosmetic != self._drawn_cosmetic
        self._drawn_cosmetic = show_cosmetic
        for vid, pane in self._panes.items():
            pane.set_role(self._role(vid, compared), emphasised=vid == compared)
            if vid in self._queue:
                continue  # filled later with the new spans
            if cosmetic_changed or vid == c.base:
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

    # --- stops and the overview strip -----------------------------------------------------------------------------------
    def stops(self) -> list[Stop]:
        """Where Alt+Down stops (remembered for the comparison, compared version and cosmetic choice on show)."""
        c, compared, cosmetic = self.comparison, self.compared, self.show_cosmetic
        if c is None:
            return []
        kept = self._stops
        if kept is None or kept[0][0]() is not c or kept[0][1:] != (compared, cosmetic):
            kept = self._stops = (weakref.ref(c), compared, cosmetic), stops(c, compared, cosmetic)
        return list(kept[1])

    def _update_overview(self) -> None:
        c = self.comparison
        base = c.base_version if c else None
        if base is None or not base.text:
            self.overview.set_marks([])
            return
        self.overview.set_marks(stop_ticks(self.stops(), len(base.text), is_dark(self.palette())))
        self._update_note_marks()
        self._update_view_mark()

    def mark_current(self, stop: Stop | None) -> None:
        base = self.comparison.base_version if self.comparison else None
        if stop is None or base is None or not base.text:
            self.overview.set_current(None)
            return
        n = len(base.text)
        self.overview.set_current((stop.start / n, stop.end / n))



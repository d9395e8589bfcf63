"""Creating and filling the panes of a comparison, then fitting their filler space, in short slices of event-loop
turns (:mod:`~variorum.ui.panes.slices`), so a large case never freezes the window.

Mixed into :class:`~variorum.ui.panes.view.PanesView`: a pane is created in one step and filled in the next; once
every pane has its text and highlights, each is laid out block by block, the filler space that keeps aligned
paragraphs level is measured and set, and the lines scrolling together reads are remembered.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from PySide6.QtCore import QTimer, SignalInstance
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QSplitter

from variorum.ui.palette import Role
from variorum.ui.panes.diff_pane import PANE_MIN_WIDTH, DiffPane
from variorum.ui.panes.fillers import anchors
from variorum.ui.panes.highlights import pane_spans
from variorum.ui.panes.leveller import measuring_fillers
from variorum.ui.panes.pane_header import role_of
from variorum.ui.panes.slices import SlicedWork
from variorum.ui.panes.sync_scroll import SyncedScrolling


class PaneFilling(SyncedScrolling):
    clicked: SignalInstance  # the view's Qt signals, which the panes' own are connected to
    textSelected: SignalInstance
    same_as: dict[str, list[str]]  # version id → identical versions shown in its pane
    fit_all: bool
    context_actions: list
    _filled: set[str]
    _colours: dict[str, QColor]
    _note_ranges: dict[str, list[tuple[int, int, str]]]
    _work: SlicedWork  # filling the panes, then fitting their filler space
    _refit: bool  # the widths changed while filler space was being fitted: fit it again
    _refill: QTimer  # fits the filler space again once the widths have stopped changing
    _splitter: QSplitter
    describe_at: Callable[[str, int], str | None]  # what is highlighted at an offset of a pane (its tooltip)

    def _role(self, vid: str, compared: str | None) -> str:
        c = self.comparison
        assert c is not None, "panes are labelled only for a comparison"
        role = role_of(c, vid, compared)
        same = [f"{o}  {c.version(o).label}" for o in self.same_as.get(vid, [])]
        return f"= {', '.join(same)} · {role}" if same else role

    def _spans(self, vid: str) -> list[tuple[int, int, str]]:
        if self.comparison is None:
            return []
        return pane_spans(self.comparison, vid, self.compared, self.show_cosmetic)

    def _rebuild(self, colours: dict[str, QColor], visible: list[str]) -> None:
        """Forget the old panes; new ones are created one per event-loop turn by :meth:`_fill`."""
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
        """Create the panes (a step each) and give them their widths, then fill them (a step each), then fit
        their filler space. Every pane has its final width before it gets its text, so no text is wrapped
        twice: a pane added beside others once narrowed every pane already filled."""
        c = self.comparison
        assert c is not None, "panes are filled only for a comparison"
        created = False
        for vid in self._queue:
            if vid not in self._panes:
                self._create(vid)
                created = True
                yield
        if created:
            self._splitter.setSizes([1000] * self._splitter.count())
        while self._queue:
            vid = self._queue.pop(0)
            pane = self._panes[vid]
            if vid in self._filled:
                pane.set_spans(self._spans(vid))
            else:
                pane.set_text(c.version(vid).text, self._spans(vid))
                self._filled.add(vid)
            yield
        self._splitter.setSizes([1000] * self._splitter.count())
        yield from self._fitting()

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

    def settled(self) -> bool:
        """Every pane has its text and highlights, and its filler space fits the present width."""
        return not self._queue and not self._work.active() and not self._refill.isActive()

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

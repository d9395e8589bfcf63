"""When a finished comparison is on screen: the panes filled, the docks' details drawn and the notes shown.

Each part of the window takes a new comparison in its own event-loop turns; this says when the last of them has
shown the session's comparison, so the window can announce it (``comparisonShown``). It remembers the
comparison the notes were shown for by a weak reference only: the session owns it.
"""

from __future__ import annotations

import weakref

from PySide6.QtCore import QObject, Signal

from variorum.core.model import Comparison
from variorum.ui.notes.case_notes import CaseNotes
from variorum.ui.panes.view import PanesView
from variorum.ui.session import Session
from variorum.ui.window.docks import Docks


class ShownWatch(QObject):
    shown = Signal()  # the session's finished comparison is on screen, highlights and all

    def __init__(self, session: Session, panes: PanesView, docks: Docks, notes: CaseNotes) -> None:
        super().__init__(session)
        self._session, self._panes, self._docks = session, panes, docks
        self._notes_for: weakref.ref[Comparison] | None = None  # the comparison the notes dock shows
        notes.shown.connect(self._on_notes_shown)
        docks.detailsShown.connect(self.check)

    def _on_notes_shown(self) -> None:
        c = self._session.comparison
        self._notes_for = weakref.ref(c) if c is not None else None
        self.check()

    def check(self) -> None:
        """Say ``shown`` if every part of the window now shows the session's finished comparison."""
        s = self._session
        c = s.comparison
        notes_for = self._notes_for() if self._notes_for is not None else None
        if (c is not None and s.is_final() and notes_for is c and self._docks.details_for is c
                and not self._panes.is_filling()):
            self.shown.emit()

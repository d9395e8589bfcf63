"""The notes dock of the main window: opens the notes store, follows the open case and the user's focus.

The notes themselves live in :class:`~variorum.ui.notes_panel.NotesPanel`; this module connects it to the
window: which case is open, what "Add note" attaches to (the current finding, difference or text selection),
where a clicked note's anchor is, and the note statuses shown beside findings.
"""

from __future__ import annotations

import html
import logging
import re

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QDockWidget, QLabel, QMainWindow, QMenu, QVBoxLayout, QWidget

from variorum.core.model import Comparison
from variorum.core.notes import NotesError, NotesStore
from variorum.core.notes.report import notes_for_report
from variorum.ui.case_bar import CaseBar
from variorum.ui.note_marks import note_ranges
from variorum.ui.notes_panel import NotesPanel
from variorum.ui.preferences import note_author

_QUOTE = re.compile(r"^quote:(v\d+):(\d+)-(\d+)$")
log = logging.getLogger(__name__)


class CaseNotes(QObject):
    findingRequested = Signal(str)  # finding id
    differenceRequested = Signal(str)  # difference id
    rangeRequested = Signal(str, int, int)  # version id, start, end
    statusesChanged = Signal(dict)  # finding id -> status of its latest note
    marksChanged = Signal(dict)  # version id -> [(start, end)] of the words notes are attached to

    def __init__(self, window: QMainWindow, view_menu: QMenu) -> None:
        super().__init__(window)
        self.case_id: str | None = None
        self.comparison: Comparison | None = None
        self.store: NotesStore | None = None
        self.panel: NotesPanel | None = None
        self.case_bar: CaseBar | None = None
        self.error: str | None = None  # why notes are not available, shown in the dock and the status bar
        try:
            self.store = NotesStore(user=note_author())
        except (NotesError, OSError) as exc:
            log.warning("Notes are not available: %s", exc)
            self.error = str(exc)
            widget = QLabel(f"<b>Notes are not available.</b><br><br>{html.escape(str(exc))}<br><br>"
                            f"Comparing files works as usual; notes cannot be added until the store is fixed.")
            widget.setObjectName("notesError")
            widget.setWordWrap(True)
            widget.setTextFormat(Qt.TextFormat.RichText)
            widget.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            widget.setAlignment(Qt.AlignmentFlag.AlignCenter)
            widget.setContentsMargins(12, 12, 12, 12)
        else:
            self.panel = NotesPanel(self.store)
            window.addAction(self.panel.add_note_action)  # Ctrl+M anywhere in the window
            self.panel.noteActivated.connect(self._jump)
            self.panel.notesChanged.connect(self._emit_statuses)
            self.case_bar = CaseBar(self.store)
            self.case_bar.caseDeleted.connect(self._on_case_deleted)
            self.case_bar.message.connect(lambda m: window.statusBar().showMessage(m, 20000))
            widget = QWidget()
            column = QVBoxLayout(widget)
            column.setContentsMargins(0, 4, 0, 0)
            column.addWidget(self.case_bar)
            column.addWidget(self.panel, 1)
        self.dock = QDockWidget("Notes", window)
        self.dock.setObjectName("notesDock")
        self.dock.setWidget(widget)
        window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.dock)
        view_menu.addAction(self.dock.toggleViewAction())

    @property
    def add_note_action(self):
        return self.panel.add_note_action if self.panel is not None else None

    def drop_targets(self) -> list:
        """Text fields that would take a dropped file as text; files dropped there open as versions."""
        if self.panel is None:
            return []
        return [self.panel.body_edit, self.panel.body_edit.viewport()]

    def set_comparison(self, comparison: Comparison | None) -> None:
        """Open (or create) the case for these versions and show its notes, re-anchored to this comparison."""
        self.comparison = comparison
        if self.panel is None:
            return
        self.case_id = None
        if comparison is not None and comparison.base is not None:
            try:
                self.case_id = self.store.open_case(comparison.versions).id
            except NotesError:
                self.case_id = None
        self.panel.set_case(self.case_id, comparison if self.case_id else None)
        self.case_bar.set_case(self.case_id)
        self.panel.set_context("case", "the case")
        self._emit_statuses()

    def _on_case_deleted(self, _case_id: str) -> None:
        self.case_id = None
        self.panel.set_case(None)
        self.case_bar.set_case(None)
        self._emit_statuses()

    def set_author(self, author: str) -> None:
        """The name written on notes changed from now on (Preferences)."""
        if self.store is not None:
            self.store.user = author

    def set_context(self, anchor: str, label: str) -> None:
        if self.panel is not None and self.case_id is not None:
            self.panel.set_context(anchor, label)

    def notes_for_report(self) -> list[dict]:
        if self.store is None or self.case_id is None:
            return []
        if self.panel is not None:
            self.panel.flush()
        try:
            return notes_for_report(self.store, self.case_id, self.comparison)
        except NotesError:
            return []

    def close(self) -> None:
        if self.panel is not None:
            self.panel.flush()
        if self.store is not None:
            self.store.close()
            self.store = None

    def _emit_statuses(self) -> None:
        if self.panel is None:
            return
        statuses = {anchor.split(":", 1)[1]: status for anchor, status in self.panel.anchor_statuses().items()
                    if anchor and anchor.startswith("finding:")}
        self.statusesChanged.emit(statuses)
        notes = []
        if self.case_id is not None and self.store is not None:
            try:
                notes = self.store.notes(self.case_id)
            except NotesError:
                notes = []
        self.marksChanged.emit(note_ranges(notes, self.comparison))
        # The tab beside Findings says how many notes the case has, so they are not missed behind it.
        self.dock.setWindowTitle(f"Notes ({len(notes)})" if notes else "Notes")

    def _jump(self, anchor: str) -> None:
        kind, _, rest = (anchor or "").partition(":")
        if kind == "finding":
            self.findingRequested.emit(rest)
        elif kind == "difference":
            self.differenceRequested.emit(rest)
        else:
            m = _QUOTE.match(anchor or "")
            if m:
                self.rangeRequested.emit(m.group(1), int(m.group(2)), int(m.group(3)))

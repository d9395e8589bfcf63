"""The notes dock of the main window: opens the notes store, follows the open case and the user's focus.

The notes themselves live in :class:`~variorum.ui.notes.panel.NotesPanel`; this module connects it to the
:class:`~variorum.ui.session.Session`: which case is open, what "Add note" attaches to (the session's focus:
the current finding, difference or text selection), where a clicked note's anchor is, and the case's notes,
which the session hands on to the panels that mark findings and words.
"""

from __future__ import annotations

import html
import logging

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDockWidget, QLabel, QMainWindow, QMenu, QVBoxLayout, QWidget

from variorum.core.notes import NotesError, NotesStore
from variorum.core.notes.refs import AnchorRef
from variorum.core.notes.report import notes_for_report
from variorum.ui.notes.case_bar import CaseBar
from variorum.ui.notes.panel import NotesPanel
from variorum.ui.session import Session
from variorum.ui.window.preferences import note_author

log = logging.getLogger(__name__)


class CaseNotes(QObject):
    findingRequested = Signal(str)  # finding id
    differenceRequested = Signal(str)  # difference id
    rangeRequested = Signal(str, int, int)  # version id, start, end
    shown = Signal()  # the notes of the session's comparison (or none, when it closed) are shown

    def __init__(self, window: QMainWindow, view_menu: QMenu, session: Session) -> None:
        super().__init__(window)
        self.session = session
        self.case_id: str | None = None
        self.store: NotesStore | None = None
        self.panel: NotesPanel | None = None
        self.case_bar: CaseBar | None = None
        self.error: str | None = None  # why notes are not available, shown in the dock and the status bar
        self.context_add_note: QAction | None = None  # "Add note…" for the context menus of the panes and findings
        widget: QWidget  # the dock's content: the notes, or why they are not available
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
            self.panel = NotesPanel(self.store, session)
            window.addAction(self.panel.add_note_action)  # Ctrl+M anywhere in the window
            self.panel.noteActivated.connect(self._jump)
            self.panel.notesChanged.connect(self._publish_notes)
            session.focusChanged.connect(self._follow_focus)
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
        if self.panel is not None:
            add = self.panel.add_note_action
            add.triggered.connect(self.show_dock)
            self.context_add_note = QAction("Add note…", self)
            self.context_add_note.setShortcut(add.shortcut())
            self.context_add_note.setShortcutVisibleInContextMenu(True)
            self.context_add_note.triggered.connect(add.trigger)
            self.context_add_note.setEnabled(add.isEnabled())  # greyed out while no case is open
            add.changed.connect(lambda: self.context_add_note.setEnabled(add.isEnabled()))
        session.comparisonChanged.connect(self._on_comparison)
        session.closed.connect(self.show_case)

    def _on_comparison(self) -> None:
        """After the findings (which take their turn first): opening the case writes to the disk."""
        if self.session.is_final():
            comparison = self.session.comparison

            def later() -> None:
                if comparison is self.session.comparison:
                    self.show_case()

            QTimer.singleShot(1, self, lambda: QTimer.singleShot(1, self, later))  # timer turns: repaints between

    def show_dock(self) -> None:
        self.dock.show()
        self.dock.raise_()

    @property
    def add_note_action(self):
        return self.panel.add_note_action if self.panel is not None else None

    def drop_targets(self) -> list:
        """Text fields that would take a dropped file as text; files dropped there open as versions."""
        if self.panel is None:
            return []
        return [self.panel.body_edit, self.panel.body_edit.viewport()]

    def show_case(self) -> None:
        """Open (or create) the case for the session's versions and show its notes, re-anchored to its comparison;
        with no comparison, show none."""
        if self.panel is not None:
            self._open_case()
        self.shown.emit()

    def _open_case(self) -> None:
        if self.store is None or self.panel is None or self.case_bar is None:
            return
        comparison = self.session.comparison if self.session.is_final() else None
        self.case_id = None
        if comparison is not None and comparison.base is not None:
            try:
                self.case_id = self.store.open_case(comparison.versions).id
            except NotesError:
                self.case_id = None
        self.panel.set_case(self.case_id)
        self.case_bar.set_case(self.case_id)
        self._follow_focus()
        self._publish_notes()

    def _on_case_deleted(self, _case_id: str) -> None:
        self.case_id = None
        if self.panel is not None and self.case_bar is not None:
            self.panel.set_case(None)
            self.case_bar.set_case(None)
        self._publish_notes()

    def set_author(self, author: str) -> None:
        """The name written on notes changed from now on (Preferences)."""
        if self.store is not None:
            self.store.user = author

    def _follow_focus(self) -> None:
        if self.panel is not None and self.case_id is not None:
            self.panel.set_context(self.session.focus, self.session.focus_label)

    def notes_for_report(self) -> list[dict]:
        if self.store is None or self.case_id is None:
            return []
        if self.panel is not None:
            self.panel.flush()
        try:
            return notes_for_report(self.store, self.case_id, self.session.comparison)
        except NotesError:
            return []

    def close(self) -> None:
        if self.panel is not None:
            self.panel.flush()
        if self.store is not None:
            self.store.close()
            self.store = None

    def _publish_notes(self) -> None:
        """Hand the case's notes to the session (the findings' statuses and the marks on the words follow)."""
        if self.panel is None:
            return
        notes = []
        if self.case_id is not None and self.store is not None:
            try:
                notes = self.store.notes(self.case_id)
            except NotesError:
                notes = []
        self.session.set_notes(notes)
        # The tab beside Findings says how many notes the case has, so they are not missed behind it.
        self.dock.setWindowTitle(f"Notes ({len(notes)})" if notes else "Notes")

    def _jump(self, anchor: AnchorRef) -> None:
        if anchor.kind == "finding":
            self.findingRequested.emit(anchor.ref)
        elif anchor.kind == "difference":
            self.differenceRequested.emit(anchor.ref)
        elif anchor.kind == "quote" and anchor.ref and anchor.start is not None and anchor.end is not None:
            self.rangeRequested.emit(anchor.ref, anchor.start, anchor.end)
